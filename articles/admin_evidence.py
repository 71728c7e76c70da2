"""The admin's evidence tools: the studies a story reports."""

from django.contrib import admin

from articles.models import Study


class StudyInline(admin.StackedInline):
    model = Study
    extra = 0
    verbose_name_plural = "studies this story reports (in order)"
    fields = [
        ("doi", "pmid"),
        "title",
        ("journal", "published", "is_preprint"),
        "authors",
        ("design", "population", "sample_size"),
        "position",
    ]
