"""Admin search in which the exact name comes first: "Science" + Enter picks Science."""

from django.db.models import Case, IntegerField, Value, When


def exact_first(queryset, field, term, then=()):
    """`queryset` with `field` equal to `term` first, then starting with it, then the rest."""
    term = term.strip()
    if not term:
        return queryset
    closeness = Case(
        When(**{f"{field}__iexact": term}, then=Value(0)),
        When(**{f"{field}__istartswith": term}, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    ordering = then or queryset.query.order_by or queryset.model._meta.ordering or ["pk"]
    return queryset.alias(closeness=closeness).order_by("closeness", *ordering)


class ExactFirstSearchMixin:
    """For a ModelAdmin: its autocomplete lists the exact (case-insensitive) match first."""

    exact_match_field = "name"

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return exact_first(queryset, self.exact_match_field, search_term), may_have_duplicates
