"""
Full-text search of stories, behind `Article.objects.search()`, on PostgreSQL and SQLite.

The reader's words are parsed once (`parse`) into a query that cannot carry operators of its own,
then written for the database in use: a tsquery over the `search_vector` generated column and its
GIN index on PostgreSQL, an FTS5 MATCH over the `article_search` table on SQLite. Both index the
headline (weight A), standfirst (B) and the body's plain text (C), stem English words, and treat
the last word typed as a prefix.
"""

import difflib
import re
from dataclasses import dataclass, field
from html import unescape

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connections, transaction
from django.db.backends.ddl_references import Statement
from django.db.models import F, FloatField, Func, Lookup, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

CONFIG = "english"
# Highlights come back from the database between these; they are swapped for <mark> after the
# text is escaped. Article.save() strips control characters, so stories cannot contain them.
START, STOP = "\x02", "\x03"
# FTS5 bm25() column weights, the order of the table's columns: headline, standfirst, body.
SQLITE_WEIGHTS = (10.0, 4.0, 1.0)
MAX_TERMS = 12
# How many matches of a query are ranked at most, newest first (see `matching`).
CANDIDATES = 1000
# The share of a headline's trigrams a misspelt word must have to count as a near miss.
SIMILARITY = 0.45
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    prefix: bool = False

    def fts5(self):
        return f'"{" ".join(self.words)}"' + ("*" if self.prefix else "")

    def tsquery(self):
        return " <-> ".join(f"'{word}'" + (":*" if self.prefix else "") for word in self.words)


@dataclass(frozen=True)
class Query:
    """Alternatives (`or`) of terms that must all match, and terms that must not (`-word`)."""

    alternatives: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = field(default=())

    def __bool__(self):
        return bool(self.alternatives)

    @property
    def words(self):
        return [word for terms in self.alternatives for term in terms for word in term.words]

    def fts5(self):
        either = " OR ".join(
            "(" + " AND ".join(term.fts5() for term in terms) + ")" for terms in self.alternatives
        )
        return f"({either})" + "".join(f" NOT {term.fts5()}" for term in self.excluded)

    def tsquery(self):
        either = " | ".join(
            "(" + " & ".join(f"({term.tsquery()})" for term in terms) + ")"
            for terms in self.alternatives
        )
        return f"({either})" + "".join(f" & !({term.tsquery()})" for term in self.excluded)


def parse(text):
    """
    The reader's input as a `Query`, in the web-search syntax readers know: words must all match,
    "quoted phrases" match in order, `or` between words offers alternatives, `-word` excludes.
    Only letters and digits reach the database, each quoted, so no input is an operator.
    """
    alternatives, current, excluded = [], [], []
    for match in TOKEN.finditer(text[:1000]):
        negated, phrase, bare = match.groups()
        if bare and bare.lower() == "or":
            if current:
                alternatives.append(current)
            current = []
            continue
        if bare and bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        words = tuple(word.lower() for word in WORD.findall(phrase if bare is None else bare))
        if not words:
            continue
        (excluded if negated else current).append(Term(words))
    if current:
        alternatives.append(current)
    terms = sum(len(group) for group in alternatives)
    if not terms or terms > MAX_TERMS:
        return Query()
    last = alternatives[-1][-1]
    # The last word typed may be unfinished ("vacc"): match it as a prefix, unless quoted.
    if len(last.words) == 1 and not text.rstrip().endswith('"'):
        alternatives[-1][-1] = Term(last.words, prefix=True)
    return Query(tuple(tuple(group) for group in alternatives), tuple(excluded))


def plain_text(html):
    """What a reader sees of `html`: the text, without tags, attributes or entities."""
    text = unescape(strip_tags(re.sub(r"<[^>]*>", " ", html or "")))
    return " ".join(text.split())


def highlighted(text):
    """`text` from the database, escaped, with its highlight sentinels turned into <mark>."""
    html = escape(text or "")
    return mark_safe(html.replace(START, "<mark>").replace(STOP, "</mark>"))


def suggestion(query_words, texts):
    """The reader's words with each replaced by its closest word in `texts`, or "" if unchanged."""
    vocabulary = {word.lower() for text in texts for word in WORD.findall(text)}
    suggested = [
        next(iter(difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.7)), word)
        for word in query_words
    ]
    return " ".join(suggested) if suggested != list(query_words) else ""


class OnPostgreSQL(Func):
    """
    `expression` on PostgreSQL; NULL on other databases, which search their own index, so that
    one model declares the generated column on both.
    """

    template = "%(expressions)s"

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", ()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, **extra_context)


class PostgreSQLGinIndex(GinIndex):
    """A GIN index on PostgreSQL; no index on other databases (see OnPostgreSQL)."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Statement("")
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Statement("")
        return super().remove_sql(model, schema_editor, **kwargs)


def words_of(column):
    """
    `column`'s text for PostgreSQL's text parser, which takes anything between < and > for an
    HTML tag and skips it: a headline about "<script> tags" keeps its words.
    """
    return Func(F(column), Value("<>"), Value("  "), function="translate", output_field=TextField())


def search_vector():
    """The weighted words of a story, for the `Article.search_vector` generated column."""
    return OnPostgreSQL(
        SearchVector(words_of("title"), config=CONFIG, weight="A")
        + SearchVector(words_of("standfirst"), config=CONFIG, weight="B")
        + SearchVector(words_of("body_text"), config=CONFIG, weight="C"),
        output_field=SearchVectorField(),
    )


def matching(queryset, query):
    """
    `queryset` filtered by `query` (from `parse`), most relevant first, then newest.

    Ranking every match of a common word would read every story, so only the newest CANDIDATES
    matches (by id, which both indexes walk fast) are ranked; older ones are left out.
    """
    if not query:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        tsquery = SearchQuery(query.tsquery(), search_type="raw", config=CONFIG)
        newest = queryset.model.objects.filter(search_vector=tsquery).order_by("-pk")
        oldest_candidate = Coalesce(Subquery(newest.values("pk")[CANDIDATES - 1 :][:1]), 0)
        return (
            queryset.filter(search_vector=tsquery, pk__gte=oldest_candidate)
            .alias(rank=SearchRank(F("search_vector"), tsquery))
            .order_by("-rank", "-published_at", "-pk")
        )
    document, rank = F("search_entry__document"), FloatField()
    entries = queryset.model.search_entry.related.related_model.objects
    newest = entries.filter(document__match=query.fts5()).order_by("-article")
    oldest_candidate = Coalesce(Subquery(newest.values("article")[CANDIDATES - 1 :][:1]), 0)
    return (
        queryset.filter(
            search_entry__document__match=query.fts5(),
            search_entry__article__gte=oldest_candidate,
        )
        .alias(rank=Func(document, *map(Value, SQLITE_WEIGHTS), function="bm25", output_field=rank))
        .order_by("rank", "-published_at", "-pk")
    )


def highlights(queryset, query, ids):
    """
    The stories `ids` (a page of results) in `queryset`, annotated with `headline_html` and
    `excerpt_html`: the headline and the best passage, `query`'s matches between START and STOP.
    """
    if not ids:
        return queryset.none()
    queryset = queryset.filter(pk__in=ids)
    if connections[queryset.db].vendor == "postgresql":
        tsquery = SearchQuery(query.tsquery(), search_type="raw", config=CONFIG)
        marks = {"start_sel": START, "stop_sel": STOP, "config": CONFIG}
        # The whole headline comes back as it is, brackets included; an excerpt is cut from
        # parsed text, which must not lose words to the parser (see words_of).
        headline = SearchHeadline("title", tsquery, highlight_all=True, **marks)
        excerpt = SearchHeadline(
            words_of("body_text"), tsquery, max_words=35, min_words=20, max_fragments=1, **marks
        )
    else:
        # The id range lets FTS5 read only that stretch of a common word's matches.
        queryset = queryset.filter(
            search_entry__document__match=query.fts5(),
            search_entry__article__gte=min(ids),
            search_entry__article__lte=max(ids),
        )
        document = F("search_entry__document")
        text = TextField()
        headline = Func(document, *map(Value, [0, START, STOP]), function="highlight")
        headline.output_field = text
        excerpt = Func(document, *map(Value, [2, START, STOP, "…", 32]), function="snippet")
        excerpt.output_field = text
    return queryset.annotate(headline_html=headline, excerpt_html=excerpt)


def spelling_suggestion(queryset, query):
    """
    `query`'s words as headlines in `queryset` spell them, when some differ ("alzeimer"), else "".
    PostgreSQL finds the headlines by trigram similarity; SQLite offers no suggestion.
    """
    if not query or connections[queryset.db].vendor != "postgresql":
        return ""
    text = " ".join(query.words)
    near = (
        queryset.annotate(similarity=TrigramWordSimilarity(text, "title"))
        .filter(title__trigram_word_similar=text)
        .order_by("-similarity")
        .values_list("title", flat=True)[:5]
    )
    # The threshold of the indexed `<%` operator (trigram_word_similar), for this query only.
    with transaction.atomic(using=queryset.db), connections[queryset.db].cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", [str(SIMILARITY)]
        )
        return suggestion(query.words, list(near))


class FullTextField(TextField):
    """The hidden column of an FTS5 table named after the table: what MATCH searches."""


@FullTextField.register_lookup
class Match(Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", (*lhs_params, *rhs_params)


# SQLite's index: an FTS5 table over the articles table's own text (no copy of it), kept in step
# by triggers, so that save(), delete(), bulk_create() and QuerySet.update() all reach it. Drafts
# and scheduled stories are indexed too; search joins published() at query time.
SQLITE_INDEX = [
    """
    CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(
        title, standfirst, body_text,
        content='articles_article', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER IF NOT EXISTS article_search_insert AFTER INSERT ON articles_article BEGIN
        INSERT INTO article_search(rowid, title, standfirst, body_text)
        VALUES (new.id, new.title, new.standfirst, new.body_text);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS article_search_delete AFTER DELETE ON articles_article BEGIN
        INSERT INTO article_search(article_search, rowid, title, standfirst, body_text)
        VALUES ('delete', old.id, old.title, old.standfirst, old.body_text);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS article_search_update
    AFTER UPDATE OF id, title, standfirst, body_text ON articles_article BEGIN
        INSERT INTO article_search(article_search, rowid, title, standfirst, body_text)
        VALUES ('delete', old.id, old.title, old.standfirst, old.body_text);
        INSERT INTO article_search(rowid, title, standfirst, body_text)
        VALUES (new.id, new.title, new.standfirst, new.body_text);
    END
    """,
]
SQLITE_TRIGGERS = {"article_search_insert", "article_search_delete", "article_search_update"}


def sqlite_index_create(schema_editor):
    """Create SQLite's index and fill it (migration 0009); nothing on other databases."""
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in SQLITE_INDEX:
        schema_editor.execute(statement)
    schema_editor.execute("INSERT INTO article_search(article_search) VALUES ('rebuild')")


def sqlite_index_repair(*, using, **kwargs):
    """
    After every migrate: put back the index's triggers and rebuild it if they are gone, as they
    are when a migration on SQLite rebuilds the articles table (which drops its triggers).
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        names = {name for _, name in cursor.fetchall()}
        if "article_search" not in names or names >= SQLITE_TRIGGERS:
            return
        for statement in SQLITE_INDEX:
            cursor.execute(statement)
        cursor.execute("INSERT INTO article_search(article_search) VALUES ('rebuild')")
