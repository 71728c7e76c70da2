"""
Search at scale: latency of a fixed set of queries on the database in use (SQLite, or the one
DATABASE_URL names, which should be empty), beside a naive `icontains` search of the same
stories; and the index's build time and size.

    make bench BENCH_ARGS="search --articles 100000"
    DATABASE_URL=postgres://... make bench BENCH_ARGS="search --articles 100000"
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

from tests.benchmarks.common import ROOT, bench_env, manage

QUERIES = {
    "common word": "vaccine",
    "rare word": "axolotl",
    "two-word phrase": '"cancer therapy"',
    "misspelling": "alzeimer",
    "no hits": "zebrafish",
}
# Stories given rare headlines after generation, by QuerySet.update() (which the index follows).
RARE = {"Axolotl limbs regrow": 40, "Alzheimer drug slows decline": 25}


def main(argv):
    parser = argparse.ArgumentParser(prog="bench_search")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--baseline-runs", type=int, default=5)
    parser.add_argument("--data-dir", help="reuse this data folder (and its SQLite database)")
    parser.add_argument("--no-generate", action="store_true", help="measure the stories there")
    args, _ = parser.parse_known_args(argv)
    env = bench_env(args.data_dir, DJANGO_ALLOWED_HOSTS="testserver", PAGE_CACHE_SECONDS="0")
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input", "--ignore", "admin")
    if not args.no_generate:
        seconds, _ = manage(env, "generate_articles", str(args.articles))
        print(f"generate_articles {args.articles} (index kept up to date): {seconds:.1f} s")
    subprocess.run(
        [sys.executable, "-m", __name__, "--measure", str(args.runs), str(args.baseline_runs)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def timed(function, runs):
    samples, result = [], None
    function()  # warm the caches
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return statistics.median(samples), p95, result


def measure(runs, baseline_runs):
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Q, Value
    from django.db.models.functions import Concat
    from django.test import Client

    from articles.models import Article
    from articles.views import MAX_SEARCH_RESULTS

    if not Article.objects.filter(title__startswith="Axolotl").exists():
        stories = Article.objects.order_by("pk").values_list("pk", flat=True)
        start = 0
        for title, count in RARE.items():
            ids = list(stories[start : start + count * 50 : 50])
            Article.objects.filter(pk__in=ids).update(title=Concat(Value(f"{title}: "), "title"))
            start += count * 50 + 1

    published = Article.objects.published()

    def ours(text):
        suggestion = ""
        results = published.search(text)
        if not results.exists() and (suggestion := published.spelling_suggestion(text)):
            results = published.search(suggestion)
        count = results.order_by()[: MAX_SEARCH_RESULTS + 1].count()
        page = list(results.values_list("pk", flat=True)[:12])
        list(Article.objects.for_cards().highlights(suggestion or text, page))
        return count

    def naive(text):
        matches = Q()
        for word in text.replace('"', " ").split():
            in_text = Q(title__icontains=word) | Q(standfirst__icontains=word)
            matches &= in_text | Q(body__icontains=word)
        results = published.filter(matches).order_by("-published_at", "-pk")
        count = results.count()
        list(results[:12])
        return count

    client = Client()

    def page(text):
        response = client.get("/search/", {"q": text})
        assert response.status_code == 200
        return response

    vendor = connection.vendor
    print(f"{Article.objects.count()} stories on {vendor}; {runs} runs ({baseline_runs} naive), ms")
    header = ["query", "hits", "p50", "p95", "page p50", "naive p50", "naive p95", "naive hits"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, text in QUERIES.items():
        p50, p95, hits = timed(lambda text=text: ours(text), runs)
        page50, _, _ = timed(lambda text=text: page(text), max(5, runs // 3))
        n50, n95, naive_hits = timed(lambda text=text: naive(text), baseline_runs)
        shown = f"{hits}+" if hits > MAX_SEARCH_RESULTS else str(hits)
        cells = [f"{name} ({text})", shown, f"{p50:.1f}", f"{p95:.1f}", f"{page50:.1f}"]
        cells += [f"{n50:.0f}", f"{n95:.0f}", str(naive_hits)]
        print("| " + " | ".join(cells) + " |", flush=True)
    index_report(connection)


def index_report(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            start = time.perf_counter()
            cursor.execute("REINDEX INDEX article_search_vector")
            seconds = time.perf_counter() - start
            cursor.execute(
                "SELECT pg_relation_size('article_search_vector'),"
                " pg_relation_size('article_title_trigrams'),"
                " (SELECT sum(pg_column_size(search_vector)) FROM articles_article),"
                " pg_total_relation_size('articles_article')"
            )
            gin, trigrams, vectors, table = cursor.fetchone()
            print(
                f"GIN index rebuild (REINDEX): {seconds:.1f} s; GIN {mib(gin)}, title trigrams "
                f"{mib(trigrams)}, stored vectors {mib(vectors)}; table in all {mib(table)}"
            )
        else:
            start = time.perf_counter()
            cursor.execute("INSERT INTO article_search(article_search) VALUES ('rebuild')")
            seconds = time.perf_counter() - start
            cursor.execute(
                "SELECT (SELECT sum(length(block)) FROM article_search_data),"
                " (SELECT count(*) FROM article_search_idx)"
            )
            data, terms = cursor.fetchone()
            cursor.execute("PRAGMA page_count")
            pages = cursor.fetchone()[0]
            cursor.execute("PRAGMA page_size")
            size = pages * cursor.fetchone()[0]
            print(
                f"FTS5 rebuild: {seconds:.1f} s; FTS5 index {mib(data)} ({terms} b-tree "
                f"entries, text not copied); database file in all {mib(size)}"
            )


def mib(size):
    return f"{(size or 0) / 2**20:.0f} MiB"


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
        measure(int(sys.argv[2]), int(sys.argv[3]))
    else:
        main(sys.argv[1:])
