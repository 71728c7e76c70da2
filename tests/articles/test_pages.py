"""What readers see on each page of the reading site."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.template import Context, Template
from django.template.defaultfilters import date as date_filter
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import template_localtime
from django.views.defaults import server_error

from articles import models
from articles.colours import contrast_ratio, hex_to_rgb
from articles.demo.images import hero_jpeg
from articles.models import RELATED_STORIES, Article, Category, Correction, Series
from articles.templatetags.articles_tags import iso_datetime
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    ImageFactory,
    SourceFactory,
    byline,
    cite,
)

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


@pytest.fixture
def science():
    return CategoryFactory(name="Science", slug="science", emoji="🔬", position=3)


def ago(days):
    return timezone.now() - timedelta(days=days)


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def with_image(article, alt="Cells under a microscope", **fields):
    jpeg = ContentFile(hero_jpeg("#0f766e", article.slug), f"{article.slug}.jpg")
    article.hero = ImageFactory(file=jpeg, alt_text=alt, **fields)
    article.save(update_fields=["hero"])
    return article


# The article page


def test_article_page_shows_every_part_of_the_story(client, health):
    reviewer = AuthorFactory(name="Dr Maya Patel", credentials="M.D.")
    article = ArticleFactory(
        category=health,
        title="Longer-lived CAR-T cells",
        standfirst="Engineered cells lasted longer in mice.",
        body="<p>" + "word " * 700 + "</p>",
        evidence_stage="animal_study",
        published_at=timezone.make_aware(datetime(2026, 3, 1, 9, 0)),
        updated_at=timezone.make_aware(datetime(2026, 3, 4, 12, 0)),
        reviewed_by=reviewer,
        last_reviewed=date(2026, 3, 3),
        tags=["cancer", "cell therapy"],
    )
    with_image(article, caption="T cells, coloured.", credit="Photo: A Lab")
    writer = AuthorFactory(name="Ada Writer", credentials="PhD")
    byline(article, writer, AuthorFactory(name="Ben Reporter"))
    Correction.objects.create(
        article=article, date=date(2026, 3, 5), text="The journal was misnamed."
    )
    html = html_of(client.get(article.get_absolute_url()))

    assert f'href="{health.get_absolute_url()}">🏥 Health</a>' in html
    # Never broken as "CAR-" / "T cells": hyphenated words stay whole, a lone letter stays tied.
    nobr = '<span class="nobr">{}</span>'.format
    assert f"<h1>{nobr('Longer-lived')} {nobr('CAR-T')}\u00a0cells</h1>" in html
    assert "Engineered cells lasted longer in mice." in html
    assert f'<a href="{writer.get_absolute_url()}">Ada Writer, PhD</a> and ' in html
    assert '<time datetime="2026-03-01T09:00:00+0000">1 March 2026</time>' in html
    assert "Updated <time datetime=" in html and "4 March 2026</time>" in html
    assert "4 min read" in html
    assert "<strong>Animal study:</strong> Tested in animals such as mice, not yet in people." in (
        html
    )
    assert "T cells, coloured." in html and "Photo: A Lab" in html
    assert 'alt="Cells under a microscope"' in html
    assert re.search(r"Correction, <time[^>]*>5 March 2026</time>:</strong> The journal", html)
    assert (
        f'Reviewed by <a href="{reviewer.get_absolute_url()}">Dr Maya Patel, M.D.</a>, on '
        '<time datetime="2026-03-03">3 March 2026</time>'
    ) in html
    assert f'href="{reverse("articles:tag", args=["cancer"])}">#cancer</a>' in html
    assert html.count("<h1") == 1


def test_sources_line_links_urls_and_dois(client, health):
    article = ArticleFactory(category=health)
    journal = SourceFactory(name="Science Advances", kind="journal", url="https://www.science.org/")
    cite(article, journal, doi="10.1126/sciadv.abc123")
    einstein = SourceFactory(name="Einstein", url="https://einsteinmed.edu/")
    cite(article, einstein, url="https://einsteinmed.edu/news/car-t")
    researcher = SourceFactory(name="A Researcher", kind="researcher", url="")
    cite(article, researcher)
    html = html_of(client.get(article.get_absolute_url()))
    # Each source links its page on this site; the study itself is linked by DOI or address.
    assert (
        "<strong>Sources:</strong>\n        "
        f'<a href="{journal.get_absolute_url()}">Science Advances</a> '
        '<span class="source-kind">(journal)</span> '
        '(<a href="https://doi.org/10.1126/sciadv.abc123">the study</a>) · '
        f'<a href="{einstein.get_absolute_url()}">Einstein</a> '
        '<span class="source-kind">(institution)</span> '
        '(<a href="https://einsteinmed.edu/news/car-t">the study</a>) · '
        f'<a href="{researcher.get_absolute_url()}">A Researcher</a> '
        '<span class="source-kind">(researcher)</span>'
    ) in html


def test_corrections_are_listed_oldest_first_as_written(client, health):
    article = ArticleFactory(category=health)
    later = Correction.objects.create(article=article, date=date(2026, 3, 2), text="Second.")
    Correction.objects.create(
        article=article, kind="update", date=date(2026, 3, 1), text="Dose: 5 mg, not “50” <mg>."
    )
    Correction.objects.create(article=article, date=later.date, text="Third, the same day.")
    html = html_of(client.get(article.get_absolute_url()))
    items = re.findall(r"<li><strong>(.*?)</li>", html[html.index('class="corrections"') :])
    assert items == [
        'Update, <time datetime="2026-03-01">1 March 2026</time>:</strong> '
        "Dose: 5 mg, not “50” &lt;mg&gt;.",
        'Correction, <time datetime="2026-03-02">2 March 2026</time>:</strong> Second.',
        'Correction, <time datetime="2026-03-02">2 March 2026</time>:</strong> '
        "Third, the same day.",
    ]


def test_story_without_evidence_stage_review_or_series_shows_none(client, health):
    article = ArticleFactory(category=health, evidence_stage="not_applicable")
    html = html_of(client.get(article.get_absolute_url()))
    assert 'class="evidence"' not in html
    assert "Reviewed by" not in html
    assert "Part of the series" not in html
    assert "Corrections and updates" not in html


def test_series_navigation_links_neighbours_in_the_series(client, health):
    series = Series.objects.create(name="Cell therapies", slug="cell-therapies")
    first = ArticleFactory(category=health, series=series, published_at=ago(30), title="One")
    ArticleFactory(category=health, series=series, published_at=ago(25), status="draft")
    middle = ArticleFactory(category=health, series=series, published_at=ago(20), title="Two")
    last = ArticleFactory(category=health, series=series, published_at=ago(10), title="Three")
    ArticleFactory(category=health, series=series, published_at=ago(-3))  # scheduled
    ArticleFactory(category=health, published_at=ago(15), title="Not in it")

    html = html_of(client.get(middle.get_absolute_url()))
    assert "Part of the series <strong>Cell therapies</strong>" in html
    assert (
        f'<a rel="prev" href="{first.get_absolute_url()}"><span>← Previous</span> One</a>' in html
    )
    assert f'<a rel="next" href="{last.get_absolute_url()}"><span>Next →</span> Three</a>' in html

    html = html_of(client.get(last.get_absolute_url()))
    assert 'rel="prev" href="/' + middle.slug in html and 'rel="next"' not in html
    html = html_of(client.get(first.get_absolute_url()))
    assert 'rel="prev"' not in html and 'rel="next" href="/' + middle.slug in html


def test_a_scheduled_part_of_a_series_is_linked_once_it_goes_live(client, health):
    series = Series.objects.create(name="Cell therapies", slug="cell-therapies")
    last = ArticleFactory(category=health, series=series, published_at=ago(10))
    assert 'rel="next"' not in html_of(client.get(last.get_absolute_url()))
    scheduled = ArticleFactory(category=health, series=series, published_at=ago(-1))
    assert 'rel="next"' not in html_of(client.get(last.get_absolute_url()))
    with time_machine.travel(ago(-2)):
        html = html_of(client.get(last.get_absolute_url()))
    assert f'rel="next" href="{scheduled.get_absolute_url()}"' in html


def test_hero_is_a_responsive_picture_loaded_first(client, health):
    article = with_image(ArticleFactory(category=health))
    for other in [ArticleFactory(category=health) for _ in range(3)]:
        with_image(other)
    html = html_of(client.get(article.get_absolute_url()))
    hero = html.split('<figure class="hero">')[1].split("</figure>")[0]
    assert '<source type="image/webp" srcset="/media/renditions/' in hero
    assert re.search(r'srcset="[^"]*-480\.jpg 480w, [^"]*-800\.jpg 800w', hero)
    assert 'width="800" height="450"' in hero
    assert 'fetchpriority="high"' in hero and "lazy" not in hero
    panels = html.split("More Health Stories")[1]
    assert panels.count('loading="lazy"') == 3
    assert "fetchpriority" not in panels
    assert "/media/articles/" not in html, "the original upload is never served"


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 1, 15, 9, 5, 7, tzinfo=UTC),  # GMT
        datetime(2026, 7, 15, 23, 30, tzinfo=UTC),  # BST: the next day in London
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),  # the hour the clocks go forward
        None,
        "",
    ],
)
def test_iso_datetime_writes_what_the_date_filter_writes(value):
    expected = date_filter(template_localtime(value), "Y-m-d\\TH:i:sO")
    assert iso_datetime(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        *(datetime(2026, month, 15, 9, 5, tzinfo=UTC) for month in range(1, 13)),
        datetime(2026, 7, 15, 23, 30, tzinfo=UTC),  # BST: the next day in London
        date(2026, 5, 1),
        None,
        "",
    ],
)
def test_short_date_writes_what_the_date_filter_writes(value):
    def rendered(expression):
        return Template("{% load articles_tags %}" + expression).render(Context({"v": value}))

    assert rendered("{{ v|short_date }}") == rendered('{{ v|date:"j M Y" }}')


def test_cards_show_image_headline_excerpt_and_badge(client, health, nature):
    article = ArticleFactory(category=health)
    long_standfirst = "Researchers found " + "remarkably " * 20 + "good results."
    story = with_image(ArticleFactory(category=health, standfirst=long_standfirst))
    html = html_of(client.get(article.get_absolute_url()))
    card = html.split("More Health Stories")[1].split("</article>")[0]
    assert "<picture>" in card and 'alt="Cells under a microscope"' in card
    assert f'<a href="{story.get_absolute_url()}">{story.title}</a>' in card
    assert "Researchers found remarkably" in card and "remarkably…</p>" in card
    assert "good results." not in card
    assert "🏥 Health</a>" in card


# The two panels


def test_more_panel_is_three_newest_published_of_the_same_category(client, health, nature):
    article = ArticleFactory(category=health, published_at=ago(10))
    newest = [ArticleFactory(category=health, published_at=ago(n)) for n in (1, 2, 3, 4)]
    ArticleFactory(category=health, status=Article.Status.DRAFT, published_at=ago(0.5))
    ArticleFactory(category=health, published_at=ago(-1))  # scheduled
    ArticleFactory(category=nature, published_at=ago(0.1))
    response = client.get(article.get_absolute_url())
    assert response.context["more_stories"] == newest[:3]
    assert "More Health Stories" in html_of(response)


def test_more_panel_may_hold_older_stories_but_never_this_one(client, health):
    article = ArticleFactory(category=health, published_at=ago(1))
    older = ArticleFactory(category=health, published_at=ago(50))
    assert client.get(article.get_absolute_url()).context["more_stories"] == [older]


def test_also_like_only_shows_other_categories_even_when_pinned(client, health, nature):
    article = ArticleFactory(category=health, tags=["cancer"])
    pinned_same = ArticleFactory(category=health, published_at=ago(40))
    article.related_articles.add(pinned_same)
    shared_same = [ArticleFactory(category=health, tags=["cancer"]) for _ in range(5)]
    others = [ArticleFactory(category=nature, published_at=ago(n + 60)) for n in range(4)]
    also = client.get(article.get_absolute_url()).context["also_like"]
    assert also == others[:3]
    assert not set(also) & {pinned_same, *shared_same}


def test_also_like_ranks_pinned_then_shared_tags_then_recency(client, health, nature, science):
    article = ArticleFactory(category=health, tags=["a", "b", "c"])
    newest = ArticleFactory(category=science, published_at=ago(1))
    one = ArticleFactory(category=nature, tags=["a"], published_at=ago(5))
    three = ArticleFactory(category=science, tags=["a", "b", "c"], published_at=ago(90))
    pinned_old = ArticleFactory(category=nature, published_at=ago(300))
    pinned_draft = ArticleFactory(category=nature, status=Article.Status.DRAFT)
    article.related_articles.add(pinned_old, pinned_draft)
    assert client.get(article.get_absolute_url()).context["also_like"] == [pinned_old, three, one]
    article.related_articles.clear()
    assert client.get(article.get_absolute_url()).context["also_like"] == [three, one, newest]


def test_also_like_tops_up_with_recent_stories_when_tags_run_out(client, health, nature):
    article = ArticleFactory(category=health)  # no tags at all
    stories = [ArticleFactory(category=nature, published_at=ago(n)) for n in (3, 1, 2, 9)]
    ArticleFactory(category=nature, published_at=ago(-1))  # scheduled: not yet
    also = client.get(article.get_absolute_url()).context["also_like"]
    assert also == [stories[1], stories[2], stories[0]]


def test_also_like_weighs_only_the_latest_taggings_of_the_story_tags(
    client, health, nature, monkeypatch
):
    monkeypatch.setattr(models, "RELATED_TAGGINGS", 3)
    monkeypatch.setattr(RELATED_STORIES, "compiled", {})  # compiled with the real number
    article = ArticleFactory(category=health, tags=["a", "b", "c"])
    tagged_long_ago = ArticleFactory(category=nature, tags=["b", "c"], published_at=ago(100))
    latest = [
        ArticleFactory(category=nature, tags=["a"], published_at=ago(10 + n)) for n in range(3)
    ]
    assert client.get(article.get_absolute_url()).context["also_like"] == latest
    monkeypatch.setattr(models, "RELATED_TAGGINGS", 5)
    monkeypatch.setattr(RELATED_STORIES, "compiled", {})
    also = client.get(article.get_absolute_url()).context["also_like"]
    assert also == [tagged_long_ago, *latest[:2]]


def test_also_like_tops_up_from_the_latest_stories_only_ties_by_newest(
    client, health, nature, monkeypatch
):
    monkeypatch.setattr(models, "RELATED_RECENT", 3)
    monkeypatch.setattr(RELATED_STORIES, "compiled", {})
    article = ArticleFactory(category=health, published_at=ago(50))
    ArticleFactory(category=health, published_at=ago(1))
    ArticleFactory(category=health, published_at=ago(2))
    at_once = ago(5)  # Of two stories at the same time, the later saved counts as the newer.
    fourth, third = (ArticleFactory(category=nature, published_at=at_once) for _ in range(2))
    ArticleFactory(category=nature, published_at=ago(20))
    assert client.get(article.get_absolute_url()).context["also_like"] == [third]
    fourth.delete()
    assert client.get(article.get_absolute_url()).context["also_like"] == [third]
    monkeypatch.setattr(models, "RELATED_RECENT", 500)
    monkeypatch.setattr(RELATED_STORIES, "compiled", {})
    assert len(client.get(article.get_absolute_url()).context["also_like"]) == 2


def test_a_scheduled_story_joins_both_panels_when_it_goes_live(client, health, nature):
    article = ArticleFactory(category=health)
    client.get(article.get_absolute_url())  # The panels' query, compiled once, sees it first.
    same = ArticleFactory(category=health, published_at=ago(-1))
    other = ArticleFactory(category=nature, published_at=ago(-1))
    context = client.get(article.get_absolute_url()).context
    assert context["more_stories"] == context["also_like"] == []
    with time_machine.travel(ago(-2)):
        context = client.get(article.get_absolute_url()).context
    assert (context["more_stories"], context["also_like"]) == ([same], [other])


def test_panels_show_what_exists_when_fewer_than_three(client, health, nature):
    article = ArticleFactory(category=health)
    other = ArticleFactory(category=nature)
    response = client.get(article.get_absolute_url())
    assert response.context["more_stories"] == []
    assert response.context["also_like"] == [other]
    html = html_of(response)
    assert "More Health Stories" not in html and "✨ You Might Also Like" in html


def test_the_two_panels_never_repeat_a_story(client, health, nature):
    article = ArticleFactory(category=health, tags=["x"])
    for n in range(6):
        ArticleFactory(category=health if n % 2 else nature, tags=["x"])
    context = client.get(article.get_absolute_url()).context
    shown = [s.pk for s in context["more_stories"]] + [s.pk for s in context["also_like"]]
    assert len(shown) == len(set(shown)) == 6
    assert article.pk not in shown


# 404s


@pytest.mark.parametrize(
    ("status", "days_ago"),
    [("draft", 1), ("in_review", 1), ("published", -1)],
)
def test_unpublished_stories_are_not_found(client, status, days_ago):
    article = ArticleFactory(status=status, published_at=ago(days_ago))
    response = client.get(article.get_absolute_url())
    assert response.status_code == 404
    assert article.title not in response.content.decode()


def test_not_found_page_is_in_the_site_style(client, health):
    response = client.get("/no-such-story/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We couldn’t find that page" in html
    assert 'class="site-header"' in html and "🏥 Health" in html


def test_server_error_page_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


# Home


def test_a_home_section_holds_three_stories_even_when_many_share_a_date(health, nature):
    at = ago(5)
    tied = [ArticleFactory(category=health, published_at=at) for _ in range(5)]
    newer = ArticleFactory(category=health, published_at=ago(1))
    other = ArticleFactory(category=nature, published_at=at)
    newest = Article.objects.published().order_by("-published_at", "-pk").newest_per_category()
    # Newest first, ties at the same date broken by id, highest first, as on every list.
    assert list(newest) == [newer, tied[4], tied[3], other]


def test_home_shows_lead_latest_and_a_section_per_category(client, health, nature, science):
    old_featured = ArticleFactory(category=nature, featured=True, published_at=ago(40))
    lead = ArticleFactory(category=health, featured=True, published_at=ago(30), title="The lead")
    latest = [ArticleFactory(category=science, published_at=ago(n)) for n in range(1, 7)]
    health_more = [ArticleFactory(category=health, published_at=ago(n)) for n in (50, 51, 52, 53)]
    ArticleFactory(category=health, status="draft", title="A secret draft")
    ArticleFactory(category=health, published_at=ago(-1), title="A scheduled story")
    CategoryFactory(name="Empty", slug="empty", position=0)

    response = client.get(reverse("articles:home"))
    html = html_of(response)
    assert response.context["lead"] == lead
    assert response.context["latest"] == latest
    sections = [(c.slug, stories) for c, stories in response.context["sections"]]
    assert sections == [("health", health_more[:3]), ("nature", [old_featured])]
    assert "A secret draft" not in html and "A scheduled story" not in html
    assert html.count("<h1") == 1
    assert '<h2 id="section-health" class="section-title">🏥 Health</h2>' in html


def test_home_leads_with_the_newest_story_when_none_is_featured(client, health):
    stories = [ArticleFactory(category=health, published_at=ago(n)) for n in (3, 1, 2)]
    response = client.get(reverse("articles:home"))
    assert response.context["lead"] == stories[1]
    assert stories[1] not in response.context["latest"]


def test_home_lead_image_loads_first_and_cards_lazily(client, health):
    with_image(ArticleFactory(category=health, featured=True))
    with_image(ArticleFactory(category=health))
    html = html_of(client.get(reverse("articles:home")))
    lead, rest = html.split('class="lead-body"')
    assert 'fetchpriority="high"' in lead and 'loading="lazy"' not in lead
    assert 'loading="lazy"' in rest and 'fetchpriority="high"' not in rest


def test_empty_home_says_so(client):
    html = html_of(client.get(reverse("articles:home")))
    assert "No stories have been published yet." in html


# Category, tag, source and author pages


def test_category_page(client, health, nature):
    health.description = "Medicine and public health, carefully reported."
    health.save()
    mine = [ArticleFactory(category=health, published_at=ago(n)) for n in (2, 1)]
    ArticleFactory(category=nature)
    ArticleFactory(category=health, status="draft")
    response = client.get(health.get_absolute_url())
    html = html_of(response)
    assert list(response.context["articles"]) == [mine[1], mine[0]]
    assert "<h1>🏥 Health</h1>" in html
    assert "Medicine and public health, carefully reported." in html
    assert "<title>🏥 Health · " in html
    assert 'aria-current="page"' in html


def test_tag_page(client, health, nature):
    tagged = [ArticleFactory(category=c, tags=["vaccines"]) for c in (health, nature)]
    ArticleFactory(category=health, tags=["other"])
    response = client.get(reverse("articles:tag", args=["vaccines"]))
    assert set(response.context["articles"]) == set(tagged)
    assert "Stories tagged “vaccines”" in html_of(response)


@pytest.mark.parametrize(
    ("status", "published_at"),
    [(Article.Status.DRAFT, None), (Article.Status.PUBLISHED, timezone.now() + DAY)],
)
def test_a_tag_only_on_unpublished_stories_has_no_page(client, health, status, published_at):
    ArticleFactory(
        category=health, tags=["embargoed-drug"], status=status, published_at=published_at
    )
    assert client.get(reverse("articles:tag", args=["embargo"])).status_code == 404


@pytest.mark.parametrize("name", ["café", "Ärzte ohne Grenzen", "日本"])
def test_tags_with_letters_beyond_ascii_have_pages(client, health, name):
    """taggit keeps such letters in slugs: the story, its tag page and the sitemap all work."""
    story = ArticleFactory(category=health, tags=[name])
    tag = story.tags.get()
    assert tag.slug != tag.slug.encode("ascii", "ignore").decode()
    assert client.get(story.get_absolute_url()).status_code == 200
    response = client.get(reverse("articles:tag", args=[tag.slug]))
    assert list(response.context["articles"]) == [story]
    assert client.get(reverse("articles:sitemap")).status_code == 200


def test_source_page_lists_each_citing_story_once(client, health):
    journal = SourceFactory(name="Science Advances", slug="science-advances", kind="journal")
    story = ArticleFactory(category=health)
    cite(story, journal, journal)
    ArticleFactory(category=health)
    response = client.get(journal.get_absolute_url())
    assert list(response.context["articles"]) == [story]
    html = html_of(response)
    assert "<h1>Stories citing Science Advances</h1>" in html
    assert "(journal)" in html


def test_author_page_shows_bio_credentials_photo_and_stories(client, health):
    author = AuthorFactory(name="Ada Writer", credentials="M.D.", bio="Ada covers oncology.")
    author.photo.save("ada.jpg", ContentFile(hero_jpeg("#334155", "ada", size=(400, 400))))
    story = ArticleFactory(category=health)
    byline(story, author)
    ArticleFactory(category=health)
    response = client.get(author.get_absolute_url())
    html = html_of(response)
    assert list(response.context["articles"]) == [story]
    assert "<h1>Ada Writer, M.D.</h1>" in html
    assert "Ada covers oncology." in html
    assert '<div class="author-photo"><picture>' in html


def test_listing_shows_an_empty_state(client):
    html = html_of(client.get(CategoryFactory(name="Quiet").get_absolute_url()))
    assert "No published stories here yet." in html


def test_listing_is_paginated(client, health):
    stories = [ArticleFactory(category=health, published_at=ago(n)) for n in range(1, 15)]
    first = client.get(health.get_absolute_url())
    second = client.get(health.get_absolute_url() + "?page=2")
    assert list(first.context["articles"]) == stories[:12]
    assert list(second.context["articles"]) == stories[12:]
    assert 'rel="next" href="?page=2"' in html_of(first)
    assert 'rel="prev" href="?page=1"' in html_of(second)
    assert "Page 2 of 2" in html_of(second)


@pytest.mark.parametrize("page", ["0", "3", "abc", "-1", "1.5", "9" * 30])
def test_bad_page_numbers_are_not_found(client, health, page):
    ArticleFactory(category=health)
    assert client.get(health.get_absolute_url(), {"page": page}).status_code == 404


@pytest.mark.parametrize("prefix", ["category", "tag", "source", "author"])
def test_unknown_listing_subjects_are_not_found(client, prefix):
    assert client.get(f"/{prefix}/nothing-here/").status_code == 404


# robots.txt, favicon, colours


def test_robots_txt_names_the_sitemaps(client, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "User-agent: *\nAllow: /\nDisallow: /admin/\n" in text
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml\n" in text
    assert f"Sitemap: {settings.SITE_URL}/sitemap-news.xml\n" in text


def test_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/favicon.ico"
    assert finders.find("favicon.ico") and finders.find("favicon.svg")
    # The SVG icon is inline: a page load spends no request on it.
    assert 'href="data:image/svg+xml,%3Csvg%20xmlns' in html_of(client.get("/"))


@pytest.mark.parametrize(
    "colour", ["#0f766e", "#facc15", "#22c55e", "#ffffff", "#7c3aed", "#000000", "#f97316"]
)
def test_badge_text_is_readable_on_every_category_colour(colour):
    category = Category(name="Any", colour=colour)
    assert contrast_ratio(hex_to_rgb(category.badge_colour), (255, 255, 255)) >= 4.5


def test_badge_keeps_colours_that_are_already_readable():
    assert Category(colour="#0f766e").badge_colour == "#0f766e"


def test_cards_are_coloured_by_category_whatever_the_number_format(client, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    category = CategoryFactory(pk=1234)
    ArticleFactory(category=category)
    html = client.get(category.get_absolute_url()).content.decode()
    assert 'class="card-media category-1234"' in html
    assert 'class="badge category-1234"' in html
