"""The story admin's own pages and endpoints: the content calendar, tag suggestions."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.formats import date_format
from taggit.models import Tag

from articles.admin_search import exact_first
from articles.calendar import WEEK, stories_calendar

TAG_SUGGESTIONS = 10


class EditorialViewsMixin:
    """For the Article ModelAdmin: extra views, each behind its permission check."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("tags/", view(self.tag_suggestions_view), name="articles_article_tags"),
            path("calendar/", view(self.calendar_view), name="articles_article_calendar"),
            *super().get_urls(),
        ]

    def tag_suggestions_view(self, request):
        """The tags whose name contains `q`, the exact match first: for the tag field's list."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        term = request.GET.get("q", "").strip()[:100]
        tags = exact_first(Tag.objects.filter(name__icontains=term), "name", term, then=["name"])
        return JsonResponse({"tags": [tag.name for tag in tags[:TAG_SUGGESTIONS]] if term else []})

    def calendar_view(self, request):
        """Scheduled and published stories by day, a week or a month at a time."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        shown = stories_calendar(
            user=request.user, view=request.GET.get("view"), on=request.GET.get("date")
        )
        if shown.view == WEEK:
            title = f"Week of {date_format(shown.start, 'j F Y')}"
        else:
            title = date_format(shown.start, "F Y")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Content calendar: {title}",
            "period": title,
            "calendar": shown,
            "weekdays": [date_format(day.date, "D") for day in shown.weeks[0]],
        }
        return TemplateResponse(request, "admin/articles/article/calendar.html", context)
