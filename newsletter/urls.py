from django.conf import settings
from django.urls import path
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override

from articles.cache import public_page
from newsletter import archive, views

app_name = "newsletter"

# An email as mail programs show it: its own inline styles and the site's images, never a script.
EMAIL_PREVIEW_CSP = {
    "default-src": [CSP.NONE],
    "style-src": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, settings.SITE_URL],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}

urlpatterns = [
    path("", views.NewsletterView.as_view(), name="index"),
    path("subscribe/", views.SubscribeView.as_view(), name="subscribe"),
    path("form-token/", views.form_token_view, name="form_token"),
    path("confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
    path("preferences/<str:token>/", views.PreferencesView.as_view(), name="preferences"),
    path("new-link/", views.NewLinkView.as_view(), name="new_link"),
    path("archive/", public_page(archive.EditionArchiveView.as_view()), name="archive"),
    path("archive/<int:pk>/", public_page(archive.EditionView.as_view()), name="edition"),
    path("archive/feed/", public_page(archive.EditionFeed()), name="feed"),
    path(
        "editions/<int:pk>/preview/",
        csp_override(EMAIL_PREVIEW_CSP)(views.EditionPreviewView.as_view()),
        name="edition_preview",
    ),
]
