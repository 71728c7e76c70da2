import factory
from django.utils import timezone

from newsletter.models import Edition, EditionArticle, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.com")
    status = Subscriber.Status.SUBSCRIBED
    confirmed_at = factory.LazyFunction(timezone.now)
    consent_at = factory.LazyFunction(timezone.now)
    consent_source = "/"

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition
        skip_postgeneration_save = True

    subject = factory.Sequence(lambda n: f"Good news edition {n}")
    preheader = "Three things that went right this week"
    intro = "Hello! Here is what went right."

    @factory.post_generation
    def stories(self, create, extracted, **kwargs):
        if create and extracted:
            for position, article in enumerate(extracted):
                EditionArticle.objects.create(edition=self, article=article, position=position)
