"""
What every page shows around its content: the site settings, categories, and the pages the
footer and structured data link. Kept in the cache and rebuilt whenever one of them is saved,
so that a page spends no query on it.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from articles.models import Category, Page, SiteLink, SiteSettings

CHROME_KEY = "site-chrome:v1"
# A rebuild inside a transaction that is then rolled back is corrected after at most this long.
CHROME_SECONDS = 3600


@dataclass
class Chrome:
    saved_settings: SiteSettings | None  # None until an editor saves them
    categories: list = field(default_factory=list)
    pages: list = field(default_factory=list)  # published pages, in footer order

    @property
    def settings(self):
        # Built afresh from the environment each time until saved: nothing stale is cached.
        return self.saved_settings or SiteSettings.from_environment()

    @property
    def footer_pages(self):
        return [page for page in self.pages if page.in_footer]

    @cached_property
    def policy_urls(self):
        """{role: path} of every role (about, privacy...): its published page's, or ""."""
        urls = {role: "" for role in Page.Role.values if role}
        urls.update((page.role, page.get_absolute_url()) for page in self.pages if page.role)
        return urls

    def links(self, place):
        if self.saved_settings is None:
            return []
        return [link for link in self.saved_settings.cached_links if link.place == place]

    @property
    def nav_links(self):
        return self.links(SiteLink.Place.NAVIGATION)

    @property
    def footer_links(self):
        return self.links(SiteLink.Place.FOOTER)


def chrome_build():
    saved = SiteSettings.objects.filter(pk=1).first()
    if saved is not None:
        saved.cached_links = list(saved.links.all())
    return Chrome(
        saved_settings=saved,
        categories=list(Category.objects.all()),
        pages=list(Page.objects.published().defer("body")),
    )


def chrome_refresh(**kwargs):
    cache.set(CHROME_KEY, chrome_build(), CHROME_SECONDS)
    # Again after commit, so that other workers never keep what this transaction had not saved.
    transaction.on_commit(lambda: cache.set(CHROME_KEY, chrome_build(), CHROME_SECONDS))


def site_chrome():
    chrome = cache.get(CHROME_KEY)
    if chrome is None:
        chrome = chrome_build()
        cache.set(CHROME_KEY, chrome, CHROME_SECONDS)
    return chrome


def site_settings():
    """The publication's settings (name, sender, social accounts...), from the cache."""
    return site_chrome().settings


for model in [SiteSettings, SiteLink, Category, Page]:
    post_save.connect(chrome_refresh, sender=model, dispatch_uid=f"site-chrome-save-{model}")
    post_delete.connect(chrome_refresh, sender=model, dispatch_uid=f"site-chrome-del-{model}")
