"""Revisions of a story: the history with a compare view, and restores that keep the workflow."""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from reversion.models import Version

from articles import services
from articles.models import Article, ArticleAuthor, Citation, TaggedArticle

# An old version brings back its words, not its place in the workflow (services.WORKFLOW_FIELDS):
# revision_view hands the story as it stands, under this name, to changeform_view.
STORY_BEFORE_RESTORE = "story_before_restore"
RESTORED_TABLES = [
    model._meta.db_table for model in (Article, ArticleAuthor, Citation, TaggedArticle)
]


class RevisionsMixin:
    """For a reversion VersionAdmin of Article."""

    def get_urls(self):
        compare = self.admin_site.admin_view(self.compare_view)
        return [
            path(
                "<path:object_id>/history/compare/",
                compare,
                name="articles_article_compare",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        versions = Version.objects.get_for_object_reference(Article, unquote(object_id))
        versions = versions.select_related("revision__user").order_by("-pk")
        extra_context = (extra_context or {}) | {"versions": versions}
        return super().history_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article = self.get_object(request, unquote(object_id))
        allowed = (
            self.has_change_permission
            if request.method == "POST"
            else self.has_view_or_change_permission
        )
        if article is None or not allowed(request, article):
            raise PermissionDenied
        extra_context = (extra_context or {}) | {STORY_BEFORE_RESTORE: article}
        try:
            with transaction.atomic():
                response = super().revision_view(request, object_id, version_id, extra_context)
                if request.method == "POST" and response.status_code == 302:
                    restored = Article.objects.get(pk=article.pk)
                    services.article_record_slug_change(article=restored, old_slug=article.slug)
                # An old version can name an author, source or tag deleted since; the database
                # would only refuse the dangling rows at commit, with a server error.
                connection.check_constraints(table_names=RESTORED_TABLES)
        except IntegrityError:
            messages.error(
                request,
                "This version cannot be restored: an author, source or tag it names has since "
                "been deleted. Restore a newer version, or edit the story instead.",
            )
            return HttpResponseRedirect(
                reverse("admin:articles_article_history", args=[quote(article.pk)])
            )
        return response

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if before := (extra_context or {}).get(STORY_BEFORE_RESTORE):
            # django-reversion has just written back every field of the old version: put the
            # workflow's back as they are, before the form shows the story and saves it.
            workflow = {field: getattr(before, field) for field in services.WORKFLOW_FIELDS}
            Article.objects.filter(pk=before.pk).update(**workflow)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not services.can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not services.can_publish(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def compare_view(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        try:
            pks = int(request.GET["from"]), int(request.GET["to"])
        except (KeyError, ValueError):
            raise Http404("Pick two versions to compare.") from None
        versions = Version.objects.get_for_object(article).select_related("revision__user")
        older, newer = (get_object_or_404(versions, pk=pk) for pk in pks)
        if older.pk > newer.pk:
            older, newer = newer, older
        before, after = older.field_dict, newer.field_dict
        rows = [
            (Article._meta.get_field(name).verbose_name, before.get(name), after.get(name))
            for name in after
            if before.get(name) != after.get(name) and name not in {"modified_at"}
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": Article._meta,
            "original": article,
            "title": f"Compare versions of “{article}”",
            "older": older,
            "newer": newer,
            "rows": rows,
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)
