"""
The ceiling for `bench_http`: a WSGI app that answers every request with the article page's
bytes from memory, served by the same gunicorn. No Django: what the server and loopback allow.
"""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_CEILING_BODY"]).read_bytes()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
