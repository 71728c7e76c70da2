"""
The ceiling for `bench_http`: a WSGI app that answers each page's URL with that page's bytes,
from memory, served by the same gunicorn. No Django: what the server and loopback allow for a
body of that size.

BENCH_CEILING_PAGES names a JSON file of {path with query: file of the page's bytes}.
"""

import json
import os
from pathlib import Path

PAGES = {
    path: Path(file).read_bytes()
    for path, file in json.loads(Path(os.environ["BENCH_CEILING_PAGES"]).read_text()).items()
}


def application(environ, start_response):
    path = environ["PATH_INFO"]
    if query := environ.get("QUERY_STRING"):
        path = f"{path}?{query}"
    body = PAGES[path]
    start_response(
        "200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
    )
    return [body]
