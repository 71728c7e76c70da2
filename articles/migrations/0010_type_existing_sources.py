"""
Types the sources saved before kinds told universities, research institutes and hospitals
apart, from their names; and moves a researcher's post-nominals ("Harris Goldstein, M.D.") out
of the name into honorific_suffix. Anything unclear stays as it was, for an editor to set.
"""

import re

from django.db import migrations

# First match wins: "Albert Einstein College of Medicine" is a college, not an institute.
BY_NAME = [
    (re.compile(r"\b(universit(y|ies)|college|école|universidad|universität)\b", re.I), "university"),
    (re.compile(r"\b(hospital|infirmary|clinic)\b", re.I), "hospital"),
    (
        re.compile(
            r"\b(institutes?|laborator(y|ies)|centre|center|consortium|observatory|museum)\b",
            re.I,
        ),
        "research_institute",
    ),
]
POST_NOMINALS = re.compile(r"^(?P<name>[^,]+),\s*(?P<suffix>(?:[A-Z][a-z]?\.?){1,5}(?:,?\s*(?:[A-Z][a-z]?\.?){1,5})*)$")


def type_sources(apps, schema_editor):
    Source = apps.get_model("articles", "Source")
    for source in Source.objects.filter(kind="institution"):
        for pattern, kind in BY_NAME:
            if pattern.search(source.name):
                source.kind = kind
                source.save(update_fields=["kind"])
                break
    for source in Source.objects.filter(kind="researcher", honorific_suffix=""):
        if match := POST_NOMINALS.match(source.name):
            source.name, source.honorific_suffix = match["name"].strip(), match["suffix"]
            source.save(update_fields=["name", "honorific_suffix"])


def untype_sources(apps, schema_editor):
    Source = apps.get_model("articles", "Source")
    Source.objects.filter(kind__in=["university", "hospital", "research_institute"]).update(
        kind="institution"
    )
    for source in Source.objects.exclude(honorific_suffix=""):
        source.name = f"{source.name}, {source.honorific_suffix}"
        source.honorific_suffix = ""
        source.save(update_fields=["name", "honorific_suffix"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_typed_sources")]

    operations = [migrations.RunPython(type_sources, untype_sources)]
