import re
import shutil

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from articles.demo.images import PORTRAIT_SIZE
from articles.demo.loader import (
    CONTENT_DIR,
    ContentError,
    load_publication,
    read_document,
    read_toml,
)
from articles.models import PHOTO_WIDTHS, Article, Author, Source, Study

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
        ('design = "animal_study"', 'design = "rumour"', "studies[0]: design"),
        ('population = "mice"', 'population = "mice"\nsample_size = "40"', "a whole number"),
        ('population = "mice"', 'population = "mice"\nnumber = 40', "unknown field number"),
        ('published = "2026-03-13"', 'published = "13 March"', "Use 2026-03-13, 2026-03"),
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


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            'honorific_suffix = "M.D."',
            'honorific_suffix = "' + "M.D." * 20 + '"',
            "at most 60",
        ),
        (
            'affiliation = "albert-einstein-college-of-medicine"',
            'affiliation = "einstein"',
            "einstein is not a source",
        ),
        (
            'affiliation = "albert-einstein-college-of-medicine"',
            'affiliation = "harris-goldstein"',
            "its own affiliation",
        ),
        ('kind = "researcher"\nhonorific', 'kind = "university"\nhonorific', "only a researcher"),
        (
            'kind = "researcher"\nhonorific',
            'kind = "professor"\nhonorific',
            "kind: Value 'professor'",
        ),
    ],
)
def test_a_malformed_source_is_named(content, old, new, message):
    path = content / "publication.toml"
    replace_in(path, old, new)
    with pytest.raises(ContentError, match=re.escape(message)) as error:
        load_publication(content)
    assert str(error.value).startswith(f"{path}: sources 'harris-goldstein'")


@pytest.mark.django_db
def test_load_demo_types_the_sources_and_attaches_each_story_s_studies():
    publication = load_publication()
    call_command("load_demo")
    goldstein = Source.objects.get(slug="harris-goldstein")
    assert (goldstein.name, goldstein.display_name) == (
        "Harris Goldstein",
        "Harris Goldstein, M.D.",
    )
    assert goldstein.affiliation.slug == "albert-einstein-college-of-medicine"
    assert goldstein.affiliation.kind == Source.Kind.UNIVERSITY
    for story in publication.stories:
        loaded = Study.objects.filter(article__slug=story.slug).values(
            "journal", "published", "design", "population", "sample_size", "doi"
        )
        expected = [
            {key: getattr(study, key) for key in loaded.query.values_select}
            for study in story.studies
        ]
        assert list(loaded) == expected, story.slug
    assert Study.objects.count() == sum(len(story.studies) for story in publication.stories)
    assert not Study.objects.exclude(doi="").exists()  # the facts give no DOI


@pytest.mark.django_db
def test_a_study_an_editor_removed_from_the_file_goes_and_the_rest_stay(content):
    call_command("load_demo", content=content)
    kept = Study.objects.exclude(article__slug=STORY).values_list("pk", flat=True)
    kept = sorted(kept)
    path = content / "stories" / f"{STORY}.md"
    text = path.read_text()
    start = text.index("[[studies]]")
    path.write_text(text[:start] + text[text.index("[[citations]]") :])
    call_command("load_demo", content=content)
    assert not Study.objects.filter(article__slug=STORY).exists()
    assert sorted(Study.objects.values_list("pk", flat=True)) == kept


@pytest.mark.django_db
def test_load_demo_names_the_bad_file_and_saves_nothing(content):
    path = content / "stories" / f"{STORY}.md"
    replace_in(path, "+++\n", "")
    with pytest.raises(CommandError, match=f"^{re.escape(str(path))}: "):
        call_command("load_demo", content=content)
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_every_demo_author_has_a_role_a_drawn_portrait_and_a_demo_bio(client):
    call_command("load_demo")
    call_command("load_demo")  # a second run keeps the first portraits
    for author in Author.objects.all():
        assert author.role and "fictional demo persona" in author.bio, author.slug
        assert author.photo.name == f"authors/{author.slug}.jpg"
        widths = [size["width"] for size in author.photo_renditions["sizes"]]
        assert widths == list(PHOTO_WIDTHS)
        with author.photo.open("rb") as file, Image.open(file) as image:
            assert image.size == (PORTRAIT_SIZE, PORTRAIT_SIZE) and not image.getexif()
    maren = Author.objects.get(slug="maren-ellory")
    html = client.get(maren.get_absolute_url()).text
    assert '<p class="author-role">Medical editor</p>' in html
    assert maren.photo_picture.webp_srcset in html


def test_a_demo_author_s_colour_is_checked(content):
    path = content / "publication.toml"
    replace_in(path, 'colour = "#9f1239"', 'colour = "crimson"')
    with pytest.raises(ContentError, match="maren-ellory'.*colour: Use a hex colour"):
        load_publication(content)


def test_the_about_page_names_every_demo_author_and_no_one_else():
    about = read_document(CONTENT_DIR / "pages" / "about.md").body
    linked = re.findall(r"\]\(/author/([\w-]+)/\)", about)
    assert sorted(linked) == sorted(author.slug for author in load_publication().authors)
