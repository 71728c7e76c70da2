"""
Newsletter sending: N subscribers mailed through the task worker to a local SMTP sink.

Reports the worker's emails per second, the sink's own ceiling (a bare smtplib loop on one
connection sending a prebuilt copy of the same edition, byte for byte what the worker sends) and
the worker's peak memory, for N and for N/10 to show memory stays flat. The sink's work grows
with a message's length, so a shorter stand-in message (the generic ceiling, also printed)
is a ceiling no sender of the edition can reach.
`make bench BENCH_ARGS="newsletter --subscribers 100000 [--workers 2] [--port 8160]"`; with
several workers, each runs its own sending task for the same edition and the peak is the largest
worker's. The ceilings are measured before and after the large send and averaged, so that a
machine whose load changes meanwhile skews the ratio less.
"""

import argparse
import email.policy
import os
import smtplib
import socket
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller

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


class Sink:
    """Accepts every message and counts it."""

    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        return "250 OK"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def generic_message():
    message = EmailMessage()
    message["From"], message["Subject"] = "bench@example.com", "Ceiling"
    message.set_content(("A line of a newsletter, about as long as a real one.\n") * 60)
    return message.as_bytes(policy=email.policy.SMTP)


def ceiling(port, messages, raw):
    """The sink's rate for a bare smtplib loop sending `raw` on one connection."""
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        start = time.perf_counter()
        for i in range(messages):
            smtp.sendmail("bench@example.com", [f"reader{i}@example.com"], raw)
        return messages / (time.perf_counter() - start)


def workers(env, count):
    """
    Run `count` task workers until the queue is empty; (seconds, largest peak RSS in MiB, CPU
    seconds of all of them).
    """
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--queue-name", "*"]
    command += ["--no-startup-delay", "--no-reload", "--verbosity", "0"]
    start = time.perf_counter()
    processes = [subprocess.Popen(command, cwd=ROOT, env=env) for _ in range(count)]
    peaks, cpu = [], 0
    for process in processes:
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status):
            raise SystemExit("A worker failed.")
        peaks.append(usage.ru_maxrss / 1024)
        cpu += usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, max(peaks), cpu


def send(port, subscribers, sink, worker_count):
    env = bench_env(EMAIL_URL=f"smtp://127.0.0.1:{port}")
    manage(env, "migrate", "--no-input")
    manage(env, "shell", "-c", SEED.replace("{n}", str(subscribers)))
    for _ in range(worker_count):  # one sending task per worker, all for the same edition
        manage(env, "send_edition", "1")
    before = sink.count
    seconds, peak, cpu = workers(env, worker_count)
    delivered = sink.count - before
    if delivered != subscribers:
        raise SystemExit(f"The sink got {delivered} messages for {subscribers} subscribers.")
    copy = (Path(env["NEWSROOM_DATA_DIR"]) / "copy.eml").read_bytes()
    return seconds, peak, cpu, copy


def main(argv):
    parser = argparse.ArgumentParser(prog="bench_newsletter")
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--port", type=int, default=0, help="the sink's port (0: any free one)")
    args, _ = parser.parse_known_args(argv)
    sink = Sink()
    port = args.port or free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    messages = min(args.subscribers, 10_000)
    try:
        small = max(1, args.subscribers // 10)
        seconds_small, peak_small, _, copy = send(port, small, sink, args.workers)
        before = ceiling(port, messages, copy), ceiling(port, messages, generic_message())
        seconds, peak, cpu, _ = send(port, args.subscribers, sink, args.workers)
        after = ceiling(port, messages, copy), ceiling(port, messages, generic_message())
    finally:
        controller.stop()
    bare, generic = ((one + other) / 2 for one, other in zip(before, after, strict=True))
    rate = args.subscribers / seconds
    print(
        f"newsletter {args.subscribers:,} subscribers, {args.workers} worker(s): {seconds:.1f} s, "
        f"{rate:,.0f} emails/s, {rate / bare:.0%} of the sink ceiling (bare smtplib on one "
        f"connection, the edition's own {len(copy):,}-byte copy: {bare:,.0f}/s; "
        f"{before[0]:,.0f} before, {after[0]:,.0f} after), {rate / generic:.0%} of the generic "
        f"one ({len(generic_message()):,} bytes: {generic:,.0f}/s); "
        f"worker CPU {cpu * 1000 / args.subscribers:.2f} ms per email (start-up included); "
        f"worker peak RSS {peak:.0f} MiB; "
        f"{small:,} subscribers: {small / seconds_small:,.0f} emails/s, "
        f"peak RSS {peak_small:.0f} MiB"
    )
