from django import forms

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
