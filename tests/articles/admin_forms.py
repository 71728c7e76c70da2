"""Post the article admin form the way a browser would, starting from what the page shows."""

from django import forms
from django.urls import reverse

ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def _add(form, data):
    for bound in form:
        widget = getattr(bound.field.widget, "widget", bound.field.widget)
        value = bound.value()
        if isinstance(widget, forms.FileInput) or value is None:
            continue
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(widget, forms.MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)
            for index, part in enumerate(parts):
                data[f"{bound.html_name}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(item) for item in value]
        else:
            data[bound.html_name] = str(value)


def form_data(response, **overrides):
    """What the admin page in `response` would post unchanged, with `overrides` applied."""
    data = {}
    _add(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        _add(inline.formset.management_form, data)
        for form in inline.formset.forms:
            _add(form, data)
    return data | overrides
