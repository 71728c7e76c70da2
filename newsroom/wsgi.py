import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

django_application = get_wsgi_application()

from articles.cache import PageCacheApplication  # noqa: E402 (needs the apps loaded above)

# Page cache hits are answered in front of Django (articles/cache.py).
application = PageCacheApplication(django_application)
