"""The demo publication's pages: Markdown files with TOML front matter in content/pages/."""

import tomllib
from pathlib import Path

from markdown_it import MarkdownIt

from articles.models import Page
from articles.site import site_settings

PAGES_DIR = Path(__file__).parent / "content" / "pages"
FRONT_MATTER = "+++"


def page_read(path):
    """(front matter dict, Markdown body) of a page file."""
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split(f"{FRONT_MATTER}\n", 2)
    return tomllib.loads(front), body


def placeholders():
    """What page files may name in braces: nothing about the site is written in them."""
    site = site_settings()
    return {"{site_name}": site.name, "{contact_email}": site.reader_email}


def markdown_to_html(text):
    for name, value in placeholders().items():
        text = text.replace(name, value)
    return MarkdownIt("commonmark").render(text)


def pages_load(*, directory=PAGES_DIR):
    """Create or update a published Page per file; returns how many were new."""
    created_count = 0
    for path in sorted(directory.glob("*.md")):
        front, body = page_read(path)
        _, created = Page.objects.update_or_create(
            slug=front["slug"],
            defaults={
                "title": front["title"],
                "description": front.get("description", ""),
                "body": markdown_to_html(body),
                "role": front.get("role", ""),
                "position": front.get("position", 0),
                "in_footer": front.get("in_footer", True),
                "status": Page.Status.PUBLISHED,
            },
        )
        created_count += created
    return created_count
