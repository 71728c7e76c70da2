import time

from django.core.mail.backends.filebased import EmailBackend


class SlowEmailBackend(EmailBackend):
    """Writes each message to a file after a pause, like a mail server taking its time."""

    def send_messages(self, messages):
        sent = 0
        for message in messages:
            time.sleep(0.1)
            sent += super().send_messages([message])
        return sent
