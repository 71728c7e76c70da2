from django.apps import AppConfig

from articles.roles import roles_declare
from newsletter.roles import ROLES


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Newsletter"

    def ready(self):
        from django.db.models.signals import post_save

        from articles.cache import content_changed
        from newsletter import checks, receivers  # noqa: F401
        from newsletter.models import Edition

        roles_declare(ROLES)  # articles' roles_sync creates the group after every migrate
        # A sent edition appears in the public archive at once.
        post_save.connect(content_changed, sender=Edition, dispatch_uid="page-cache-edition")
