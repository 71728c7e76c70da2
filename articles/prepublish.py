"""
What an editor should look at before a story goes out.

`article_warnings` are advice: shown on the form and when publishing, never blocking.
`article_blockers` stop publication: today only the medical review a category can require.
A category that requires medical review (`Category.requires_medical_review`) also holds its
stories to the warnings about sources and evidence.
"""

import re

from articles.claims import claim_warnings
from articles.models import EvidenceStage

HYPE_WORDS = re.compile(r"\b(cure[sds]?|miracles?|miraculous|breakthroughs?)\b", re.IGNORECASE)
SEO_DESCRIPTION_LENGTH = (50, 160)


def article_warnings(article):
    """Plain-language warnings about `article`, in the order an editor would fix them."""
    warnings = []
    if article.pk and not article.bylines.all():
        warnings.append("The story has no byline: add its author.")
    if (hero := article.hero) and not (hero.alt_text.strip() or hero.decorative):
        warnings.append("The hero image has no alt text.")
    citations = list(article.citations.all()) if article.pk else []
    studies = list(article.studies.all()) if article.pk else []
    if article.category.requires_medical_review:
        if not citations and not studies:
            warnings.append(f"This {article.category.name} story cites no source.")
        elif not any(citation.url or citation.doi for citation in citations) and not any(
            study.doi or study.pmid for study in studies
        ):
            warnings.append(
                "No citation links to the primary study "
                "(add its URL or DOI, or the study's DOI or PMID)."
            )
        if article.evidence_stage == EvidenceStage.NOT_APPLICABLE:
            warnings.append("No evidence stage is set: readers should know how far this has got.")
    if article.evidence.is_preclinical and (hype := HYPE_WORDS.search(article.title)):
        warnings.append(
            f"The headline says “{hype.group()}”, but this is an early "
            f"{article.evidence.label.lower()}: avoid hype for findings not yet tested in people."
        )
    low, high = SEO_DESCRIPTION_LENGTH
    length = len(article.meta_description)
    if not low <= length <= high:
        warnings.append(
            f"The SEO description (or standfirst) is {length} characters; "
            f"{low} to {high} work best in search results."
        )
    return warnings + claim_warnings(article, studies)


def article_blockers(article):
    """Reasons `article` may not be published yet."""
    if not article.category.requires_medical_review:
        return []
    reviewer = article.reviewed_by
    if reviewer is None or not reviewer.credentials.strip() or article.last_reviewed is None:
        return [
            f"{article.category.name} stories need a medical review before publication: "
            "set a reviewer with credentials and the review date."
        ]
    return []
