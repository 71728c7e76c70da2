"""The page cache: time to serve each page type rendered afresh against served from the cache."""

import argparse
import os
import statistics
import subprocess
import sys
import time

from tests.benchmarks.common import ROOT, bench_env, manage


def main(argv):
    parser = argparse.ArgumentParser(prog="bench_page_cache")
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--requests", type=int, default=50)
    args, _ = parser.parse_known_args(argv)
    env = bench_env(DJANGO_ALLOWED_HOSTS="testserver")
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input", "--ignore", "admin")
    manage(env, "generate_articles", str(args.articles))
    # Measured in a fresh process, set up with the production settings and this data folder.
    subprocess.run(
        [sys.executable, "-m", __name__, "--measure", str(args.requests)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def measure(requests):
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    from articles.models import Article, Category

    client = Client()
    article = Article.objects.published().first()
    word = max(article.title.split(), key=len)
    pages = {
        "home": "/",
        "article": article.get_absolute_url(),
        "category": Category.objects.first().get_absolute_url(),
        f"search ({word})": f"/search/?q={word}",
        "RSS feed": "/feed/rss/",
        "sitemap": "/sitemap.xml",
    }
    print(f"{Article.objects.count()} stories; median of {requests} requests, in ms")
    print(f"{'page':<28}{'rendered':>10}{'cached':>10}")
    for name, url in pages.items():
        timings = {}
        for label, seconds in [("rendered", 0), ("cached", 300)]:
            settings.PAGE_CACHE_SECONDS = seconds
            cache.clear()
            client.get(url)
            samples = []
            for _ in range(requests):
                start = time.perf_counter()
                response = client.get(url)
                samples.append(time.perf_counter() - start)
            assert response.status_code == 200, url
            assert response.has_header("X-Cache") == bool(seconds), url
            timings[label] = statistics.median(samples) * 1000
        print(f"{name[:27]:<28}{timings['rendered']:>10.1f}{timings['cached']:>10.2f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
        measure(int(sys.argv[2]))
    else:
        main(sys.argv[1:])
