"""
The demo stories' studies and typed sources, from content/studies.toml and content/sources.toml.

`load_studies()` runs after the demo stories and sources exist (load_demo calls it). Idempotent:
each listed story's studies are replaced by the file's; stories or sources not there are skipped.
"""

import tomllib
from pathlib import Path

from django.db import transaction

from articles.models import Article, Source, Study

CONTENT = Path(__file__).resolve().parent / "content"


def read(name):
    with open(CONTENT / name, "rb") as file:
        return tomllib.load(file)


@transaction.atomic
def load_studies():
    """Type the demo sources and attach each demo story's studies; returns the studies saved."""
    for slug, fields in read("sources.toml").items():
        source = Source.objects.filter(slug=slug).first()
        if source is None:
            continue
        if affiliation := fields.pop("affiliation", None):
            fields["affiliation"] = Source.objects.get(slug=affiliation)
        for name, value in fields.items():
            setattr(source, name, value)
        source.full_clean()
        source.save()
    saved = []
    articles = Article.objects.in_bulk(field_name="slug")
    for slug, entries in read("studies.toml").items():
        if (article := articles.get(slug)) is None:
            continue
        article.studies.all().delete()
        for position, fields in enumerate([entries] if isinstance(entries, dict) else entries):
            study = Study(article=article, position=position, **fields)
            study.full_clean()
            study.save()
            saved.append(study)
    return saved
