"""
Markdown copies of stories and pages, and /llms.txt, for readers that are programs.

Built from the same sanitised bodies and published-only querysets as the HTML pages.
"""

from html import escape

from markdownify import markdownify

from articles.sanitize import sanitize_html
from articles.seo import absolute_links, absolute_url


def html_to_markdown(html):
    """Markdown of a body; text that looks like markup stays text (escaped), never raw HTML."""
    html = absolute_links(sanitize_html(html))
    return markdownify(html, heading_style="ATX", bullets="-", escape_misc=True).strip()


def text(value):
    """A plain-text field (headline, name, correction) as Markdown text, escaped the same way."""
    return markdownify(escape(value, quote=False), escape_misc=True).strip()


def story_markdown(article):
    lines = [f"# {text(article.title)}", "", text(article.standfirst), ""]
    facts = [f"Section: {text(article.category.name)}", f"Type of work: {article.work.label}"]
    if bylines := [text(byline.author.display_name) for byline in article.bylines.all()]:
        facts.append("By: " + ", ".join(bylines))
    if article.published_at:
        facts.append(f"Published: {article.published_at:%Y-%m-%d}")
    if article.updated_at:
        facts.append(f"Updated: {article.updated_at:%Y-%m-%d}")
    if article.evidence.explanation:
        facts.append(f"Evidence: {article.evidence.label}: {article.evidence.explanation}")
    if article.reviewed_by:
        facts.append(f"Reviewed by: {text(article.reviewed_by.display_name)}")
    facts.append(f"Web page: {absolute_url(article.get_absolute_url())}")
    lines += [f"- {fact}" for fact in facts]
    lines += ["", html_to_markdown(article.body)]
    if corrections := article.corrections.all():
        lines += ["", "## Corrections and updates", ""]
        lines += [
            f"- {c.get_kind_display()}, {c.date:%Y-%m-%d}: {text(c.text)}" for c in corrections
        ]
    if citations := article.citations.all():
        lines += ["", "## Sources", ""]
        for citation in citations:
            link = f" <{citation.link}>" if citation.link else ""
            name, kind = text(citation.source.name), citation.source.get_kind_display()
            lines.append(f"- {name} ({kind}){link}")
    return "\n".join(lines).strip() + "\n"


def page_markdown(page):
    lines = [f"# {text(page.title)}", ""]
    if page.description:
        lines += [text(page.description), ""]
    lines += [html_to_markdown(page.body)]
    return "\n".join(lines).strip() + "\n"
