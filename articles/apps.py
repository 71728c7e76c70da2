from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from taggit.models import Tag

        from articles import cache, site  # noqa: F401  Connect their signals.
        from articles.roles import ROLES, roles_declare, roles_sync_after_migrate
        from articles.sanitize import strip_control_characters_from_tag
        from articles.search import sqlite_index_repair
        from articles.tag_dates import tag_dates_repair

        roles_declare(ROLES)
        # No sender: permissions of apps migrated after this one (newsletter) exist only later.
        post_migrate.connect(roles_sync_after_migrate, dispatch_uid="articles_roles_sync")
        post_migrate.connect(sqlite_index_repair, dispatch_uid="articles_search_repair")
        post_migrate.connect(tag_dates_repair, dispatch_uid="articles_tag_dates_repair")
        pre_save.connect(strip_control_characters_from_tag, sender=Tag, dispatch_uid="tag_names")
