"""
A story body as readers get it: each library image in it drawn from its renditions.

The editor stores `<figure class="figure"><img src alt data-file="<Image id>"><figcaption>`;
the page gets the srcset, size, lazy loading and credit of that library image, read in one
query, so a new rendition or a corrected credit shows without re-saving the story.
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from articles.models import Image

FIGURE = re.compile(r'<figure class="figure">(.*?)</figure>', re.DOTALL)
IMAGE = re.compile(r"<img ([^>]*)>")
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
BODY_IMAGE_SIZES = "(min-width: 46rem) 44rem, 100vw"


def body_html(html):
    """The sanitised body `html`, with its library images made responsive and credited."""
    ids = {int(i) for i in re.findall(r'data-file="(\d+)"', html)}
    if not ids:
        return mark_safe(html)  # noqa: S308  Sanitised on save (Article.save).
    images = Image.objects.in_bulk(ids)

    def figure(match):
        inner = match[1]
        img = IMAGE.search(inner)
        attributes = dict(ATTRIBUTE.findall(img[1])) if img else {}
        image = images.get(int(attributes.get("data-file") or 0))
        if image is None or not image.picture:
            return match[0]
        picture = image.picture
        alt = "" if image.decorative else (attributes.get("alt") or image.alt_text)
        tag = format_html(
            '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
            'loading="lazy" decoding="async">',
            picture.src,
            picture.jpeg_srcset,
            BODY_IMAGE_SIZES,
            picture.width,
            picture.height,
            alt,
        )
        inner = inner[: img.start()] + tag + inner[img.end() :]
        if image.credit:
            credit = f' <span class="credit">{escape(image.credit)}</span>'
            if "</figcaption>" in inner:
                inner = inner.replace("</figcaption>", f"{credit}</figcaption>", 1)
            else:
                inner += f"<figcaption>{credit.strip()}</figcaption>"
        return f'<figure class="figure">{inner}</figure>'

    return mark_safe(FIGURE.sub(figure, html))  # noqa: S308  Built from sanitised parts.
