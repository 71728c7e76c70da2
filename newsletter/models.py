import uuid

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Category


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Subscribers who may be mailed today: confirmed, not paused, never bounced."""
        now = timezone.now()
        return self.filter(status=Subscriber.Status.SUBSCRIBED).filter(
            Q(paused_until__isnull=True) | Q(paused_until__lte=now)
        )

    def wanting(self, categories):
        """Those who chose none of the categories (they want all) or at least one of these."""
        if not categories:
            return self
        chosen = Subscriber.categories.through.objects.filter(subscriber_id=OuterRef("pk"))
        return self.filter(~Exists(chosen) | Exists(chosen.filter(category__in=categories)))

    def recipients_of(self, edition):
        """
        Who an edition is for: active subscribers of the edition's categories; for a digest,
        those on its frequency who want one of its stories' categories.
        """
        subscribers = self.active()
        if edition.kind == Edition.Kind.EDITION:
            return subscribers.wanting(list(edition.categories.all()))
        story_categories = list(
            edition.stories().values_list("category_id", flat=True).distinct().order_by()
        )
        return subscribers.filter(frequency=edition.kind).wanting(story_categories)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending confirmation"
        SUBSCRIBED = "subscribed", "Subscribed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
        BOUNCED = "bounced", "Bounced (never mailed again)"
        COMPLAINED = "complained", "Marked as spam (never mailed again)"

    class Frequency(models.TextChoices):
        DAILY = "daily", "Daily digest"
        WEEKLY = "weekly", "Weekly digest"

    email = models.EmailField(max_length=254, unique=True)
    key = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False, help_text="Signed into personal links."
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.PENDING)
    categories = models.ManyToManyField(
        Category,
        blank=True,
        related_name="subscribers",
        help_text="The categories wanted; none means every category.",
    )
    frequency = models.CharField(max_length=10, choices=Frequency, default=Frequency.DAILY)
    paused_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField("signed up", default=timezone.now, db_index=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    consent_at = models.DateTimeField(
        null=True, blank=True, help_text="When the person asked to subscribe."
    )
    consent_source = models.CharField(
        max_length=300, blank=True, help_text="The page (or import) the request came from."
    )
    consent_text = models.TextField(blank=True, help_text="The wording the person was shown.")

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "frequency"], name="subscriber_status_freq")]

    def __str__(self):
        return self.email

    @property
    def is_paused(self):
        return self.paused_until is not None and self.paused_until > timezone.now()


class Edition(models.Model):
    class Kind(models.TextChoices):
        EDITION = "edition", "Edition"
        DAILY = "daily", "Daily digest"
        WEEKLY = "weekly", "Weekly digest"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
        SCHEDULED = "scheduled", "Scheduled"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        SUPERSEDED = "superseded", "Superseded by a later digest (not sent)"

    kind = models.CharField(max_length=10, choices=Kind, default=Kind.EDITION)
    subject = models.CharField(max_length=150)
    preheader = models.CharField(
        max_length=150, blank=True, help_text="The grey line mail programs show after the subject."
    )
    intro = models.TextField(blank=True, help_text="A short hello above the stories. Plain text.")
    articles = models.ManyToManyField(
        Article, through="EditionArticle", related_name="editions", blank=True
    )
    categories = models.ManyToManyField(
        Category,
        blank=True,
        related_name="editions",
        help_text="Send only to subscribers who want one of these. Empty: everyone.",
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    scheduled_at = models.DateTimeField(
        null=True, blank=True, help_text="When to send. Use the “Schedule” action to confirm."
    )
    period_start = models.DateTimeField(null=True, blank=True, editable=False)
    period_end = models.DateTimeField(null=True, blank=True, editable=False)
    due_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="The scheduled time a digest is for."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    sending_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField("finished sending", null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        indexes = [models.Index(fields=["kind", "-period_end"], name="edition_kind_period")]
        constraints = [
            # Two runs composing the same digest at once (cron beside the task): one wins.
            models.UniqueConstraint(fields=["kind", "due_at"], name="unique_digest_due_at")
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("newsletter:edition_preview", kwargs={"pk": self.pk})

    @property
    def is_digest(self):
        return self.kind != self.Kind.EDITION

    @property
    def has_gone_out(self):
        """Sending has started: what went out stays as it went out."""
        return self.status in {self.Status.SENDING, self.Status.SENT}

    def stories(self):
        """The edition's stories in order; only those readers may see."""
        return (
            Article.objects.published()
            .for_cards()
            .filter(edition_links__edition=self)
            .order_by("edition_links__position", "edition_links__pk")
        )


class EditionArticle(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="links")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="edition_links")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "story"
        verbose_name_plural = "stories"
        constraints = [
            models.UniqueConstraint(fields=["edition", "article"], name="unique_edition_article")
        ]

    def __str__(self):
        return f"{self.article} in {self.edition}"


class Delivery(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Skipped (left or paused before sending)"

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    # The sending run that holds this row, and when it last showed it was alive.
    claim = models.CharField(max_length=32, blank=True, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "deliveries"
        indexes = [models.Index(fields=["edition", "status"], name="delivery_edition_status")]
        constraints = [
            models.UniqueConstraint(fields=["edition", "subscriber"], name="unique_delivery")
        ]

    def __str__(self):
        return f"{self.edition} to {self.subscriber}"
