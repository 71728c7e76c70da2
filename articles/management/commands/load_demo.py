"""
Builds the demo publication, so that a new install shows a living site on first run.

Idempotent: running it again updates the demo records in place and adds nothing twice.
"""

from datetime import datetime

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles import demo_content
from articles.images import hero_jpeg
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Category,
    Citation,
    Correction,
    Image,
    Series,
    Source,
)


class DryRun(Exception):
    pass


class Command(BaseCommand):
    help = "Load the demo publication (categories, authors, sources and stories)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when any story already exists."
        )
        parser.add_argument("--dry-run", action="store_true", help="Report, then roll back.")

    def handle(self, *args, if_empty=False, dry_run=False, **options):
        if if_empty and Article.objects.exists():
            self.stdout.write("Stories already exist: demo content not loaded.")
            return
        try:
            with transaction.atomic():
                created = self.load()
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write("Dry run: nothing was saved.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo publication ready: {len(demo_content.STORIES)} stories "
                f"({created} new) in {len(demo_content.CATEGORIES)} categories."
            )
        )

    def load(self):
        categories = {
            item["slug"]: Category.objects.update_or_create(slug=item["slug"], defaults=item)[0]
            for item in demo_content.CATEGORIES
        }
        authors = {
            item["slug"]: Author.objects.update_or_create(slug=item["slug"], defaults=item)[0]
            for item in demo_content.AUTHORS
        }
        sources = {
            item["slug"]: Source.objects.update_or_create(slug=item["slug"], defaults=item)[0]
            for item in demo_content.SOURCES
        }
        series = {
            item["slug"]: Series.objects.update_or_create(slug=item["slug"], defaults=item)[0]
            for item in demo_content.SERIES
        }
        created_count = 0
        for story in demo_content.STORIES:
            category = categories[story["category"]]
            published_at = timezone.make_aware(
                datetime.strptime(story["published"], "%Y-%m-%d %H:%M")
            )
            article, created = Article.objects.update_or_create(
                slug=story["slug"],
                defaults={
                    "title": story["title"],
                    "standfirst": story["standfirst"],
                    "body": story["body"],
                    "category": category,
                    "status": Article.Status.PUBLISHED,
                    "published_at": published_at,
                    "featured": story.get("featured", False),
                    "evidence_stage": story["evidence_stage"],
                    "reviewed_by": authors.get(story.get("reviewed_by")),
                    "last_reviewed": published_at.date() if story.get("reviewed_by") else None,
                    "series": series.get(story.get("series")),
                },
            )
            created_count += created
            if article.hero is None:
                article.hero = Image(
                    alt_text=story["image_alt"],
                    caption=story.get("image_caption", ""),
                    credit="Illustration: Newsroom demo",
                )
                article.hero.file.save(
                    f"{article.slug}.jpg", ContentFile(hero_jpeg(category.colour, article.slug))
                )
                article.save(update_fields=["hero"])
            article.tags.set(story["tags"])
            article.bylines.all().delete()
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(article=article, author=authors[slug], position=position)
                for position, slug in enumerate(story["authors"])
            )
            article.citations.all().delete()
            Citation.objects.bulk_create(
                Citation(
                    article=article,
                    source=sources[citation["source"]],
                    position=position,
                    note=citation.get("note", ""),
                    url=citation.get("url", ""),
                    doi=citation.get("doi", ""),
                )
                for position, citation in enumerate(story["citations"])
            )
            article.corrections.all().delete()
            Correction.objects.bulk_create(
                Correction(article=article, date=item["date"], text=item["text"])
                for item in story.get("corrections", [])
            )
        return created_count
