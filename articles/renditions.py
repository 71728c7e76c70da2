"""
Responsive renditions of uploaded images, made once per upload with Pillow.

Every rendition is turned upright from its EXIF orientation, resized, and re-encoded as WebP and
as JPEG *without any metadata*: no EXIF (so no GPS position or camera serial), no XMP. What was
made is recorded on the model in a JSON field, so pages never open an image file: a `Picture`
turns that record into the URLs, `srcset` strings and sizes a template needs.

The record looks like this (names are storage names, not URLs)::

    {"source": "articles/2026/03/cells.jpg", "width": 1600, "height": 900,
     "sizes": [{"width": 480, "height": 270, "webp": "renditions/...-480.webp",
                "jpeg": "renditions/...-480.jpg"}, ...],
     "focal": [0.5, 0.5], "crops": {"card": {"sizes": [...]}, "social": {"sizes": [...]}}}

Crops (see CROPS) are cut to a fixed shape around the image's focal point, so the part that
matters stays in the card and the social preview whatever the original's shape.
"""

import io
import logging
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

WIDTHS = (480, 800, 1200, 1600)
FORMATS = {
    "webp": ("WEBP", {"quality": 80, "method": 2}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
}
# The JPEG a browser without srcset support gets, and the default for og:image.
FALLBACK_WIDTH = 800
# Fixed shapes cut around the focal point: name -> ((width, height) ratio, widths).
CROPS = {
    "card": ((4, 3), (480, 800)),
    "social": ((1.91, 1), (1200,)),  # og:image and Twitter's large card
}
CENTRE = (0.5, 0.5)


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


def media_url(name, storage=default_storage):
    """
    storage.url(name), remembered: rendition names never change, and a story page shows dozens.
    Signed S3 links (querystring_auth) expire, so those are signed afresh each time.
    """
    if signs_urls(storage):
        return storage.url(name)
    return _media_url(storage, name, settings.MEDIA_URL)


@lru_cache(maxsize=10_000)
def _media_url(storage, name, media_url):
    return storage.url(name)


@lru_cache
def signs_urls(storage):
    return getattr(storage, "querystring_auth", False)


class Picture:
    """What a template needs to draw a `<picture>` from a renditions record."""

    def __init__(self, record, storage=default_storage):
        self.record = record
        self.storage = storage
        self.sizes = record["sizes"]

    def __bool__(self):
        return bool(self.sizes)

    def _srcset(self, kind):
        return ", ".join(
            f"{media_url(size[kind], self.storage)} {size['width']}w" for size in self.sizes
        )

    @property
    def webp_srcset(self):
        return self._srcset("webp")

    @property
    def jpeg_srcset(self):
        return self._srcset("jpeg")

    @cached_property
    def fallback(self):
        return self.at_least(FALLBACK_WIDTH)

    @property
    def width(self):
        return self.fallback.width

    @property
    def height(self):
        return self.fallback.height

    @property
    def src(self):
        return self.fallback.url

    def at_least(self, width, kind="jpeg"):
        """The smallest rendition at least `width` wide, or the largest there is."""
        size = next((s for s in self.sizes if s["width"] >= width), self.sizes[-1])
        return Rendition(media_url(size[kind], self.storage), size["width"], size["height"])

    def all(self, kind="jpeg"):
        return [
            Rendition(media_url(s[kind], self.storage), s["width"], s["height"]) for s in self.sizes
        ]


def picture_for(record, crop=None):
    """A `Picture` for a stored record (or one of its crops), or None when there are none."""
    if record and crop:
        record = record.get("crops", {}).get(crop)
    return Picture(record) if record and record.get("sizes") else None


def _target_widths(source_width, widths):
    largest = min(source_width, max(widths))
    return sorted({w for w in widths if w < largest} | {largest})


def _upright_rgb(image):
    """The pixels only: turned upright, flattened onto white, with every metadata block dropped."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    else:
        image = image.convert("RGB")
    image.info = {}
    return image


def focal_box(size, ratio, focal=CENTRE):
    """The largest box of shape `ratio` inside `size`, as centred on `focal` as the edges allow."""
    width, height = size
    ratio = ratio[0] / ratio[1]
    box_width, box_height = (
        (height * ratio, height) if width / height > ratio else (width, width / ratio)
    )
    box_width, box_height = round(box_width), round(box_height)
    left = round(min(max(focal[0] * width - box_width / 2, 0), width - box_width))
    top = round(min(max(focal[1] * height - box_height / 2, 0), height - box_height))
    return (left, top, left + box_width, top + box_height)


def renditions_build(*, image, widths=WIDTHS, storage=default_storage, focal=None, crops=None):
    """
    Write WebP and JPEG renditions of `image` (a FieldFile) at each of `widths` no wider than the
    original (the original's width when it is narrower), and return the record to store. With
    `focal` (x, y from 0 to 1), also the `crops` (by default CROPS) cut around that point.
    """
    with image.open("rb"), Image.open(image) as original:
        original.draft("RGB", (max(widths), max(widths)))  # JPEG: decode at a smaller scale
        upright = _upright_rgb(original)
    path = PurePosixPath(image.name)
    base = f"renditions/{path.parent}/{path.stem}"
    record = {
        "source": image.name,
        "width": upright.width,
        "height": upright.height,
        "sizes": _write_sizes(upright, widths, base, storage),
    }
    if focal is not None:
        record["focal"] = list(focal)
        record["crops"] = {
            name: {
                "sizes": _write_sizes(
                    upright.crop(focal_box(upright.size, ratio, focal)),
                    crop_widths,
                    f"{base}-{name}-{round(focal[0] * 100)}-{round(focal[1] * 100)}",
                    storage,
                )
            }
            for name, (ratio, crop_widths) in (CROPS if crops is None else crops).items()
        }
    return record


def _write_sizes(upright, widths, base, storage):
    sizes = []
    resized = upright
    # Largest first, each resized from the one before: quicker than from the original every time.
    for width in reversed(_target_widths(upright.width, widths)):
        height = max(1, round(upright.height * width / upright.width))
        if resized.size != (width, height):
            resized = resized.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=2.0)
        size = {"width": width, "height": height}
        for kind, (pillow_format, options) in FORMATS.items():
            buffer = io.BytesIO()
            # No exif=, xmp= or icc_profile= given, and info emptied: nothing but pixels is written.
            resized.save(buffer, pillow_format, **options)
            name = f"{base}-{width}.{'jpg' if kind == 'jpeg' else kind}"
            size[kind] = storage.save(name, ContentFile(buffer.getvalue()))
        sizes.insert(0, size)
    return sizes


def record_sizes(record):
    """Every size in a record, the crops' included."""
    record = record or {}
    crops = record.get("crops", {}).values()
    return [*record.get("sizes", []), *(size for crop in crops for size in crop["sizes"])]


def renditions_delete(*, record, storage=default_storage):
    for size in record_sizes(record):
        for kind in FORMATS:
            if size.get(kind):
                storage.delete(size[kind])


def renditions_are_current(*, image, record, focal=None):
    record = record or {}
    current = bool(image) and record.get("source") == image.name
    return current and (focal is None or record.get("focal") == list(focal))


def renditions_refresh(*, instance, field, record_field, widths=WIDTHS, force=False, focal=None):
    """
    Make the renditions of `instance.<field>` unless the stored record already matches the file
    (and `focal`, when crops are wanted), store the record on `instance.<record_field>` (without
    touching other fields), and delete the renditions it replaced. An unreadable image leaves an
    empty record and a log line.
    """
    image = getattr(instance, field)
    old = getattr(instance, record_field) or {}
    current = renditions_are_current(image=image, record=old, focal=focal)
    if not force and (current or (not image and not old)):
        return old
    renditions_delete(record=old)
    record = {}
    if image:
        try:
            record = renditions_build(image=image, widths=widths, focal=focal)
        except (OSError, ValueError, Image.DecompressionBombError):
            logger.warning("Could not make renditions of %s", image.name, exc_info=True)
    type(instance).objects.filter(pk=instance.pk).update(**{record_field: record})
    setattr(instance, record_field, record)
    return record
