"""The image library in the admin, and the JSON the body editor picks and uploads images with."""

from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_GET, require_POST

from articles.forms import CheckedImageField
from articles.models import Image
from articles.sanitize import strip_control_characters

LIBRARY_PAGE_SIZE = 48
UPLOAD_FIELDS = ["file", "alt_text", "decorative", "caption", "credit"]


class AltTextFilter(admin.SimpleListFilter):
    title = "alt text"
    parameter_name = "alt"

    def lookups(self, request, model_admin):
        return [("missing", "Missing"), ("present", "Written or decorative")]

    def queryset(self, request, queryset):
        missing = Q(alt_text="", decorative=False)
        if self.value() == "missing":
            return queryset.filter(missing)
        if self.value() == "present":
            return queryset.exclude(missing)
        return queryset


def image_json(image):
    """What the body editor needs to show an image and write its <figure>."""
    picture = image.picture
    small = picture.at_least(320) if picture else None
    return {
        "id": image.pk,
        "label": str(image),
        "thumbnail": small.url if small else image.file.url,
        "src": picture.src if picture else image.file.url,
        "srcset": picture.jpeg_srcset if picture else "",
        "width": picture.width if picture else None,
        "height": picture.height if picture else None,
        "alt": image.alt_text,
        "decorative": image.decorative,
        "caption": image.caption,
        "credit": image.credit,
    }


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "__str__", "has_alt_text", "credit", "uploaded_at", "uploaded_by"]
    list_display_links = ["__str__"]
    list_filter = [AltTextFilter, "decorative", "uploaded_at"]
    list_select_related = ["uploaded_by"]
    list_per_page = 48
    search_fields = ["alt_text", "caption", "credit", "file"]
    date_hierarchy = "uploaded_at"
    fields = [
        "file",
        "focal_point",
        ("focal_x", "focal_y"),
        "alt_text",
        "decorative",
        "caption",
        "credit",
        ("uploaded_by", "uploaded_at"),
    ]
    readonly_fields = ["focal_point", "uploaded_by", "uploaded_at"]
    formfield_overrides = {
        models.ImageField: {
            "form_class": CheckedImageField,
            # Django draws this field in a fieldset whose legend is no label for the input.
            "widget": AdminFileWidget(attrs={"aria-label": "Image file"}),
        }
    }

    class Media:
        css = {"all": ["css/admin-images.css"]}
        js = ["js/admin-focal-point.js"]

    @admin.display(description="")
    def thumbnail(self, image):
        small = image.picture.at_least(160) if image.picture else None
        return render_to_string(
            "admin/articles/image/thumbnail.html",
            {"src": small.url if small else image.file.url},
        )

    @admin.display(description="alt text", boolean=True)
    def has_alt_text(self, image):
        return bool(image.alt_text.strip()) or image.decorative

    @admin.display(description="focal point")
    def focal_point(self, image):
        return render_to_string("admin/articles/image/focal_point.html", {"image": image})

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    # The body editor's picker: a JSON list with search, and an upload.

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("library.json", view(self.library_view), name="articles_image_library"),
            path("upload.json", view(self.upload_view), name="articles_image_upload"),
            path("picker/", view(self.picker_view), name="articles_image_picker"),
            *super().get_urls(),
        ]

    @method_decorator(require_GET)
    def library_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        images = self.get_queryset(request).order_by("-uploaded_at", "-pk")
        # A NUL byte, which PostgreSQL refuses in a query, becomes a space like other controls.
        if query := strip_control_characters(request.GET.get("q", "")).strip()[:100]:
            images, _ = self.get_search_results(request, images, query)
        return JsonResponse({"results": [image_json(i) for i in images[:LIBRARY_PAGE_SIZE]]})

    def picker_view(self, request):
        """The body editor's "Browse..." window: pick a library image, or upload one."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": "Choose an image",
            "is_popup": True,
            "library_url": reverse("admin:articles_image_library"),
            "upload_url": reverse("admin:articles_image_upload"),
            "can_upload": self.has_add_permission(request),
        }
        return TemplateResponse(request, "admin/articles/image/picker.html", context)

    @method_decorator(require_POST)
    def upload_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form_class = self.get_form(
            request, fields=["file", "alt_text", "decorative", "caption", "credit"]
        )
        form = form_class(request.POST, request.FILES)
        if not form.is_valid():
            errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
            return JsonResponse({"errors": errors}, status=400)
        image = form.save(commit=False)
        self.save_model(request, image, form, change=False)
        self.log_addition(request, image, [{"added": {}}])
        return JsonResponse(image_json(image), status=201)
