"""The checks a newsletter address passes, shared by the forms and the subscriber services."""

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
