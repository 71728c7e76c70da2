"""
Builds the demo publication, so that a new install shows a living site on first run.

The publication is kept as files a person can edit: articles/demo/content/publication.toml and
one Markdown file per story in articles/demo/content/stories/ (see articles/demo/loader.py).
Idempotent: running it again updates the demo records in place and adds nothing twice.
"""

from dataclasses import asdict

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.demo.images import hero_jpeg
from articles.demo.loader import CONTENT_DIR, ContentError, load_publication
from articles.demo.pages import pages_load
from articles.demo.site import site_load
from articles.demo.studies import load_studies
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Category,
    Citation,
    Correction,
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
        parser.add_argument(
            "--content",
            default=CONTENT_DIR,
            help="A folder laid out like articles/demo/content/ (the default).",
        )

    def handle(self, *args, if_empty=False, dry_run=False, content=CONTENT_DIR, **options):
        if if_empty and Article.objects.exists():
            self.stdout.write("Stories already exist: demo content not loaded.")
            return
        try:
            publication = load_publication(content)
        except ContentError as error:
            raise CommandError(error) from None
        try:
            with transaction.atomic():
                created = self.load(publication)
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write("Dry run: nothing was saved.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo publication ready: {len(publication.stories)} stories "
                f"({created} new) in {len(publication.categories)} categories."
            )
        )

    def load(self, publication):
        categories = {
            item.slug: Category.objects.update_or_create(slug=item.slug, defaults=asdict(item))[0]
            for item in publication.categories
        }
        authors = {
            item.slug: Author.objects.update_or_create(slug=item.slug, defaults=asdict(item))[0]
            for item in publication.authors
        }
        sources = {
            item.slug: Source.objects.update_or_create(slug=item.slug, defaults=asdict(item))[0]
            for item in publication.sources
        }
        series = {
            item.slug: Series.objects.update_or_create(slug=item.slug, defaults=asdict(item))[0]
            for item in publication.series
        }
        created_count = 0
        for story in publication.stories:
            category = categories[story.category]
            article, created = Article.objects.update_or_create(
                slug=story.slug,
                defaults={
                    "title": story.title,
                    "standfirst": story.standfirst,
                    "body": story.body,
                    "category": category,
                    "status": Article.Status.PUBLISHED,
                    "published_at": story.published,
                    "featured": story.featured,
                    "evidence_stage": story.evidence_stage,
                    "hero_image_alt": story.hero.alt,
                    "hero_image_caption": story.hero.caption,
                    "hero_image_credit": story.hero.credit,
                    "reviewed_by": authors.get(story.reviewed_by),
                    "last_reviewed": story.last_reviewed,
                    "series": series.get(story.series),
                    "seo_title": story.seo_title,
                    "seo_description": story.seo_description,
                },
            )
            created_count += created
            if not article.hero_image:
                article.hero_image.save(
                    f"{article.slug}.jpg", ContentFile(hero_jpeg(category.colour, article.slug))
                )
            article.tags.set(story.tags)
            article.bylines.all().delete()
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(article=article, author=authors[slug], position=position)
                for position, slug in enumerate(story.authors)
            )
            article.citations.all().delete()
            Citation.objects.bulk_create(
                Citation(
                    article=article,
                    source=sources[citation.source],
                    position=position,
                    note=citation.note,
                    url=citation.url,
                    doi=citation.doi,
                )
                for position, citation in enumerate(story.citations)
            )
            article.corrections.all().delete()
            Correction.objects.bulk_create(
                Correction(article=article, kind=item.kind, date=item.date, text=item.text)
                for item in story.corrections
            )
        site_load()
        pages_load()
        load_studies()
        return created_count
