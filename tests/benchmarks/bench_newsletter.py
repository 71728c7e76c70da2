"""
Newsletter sending: N subscribers mailed through the task worker to a local SMTP sink, with one
worker or several side by side.

For each number of workers: the emails per second, beside the ceiling for as many connections
(that many bare loops side by side, each sending a prebuilt copy of the edition, byte for byte
and command for command what a worker sends, measured before and after the send and averaged);
the CPU per email of the workers (utime + stime, less the start-up an idle worker's run costs),
of the sink and, on PostgreSQL, of the database's server processes; how busy each worker and the
whole machine were. A worker busy all the time is held up by nothing but its own work; one that
is not waits for the sink, the database or a free core. With as many workers as cores, workers,
sink and database share the cores, so the CPU per email, not the rate, tells whether the code
scales: flat CPU per email with more workers is what near-linear needs from the code.
Memory: the largest worker's peak RSS for N and for N/10.

`make bench BENCH_ARGS="newsletter --subscribers 20000 --workers 1 2 3"`. `--sink lean` (the
default, tests/benchmarks/smtp_sink.py) takes each message without parsing it, in one process
per connection; `--sink aiosmtpd` is a single-threaded Python mail server in this process, much
slower per message: its ceiling, not the sender, then sets the pace. SQLite in a throwaway data
folder; with DATABASE_URL=postgres://..., a fresh database on that server for each send
(dropped afterwards).
"""

import argparse
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller

from tests.benchmarks.bench_http import TICK, fresh_database
from tests.benchmarks.common import ROOT, bench_env, manage

SEED = """
from django.utils import timezone
from articles.models import Article, Category
from newsletter.models import Edition, EditionArticle, Subscriber
category = Category.objects.create(name="Health", slug="health", emoji="🏥")
stories = [
    Article.objects.create(
        title=f"Good news story {i}", slug=f"story-{i}", category=category,
        standfirst="Researchers report steady progress on a problem that matters to many.",
        status="published", published_at=timezone.now(),
    )
    for i in range(5)
]
edition = Edition.objects.create(subject="Benchmark edition", intro="Hello from the benchmark.")
EditionArticle.objects.bulk_create(
    EditionArticle(edition=edition, article=story, position=i) for i, story in enumerate(stories)
)
now = timezone.now()
for start in range(0, {n}, 5000):
    Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{i}@example.com", status="subscribed", confirmed_at=now,
                   consent_at=now)
        for i in range(start, min(start + 5000, {n}))
    )
from pathlib import Path
from django.conf import settings
from newsletter.emails import EditionRenderer
renderer = EditionRenderer(edition, stories)
copy = renderer.message_bytes(subscriber=Subscriber.objects.first(), stories=stories)
(Path(settings.DATA_DIR) / "copy.eml").write_bytes(copy)
print(edition.pk)
"""
# One bare sender of the ceiling: `messages` copies over one connection, each sent as a worker
# sends it (MAIL, RCPT and DATA in one write where the server offers PIPELINING); prints its
# start and end on the machine's monotonic clock, so that loops side by side are timed together.
BARE_LOOP = """
import smtplib, sys, time
port, messages, raw = int(sys.argv[1]), int(sys.argv[2]), open(sys.argv[3], "rb").read()
with smtplib.SMTP("127.0.0.1", port) as smtp:
    smtp.ehlo()
    pipelining = smtp.has_extn("pipelining")
    start = time.monotonic()
    for i in range(messages):
        commands = ["MAIL FROM:<bench@example.com>", f"RCPT TO:<reader{i}@example.com>", "DATA"]
        if pipelining:
            smtp.send("".join(f"{command}\\r\\n" for command in commands))
            replies = [smtp.getreply() for _ in commands]
        else:
            replies = []
            for command in commands:
                smtp.send(f"{command}\\r\\n")
                replies.append(smtp.getreply())
        smtp.send(raw + b".\\r\\n")
        replies.append(smtp.getreply())
        assert [code for code, _ in replies] == [250, 250, 354, 250], replies
    print(start, time.monotonic())
"""
WORKER = [sys.executable, "manage.py", "db_worker", "--batch", "--queue-name", "*"]
WORKER += ["--no-startup-delay", "--no-reload", "--verbosity", "0"]


def cpu_seconds(stat_path, children=False):
    # Fields after the command name, which is in parentheses and may hold spaces.
    fields = Path(stat_path).read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    if children:
        ticks += int(fields[13]) + int(fields[14])  # cutime, cstime: reaped children's
    return ticks / TICK


def machine_times():
    """(busy, total) CPU seconds of the whole machine so far, all cores."""
    values = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle, iowait
    return (sum(values) - idle) / TICK, sum(values) / TICK


class LeanSink:
    """tests/benchmarks/smtp_sink.py in a child process, one grandchild per connection."""

    def __init__(self, port):
        self.count_file = Path(tempfile.mkstemp(prefix="newsroom-sink-")[1])
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.benchmarks.smtp_sink", str(port), self.count_file],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout.readline().strip() == "ready"

    @property
    def count(self):
        return sum(int(line) for line in self.count_file.read_text().split())

    def cpu_seconds(self):
        """Its CPU so far, once every connection's process has ended and been reaped."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        deadline = time.monotonic() + 30
        while children.read_text().strip():
            if time.monotonic() > deadline:
                raise SystemExit("A connection to the sink was left open.")
            time.sleep(0.05)
        return cpu_seconds(f"/proc/{self.process.pid}/stat", children=True)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.count_file.unlink()


class AiosmtpdSink:
    """aiosmtpd, as a mail server written in Python would be: one thread of this process."""

    def __init__(self, port):
        self.count = 0
        self.controller = Controller(self, hostname="127.0.0.1", port=port)
        self.controller.start()

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        return "250 OK"

    def cpu_seconds(self):
        return cpu_seconds(f"/proc/self/task/{self.controller._thread.native_id}/stat")

    def stop(self):
        self.controller.stop()


class DatabaseServer:
    """The CPU of the PostgreSQL server processes serving one database, sampled while they live."""

    def __init__(self, url):
        import psycopg

        self.connection = psycopg.connect(url, autocommit=True)
        self.seen, self.running = {}, True
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self):
        own = self.connection.execute("SELECT pg_backend_pid()").fetchone()[0]
        query = "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
        while self.running:
            for (pid,) in self.connection.execute(query).fetchall():
                if pid != own:
                    with contextlib.suppress(OSError):  # gone since
                        self.seen[pid] = cpu_seconds(f"/proc/{pid}/stat")
            time.sleep(0.1)

    def stop(self):
        """CPU seconds of the processes seen, up to their last sample."""
        self.running = False
        self.thread.join()
        self.connection.close()
        return sum(self.seen.values())


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ceiling(port, connections, messages, copy):
    """Emails per second of `connections` bare loops side by side, `messages` in all."""
    share = max(1, messages // connections)
    loops = [
        subprocess.Popen(
            [sys.executable, "-c", BARE_LOOP, str(port), str(share), str(copy)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(connections)
    ]
    spans = [[float(value) for value in loop.communicate()[0].split()] for loop in loops]
    return share * connections / (max(end for _, end in spans) - min(s for s, _ in spans))


def run_workers(env, count):
    """Run `count` task workers until the queue is empty: their [(peak RSS MiB, CPU s, pid)]."""
    processes = [subprocess.Popen(WORKER, cwd=ROOT, env=env) for _ in range(count)]
    results = []
    for process in processes:
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status):
            raise SystemExit("A worker failed.")
        results.append((usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime))
    return results


def send(port, subscribers, sink, worker_count):
    """One fresh database, `subscribers` mailed by `worker_count` workers; what was measured."""
    database_url, drop = fresh_database(os.environ.get("DATABASE_URL", ""))
    data_dir = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    env = bench_env(data_dir, EMAIL_URL=f"smtp://127.0.0.1:{port}", DATABASE_URL=database_url)
    try:
        manage(env, "migrate", "--no-input")
        idle = run_workers(env, 1)[0][1]  # start-up and an empty queue: no email in it
        manage(env, "shell", "-c", SEED.replace("{n}", str(subscribers)))
        for _ in range(worker_count):  # one sending task per worker, all for the same edition
            manage(env, "send_edition", "1")
        database = DatabaseServer(database_url) if database_url else None
        count, sink_cpu, machine = sink.count, sink.cpu_seconds(), machine_times()
        start = time.perf_counter()
        workers = run_workers(env, worker_count)
        seconds = time.perf_counter() - start
        machine = [now - then for now, then in zip(machine_times(), machine, strict=True)]
        sink_cpu = sink.cpu_seconds() - sink_cpu
        database_cpu = database.stop() if database else None
        if sink.count - count != subscribers:
            raise SystemExit(f"The sink got {sink.count - count} messages for {subscribers}.")
        copy = (data_dir / "copy.eml").read_bytes()
    finally:
        drop()
        shutil.rmtree(data_dir, ignore_errors=True)
    return {
        "seconds": seconds,
        "rate": subscribers / seconds,
        "peak": max(peak for peak, _ in workers),
        # Each worker's CPU less its start-up, per email of the whole send.
        "worker_ms": [max(0, cpu - idle) * 1000 / subscribers for _, cpu in workers],
        "worker_busy": [cpu / seconds for _, cpu in workers],
        "idle_ms": idle * 1000,
        "sink_ms": sink_cpu * 1000 / subscribers,
        "sink_busy": sink_cpu / seconds,
        "database_ms": database_cpu and database_cpu * 1000 / subscribers,
        "machine_busy": machine[0] / machine[1],
        "copy": copy,
    }


def main(argv):
    parser = argparse.ArgumentParser(prog="bench_newsletter")
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1])
    parser.add_argument("--sink", choices=["lean", "aiosmtpd"], default="lean")
    parser.add_argument("--port", type=int, default=0, help="the sink's port (0: any free one)")
    args, _ = parser.parse_known_args(argv)
    port = args.port or free_port()
    sink = (LeanSink if args.sink == "lean" else AiosmtpdSink)(port)
    messages = min(args.subscribers, 10_000)
    small = max(1, args.subscribers // 10)
    rows = []
    with tempfile.NamedTemporaryFile(prefix="newsroom-copy-") as copy:
        try:
            small_send = send(port, small, sink, args.workers[0])
            copy.write(small_send["copy"])
            copy.flush()
            for count in args.workers:
                before = ceiling(port, count, messages, copy.name)
                row = send(port, args.subscribers, sink, count)
                after = ceiling(port, count, messages, copy.name)
                rows.append({**row, "workers": count, "ceiling": (before, after)})
        finally:
            sink.stop()
    database = re.sub(r"://.*", "", os.environ.get("DATABASE_URL", "")) or "sqlite"
    print(
        f"\nnewsletter, {args.subscribers:,} subscribers, {database}, {args.sink} sink; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; "
        f"copy {len(small_send['copy']):,} bytes; CPU per email excludes a worker's "
        f"start-up ({rows[0]['idle_ms']:.0f} ms)"
    )
    print(
        f"{'workers':>7}{'emails/s':>10}{'ceiling/s':>11}{'share':>7}{'worker ms/email':>22}"
        f"{'sum':>6}{'busy':>12}{'sink ms':>9}{'busy':>6}{'db ms':>7}{'machine':>9}"
    )
    for row in rows:
        ceiling_rate = sum(row["ceiling"]) / 2
        database_ms = "-" if row["database_ms"] is None else f"{row['database_ms']:.2f}"
        print(
            f"{row['workers']:>7}{row['rate']:>10,.0f}{ceiling_rate:>11,.0f}"
            f"{row['rate'] / ceiling_rate:>7.0%}"
            f"{' '.join(f'{ms:.2f}' for ms in row['worker_ms']):>22}"
            f"{sum(row['worker_ms']):>6.2f}"
            f"{' '.join(f'{busy:.0%}' for busy in row['worker_busy']):>12}"
            f"{row['sink_ms']:>9.2f}{row['sink_busy']:>6.0%}{database_ms:>7}"
            f"{row['machine_busy']:>9.0%}"
        )
    ceilings = "; ".join(
        f"{row['workers']}: {row['ceiling'][0]:,.0f} before, {row['ceiling'][1]:,.0f} after"
        for row in rows
    )
    print(f"ceilings (bare loops, one connection each): {ceilings}")
    print(
        f"largest worker's peak RSS: {', '.join(f'{row["peak"]:.0f}' for row in rows)} MiB; "
        f"{small:,} subscribers: {small_send['rate']:,.0f} emails/s, "
        f"peak RSS {small_send['peak']:.0f} MiB"
    )
