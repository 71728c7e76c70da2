from django import forms
from django.core.exceptions import ValidationError

from articles.models import Category
from newsletter.models import Edition, Subscriber
from newsletter.validators import email_normalize, email_validate, header_validate

# The signup box's words, stored with each subscriber's consent as what the person was shown.
CONSENT_HEADING = "Get Good News in Your Inbox"
CONSENT_TEXT = "Free, no spam, unsubscribe anytime."


class AddressField(forms.EmailField):
    """Trimmed, the domain lower-cased, and on a real domain."""

    default_validators = [email_validate]

    def to_python(self, value):
        return email_normalize(super().to_python(value))


class CategoriesField(forms.ModelMultipleChoiceField):
    def clean(self, value):
        try:
            return super().clean(value)
        except OverflowError:  # SQLite cannot even look up an id past 64 bits
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": "?"}
            ) from None


class SignupForm(forms.Form):
    email = AddressField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "placeholder": "you@example.com"}),
    )
    categories = CategoriesField(
        Category.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Only these topics (leave empty for all)",
    )
    frequency = forms.ChoiceField(
        choices=Subscriber.Frequency.choices,
        required=False,
        widget=forms.RadioSelect,
        label="How often",
    )
    # Bots fill every field; people never see this one.
    website = forms.CharField(required=False, max_length=200)
    form_token = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    source = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)

    def clean_source(self):
        source = self.cleaned_data["source"]
        # A path on this site, nothing else: it is stored as where consent was given.
        return source if source.startswith("/") and not source.startswith("//") else ""


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Subscriber
        fields = ["categories", "frequency"]
        field_classes = {"categories": CategoriesField}
        widgets = {
            "categories": forms.CheckboxSelectMultiple,
            "frequency": forms.RadioSelect,
        }
        labels = {"categories": "Topics (leave all empty for every topic)", "frequency": "Digest"}
        help_texts = {"categories": ""}


class PauseForm(forms.Form):
    days = forms.TypedChoiceField(
        choices=[(14, "2 weeks"), (30, "1 month"), (90, "3 months"), (0, "Resume now")],
        coerce=int,
        label="Pause for",
    )


class NewLinkForm(forms.Form):
    email = AddressField(label="Email address", max_length=254)


class SubscriberImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "Columns: email, and optionally consent_at (when the person agreed, e.g. "
            "2026-03-01T09:30) and consent_text. Rows without consent_at get a confirmation "
            "email instead of being subscribed. Addresses already known are left as they are."
        ),
    )


class EditionForm(forms.ModelForm):
    class Meta:
        model = Edition
        fields = ["subject", "preheader", "intro", "categories", "scheduled_at"]
        help_texts = {"scheduled_at": "When to send: save, then press “Schedule” above."}

    def clean_subject(self):
        subject = self.cleaned_data["subject"]
        header_validate(subject)
        return subject
