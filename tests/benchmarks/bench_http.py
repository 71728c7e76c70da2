"""
The site measured from outside, in production mode: gunicorn (newsroom/gunicorn.conf.py, two
sync workers) serving generated stories, loaded with wrk on loopback. For each page, with the
page cache on and off (PAGE_CACHE_SECONDS=0): requests a second, p50 and p99 latency, and the
workers' CPU time per request (utime + stime from /proc, over the run); beside each page's
ceiling, the same gunicorn returning that page's bytes from memory (tests/benchmarks/ceiling.py).

`make bench BENCH_ARGS="http --articles 1000"`: SQLite in a throwaway data folder by default;
with DATABASE_URL=postgres://..., a fresh database on that server (dropped afterwards). Set
REDIS_URL to cache in Redis as in production (otherwise each worker caches in its memory).
`--rounds N` loads every page N times, interleaved, and reports each figure's median: a shared
or virtual machine's speed drifts by tens of percent over minutes, which a single round of a
page takes for its own.

`--data-dir DIR` keeps the stories for the next run: the data folder DIR is kept (SQLite's
database among them), and with DATABASE_URL the database it names is used as it is rather than a
fresh one. Stories are generated only into an empty database; one that holds another number of
stories than `--articles` is refused. Migrations are applied each run, so new indexes are measured.
`--pages article,home` loads only the pages named (those of URLS below), for a quicker run.

`--articles 1000 100000` serves both data sets side by side and loads each page of one after
the same page of the other, so that the ratio of their figures (printed last) is not the drift
of the machine between two runs: on this virtual machine the same page's cost moved by 15 % and
more from one run to the next. With `--data-dir DIR` each set has its folder DIR/<n>, and with
DATABASE_URL=.../bench its database bench_<n>.

`--peer URL --peer-pid PID` loads a page of another site beside the story page in every round,
the same way: PID is that site's gunicorn master, whose workers' CPU is counted. The README shows
it with Wagtail's demo site (bakerydemo) and its blog post.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from tests.benchmarks.common import ROOT, bench_env, manage

TICK = os.sysconf("SC_CLK_TCK")
STORIES = """
from articles.models import Article
print(Article.objects.count())
"""
# One address of every kind of public page.
URLS = """
import json
from datetime import timedelta
from django.urls import reverse
from django.utils import timezone
from articles.models import Article, Author, Category, Source
article = Article.objects.published().order_by("-published_at").first()
# The last whole month: the largest page of stories in the sitemap.
full = (timezone.localtime(article.published_at).replace(day=1) - timedelta(days=1))
category = Category.objects.order_by("pk").first()
word = max(article.title.split(), key=len)
print(json.dumps({
    "home": "/",
    "article": article.get_absolute_url(),
    "category": category.get_absolute_url(),
    "category p2": f"{category.get_absolute_url()}?page=2",
    "tag": f"/tag/{article.tags.order_by('pk').first().slug}/",
    "author": Author.objects.order_by("pk").first().get_absolute_url(),
    "source": Source.objects.order_by("pk").first().get_absolute_url(),
    "archive": "/archive/",
    "month": f"/archive/{article.published_at:%Y/%m}/",
    "search": f"/search/?q={word}",
    "rss feed": "/feed/rss/",
    "atom feed": "/feed/atom/",
    "category feed": f"{category.get_absolute_url()}feed/rss/",
    "sitemap": "/sitemap.xml",
    "sitemap month": reverse("articles:sitemap_month", args=[full.year, f"{full:%m}"]),
    "sitemap tags": "/sitemap-tags.xml",
}))
"""


def main(argv):
    parser = argparse.ArgumentParser(prog="bench_http")
    parser.add_argument(
        "--articles",
        type=int,
        nargs="+",
        default=[1_000],
        help="stories in each data set; several (1000 100000) are served side by side",
    )
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per page")
    parser.add_argument(
        "--rounds", type=int, default=1, help="load every page this often, interleaved; medians"
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8107)
    parser.add_argument("--output", help="JSON file (default: bench-http-<db>-<n>.json in var/)")
    parser.add_argument("--data-dir", type=Path, help="keep the stories here for the next run")
    parser.add_argument(
        "--pages", help="only these pages, by name, comma-separated (e.g. article,home)"
    )
    parser.add_argument("--peer", help="a page of another site serving here, loaded beside ours")
    parser.add_argument("--peer-pid", type=int, help="the pid of that site's gunicorn master")
    args, _ = parser.parse_known_args(argv)
    if bool(args.peer) != bool(args.peer_pid):
        parser.error("--peer and --peer-pid go together")
    if args.output and len(args.articles) > 1:
        parser.error("--output names one data set's file: leave it out with several")
    if not shutil.which("wrk"):
        sys.exit("bench_http needs wrk (apt-get install wrk).")

    with contextlib.ExitStack() as stack:
        sets = [
            stack.enter_context(DataSet(args, number, count))
            for number, count in enumerate(args.articles)
        ]
        peer = Workers(args.peer_pid) if args.peer else None
        rounds = {}
        for _ in range(args.rounds):
            for page in sets[0].pages:
                for data in sets:
                    for cache, server in data.running.items():
                        figures = load(server, data.urls[cache] + data.pages[page], args)
                        row = {"page": page, "cache": cache, **figures}
                        rounds.setdefault((data.count, page, cache), []).append(row)
                        print_row({**row, "page": f"{page} ({data.count})"}, None)
            if peer:
                row = {"page": "peer", "cache": "off", **load(peer, args.peer, args)}
                rounds.setdefault((None, "peer", "off"), []).append(row)
                print_row(row, None)
        reports = [data.report(rounds) for data in sets]

    for report in reports:
        if peer:
            report["peer"] = {
                **median_row(rounds[(None, "peer", "off")]),
                "url": args.peer,
                "peak_rss_mib": peer.peak_rss_mib(),
            }
        output = Path(
            args.output
            or ROOT / "var" / f"bench-http-{report['database']}-{report['articles']}.json"
        )
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(report, indent=2) + "\n")
        print_table(report)
        print(f"Written to {output}")
    if len(reports) > 1:
        print_ratios(reports[0], reports[-1])


class DataSet:
    """
    One data set of `count` stories, served by three gunicorns side by side: the page cache on,
    off (PAGE_CACHE_SECONDS=0), and the ceiling answering each page's bytes from memory.
    """

    def __init__(self, args, number, count):
        self.args, self.count = args, count
        self.port = args.port + 3 * number

    def __enter__(self):
        args, count = self.args, self.count
        self.stack = contextlib.ExitStack()
        several = len(args.articles) > 1
        if args.data_dir:
            # With several data sets each has a folder of its own, and a database named after
            # DATABASE_URL's with the number of stories appended (bench -> bench_100000).
            data_dir = (args.data_dir / str(count) if several else args.data_dir).resolve()
            data_dir.mkdir(parents=True, exist_ok=True)
            database_url = os.environ.get("DATABASE_URL", "")
            if several and database_url:
                database_url = f"{database_url}_{count}"
        else:
            data_dir = Path(tempfile.mkdtemp(prefix="newsroom-bench-http-"))
            self.stack.callback(shutil.rmtree, data_dir, ignore_errors=True)
            database_url, drop = fresh_database(os.environ.get("DATABASE_URL", ""))
            self.stack.callback(drop)
        self.database_url = database_url
        site = f"http://127.0.0.1:{self.port}"
        env = bench_env(
            data_dir,
            DATABASE_URL=database_url,
            DJANGO_DEBUG="0",
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            SITE_URL=site,
            WEB_CONCURRENCY=str(args.workers),
            GUNICORN_THREADS="1",
            GUNICORN_ACCESS_LOG="",
            GUNICORN_MAX_REQUESTS="0",  # no worker restarts during a run: their CPU is measured
            GUNICORN_LOG_LEVEL="warning",
        )
        try:
            self.serve(env, data_dir, database_url, site)
        except BaseException:
            self.stack.close()
            raise
        return self

    def serve(self, env, data_dir, database_url, site):
        args, count = self.args, self.count
        manage(env, "migrate", "--no-input")
        manage(env, "collectstatic", "--no-input")
        stories = int(shell(env, STORIES))
        if stories == 0:
            print(f"Building {count} stories in {database_url or data_dir}...", flush=True)
            manage(env, "generate_articles", str(count))
        elif stories == count:
            print(f"Reusing the {stories} stories in {database_url or data_dir}.", flush=True)
        else:
            sys.exit(f"{database_url or data_dir} holds {stories} stories, not {count}.")
        pages = json.loads(shell(env, URLS))
        if args.pages:
            names = [name.strip() for name in args.pages.split(",")]
            if unknown := [name for name in names if name not in pages]:
                sys.exit(f"No page {', '.join(unknown)}; the pages: {', '.join(pages)}.")
            pages = {name: pages[name] for name in names}
        self.pages = pages
        cache_seconds = os.environ.get("PAGE_CACHE_SECONDS", "300")
        ports = {"on": self.port, "off": self.port + 1, "-": self.port + 2}
        self.urls = {cache: f"http://127.0.0.1:{port}" for cache, port in ports.items()}
        self.running = {}
        for cache, seconds in {"on": cache_seconds, "off": "0"}.items():
            server_env = {**env, "PAGE_CACHE_SECONDS": seconds}
            server_env["GUNICORN_BIND"] = f"127.0.0.1:{ports[cache]}"
            self.running[cache] = self.stack.enter_context(gunicorn(server_env, "newsroom.wsgi"))
            wait_for(f"{self.urls[cache]}/healthz")
        ceiling_pages = {}
        for number, path in enumerate(pages.values()):
            file = data_dir / f"ceiling-{number}.body"
            body, headers = fetch(site + path)
            file.write_bytes(body)
            ceiling_pages[path] = {"body": str(file), "headers": headers}
        (data_dir / "ceiling.json").write_text(json.dumps(ceiling_pages))
        ceiling_env = {
            **env,
            "BENCH_CEILING_PAGES": str(data_dir / "ceiling.json"),
            "GUNICORN_BIND": f"127.0.0.1:{ports['-']}",
        }
        self.running["-"] = self.stack.enter_context(
            gunicorn(ceiling_env, "tests.benchmarks.ceiling:application")
        )
        wait_for(f"{self.urls['-']}{next(iter(pages.values()))}")

    def __exit__(self, *exc):
        self.stack.close()

    def report(self, rounds):
        args = self.args
        results, ceilings = [], {}
        for (count, page, cache), rows in rounds.items():
            if count != self.count:
                continue
            row = median_row(rows)
            if cache == "-":
                ceilings[page] = row
            else:
                results.append(row)
        return {
            "articles": self.count,
            "database": "postgresql" if self.database_url else "sqlite",
            "cache": "redis" if os.environ.get("REDIS_URL") else "local memory per worker",
            "wrk": f"-t{args.threads} -c{args.connections} -d{args.duration}s",
            "rounds": args.rounds,
            "workers": args.workers,
            "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()},
            "results": results,
            "ceilings": ceilings,
            "worker_peak_rss_mib": {
                {"-": "ceiling"}.get(cache, cache): server.peak_rss_mib()
                for cache, server in self.running.items()
            },
        }


def shell(env, code):
    """What `code`, run in `manage.py shell`, prints."""
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def fresh_database(url):
    """A new, empty PostgreSQL database beside the one `url` names, and a way to drop it."""
    if not url.startswith("postgres"):
        return "", lambda: None
    import psycopg

    name = f"newsroom_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")

    def drop():
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    return f"{url.rsplit('/', 1)[0]}/{name}", drop


class Workers:
    """A gunicorn master's workers, read from /proc."""

    def __init__(self, pid):
        self.pid = pid

    def workers(self):
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def cpu_seconds(self):
        total = 0
        for pid in self.workers():
            # Fields after the command name, which is in parentheses and may hold spaces.
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / TICK

    def peak_rss_mib(self):
        peaks = []
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
        return round(max(peaks), 1)


class gunicorn(Workers):
    """gunicorn with the production config file, in a child process."""

    def __init__(self, env, app):
        self.env, self.app = env, app

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "newsroom/gunicorn.conf.py", self.app],
            cwd=ROOT,
            env=self.env,
        )
        self.pid = self.process.pid
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.2)


# gunicorn writes these itself, for the ceiling as for the site.
SERVER_HEADERS = {"connection", "date", "server", "transfer-encoding"}


def fetch(url):
    """The page's body and the headers the site sent with it (a ceiling sends the same)."""
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200, url
        headers = [(k, v) for k, v in response.getheaders() if k.lower() not in SERVER_HEADERS]
        return response.read(), headers


def load(server, url, args):
    for _ in range(3):  # warm up: the page cache filled, each worker's first request done
        with urllib.request.urlopen(url, timeout=60) as response:
            assert response.status == 200, url
    cpu_before = server.cpu_seconds()
    wrk = subprocess.run(
        [
            "wrk",
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--timeout=30s",  # wrk's 2 s default would drop the slowest pages from the figures
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    cpu = server.cpu_seconds() - cpu_before
    requests = int(re.search(r"(\d+) requests in", wrk).group(1))
    errors = sum(
        int(count) for count in re.findall(r"(?:Non-2xx or 3xx responses|timeout):? (\d+)", wrk)
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1)),
        "p50_ms": latency(wrk, "50%"),
        "p99_ms": latency(wrk, "99%"),
        "cpu_ms": round(cpu * 1000 / max(requests, 1), 2),
        "requests": requests,
        "errors": errors,
    }


def median_row(rows):
    """One figure for each measure over the rounds: its median (the rounds' own figures kept)."""
    measures = ["rps", "p50_ms", "p99_ms", "cpu_ms"]
    row = {**rows[0], **{name: statistics.median(r[name] for r in rows) for name in measures}}
    row["requests"] = sum(r["requests"] for r in rows)
    row["errors"] = sum(r["errors"] for r in rows)
    if len(rows) > 1:
        row["rounds"] = [{name: r[name] for name in measures} for r in rows]
    return row


def latency(wrk, percentile):
    match = re.search(rf"^\s*{percentile}\s+([\d.]+)(us|ms|s|m)\s*$", wrk, re.M)
    if match is None:
        raise RuntimeError(f"No {percentile} latency in wrk's output:\n{wrk}")
    value, unit = match.groups()
    return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit], 2)


def print_row(row, ceiling):
    share = f"{100 * row['rps'] / ceiling['rps']:>7.1f}%" if ceiling else ""
    print(
        f"{row['page']:<22}{row['cache']:>6}{row['rps']:>10.0f}{row['p50_ms']:>9.2f}"
        f"{row['p99_ms']:>9.2f}{row['cpu_ms']:>9.2f}{row['errors']:>7}{share}",
        flush=True,
    )


def print_table(report):
    print(
        f"\n{report['articles']} stories on {report['database']}, cache: {report['cache']}; "
        f"{report['workers']} sync workers, wrk {report['wrk']}; "
        f"load average {report['machine']['load_average'][0]:.1f} "
        f"on {report['machine']['cpus']} CPUs"
    )
    print(
        f"{'page':<22}{'cache':>6}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'CPU ms':>9}"
        f"{'errors':>7}{'ceiling':>9}"
    )
    for row in report["results"]:
        print_row(row, report["ceilings"][row["page"]])
    for row in report["ceilings"].values():
        print_row({**row, "page": f"{row['page']} (ceiling)"}, row)
    if peer := report.get("peer"):
        print_row({**peer, "page": "peer"}, None)
        print(f"peer: {peer['url']}, {peer['peak_rss_mib']} MiB worker peak RSS")
        for ours in report["results"]:
            if ours["page"] == "article" and ours["cache"] == "off":
                print(
                    f"the story page uncached: {ours['rps'] / peer['rps']:.1f}x the peer's req/s, "
                    f"{ours['cpu_ms'] / peer['cpu_ms']:.2f}x its worker CPU a request"
                )
    rss = ", ".join(f"{name} {mib} MiB" for name, mib in report["worker_peak_rss_mib"].items())
    print(f"worker peak RSS: {rss}")


def print_ratios(small, large):
    """Each uncached page's figures with the larger data set over the smaller, measured together."""
    print(f"\nUncached, {large['articles']} stories over {small['articles']}:")
    print(f"{'page':<22}{'CPU ms':>9}{'p50 ms':>9}")
    before = {row["page"]: row for row in small["results"] if row["cache"] == "off"}
    for row in large["results"]:
        if row["cache"] == "off":
            base = before[row["page"]]
            cpu, p50 = row["cpu_ms"] / base["cpu_ms"], row["p50_ms"] / base["p50_ms"]
            print(f"{row['page']:<22}{cpu:>8.2f}x{p50:>8.2f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
