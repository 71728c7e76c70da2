from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db import OperationalError, transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from newsletter import subscribers
from newsletter.archive import sent_editions
from newsletter.conf import setting
from newsletter.emails import EditionRenderer
from newsletter.forms import (
    CONSENT_HEADING,
    CONSENT_TEXT,
    NewLinkForm,
    PauseForm,
    PreferencesForm,
    SignupForm,
)
from newsletter.models import Edition, Subscriber
from newsletter.protection import CROSS_SITE, origin_problem, rate_limited
from newsletter.tokens import (
    TokenError,
    form_token,
    form_token_age,
    manage_token,
    subscriber_from_confirm_token,
    subscriber_from_manage_token,
)

DONE = (
    "Thank you! Please check your inbox: we have sent you a link to confirm your subscription. "
    "If it has not arrived in a few minutes, look in your spam folder."
)
PRESS_AGAIN = "One more step: please press the button again to confirm you want our newsletter."
TOO_MANY = "Too many attempts from here. Please wait an hour and try again."
BUSY = "We are very busy this moment and could not take that. Please try again in a minute."
REFUSED = "This form can only be sent from our own pages. Please use the newsletter page."


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _answer(request, *, message, status=200, template="newsletter/message.html", **extra):
    if _wants_json(request):
        return JsonResponse(
            {"ok": status == 200 and not extra, "message": message, **extra}, status=status
        )
    return render(request, template, {"message": message}, status=status)


def _enqueue(task, **kwargs):
    """Queues `task`; False when the database would not take the write in time."""
    try:
        with transaction.atomic():
            task.enqueue(**kwargs)
    except OperationalError:  # SQLite: another writer held the lock past the busy timeout
        return False
    return True


def _busy(request):
    """Nothing was stored: the person is asked to send the form again shortly."""
    response = _answer(request, message=BUSY, status=503, retry=True)
    response["Retry-After"] = "30"
    return response


def _fresh_form(data=None):
    """A form for an uncached page, with a timing token that starts now."""
    initial = {"form_token": form_token(), "source": "/newsletter/", "frequency": "daily"}
    if data:
        initial |= {key: data[key] for key in ("email", "categories", "frequency", "source")}
    return SignupForm(initial=initial)


def _page(request, form, *, message="", status=200):
    context = {"form": form, "message": message, "recent_editions": sent_editions()[:3]}
    return render(request, "newsletter/newsletter_page.html", context, status=status)


def _signup(request, form):
    """The one signup flow behind the box and the newsletter page."""
    if not form.is_valid():
        if _wants_json(request):
            errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
            return JsonResponse({"ok": False, "errors": errors}, status=400)
        form.data = form.data.copy()
        form.data["form_token"] = form_token()
        return _page(request, form, status=400)
    data = form.cleaned_data
    if data["website"]:
        return _answer(request, message=DONE)  # a bot: let it believe it worked
    age = form_token_age(data["form_token"])
    if age is None or age < setting("NEWSLETTER_MIN_FILL_SECONDS"):
        if _wants_json(request):
            return JsonResponse({"ok": False, "retry": True, "message": PRESS_AGAIN})
        return _page(request, _fresh_form(data), message=PRESS_AGAIN)
    if rate_limited(request, data["email"]):
        return _answer(request, message=TOO_MANY, status=429)
    queued = _enqueue(
        subscribers.signup,
        email=data["email"],
        category_ids=[category.pk for category in data["categories"]],
        frequency=data["frequency"] or None,
        source=data["source"] or request.path,
        consent_text=f"{CONSENT_HEADING}. {CONSENT_TEXT}",
        asked_at=timezone.now().isoformat(),
    )
    return _answer(request, message=DONE) if queued else _busy(request)


@method_decorator(never_cache, name="dispatch")
class NewsletterView(View):
    """The newsletter page: uncached, so its form carries Django's CSRF token."""

    def get(self, request):
        return _page(request, _fresh_form())

    def post(self, request):
        return _signup(request, SignupForm(request.POST))


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class SubscribeView(View):
    """The box's endpoint: cached pages carry no CSRF token, see newsletter/protection.py."""

    http_method_names = ["get", "post"]

    def get(self, request):
        return redirect("newsletter:index")

    def post(self, request):
        problem = origin_problem(request)
        if problem == CROSS_SITE:
            return _answer(request, message=REFUSED, status=403)
        form = SignupForm(request.POST)
        if problem and form.is_valid():
            # No Origin or Referer at all: a second, CSRF-protected step decides.
            return _page(request, _fresh_form(form.cleaned_data), message=PRESS_AGAIN)
        return _signup(request, form)


@require_safe
@never_cache
def form_token_view(request):
    return JsonResponse({"token": form_token()})


def _link_problem(request, error):
    return render(
        request,
        "newsletter/link_problem.html",
        {"expired": error.expired, "form": NewLinkForm()},
        status=400,
    )


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    def get(self, request, token):
        try:
            subscriber = subscriber_from_confirm_token(token)
        except TokenError as error:
            return _link_problem(request, error)
        if not subscribers.subscriber_confirm(subscriber=subscriber):
            return _link_problem(request, TokenError(expired=False))
        # Only the subscriber holds the confirmation link: the welcome page may carry their own.
        preferences = reverse("newsletter:preferences", kwargs={"token": manage_token(subscriber)})
        context = {"subscriber": subscriber, "preferences_url": preferences}
        return render(request, "newsletter/welcome.html", context)


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class UnsubscribeView(View):
    """
    GET asks (link scanners follow links); POST unsubscribes at once and answers 200: mail
    programs POST `List-Unsubscribe=One-Click` here (RFC 8058), so no CSRF token can exist. The
    signed token in the URL is the authority.
    """

    def dispatch(self, request, token):
        try:
            self.subscriber = subscriber_from_manage_token(token, for_unsubscribe=True)
        except TokenError as error:
            return _link_problem(request, error)
        return super().dispatch(request, token)

    def get(self, request, token):
        return render(
            request, "newsletter/unsubscribe.html", {"subscriber": self.subscriber, "token": token}
        )

    def post(self, request, token):
        subscribers.subscriber_unsubscribe(subscriber=self.subscriber)
        return render(request, "newsletter/unsubscribed.html", {"subscriber": self.subscriber})


@method_decorator(never_cache, name="dispatch")
class PreferencesView(View):
    def dispatch(self, request, token):
        try:
            self.subscriber = subscriber_from_manage_token(token)
        except TokenError as error:
            return _link_problem(request, error)
        return super().dispatch(request, token)

    def render(self, form=None, pause_form=None, message="", status=200):
        context = {
            "subscriber": self.subscriber,
            "token": self.kwargs["token"],
            "form": form or PreferencesForm(instance=self.subscriber),
            "pause_form": pause_form or PauseForm(),
            "message": message,
        }
        return render(self.request, "newsletter/preferences.html", context, status=status)

    def get(self, request, token):
        return self.render()

    def post(self, request, token):
        action = request.POST.get("action")
        if action == "weekly":
            subscribers.subscriber_update(
                subscriber=self.subscriber, frequency=Subscriber.Frequency.WEEKLY
            )
            return self.render(message="Done: from now on you get one digest a week.")
        if action == "pause":
            pause_form = PauseForm(request.POST)
            if not pause_form.is_valid():
                return self.render(pause_form=pause_form, status=400)
            days = pause_form.cleaned_data["days"]
            subscribers.subscriber_update(subscriber=self.subscriber, pause_days=days)
            return self.render(message="Paused." if days else "Welcome back: emails resume.")
        form = PreferencesForm(request.POST, instance=self.subscriber)
        if not form.is_valid():
            return self.render(form=form, status=400)
        subscribers.subscriber_update(
            subscriber=self.subscriber,
            categories=form.cleaned_data["categories"],
            frequency=form.cleaned_data["frequency"],
        )
        return self.render(message="Your choices are saved.")


@method_decorator(never_cache, name="dispatch")
class NewLinkView(View):
    """Mails a fresh link: the way forward from an expired or broken one."""

    def get(self, request):
        return render(request, "newsletter/new_link.html", {"form": NewLinkForm()})

    def post(self, request):
        form = NewLinkForm(request.POST)
        if not form.is_valid():
            return render(request, "newsletter/new_link.html", {"form": form}, status=400)
        if rate_limited(request, form.cleaned_data["email"]):
            return _answer(request, message=TOO_MANY, status=429)
        if not _enqueue(subscribers.send_link, email=form.cleaned_data["email"]):
            return _busy(request)
        return _answer(
            request,
            message="If that address is on our list, a new link is on its way to it now.",
        )


@method_decorator(never_cache, name="dispatch")
class EditionPreviewView(PermissionRequiredMixin, View):
    permission_required = "newsletter.view_edition"
    login_url = "admin:login"

    def get(self, request, pk):
        edition = get_object_or_404(Edition, pk=pk)
        stories = list(edition.stories())
        message = EditionRenderer(edition, stories).message(
            subscriber=Subscriber(email=request.user.email or "preview@example.com"),
            stories=stories,
        )
        return HttpResponse(message.alternatives[0].content)
