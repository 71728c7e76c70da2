"""
The admin site: Django's, with a "view on site" shortcut that asks the model's admin first, and
every ModelAdmin given the input checks of newsroom.admin_inputs.

Django's own shortcut (`admin/r/<content type>/<id>/`) redirects any staff member to any object's
`get_absolute_url()`, which would tell a writer another writer's draft headline, or hand out a
link meant for one person.
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponseRedirect
from django.urls import path

from newsroom.admin_inputs import with_checks


class NewsroomAdminSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        super().register(model_or_iterable, with_checks(admin_class or admin.ModelAdmin), **options)

    def get_urls(self):
        urls = [
            path(
                "r/<int:content_type_id>/<path:object_id>/",
                self.admin_view(self.view_on_site),
                name="view_on_site",
            )
        ]
        # Ours first, so that it answers before Django's route of the same name and address.
        return urls + super().get_urls()

    def view_on_site(self, request, content_type_id, object_id):
        """Redirect to the object's page only for someone its admin would show it to."""
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            model = None
        model_admin = self._registry.get(model)
        obj = model_admin and model_admin.get_object(request, object_id)
        if obj is None or not model_admin.has_view_or_change_permission(request, obj):
            raise Http404("No such page.")
        if not (url := self._public_url(model_admin, obj)):
            raise Http404("This has no page on the site.")
        return HttpResponseRedirect(url)

    @staticmethod
    def _public_url(model_admin, obj):
        # The ModelAdmin's `view_on_site`: False, True (the object's get_absolute_url), or a
        # function of the object that may return None (a story that is not live yet).
        if not model_admin.view_on_site:
            return None
        if callable(model_admin.view_on_site):
            return model_admin.view_on_site(obj)
        return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None
