import re
import warnings

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.urls import resolve, reverse, reverse_lazy
from django.utils.functional import cached_property
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget
from PIL import Image

from articles import search
from articles.autosave import article_refuse_stale_save
from articles.models import Article, Category, Page
from articles.models import Image as LibraryImage
from articles.sanitize import sanitize_html

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000  # 40 megapixels: a large camera photo, far from a decompression bomb
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}

# What the body editor offers; `sanitize_html` (run again in Article.save) is the allow-list.
BODY_EXTENSIONS = {
    "Paragraph": True,
    "HardBreak": True,
    "Heading": {"levels": [2, 3]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    # Images from the library: "Browse..." opens its picker; the alt text comes along.
    "Figure": {"pickerUrl": reverse_lazy("admin:articles_image_picker")},
    "Caption": True,
    "Image": True,
    "Embed": True,  # static/js/editor-embed.js, see DJANGO_PROSE_EDITOR_EXTENSIONS
    "History": True,
    "NoSpellCheck": False,  # the editor's default turns the browser's spellcheck off
}
# The editor's images: <img ... data-file="<library Image id>">.
BODY_IMAGE = re.compile(r"<img ([^>]*)>")
BODY_ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')


class CheckedImageField(forms.ImageField):
    """An image upload checked before Pillow decodes it: bytes, format and pixel count."""

    def to_python(self, data):
        if isinstance(data, UploadedFile):
            self.check_upload(data)
        return super().to_python(data)

    def check_upload(self, upload):
        if upload.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(
                f"The image is {filesizeformat(upload.size)}; "
                f"the limit is {filesizeformat(MAX_IMAGE_BYTES)}.",
                code="file_too_large",
            )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image = Image.open(upload)  # reads the header only
                image_format, (width, height) = image.format, image.size
                if width * height <= MAX_IMAGE_PIXELS:
                    # Decode it all to catch cut-off files verify() lets through;
                    # JPEGs decode at an eighth of the size, which is enough to tell.
                    image.draft(image.mode, (width // 8, height // 8))
                    image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise forms.ValidationError(
                "The image has far too many pixels to be processed safely.", code="image_bomb"
            ) from None
        except Exception:
            raise forms.ValidationError(
                "Upload a valid image: this file is not one, or it is damaged.",
                code="invalid_image",
            ) from None
        finally:
            upload.seek(0)
        if image_format not in IMAGE_FORMATS:
            raise forms.ValidationError(
                f"{image_format} images are not accepted: use JPEG, PNG, WebP or GIF.",
                code="image_format",
            )
        if width * height > MAX_IMAGE_PIXELS:
            raise forms.ValidationError(
                f"The image is {width} × {height} pixels; the limit is "
                f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels. Resize it and upload again.",
                code="image_too_large",
            )


class ArticleAdminForm(forms.ModelForm):
    schedule_for = forms.SplitDateTimeField(
        required=False,
        widget=AdminSplitDateTime,
        help_text='Used by the "Schedule" button: when the story should go live.',
    )

    # What the story's `modified_at` was when the form was loaded: see article_refuse_stale_save.
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)
    autosave_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    class Meta:
        model = Article
        # The workflow fields (status, dates, featured) are left out: only services set them.
        fields = [
            "title", "slug", "standfirst", "category", "work_type", "body", "hero",
            "evidence_stage", "reviewed_by", "last_reviewed",
            "tags", "series", "related_articles", "seo_title", "seo_description",
        ]  # fmt: skip
        # The headline wraps as it is typed, rather than scrolling out of a one-line box.
        widgets = {
            "title": forms.Textarea(attrs={"rows": 1, "spellcheck": "true"}),
            "standfirst": forms.Textarea(attrs={"rows": 2, "spellcheck": "true"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            # From the database, not the instance: a restored revision carries its old date.
            version = Article.objects.filter(pk=self.instance.pk).values_list("modified_at")
            self.initial["loaded_version"] = version[0][0].isoformat() if version else ""
        if "tags" in self.fields:
            self.fields["tags"].help_text = (
                "Separate tags with commas; suggestions appear as you type. "
                "A new name becomes a new tag when you save."
            )
        if "body" in self.fields:
            body = self.fields["body"]
            self.fields["body"] = ProseEditorFormField(
                config={"extensions": BODY_EXTENSIONS},
                sanitize=sanitize_html,
                required=False,
                widget=AdminProseEditorWidget,
                label=body.label,
                help_text="Headings, lists, quotes and links; images from the library (the "
                "picture button) and videos or posts (the play button). Pasted formatting is "
                "cleaned on save.",
            )

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_body(self):
        return check_body_images(self.cleaned_data["body"])

    def clean(self):
        cleaned = super().clean()
        article_refuse_stale_save(
            article=self.instance, loaded_version=cleaned.get("loaded_version")
        )
        return cleaned

    @cached_property
    def changed_data(self):
        # The bookkeeping fields are no change to the story (nor to its history's messages).
        bookkeeping = {"loaded_version", "autosave_token"}
        return [name for name in super().changed_data if name not in bookkeeping]

    @property
    def is_stale(self):
        return self.has_error(forms.forms.NON_FIELD_ERRORS, "stale")

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        # /search/, /newsletter/ and the like come first: a story there could never be read.
        if resolve(reverse("articles:article", kwargs={"slug": slug})).url_name != "article":
            raise forms.ValidationError(
                "This address belongs to another page of the site: choose another slug."
            )
        if Page.objects.filter(slug=slug).exists():
            raise forms.ValidationError("A page has this address: choose another slug.")
        return slug


def check_body_images(body):
    """`body`, once every image in it has alt text or is a decorative library image."""
    images = [dict(BODY_ATTRIBUTE.findall(tag)) for tag in BODY_IMAGE.findall(body)]
    ids = {int(image["data-file"]) for image in images if image.get("data-file", "").isdigit()}
    described = set(
        LibraryImage.objects.filter(pk__in=ids)
        .filter(Q(decorative=True) | ~Q(alt_text=""))
        .values_list("pk", flat=True)
    )
    for image in images:
        file = image.get("data-file", "")
        if not image.get("alt", "").strip() and not (file.isdigit() and int(file) in described):
            raise forms.ValidationError(
                "An image in the text has no alt text: describe it (double-click the "
                "image), or mark it decorative in the image library.",
                code="image_alt",
            )
    return body


def body_field(model_field):
    """The story editor, for any rich-text body: the same tools and the same allow-list."""
    return ProseEditorFormField(
        config={"extensions": BODY_EXTENSIONS},
        sanitize=sanitize_html,
        required=False,
        widget=AdminProseEditorWidget,
        label=model_field.label,
        help_text=model_field.help_text,
    )


class PageAdminForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = ["title", "slug", "description", "body", "status", "role", "in_footer", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "body" in self.fields:
            self.fields["body"] = body_field(self.fields["body"])

    def clean_body(self):
        return check_body_images(self.cleaned_data["body"])


MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search stories",
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={
            "max_length": f"Please search with at most {MAX_QUERY_LENGTH} characters.",
            "null_characters_not_allowed": "Please search with letters, digits and punctuation.",
        },
    )
    category = forms.ModelChoiceField(
        Category.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All topics",
        label="Topic",
    )
    since = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_q(self):
        text = self.cleaned_data["q"]
        if text and not search.parse(text):
            raise forms.ValidationError(
                "Please search with at least one word of letters or digits "
                "(a word after a minus sign is left out, not looked for).",
                code="no_words",
            )
        return text

    def clean(self):
        since, until = self.cleaned_data.get("since"), self.cleaned_data.get("until")
        if since and until and since > until:
            self.add_error("until", "The end date comes before the start date.")
        return self.cleaned_data

    def filter(self, queryset):
        """`queryset` narrowed to the topic and dates chosen."""
        if category := self.cleaned_data.get("category"):
            queryset = queryset.filter(category=category)
        if since := self.cleaned_data.get("since"):
            queryset = queryset.filter(published_at__date__gte=since)
        if until := self.cleaned_data.get("until"):
            queryset = queryset.filter(published_at__date__lte=until)
        return queryset
