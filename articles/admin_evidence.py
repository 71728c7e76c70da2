"""
The admin's evidence tools: the studies a story reports, their lookup by DOI or PMID, and the
notices the retraction watch found.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import path, reverse_lazy

from articles import retractions, scholarly
from articles.models import Study, StudyNotice
from articles.services import can_publish

LOOKUP_URL = reverse_lazy("admin:articles_study_lookup")


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

    class Media:
        js = ["js/study_lookup.js"]
        css = {"all": ["css/admin_evidence.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "authors":
            field.widget.attrs["rows"] = 2
        if db_field.name in {"doi", "pmid"}:
            field.widget.attrs |= {"data-study-lookup": LOOKUP_URL, "data-lookup-by": db_field.name}
        return field


@admin.register(Study)
class StudyAdmin(admin.ModelAdmin):
    """Every study cited, to find one by DOI; studies are edited on their story's form."""

    list_display = ["__str__", "journal", "published", "doi", "design", "article"]
    list_filter = ["design", "is_preprint"]
    search_fields = ["title", "doi", "pmid", "journal", "article__title"]
    autocomplete_fields = ["article"]
    list_select_related = ["article"]

    def get_urls(self):
        lookup = path(
            "lookup/", self.admin_site.admin_view(self.lookup_view), name="articles_study_lookup"
        )
        return [lookup, *super().get_urls()]

    def lookup_view(self, request):
        """The study's title, journal, date and authors from Crossref (DOI) or PubMed (PMID)."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        doi, pmid = request.GET.get("doi", "").strip(), request.GET.get("pmid", "").strip()
        if not (doi or pmid):
            return JsonResponse({"error": "Paste a DOI or a PubMed ID first."}, status=400)
        try:
            fields = scholarly.doi_lookup(doi) if doi else scholarly.pmid_lookup(pmid)
        except scholarly.MetadataError as error:
            return JsonResponse({"error": error.message}, status=error.status)
        source = "Crossref" if doi else "PubMed"
        return JsonResponse({"fields": fields, "message": f"Filled in from {source}: check it."})


class StudyNoticeFilter(admin.SimpleListFilter):
    """The story list's "study notice" filter: stories the retraction watch flagged."""

    title = "study notice"
    parameter_name = "study_notice"

    def lookups(self, request, model_admin):
        return [("pending", "To check"), ("confirmed", "Confirmed")]

    def queryset(self, request, queryset):
        if self.value() in {"pending", "confirmed"}:
            return queryset.filter(studies__notices__status=self.value()).distinct()
        return queryset


def pending_notices():
    """For ArticleAdmin.get_queryset: how many study notices of each story wait for an editor."""
    pending = StudyNotice.objects.filter(
        study__article=OuterRef("pk"), status=StudyNotice.Status.PENDING
    )
    return Coalesce(
        Subquery(pending.values("study__article").annotate(n=Count("pk")).values("n")), 0
    )


@admin.display(description="study notice", ordering="pending_notices")
def study_notice_flag(article):
    count = getattr(article, "pending_notices", 0)
    if not count:
        return ""
    return render_to_string("admin/articles/article/study_notice_flag.html", {"count": count})


@admin.register(StudyNotice)
class StudyNoticeAdmin(admin.ModelAdmin):
    """What the retraction watch found: an editor confirms (readers are told) or dismisses."""

    list_display = ["study", "kind", "notice_date", "story", "status", "found_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["study__article"]
    search_fields = ["study__doi", "notice_doi", "study__article__title"]
    readonly_fields = [
        "study", "story", "kind", "notice_link", "notice_date", "reported_by", "status",
        "found_at", "decided_by", "decided_at", "correction", "reader_text",
    ]  # fmt: skip
    fields = readonly_fields
    actions = ["confirm_selected", "dismiss_selected"]

    def has_add_permission(self, request):
        return False  # the watch finds notices; editors decide about them

    def has_publish_permission(self, request):
        return can_publish(request.user)

    @admin.display(description="story")
    def story(self, notice):
        return render_to_string(
            "admin/articles/studynotice/story_link.html", {"article": notice.study.article}
        )

    @admin.display(description="notice")
    def notice_link(self, notice):
        return render_to_string("admin/articles/studynotice/notice_link.html", {"notice": notice})

    @admin.display(description="readers will see")
    def reader_text(self, notice):
        return notice.reader_text

    @admin.action(permissions=["publish"], description="Confirm: add the correction readers see")
    def confirm_selected(self, request, queryset):
        for notice in queryset:
            retractions.notice_confirm(notice=notice, user=request.user)
        messages.success(request, f"{len(queryset)} notice(s) confirmed: readers see a correction.")

    @admin.action(permissions=["publish"], description="Dismiss: not about this study")
    def dismiss_selected(self, request, queryset):
        for notice in queryset:
            retractions.notice_dismiss(notice=notice, user=request.user)
        messages.success(request, f"{len(queryset)} notice(s) dismissed.")
