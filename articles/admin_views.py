"""The story admin's own pages and endpoints: tag suggestions."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path
from taggit.models import Tag

from articles.admin_search import exact_first

TAG_SUGGESTIONS = 10


class EditorialViewsMixin:
    """For the Article ModelAdmin: extra views, each behind its permission check."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("tags/", view(self.tag_suggestions_view), name="articles_article_tags"),
            *super().get_urls(),
        ]

    def tag_suggestions_view(self, request):
        """The tags whose name contains `q`, the exact match first: for the tag field's list."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        term = request.GET.get("q", "").strip()[:100]
        tags = exact_first(Tag.objects.filter(name__icontains=term), "name", term, then=["name"])
        return JsonResponse({"tags": [tag.name for tag in tags[:TAG_SUGGESTIONS]] if term else []})
