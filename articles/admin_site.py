"""
The admin as the editors' home: the publication's name in the header, and only what editors
work with in the sidebar. The framework's own tables stay reachable for superusers.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

from articles.branding import publication

# Apps and models that keep the site running rather than make it: shown to superusers only.
TECHNICAL_APPS = {"auth", "taggit", "django_tasks_db", "reversion"}
TECHNICAL_MODELS = {"articles.slugredirect"}
# The order editors meet the articles' models in, most used first; others follow by name.
EDITORIAL_ORDER = ["article", "image", "author", "source", "category", "series"]


class NewsroomAdminSite(admin.AdminSite):
    index_title = "Newsroom"

    def each_context(self, request):
        name = publication()["name"]
        self.site_header, self.site_title = name, f"{name} newsroom"
        return super().each_context(request) | {"publication": publication()}

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        if request.user.is_superuser:
            return apps
        editorial = []
        for app in apps:
            if app["app_label"] in TECHNICAL_APPS:
                continue
            app["models"] = [
                model
                for model in app["models"]
                if f"{app['app_label']}.{model['object_name'].lower()}" not in TECHNICAL_MODELS
            ]
            if app["app_label"] == "articles":
                app["models"].sort(key=_editorial_position)
            if app["models"]:
                editorial.append(app)
        return editorial


def _editorial_position(model):
    name = model["object_name"].lower()
    return (EDITORIAL_ORDER.index(name) if name in EDITORIAL_ORDER else len(EDITORIAL_ORDER), name)


class NewsroomAdminConfig(AdminConfig):
    default_site = "articles.admin_site.NewsroomAdminSite"
