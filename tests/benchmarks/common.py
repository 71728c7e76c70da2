"""Helpers shared by the benchmarks: a throwaway data folder and child-process measurement."""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def bench_env(data_dir=None, **extra):
    data_dir = data_dir or tempfile.mkdtemp(prefix="newsroom-bench-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_SECRET_KEY": "bench-only",
        "NEWSROOM_DATA_DIR": str(data_dir),
        "EMAIL_URL": "console:",
    }
    env.update(extra)
    return env


def manage(env, *args, quiet=True):
    """Run `manage.py args` in a child process; return (seconds, its peak RSS in MiB)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL if quiet else None,
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, ["manage.py", *args])
    return seconds, usage.ru_maxrss / 1024
