import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend

# The file, beside the mail folder, that lets a held send go on.
GATE = "send-may-go-on"


class HeldEmailBackend(EmailBackend):
    """
    Writes each message to a file, as the file backend does, but once the first is written it
    holds the next until the test creates GATE (60 s at most): a send caught in its middle,
    however slow the machine is.
    """

    def send_messages(self, messages):
        sent = 0
        mail = Path(self.file_path)
        for message in messages:
            deadline = time.monotonic() + 60
            while written(mail) and not (mail.parent / GATE).exists():
                if time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            sent += super().send_messages([message])
        return sent


def written(mail):
    """Whether a message is in the mail folder (the file backend opens its file empty)."""
    return any(path.stat().st_size for path in mail.iterdir())
