from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Newsletter"

    def ready(self):
        from articles.roles import roles_declare
        from newsletter import checks, receivers  # noqa: F401
        from newsletter.roles import ROLES

        roles_declare(ROLES)  # articles' roles_sync creates the group after every migrate
