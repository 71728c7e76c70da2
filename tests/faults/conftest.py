import asyncio
import os
import socket
import subprocess
import sys
import threading

import pytest
from aiosmtpd.controller import Controller

from tests.benchmarks.common import ROOT


def free_port():
    """A port nothing listens on now, so that test runs side by side never share a sink."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sink:
    """A local mail server; `down_after` makes it hang up for good after that many messages."""

    def __init__(self, delay=0):
        self.port, self.delay = free_port(), delay
        self.received = []
        self.down_after = None
        self.lock = threading.Lock()
        self.controller = None

    def start(self):
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        with self.lock:
            if self.down_after is not None and len(self.received) >= self.down_after:
                return "421 4.3.2 Service shutting down"
            self.received.extend(envelope.rcpt_tos)
        return "250 OK"


@pytest.fixture
def smtp_sink(settings):
    sink = Sink()
    sink.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": sink.port, "timeout": 5},
        }
    }
    yield sink
    sink.stop()


def site_env(data_dir, **extra):
    """The production settings on a SQLite file in `data_dir`, for child processes."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings",
        "DJANGO_SECRET_KEY": "faults-only",
        "NEWSROOM_DATA_DIR": str(data_dir),
        "SITE_URL": "https://news.example.org",
        "DJANGO_ALLOWED_HOSTS": "testserver,news.example.org",
        "DATABASE_URL": "",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        **extra,
    }


def manage(env, *args, **kwargs):
    command = [sys.executable, "manage.py", *args]
    return subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, **kwargs)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """A migrated SQLite site on disk, shared by the tests that need real processes."""
    data_dir = tmp_path_factory.mktemp("faults-site")
    manage(site_env(data_dir), "migrate", "--no-input")
    return data_dir
