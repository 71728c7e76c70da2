"""
`make lighthouse`: Lighthouse scores of the demo's home, story, page and newsletter pages.

The demo is built on a throwaway data folder and served in production mode (gunicorn, WhiteNoise,
DJANGO_DEBUG=0, as `make serve` does); Lighthouse runs in the machine's Chromium, mobile then
desktop, and the four category scores are printed as a table. Not part of the test suite: it
takes about a minute a page. Not named bench_*.py, so `make bench` leaves it out.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.bench_http import gunicorn, wait_for
from tests.benchmarks.common import ROOT, bench_env, manage

PAGES = {
    "home": "/",
    "story": "/memory-like-car-t-cells-last-longer-in-mice/",
    "page": "/about/",
    "newsletter": "/newsletter/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
ATTEMPTS = 3


def main(argv):
    parser = argparse.ArgumentParser(prog="lighthouse")
    parser.add_argument("--port", type=int, default=8180)
    parser.add_argument("--lighthouse", default=".venv/lighthouse/node_modules/.bin/lighthouse")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--output", help="a folder for the JSON reports (default: a temporary one)")
    args = parser.parse_args(argv)
    lighthouse = Path(args.lighthouse).resolve()
    if not lighthouse.exists():
        sys.exit(f"No Lighthouse at {lighthouse}: `make lighthouse` installs it (needs npm).")

    data_dir = Path(tempfile.mkdtemp(prefix="newsroom-lighthouse-"))
    reports = Path(args.output or data_dir / "reports")
    reports.mkdir(parents=True, exist_ok=True)
    site = f"http://127.0.0.1:{args.port}"
    env = bench_env(
        data_dir,
        DATABASE_URL="",
        DJANGO_DEBUG="0",
        SITE_URL=site,
        GUNICORN_BIND=f"127.0.0.1:{args.port}",
        WEB_CONCURRENCY="2",
        GUNICORN_LOG_LEVEL="warning",
    )
    print(f"Building the demo in {data_dir}...", flush=True)
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"], ["load_demo"]):
        manage(env, *command)
    rows = []
    with gunicorn(env, "newsroom.wsgi"):
        wait_for(site + "/healthz")
        for name, path in PAGES.items():
            for device in ("mobile", "desktop"):
                report = reports / f"{name}-{device}.json"
                run(lighthouse, args.chrome, site + path, device, report)
                scores = json.loads(report.read_text())["categories"]
                rows.append(
                    (name, device, [round(scores[key]["score"] * 100) for key in CATEGORIES])
                )
    print(f"\n{'page':<12}{'device':<9}" + "".join(f"{key:>16}" for key in CATEGORIES))
    for name, device, scores in rows:
        print(f"{name:<12}{device:<9}" + "".join(f"{score:>16}" for score in scores))
    print(f"\nReports: {reports}")


def run(lighthouse, chrome, url, device, report):
    command = [
        str(lighthouse),
        url,
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if device == "desktop":
        command.append("--preset=desktop")
    # On a busy machine Chromium's trace now and then comes back empty (NO_NAVSTART): try again.
    for attempt in range(ATTEMPTS):
        done = subprocess.run(command, cwd=ROOT, env={**os.environ, "CHROME_PATH": chrome})
        if done.returncode == 0:
            return
        print(f"Lighthouse failed on {url} ({device}), attempt {attempt + 1} of {ATTEMPTS}.")
    done.check_returncode()


if __name__ == "__main__":
    main(sys.argv[1:])
