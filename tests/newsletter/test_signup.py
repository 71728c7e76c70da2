import time
from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.db import connection
from django.tasks import default_task_backend
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.site import site_chrome
from newsletter.forms import CONSENT_HEADING, CONSENT_TEXT
from newsletter.models import Subscriber
from newsletter.tokens import FORM_SALT, form_token_age
from tests.factories import ArticleFactory, CategoryFactory
from tests.newsletter.conftest import IMMEDIATE
from tests.newsletter.factories import SubscriberFactory

DUMMY = "django.tasks.backends.dummy.DummyBackend"

pytestmark = pytest.mark.django_db

SUBSCRIBE = reverse("newsletter:subscribe")
SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}
CHECK_INBOX = "Please check your inbox"


def box(html):
    start = html.index('<section class="newsletter-box"')
    return html[start : html.index("</section>", start)]


@pytest.fixture
def signup(committed):
    def post(client, email, token, **extra):
        data = {"email": email, "form_token": token, "source": "/some-story/", "website": ""}
        with committed():
            return client.post(
                SUBSCRIBE, {**data, **extra.pop("data", {})}, **{**SAME_SITE, **extra}
            )

    return post


@pytest.mark.parametrize("page", ["home", "article"])
def test_the_box_is_on_home_and_article_pages_with_nothing_per_visitor(client, page):
    article = ArticleFactory()
    url = reverse("articles:home") if page == "home" else article.get_absolute_url()
    first = box(client.get(url).content.decode())
    second = box(Client().get(url).content.decode())
    assert first == second
    assert "💌" in first and CONSENT_HEADING in first and CONSENT_TEXT in first
    assert 'type="email"' in first and "Subscribe</button>" in first
    assert "csrfmiddlewaretoken" not in first
    assert 'name="form_token" value=""' in first
    assert f'action="{SUBSCRIBE}"' in first
    assert 'name="categories"' not in first


def test_newsletter_page_offers_categories_and_a_protected_form(client):
    CategoryFactory(name="Health", slug="health")
    response = client.get(reverse("newsletter:index"))
    html = response.content.decode()
    assert "csrfmiddlewaretoken" in html
    assert 'name="categories"' in html and "Health" in html
    assert "no-cache" in response["Cache-Control"]


def test_signup_sends_a_confirmation_and_records_consent(signup, client, mailoutbox, aged_token):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        response = signup(client, "  Reader@Example.COM ", aged_token)
        asked_at = timezone.now()
        traveller.shift(1)
    assert CHECK_INBOX in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Reader@example.com"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_at == asked_at
    assert subscriber.consent_source == "/some-story/"
    assert CONSENT_TEXT in subscriber.consent_text
    (message,) = mailoutbox
    assert message.to == ["Reader@example.com"]
    assert "https://news.example.org/newsletter/confirm/" in message.body
    assert "https://news.example.org/newsletter/confirm/" in message.alternatives[0].content


def test_the_answer_is_the_same_for_new_pending_and_subscribed(signup, client, aged_token):
    SubscriberFactory(email="old@example.com")
    SubscriberFactory(email="waiting@example.com", status=Subscriber.Status.PENDING)
    answers = {
        signup(client, email, aged_token).content
        for email in ["new@example.com", "waiting@example.com", "old@example.com"]
    }
    assert len(answers) == 1


def test_the_work_done_while_answering_is_the_same_for_every_address(
    signup, client, aged_token, settings
):
    settings.TASKS = {**IMMEDIATE, "default": {**IMMEDIATE["default"], "BACKEND": DUMMY}}
    SubscriberFactory(email="old@example.com")
    SubscriberFactory(email="waiting@example.com", status=Subscriber.Status.PENDING)
    site_chrome()  # The site's header and footer are cached once for every visitor.
    work = []
    for email in ["new@example.com", "waiting@example.com", "old@example.com"]:
        with CaptureQueriesContext(connection) as queries:
            signup(client, email, aged_token)
        work.append(len(queries))
    assert work[0] == work[1] == work[2]
    assert not Subscriber.objects.filter(email="new@example.com").exists()  # not yet: a task
    assert [result.kwargs["email"] for result in default_task_backend.results] == [
        "new@example.com",
        "waiting@example.com",
        "old@example.com",
    ]


def test_consent_time_is_when_the_person_asked_not_when_the_worker_ran(
    signup, client, aged_token, settings
):
    settings.TASKS = {**IMMEDIATE, "default": {**IMMEDIATE["default"], "BACKEND": DUMMY}}
    asked_at = timezone.now()
    with time_machine.travel(asked_at, tick=False):
        signup(client, "me@example.com", aged_token)
    (queued,) = default_task_backend.results
    with time_machine.travel(asked_at + timedelta(hours=2)):
        queued.task.call(*queued.args, **queued.kwargs)
    assert Subscriber.objects.get().consent_at == asked_at


def test_a_pending_address_gets_a_new_confirmation_at_most_every_few_minutes(
    signup, client, mailoutbox, aged_token
):
    signup(client, "slow@example.com", aged_token)
    signup(client, "slow@example.com", aged_token)
    assert len(mailoutbox) == 1
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        fresh = signing.dumps(time.time() - 10, salt=FORM_SALT)
        signup(client, "slow@example.com", fresh)
    assert len(mailoutbox) == 2


def test_subscribed_and_bounced_addresses_are_not_mailed_again(
    signup, client, mailoutbox, aged_token
):
    SubscriberFactory(email="happy@example.com")
    SubscriberFactory(email="gone@example.com", status=Subscriber.Status.BOUNCED)
    signup(client, "happy@example.com", aged_token)
    signup(client, "gone@example.com", aged_token)
    assert mailoutbox == []


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example.net"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example.net/page"},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
)
def test_cross_site_posts_are_refused(client, mailoutbox, aged_token, headers):
    response = client.post(
        SUBSCRIBE, {"email": "victim@example.com", "form_token": aged_token}, **headers
    )
    assert response.status_code == 403
    assert not Subscriber.objects.exists() and mailoutbox == []


def test_same_site_referer_is_enough_without_origin(client, aged_token):
    response = client.post(
        SUBSCRIBE,
        {"email": "ref@example.com", "form_token": aged_token},
        HTTP_REFERER="http://testserver/story/",
    )
    assert CHECK_INBOX in response.content.decode()
    assert Subscriber.objects.filter(email="ref@example.com").exists()


def test_the_site_url_origin_is_accepted(signup, client, aged_token):
    response = signup(client, "a@example.com", aged_token, HTTP_ORIGIN="https://news.example.org")
    assert CHECK_INBOX in response.content.decode()


def test_without_origin_or_referer_a_csrf_protected_second_step_decides(aged_token):
    client = Client(enforce_csrf_checks=True)
    response = client.post(SUBSCRIBE, {"email": "bare@example.com", "form_token": aged_token})
    assert "press the button again" in response.content.decode()
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_without_javascript_a_second_press_subscribes(mailoutbox, committed):
    """The cached box has no timing token: the person is asked to press once more."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(SUBSCRIBE, {"email": "nojs@example.com"}, **SAME_SITE)
    html = response.content.decode()
    assert response.status_code == 200
    assert "press the button again" in html and 'value="nojs@example.com"' in html
    assert not Subscriber.objects.exists()
    csrf = response.context["csrf_token"]
    token = response.context["form"].initial["form_token"]
    assert form_token_age(token) < 3
    with time_machine.travel(timezone.now() + timedelta(seconds=5)), committed():
        second = client.post(
            reverse("newsletter:index"),
            {"email": "nojs@example.com", "form_token": token, "csrfmiddlewaretoken": csrf},
        )
    assert CHECK_INBOX in second.content.decode()
    assert len(mailoutbox) == 1


def test_the_newsletter_page_form_is_csrf_protected(aged_token):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("newsletter:index"), {"email": "x@example.com", "form_token": aged_token}
    )
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_too_fast_a_form_is_asked_again(signup, client):
    fresh = signing.dumps(time.time(), salt=FORM_SALT)
    response = signup(client, "bot@example.com", fresh)
    assert "press the button again" in response.content.decode()
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("age", [None, 2 * 86400], ids=["forged", "stale"])
def test_forged_or_stale_timing_tokens_are_asked_again(signup, client, age):
    token = "forged" if age is None else signing.dumps(time.time() - age, salt=FORM_SALT)
    response = signup(client, "bot@example.com", token)
    assert "press the button again" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_the_honeypot_gets_the_same_answer_and_nothing_happens(
    signup, client, mailoutbox, aged_token
):
    response = signup(client, "bot@example.com", aged_token, data={"website": "http://spam"})
    assert CHECK_INBOX in response.content.decode()
    assert not Subscriber.objects.exists() and mailoutbox == []


@pytest.mark.parametrize(
    "email",
    [
        "",
        "not-an-address",
        "<script>alert(1)</script>@example.com",
        "a@example.com\r\nBcc: many@example.com",
        "x" * 300 + "@example.com",
        "root@localhost",
        "a@[127.0.0.1]",
    ],
)
def test_bad_addresses_re_render_the_form_with_a_message(
    signup, client, mailoutbox, aged_token, email
):
    response = signup(client, email, aged_token)
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert "<script>alert" not in response.content.decode()
    assert not Subscriber.objects.exists() and mailoutbox == []


def test_an_absurd_category_id_is_a_form_error(signup, client, mailoutbox, aged_token):
    response = signup(client, "me@example.com", aged_token, data={"categories": ["9" * 30]})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert mailoutbox == []


def test_nothing_typed_but_the_address_reaches_the_email(signup, client, mailoutbox, aged_token):
    signup(client, "me@example.com", aged_token, data={"source": "/<b>Win a prize</b>"})
    (message,) = mailoutbox
    assert "prize" not in message.body and "prize" not in message.alternatives[0].content


def test_javascript_gets_json_in_place(signup, client, aged_token):
    ok = signup(client, "js@example.com", aged_token, HTTP_ACCEPT="application/json")
    assert ok.json()["ok"] is True and CHECK_INBOX in ok.json()["message"]
    bad = signup(client, "nope", aged_token, HTTP_ACCEPT="application/json")
    assert bad.status_code == 400 and "email" in bad.json()["errors"]
    quick = signup(client, "js2@example.com", "", HTTP_ACCEPT="application/json")
    assert quick.json()["retry"] is True


def test_the_timing_token_endpoint_is_never_cached(client):
    response = client.get(reverse("newsletter:form_token"))
    assert "no-cache" in response["Cache-Control"]
    assert 0 <= form_token_age(response.json()["token"]) < 3


def test_rate_limit_per_address(signup, client, aged_token):
    statuses = [signup(client, "same@example.com", aged_token).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


@pytest.mark.parametrize("store", ["locmem", "redis"])
def test_rate_limit_per_ip(signup, client, settings, aged_token, store, request):
    if store == "redis":
        request.getfixturevalue("redis_cache")
    settings.NEWSLETTER_RATE_LIMIT_IP = (3, 3600)
    statuses = [signup(client, f"r{i}@example.com", aged_token).status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert Subscriber.objects.count() == 3


def test_rate_limit_per_ip_counts_an_ipv6_client_by_its_64(signup, client, settings, aged_token):
    settings.NEWSLETTER_RATE_LIMIT_IP = (2, 3600)
    statuses = [
        signup(client, f"v{i}@example.com", aged_token, REMOTE_ADDR=f"2001:db8::{i}").status_code
        for i in range(1, 4)
    ]
    other = signup(client, "w@example.com", aged_token, REMOTE_ADDR="2001:db8:0:1::1")
    assert statuses + [other.status_code] == [200, 200, 429, 200]


def test_categories_and_frequency_from_the_newsletter_page(client, aged_token):
    health = CategoryFactory(slug="health")
    client.post(
        reverse("newsletter:index"),
        {
            "email": "picky@example.com",
            "form_token": aged_token,
            "categories": [health.pk],
            "frequency": "weekly",
        },
    )
    subscriber = Subscriber.objects.get()
    assert list(subscriber.categories.all()) == [health]
    assert subscriber.frequency == "weekly"


def test_signup_query_count(signup, client, aged_token, django_assert_max_num_queries):
    site_chrome()  # The site's header and footer are cached once for every visitor.
    with django_assert_max_num_queries(12):
        signup(client, "count@example.com", aged_token)


def test_behind_a_proxy_the_client_ip_header_is_used(signup, client, settings, aged_token):
    settings.NEWSLETTER_RATE_LIMIT_IP = (1, 3600)
    settings.NEWSLETTER_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    first = signup(client, "p1@example.com", aged_token, HTTP_X_FORWARDED_FOR="spoof, 203.0.113.5")
    other = signup(client, "p2@example.com", aged_token, HTTP_X_FORWARDED_FOR="203.0.113.6")
    again = signup(client, "p3@example.com", aged_token, HTTP_X_FORWARDED_FOR="x, 203.0.113.5")
    assert [first.status_code, other.status_code, again.status_code] == [200, 200, 429]
