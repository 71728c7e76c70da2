import csv
import io

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from newsletter import subscribers
from newsletter.models import Delivery, Edition, Subscriber
from newsletter.validators import email_validate
from tests.articles.roles import make_user
from tests.factories import ArticleFactory, CategoryFactory
from tests.newsletter.factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:newsletter_subscriber_changelist")
EDITIONS = reverse("admin:newsletter_edition_changelist")


def test_subscriber_list_filters_and_search(admin_client, django_assert_max_num_queries):
    health = CategoryFactory(name="Health")
    SubscriberFactory(email="findme@example.com", categories=[health])
    SubscriberFactory(email="other@example.com", status=Subscriber.Status.PENDING)
    with django_assert_max_num_queries(15):
        page = admin_client.get(
            CHANGELIST, {"status": "subscribed", "categories__id__exact": health.pk}
        )
    html = page.content.decode()
    assert "findme@example.com" in html and "other@example.com" not in html
    found = admin_client.get(CHANGELIST, {"q": "other"}).content.decode()
    assert "other@example.com" in found and "findme@example.com" not in found


def test_csv_export(admin_client):
    subscriber = SubscriberFactory(email="csv@example.com", consent_source="/story/")
    response = admin_client.post(
        CHANGELIST, {"action": "export_csv", "_selected_action": [subscriber.pk]}
    )
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["email"] == "csv@example.com" and rows[0]["consent_source"] == "/story/"


def test_csv_export_cells_are_never_spreadsheet_formulas(admin_client):
    sneaky = SubscriberFactory(email="=1+cmd|'/ccalc'!A0@example.com")
    email_validate(sneaky.email)  # anyone may sign up with it
    response = admin_client.post(
        CHANGELIST, {"action": "export_csv", "_selected_action": [sneaky.pk]}
    )
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["email"] == "'" + sneaky.email


def test_csv_import_asks_those_without_recorded_consent(admin_client, mailoutbox, committed):
    SubscriberFactory(email="left@example.com", status=Subscriber.Status.UNSUBSCRIBED)
    upload = SimpleUploadedFile(
        "list.csv",
        b"email,consent_at,consent_text\n"
        b"agreed@example.com,2026-03-01T09:30:00+00:00,Ticked the box at the fair\n"
        b"unknown@example.com,,\n"
        b"left@example.com,2026-03-01T09:30:00+00:00,\n"
        b"not an address,,\n"
        b"root@localhost,2026-03-01T09:30:00+00:00,\n"
        b"baddate@example.com,2026-13-45T99:00:00,\n"
        b"agreed@example.com,,\n",
        content_type="text/csv",
    )
    with committed():
        response = admin_client.post(
            reverse("admin:newsletter_subscriber_import"), {"file": upload}, follow=True
        )
    assert "Subscribed 1 with recorded consent; sent 2 a confirmation email; skipped 4" in (
        response.content.decode()
    )
    agreed = Subscriber.objects.get(email="agreed@example.com")
    assert agreed.status == Subscriber.Status.SUBSCRIBED
    assert agreed.consent_text == "Ticked the box at the fair"
    assert agreed.consent_source == "import: list.csv"
    assert Subscriber.objects.get(email="unknown@example.com").status == "pending"
    assert Subscriber.objects.get(email="left@example.com").status == "unsubscribed"
    assert sorted(message.to[0] for message in mailoutbox) == [
        "baddate@example.com",
        "unknown@example.com",
    ]


def test_csv_import_rejects_a_file_that_is_not_csv(admin_client):
    upload = SimpleUploadedFile(
        "list.csv", b"email\nfine@example.com\n\xff\xfe\x00garbage", content_type="text/csv"
    )
    response = admin_client.post(reverse("admin:newsletter_subscriber_import"), {"file": upload})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_erase_removes_the_persons_data(admin_client):
    person = SubscriberFactory(email="forget@example.com")
    edition = EditionFactory()
    Delivery.objects.create(edition=edition, subscriber=person)
    admin_client.post(CHANGELIST, {"action": "erase", "_selected_action": [person.pk]})
    assert not Subscriber.objects.filter(email="forget@example.com").exists()
    assert not Delivery.objects.exists()


@pytest.mark.parametrize("action", ["erase", "delete_selected"])
def test_erasing_leaves_no_admin_history_naming_the_address(admin_client, action):
    person = SubscriberFactory(email="forget@example.com")
    change = reverse("admin:newsletter_subscriber_change", args=[person.pk])
    admin_client.post(
        change, {"email": person.email, "status": "subscribed", "frequency": "weekly"}
    )
    assert LogEntry.objects.filter(object_repr="forget@example.com").exists()
    admin_client.post(
        CHANGELIST, {"action": action, "_selected_action": [person.pk], "post": "yes"}
    )
    assert not Subscriber.objects.exists()
    assert not LogEntry.objects.filter(object_repr__contains="forget@").exists()


def test_erasing_removes_the_signup_tasks_that_carry_the_address(admin_client, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["email"]}
    }
    person = SubscriberFactory(email="forget@example.com")
    subscribers.send_link.enqueue(email="forget@example.com")
    subscribers.send_link.enqueue(email="keep@example.com")
    admin_client.post(CHANGELIST, {"action": "erase", "_selected_action": [person.pk]})
    kept = DBTaskResult.objects.values_list("args_kwargs__kwargs__email", flat=True)
    assert list(kept) == ["keep@example.com"]


def test_compose_an_edition_with_ordered_stories(admin_client):
    first, second = ArticleFactory(), ArticleFactory()
    draft = ArticleFactory(status="draft", published_at=None)
    data = {
        "subject": "Spring news",
        "preheader": "Sunny",
        "intro": "Hello",
        "links-TOTAL_FORMS": "3",
        "links-INITIAL_FORMS": "0",
        "links-0-position": "2",
        "links-0-article": first.pk,
        "links-1-position": "1",
        "links-1-article": second.pk,
        "links-2-position": "3",
        "links-2-article": draft.pk,
    }
    response = admin_client.post(reverse("admin:newsletter_edition_add"), data)
    assert response.status_code == 200  # the draft is refused
    assert "Select a valid choice" in response.content.decode()
    data.update({"links-TOTAL_FORMS": "2"})
    del data["links-2-position"], data["links-2-article"]
    response = admin_client.post(reverse("admin:newsletter_edition_add"), data)
    assert response.status_code == 302
    edition = Edition.objects.get()
    assert list(edition.stories()) == [second, first]


def test_preview_send_test_and_send_now(admin_client, admin_user, mailoutbox, committed):
    edition = EditionFactory(subject="Preview me", stories=[ArticleFactory(title="Otters")])
    SubscriberFactory.create_batch(2)
    preview = admin_client.get(edition.get_absolute_url())
    assert "Otters" in preview.content.decode()
    admin_client.post(EDITIONS, {"action": "send_test", "_selected_action": [edition.pk]})
    assert [message.to for message in mailoutbox] == [[admin_user.email]]
    with committed():
        admin_client.post(EDITIONS, {"action": "send_now", "_selected_action": [edition.pk]})
    assert len(mailoutbox) == 3
    page = admin_client.get(reverse("admin:newsletter_edition_change", args=[edition.pk]))
    assert "0 queued, 2 sent, 0 failed" in page.content.decode()


def test_the_preview_is_for_staff_only(client):
    edition = EditionFactory()
    assert client.get(edition.get_absolute_url()).status_code in {302, 403}


def test_schedule_needs_a_future_time(admin_client, settings):
    edition = EditionFactory()
    response = admin_client.post(
        EDITIONS, {"action": "schedule", "_selected_action": [edition.pk]}, follow=True
    )
    assert "needs a “scheduled at” time in the future" in response.content.decode()
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT


def test_edition_list_shows_progress(admin_client, django_assert_max_num_queries):
    edition = EditionFactory(subject="Counted")
    for status in ["sent", "sent", "failed", "queued"]:
        Delivery.objects.create(edition=edition, subscriber=SubscriberFactory(), status=status)
    with django_assert_max_num_queries(10):
        html = admin_client.get(EDITIONS).content.decode()
    assert 'class="field-sent_count">2<' in html and 'class="field-failed_count">1<' in html


def test_an_empty_edition_is_not_sent(admin_client, mailoutbox):
    edition = EditionFactory(intro="", stories=[ArticleFactory(status="draft", published_at=None)])
    SubscriberFactory()
    response = admin_client.post(
        EDITIONS, {"action": "send_now", "_selected_action": [edition.pk]}, follow=True
    )
    assert "has no published stories and no intro" in response.content.decode()
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT and mailoutbox == []


def test_a_sent_edition_can_no_longer_be_edited(admin_client):
    edition = EditionFactory(status=Edition.Status.SENT, stories=[ArticleFactory()])
    url = reverse("admin:newsletter_edition_change", args=[edition.pk])
    admin_client.post(url, {"subject": "Rewritten history"})
    edition.refresh_from_db()
    assert edition.subject != "Rewritten history"
    assert 'name="subject"' not in admin_client.get(url).content.decode()


@pytest.mark.parametrize("role", ["writer", "editor"])
def test_view_on_site_never_hands_a_subscribers_signed_link_to_staff(client, role):
    person = SubscriberFactory()
    client.force_login(make_user(role))
    subscriber_type = ContentType.objects.get_for_model(Subscriber)
    response = client.get(reverse("admin:view_on_site", args=[subscriber_type.pk, person.pk]))
    assert not response.has_header("Location")
    assert person.key.hex not in response.content.decode()


def test_unschedule_puts_a_scheduled_edition_back_to_draft(admin_client, settings):
    scheduled = EditionFactory(status=Edition.Status.SCHEDULED)
    sent = EditionFactory(status=Edition.Status.SENT)
    response = admin_client.post(
        EDITIONS,
        {"action": "unschedule", "_selected_action": [scheduled.pk, sent.pk]},
        follow=True,
    )
    assert f"“{scheduled}” is back to draft" in response.text
    assert f"“{sent}” is back" not in response.text
    scheduled.refresh_from_db(), sent.refresh_from_db()
    assert scheduled.status == Edition.Status.DRAFT and sent.status == Edition.Status.SENT


def test_the_edition_form_links_to_its_preview(admin_client):
    edition = EditionFactory()
    page = admin_client.get(reverse("admin:newsletter_edition_change", args=[edition.pk]))
    assert f'href="{edition.get_absolute_url()}" target="_blank">Open the email' in page.text


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"])
def test_csv_import_names_a_row_whose_consent_date_is_out_of_range(admin_client, moment):
    upload = SimpleUploadedFile(
        "list.csv",
        f"email,consent_at\nearly@example.com,{moment}\nfine@example.com,2026-03-01T09:30\n".encode(),
        content_type="text/csv",
    )
    response = admin_client.post(
        reverse("admin:newsletter_subscriber_import"), {"file": upload}, follow=True
    )
    assert response.status_code == 200
    message = f"Not imported: early@example.com (the consent date “{moment}” is out of range)"
    assert message in response.text
    assert "Subscribed 1 with recorded consent" in response.text
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["fine@example.com"]
    assert admin_client.get(CHANGELIST).status_code == 200


@pytest.mark.parametrize("subject", ["Good news\r\nBcc: everyone@example.com", "Two\nlines"])
def test_an_edition_subject_must_be_one_line(admin_client, subject):
    response = admin_client.post(
        reverse("admin:newsletter_edition_add"),
        {
            "subject": subject,
            "intro": "Hello",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "The subject must be a single line" in response.text
    assert not Edition.objects.exists()


def test_a_stored_subject_with_a_line_break_is_neither_tested_nor_sent(
    admin_client, mailoutbox, committed
):
    edition = EditionFactory(subject="Good news\r\nBcc: everyone@example.com")
    SubscriberFactory()
    for action in ["send_test", "send_now"]:
        with committed():
            response = admin_client.post(
                EDITIONS, {"action": action, "_selected_action": [edition.pk]}, follow=True
            )
        assert response.status_code == 200
        assert "The subject must be a single line" in response.text
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT and mailoutbox == []


def edition_page(client, edition):
    return client.get(reverse("admin:newsletter_edition_change", args=[edition.pk]))


def step_url(edition, step):
    return reverse("admin:newsletter_edition_step", args=[edition.pk, step])


def test_the_edition_page_has_its_buttons_and_counts(
    admin_client, admin_user, mailoutbox, committed
):
    edition = EditionFactory(subject="Otters weekly", stories=[ArticleFactory(title="Otters")])
    SubscriberFactory.create_batch(2)
    html = edition_page(admin_client, edition).content.decode()
    for step in ["send_test", "schedule", "send_now"]:
        assert f'action="{step_url(edition, step)}"' in html
    assert "To schedule, set “scheduled at” below and save first." in html
    response = admin_client.post(step_url(edition, "send_test"), follow=True)
    assert [message.to for message in mailoutbox] == [[admin_user.email]]
    assert f"sent to {admin_user.email}" in response.content.decode()
    with committed():
        response = admin_client.post(step_url(edition, "send_now"), follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "admin:newsletter_edition_change", args=[edition.pk]
    )
    html = edition_page(admin_client, edition).content.decode()
    assert "<strong>2</strong> sent" in html
    assert f'action="{step_url(edition, "send_now")}"' not in html  # it has gone out


def test_the_edition_page_shows_the_services_errors(admin_client):
    edition = EditionFactory(subject="Nothing to say", intro="")
    response = admin_client.post(step_url(edition, "send_now"), follow=True)
    assert "has no published stories and no intro" in response.content.decode()
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.DRAFT


def test_scheduling_from_the_edition_page(admin_client, settings):
    from datetime import timedelta

    from django.utils import timezone

    from tests.newsletter.test_sending import DUMMY

    settings.TASKS = DUMMY
    edition = EditionFactory(stories=[ArticleFactory()])
    edition.scheduled_at = timezone.now() + timedelta(days=1)
    edition.save()
    response = admin_client.post(step_url(edition, "schedule"), follow=True)
    assert "is scheduled for" in response.content.decode()
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SCHEDULED
    html = edition_page(admin_client, edition).content.decode()
    assert f'action="{step_url(edition, "unschedule")}"' in html
    admin_client.post(step_url(edition, "unschedule"))
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.DRAFT


@pytest.mark.parametrize("role", ["newsletter_manager", "writer", "editor"])
def test_edition_page_buttons_per_role(client, role, mailoutbox):
    edition = EditionFactory(stories=[ArticleFactory()])
    client.force_login(make_user(role))
    page = edition_page(client, edition)
    response = client.post(step_url(edition, "send_now"))
    if role == "newsletter_manager":
        assert page.status_code == 200
        assert f'action="{step_url(edition, "send_now")}"' in page.content.decode()
        assert response.status_code == 302
        assert Edition.objects.get(pk=edition.pk).status != Edition.Status.DRAFT
    else:
        assert page.status_code == 403
        assert response.status_code == 403
        assert Edition.objects.get(pk=edition.pk).status == Edition.Status.DRAFT


def test_a_get_does_nothing(admin_client):
    edition = EditionFactory(stories=[ArticleFactory()])
    assert admin_client.get(step_url(edition, "send_now")).status_code == 404
    assert admin_client.post(step_url(edition, "explode")).status_code == 404


def test_the_add_form_shows_only_what_can_be_filled_in(admin_client):
    form = admin_client.get(reverse("admin:newsletter_edition_add")).context["adminform"]
    fields = [field.field.name for fieldset in form for line in fieldset for field in line]
    assert fields == ["subject", "preheader", "intro", "categories", "scheduled_at"]


def test_the_demo_editions(settings):
    from django.core.management import call_command

    call_command("load_demo")
    call_command("load_demo_editions")
    call_command("load_demo_editions")  # idempotent
    sent, draft = Edition.objects.order_by("pk")
    assert sent.status == Edition.Status.SENT and sent.sent_at
    assert not sent.deliveries.exists()  # sent to nobody: the demo has no subscribers
    assert draft.status == Edition.Status.DRAFT
    assert len(list(sent.stories())) == 3 and len(list(draft.stories())) == 2
