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
from pathlib import Path

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


def timed(function, runs, server_cpu=None):
    """Median and p95 wall ms of `function`, its median CPU ms (here and in the server), result."""
    samples, cpu, result = [], [], None
    server_cpu = server_cpu or (lambda: 0)
    function()  # warm the caches
    for _ in range(runs):
        start, cpu_start, server_start = time.perf_counter(), time.process_time(), server_cpu()
        result = function()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - cpu_start) * 1000 + (server_cpu() - server_start))
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return statistics.median(samples), p95, statistics.median(cpu), result


def server_cpu_ms(connection):
    """
    A function giving the CPU ms the database server has spent on this connection: wall time
    on a busy machine measures the other processes too. PostgreSQL on this machine only (its
    backend's /proc/<pid>/schedstat); SQLite runs in this process, so counts as ours.
    """
    if connection.vendor != "postgresql":
        return lambda: 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        stat = Path(f"/proc/{cursor.fetchone()[0]}/schedstat")
    if not stat.exists():
        return None
    return lambda: int(stat.read_text().split()[0]) / 1e6


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
        # What SearchView does: the ranked ids (for the count and the page), then highlights.
        suggestion = ""
        ids = list(published.search(text).values_list("pk", flat=True)[: MAX_SEARCH_RESULTS + 1])
        if not ids and (suggestion := published.spelling_suggestion(text)):
            ids = list(
                published.search(suggestion).values_list("pk", flat=True)[: MAX_SEARCH_RESULTS + 1]
            )
        list(Article.objects.for_cards().highlights(suggestion or text, ids[:12]))
        return len(ids)

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
    server_cpu = server_cpu_ms(connection)
    load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
    counted = (
        "SQLite's, in this process" if vendor == "sqlite" else "this process' and the server's"
    )
    print(
        f"{Article.objects.count()} stories on {vendor}; {runs} runs ({baseline_runs} naive), ms;"
        f" load average {load}; cpu: {counted}"
    )
    header = ["query", "hits", "p50", "p95", "cpu p50", "page p50"]
    header += ["naive p50", "naive p95", "naive hits"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, text in QUERIES.items():
        p50, p95, cpu50, hits = timed(lambda text=text: ours(text), runs, server_cpu)
        page50, _, _, _ = timed(lambda text=text: page(text), max(5, runs // 3))
        n50, n95, _, naive_hits = timed(lambda text=text: naive(text), baseline_runs)
        shown = f"{hits}+" if hits > MAX_SEARCH_RESULTS else str(hits)
        cpu = "–" if server_cpu is None else f"{cpu50:.1f}"
        cells = [f"{name} ({text})", shown, f"{p50:.1f}", f"{p95:.1f}", cpu, f"{page50:.1f}"]
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
                " (SELECT sum(pg_column_size(search_vector)) FROM articles_article),"
                " pg_total_relation_size('articles_article'),"
                " (SELECT count(*) FROM articles_headlineword),"
                " pg_total_relation_size('articles_headlineword')"
            )
            gin, vectors, table, words, word_list = cursor.fetchone()
            print(
                f"GIN index rebuild (REINDEX): {seconds:.1f} s; GIN {mib(gin)}, "
                f"stored vectors {mib(vectors)}; table in all {mib(table)}; "
                f"headline words {words} ({word_list / 1024:.0f} KiB with their GiST index)"
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
