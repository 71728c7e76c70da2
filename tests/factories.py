from datetime import timedelta

import factory
from django.utils import timezone

from articles.models import Article, ArticleAuthor, Author, Category, Citation, Image, Source


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    emoji = "🏥"
    colour = "#0f766e"


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Writer {n}")
    slug = factory.Sequence(lambda n: f"writer-{n}")


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    file = factory.django.ImageField(width=800, height=450, format="JPEG")
    alt_text = "A test photo"


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Institute {n}")
    slug = factory.Sequence(lambda n: f"institute-{n}")
    kind = Source.Kind.INSTITUTION
    url = factory.Sequence(lambda n: f"https://institute-{n}.example.org/")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Good news story number {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    standfirst = "Researchers report steady progress on a problem that matters to many people."
    body = "<p>The team measured what happened and reported it carefully.</p>"
    category = factory.SubFactory(CategoryFactory)
    status = Article.Status.PUBLISHED
    # Each story a second older than the one before: recent, distinct and in creation order.
    published_at = factory.Sequence(lambda n: timezone.now() - timedelta(seconds=n + 1))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


def cite(article, *sources, **fields):
    for position, source in enumerate(sources):
        Citation.objects.create(article=article, source=source, position=position, **fields)


def byline(article, *authors):
    for position, author in enumerate(authors):
        ArticleAuthor.objects.create(article=article, author=author, position=position)
