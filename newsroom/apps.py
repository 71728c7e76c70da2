from django.contrib.admin import apps as admin_apps


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the newsroom's site (newsroom.admin); not the `newsroom` app's config."""

    default = False
    default_site = "newsroom.admin.NewsroomAdminSite"
