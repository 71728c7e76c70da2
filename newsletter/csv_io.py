"""Subscriber lists as CSV: the admin's export, streamed, and the rows of an uploaded import."""

import csv
import io

EXPORT_FIELDS = [
    "email",
    "status",
    "frequency",
    "categories",
    "created_at",
    "confirmed_at",
    "consent_at",
    "consent_source",
    "consent_text",
]


class CSVError(Exception):
    """The upload cannot be read as the CSV an import needs; the message says why."""


def spreadsheet_safe(value):
    """A cell no spreadsheet runs as a formula: a valid address may begin with = or +."""
    return f"'{value}" if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


class _Echo:
    def write(self, value):
        return value


def _cells(subscriber):
    return [
        subscriber.email,
        subscriber.status,
        subscriber.frequency,
        " ".join(category.slug for category in subscriber.categories.all()),
        subscriber.created_at.isoformat(),
        subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
        subscriber.consent_at.isoformat() if subscriber.consent_at else "",
        subscriber.consent_source,
        subscriber.consent_text,
    ]


def subscribers_csv(subscribers):
    """The lines of a CSV of these subscribers, one at a time, for a streaming response."""
    writer = csv.writer(_Echo())
    yield writer.writerow(EXPORT_FIELDS)
    last = 0
    # Keyset batches: an export of the whole list never holds it all in memory.
    ordered = subscribers.order_by("pk").prefetch_related("categories")
    while batch := list(ordered.filter(pk__gt=last)[:1000]):
        for subscriber in batch:
            yield writer.writerow(spreadsheet_safe(value) for value in _cells(subscriber))
        last = batch[-1].pk


def subscriber_rows(file):
    """
    The rows of an uploaded CSV (bytes, UTF-8 with or without a BOM) as dicts, read lazily.
    Raises CSVError, possibly halfway through, when the file is not such a CSV.
    """
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    try:
        reader = csv.DictReader(text)
        if "email" not in (reader.fieldnames or []):
            raise CSVError("The first line must name the columns, with email.")
        yield from reader
    except (UnicodeDecodeError, csv.Error) as error:
        raise CSVError(f"This file could not be read as CSV: {error}") from error
