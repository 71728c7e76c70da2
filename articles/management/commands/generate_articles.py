"""
Generates many published stories fast, for scale tests and benchmarks.

Stories are written in batches with bulk inserts, each batch in its own transaction, so memory
stays flat however many are asked for. Hero images are left out: they would measure the disk.
"""

import random
import uuid
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Category,
    Citation,
    Source,
    TaggedArticle,
)

VOCABULARY = (
    "study trial patients researchers cells therapy results team data vaccine species climate "
    "ocean forest recovery health cancer immune genome energy solar carbon population evidence "
    "hospital children treatment early promising results careful measured growth"
)
WORDS = VOCABULARY.split()


class Command(BaseCommand):
    help = "Generate N published stories with tags, citations and authors."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, count, batch_size, seed, **options):
        if count < 1:
            raise CommandError("Give a positive number of stories.")
        rng = random.Random(seed)
        categories = list(Category.objects.values_list("pk", flat=True)) or [
            Category.objects.create(name="General", slug="general").pk
        ]
        authors = list(Author.objects.values_list("pk", flat=True)) or [
            Author.objects.create(name="Staff Writer", slug="staff-writer").pk
        ]
        sources = list(Source.objects.values_list("pk", flat=True)) or [
            Source.objects.create(name="Newsroom Desk", slug="newsroom-desk", kind="other").pk
        ]
        tags = self.tag_pool(rng)
        run = uuid.uuid4().hex[:8]
        now = timezone.now()
        done = 0
        while done < count:
            size = min(batch_size, count - done)
            with transaction.atomic():
                articles = Article.objects.bulk_create(
                    self.make_article(rng, run, done + i, categories, now) for i in range(size)
                )
                ArticleAuthor.objects.bulk_create(
                    ArticleAuthor(article=article, author_id=author, position=position)
                    for article in articles
                    for position, author in enumerate(rng.sample(authors, min(2, len(authors))))
                )
                Citation.objects.bulk_create(
                    Citation(article=article, source_id=source, position=position)
                    for article in articles
                    for position, source in enumerate(rng.sample(sources, min(3, len(sources))))
                )
                TaggedArticle.objects.bulk_create(
                    TaggedArticle(content_object=article, tag_id=tag)
                    for article in articles
                    for tag in rng.sample(tags, 4)
                )
            done += size
            self.stdout.write(f"{done}/{count}", ending="\r")
        # Fresh table statistics, so the query planner knows the tables' new sizes at once:
        # SQLite gathers none unless asked, and PostgreSQL's autovacuum only after a delay.
        # PostgreSQL's VACUUM also marks the new rows visible to all, which lets counts and
        # lists read the indexes alone (index-only scans); it cannot run in a transaction.
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        if connection.vendor in ("sqlite", "postgresql"):
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Generated {count} stories."))

    def tag_pool(self, rng):
        names = [f"{a}-{b}" for a in WORDS[:20] for b in WORDS[20:30]]
        existing = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
        Tag.objects.bulk_create(Tag(name=name, slug=name) for name in names if name not in existing)
        return list(Tag.objects.filter(name__in=names).values_list("pk", flat=True))

    def make_article(self, rng, run, index, categories, now):
        words = rng.choices(WORDS, k=rng.randint(200, 600))
        paragraphs = [
            " ".join(words[i : i + 60]).capitalize() + "." for i in range(0, len(words), 60)
        ]
        title = " ".join(rng.choices(WORDS, k=7)).capitalize()
        return Article(
            title=title,
            slug=f"generated-{run}-{index}",
            standfirst=" ".join(rng.choices(WORDS, k=30)).capitalize() + ".",
            body="".join(f"<p>{paragraph}</p>" for paragraph in paragraphs),
            body_text=" ".join(paragraphs),  # what save() would derive, for search
            category_id=rng.choice(categories),
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(minutes=rng.randint(1, 60 * 24 * 365 * 5)),
            evidence_stage=rng.choice(Article._meta.get_field("evidence_stage").choices)[0],
            reading_time=max(1, len(words) // 230),
        )
