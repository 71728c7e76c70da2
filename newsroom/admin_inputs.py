"""
What the admin takes from a request is checked before Django queries with it.

Django's admin passes some hand-typed values straight to the database or to Python's dates: a
date-list year beyond the calendar, a bulk-action selection that is no id, an id too large for its
column in a picker (whose widget looks the value up again to redraw the form), a NUL in the id of
a history page (on PostgreSQL). Each was a 500; each is now a 400, a 404 or a form error.
NewsroomAdminSite adds these checks to every ModelAdmin and inline, ours and other apps' alike.
"""

import functools
from datetime import date

from django import forms
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import BadRequest, ValidationError
from django.http import Http404


def is_key(model_field, value):
    """Whether `value` could name a row by `model_field`: of its type and within its column."""
    try:
        model_field.run_validators(model_field.to_python(value))
    except ValidationError:
        return False
    return True


def _target_field(db_field):
    """The field of the related model that `db_field`, a ForeignKey or ManyToMany, points to."""
    opts = db_field.remote_field.model._meta
    return opts.get_field(getattr(db_field.remote_field, "field_name", None) or opts.pk.name)


class CheckedAutocompleteMixin:
    def optgroups(self, name, value, attr=None):
        # Redrawing a form with an error looks up the values posted: only those that can exist.
        target = _target_field(self.field)
        return super().optgroups(name, [item for item in value if is_key(target, item)], attr)


class CheckedAutocompleteSelect(CheckedAutocompleteMixin, AutocompleteSelect):
    pass


class CheckedAutocompleteSelectMultiple(CheckedAutocompleteMixin, AutocompleteSelectMultiple):
    pass


class CheckedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        opts = self.queryset.model._meta
        target = opts.get_field(self.to_field_name) if self.to_field_name else opts.pk
        for pk in value:
            if not is_key(target, pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class CheckedFormFields:
    """For ModelAdmins and inlines: pickers that turn ids that cannot exist into form errors."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        kwargs.setdefault("form_class", CheckedModelMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class CheckedRequests(CheckedFormFields):
    """For ModelAdmins: date lists and bulk-action selections checked, inlines' pickers too."""

    def get_inlines(self, request, obj):
        return [with_checks(inline) for inline in super().get_inlines(request, obj)]

    def changelist_view(self, request, extra_context=None):
        if self.date_hierarchy:
            self._check_date_list(request)
        return super().changelist_view(request, extra_context)

    def _check_date_list(self, request):
        parts = [
            request.GET.getlist(f"{self.date_hierarchy}__{part}")[-1:]
            for part in ["year", "month", "day"]
        ]
        if not any(parts):
            return
        try:
            year, month, day = (int(part[0]) if part else 1 for part in parts)
            # Django's list also asks for the year after: the last year is 9998.
            if year > 9998 or (parts[1] and not parts[0]) or (parts[2] and not parts[1]):
                raise ValueError
            date(year, month, day)
        except (ValueError, OverflowError):
            raise BadRequest("No such date.") from None

    def history_view(self, request, object_id, extra_context=None):
        # django-reversion's history looks the id up as text: PostgreSQL refuses a NUL in it.
        if not is_key(self.model._meta.pk, unquote(object_id)):
            raise Http404("No such object.")
        return super().history_view(request, object_id, extra_context)

    def response_action(self, request, queryset, *args, **kwargs):
        pk = self.model._meta.pk
        if not all(
            is_key(pk, value) for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        ):
            raise BadRequest("The selection is not a list of ids.")
        return super().response_action(request, queryset, *args, **kwargs)


@functools.cache
def with_checks(admin_class):
    """`admin_class` (a ModelAdmin or inline) with the checks above."""
    mixin = CheckedRequests if hasattr(admin_class, "changelist_view") else CheckedFormFields
    if issubclass(admin_class, mixin):
        return admin_class
    attrs = {"__module__": admin_class.__module__, "__qualname__": admin_class.__qualname__}
    return type(admin_class.__name__, (mixin, admin_class), attrs)
