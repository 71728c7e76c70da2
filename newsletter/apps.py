from django.apps import AppConfig

from articles.roles import roles_declare
from newsletter.roles import ROLES


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Newsletter"

    def ready(self):
        from newsletter import checks, receivers  # noqa: F401

        roles_declare(ROLES)  # articles' roles_sync creates the group after every migrate
