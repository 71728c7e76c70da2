"""Every page type passes the W3C Nu HTML checker: vnu-jar from npm, run with the machine's Java."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.urls import reverse

from articles.demo.images import hero_jpeg
from articles.models import Correction, Page, Series
from newsletter.models import Edition, Subscriber
from newsletter.tokens import confirm_token, manage_token
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    SourceFactory,
    byline,
    cite,
)

pytestmark = pytest.mark.django_db

VNU_JAR = Path(
    os.environ.get("VNU_JAR")
    or settings.BASE_DIR / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
)


def vnu_command():
    java = shutil.which("java")
    if not java:
        pytest.skip("Java is not installed: the W3C Nu HTML checker needs it.")
    if not VNU_JAR.exists():
        pytest.skip(f"vnu.jar not found at {VNU_JAR}: run `make .venv/.dev` (needs npm).")
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


ERROR_PAGES = {"404": 404, "newsletter-bad-link": 400}


def test_every_page_type_is_valid_html(client, tmp_path):
    command = vnu_command()
    health = CategoryFactory(name="Health", slug="health", emoji="🏥", description="Medicine.")
    nature = CategoryFactory(name="Nature", slug="nature", emoji="🌿", colour="#facc15")
    writer = AuthorFactory(name="Ada Writer", credentials="M.D.", bio="Writes about medicine.")
    writer.photo.save("ada.jpg", ContentFile(hero_jpeg("#334155", "ada", size=(400, 400))))
    science_advances = SourceFactory(name="Science Advances", kind="journal")
    series = Series.objects.create(name="Cell therapies", slug="cell-therapies")
    ArticleFactory(category=health, series=series, title="Part one")
    article = ArticleFactory(
        category=health,
        tags=["cancer", "mRNA vaccines"],
        evidence_stage="animal_study",
        reviewed_by=writer,
        last_reviewed="2026-03-03",
        updated_at="2026-03-05T10:00:00Z",
        series=series,
        featured=True,
        hero_image_alt="Cells under a microscope",
        hero_image_caption="T cells, coloured.",
        hero_image_credit="Photo: A Lab",
        body="<h2>What they found</h2><p>Mice lived <em>longer</em>.</p><ul><li>One</li></ul>",
    )
    article.hero_image.save("cells.jpg", ContentFile(hero_jpeg("#0f766e", "cells")))
    ArticleFactory(category=health, series=series, title="Part three")
    byline(article, writer, AuthorFactory(name="Ben Reporter"))
    cite(article, science_advances, doi="10.1126/sciadv.abc123")
    cite(article, SourceFactory(name="EurekAlert", url=""))
    Correction.objects.create(article=article, text="An earlier version misnamed the journal.")
    for n in range(14):
        ArticleFactory(category=nature if n % 2 else health, tags=["cancer"])
    reader = Subscriber.objects.create(email="reader@example.com")
    edition = Edition.objects.create(
        subject="This week", intro="Hello.", status="sent", sent_at=article.published_at
    )
    edition.links.create(article=article)
    Page.objects.create(
        title="About us",
        slug="about",
        description="Who we are.",
        body="<h2>Who</h2><p>We <a href='mailto:a@example.com'>write</a>.</p><ul><li>x</li></ul>",
        status="published",
    )

    pages = {
        "home": reverse("articles:home"),
        "article": article.get_absolute_url(),
        "category": health.get_absolute_url(),
        "category-page-2": health.get_absolute_url() + "?page=1",
        "empty-category": CategoryFactory(name="Empty").get_absolute_url(),
        "tag": reverse("articles:tag", args=["cancer"]),
        "source": science_advances.get_absolute_url(),
        "author": writer.get_absolute_url(),
        "page": "/about/",
        "archive": reverse("articles:archive"),
        "archive-month": reverse(
            "articles:archive_month", args=[article.published_at.year, article.published_at.month]
        ),
        "newsletter-archive": reverse("newsletter:archive"),
        "newsletter-edition": reverse("newsletter:edition", args=[edition.pk]),
        "404": "/no-such-story/",
        "search": reverse("articles:search") + "?q=cancer",
        "search-empty": reverse("articles:search") + "?q=nothing+matches+this",
        "newsletter": reverse("newsletter:index"),
        "newsletter-confirmed": reverse("newsletter:confirm", args=[confirm_token(reader)]),
        "newsletter-preferences": reverse("newsletter:preferences", args=[manage_token(reader)]),
        "newsletter-unsubscribe": reverse("newsletter:unsubscribe", args=[manage_token(reader)]),
        "newsletter-bad-link": reverse("newsletter:preferences", args=["tampered"]),
    }
    files = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == ERROR_PAGES.get(name, 200), name
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(path)
    (tmp_path / "500.html").write_text(render_to_string("500.html"))
    files.append(tmp_path / "500.html")

    result = subprocess.run(
        [*command, *map(str, files)], capture_output=True, text=True, timeout=120
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']} {m.get('extract')}"
        for m in messages
    ]
    assert errors == []
