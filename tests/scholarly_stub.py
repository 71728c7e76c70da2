"""
A stand-in for Crossref's REST API and NCBI's E-utilities on loopback, answering with JSON
shaped as their documentation shows: `/works/{doi}` and `/esummary.fcgi?db=pubmed&id=...`.
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

SLOW_SECONDS = 1.5

FOUND_DOI = "10.1126/sciadv.adx1234"
RETRACTED_DOI = "10.1016/j.cell.2024.01.001"
CORRECTED_DOI = "10.1038/s41586-024-00001-x"
MISSING_DOI = "10.1234/does-not-exist"
SLOW_DOI = "10.1234/slow"
BROKEN_DOI = "10.1234/server-error"
FOUND_PMID = "39812345"
MISSING_PMID = "99999999"


def work(doi, **extra):
    return {
        "status": "ok",
        "message-type": "work",
        "message-version": "1.0.0",
        "message": {
            "DOI": doi,
            "type": "journal-article",
            "title": ["Memory-like CAR-T cells persist <i>in vivo</i>"],
            "container-title": ["Science Advances"],
            "published": {"date-parts": [[2026, 3, 13]]},
            "issued": {"date-parts": [[2026, 3]]},
            "author": [
                {"given": "Ada", "family": "Lovelace", "sequence": "first", "affiliation": []},
                {"given": "Alan", "family": "Turing", "sequence": "additional", "affiliation": []},
            ],
            **extra,
        },
    }


def update(kind, label, notice_doi, date_parts, source="publisher"):
    return {
        "DOI": notice_doi,
        "type": kind,
        "label": label,
        "source": source,
        "updated": {"date-parts": [date_parts], "date-time": "2026-05-02T00:00:00Z"},
    }


WORKS = {
    FOUND_DOI: work(FOUND_DOI),
    RETRACTED_DOI: work(
        RETRACTED_DOI,
        **{
            "updated-by": [
                update("retraction", "Retraction", "10.1016/j.cell.2026.05.002", [2026, 5, 2]),
                # The same retraction as Retraction Watch records it.
                update(
                    "retraction",
                    "Retraction",
                    "10.1016/j.cell.2026.05.002",
                    [2026, 5, 2],
                    source="retraction-watch",
                ),
            ]
        },
    ),
    CORRECTED_DOI: work(
        CORRECTED_DOI,
        **{
            "updated-by": [
                update("correction", "Correction", "10.1038/s41586-026-11111-1", [2026, 4, 1]),
                update("new_version", "New version", "10.1038/s41586-026-22222-2", [2026, 4, 2]),
            ]
        },
    ),
}

ESUMMARY = {
    "header": {"type": "esummary", "version": "0.3"},
    "result": {
        "uids": [FOUND_PMID],
        FOUND_PMID: {
            "uid": FOUND_PMID,
            "pubdate": "2025 Feb 15",
            "source": "NEJM Evid",
            "authors": [
                {"name": "Carbajal R", "authtype": "Author"},
                {"name": "Boelle PY", "authtype": "Author"},
            ],
            "title": "Real-world effectiveness of nirsevimab in infants.",
            "fulljournalname": "NEJM evidence",
            "articleids": [
                {"idtype": "pubmed", "idtypen": 1, "value": FOUND_PMID},
                {"idtype": "doi", "idtypen": 3, "value": "10.1056/EVIDoa2400275"},
            ],
        },
    },
}
ESUMMARY_MISSING = {
    "header": {"type": "esummary", "version": "0.3"},
    "result": {
        "uids": [],
        MISSING_PMID: {"uid": MISSING_PMID, "error": "cannot get document summary"},
    },
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlsplit(self.path)
        self.server.requests.append((url.path, self.headers.get("User-Agent", "")))
        if url.path == "/esummary.fcgi":
            pmid = parse_qs(url.query).get("id", [""])[0]
            return self.send_json(ESUMMARY if pmid == FOUND_PMID else ESUMMARY_MISSING)
        doi = unquote(url.path.removeprefix("/works/"))
        if doi == SLOW_DOI:
            time.sleep(SLOW_SECONDS)
            try:
                return self.send_json(work(doi))
            except (BrokenPipeError, ConnectionResetError):
                return None  # the client gave up waiting, as it should
        if doi == BROKEN_DOI:
            return self.send_text(500, "Internal Server Error")
        if doi in WORKS:
            return self.send_json(WORKS[doi])
        return self.send_text(404, "Resource not found.")

    def send_json(self, data):
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_text(self, status, text):
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class StubServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)  # any free port: suites may run side by side
        self.requests = []
        self.url = f"http://127.0.0.1:{self.server_port}"


def start():
    server = StubServer()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
