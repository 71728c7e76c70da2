"""Checks shared by the newsletter's forms and its services: addresses and email headers."""

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import validate_email


def email_normalize(email):
    """Trimmed, with the domain lower-cased (the local part is the mailbox owner's business)."""
    email = (email or "").strip()
    local, at, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}" if at else email


def email_validate(email):
    """Django's check, plus a domain on the internet: no `root@localhost`, no `a@[10.0.0.1]`."""
    validate_email(email)
    domain = email.rpartition("@")[2]
    if domain.startswith("[") or "." not in domain:
        raise ValidationError("Enter an address with a full domain, like you@example.com.")


def header_validate(value, *, label="The subject"):
    """
    Text that goes into an email header is one line: a line break there would end the header
    (and start another) and every message would be refused, so no control characters at all.
    """
    if any(unicodedata.category(c) in {"Cc", "Zl", "Zp"} for c in value):
        raise ValidationError(f"{label} must be a single line, without control characters.")
