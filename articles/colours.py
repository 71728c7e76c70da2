"""Colour contrast (WCAG 2.2), so white text on any category colour stays readable."""

WHITE = (255, 255, 255)
AA_NORMAL_TEXT = 4.5


def hex_to_rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def rgb_to_hex(rgb):
    return "#" + "".join(f"{channel:02x}" for channel in rgb)


def relative_luminance(rgb):
    def linear(channel):
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(a, b):
    lighter, darker = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_background(colour, text=WHITE, minimum=AA_NORMAL_TEXT):
    """`colour` as #rrggbb, darkened in small steps until `text` on it reaches `minimum`."""
    rgb = hex_to_rgb(colour)
    step = 0
    while contrast_ratio(rgb, text) < minimum and step < 100:
        rgb = tuple(int(channel * 0.95) for channel in rgb)
        step += 1
    return rgb_to_hex(rgb)
