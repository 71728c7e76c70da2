"""Hero images drawn with Pillow for the demo publication (and as test fixtures)."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

HERO_SIZE = (1600, 900)


def _rgb(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def draw_hero(colour, seed, size=HERO_SIZE):
    """A soft gradient in `colour` with translucent circles, the same for the same `seed`."""
    rng = random.Random(seed)
    base = _rgb(colour)
    dark, light = _mix(base, (0, 0, 0), 0.45), _mix(base, (255, 255, 255), 0.35)
    # Drawn at half the size and scaled up: the shapes are soft anyway, and it is fast.
    full_size, size = size, (size[0] // 2, size[1] // 2)
    width, height = size
    gradient = Image.linear_gradient("L").rotate(rng.choice([0, 45, 90, 135])).resize(size)
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
