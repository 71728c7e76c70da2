import asyncio
import threading

import pytest
from aiosmtpd.controller import Controller

SMTP_PORT = 8120


class Sink:
    """A local mail server; `down_after` makes it hang up for good after that many messages."""

    def __init__(self, port=SMTP_PORT, delay=0):
        self.port, self.delay = port, delay
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
            "OPTIONS": {"host": "127.0.0.1", "port": SMTP_PORT, "timeout": 5},
        }
    }
    yield sink
    sink.stop()
