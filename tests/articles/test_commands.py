import re

import pytest
from django.core.management import call_command
from django.db import connection

from articles.demo.loader import load_publication
from articles.models import (
    Article,
    ArticleAuthor,
    Category,
    Citation,
    Image,
    Source,
    TaggedArticle,
)

pytestmark = pytest.mark.django_db

STORIES = load_publication().stories


def counts():
    return [
        model.objects.count()
        for model in (Article, Image, Category, Source, Citation, ArticleAuthor, TaggedArticle)
    ]


def test_load_demo_builds_a_full_publication(client):
    call_command("load_demo")
    published = Article.objects.published()
    assert published.count() == len(STORIES)
    for category in Category.objects.all():
        assert published.filter(category=category).exists()
    # The CAR-T story, as the facts file lays it out: both related panels full.
    article = Article.objects.get(slug="memory-like-car-t-cells-last-longer-in-mice")
    story = next(story for story in STORIES if story.slug == article.slug)
    assert article.hero.file and article.hero.alt_text == story.hero.alt
    assert (article.hero.caption, article.hero.credit) == (story.hero.caption, story.hero.credit)
    assert not Article.objects.filter(hero__renditions={}).exists(), "a story lacks renditions"
    assert not Article.objects.filter(hero=None).exists(), "a story lacks a hero"
    assert article.citations.count() == len(story.citations)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["more_stories"]) == 3
    assert len(response.context["also_like"]) == 3


def test_load_demo_is_idempotent():
    call_command("load_demo")
    first = counts()
    images = set(Article.objects.values_list("hero__file", flat=True))
    call_command("load_demo")
    assert counts() == first
    assert set(Article.objects.values_list("hero__file", flat=True)) == images


def test_load_demo_if_empty_leaves_existing_content_alone():
    call_command("load_demo")
    Article.objects.filter(slug=STORIES[0].slug).update(title="Edited")
    call_command("load_demo", if_empty=True)
    assert Article.objects.get(slug=STORIES[0].slug).title == "Edited"


def test_load_demo_dry_run_saves_nothing():
    call_command("load_demo", dry_run=True)
    assert Article.objects.count() == 0


def test_generate_articles_creates_published_stories_with_relations():
    call_command("generate_articles", 50, batch_size=20)
    assert Article.objects.published().count() == 50
    assert Citation.objects.count() > 0
    assert TaggedArticle.objects.count() == 50 * 4
    assert ArticleAuthor.objects.count() == 50


def test_demo_accounts_print_credentials_that_sign_in(client, capsys):
    call_command("demo_editor")
    output = capsys.readouterr().out
    passwords = dict(re.findall(r"username '(\w+)', password '([^']+)'", output))
    assert set(passwords) == {"editor", "writer"}
    for username, password in passwords.items():
        assert client.login(username=username, password=password)
    call_command("demo_editor")
    assert passwords["editor"] in capsys.readouterr().out


def test_generate_articles_leaves_planner_statistics_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's planner statistics")
    call_command("generate_articles", 30, batch_size=10)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'articles_article'")
        assert cursor.fetchone()[0] >= 30  # -1 until the table is analysed


@pytest.mark.django_db(transaction=True)
def test_generate_articles_leaves_rows_visible_to_index_only_scans_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's visibility map")
    call_command("generate_articles", 30, batch_size=10)
    with connection.cursor() as cursor:
        cursor.execute("SELECT relallvisible FROM pg_class WHERE relname = 'articles_article'")
        assert cursor.fetchone()[0] > 0  # 0 until the table is vacuumed
