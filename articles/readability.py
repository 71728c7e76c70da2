"""
How plain a story reads: the Flesch reading ease of its standfirst and body (0 to 100, higher
is easier; plain English is 60 or more), with a syllable count good enough for English prose.
"""

import re
from typing import NamedTuple

from django.conf import settings
from django.utils.html import strip_tags

WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|\d[\d,.]*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")
SOUNDED_ENDINGS = ("ted", "ded", "ses", "ces", "zes", "ges", "xes", "shes", "ches")
BANDS = [
    (90, "very easy"),
    (80, "easy"),
    (70, "fairly easy"),
    (60, "plain English"),
    (50, "fairly difficult"),
    (30, "difficult"),
    (float("-inf"), "very difficult"),
]


class Readability(NamedTuple):
    words: int
    score: float | None  # None without words

    @property
    def band(self):
        if self.score is None:
            return ""
        return next(label for floor, label in BANDS if self.score >= floor)

    @property
    def meets_target(self):
        return self.score is None or self.score >= settings.READABILITY_TARGET


def syllables(word):
    """Vowel groups, less a silent final e ("make", not "table"), at least one."""
    word = word.lower().strip("'’")
    if word[:1].isdigit():
        return max(1, len(word.replace(",", "")))  # figures are read out long
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if word.endswith(("es", "ed")) and count > 1 and not word.endswith(SOUNDED_ENDINGS):
        count -= 1  # "cured", "makes"; but "boxes", "wanted"
    return max(1, count)


def flesch_reading_ease(text):
    words = WORD.findall(text)
    if not words:
        return Readability(0, None)
    sentences = max(1, len([part for part in SENTENCE_END.split(text) if WORD.search(part)]))
    syllable_count = sum(syllables(word) for word in words)
    score = 206.835 - 1.015 * len(words) / sentences - 84.6 * syllable_count / len(words)
    return Readability(len(words), round(score, 1))


def article_readability(article):
    """{"standfirst": Readability, "body": Readability} of `article`."""
    body = re.sub(r"</(p|li|h[1-6]|blockquote)>", "\n\n", article.body or "")
    return {
        "standfirst": flesch_reading_ease(article.standfirst or ""),
        "body": flesch_reading_ease(strip_tags(body)),
    }
