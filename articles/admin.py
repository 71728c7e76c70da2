import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from reversion.admin import VersionAdmin

from articles import (
    admin_images,  # noqa: F401  Registers the image library's admin.
    services,
)
from articles.admin_evidence import (
    StudyInline,
    StudyNoticeFilter,
    pending_notices,
    study_notice_flag,
)
from articles.admin_revisions import RevisionsMixin
from articles.admin_search import ExactFirstSearchMixin
from articles.admin_views import EditorialViewsMixin
from articles.autosave import autosave_discard
from articles.forms import ArticleAdminForm, CheckedImageField, PageAdminForm
from articles.models import (
    SOCIAL_URL_FIELDS,
    Article,
    ArticleAuthor,
    Author,
    Category,
    Citation,
    Correction,
    Page,
    Series,
    SiteLink,
    SiteSettings,
    SlugRedirect,
    Source,
)
from articles.prepublish import article_blockers, article_warnings
from articles.preview import PREVIEW_LINK_LIFETIME, shared_preview_url, staff_preview_url
from articles.seo import article_share_preview

State = Article.State


@admin.register(Category)
class CategoryAdmin(ExactFirstSearchMixin, admin.ModelAdmin):
    list_display = ["name", "emoji", "colour", "position", "requires_medical_review"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(ExactFirstSearchMixin, admin.ModelAdmin):
    list_display = ["name", "credentials", "role", "user"]
    search_fields = ["name", "credentials"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    formfield_overrides = {models.ImageField: {"form_class": CheckedImageField}}


@admin.register(Source)
class SourceAdmin(ExactFirstSearchMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "affiliation", "url"]
    list_filter = ["kind"]
    search_fields = ["name", "url"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["affiliation"]


@admin.register(Series)
class SeriesAdmin(ExactFirstSearchMixin, admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    search_fields = ["old_slug", "article__title"]
    autocomplete_fields = ["article"]


class StoryPartInline(admin.TabularInline):
    """An inline whose rows are labelled and filled without a query each."""

    extra = 0
    related = []

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.select_related(*self.related) if self.related else queryset


class ArticleAuthorInline(StoryPartInline):
    model = ArticleAuthor
    related = ["author"]
    autocomplete_fields = ["author"]
    verbose_name = "author"
    verbose_name_plural = "authors (in byline order)"

    def get_extra(self, request, obj=None, **kwargs):
        # Room for the byline the add form fills in with the writer's own profile.
        return 1 if obj is None and hasattr(request.user, "author") else 0


class CitationInline(StoryPartInline):
    model = Citation
    related = ["source"]
    autocomplete_fields = ["source"]
    verbose_name_plural = "sources cited (in order)"


class CorrectionInline(StoryPartInline):
    model = Correction
    verbose_name_plural = "corrections and updates"


class StateFilter(admin.SimpleListFilter):
    """The status, with scheduled stories told apart from live ones."""

    title = "status"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return State.choices

    def queryset(self, request, queryset):
        return queryset if self.value() is None else queryset.in_state(self.value())


class AuthorFilter(admin.RelatedFieldListFilter):
    """The byline filter, its "no author" entry named rather than shown as "-"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_value_display = "No byline"


# The workflow buttons, named as services.article_actions_available names the steps:
# POST value -> (label, service, its arguments besides the story and the user).
WORKFLOW_ACTIONS = {
    "submit": ("Submit for review", services.article_submit_for_review, {}),
    "return_to_draft": ("Return to draft", services.article_return_to_draft, {}),
    "publish": ("Publish now", services.article_publish, {}),
    "schedule": ("Schedule", services.article_schedule, {}),
    "unpublish": ("Unpublish", services.article_unpublish, {}),
    "feature": ("Feature on the home page", services.article_feature, {"featured": True}),
    "unfeature": ("Stop featuring", services.article_feature, {"featured": False}),
    "mark_updated": ("Mark as substantively updated", services.article_mark_updated, {}),
}


@admin.register(Article)
class ArticleAdmin(ExactFirstSearchMixin, EditorialViewsMixin, RevisionsMixin, VersionAdmin):
    exact_match_field = "title"
    form = ArticleAdminForm
    # Category, byline and featured sit under the headline; evidence and featured are filters.
    list_display = ["thumbnail", "headline", "state_badge", "goes_live", study_notice_flag]
    list_display_links = None  # the headline links to the story itself
    list_filter = [
        StateFilter,
        "category",
        ("authors", AuthorFilter),
        "evidence_stage",
        "featured",
        StudyNoticeFilter,
    ]
    search_fields = ["title", "standfirst", "citations__source__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["reviewed_by", "related_articles", "series", "hero"]
    list_select_related = ["category", "hero"]
    inlines = [ArticleAuthorInline, StudyInline, CitationInline, CorrectionInline]
    actions = ["publish_selected", "unpublish_selected", "feature_selected", "unfeature_selected"]
    history_latest_first = True
    change_list_template = "admin/articles/article/change_list.html"

    class Media:
        css = {"all": ["css/admin-editor.css"]}
        js = ["js/admin-editor.js"]

    object_history_template = "admin/articles/article/object_history.html"

    def get_fieldsets(self, request, obj=None):
        publishing = ["state", "published_at", "updated_at", "featured"]
        if services.can_publish(request.user) and not (obj and obj.went_live):
            publishing.append("schedule_for")
        if obj is not None:
            publishing.append("preview_links")
        return [
            (None, {"fields": ["title", "slug", "standfirst", "category", "work_type", "body"]}),
            ("Hero image", {"fields": ["hero", "hero_image_preview"]}),
            ("Publishing", {"fields": publishing}),
            ("Evidence and review", {"fields": ["evidence_stage", "reviewed_by", "last_reviewed"]}),
            (
                "Related and search",
                {"fields": ["tags", "series", "related_articles", "seo_title", "seo_description"]},
            ),
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = [*services.WORKFLOW_FIELDS, "state", "hero_image_preview", "preview_links"]
        if not services.can_publish(request.user):
            readonly += ["reviewed_by", "last_reviewed"]  # the medical review is the editors' call
        return readonly

    # Who sees and edits what.

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author"))
            )
            .annotate(pending_notices=pending_notices())
        )
        return services.articles_visible_to(request.user, queryset)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "related_articles":
            kwargs["queryset"] = services.articles_pinnable_by(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or services.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or services.can_publish(request.user)

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    def has_feature_permission(self, request):
        return services.can_feature(request.user)

    def view_on_site(self, article):
        return article.get_absolute_url() if article.state == State.LIVE else None

    # Columns and read-only fields.

    @admin.display(description="")
    def thumbnail(self, article):
        # The smallest rendition, not the original upload: a page lists dozens of stories.
        small = article.hero_rendition(160)
        src = small.url if small else (article.hero.file.url if article.hero_id else None)
        return render_to_string("admin/articles/article/thumbnail.html", {"src": src})

    @admin.display(description="story", ordering="title")
    def headline(self, article):
        context = {
            "article": article,
            "url": reverse("admin:articles_article_change", args=[article.pk]),
            "byline": self.byline(article),
        }
        return render_to_string("admin/articles/article/headline.html", context)

    @admin.display(description="status", ordering="status")
    def state_badge(self, article):
        return render_to_string("admin/articles/article/state_badge.html", {"state": article.state})

    @admin.display(description="status")
    def state(self, article):
        if article.state == State.SCHEDULED:
            return f"Scheduled for {self.goes_live(article)}"
        return article.state.label

    @admin.display(description="published / scheduled", ordering="published_at")
    def goes_live(self, article):
        if article.published_at is None:
            return "—"
        return date_format(timezone.localtime(article.published_at), "j M Y, H:i")

    @admin.display(description="authors")
    def byline(self, article):
        return ", ".join(byline.author.name for byline in article.bylines.all())

    @admin.display(description="preview")
    def hero_image_preview(self, article):
        return render_to_string(
            "admin/articles/article/hero_image_preview.html", {"article": article}
        )

    @admin.display(description="preview links")
    def preview_links(self, article):
        if article.pk is None:
            return ""
        context = {
            "preview_url": staff_preview_url(article),
            "share_url": settings.SITE_URL + shared_preview_url(article),
            "days": PREVIEW_LINK_LIFETIME.days,
        }
        return render_to_string("admin/articles/article/preview_links.html", context)

    # Saving: the form never sets workflow fields; the buttons run the services.

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if change:
            services.article_record_slug_change(article=obj, old_slug=form.initial.get("slug"))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        author = getattr(request.user, "author", None)
        if not change and author and not article.bylines.exists():
            ArticleAuthor.objects.create(article=article, author=author)
        token = "" if change else form.cleaned_data.get("autosave_token", "")
        autosave_discard(user=request.user, article=article if change else None, token=token)
        schedule_for = form.cleaned_data.get("schedule_for")
        if action := request.POST.get("_workflow"):
            self.run_workflow(request, article, action, schedule_for)
        elif schedule_for and article.state == State.DRAFT:
            when = date_format(timezone.localtime(schedule_for), "j M Y, H:i")
            messages.warning(
                request,
                f"Saved as a draft, not scheduled: press “Schedule” to publish it on {when}.",
            )

    def run_workflow(self, request, article, action, schedule_for=None):
        if action not in WORKFLOW_ACTIONS:
            messages.error(request, "Unknown workflow action.")
            return
        label, service, kwargs = WORKFLOW_ACTIONS[action]
        if action == "schedule":
            kwargs = {"at": schedule_for}
        try:
            service(article=article, user=request.user, **kwargs)
        except PermissionDenied:
            messages.error(request, f"“{label}”: you do not have permission to do that.")
            return
        except services.WorkflowError as error:
            for message in error.messages:
                messages.error(request, f"“{label}” did not happen: {message}")
            return
        # The version saved with this change names the step (see log_change).
        reversion.set_comment(f"{label}.")
        # Warnings left are shown once, by the page it returns to (“Worth checking”).
        messages.success(request, f"“{article}”: {article.state.label.lower()}.")

    def log_change(self, request, obj, message):
        step = reversion.get_comment() if reversion.is_active() else ""
        entry = super().log_change(request, obj, message)  # the comment becomes the change message
        if step:
            reversion.set_comment(f"{entry.get_change_message()} {step}".lstrip())
        return entry

    def response_change(self, request, obj):
        if "_workflow" in request.POST:
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if "_workflow" in request.POST:
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)

    def workflow_actions(self, request, article):
        available = services.article_actions_available(article=article, user=request.user)
        return [(name, WORKFLOW_ACTIONS[name][0]) for name in available]

    def add_view(self, request, form_url="", extra_context=None):
        story = Article(created_by=request.user)
        extra_context = (extra_context or {}) | {
            "workflow_actions": self.workflow_actions(request, story),
            "share_preview": article_share_preview(story),
        }
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        extra_context = extra_context or {}
        if article is not None:
            extra_context |= {
                "workflow_actions": self.workflow_actions(request, article),
                "prepublish_warnings": article_warnings(article),
                "prepublish_blockers": article_blockers(article),
                "preview_url": staff_preview_url(article),
                "went_live": article.went_live,
                "share_preview": article_share_preview(article),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        author = getattr(request.user, "author", None)
        if isinstance(inline, ArticleAuthorInline) and obj.pk is None and author is not None:
            kwargs["initial"] = [{"author": author.pk}]  # a writer's byline is their own
        return kwargs

    # Bulk actions: the same services, one story at a time, reporting what did not happen.

    def _bulk(self, request, queryset, verb, service, **kwargs):
        reversion.set_comment(f"{verb.capitalize()} with a bulk action.")
        done = 0
        for article in queryset.select_related("category", "reviewed_by"):
            try:
                service(article=article, user=request.user, **kwargs)
            except services.WorkflowError as error:
                messages.error(request, f"“{article}” was not {verb}: {' '.join(error.messages)}")
                continue
            done += 1
            if verb == "published":
                for warning in article_warnings(article):
                    messages.warning(request, f"“{article}”: {warning}")
        if done:
            messages.success(request, f"{done} {'story' if done == 1 else 'stories'} {verb}.")

    @admin.action(permissions=["publish"], description="Publish selected stories now")
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "published", services.article_publish)

    @admin.action(permissions=["publish"], description="Unpublish selected stories")
    def unpublish_selected(self, request, queryset):
        self._bulk(request, queryset, "unpublished", services.article_unpublish)

    @admin.action(permissions=["feature"], description="Feature selected stories")
    def feature_selected(self, request, queryset):
        self._bulk(request, queryset, "featured", services.article_feature, featured=True)

    @admin.action(permissions=["feature"], description="Stop featuring selected stories")
    def unfeature_selected(self, request, queryset):
        self._bulk(request, queryset, "unfeatured", services.article_feature, featured=False)

    def changelist_view(self, request, extra_context=None):
        extra_context = (extra_context or {}) | {"can_recover": services.can_publish(request.user)}
        return super().changelist_view(request, extra_context)


@admin.register(Page)
class PageAdmin(VersionAdmin):
    form = PageAdminForm
    list_display = ["title", "slug", "status", "role", "in_footer", "position", "modified_at"]
    list_editable = ["position"]
    list_filter = ["status", "in_footer", "role"]
    search_fields = ["title", "slug", "body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["preview_link"]
    history_latest_first = True

    def view_on_site(self, page):
        return page.get_absolute_url() if page.is_published else None

    @admin.display(description="preview")
    def preview_link(self, page):
        if page.pk is None:
            return "Save the page to preview it."
        url = reverse("articles:page_preview", args=[page.pk])
        return render_to_string("admin/articles/page/preview_link.html", {"preview_url": url})


class SiteLinkInline(admin.TabularInline):
    model = SiteLink
    extra = 0
    verbose_name = "link"
    verbose_name_plural = "navigation and footer links"


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One row: the list sends editors straight to it; until it is saved, the environment's."""

    inlines = [SiteLinkInline]
    formfield_overrides = {models.ImageField: {"form_class": CheckedImageField}}
    fieldsets = [
        (None, {"fields": ["name", "tagline", "description", "logo"]}),
        ("Newsletter", {"fields": ["sender_name", "sender_email", "newsletter_pitch"]}),
        ("Readers", {"fields": ["contact_email", "full_text_feeds"]}),
        (
            "Social accounts",
            {"fields": ["x_handle", *SOCIAL_URL_FIELDS]},
        ),
    ]

    def add_view(self, request, form_url="", extra_context=None):
        if SiteSettings.objects.exists():  # one row: adding again would overwrite it
            return HttpResponseRedirect(reverse("admin:articles_sitesettings_change", args=[1]))
        return super().add_view(request, form_url, extra_context)

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if SiteSettings.objects.exists():
            return HttpResponseRedirect(reverse("admin:articles_sitesettings_change", args=[1]))
        return HttpResponseRedirect(reverse("admin:articles_sitesettings_add"))

    def get_changeform_initial_data(self, request):
        defaults = SiteSettings.from_environment()
        fields = ["name", "description", "sender_name", "sender_email"]
        return {name: getattr(defaults, name) for name in fields}
