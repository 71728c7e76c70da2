import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import ExifTags, Image

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory

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
    article = ArticleFactory(**fields)
    article.hero_image_alt = "A test photo"
    article.hero_image.save("photo.jpg", ContentFile(data))
    return Article.objects.get(pk=article.pk)


def rendition_files(article):
    return [size[kind] for size in article.hero_renditions["sizes"] for kind in ("webp", "jpeg")]


def test_the_test_photo_really_carries_gps():
    with Image.open(io.BytesIO(photo_with_gps())) as image:
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_renditions_are_made_at_several_widths_in_webp_and_jpeg():
    article = with_hero(photo_with_gps())
    sizes = article.hero_renditions["sizes"]
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
    largest = article.hero_renditions["sizes"][-1]
    assert largest["width"] == 1600
    for kind in ("webp", "jpeg"):
        with default_storage.open(largest[kind]) as file:
            assert b"SpyCam" not in file.read()


def test_small_images_are_never_upscaled():
    article = with_hero(photo_with_gps(size=(600, 400)))
    assert [s["width"] for s in article.hero_renditions["sizes"]] == [480, 600]


def test_transparent_png_is_flattened():
    buffer = io.BytesIO()
    Image.new("RGBA", (900, 600), (0, 0, 0, 0)).save(buffer, "PNG")
    article = with_hero(buffer.getvalue())
    name = article.hero_renditions["sizes"][0]["jpeg"]
    with default_storage.open(name) as file, Image.open(file) as image:
        assert image.getpixel((10, 10)) == (255, 255, 255)


def test_renditions_are_made_once_per_upload():
    article = with_hero(photo_with_gps())
    first = article.hero_renditions
    default_storage.delete(first["sizes"][0]["webp"])
    article.title = "A new headline"
    article.save()
    assert article.hero_renditions == first
    assert not default_storage.exists(first["sizes"][0]["webp"]), "saving again rebuilt them"


def test_a_new_image_replaces_the_old_renditions():
    article = with_hero(photo_with_gps())
    old = rendition_files(article)
    article.hero_image.save("other.jpg", ContentFile(photo_with_gps(size=(1000, 500))))
    article.refresh_from_db()
    assert article.hero_renditions["source"] == article.hero_image.name
    assert [s["width"] for s in article.hero_renditions["sizes"]] == [480, 800, 1000]
    assert not any(default_storage.exists(name) for name in old)


def test_removing_the_image_removes_the_renditions():
    article = with_hero(photo_with_gps())
    old = rendition_files(article)
    article.hero_image = ""
    article.save()
    article.refresh_from_db()
    assert article.hero_renditions == {}
    assert article.hero_picture is None
    assert article.hero_rendition() is None
    assert not any(default_storage.exists(name) for name in old)


def test_an_unreadable_image_does_not_break_saving():
    article = with_hero(b"this is not an image")
    assert article.hero_renditions == {}


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
    Article.objects.filter(pk=article.pk).update(hero_renditions={})
    call_command("build_renditions", "--dry-run", stdout=io.StringIO())
    assert Article.objects.get(pk=article.pk).hero_renditions == {}

    out = io.StringIO()
    call_command("build_renditions", stdout=out)
    assert "Made renditions for 1 articles" in out.getvalue()
    article.refresh_from_db()
    assert all(default_storage.exists(name) for name in rendition_files(article))
    assert Article.objects.get(pk=untouched.pk).hero_renditions == untouched.hero_renditions


def test_command_rebuilds_renditions_whose_files_went_missing():
    article = with_hero(photo_with_gps())
    missing = article.hero_renditions["sizes"][1]["jpeg"]
    default_storage.delete(missing)
    call_command("build_renditions", stdout=io.StringIO())
    assert default_storage.exists(missing)


def test_a_sideways_camera_photo_is_turned_upright():
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # the camera was turned: rotate 90° to view
    Image.new("RGB", (1200, 800), "white").save(buffer, "JPEG", exif=exif)
    article = with_hero(buffer.getvalue())
    assert (article.hero_renditions["width"], article.hero_renditions["height"]) == (800, 1200)
    largest = article.hero_renditions["sizes"][-1]
    assert (largest["width"], largest["height"]) == (800, 1200)
