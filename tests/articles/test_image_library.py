"""The image library's JSON for the body editor: listing, search and upload, role by role."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage

from articles.models import Image
from tests.articles.roles import make_user
from tests.factories import ArticleFactory, ImageFactory

pytestmark = pytest.mark.django_db

LIBRARY = reverse("admin:articles_image_library")
UPLOAD = reverse("admin:articles_image_upload")
# role -> (may list, may upload)
ALLOWED = {
    "writer": (True, True),
    "editor": (True, True),
    "newsletter_manager": (False, False),
    "superuser": (True, True),
}


def jpeg():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (900, 600), "teal").save(buffer, "JPEG")
    return SimpleUploadedFile("otter.jpg", buffer.getvalue(), content_type="image/jpeg")


def login(client, role):
    if role != "anonymous":
        client.force_login(make_user(role))
    return client


@pytest.mark.parametrize("role", ["anonymous", *ALLOWED])
def test_the_library_lists_images_for_those_who_may_see_them(client, role):
    ImageFactory(alt_text="Otters holding hands", caption="Sea otters", credit="Photo: Zoo")
    response = login(client, role).get(LIBRARY)
    if role == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
        return
    if not ALLOWED[role][0]:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    (image,) = response.json()["results"]
    assert image["alt"] == "Otters holding hands" and image["credit"] == "Photo: Zoo"
    assert image["src"].startswith("/media/renditions/") and " 480w" in image["srcset"]


@pytest.mark.parametrize("role", ["anonymous", *ALLOWED])
def test_uploading_needs_the_add_permission(client, role):
    response = login(client, role).post(UPLOAD, {"file": jpeg(), "alt_text": "An otter"})
    if role == "anonymous":
        assert response.status_code == 302
    elif not ALLOWED[role][1]:
        assert response.status_code == 403
    else:
        assert response.status_code == 201
        image = Image.objects.get()
        assert response.json()["id"] == image.pk
        assert image.uploaded_by.username == role and image.picture
        return
    assert not Image.objects.exists()


def test_the_library_searches_alt_text_caption_and_credit(client):
    ImageFactory(alt_text="A hedgehog in leaves")
    ImageFactory(alt_text="Coral", caption="A reef recovering")
    login(client, "editor")
    found = [i["alt"] for i in client.get(LIBRARY, {"q": "reef"}).json()["results"]]
    assert found == ["Coral"]


def test_uploads_are_checked_like_every_image(client):
    login(client, "writer")
    bad = SimpleUploadedFile("x.jpg", b"not an image")
    response = client.post(UPLOAD, {"file": bad, "alt_text": "x"})
    assert response.status_code == 400
    assert "this file is not one" in response.json()["errors"]["file"][0]
    response = client.post(UPLOAD, {"file": jpeg(), "alt_text": ""})
    assert response.status_code == 400 and "mark it decorative" in str(response.json())
    assert client.post(UPLOAD, {"file": jpeg(), "decorative": "on"}).status_code == 201


def test_the_library_needs_get_and_upload_needs_post(client):
    login(client, "editor")
    assert client.post(LIBRARY).status_code == 405
    assert client.get(UPLOAD).status_code == 405


def test_the_image_list_filters_missing_alt_text(client):
    ImageFactory(alt_text="")
    ImageFactory(alt_text="Described")
    ImageFactory(alt_text="", decorative=True)
    login(client, "editor")
    response = client.get(reverse("admin:articles_image_changelist"), {"alt": "missing"})
    assert response.context["cl"].result_count == 1


def test_image_list_query_count_stays_flat(client, django_assert_max_num_queries):
    ImageFactory.create_batch(60)
    login(client, "editor")
    with django_assert_max_num_queries(12) as captured:
        assert client.get(reverse("admin:articles_image_changelist")).status_code == 200
    with django_assert_max_num_queries(8) as library:
        assert client.get(LIBRARY).status_code == 200
    print(f"image list: {len(captured)} queries; library JSON: {len(library)} queries")


def test_the_story_form_does_not_grow_with_the_library(client, django_assert_max_num_queries):
    images = ImageFactory.create_batch(30)
    story = ArticleFactory(
        hero=images[0],
        body="".join(
            f'<figure class="figure"><img src="{i.picture.src}" alt="x" data-file="{i.pk}">'
            "</figure>"
            for i in images[:10]
        ),
    )
    login(client, "editor")
    url = reverse("admin:articles_article_change", args=[story.pk])
    with django_assert_max_num_queries(30) as captured:
        assert client.get(url).status_code == 200
    ImageFactory.create_batch(30)
    with django_assert_max_num_queries(len(captured)):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(12) as page:
        assert client.get(story.get_absolute_url()).status_code == 200
    print(f"story change form: {len(captured)} queries; story page: {len(page)} queries")
