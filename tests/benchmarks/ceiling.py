"""
The ceiling for `bench_http`: a WSGI app that answers each page's URL with that page's bytes
and headers, from memory, served by the same gunicorn. No Django: what the server and loopback
allow for a response of that size.

BENCH_CEILING_PAGES names a JSON file of {path with query: {"body": file of the page's bytes,
"headers": [[name, value], ...] as the site sent them}}.
"""

import json
import os
from pathlib import Path

PAGES = {
    path: (Path(page["body"]).read_bytes(), [tuple(header) for header in page["headers"]])
    for path, page in json.loads(Path(os.environ["BENCH_CEILING_PAGES"]).read_text()).items()
}


def application(environ, start_response):
    path = environ["PATH_INFO"]
    if query := environ.get("QUERY_STRING"):
        path = f"{path}?{query}"
    body, headers = PAGES[path]
    start_response("200 OK", headers)
    return [body]
