"""
What Crossref and PubMed say about a study: its title, journal, date and authors for the admin's
lookup, and the retractions and corrections published against it for the retraction watch.

The services are asked politely (a User-Agent with a contact address, a short timeout) and their
answers are cached; when they cannot answer, `MetadataError` says so in words for an editor.
"""

import hashlib
import html
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.utils.html import strip_tags

from articles.models import DOI_PATTERN, normalise_doi

PMID_PATTERN = r"^[1-9]\d{0,8}$"
MONTHS = {
    month: number
    for number, month in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
# Crossref's update types -> the notices the watch reports (others, e.g. new_version, are not).
UPDATE_KINDS = {
    "retraction": "retraction",
    "partial_retraction": "retraction",
    "removal": "retraction",
    "withdrawal": "withdrawal",
    "expression_of_concern": "expression_of_concern",
    "correction": "correction",
    "corrigendum": "correction",
    "erratum": "correction",
}


class MetadataError(Exception):
    """
    The service could not tell us: the message says why, for an editor; `status` is the HTTP
    status the admin's lookup answers with (400 malformed, 404 unknown, 502/504 the service).
    """

    def __init__(self, message, *, status=502):
        super().__init__(message)
        self.message, self.status = message, status


class Notice(NamedTuple):
    kind: str  # a StudyNotice.Kind value
    notice_doi: str
    date: str  # partial ISO date, "" when Crossref gives none
    source: str  # "publisher" or "retraction-watch"


def user_agent():
    contact = f"; mailto:{settings.CROSSREF_MAILTO}" if settings.CROSSREF_MAILTO else ""
    return f"Newsroom/1.0 ({settings.SITE_URL}{contact})"


def get_json(service, url):
    """GET `url` and decode its JSON; HTTPError 404 passes through, other failures are worded."""
    request = urllib.request.Request(
        url, headers={"User-Agent": user_agent(), "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.SCHOLARLY_TIMEOUT) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise
        raise MetadataError(
            f"{service} answered with an error ({error.code}). Try again later, "
            "or fill in the fields by hand."
        ) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        raise MetadataError(
            f"{service} could not be reached. Try again later, or fill in the fields by hand.",
            status=504,
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise MetadataError(f"{service} sent an answer that could not be read.") from None


def cached(key, fetch):
    key = "scholarly:" + hashlib.sha256(key.encode()).hexdigest()
    if (answer := cache.get(key)) is None:
        answer = fetch()
        cache.set(key, answer, settings.SCHOLARLY_CACHE_SECONDS)
    return answer


def partial_date(parts):
    """Crossref's [[2026, 3, 13]] (or [[2026, 3]], [[2026]]) as "2026-03-13" ("2026-03", "2026")."""
    if not parts or not parts[0] or parts[0][0] is None:
        return ""
    year, *rest = parts[0]
    return "-".join([f"{year:04d}", *(f"{part:02d}" for part in rest[:2])])


def plain(text):
    return " ".join(html.unescape(strip_tags(text or "")).split())


def crossref_work(doi):
    """The Crossref work record of `doi` (its "message"); MetadataError when there is none."""
    doi = normalise_doi(doi)
    if not re.match(DOI_PATTERN, doi):
        raise MetadataError(
            f"“{doi}” is not a DOI: a DOI looks like 10.1126/sciadv.abc123. Check it, "
            "or fill in the fields by hand.",
            status=400,
        )
    query = (
        f"?mailto={urllib.parse.quote(settings.CROSSREF_MAILTO)}"
        if settings.CROSSREF_MAILTO
        else ""
    )
    url = f"{settings.CROSSREF_API_URL}/works/{urllib.parse.quote(doi, safe='/')}{query}"
    try:
        answer = get_json("Crossref", url)
    except urllib.error.HTTPError:
        raise MetadataError(
            f"Crossref has no record of the DOI {doi}. Check it, or fill in the fields by hand.",
            status=404,
        ) from None
    if answer.get("status") != "ok" or answer.get("message-type") != "work":
        raise MetadataError("Crossref sent an answer that could not be read.")
    return answer["message"]


def doi_lookup(doi):
    """The fields of a Study, as Crossref has them."""

    def fetch():
        work = crossref_work(doi)
        date = work.get("published") or work.get("issued") or {}
        authors = [
            " ".join(filter(None, [person.get("given"), person.get("family")]))
            or person.get("name", "")
            for person in work.get("author", [])
        ]
        return {
            "doi": work.get("DOI", normalise_doi(doi)),
            "title": plain(next(iter(work.get("title", [])), "")),
            "journal": plain(next(iter(work.get("container-title", [])), "")),
            "published": partial_date(date.get("date-parts")),
            "authors": ", ".join(filter(None, authors)),
            "is_preprint": work.get("subtype") == "preprint",
        }

    return cached(f"doi:{normalise_doi(doi).lower()}", fetch)


def pubmed_date(text):
    """PubMed's "2025 Feb 15", "2025 Feb" or "2025" as a partial ISO date."""
    match = re.match(r"^(\d{4})(?:\s+([A-Za-z]{3})[a-z]*(?:\s+(\d{1,2}))?)?", text or "")
    if not match:
        return ""
    year, month, day = match.groups()
    parts = [year]
    if month and month.lower() in MONTHS:
        parts.append(f"{MONTHS[month.lower()]:02d}")
        if day:
            parts.append(f"{int(day):02d}")
    return "-".join(parts)


def pmid_lookup(pmid):
    """The fields of a Study, as PubMed's esummary has them."""
    pmid = pmid.strip()
    if not re.match(PMID_PATTERN, pmid):
        raise MetadataError(
            f"“{pmid}” is not a PubMed ID: a PMID is a number, e.g. 39812345.", status=400
        )

    def fetch():
        params = {"db": "pubmed", "id": pmid, "retmode": "json", "tool": "newsroom"}
        if settings.CROSSREF_MAILTO:
            params["email"] = settings.CROSSREF_MAILTO
        url = f"{settings.EUTILS_API_URL}/esummary.fcgi?{urllib.parse.urlencode(params)}"
        try:
            answer = get_json("PubMed", url)
        except urllib.error.HTTPError:
            answer = {}
        record = answer.get("result", {}).get(pmid)
        if not record or "error" in record:
            raise MetadataError(
                f"PubMed has no record of the PMID {pmid}. Check it, or fill in the fields by "
                "hand.",
                status=404,
            )
        ids = {item.get("idtype"): item.get("value") for item in record.get("articleids", [])}
        return {
            "pmid": pmid,
            "doi": ids.get("doi", ""),
            "title": plain(record.get("title", "")).rstrip("."),
            "journal": plain(record.get("fulljournalname") or record.get("source", "")),
            "published": pubmed_date(record.get("pubdate", "")),
            "authors": ", ".join(author["name"] for author in record.get("authors", [])),
        }

    return cached(f"pmid:{pmid}", fetch)


def doi_notices(doi):
    """
    The retractions, withdrawals, expressions of concern and corrections Crossref records
    against `doi` (its work's `updated-by`, from the publisher or from Retraction Watch), each
    once. Never cached: the watch asks for news.
    """
    notices = {}
    for update in crossref_work(doi).get("updated-by", []):
        kind = UPDATE_KINDS.get(str(update.get("type", "")).lower().replace("-", "_"))
        if kind is None:
            continue
        notice_doi = update.get("DOI", "")
        notices.setdefault(
            (kind, notice_doi.lower()),
            Notice(
                kind=kind,
                notice_doi=notice_doi,
                date=partial_date(update.get("updated", {}).get("date-parts")),
                source=update.get("source", ""),
            ),
        )
    return list(notices.values())
