"""The admin's evidence tools: the studies a story reports, and their lookup by DOI or PMID."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse_lazy

from articles import scholarly
from articles.models import Study

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
