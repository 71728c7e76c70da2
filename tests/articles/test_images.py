import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from PIL import ExifTags, Image

from articles.models import Article
from articles.models import Image as LibraryImage
from articles.renditions import Picture, focal_box
from tests.factories import ArticleFactory, AuthorFactory, ImageFactory

pytestmark = pytest.mark.django_db


def photo_with_gps(size=(2000, 1200), fmt="JPEG"):
    """A camera-like photo carrying a GPS position and a camera make in its EXIF."""
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SpyCam"
    exif[ExifTags.Base.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (51.0, 30.0, 12.0),
        ExifTags.GPS.GPSLongitudeRef: "W",
        ExifTags.GPS.GPSLongitude: (0.0, 7.0, 39.0),
    }
    buffer = io.BytesIO()
    image.save(buffer, fmt, exif=exif)
    return buffer.getvalue()


def with_hero(data, **fields):
    hero = ImageFactory(file=ContentFile(data, "photo.jpg"), **fields)
    article = ArticleFactory(hero=hero)
    return Article.objects.select_related("hero").get(pk=article.pk)


def rendition_files(article):
    return [size[kind] for size in article.hero.renditions["sizes"] for kind in ("webp", "jpeg")]


def test_the_test_photo_really_carries_gps():
    with Image.open(io.BytesIO(photo_with_gps())) as image:
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_renditions_are_made_at_several_widths_in_webp_and_jpeg():
    article = with_hero(photo_with_gps())
    sizes = article.hero.renditions["sizes"]
    assert [(s["width"], s["height"]) for s in sizes] == [
        (480, 288),
        (800, 480),
        (1200, 720),
        (1600, 960),
    ]
    for size in sizes:
        for kind, pillow_format in (("webp", "WEBP"), ("jpeg", "JPEG")):
            with default_storage.open(size[kind]) as file, Image.open(file) as image:
                assert image.format == pillow_format
                assert image.size == (size["width"], size["height"])


def test_every_rendition_is_stripped_of_exif_and_gps():
    article = with_hero(photo_with_gps())
    for name in rendition_files(article):
        with default_storage.open(name) as file:
            data = file.read()
        with Image.open(io.BytesIO(data)) as image:
            assert not image.getexif(), name
            assert "exif" not in image.info, name
        assert b"SpyCam" not in data


def test_a_rendition_at_the_original_size_is_stripped_too():
    article = with_hero(photo_with_gps(size=(1600, 900)))
    largest = article.hero.renditions["sizes"][-1]
    assert largest["width"] == 1600
    for kind in ("webp", "jpeg"):
        with default_storage.open(largest[kind]) as file:
            assert b"SpyCam" not in file.read()


def test_small_images_are_never_upscaled():
    article = with_hero(photo_with_gps(size=(600, 400)))
    assert [s["width"] for s in article.hero.renditions["sizes"]] == [480, 600]


def test_transparent_png_is_flattened():
    buffer = io.BytesIO()
    Image.new("RGBA", (900, 600), (0, 0, 0, 0)).save(buffer, "PNG")
    article = with_hero(buffer.getvalue())
    name = article.hero.renditions["sizes"][0]["jpeg"]
    with default_storage.open(name) as file, Image.open(file) as image:
        assert image.getpixel((10, 10)) == (255, 255, 255)


def test_renditions_are_made_once_per_upload():
    article = with_hero(photo_with_gps())
    first = article.hero.renditions
    default_storage.delete(first["sizes"][0]["webp"])
    article.hero.caption = "A new caption"
    article.hero.save()
    assert article.hero.renditions == first
    assert not default_storage.exists(first["sizes"][0]["webp"]), "saving again rebuilt them"


def test_a_new_image_replaces_the_old_renditions():
    article = with_hero(photo_with_gps())
    old = rendition_files(article)
    article.hero.file.save("other.jpg", ContentFile(photo_with_gps(size=(1000, 500))))
    article.refresh_from_db()
    assert article.hero.renditions["source"] == article.hero.file.name
    assert [s["width"] for s in article.hero.renditions["sizes"]] == [480, 800, 1000]
    assert not any(default_storage.exists(name) for name in old)


def test_removing_the_image_removes_the_renditions():
    article = with_hero(photo_with_gps())
    old = rendition_files(article)
    article.hero.file = ""
    article.hero.save()
    article.refresh_from_db()
    assert article.hero.renditions == {}
    assert article.hero_picture is None
    assert article.hero_rendition() is None
    assert not any(default_storage.exists(name) for name in old)


def test_an_unreadable_image_does_not_break_saving():
    article = with_hero(b"this is not an image")
    assert article.hero.renditions == {}


def test_hero_rendition_gives_url_and_size_for_other_sites():
    article = with_hero(photo_with_gps())
    rendition = article.hero_rendition(1200)
    assert rendition.url.startswith("/media/renditions/") and rendition.url.endswith(".jpg")
    assert (rendition.width, rendition.height) == (1200, 720)
    assert article.hero_rendition(5000).width == 1600
    assert article.hero_rendition(100, kind="webp").url.endswith("-480.webp")
    assert len(article.hero_picture.all()) == 4


def test_author_photos_get_stripped_renditions():
    author = AuthorFactory()
    author.photo.save("me.jpg", ContentFile(photo_with_gps()))
    author.refresh_from_db()
    assert [s["width"] for s in author.photo_renditions["sizes"]] == [160, 320]
    with default_storage.open(author.photo_renditions["sizes"][0]["jpeg"]) as file:
        assert b"SpyCam" not in file.read()


def test_command_builds_missing_renditions_only():
    article = with_hero(photo_with_gps())
    untouched = with_hero(photo_with_gps())
    LibraryImage.objects.filter(pk=article.hero_id).update(renditions={})
    call_command("build_renditions", "--dry-run", stdout=io.StringIO())
    assert LibraryImage.objects.get(pk=article.hero_id).renditions == {}

    out = io.StringIO()
    call_command("build_renditions", stdout=out)
    assert "Made renditions for 1 images" in out.getvalue()
    article.refresh_from_db()
    assert all(default_storage.exists(name) for name in rendition_files(article))
    assert LibraryImage.objects.get(pk=untouched.hero_id).renditions == untouched.hero.renditions


def test_command_rebuilds_renditions_whose_files_went_missing():
    article = with_hero(photo_with_gps())
    missing = article.hero.renditions["sizes"][1]["jpeg"]
    default_storage.delete(missing)
    call_command("build_renditions", stdout=io.StringIO())
    assert default_storage.exists(missing)


def test_a_sideways_camera_photo_is_turned_upright():
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # the camera was turned: rotate 90° to view
    Image.new("RGB", (1200, 800), "white").save(buffer, "JPEG", exif=exif)
    article = with_hero(buffer.getvalue())
    assert (article.hero.renditions["width"], article.hero.renditions["height"]) == (800, 1200)
    largest = article.hero.renditions["sizes"][-1]
    assert (largest["width"], largest["height"]) == (800, 1200)


def test_focal_box_is_centred_on_the_focal_point_within_the_edges():
    assert focal_box((1600, 900), (4, 3)) == (200, 0, 1400, 900)
    assert focal_box((1600, 900), (4, 3), (0.1, 0.5)) == (0, 0, 1200, 900)
    assert focal_box((1600, 900), (4, 3), (0.6, 0.5)) == (360, 0, 1560, 900)
    assert focal_box((1600, 900), (4, 3), (0.9, 0.5)) == (400, 0, 1600, 900)
    assert focal_box((900, 1600), (1.91, 1), (0.5, 0.0)) == (0, 0, 900, 471)


def test_card_and_social_crops_follow_the_focal_point():
    article = with_hero(photo_with_gps(size=(1600, 900)), focal_x=0.1, focal_y=0.5)
    (social,) = article.social_picture.all()
    assert (social.width, social.height) == (1200, 628)
    card = article.card_picture.all()
    assert [(r.width, r.height) for r in card] == [(480, 360), (800, 600)]
    old = [size["jpeg"] for size in article.hero.renditions["crops"]["card"]["sizes"]]
    article.hero.focal_x = 0.9
    article.hero.save()
    assert article.hero.renditions["focal"] == [0.9, 0.5]
    new = [size["jpeg"] for size in article.hero.renditions["crops"]["card"]["sizes"]]
    assert new != old and not any(default_storage.exists(name) for name in old)
    assert all(default_storage.exists(name) for name in new)


def test_the_focal_point_stays_inside_the_image():
    image = ImageFactory.build(focal_x=1.5)
    with pytest.raises(ValidationError, match="focal_x"):
        image.full_clean()


RECORD = {"sizes": [{"width": 480, "height": 270, "webp": "r/a-480.webp", "jpeg": "r/a-480.jpg"}]}


def test_rendition_urls_follow_a_new_media_url(settings):
    assert Picture(RECORD).src == "/media/r/a-480.jpg"
    settings.MEDIA_URL = "https://cdn.example.org/media/"
    assert Picture(RECORD).src == "https://cdn.example.org/media/r/a-480.jpg"


def s3(**options):
    return storages.create_storage(
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "newsroom-media", "access_key": "k", "secret_key": "s"}
            | options,
        }
    )


def test_signed_s3_links_are_signed_afresh_for_each_page():
    storage = s3(querystring_auth=True, querystring_expire=600)
    with time_machine.travel("2026-03-01 12:00Z"):
        first = Picture(RECORD, storage).src
    with time_machine.travel("2026-03-01 13:00Z"):
        later = Picture(RECORD, storage).src
    assert "Signature=" in later and later != first


def test_public_s3_links_stay_the_same():
    storage = s3(custom_domain="media.example.org", querystring_auth=False)
    assert Picture(RECORD, storage).webp_srcset == "https://media.example.org/r/a-480.webp 480w"
