"""
Guards for the signup box, which is served from the shared page cache and so carries no CSRF
token. Its POST endpoint is CSRF-exempt and protected instead by:

- a strict same-origin check: the Origin header (or, without one, the Referer) must be this
  site, and a browser's `Sec-Fetch-Site: cross-site` is refused. A request with neither header
  is not refused but sent to a confirmation page that carries Django's own CSRF token;
- a honeypot field, a minimum form-fill time proven by a signed token fetched fresh (never
  frozen into a cached page), and rate limits per client IP and per address in the cache;
- double opt-in: nothing is subscribed until the address owner follows the emailed link.
"""

import contextlib
import hashlib
import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache

from newsletter.conf import setting

CROSS_SITE = "cross-site"
UNKNOWN = "unknown"


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else None


def origin_problem(request):
    """None when the request comes from this site; CROSS_SITE or UNKNOWN otherwise."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return CROSS_SITE
    allowed = {_origin(settings.SITE_URL), f"{request.scheme}://{request.get_host()}".lower()}
    origin = request.headers.get("Origin")
    if origin:
        return None if origin.lower() in allowed else CROSS_SITE
    referer = request.headers.get("Referer")
    if referer:
        return None if _origin(referer) in allowed else CROSS_SITE
    return UNKNOWN


def _hit(key, limit, window):
    key = f"newsletter:rate:{key}"
    if cache.add(key, 1, window):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, window)
        return True


def rate_limited(request, email):
    """Counts this attempt; True when the client or the address has tried too often."""
    # Behind a reverse proxy, NEWSLETTER_CLIENT_IP_HEADER names the header it sets, e.g.
    # "HTTP_X_FORWARDED_FOR" (its last entry is the one the proxy added).
    header = setting("NEWSLETTER_CLIENT_IP_HEADER") or "REMOTE_ADDR"
    ip = request.META.get(header, "").split(",")[-1].strip()
    if ":" in ip:  # one IPv6 client holds a whole /64 and may pick any address in it
        with contextlib.suppress(ValueError):
            ip = str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    address = hashlib.sha256(email.lower().encode()).hexdigest()
    ip_ok = _hit(f"ip:{ip}", *setting("NEWSLETTER_RATE_LIMIT_IP"))
    address_ok = _hit(f"address:{address}", *setting("NEWSLETTER_RATE_LIMIT_ADDRESS"))
    return not (ip_ok and address_ok)
