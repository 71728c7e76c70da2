"""The demo publication's site settings, from content/site.toml over the environment's."""

import tomllib
from pathlib import Path

from articles.models import SiteSettings

SITE_FILE = Path(__file__).parent / "content" / "site.toml"


def site_load(*, path=SITE_FILE):
    """Save the site settings once; an editor's later changes are kept."""
    if SiteSettings.objects.exists():
        return
    site = SiteSettings.from_environment()
    for name, value in tomllib.loads(path.read_text(encoding="utf-8")).items():
        setattr(site, name, value)
    site.full_clean()
    site.save()
