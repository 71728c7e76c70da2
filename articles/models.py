import datetime
import math
from email.utils import formataddr, parseaddr
from functools import cached_property, lru_cache
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.postgres.indexes import OpClass
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
    URLValidator,
)
from django.db import connections, models
from django.db.models import Count, Exists, JSONField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, JSONObject
from django.urls import get_script_prefix, get_urlconf, resolve, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from articles import renditions, search
from articles.colours import readable_background
from articles.prepared import Param, PreparedQuerySet
from articles.sanitize import (
    sanitize_html,
    strip_control_characters,
    strip_control_characters_from,
)

WORDS_PER_MINUTE = 230
# How many of the latest taggings with a story's tags "You Might Also Like" weighs.
RELATED_TAGGINGS = 500
# How many of the latest stories "You Might Also Like" looks through for other categories' newest:
# where nearly every story is in one category, finding none must not mean reading them all.
RELATED_RECENT = 500
# Before any story's date: where a bound is due but there are not enough stories to set it.
EARLIEST = datetime.datetime(1, 1, 1, tzinfo=datetime.UTC)
PHOTO_WIDTHS = (160, 320)
# Article fields of plain text, shown in feeds and sitemaps as well as on pages.
PLAIN_TEXT_FIELDS = ["title", "standfirst", "seo_title", "seo_description"]
IMAGE_TEXT_FIELDS = ["alt_text", "caption", "credit"]
# What a story card shows of a story (its category and image come whole): not the body.
CARD_FIELDS = ["title", "slug", "standfirst", "category", "hero", "published_at", "reading_time"]


def next_month(day):
    return (day.replace(day=1) + datetime.timedelta(days=31)).replace(day=1)


def month_start(day):
    """The first moment of `day`'s month in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day.replace(day=1), datetime.time.min))


def slug_url(viewname, slug):
    """
    reverse(viewname, slug=slug), remembered: a page shows the same categories and stories
    dozens of times (navigation, badges, cards), and each reverse() walks the URL patterns.
    """
    return _slug_url(viewname, slug, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@lru_cache(maxsize=10_000)
def _slug_url(viewname, slug, urlconf, script_prefix):
    return reverse(viewname, urlconf=urlconf, kwargs={"slug": slug})


def fixed_url(viewname, *args):
    """reverse(viewname, args=args), remembered in the same way (the {% fixed_url %} tag)."""
    return _fixed_url(viewname, args, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@lru_cache(maxsize=10_000)
def _fixed_url(viewname, args, urlconf, script_prefix):
    return reverse(viewname, urlconf=urlconf, args=args)


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

    def save(self, *args, **kwargs):
        strip_control_characters_from(self, ["name", "description"])
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:category", self.slug)

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
    role = models.CharField(
        max_length=100, blank=True, help_text='What they do here, e.g. "Health reporter".'
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
        strip_control_characters_from(self, ["name", "credentials", "bio"])
        super().save(*args, **kwargs)
        renditions.renditions_refresh(
            instance=self, field="photo", record_field="photo_renditions", widths=PHOTO_WIDTHS
        )

    def get_absolute_url(self):
        return slug_url("articles:author", self.slug)

    @property
    def display_name(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    @property
    def photo_picture(self):
        return renditions.picture_for(self.photo_renditions)


class Image(models.Model):
    """A picture in the library: uploaded once, used as heroes and in story bodies."""

    file = models.ImageField(upload_to="images/%Y/%m/")
    alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe the image for readers who cannot see it. Required unless decorative.",
    )
    decorative = models.BooleanField(
        default=False,
        help_text="Adds nothing a reader needs (a texture, an ornament): screen readers skip it.",
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(max_length=200, blank=True, help_text='e.g. "Photo: Ada Lab".')
    focal_x = models.FloatField(
        "focal point (across)",
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Click the part of the image that matters: crops keep it in view.",
    )
    focal_y = models.FloatField(
        "focal point (down)", default=0.5, validators=[MinValueValidator(0), MaxValueValidator(1)]
    )
    renditions = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="The responsive renditions and focal crops (see articles.renditions).",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        get_latest_by = "uploaded_at"
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_inside",
            ),
        ]

    def __str__(self):
        return self.alt_text or self.caption or PurePosixPath(self.file.name).name

    def save(self, *args, **kwargs):
        for field in IMAGE_TEXT_FIELDS:
            setattr(self, field, strip_control_characters(getattr(self, field)))
        super().save(*args, **kwargs)
        # Once per upload and focal point: nothing happens while the record matches both.
        renditions.renditions_refresh(
            instance=self, field="file", record_field="renditions", focal=self.focal
        )

    def clean(self):
        if not self.decorative and not self.alt_text.strip():
            raise ValidationError(
                {"alt_text": "Describe the image for screen readers, or mark it decorative."}
            )

    @property
    def focal(self):
        return (self.focal_x, self.focal_y)

    @property
    def alt(self):
        """The alt attribute: empty for a decorative image, so screen readers skip it."""
        return "" if self.decorative else self.alt_text

    @property
    def picture(self):
        return renditions.picture_for(self.renditions)

    def crop(self, name):
        """A crop of renditions.CROPS ("card", "social") as a Picture, or the whole image."""
        return renditions.picture_for(self.renditions, crop=name) or self.picture


class Source(models.Model):
    class Kind(models.TextChoices):
        UNIVERSITY = "university", "University or college"
        RESEARCH_INSTITUTE = "research_institute", "Research institute"
        HOSPITAL = "hospital", "Hospital"
        INSTITUTION = "institution", "Other institution"
        JOURNAL = "journal", "Journal"
        NEWS_WIRE = "news_wire", "News wire"
        NEWS_OUTLET = "news_outlet", "News outlet"
        COMPANY = "company", "Company"
        RESEARCHER = "researcher", "Researcher or person"
        FUNDER = "funder", "Funder or charity"
        GOVERNMENT = "government", "Government body or agency"
        REGULATOR = "regulator", "Regulator"
        OTHER = "other", "Other"

        @property
        def schema_type(self):
            """The schema.org type search engines read for a source of this kind."""
            return SOURCE_KINDS[self][0]

        @property
        def reader_label(self):
            """What readers see beside the source's name."""
            return SOURCE_KINDS[self][1]

        @property
        def is_person(self):
            return self == Source.Kind.RESEARCHER

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.INSTITUTION)
    url = models.URLField(blank=True, help_text="The source's own home page.")
    honorific_suffix = models.CharField(
        max_length=60,
        blank=True,
        help_text='For a person: post-nominal letters, e.g. "M.D." or "PhD" (not in the name).',
    )
    affiliation = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        help_text="For a person: the university, institute or organisation they work for.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        strip_control_characters_from(self, ["name"])
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:source", self.slug)

    def clean(self):
        if self.kind != self.Kind.RESEARCHER and (self.honorific_suffix or self.affiliation_id):
            raise ValidationError("Only a person has post-nominals or an affiliation.")
        if self.affiliation_id and self.affiliation_id == self.pk:
            raise ValidationError({"affiliation": "A source cannot be its own affiliation."})

    @property
    def source_kind(self):
        return self.Kind(self.kind)

    @property
    def display_name(self):
        return f"{self.name}, {self.honorific_suffix}" if self.honorific_suffix else self.name


# Source kind -> (schema.org type, the label readers see).
SOURCE_KINDS = {
    Source.Kind.UNIVERSITY: ("CollegeOrUniversity", "university"),
    Source.Kind.RESEARCH_INSTITUTE: ("ResearchOrganization", "research institute"),
    Source.Kind.HOSPITAL: ("Hospital", "hospital"),
    Source.Kind.INSTITUTION: ("Organization", "institution"),
    Source.Kind.JOURNAL: ("Periodical", "journal"),
    Source.Kind.NEWS_WIRE: ("NewsMediaOrganization", "news wire"),
    Source.Kind.NEWS_OUTLET: ("NewsMediaOrganization", "news outlet"),
    Source.Kind.COMPANY: ("Corporation", "company"),
    Source.Kind.RESEARCHER: ("Person", "researcher"),
    Source.Kind.FUNDER: ("Organization", "funder"),
    Source.Kind.GOVERNMENT: ("GovernmentOrganization", "government body"),
    Source.Kind.REGULATOR: ("GovernmentOrganization", "regulator"),
    Source.Kind.OTHER: ("Organization", "organisation"),
}


class Series(models.Model):
    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "series"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        strip_control_characters_from(self, ["name", "description"])
        super().save(*args, **kwargs)


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


class WorkType(models.TextChoices):
    """The kind of journalism a story is (the Trust Project's "type of work")."""

    NEWS = "news", "News"
    ANALYSIS = "analysis", "Analysis"
    EXPLAINER = "explainer", "Explainer"
    OPINION = "opinion", "Opinion"
    SPONSORED = "sponsored", "Sponsored"

    @property
    def explanation(self):
        return WORK_TYPE_EXPLANATIONS[self]

    @property
    def schema_type(self):
        """The schema.org type of the story in structured data."""
        return WORK_TYPE_SCHEMA[self]


WORK_TYPE_EXPLANATIONS = {
    WorkType.NEWS: "Reporting of a new finding, based on the sources named below.",
    WorkType.ANALYSIS: "Interprets the evidence to explain what a finding means.",
    WorkType.EXPLAINER: "Background on a subject, to understand the news around it.",
    WorkType.OPINION: "The author's own view, argued from the evidence.",
    WorkType.SPONSORED: "Paid for by an advertiser; not written by our newsroom.",
}
WORK_TYPE_SCHEMA = {
    WorkType.NEWS: "ReportageNewsArticle",
    WorkType.ANALYSIS: "AnalysisNewsArticle",
    WorkType.EXPLAINER: "BackgroundNewsArticle",
    WorkType.OPINION: "OpinionNewsArticle",
    WorkType.SPONSORED: "AdvertiserContentArticle",
}


class ArticleQuerySet(models.QuerySet):
    def published(self, *, before=None, now=None):
        """
        Stories readers may see (`Article.State.LIVE`): published, not scheduled for later; with
        `before`, only those that went live before then. That is one upper bound on the date,
        not two: SQLite, which keeps no statistics of ranges, seeks on the first it is given.
        `now` is the time it is (a prepared query's `Param`, see related_to()).
        """
        if now is None:
            now = timezone.now()
        if before is not None and before <= now:
            return self.filter(status=Article.Status.PUBLISHED, published_at__lt=before)
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=now)

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

    def published_in_month(self, month):
        """The stories published in `month` (its first day) of the site's time zone."""
        return self.published(before=month_start(next_month(month))).filter(
            published_at__gte=month_start(month)
        )

    def published_months(self):
        """
        The first day of each month with published stories, newest first, as `dates(...,
        "month")` gives them, but in three indexed queries however many stories there are,
        rather than one truncating every story's date: the newest and oldest story's dates, then
        whether each month between them has a story (if there are months between).
        """
        dates = self.published().order_by("-published_at").values_list("published_at", flat=True)
        newest, oldest = dates.first(), dates.reverse().first()
        if newest is None:
            return []
        month, months = timezone.localtime(oldest).date().replace(day=1), []
        while month <= timezone.localtime(newest).date():
            months.append(month)
            month = next_month(month)
        if len(months) <= 2:
            return months[::-1]  # the newest and the oldest story's months
        # The months between in one statement, planned once (PostgreSQL spent 2 to 20 ms
        # planning a subquery a month): their bounds as a list of rows, each asked "a story in
        # this month?" by the first month's query with its bounds made the row's.
        adapt = connections[self.db].ops.adapt_datetimefield_value
        rows = [
            (i, adapt(month_start(day)), adapt(month_start(next_month(day))))
            for i, day in enumerate(months[1:-1], start=1)
        ]
        first = self.published_in_month(months[1]).order_by().values("pk")[:1]
        sql, params = first.query.sql_with_params()
        columns = {rows[0][1]: "month.starts", rows[0][2]: "month.ends"}
        pieces = sql.split("%s")
        sql = pieces[0] + "".join(
            columns.get(param, "%s") + piece
            for param, piece in zip(params, pieces[1:], strict=True)
        )
        params = [param for param in params if param not in columns]
        values = ", ".join(["(%s, %s, %s)"] * len(rows))
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                f"WITH month (number, starts, ends) AS (VALUES {values}) "
                f"SELECT number FROM month WHERE EXISTS ({sql})",
                [value for row in rows for value in row] + params,
            )
            found = {number for (number,) in cursor.fetchall()} | {0, len(months) - 1}
        return [day for i, day in enumerate(months) if i in found][::-1]

    def for_cards(self):
        """What a story card shows, in one query."""
        return self.select_related("category", "hero").only(*CARD_FIELDS)

    def newest_per_category(self, *, limit=3):
        """
        The `limit` newest stories of each category, in category order, in two indexed queries
        whatever the number of stories: each category's `limit`-th newest story (its date and
        id, which break ties at that date), then the stories from there on.
        """
        newest_first = ["-published_at", "-pk"]
        last = self.filter(category=OuterRef("pk")).order_by(*newest_first)[limit - 1 : limit]
        cutoffs = Category.objects.annotate(
            last_at=Subquery(last.values("published_at")), last_pk=Subquery(last.values("pk"))
        ).values_list("pk", "last_at", "last_pk")
        recent_enough = Q(pk__in=[])
        for category_id, last_at, last_pk in cutoffs:
            in_category = Q(category_id=category_id)
            if last_at is not None:
                in_category &= Q(published_at__gte=last_at) & (
                    Q(published_at__gt=last_at) | Q(pk__gte=last_pk)
                )
            recent_enough |= in_category
        return self.filter(recent_enough).order_by(
            "category__position", "category__name", *newest_first
        )

    def with_series_neighbours(self, *, now=None):
        """
        Annotate `series_previous` and `series_next`: {"title", "slug"} of the published stories
        just before and after each story in its series (None at the ends), inside the same query.
        `now` as for published().
        """
        siblings = Article.objects.published(now=now).filter(series=OuterRef("series"))
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

    def related_to(self, article, *, tag_ids, limit=3):
        """
        The story page's two panels, as (more, also), in one query whatever the number of
        stories, compiled once for each number of tags (see related_stories()). `more`: the
        newest published stories of the same category. `also`: stories from other categories
        only, the editor's pinned stories first, then those sharing the most of `tag_ids` (the
        story's tags), then the most recent, so the panel is full whenever `limit` such stories
        exist.
        """
        values = {"story": article.pk, "category": article.category_id, "now": timezone.now()}
        values |= {f"tag{index}": tag_id for index, tag_id in enumerate(tag_ids)}
        stories = RELATED_STORIES.run(
            values,
            using=self.db,
            limit=limit,
            tags=len(tag_ids),
            ordered_arms=connections[self.db].features.supports_slicing_ordering_in_compound,
        )
        more = [story for story in stories if story.category_id == article.category_id]
        also = sorted(
            (story for story in stories if story.category_id != article.category_id),
            key=lambda story: (not story.is_pinned, -story.shared_tags),  # stable: then newest
        )
        return more[:limit], also[:limit]

    def search(self, text):
        """
        Stories matching the reader's `text`, most relevant first, then newest: full-text search
        on PostgreSQL and SQLite alike (see articles.search). Chain it after published().
        """
        return search.matching(self, search.parse(text))

    def highlights(self, text, ids):
        """A page of results, `ids`, with `text`'s matches marked: see search.highlights()."""
        return search.highlights(self, search.parse(text), ids)

    def spelling_suggestion(self, text):
        """The reader's `text` spelt as our headlines spell it ("alzeimer": "alzheimer"), or ""."""
        return search.spelling_suggestion(self, search.parse(text), HeadlineWord.objects)


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )
    published_at = models.DateTimeField(
        null=True,
        editable=False,
        help_text="The story's publication time, copied by the database (see articles.tag_dates).",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_tag")
        ]
        indexes = [
            # A tag's stories, from the index alone.
            models.Index(fields=["tag", "content_object"], name="taggedarticle_tag_article"),
            # A tag's list, in the order lists show stories in.
            models.Index(
                fields=["tag", "-published_at", "-content_object"],
                name="taggedarticle_tag_published",
            ),
            # A tag's latest taggings and their stories, for "You Might Also Like" (see
            # related_stories()).
            models.Index(fields=["tag", "-id", "content_object"], name="taggedarticle_tag_latest"),
        ]


def related_stories(limit, tags, ordered_arms):
    """
    The candidates for both of a story's panels, newest first. The few candidate ids come first,
    from indexed queries; tags are then counted for those few rather than for every story (at
    100,000 stories, ~2 ms rather than ~400). `ordered_arms`: whether the database takes ORDER
    BY and LIMIT in each part of a UNION (SQLite does not, but merges ordered parts itself).
    """
    story = Param("story", models.IntegerField())
    category = Param("category", models.IntegerField())
    newest_first = ["-published_at", "-pk"]
    published = Article.objects.published(now=Param("now", models.DateTimeField()))
    published = published.exclude(pk=story)
    same = published.filter(category_id=category).order_by(*newest_first)
    others = published.exclude(category_id=category)
    pinned = others.filter(pinned_from=story).values("pk")
    # The tags as values, not a subquery, for SQLite to find their taggings by the tag's index.
    tag_ids = [Param(f"tag{index}", models.IntegerField()) for index in range(tags)]
    # Tags are counted over the latest taggings only, so that a common tag on thousands of
    # stories costs no more than a rare one: each tag's own latest, read backwards off its
    # index and merged, rather than every tagging read backwards until enough have one of the
    # tags (at 100,000 stories, 500 index entries read rather than ~25,000 rows).
    each_tag = [TaggedArticle.objects.filter(tag_id=tag_id).values("pk") for tag_id in tag_ids]
    if len(each_tag) < 2:
        latest_taggings = TaggedArticle.objects.filter(tag__id__in=tag_ids).values("pk")
    else:
        if ordered_arms:  # PostgreSQL then stops each tag's scan where the merge stops.
            each_tag = [taggings.order_by("-pk")[:RELATED_TAGGINGS] for taggings in each_tag]
        latest_taggings = each_tag[0].union(*each_tag[1:], all=True)
    # The oldest tagging counted (none while there are fewer): those counted are then a range of
    # each tag's index, which holds their stories, rather than taggings looked up one by one (at
    # 100,000 stories, 1,585 buffers read rather than 3,566 on PostgreSQL).
    oldest = latest_taggings.order_by("-pk")[RELATED_TAGGINGS - 1 : RELATED_TAGGINGS]
    oldest = Coalesce(Subquery(oldest), Value(0))
    most_shared = (
        others.filter(tagged_items__tag__id__in=tag_ids, tagged_items__pk__gte=oldest)
        .values("pk")
        .annotate(shared=Count("tagged_items"))
        .order_by("-shared", *newest_first)
        .values("pk")[:limit]
    )
    # The latest stories as a range of the list's index, from the RELATED_RECENT-th on (all of
    # them if there are fewer), read with their categories off the index rather than checked
    # story by story (at 100,000 stories, ~15 pages of the index read rather than ~1,500).
    last = published.order_by(*newest_first)[RELATED_RECENT - 1 : RELATED_RECENT]
    last_at = Coalesce(
        Subquery(last.values("published_at")), Value(EARLIEST), output_field=models.DateTimeField()
    )
    last_pk = Coalesce(Subquery(last.values("pk")), Value(0))
    recent = Q(published_at__gte=last_at) & (Q(published_at__gt=last_at) | Q(pk__gte=last_pk))
    newest = others.filter(recent).order_by(*newest_first).values("pk")[:limit]
    # Each group is a LIMITed subquery behind an indexed primary-key lookup, so that the groups
    # can be combined with UNION on every database (SQLite refuses LIMIT there).
    groups = [same.values("pk")[:limit], pinned, most_shared, newest]
    candidates = [Article.objects.filter(pk__in=group).values("pk") for group in groups]
    candidates = candidates[0].union(*candidates[1:])
    is_pinned = Article.related_articles.through.objects.filter(
        from_article_id=story, to_article_id=OuterRef("pk")
    )
    return (
        Article.objects.filter(pk__in=candidates)
        .for_cards()
        .annotate(
            is_pinned=Exists(is_pinned),
            shared_tags=Count("tagged_items", filter=Q(tagged_items__tag__id__in=tag_ids)),
        )
        .order_by(*newest_first)
    )


RELATED_STORIES = PreparedQuerySet(related_stories)


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
    hero = models.ForeignKey(
        Image,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hero_of",
        verbose_name="hero image",
        help_text="Pick one from the image library, or add one with +.",
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
    work_type = models.CharField(
        "type of work",
        max_length=20,
        choices=WorkType,
        default=WorkType.NEWS,
        help_text="Shown to readers as a label: news, analysis, explainer, opinion or sponsored.",
    )
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
    body_text = models.TextField(
        blank=True, editable=False, help_text="The body's plain text, for search; set on save."
    )
    # Stored in the row, not in TOAST, on PostgreSQL (STORAGE MAIN, which Django cannot declare:
    # migration 0020, search.postgresql_vector_storage); re-adding the column must redo it.
    search_vector = models.GeneratedField(
        expression=search.search_vector(),
        output_field=SearchVectorField(),
        db_persist=True,
        help_text="Headline (weight A), standfirst (B) and body (C), for PostgreSQL full-text "
        "search; NULL on SQLite, which searches its FTS5 table (see articles.search).",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish stories"),
            ("feature_article", "Can feature stories on the home page"),
        ]
        # Each ends in the order lists show stories in, "-published_at", "-id": SQLite can then
        # read a page of them from the index, with no sort of every story in the list.
        indexes = [
            # With the category, for the story page's newest stories of other categories.
            models.Index(
                fields=["status", "-published_at", "-id", "category"],
                name="article_status_published",
            ),
            models.Index(
                fields=["series", "status", "-published_at", "-id"],
                name="article_series_published",
            ),
            models.Index(
                fields=["featured", "status", "-published_at", "-id"],
                name="article_featured_published",
            ),
            models.Index(
                fields=["reviewed_by", "status", "-published_at", "-id"],
                name="article_reviewer_published",
            ),
            models.Index(fields=["status", "-modified_at"], name="article_status_modified"),
            # Whether a story is live, and its category, read by id without reading its row: a
            # tag's list checks each of its stories so, and "You Might Also Like" each of the
            # stories of the latest taggings.
            models.Index(
                fields=["id", "status", "published_at", "category"], name="article_live_by_id"
            ),
            models.Index(
                fields=["category", "status", "-published_at", "-id"],
                name="article_category_published",
            ),
            search.PostgreSQLGinIndex(fields=["search_vector"], name="article_search_vector"),
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
        self.body_text = strip_control_characters(search.plain_text(self.body))
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:article", self.slug)
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
    def work(self):
        return WorkType(self.work_type)

    @property
    def hero_picture(self):
        """The hero image's renditions as a `renditions.Picture`, or None without an image."""
        return self.hero.picture if self.hero_id else None

    @cached_property
    def share_renditions(self):
        """
        The JPEG renditions link previews may show: the social crop (1.91:1, around the focal
        point) first, then the whole image, largest first. Once a story: its page's meta tags
        and structured data both show them.
        """
        if not (picture := self.hero_picture):
            return []
        social = renditions.picture_for(self.hero.renditions, crop="social")
        return [*(social.all() if social else []), *reversed(picture.all())]

    @property
    def card_picture(self):
        """The hero cut to the cards' shape around its focal point."""
        return self.hero.crop("card") if self.hero_id else None

    @property
    def social_picture(self):
        """The hero cut to the social previews' shape (1.91:1) around its focal point."""
        return self.hero.crop("social") if self.hero_id else None

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


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Page.Status.PUBLISHED)

    def in_footer(self):
        return self.published().filter(in_footer=True)


def short_address_taken(slug):
    """Why `slug` cannot be a page's short address /<slug>/, or "" when it is free."""
    if resolve(reverse("articles:article", kwargs={"slug": slug})).url_name != "article":
        return "This address belongs to another page of the site: choose another slug."
    if (
        Article.objects.filter(slug=slug).exists()
        or SlugRedirect.objects.filter(old_slug=slug).exists()
    ):
        return "A story has (or had) this address: choose another slug."
    return ""


class Page(models.Model):
    """A standing page of the publication (About, Privacy, ...) at the short address /<slug>/."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class Role(models.TextChoices):
        NONE = "", "—"
        ABOUT = "about", "About us (masthead, ownership and funding)"
        PRIVACY = "privacy", "Privacy policy"
        CONTACT = "contact", "Contact"
        STANDARDS = "standards", "Editorial standards (publishing and ethics principles)"
        CORRECTIONS = "corrections", "Corrections policy"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The page's address, /slug/. It cannot be the address of a story.",
    )
    body = models.TextField(
        blank=True, help_text="Sanitised on save: only basic formatting and links are kept."
    )
    description = models.CharField(
        max_length=300, blank=True, help_text="One sentence for search results and link previews."
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    role = models.CharField(
        max_length=20,
        choices=Role,
        blank=True,
        default=Role.NONE,
        help_text="What the page is for: stories and structured data link the policy pages.",
    )
    in_footer = models.BooleanField(default=True, help_text="Listed in the footer of every page.")
    position = models.PositiveSmallIntegerField(default=0, help_text="Lower comes first.")
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["role"], condition=~Q(role=""), name="unique_page_role"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        self.title = strip_control_characters(self.title)
        self.description = strip_control_characters(self.description)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:article", self.slug)  # the short address /<slug>/, as stories

    def clean(self):
        if self.slug and (problem := short_address_taken(self.slug)):
            raise ValidationError({"slug": problem})

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED


def local_or_web_address(value):
    """A link editors may put in the navigation: a path on this site or an http(s) address."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


https_only = URLValidator(schemes=["https"], message="Enter the full https:// address.")


class SiteSettings(models.Model):
    """
    The publication's name, look and links: one row, edited in the admin. Until it is first
    saved, the environment (SITE_NAME, SITE_DESCRIPTION, DEFAULT_FROM_EMAIL) supplies it.
    Read it through `articles.site.site_settings()`, which caches it.
    """

    name = models.CharField(max_length=100)
    tagline = models.CharField(
        max_length=150, blank=True, help_text="A few words beside the name in the header."
    )
    description = models.CharField(
        max_length=300, help_text="One or two sentences: search results, feeds and the footer."
    )
    logo = models.ImageField(
        upload_to="site/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        help_text="Square, at least 512 × 512 pixels: link previews and structured data.",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    sender_name = models.CharField(
        max_length=100, blank=True, help_text="Who newsletters come from; the site name if empty."
    )
    sender_email = models.EmailField(help_text="The address newsletters are sent from.")
    contact_email = models.EmailField(
        blank=True, help_text="Shown to readers on the contact pages; the sender if empty."
    )
    newsletter_pitch = models.TextField(
        max_length=600,
        blank=True,
        help_text="Why subscribe, in two or three sentences: shown on the newsletter page.",
    )
    x_handle = models.CharField(
        "X (Twitter) handle",
        max_length=16,
        blank=True,
        validators=[RegexValidator(r"^@?[A-Za-z0-9_]{1,15}$", "A handle such as @goodnews.")],
    )
    mastodon_url = models.URLField("Mastodon", blank=True, validators=[https_only])
    bluesky_url = models.URLField("Bluesky", blank=True, validators=[https_only])
    facebook_url = models.URLField("Facebook", blank=True, validators=[https_only])
    instagram_url = models.URLField("Instagram", blank=True, validators=[https_only])
    linkedin_url = models.URLField("LinkedIn", blank=True, validators=[https_only])
    youtube_url = models.URLField("YouTube", blank=True, validators=[https_only])
    full_text_feeds = models.BooleanField(
        default=True, help_text="Feeds carry whole stories, not only their standfirst."
    )
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "site settings"
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="site_settings_singleton")]

    def __str__(self):
        return "Site settings"

    def save(self, *args, **kwargs):
        self.pk = 1
        if self.x_handle:
            self.x_handle = "@" + self.x_handle.lstrip("@")
        super().save(*args, **kwargs)

    @classmethod
    def from_environment(cls):
        """The settings before an editor saves them: from the environment."""
        sender_name, sender_email = parseaddr(settings.DEFAULT_FROM_EMAIL)
        if "." not in sender_email.partition("@")[2]:  # news@localhost: no mail would arrive
            sender_email = f"news@{site_domain()}"
        return cls(
            name=settings.SITE_NAME,
            description=settings.SITE_DESCRIPTION,
            sender_name=sender_name or settings.SITE_NAME,
            sender_email=sender_email,
        )

    @property
    def sender(self):
        """The From header of newsletters."""
        return formataddr((self.sender_name or self.name, self.sender_email))

    @property
    def reader_email(self):
        return self.contact_email or self.sender_email

    @property
    def social_links(self):
        """(label, URL) of each account set, for the footer and JSON-LD `sameAs`."""
        links = [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in SOCIAL_URL_FIELDS
            if getattr(self, name)
        ]
        if self.x_handle:
            links.insert(0, ("X", f"https://x.com/{self.x_handle.lstrip('@')}"))
        return links


SOCIAL_URL_FIELDS = [
    "mastodon_url", "bluesky_url", "facebook_url", "instagram_url", "linkedin_url", "youtube_url",
]  # fmt: skip


def site_domain():
    """The public site's host name when it is a real domain, else example.com for a demo."""
    host = urlsplit(settings.SITE_URL).hostname or ""
    is_name = "." in host and not host.replace(".", "").isdigit() and ":" not in host
    return host if is_name else "example.com"


class SiteLink(models.Model):
    class Place(models.TextChoices):
        NAVIGATION = "nav", "Header navigation (after the categories)"
        FOOTER = "footer", "Footer"

    site = models.ForeignKey(SiteSettings, on_delete=models.CASCADE, related_name="links")
    place = models.CharField(max_length=10, choices=Place, default=Place.FOOTER)
    label = models.CharField(max_length=60)
    url = models.CharField(
        "address",
        max_length=500,
        validators=[local_or_web_address],
        help_text="A path on this site such as /about/, or a full https:// address.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["place", "position", "pk"]

    def __str__(self):
        return self.label


DOI_PATTERN = r"^10\.\d{4,9}/\S+$"
PARTIAL_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


def normalise_doi(value):
    """A DOI as pasted (https://doi.org/10..., doi:10...) reduced to the DOI itself."""
    value = value.strip()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if value.lower().startswith(prefix):
            return value[len(prefix) :].strip()
    return value


class StudyQuerySet(models.QuerySet):
    def with_confirmed_notice(self):
        """Annotate `confirmed_notice`: the kind of the latest notice an editor confirmed."""
        confirmed = StudyNotice.objects.filter(
            study=OuterRef("pk"), status=StudyNotice.Status.CONFIRMED
        ).order_by("-notice_date", "-pk")
        return self.annotate(confirmed_notice=Subquery(confirmed.values("kind")[:1]))


class Study(models.Model):
    """A study a story reports: what kind, in whom, how many, where and when it was published."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="studies")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(
        "paper title", max_length=500, blank=True, help_text="The paper's own title, as published."
    )
    journal = models.CharField(
        max_length=200, blank=True, help_text='Where it was published, e.g. "Science Advances".'
    )
    published = models.CharField(
        "publication date",
        max_length=10,
        blank=True,
        validators=[RegexValidator(PARTIAL_DATE_PATTERN, "Use 2026-03-13, 2026-03 or 2026.")],
        help_text="As precise as is known: 2026-03-13, 2026-03 or 2026.",
    )
    doi = models.CharField(
        "DOI",
        max_length=200,
        blank=True,
        validators=[RegexValidator(DOI_PATTERN, "A DOI looks like 10.1126/sciadv.abc123.")],
        help_text="Paste it to fill in the rest from Crossref.",
    )
    pmid = models.CharField(
        "PMID",
        max_length=9,
        blank=True,
        validators=[RegexValidator(r"^[1-9]\d{0,8}$", "A PubMed ID is a number, e.g. 39812345.")],
        help_text="PubMed ID: paste it to fill in the rest from PubMed.",
    )
    authors = models.TextField(blank=True, help_text="As listed on the paper, one line or commas.")
    design = models.CharField(
        "kind of study",
        max_length=20,
        choices=EvidenceStage,
        default=EvidenceStage.NOT_APPLICABLE,
        help_text="Usually the story's evidence stage.",
    )
    population = models.CharField(
        "in whom",
        max_length=200,
        blank=True,
        help_text='Who or what was studied, e.g. "mice", "infants in France".',
    )
    sample_size = models.PositiveIntegerField(
        "how many", null=True, blank=True, help_text="Only when the paper gives it."
    )
    is_preprint = models.BooleanField(
        "preprint",
        default=False,
        help_text="Not yet peer-reviewed: readers are told so.",
    )

    objects = StudyQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name_plural = "studies"
        indexes = [models.Index(fields=["doi"], name="study_doi")]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "doi"], condition=~Q(doi=""), name="unique_study_doi_per_story"
            )
        ]

    def __str__(self):
        return self.title or self.label

    def save(self, *args, **kwargs):
        self.doi = normalise_doi(self.doi)
        super().save(*args, **kwargs)

    def clean(self):
        self.doi = normalise_doi(self.doi)

    @property
    def kind(self):
        return EvidenceStage(self.design)

    @property
    def label(self):
        """How the Sources line names the study when its title is not known."""
        if self.journal:
            return f"The study in {self.journal}"
        return "The study"

    @property
    def notice_badge(self):
        """ "Retracted" and the like, once an editor confirmed it (see with_confirmed_notice)."""
        kind = getattr(self, "confirmed_notice", None)
        return StudyNotice.Kind(kind).badge if kind else ""

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def pubmed_url(self):
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    @property
    def link(self):
        return self.doi_url or self.pubmed_url

    @property
    def published_display(self):
        """The publication date as precisely as it is known: "13 March 2026", "March 2026"."""
        if not self.published:
            return ""
        parts = [int(part) for part in self.published.split("-")]
        day = datetime.date(*parts, *[1] * (3 - len(parts)))
        return date_format(day, ["Y", "F Y", "j F Y"][len(parts) - 1])


class StudyNotice(models.Model):
    """
    A retraction, withdrawal, expression of concern or correction Crossref reports against a
    study a story cites. Found by the retraction watch; readers see it only once an editor
    confirms it, as a dated Correction on the story.
    """

    class Kind(models.TextChoices):
        RETRACTION = "retraction", "Retraction"
        WITHDRAWAL = "withdrawal", "Withdrawal"
        EXPRESSION_OF_CONCERN = "expression_of_concern", "Expression of concern"
        CORRECTION = "correction", "Correction"

        def reader_text(self, when):
            """The correction readers see; `when` is the notice's date as words, or ""."""
            on = f" on {when}" if when else ""
            kinds = type(self)
            return {
                kinds.RETRACTION: f"The study this story reports was retracted{on}.",
                kinds.WITHDRAWAL: f"The study this story reports was withdrawn{on}.",
                kinds.EXPRESSION_OF_CONCERN: "The journal published an expression of concern "
                f"about the study this story reports{on}.",
                kinds.CORRECTION: f"The study this story reports was corrected{on}.",
            }[self]

        @property
        def badge(self):
            """What the study box says of a study with a confirmed notice of this kind."""
            kinds = type(self)
            return {
                kinds.RETRACTION: "Retracted",
                kinds.WITHDRAWAL: "Withdrawn",
                kinds.EXPRESSION_OF_CONCERN: "Expression of concern",
                kinds.CORRECTION: "Corrected",
            }[self]

    class Status(models.TextChoices):
        PENDING = "pending", "To check"
        CONFIRMED = "confirmed", "Confirmed: readers told"
        DISMISSED = "dismissed", "Dismissed"

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=30, choices=Kind)
    notice_doi = models.CharField("notice DOI", max_length=200, blank=True)
    notice_date = models.DateField(null=True, blank=True, help_text="When the notice was issued.")
    reported_by = models.CharField(
        max_length=40, blank=True, help_text='Who told Crossref: "publisher" or "retraction-watch".'
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.PENDING)
    found_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    correction = models.OneToOneField(
        Correction, on_delete=models.SET_NULL, null=True, blank=True, related_name="study_notice"
    )

    class Meta:
        ordering = ["-found_at", "-pk"]
        indexes = [models.Index(fields=["status"], name="studynotice_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["study", "kind", "notice_doi"], name="unique_study_notice"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} of {self.study}"

    @property
    def notice_url(self):
        return f"https://doi.org/{self.notice_doi}" if self.notice_doi else ""

    @property
    def reader_text(self):
        when = date_format(self.notice_date, "j F Y") if self.notice_date else ""
        text = self.Kind(self.kind).reader_text(when)
        return f"{text} The notice: {self.notice_url}" if self.notice_url else text


class RetractionWatchRun(models.Model):
    """
    A run of the retraction watch, recorded when it is queued: one row per due time, so that a
    second start or tick queues nothing, on the database queue and on Redis alike.
    """

    due_at = models.DateTimeField(unique=True)
    queued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-due_at"]
        get_latest_by = "due_at"

    def __str__(self):
        return f"Retraction watch due {self.due_at:%Y-%m-%d %H:%M}"


class ArticleSearchEntry(models.Model):
    """
    A story's row in `article_search`, SQLite's FTS5 index of stories (headline, standfirst and
    body text), which triggers on the articles table keep in step (migration 0009). Search joins
    it on SQLite only; PostgreSQL has no such table and searches `Article.search_vector`.
    """

    article = models.OneToOneField(
        Article,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        related_name="search_entry",
    )
    document = search.FullTextField(db_column="article_search")

    class Meta:
        managed = False
        db_table = "article_search"

    def __str__(self):
        return str(self.article_id)


class HeadlineWord(models.Model):
    """
    A word that has appeared in a headline, lower-cased: what "did you mean" matches misspelt
    words against on PostgreSQL, by trigrams, instead of every headline. A trigger on the
    articles table adds the words of every headline written (see search.POSTGRESQL_WORDS);
    empty on SQLite.
    """

    word = models.CharField(max_length=100, primary_key=True)

    class Meta:
        indexes = [
            search.PostgreSQLGistIndex(
                OpClass("word", name="gist_trgm_ops"), name="headline_word_trigrams"
            )
        ]

    def __str__(self):
        return self.word


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
