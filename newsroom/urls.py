from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.cache import patch_cache_control
from django.views.static import serve


def serve_media(request, path):
    # MEDIA_ROOT is read per request, not frozen when the URLconf is first imported.
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    # Uploads and renditions never change under one name (storage picks a new one), so browsers
    # and CDNs may keep them for good.
    patch_cache_control(response, public=True, max_age=settings.MEDIA_MAX_AGE, immutable=True)
    return response


urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("newsletter/", include("newsletter.urls")),
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns.insert(
        0,
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve_media),
    )

# Email-service webhooks (bounces, complaints) only with a secret: unauthenticated ones would let
# anyone stop mail to any address.
if settings.ANYMAIL.get("WEBHOOK_SECRET"):
    urlpatterns.append(path("anymail/", include("anymail.urls")))
