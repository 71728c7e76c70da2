"""
Pre-publish advice that knows the evidence: what the headline and text claim, checked against
the kind of study behind them. Called from article_warnings; each warning says why and how.
"""

import re

from django.utils.html import strip_tags

from articles.models import EvidenceStage, StudyNotice

HYPE = re.compile(r"\b(cure[sd]?|curing|miracles?|miraculous|breakthroughs?)\b", re.I)
# Stages strong enough for strong words: a large trial in people, or many studies pooled.
STRONG_EVIDENCE = {EvidenceStage.PHASE_3, EvidenceStage.META_ANALYSIS}
SAYS_ANIMALS = re.compile(
    r"\b(mice|mouse|rats?|rodents?|animals?|monkeys?|primates?|pigs?|dogs?|zebrafish|fish|"
    r"(fruit )?flies|worms?|sheep|ferrets?)\b",
    re.I,
)
SAYS_LAB = re.compile(
    r"\b(cells?|lab|laboratory|dish(es)?|tissues?|organoids?|test tubes?)\b", re.I
)
RELATIVE = re.compile(
    r"\b\d+(\.\d+)?\s*(%|per\s?cent)\s+(lower|higher|less|more|fewer|greater|smaller|"
    r"reduction|increase|drop|rise|cut)\b"
    r"|\b(\d+(\.\d+)?|two|three|four|five|ten)\s*(times|-fold|fold)\s+(more|less|higher|lower|"
    r"as likely|likelier|the risk|greater)\b"
    r"|\b(halved|doubled|tripled)\s+(the\s+)?(risk|odds|chance)"
    r"|\b(risk|odds|chance)\s+(\w+\s+){0,4}by\s+\d+(\.\d+)?\s*(%|per\s?cent)",
    re.I,
)
ABSOLUTE = re.compile(
    r"\b\d[\d,.]*\s+(in|out of)\s+(every\s+)?\d[\d,]*\b"
    r"|\bfrom\s+\d+(\.\d+)?\s*(%|per\s?cent)\s+to\s+\d+(\.\d+)?\s*(%|per\s?cent)"
    r"|\bpercentage points?\b"
    r"|\bper\s+(100|1,?000|10,?000|100,?000)\b",
    re.I,
)
NOT_PEER_REVIEWED = re.compile(
    r"\b(not\s+(yet\s+)?(been\s+)?(independently\s+)?peer[-\s]?reviewed|"
    r"yet\s+to\s+be\s+peer[-\s]?reviewed|before\s+peer[-\s]?review)",
    re.I,
)


def claim_warnings(article):
    """Warnings about what `article` claims, given the studies it reports."""
    studies = list(article.studies.all()) if article.pk else []
    text = " ".join([article.title, article.standfirst, strip_tags(article.body)])
    checks = [
        preclinical_headline(article, studies),
        hype_short_of_phase_3(article),
        relative_risk_alone(text),
        preprint_unlabelled(text, studies),
        health_story_without_study(article, studies),
        *pending_notices(studies),
    ]
    return [warning for warning in checks if warning]


def preclinical_headline(article, studies):
    stages = {article.evidence, *(study.kind for study in studies)}
    populations = [study.population for study in studies if study.population]
    if any(population.lower() in article.title.lower() for population in populations):
        return None
    if EvidenceStage.ANIMAL_STUDY in stages and not SAYS_ANIMALS.search(article.title):
        return (
            "The headline doesn't say this was tested in animals: readers take a health "
            "headline to be about people. Say who it was in, e.g. “… in mice”."
        )
    if EvidenceStage.LAB_STUDY in stages and not (
        SAYS_LAB.search(article.title) or SAYS_ANIMALS.search(article.title)
    ):
        return (
            "The headline doesn't say this was a lab study: readers take a health headline to "
            "be about people. Say what it was tested on, e.g. “… in cells” or “… in the lab”."
        )
    return None


def hype_short_of_phase_3(article):
    stage = article.evidence
    if stage in STRONG_EVIDENCE or stage == EvidenceStage.NOT_APPLICABLE:
        return None
    if stage.is_preclinical and HYPE.search(article.title):
        return None  # article_warnings already says so for early studies' headlines
    hype = HYPE.search(article.title) or HYPE.search(article.standfirst)
    if not hype:
        return None
    return (
        f"“{hype.group()}” promises more than a {stage.label.lower()} can show: keep such words "
        "for large phase 3 trials. Say what was found, and how far it has got."
    )


def relative_risk_alone(text):
    relative = RELATIVE.search(text)
    if not relative or ABSOLUTE.search(text):
        return None
    return (
        f"“{relative.group()}” is a relative change: without the absolute numbers readers cannot "
        "tell a big effect from a tiny one. Add them, e.g. “from 4 in 1,000 to 2 in 1,000”."
    )


def preprint_unlabelled(text, studies):
    if not any(study.is_preprint for study in studies) or NOT_PEER_REVIEWED.search(text):
        return None
    return (
        "The story reports a preprint but never says so: tell readers it has not yet been "
        "peer-reviewed (checked by other scientists), in the standfirst or near the top."
    )


def health_story_without_study(article, studies):
    category = article.category
    if not category.requires_medical_review or studies:
        return None
    return (
        f"This {category.name} story cites no study: readers can't see what kind of study it "
        "was, in whom or where it was published. Add it under “Studies” (a DOI fills in the rest)."
    )


def pending_notices(studies):
    """What the retraction watch found and no editor has decided about yet."""
    pending = StudyNotice.objects.filter(study__in=studies, status=StudyNotice.Status.PENDING)
    return [
        f"Crossref reports a {notice.get_kind_display().lower()} of “{notice.study}”: check it, "
        "then confirm it (readers see a correction) or dismiss it under Study notices."
        for notice in pending.select_related("study")
    ]
