"""
Soak: the demo publication served by gunicorn (two sync workers, production settings), wrk
holding 64 connections for a while on a story page and then on the signup endpoint. Counts every
answer that is not 2xx, 3xx or 429 (a rate limit doing its job) as an error, reports socket
errors, and samples the workers' memory every few seconds.

    make bench BENCH_ARGS="soak --seconds 60"
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from tests.benchmarks.common import ROOT, bench_env, manage

LUA_COUNT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) codes = {} end
function response(status, headers, body) codes[status] = (codes[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("codes")) do total[code] = (total[code] or 0) + n end
  end
  io.write("CODES")
  for code, n in pairs(total) do io.write(string.format(" %s=%d", code, n)) end
  io.write("\\n")
  local e = summary.errors
  io.write(string.format(
    "SUMMARY requests=%d seconds=%.1f connect=%d read=%d write=%d timeout=%d p50=%.1f p99=%.1f\\n",
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""

LUA_SIGNUP = """
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "{origin}"
wrk.headers["Accept"] = "application/json"
function request()
  n = n + 1
  local body = string.format("email=soak%d-%d%%40example.com&form_token={token}&frequency=daily",
                             math.random(1, 1e9), n)
  return wrk.format(nil, "/newsletter/subscribe/", nil, body)
end
"""


def rss_mib(pid):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return 0.0
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024


def worker_pids(master):
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


class Sampler(threading.Thread):
    """Every `every` seconds: the summed RSS of the gunicorn workers."""

    def __init__(self, master, every):
        super().__init__(daemon=True)
        self.master, self.every, self.samples = master, every, []
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            self.samples.append(sum(rss_mib(pid) for pid in worker_pids(self.master)))
            self.stopped.wait(self.every)


def wrk(url, seconds, connections, script):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    result = subprocess.run([*command, "-s", script, url], capture_output=True, text=True)
    out = result.stdout
    counted = re.search(r"^CODES(.*)$", out, re.M).group(1)
    codes = {int(code): int(n) for code, n in re.findall(r"(\d+)=(\d+)", counted)}
    summary = {
        key: float(value) for key, value in re.findall(r"(\w+)=([\d.]+)", out.split("SUMMARY")[1])
    }
    errors = sum(n for code, n in codes.items() if not (200 <= code < 400 or code == 429))
    return {
        "requests": int(summary["requests"]),
        "rps": round(summary["requests"] / summary["seconds"], 1),
        "p50_ms": summary["p50"],
        "p99_ms": summary["p99"],
        "codes": codes,
        "errors": errors,
        "socket_errors": {k: int(summary[k]) for k in ("connect", "read", "write", "timeout")},
    }


def main(argv):
    parser = argparse.ArgumentParser(prog="bench_soak")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--port", type=int, default=8122)
    parser.add_argument("--sample-every", type=float, default=3.0)
    parser.add_argument("--json", default="soak.json", help="where to write the figures")
    args, _ = parser.parse_known_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("The soak needs wrk (https://github.com/wg/wrk).")
    data_dir = tempfile.mkdtemp(prefix="newsroom-soak-")
    origin = f"http://127.0.0.1:{args.port}"
    env = bench_env(
        data_dir,
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=origin,
        LOG_LEVEL="WARNING",
    )
    log = Path(data_dir) / "gunicorn.log"
    print("Loading the demo publication...", flush=True)
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input")
    manage(env, "load_demo", "--if-empty")
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{args.port}", "--timeout", "60", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stderr=log.open("w"),  # a 429 is logged as a warning: thousands of lines
    )  # fmt: skip
    try:
        story = wait_for(origin)
        token = json.load(urllib.request.urlopen(f"{origin}/newsletter/form-token/"))["token"]
        time.sleep(4)  # older than the signup form's minimum fill time
        scripts = Path(data_dir)
        (scripts / "count.lua").write_text(LUA_COUNT)
        (scripts / "signup.lua").write_text(
            LUA_SIGNUP.format(origin=origin, token=token) + LUA_COUNT
        )
        results = {}
        for name, url, script in [
            ("story page", origin + story, scripts / "count.lua"),
            ("signup", origin + "/newsletter/subscribe/", scripts / "signup.lua"),
        ]:
            print(f"wrk {args.seconds} s at {args.connections} connections: {name}", flush=True)
            sampler = Sampler(gunicorn.pid, args.sample_every)
            sampler.start()
            results[name] = wrk(url, args.seconds, args.connections, str(script))
            sampler.stopped.set()
            sampler.join()
            samples = sampler.samples
            results[name]["rss_mib"] = {
                "start": round(samples[0], 1),
                "peak": round(max(samples), 1),
                "end": round(samples[-1], 1),
                "samples": len(samples),
            }
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
    report(results, args)
    if any(result["errors"] for result in results.values()):
        raise SystemExit(f"The soak saw errors: see {log}")
    shutil.rmtree(data_dir, ignore_errors=True)


def wait_for(origin):
    """The address of a story, once the server answers."""
    for _ in range(100):
        try:
            page = urllib.request.urlopen(f"{origin}/feed/rss/").read().decode()
        except OSError:
            time.sleep(0.3)
            continue
        return re.search(r"<link>https?://[^/]+(/[^<]+/)</link>", page.split("<item>")[1]).group(1)
    raise SystemExit("gunicorn did not start.")


def report(results, args):
    print(f"\n{'':<12}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
          f"{'socket':>8}  {'RSS MiB start/peak/end (2 workers)':<36}codes")  # fmt: skip
    for name, r in results.items():
        rss = r["rss_mib"]
        print(
            f"{name:<12}{r['requests']:>10}{r['rps']:>9}{r['p50_ms']:>9}{r['p99_ms']:>9}"
            f"{r['errors']:>8}{sum(r['socket_errors'].values()):>8}  "
            f"{rss['start']:>7} / {rss['peak']:>7} / {rss['end']:<17}"
            f"{' '.join(f'{c}:{n}' for c, n in sorted(r['codes'].items()))}"
        )
    Path(args.json).write_text(
        json.dumps({"seconds": args.seconds, "connections": args.connections, **results}, indent=2)
    )
    print(
        f"\nFigures written to {os.path.abspath(args.json)}; load average {os.getloadavg()[0]:.1f}"
    )
