"""
Images drawn with Pillow for the demo publication (and as test fixtures): the stories' hero
images, and the fictional staff's portraits (abstract, with their initials: no real face).
"""

import io
import random

from django.contrib.staticfiles import finders
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERO_SIZE = (1600, 900)
PORTRAIT_SIZE = 640
# The site's own headline face, so the initials look like the publication's type.
PORTRAIT_FONT = "fonts/source-serif-4-latin-700-normal.woff2"


def _rgb(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def draw_hero(colour, seed, size=HERO_SIZE, angles=(0, 45, 90, 135)):
    """A soft gradient in `colour` with translucent circles, the same for the same `seed`."""
    rng = random.Random(seed)
    base = _rgb(colour)
    dark, light = _mix(base, (0, 0, 0), 0.45), _mix(base, (255, 255, 255), 0.35)
    # Drawn at half the size and scaled up: the shapes are soft anyway, and it is fast.
    full_size, size = size, (size[0] // 2, size[1] // 2)
    width, height = size
    gradient = Image.linear_gradient("L").rotate(rng.choice(angles)).resize(size)
    image = Image.composite(
        Image.new("RGB", size, light), Image.new("RGB", size, dark), gradient
    ).convert("RGBA")
    overlay = Image.new("RGBA", size, (255, 255, 255, 0))
    draw = ImageDraw.Draw(overlay)
    for _ in range(rng.randint(6, 11)):
        radius = rng.randint(height // 12, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        tint = _mix(base, (255, 255, 255), rng.uniform(0.2, 0.9))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*tint, 70))
    overlay = overlay.filter(ImageFilter.BoxBlur(1))
    small = Image.alpha_composite(image, overlay).convert("RGB")
    return small.resize(full_size, Image.Resampling.BICUBIC)


def hero_jpeg(colour, seed, size=HERO_SIZE):
    buffer = io.BytesIO()
    draw_hero(colour, seed, size).save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def draw_portrait(name, colour, size=PORTRAIT_SIZE):
    """A square of the hero's gradient in `colour` with the initials of `name` in white."""
    # Upright gradients only: a diagonal one leaves hard corners, which a round crop shows.
    image = draw_hero(colour, name, (size, size), angles=(0, 180)).convert("RGBA")
    # A soft shade behind the letters keeps white text readable on the gradient's light end.
    shade = Image.new("RGBA", image.size, (0, 0, 0, 0))
    ImageDraw.Draw(shade).ellipse(
        (size * 0.18, size * 0.18, size * 0.82, size * 0.82), fill=(*_rgb(colour), 110)
    )
    image = Image.alpha_composite(image, shade.filter(ImageFilter.GaussianBlur(size // 16)))
    initials = "".join(word[0] for word in name.split()[:2]).upper()
    ImageDraw.Draw(image).text(
        (size / 2, size / 2), initials, font=_font(size * 0.36), anchor="mm", fill="white"
    )
    return image.convert("RGB")


def portrait_jpeg(name, colour, size=PORTRAIT_SIZE):
    buffer = io.BytesIO()
    draw_portrait(name, colour, size).save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def _font(size):
    try:
        return ImageFont.truetype(finders.find(PORTRAIT_FONT), size)
    except (OSError, TypeError):  # a FreeType without WOFF2 support, or the file moved
        return ImageFont.load_default(size)
