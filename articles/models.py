import math

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import connections, models
from django.db.models import Count, Exists, F, JSONField, OuterRef, Q, Subquery, Window
from django.db.models.functions import JSONObject, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from articles import renditions
from articles.colours import readable_background
from articles.sanitize import sanitize_html, strip_control_characters

WORDS_PER_MINUTE = 230
PHOTO_WIDTHS = (160, 320)
# Article fields of plain text, shown in feeds and sitemaps as well as on pages.
PLAIN_TEXT_FIELDS = [
    "title", "standfirst", "hero_image_alt", "hero_image_caption", "hero_image_credit",
    "seo_title", "seo_description",
]  # fmt: skip
# The text search configuration of Article.search_document (see migration 0003_search).
SEARCH_CONFIG = "english"


class Category(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    emoji = models.CharField(max_length=8, blank=True, help_text="Shown on the badge, e.g. 🏥.")
    description = models.TextField(blank=True, help_text="One or two sentences for readers.")
    colour = models.CharField(
        max_length=7,
        default="#0f766e",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Use a hex colour such as #0f766e.")],
        help_text="Badge and hero-image colour, as #rrggbb.",
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Lower comes first.")
    requires_medical_review = models.BooleanField(
        default=False,
        help_text="Stories in this category cannot be published until a reviewer with "
        "credentials and a review date are set.",
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:category", kwargs={"slug": self.slug})

    @property
    def label(self):
        return f"{self.emoji} {self.name}".strip()

    @property
    def badge_colour(self):
        """The category colour, darkened where needed so white badge text passes WCAG AA."""
        return readable_background(self.colour)


class Author(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    credentials = models.CharField(
        max_length=60, blank=True, help_text='Post-nominal letters, e.g. "M.D." or "PhD".'
    )
    bio = models.TextField(blank=True, help_text="A short biography shown on the author page.")
    photo = models.ImageField(upload_to="authors/", blank=True)
    photo_renditions = models.JSONField(default=dict, blank=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        help_text="The staff account that writes as this author, if any.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        renditions.renditions_refresh(
            instance=self, field="photo", record_field="photo_renditions", widths=PHOTO_WIDTHS
        )

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})

    @property
    def display_name(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    @property
    def photo_picture(self):
        return renditions.picture_for(self.photo_renditions)


class Source(models.Model):
    class Kind(models.TextChoices):
        INSTITUTION = "institution", "Institution"
        JOURNAL = "journal", "Journal"
        NEWS_WIRE = "news_wire", "News wire"
        COMPANY = "company", "Company"
        RESEARCHER = "researcher", "Researcher"
        GOVERNMENT = "government", "Government body"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.INSTITUTION)
    url = models.URLField(blank=True, help_text="The source's own home page.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:source", kwargs={"slug": self.slug})


class Series(models.Model):
    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "series"

    def __str__(self):
        return self.name


class EvidenceStage(models.TextChoices):
    LAB_STUDY = "lab_study", "Lab study"
    ANIMAL_STUDY = "animal_study", "Animal study"
    PHASE_1 = "phase_1", "Human trial, phase 1"
    PHASE_2 = "phase_2", "Human trial, phase 2"
    PHASE_3 = "phase_3", "Human trial, phase 3"
    REAL_WORLD = "real_world", "Real-world data"
    META_ANALYSIS = "meta_analysis", "Meta-analysis or review"
    SINGLE_PATIENT = "single_patient", "Single patient"
    MODELLING = "modelling", "Modelling study"
    POPULATION_SURVEY = "population_survey", "Population survey"
    NOT_APPLICABLE = "not_applicable", "Not applicable"

    @property
    def explanation(self):
        return EVIDENCE_EXPLANATIONS[self]

    @property
    def is_preclinical(self):
        return self in {EvidenceStage.LAB_STUDY, EvidenceStage.ANIMAL_STUDY}


EVIDENCE_EXPLANATIONS = {
    EvidenceStage.LAB_STUDY: "Tested on cells or tissue in a lab, not yet in animals or people.",
    EvidenceStage.ANIMAL_STUDY: "Tested in animals such as mice, not yet in people.",
    EvidenceStage.PHASE_1: "A first, small trial in people that checks safety and dosing.",
    EvidenceStage.PHASE_2: "A trial in a larger group of people that checks whether it works.",
    EvidenceStage.PHASE_3: "A large trial in people comparing it with the standard treatment.",
    EvidenceStage.REAL_WORLD: "Measured in everyday use across many people, outside a trial.",
    EvidenceStage.META_ANALYSIS: "Pools the results of many earlier studies.",
    EvidenceStage.SINGLE_PATIENT: "One person's treatment: promising, not yet shown in others.",
    EvidenceStage.MODELLING: "Based on computer models and simulations of real-world data.",
    EvidenceStage.POPULATION_SURVEY: "Counts or surveys of a whole population over time.",
    EvidenceStage.NOT_APPLICABLE: "",
}


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Stories readers may see (`Article.State.LIVE`): published, not scheduled for later."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def in_state(self, state):
        """The stories whose `Article.state` is `state`."""
        match state:
            case Article.State.LIVE:
                return self.published()
            case Article.State.SCHEDULED:
                return self.scheduled()
            case _:
                return self.filter(status=state)

    def for_cards(self):
        """What a story card shows, in one query."""
        return self.select_related("category")

    def newest_per_category(self, *, limit=3):
        """
        The `limit` newest stories of each category, in category order, in two indexed queries
        whatever the number of stories: each category's cut-off date, then the stories up to it
        (ranked by a window function, so ties at the cut-off don't add more).
        """
        newest_first = ["-published_at", "-pk"]
        cutoff = self.filter(category=OuterRef("pk")).order_by(*newest_first)
        cutoffs = Category.objects.annotate(
            cutoff=Subquery(cutoff.values("published_at")[limit - 1 : limit])
        ).values_list("pk", "cutoff")
        recent_enough = Q(pk__in=[])
        for category_id, since in cutoffs:
            in_category = Q(category_id=category_id)
            recent_enough |= in_category & Q(published_at__gte=since) if since else in_category
        rank = Window(
            RowNumber(), partition_by=F("category_id"), order_by=[F("published_at").desc(), "-pk"]
        )
        return (
            self.filter(recent_enough)
            .annotate(rank_in_category=rank)
            .filter(rank_in_category__lte=limit)
            .order_by("category__position", "category__name", *newest_first)
        )

    def with_series_neighbours(self):
        """
        Annotate `series_previous` and `series_next`: {"title", "slug"} of the published stories
        just before and after each story in its series (None at the ends), inside the same query.
        """
        siblings = Article.objects.published().filter(series=OuterRef("series"))
        fields = JSONObject(title="title", slug="slug")
        before = siblings.filter(
            Q(published_at__lt=OuterRef("published_at"))
            | Q(published_at=OuterRef("published_at"), pk__lt=OuterRef("pk"))
        ).order_by("-published_at", "-pk")
        after = siblings.filter(
            Q(published_at__gt=OuterRef("published_at"))
            | Q(published_at=OuterRef("published_at"), pk__gt=OuterRef("pk"))
        ).order_by("published_at", "pk")
        return self.annotate(
            series_previous=Subquery(before.values_list(fields)[:1], output_field=JSONField()),
            series_next=Subquery(after.values_list(fields)[:1], output_field=JSONField()),
        )

    def more_like(self, article, *, limit=3):
        """The newest published stories of the same category, not `article` itself."""
        return (
            self.published()
            .for_cards()
            .filter(category_id=article.category_id)
            .exclude(pk=article.pk)
            .order_by("-published_at", "-pk")[:limit]
        )

    def also_like(self, article, *, exclude=(), tag_ids=None, limit=3):
        """
        Published stories from other categories only: the editor's pinned stories first, then
        those sharing the most tags with `article`, then the most recent, so the panel is full
        whenever `limit` such stories exist. `exclude` holds stories already shown nearby.
        """
        if tag_ids is None:
            tag_ids = list(article.tags.values_list("pk", flat=True))
        others = (
            self.published()
            .exclude(pk__in=[article.pk, *(story.pk for story in exclude)])
            .exclude(category_id=article.category_id)
        )
        pinned = Article.related_articles.through.objects.filter(
            from_article_id=article.pk, to_article_id=OuterRef("pk")
        )
        # The few candidates first, so that tags are counted for them rather than for every story.
        pinned_ids = Article.related_articles.through.objects.filter(
            from_article_id=article.pk
        ).values("to_article_id")
        most_shared = (
            others.filter(tagged_items__tag_id__in=tag_ids)
            .values("pk")
            .annotate(shared=Count("tagged_items"))
            .order_by("-shared", "-published_at", "-pk")
            .values("pk")[:limit]
        )
        newest = others.order_by("-published_at", "-pk").values("pk")[:limit]
        return (
            others.filter(Q(pk__in=pinned_ids) | Q(pk__in=most_shared) | Q(pk__in=newest))
            .for_cards()
            .annotate(
                is_pinned=Exists(pinned),
                shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)),
            )
            .order_by("-is_pinned", "-shared_tags", "-published_at", "-pk")[:limit]
        )

    def search(self, query):
        """
        Stories matching `query`, best first: ranked full-text search on PostgreSQL (quoted
        phrases, `or` and `-word` work), on other databases every word as a substring, newest first.
        """
        if connections[self.db].vendor == "postgresql":
            terms = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
            return (
                self.filter(search_document=terms)
                .annotate(rank=SearchRank(F("search_document"), terms))
                .order_by("-rank", "-published_at", "-pk")
            )
        matches = Q()
        for word in query.replace('"', " ").split():
            in_text = Q(title__icontains=word) | Q(standfirst__icontains=word)
            matches &= in_text | Q(body__icontains=word)
        return self.filter(matches).order_by("-published_at", "-pk")


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_tag")
        ]


class Article(models.Model):
    class Status(models.TextChoices):
        """The editors' last decision, as stored. A published story may be still to go live."""

        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"

    class State(models.TextChoices):
        """Where a story stands now (`Article.state`): its status, with scheduled told apart."""

        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        SCHEDULED = "scheduled", "Scheduled"
        LIVE = "live", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"

        @property
        def explanation(self):
            return STATE_EXPLANATIONS[self]

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    standfirst = models.TextField(
        max_length=400, help_text="One or two sentences under the headline: the story in brief."
    )
    body = models.TextField(
        blank=True, help_text="Sanitised on save: only basic formatting and links are kept."
    )
    hero_image = models.ImageField(upload_to="articles/%Y/%m/", blank=True)
    hero_image_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="Describe the image for readers who cannot see it. Required with an image.",
    )
    hero_image_caption = models.CharField(max_length=300, blank=True)
    hero_image_credit = models.CharField(max_length=200, blank=True)
    hero_renditions = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="The responsive renditions made from the hero image (see articles.renditions).",
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="articles")
    tags = TaggableManager(through=TaggedArticle, blank=True)
    authors = models.ManyToManyField(
        Author, through="ArticleAuthor", related_name="articles", blank=True
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the story goes live. A time in the future schedules it.",
    )
    updated_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when the story is substantively updated; shown to readers.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    featured = models.BooleanField(default=False, help_text="Lead story on the home page.")
    evidence_stage = models.CharField(
        max_length=20,
        choices=EvidenceStage,
        default=EvidenceStage.NOT_APPLICABLE,
        help_text="How far the finding has got: shown to readers with a plain explanation.",
    )
    reviewed_by = models.ForeignKey(
        Author,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_articles",
        help_text="Medical reviewer, with credentials.",
    )
    last_reviewed = models.DateField(null=True, blank=True)
    seo_title = models.CharField(
        "SEO title",
        max_length=70,
        blank=True,
        help_text="Overrides the headline in search results.",
    )
    seo_description = models.CharField(
        "SEO description",
        max_length=300,
        blank=True,
        help_text="Overrides the standfirst in search results; 50 to 160 characters work best.",
    )
    related_articles = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="pinned_from",
        help_text='Pinned first in "You Might Also Like" (stories from other categories).',
    )
    series = models.ForeignKey(
        Series, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    reading_time = models.PositiveSmallIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    search_document = SearchVectorField(
        null=True,
        editable=False,
        help_text="Headline (weight A), standfirst (B) and body (C), kept up to date by a "
        "PostgreSQL trigger; empty on other databases.",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish stories"),
            ("feature_article", "Can feature stories on the home page"),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_published"),
            models.Index(
                fields=["series", "status", "-published_at"], name="article_series_published"
            ),
            models.Index(
                fields=["-published_at"],
                condition=Q(featured=True),
                name="article_featured_published",
            ),
            models.Index(
                fields=["category", "status", "-published_at"], name="article_category_published"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="published_article_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        for field in PLAIN_TEXT_FIELDS:
            setattr(self, field, strip_control_characters(getattr(self, field)))
        words = len(strip_tags(self.body).split())
        self.reading_time = max(1, math.ceil(words / WORDS_PER_MINUTE))
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)
        # Once per upload: nothing happens while the stored record matches the image file.
        renditions.renditions_refresh(
            instance=self, field="hero_image", record_field="hero_renditions"
        )

    def get_absolute_url(self):
        return reverse("articles:article", kwargs={"slug": self.slug})

    def clean(self):
        if self.hero_image and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": "Describe the hero image for screen readers."})
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()

    @property
    def state(self):
        """The story's `State`; `ArticleQuerySet.in_state()` finds stories by it."""
        if self.status != self.Status.PUBLISHED:
            return self.State(self.status)
        return self.State.LIVE if self.went_live else self.State.SCHEDULED

    @property
    def went_live(self):
        """Whether the story has been out in the world, even if it has been taken down since."""
        return self.published_at is not None and self.published_at <= timezone.now()

    @property
    def evidence(self):
        return EvidenceStage(self.evidence_stage)

    @property
    def hero_picture(self):
        """The hero image's renditions as a `renditions.Picture`, or None without an image."""
        return renditions.picture_for(self.hero_renditions)

    def hero_rendition(self, width=1200, *, kind="jpeg"):
        """
        The hero image for other sites (og:image, JSON-LD `image`, feed enclosures): a
        `renditions.Rendition(url, width, height)`, the smallest at least `width` pixels wide (or
        the largest made), in `kind` "jpeg" or "webp"; None when the story has no image.
        `url` is site-relative (/media/...): prefix SITE_URL for an absolute one. All sizes:
        `article.hero_picture.all()`.
        """
        return self.hero_picture.at_least(width, kind) if self.hero_picture else None

    @property
    def meta_title(self):
        return self.seo_title or self.title

    @property
    def meta_description(self):
        return self.seo_description or self.standfirst


STATE_EXPLANATIONS = {
    Article.State.DRAFT: "Being written: only its writers and the editors can see it.",
    Article.State.IN_REVIEW: "Written, waiting for an editor to publish it.",
    Article.State.SCHEDULED: "Will go live on its own at the time set.",
    Article.State.LIVE: "Readers can see it.",
    Article.State.UNPUBLISHED: "Taken down: readers can no longer see it.",
}


class ArticleAuthor(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="unique_article_author")
        ]

    def __str__(self):
        return self.author.name  # shown under its story, which need not be named again


class Citation(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    position = models.PositiveSmallIntegerField(default=0)
    note = models.CharField(
        max_length=200, blank=True, help_text='e.g. "EurekAlert, 13 March 2026".'
    )
    url = models.URLField("URL", max_length=500, blank=True, help_text="The study or release.")
    doi = models.CharField(
        "DOI",
        max_length=200,
        blank=True,
        validators=[
            RegexValidator(r"^10\.\d{4,9}/\S+$", "A DOI looks like 10.1126/sciadv.abc123.")
        ],
    )

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.source.name

    @property
    def link(self):
        """Where the citation points: the study itself first, then the source's home page."""
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return self.source.url


class Correction(models.Model):
    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        UPDATE = "update", "Update"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.CORRECTION)
    date = models.DateField(default=timezone.localdate)
    text = models.TextField(help_text="What was wrong or what changed, in plain words.")

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} of {date_format(self.date)}"


class SlugRedirect(models.Model):
    """An old address of a published story, answered with a permanent redirect."""

    old_slug = models.SlugField(max_length=200, unique=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="slug_redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"


class ArticleAutosave(models.Model):
    """
    A copy of the story form as one person left it, saved every few seconds while they write:
    for a story (`article`) or, on the add form, for the page that `token` names.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, null=True, blank=True, related_name="autosaves"
    )
    token = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "article"],
                condition=Q(article__isnull=False),
                name="one_autosave_per_user_and_story",
            ),
            models.UniqueConstraint(
                fields=["user", "token"],
                condition=Q(article__isnull=True),
                name="one_autosave_per_user_and_new_story",
            ),
        ]

    def __str__(self):
        return f"Autosave by {self.user} at {self.saved_at:%H:%M}"
