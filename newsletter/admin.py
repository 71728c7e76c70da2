from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article
from newsletter import csv_io, editions, subscribers
from newsletter.forms import EditionForm, SubscriberImportForm
from newsletter.models import Delivery, Edition, EditionArticle, Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    view_on_site = False  # its only page is the subscriber's own, behind their signed link
    list_display = ["email", "status", "frequency", "created_at", "confirmed_at", "is_paused"]
    list_filter = ["status", "frequency", "categories", "created_at"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["categories"]
    readonly_fields = [
        "created_at",
        "confirmation_sent_at",
        "confirmed_at",
        "unsubscribed_at",
        "consent_at",
        "consent_source",
        "consent_text",
    ]
    actions = ["export_csv", "erase"]
    change_list_template = "admin/newsletter/subscriber/change_list.html"

    @admin.display(boolean=True, description="paused")
    def is_paused(self, subscriber):
        return subscriber.is_paused

    def get_urls(self):
        urls = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="newsletter_subscriber_import",
            )
        ]
        return urls + super().get_urls()

    @admin.action(description="Export selected subscribers as CSV", permissions=["view"])
    def export_csv(self, request, queryset):
        response = StreamingHttpResponse(csv_io.subscribers_csv(queryset), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="subscribers.csv"'
        return response

    @admin.action(
        description="Erase selected people's data (cannot be undone)", permissions=["delete"]
    )
    def erase(self, request, queryset):
        count = 0
        for subscriber in queryset:
            subscribers.subscriber_erase(subscriber=subscriber)
            count += 1
        self.message_user(request, f"Erased {count} subscriber(s) and their delivery history.")

    # Deleting a subscriber anywhere in the admin is an erasure: no history line keeps the address.
    def log_deletions(self, request, queryset):
        pass

    def delete_model(self, request, obj):
        subscribers.subscriber_erase(subscriber=obj)

    def delete_queryset(self, request, queryset):
        for subscriber in queryset:
            subscribers.subscriber_erase(subscriber=subscriber)

    def import_view(self, request):
        if not self.has_add_permission(request):
            return redirect("admin:newsletter_subscriber_changelist")
        form = SubscriberImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                with transaction.atomic():  # a file that breaks halfway imports nothing
                    report = subscribers.subscribers_import(
                        rows=csv_io.subscriber_rows(upload.file), source=f"import: {upload.name}"
                    )
            except csv_io.CSVError as error:
                form.add_error("file", str(error))
            else:
                self.message_user(
                    request,
                    f"Subscribed {report.subscribed} with recorded consent; sent {report.asked} "
                    f"a confirmation email; skipped {report.skipped} (known, repeated or "
                    "invalid).",
                    messages.SUCCESS,
                )
                for error in report.errors:
                    self.message_user(request, error, messages.WARNING)
                return redirect("admin:newsletter_subscriber_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": "Import subscribers",
        }
        return render(request, "admin/newsletter/subscriber/import.html", context)


class EditionArticleInline(admin.TabularInline):
    model = EditionArticle
    extra = 1
    autocomplete_fields = ["article"]
    fields = ["position", "article"]

    def _editable(self, obj):
        return obj is None or not obj.has_gone_out

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            kwargs["queryset"] = Article.objects.published()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# The buttons on an edition's page, named as editions.edition_actions_available names them.
EDITION_STEPS = {
    "send_test": "Send a test to me",
    "schedule": "Schedule",
    "unschedule": "Cancel the schedule",
    "send_now": "Send now",
}


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    form = EditionForm
    change_form_template = "admin/newsletter/edition/change_form.html"
    list_display = [
        "subject",
        "kind",
        "status",
        "scheduled_at",
        "sent_at",
        "queued_count",
        "sent_count",
        "failed_count",
    ]
    list_filter = ["kind", "status"]
    search_fields = ["subject"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["categories"]
    inlines = [EditionArticleInline]
    fields = [
        "subject",
        "preheader",
        "intro",
        "categories",
        "scheduled_at",
        "kind",
        "status",
        "preview",
        "progress",
        "period_start",
        "period_end",
        "sending_started_at",
        "sent_at",
    ]
    readonly_fields = [
        "kind",
        "status",
        "preview",
        "progress",
        "period_start",
        "period_end",
        "sending_started_at",
        "sent_at",
    ]
    actions = ["send_now", "schedule", "unschedule", "send_test"]

    def get_queryset(self, request):
        statuses = Delivery.Status
        return (
            super()
            .get_queryset(request)
            .annotate(
                queued=Count(
                    "deliveries",
                    filter=Q(deliveries__status__in=[statuses.QUEUED, statuses.SENDING]),
                ),
                sent=Count("deliveries", filter=Q(deliveries__status=statuses.SENT)),
                failed=Count("deliveries", filter=Q(deliveries__status=statuses.FAILED)),
            )
        )

    @admin.display(description="queued", ordering="queued")
    def queued_count(self, edition):
        return edition.queued

    @admin.display(description="sent", ordering="sent")
    def sent_count(self, edition):
        return edition.sent

    @admin.display(description="failed", ordering="failed")
    def failed_count(self, edition):
        return edition.failed

    @admin.display(description="send progress")
    def progress(self, edition):
        if not edition.pk:
            return "Not sent yet."
        counts = editions.edition_progress(edition=edition)
        return (
            f"{counts['queued']} queued, {counts['sent']} sent, {counts['failed']} failed, "
            f"{counts['skipped']} skipped"
        )

    @admin.display(description="preview")
    def preview(self, edition):
        if not edition.pk:
            return "Save first to preview."
        url = reverse("newsletter:edition_preview", kwargs={"pk": edition.pk})
        return render_to_string("admin/newsletter/edition/preview_link.html", {"url": url})

    def get_fields(self, request, obj=None):
        if obj is None:  # the add form: only what can be filled in
            return [name for name in self.fields if name not in self.readonly_fields]
        return self.fields

    def get_readonly_fields(self, request, obj=None):
        if obj and obj.has_gone_out:
            return self.fields  # what went out stays as it went out
        return self.readonly_fields

    # The edition's own buttons: small POST views calling the same services as the actions.

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/steps/<str:step>/",
                view(self.edition_step_view),
                name="newsletter_edition_step",
            ),
            *super().get_urls(),
        ]

    def edition_step_view(self, request, object_id, step):
        edition = self.get_object(request, unquote(object_id))
        if edition is None:
            raise Http404
        steps = {
            "send_test": (self.has_view_permission, self._send_test),
            "schedule": (self.has_change_permission, self._schedule),
            "unschedule": (self.has_change_permission, self._unschedule),
            "send_now": (self.has_change_permission, self._send_now),
        }
        if request.method != "POST" or step not in steps:
            raise Http404
        allowed, run = steps[step]
        if not allowed(request, edition):
            raise PermissionDenied
        run(request, edition)
        return redirect("admin:newsletter_edition_change", edition.pk)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        edition = self.get_object(request, unquote(object_id))
        extra_context = extra_context or {}
        if edition is not None:
            steps = editions.edition_actions_available(edition=edition)
            if not self.has_change_permission(request, edition):
                steps = [step for step in steps if step == "send_test"]
            extra_context |= {
                "edition_steps": [(step, EDITION_STEPS[step]) for step in steps],
                "edition_progress": editions.edition_progress(edition=edition),
                "edition": edition,
                "schedule_needs_time": "schedule" in steps and edition.scheduled_at is None,
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description="Send now", permissions=["change"])
    def send_now(self, request, queryset):
        for edition in queryset:
            self._send_now(request, edition)

    @admin.action(description="Schedule for its “scheduled at” time", permissions=["change"])
    def schedule(self, request, queryset):
        for edition in queryset:
            self._schedule(request, edition)

    @admin.action(description="Cancel the schedule (back to draft)", permissions=["change"])
    def unschedule(self, request, queryset):
        for edition in queryset:
            self._unschedule(request, edition)

    @admin.action(description="Send a test to me", permissions=["view"])
    def send_test(self, request, queryset):
        for edition in queryset:
            if not self._send_test(request, edition):
                return

    def _send_now(self, request, edition):
        try:
            editions.edition_send(edition=edition)
        except editions.EditionError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, f"“{edition}” is queued; its progress shows here.")

    def _schedule(self, request, edition):
        try:
            editions.edition_schedule(edition=edition, when=edition.scheduled_at)
        except editions.EditionError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            when = date_format(timezone.localtime(edition.scheduled_at), "j M Y, H:i")
            self.message_user(request, f"“{edition}” is scheduled for {when}.")

    def _unschedule(self, request, edition):
        if editions.edition_unschedule(edition=edition):
            self.message_user(request, f"“{edition}” is back to draft.")

    def _send_test(self, request, edition):
        """Mails `edition` to the user; False when no test can go to them at all."""
        if not request.user.email:
            self.message_user(
                request, "Add an email address to your account first.", messages.ERROR
            )
            return False
        try:
            mailable = editions.edition_send_test(edition=edition, email=request.user.email)
        except editions.EditionError as error:
            self.message_user(request, str(error), messages.ERROR)
            return True
        if not mailable:
            self.message_user(
                request,
                f"{request.user.email} bounced or marked us as spam: we never mail it.",
                messages.ERROR,
            )
            return False
        self.message_user(request, f"Test of “{edition}” sent to {request.user.email}.")
        return True


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """The sending history: read-only, one row per subscriber and edition."""

    list_display = ["edition", "subscriber", "status", "sent_at", "error"]
    list_filter = ["status", "edition"]
    search_fields = ["subscriber__email"]
    list_select_related = ["edition", "subscriber"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
