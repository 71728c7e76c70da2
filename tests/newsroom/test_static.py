import json
import re

import pytest
from django.core.management import call_command
from django.http import HttpResponseNotFound
from django.test import RequestFactory
from whitenoise.middleware import WhiteNoiseMiddleware

from newsroom import settings as production

ONE_YEAR = 365 * 24 * 60 * 60


@pytest.fixture
def collected(settings, tmp_path):
    """collectstatic with the production storage, into a fresh STATIC_ROOT."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": production.STORAGES["staticfiles"]}
    # Only our own files: compressing the admin's and the editor's too would take seconds.
    others = ["admin", "django_prose_editor", "django_rq"]
    call_command("collectstatic", "--no-input", ignore_patterns=others, verbosity=0)
    return tmp_path


def serve(url, **headers):
    whitenoise = WhiteNoiseMiddleware(get_response=lambda request: HttpResponseNotFound())
    response = whitenoise(RequestFactory().get(url, **headers))
    response.file_to_stream.close()  # Only the headers matter here.
    return response


def test_collectstatic_writes_hashed_names_with_gzip_and_brotli_copies(collected):
    paths = json.loads((collected / "staticfiles.json").read_text())["paths"]
    hashed = paths["css/site.css"]
    assert re.fullmatch(r"css/site\.[0-9a-f]{12}\.css", hashed)
    assert (collected / f"{hashed}.gz").exists()
    assert (collected / f"{hashed}.br").exists()
    assert re.fullmatch(r"img/logo\.[0-9a-f]{12}\.png", paths["img/logo.png"])


def test_hashed_files_are_served_compressed_and_cached_for_good(collected):
    hashed = json.loads((collected / "staticfiles.json").read_text())["paths"]["css/site.css"]
    response = serve(f"/static/{hashed}", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert "Accept-Encoding" in response["Vary"]
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "immutable" in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control)[1]) >= ONE_YEAR
    gzip = serve(f"/static/{hashed}", HTTP_ACCEPT_ENCODING="gzip")
    assert gzip["Content-Encoding"] == "gzip"


def test_pages_link_the_hashed_stylesheet(collected, client, db):
    hashed = json.loads((collected / "staticfiles.json").read_text())["paths"]["css/site.css"]
    assert f'href="/static/{hashed}"' in client.get("/").content.decode()
