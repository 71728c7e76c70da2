"""
The story admin's own pages and endpoints: the content calendar, tag suggestions, and the
autosave and presence pings of the story form (static/js/autosave.js).
"""

import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.formats import date_format
from django.views.decorators.http import require_POST
from taggit.models import Tag

from articles import autosave
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
            path("autosave/", view(self.autosave_view), name="articles_article_autosave"),
            path(
                "<int:pk>/presence/",
                view(require_POST(self.presence_view)),
                name="articles_article_presence",
            ),
            *super().get_urls(),
        ]

    def tag_suggestions_view(self, request):
        """The tags whose name contains `q`, the exact match first: for the tag field's list."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        term = request.GET.get("q", "").replace("\x00", "").strip()[:100]  # PostgreSQL refuses NUL
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

    def _story(self, request, pk):
        """The story `pk` as `request.user` may see it (404 otherwise), or None for a new one."""
        if pk in (None, ""):
            return None
        try:
            pk = int(pk)
        except (TypeError, ValueError):
            raise Http404 from None
        return get_object_or_404(self.get_queryset(request), pk=pk)

    def autosave_view(self, request):
        """POST keeps the user's copy of the form; GET returns it, if newer than the story."""
        source = request.POST if request.method == "POST" else request.GET
        article = self._story(request, source.get("article"))
        try:
            if request.method == "POST" and request.POST.get("discard"):
                token = request.POST.get("token", "")[:64]
                autosave.autosave_discard(user=request.user, article=article, token=token)
                return JsonResponse({"copy": None})
            if request.method == "POST":
                data = json.loads(request.POST.get("data", "{}"))
                token = request.POST.get("token", "")[:64]
                copy = autosave.autosave_store(
                    user=request.user, article=article, token=token, data=data
                )
                return JsonResponse({"saved_at": copy.saved_at.isoformat()})
            copy = autosave.autosave_latest(user=request.user, article=article)
        except (ValidationError, json.JSONDecodeError) as error:
            return JsonResponse({"error": " ".join(getattr(error, "messages", []))}, status=400)
        if copy is None:
            return JsonResponse({"copy": None})
        saved = {"saved_at": copy.saved_at.isoformat(), "data": copy.data, "token": copy.token}
        return JsonResponse({"copy": saved})

    def presence_view(self, request, pk):
        article = self._story(request, pk)
        if article is None:
            raise Http404
        others = autosave.presence_ping(user=request.user, article=article)
        return JsonResponse({"others": others})
