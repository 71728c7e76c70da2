import re
import shutil

import pytest
from django.core.management import CommandError, call_command

from articles.demo.loader import (
    CONTENT_DIR,
    ContentError,
    load_publication,
    read_document,
    read_toml,
)
from articles.models import Article

STORY = "memory-like-car-t-cells-last-longer-in-mice"


def test_every_content_file_parses():
    for path in CONTENT_DIR.rglob("*.toml"):
        read_toml(path)
    for path in CONTENT_DIR.rglob("*.md"):
        assert read_document(path).html.strip()
    publication = load_publication()
    story_files = sorted(CONTENT_DIR.glob("stories/*.md"))
    assert [story.slug for story in publication.stories] == [path.stem for path in story_files]
    assert all(story.citations for story in publication.stories)


def test_every_health_story_carries_a_medical_review():
    publication = load_publication()
    (health,) = [item for item in publication.categories if item.slug == "health"]
    assert health.requires_medical_review
    credentials = {author.slug: author.credentials for author in publication.authors}
    stories = [story for story in publication.stories if story.category == "health"]
    assert stories
    for story in stories:
        assert credentials[story.reviewed_by] and story.last_reviewed, story.slug


@pytest.mark.django_db
def test_load_demo_loads_every_story_with_its_citations():
    publication = load_publication()
    call_command("load_demo")
    assert Article.objects.published().count() == len(publication.stories)
    for story in publication.stories:
        article = Article.objects.get(slug=story.slug)
        assert article.category.slug == story.category
        assert article.published_at == story.published
        assert [
            (item.source.slug, item.note, item.url, item.doi) for item in article.citations.all()
        ] == [(item.source, item.note, item.url, item.doi) for item in story.citations]
        assert [author.slug for author in article.authors.order_by("bylines__position")] == (
            story.authors
        )
        assert sorted(article.tags.names()) == sorted(story.tags)
        if article.category.requires_medical_review:
            assert article.reviewed_by.credentials and article.last_reviewed
    # The body is Markdown in the file, HTML in the database.
    body = Article.objects.get(slug=STORY).body
    assert "<h2>Sprinters and stayers</h2>" in body
    assert "<em>Science Advances</em>" in body


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing():
    fields = [
        "slug", "title", "standfirst", "body", "published_at", "reviewed_by",
        "hero", "hero__file", "hero__alt_text", "hero__caption", "hero__credit",
    ]  # fmt: skip
    call_command("load_demo")
    first = list(Article.objects.order_by("slug").values_list(*fields))
    call_command("load_demo")
    assert list(Article.objects.order_by("slug").values_list(*fields)) == first


@pytest.fixture
def content(tmp_path):
    """A copy of the demo content, to break."""
    shutil.copytree(CONTENT_DIR, tmp_path, dirs_exist_ok=True)
    return tmp_path


def replace_in(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("+++\ntitle", "title", "must start with a +++ line"),
        ('category = "health"', 'category = "health', "line 4"),
        ('category = "health"', 'category = "sport"', "category: sport is not in publication"),
        ('standfirst = "', 'standfrist = "', "unknown field standfrist"),
        ("featured = true", 'featured = "yes"', "featured should be true or false"),
        ("published = 2026-03-13T09:00:00", "", "missing field published"),
        ('reviewed_by = "maren-ellory"\n', "", "Health stories need a medical review"),
        ('evidence_stage = "animal_study"', 'evidence_stage = "rumour"', "evidence_stage"),
        ('source = "eurekalert"', 'source = "eurekalert"\ndoi = "nope"', "A DOI looks like"),
    ],
)
def test_a_malformed_story_gives_an_error_naming_its_file(content, old, new, message):
    path = content / "stories" / f"{STORY}.md"
    replace_in(path, old, new)
    with pytest.raises(ContentError, match=re.escape(message)) as error:
        load_publication(content)
    assert str(error.value).startswith(str(path))


def test_a_malformed_publication_file_is_named(content):
    path = content / "publication.toml"
    replace_in(path, 'colour = "#0f766e"', 'colour = "teal"')
    with pytest.raises(ContentError, match="colour: Use a hex colour") as error:
        load_publication(content)
    assert str(error.value).startswith(str(path))


@pytest.mark.django_db
def test_load_demo_names_the_bad_file_and_saves_nothing(content):
    path = content / "stories" / f"{STORY}.md"
    replace_in(path, "+++\n", "")
    with pytest.raises(CommandError, match=f"^{re.escape(str(path))}: "):
        call_command("load_demo", content=content)
    assert not Article.objects.exists()
