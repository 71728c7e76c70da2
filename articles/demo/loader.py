"""
Reads the demo publication from its files into plain dataclasses, checking them on the way.

A content file is Markdown with TOML front matter between two `+++` lines:

    +++
    title = "A headline"
    +++
    The body, in **Markdown**.

`read_folder()` reads any folder of such files and `to_record()` checks their front matter
against a dataclass, so other content (site pages, editions) can be kept the same way. Anything
wrong raises `ContentError` naming the file: a typo stops `load_demo`, it never reaches the site.
"""

import dataclasses
import tomllib
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import timezone
from markdown_it import MarkdownIt

from articles import models

CONTENT_DIR = Path(__file__).resolve().parent / "content"
FRONT_MATTER = "+++"
TYPE_NAMES = {
    str: "text in quotes",
    int: "a whole number",
    bool: "true or false",
    date: "a date such as 2026-03-13",
    datetime: "a date and time such as 2026-03-13T09:00:00",
}

# Raw HTML is left out: the body is Markdown only (and the model sanitises it again on save).
markdown = MarkdownIt("commonmark", {"html": False})


class ContentError(ValueError):
    """A content file that cannot be loaded. The message starts with the file's path."""


@dataclass(frozen=True)
class Document:
    """One content file: its front matter as TOML data, and its Markdown body."""

    path: Path
    meta: dict
    body: str

    @property
    def html(self):
        return markdown.render(self.body)


def read_toml(path, text=None):
    try:
        return tomllib.loads(path.read_text(encoding="utf-8") if text is None else text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ContentError(f"{path}: {error}") from None


def read_document(path):
    """The file at `path`, split into front matter and body."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(f"{path}: {error}") from None
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FRONT_MATTER:
        raise ContentError(f"{path}: the file must start with a {FRONT_MATTER} line.")
    closing = [i for i, line in enumerate(lines) if i and line.strip() == FRONT_MATTER]
    if not closing:
        raise ContentError(f"{path}: the front matter has no closing {FRONT_MATTER} line.")
    end = closing[0]
    # A blank line stands in for the opening +++, so TOML errors give the file's line numbers.
    meta = read_toml(path, "\n" + "".join(lines[1:end]))
    return Document(path=path, meta=meta, body="".join(lines[end + 1 :]).strip() + "\n")


def read_folder(folder):
    """Every `*.md` file in `folder`, by file name."""
    return [read_document(path) for path in sorted(Path(folder).glob("*.md"))]


def to_record(cls, data, where):
    """`data` as a `cls` dataclass: no unknown or missing keys, each value of its declared type."""
    hints = typing.get_type_hints(cls)
    names = {item.name: item for item in dataclasses.fields(cls)}
    if unknown := sorted(set(data) - set(names)):
        raise ContentError(f"{where}: unknown field {', '.join(unknown)}.")
    required = [
        name
        for name, item in names.items()
        if item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
    ]
    if missing := [name for name in required if name not in data]:
        raise ContentError(f"{where}: missing field {', '.join(missing)}.")
    return cls(**{key: _typed(value, hints[key], f"{where}: {key}") for key, value in data.items()})


def _typed(value, kind, where):
    if isinstance(kind, types.UnionType):  # `date | None`: TOML has no null, so the other type
        (kind,) = (arg for arg in typing.get_args(kind) if arg is not types.NoneType)
    if typing.get_origin(kind) is list:
        if not isinstance(value, list):
            raise ContentError(f"{where} should be a list [...].")
        (item_kind,) = typing.get_args(kind)
        return [_typed(item, item_kind, f"{where}[{i}]") for i, item in enumerate(value)]
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise ContentError(f"{where} should be a table.")
        return to_record(kind, value, where)
    # Exact types: TOML's true is not a number, and a date and time is not a date.
    if type(value) is not kind:
        raise ContentError(f"{where} should be {TYPE_NAMES[kind]}.")
    return value


def check_model_fields(model, values, where):
    """`values` against `model`'s own field rules: lengths, choices, formats."""
    exclude = {item.name for item in model._meta.fields if item.name not in values}
    try:
        model(**values).clean_fields(exclude=exclude)
    except ValidationError as error:
        problems = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
        raise ContentError(f"{where}: {problems}") from None


@dataclass(frozen=True)
class DemoCategory:
    name: str
    slug: str
    emoji: str
    colour: str
    description: str
    position: int
    requires_medical_review: bool = False


@dataclass(frozen=True)
class DemoAuthor:
    name: str
    slug: str
    role: str = ""
    credentials: str = ""
    bio: str = ""
    # Not stored: the colour of the abstract portrait load_demo draws for the author.
    colour: str = "#334155"


@dataclass(frozen=True)
class DemoSource:
    name: str
    slug: str
    kind: str
    url: str = ""
    # A person only: post-nominal letters kept out of the name, and the slug of the source
    # (university, institute) they work for.
    honorific_suffix: str = ""
    affiliation: str = ""


@dataclass(frozen=True)
class DemoSeries:
    name: str
    slug: str
    description: str = ""


@dataclass(frozen=True)
class DemoHero:
    alt: str
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class DemoCitation:
    source: str
    note: str = ""
    url: str = ""
    doi: str = ""


@dataclass(frozen=True)
class DemoStudy:
    """A study the story reports: only what is known for certain, never an invented DOI."""

    design: str
    journal: str = ""
    published: str = ""  # "2026-03-13", "2026-03" or "2026": as precise as is known
    title: str = ""
    doi: str = ""
    pmid: str = ""
    authors: str = ""
    population: str = ""
    sample_size: int | None = None
    is_preprint: bool = False


@dataclass(frozen=True)
class DemoCorrection:
    date: date
    text: str
    kind: str = models.Correction.Kind.CORRECTION.value


@dataclass(frozen=True)
class DemoStory:
    title: str
    slug: str
    category: str
    standfirst: str
    published: datetime
    evidence_stage: str
    authors: list[str]
    tags: list[str]
    hero: DemoHero
    citations: list[DemoCitation]
    body: str
    featured: bool = False
    series: str = ""
    reviewed_by: str = ""
    last_reviewed: date | None = None
    seo_title: str = ""
    seo_description: str = ""
    corrections: list[DemoCorrection] = field(default_factory=list)
    studies: list[DemoStudy] = field(default_factory=list)


@dataclass(frozen=True)
class DemoPublication:
    categories: list[DemoCategory]
    authors: list[DemoAuthor]
    sources: list[DemoSource]
    series: list[DemoSeries]
    stories: list[DemoStory] = field(default_factory=list)


def load_publication(content_dir=CONTENT_DIR):
    """The demo publication in `content_dir`: `publication.toml` and `stories/*.md`."""
    content_dir = Path(content_dir)
    path = content_dir / "publication.toml"
    data = read_toml(path)
    if "stories" in data:
        raise ContentError(f"{path}: stories go in stories/, one file each.")
    publication = to_record(DemoPublication, data, path)
    for kind, model in [
        ("categories", models.Category),
        ("authors", models.Author),
        ("sources", models.Source),
        ("series", models.Series),
    ]:
        items = getattr(publication, kind)
        for item in items:
            where = f"{path}: {kind} {item.slug!r}"
            values = dataclasses.asdict(item)
            values.pop("affiliation", None)  # a source's: a slug, checked below
            if kind == "authors":  # the portrait's colour, not stored: checked as a category's
                check_model_fields(models.Category, {"colour": values.pop("colour")}, where)
            check_model_fields(model, values, where)
        _check_unique([item.slug for item in items], f"{path}: {kind}")
    for source in publication.sources:
        _check_source(source, publication, f"{path}: sources {source.slug!r}")
    documents = read_folder(content_dir / "stories")
    if not documents:
        raise ContentError(f"{content_dir / 'stories'}: no story files (*.md).")
    stories = [read_story(document, publication) for document in documents]
    return dataclasses.replace(publication, stories=stories)


def read_story(document, publication):
    """The story in `document`, its references to `publication`'s records checked."""
    where = document.path
    if "body" in document.meta:
        raise ContentError(f"{where}: the body goes below the front matter, not in it.")
    if not document.body.strip():
        raise ContentError(f"{where}: the story has no body below the front matter.")
    story = to_record(DemoStory, {**document.meta, "body": document.html}, where)
    if story.slug != where.stem:
        raise ContentError(f"{where}: the file name must be the slug, {story.slug}.md.")
    if timezone.is_naive(story.published):
        story = dataclasses.replace(story, published=timezone.make_aware(story.published))
    check_model_fields(
        models.Article,
        {
            "title": story.title,
            "slug": story.slug,
            "standfirst": story.standfirst,
            "evidence_stage": story.evidence_stage,
            "seo_title": story.seo_title,
            "seo_description": story.seo_description,
        },
        where,
    )
    check_model_fields(
        models.Image,
        {
            "alt_text": story.hero.alt,
            "caption": story.hero.caption,
            "credit": story.hero.credit,
        },
        f"{where}: hero",
    )
    for citation in story.citations:
        values = {"note": citation.note, "url": citation.url, "doi": citation.doi}
        check_model_fields(models.Citation, values, f"{where}: citation of {citation.source!r}")
    for correction in story.corrections:
        values = dataclasses.asdict(correction)
        check_model_fields(models.Correction, values, f"{where}: correction of {correction.date}")
    for position, study in enumerate(story.studies):
        values = dataclasses.asdict(study)
        check_model_fields(models.Study, values, f"{where}: studies[{position}]")
    dois = [models.normalise_doi(study.doi) for study in story.studies if study.doi]
    if len(dois) != len(set(dois)):
        raise ContentError(f"{where}: studies: the same DOI is given twice.")

    categories = {item.slug: item for item in publication.categories}
    authors = {item.slug: item for item in publication.authors}
    for key, slugs, known in [
        ("category", [story.category], categories),
        ("authors", story.authors, authors),
        ("citations", [item.source for item in story.citations], _slugs(publication.sources)),
        ("series", [story.series] if story.series else [], _slugs(publication.series)),
        ("reviewed_by", [story.reviewed_by] if story.reviewed_by else [], authors),
    ]:
        if unknown := [slug for slug in slugs if slug not in known]:
            raise ContentError(f"{where}: {key}: {', '.join(unknown)} is not in publication.toml.")
    category = categories[story.category]
    if category.requires_medical_review and not (
        story.reviewed_by and authors[story.reviewed_by].credentials.strip()
    ):
        raise ContentError(
            f"{where}: {category.name} stories need a medical review: set reviewed_by to an "
            "author with credentials, and last_reviewed."
        )
    if bool(story.reviewed_by) != bool(story.last_reviewed):
        raise ContentError(f"{where}: give reviewed_by and last_reviewed together.")
    return story


def _check_source(source, publication, where):
    """What `Source.clean()` asks, with the affiliation named by its slug."""
    is_person = models.Source.Kind(source.kind).is_person
    if not is_person and (source.honorific_suffix or source.affiliation):
        raise ContentError(f"{where}: only a researcher has honorific_suffix or affiliation.")
    if source.affiliation:
        if source.affiliation == source.slug:
            raise ContentError(f"{where}: affiliation: a source cannot be its own affiliation.")
        if source.affiliation not in _slugs(publication.sources):
            raise ContentError(f"{where}: affiliation: {source.affiliation} is not a source.")


def _slugs(records):
    return {item.slug for item in records}


def _check_unique(slugs, where):
    if repeated := sorted({slug for slug in slugs if slugs.count(slug) > 1}):
        raise ContentError(f"{where}: slug {', '.join(repeated)} is used twice.")
