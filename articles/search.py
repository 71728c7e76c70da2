"""
Full-text search of stories, behind `Article.objects.search()`, on PostgreSQL and SQLite.

The reader's words are parsed once (`parse`) into a query that cannot carry operators of its own,
then written for the database in use: a tsquery over the `search_vector` generated column and its
GIN index on PostgreSQL, an FTS5 MATCH over the `article_search` table on SQLite. Both index the
headline (weight A), standfirst (B) and the body's plain text (C), stem English words, and treat
the last word typed as a prefix (on SQLite, only a word no story has whole: see fts5_match).
"""

import re
from dataclasses import dataclass, field, replace
from html import unescape

from django.contrib.postgres.indexes import GinIndex, GistIndex
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramDistance,
    TrigramSimilarity,
)
from django.db import connections
from django.db.backends.ddl_references import Statement
from django.db.models import F, FloatField, Func, Lookup, Subquery, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Left
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
# PostgreSQL's ts_headline() parses all the text it is given: excerpts come from the opening of
# the body, this many characters, so that a long story costs what a short one does.
EXCERPT_FROM = 1500
# How similar (by trigrams, 0 to 1) a headline word must be to a misspelt one to replace it.
SIMILARITY = 0.45
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    prefix: bool = False

    def fts5(self, ranked=False):
        if ranked and len(self.words) > 1:
            # Ranked, a phrase is its words in any order, as many words apart at most as NEAR
            # counts from the end of the first to the start of the last (see matching).
            quoted = " ".join(f'"{word}"' for word in self.words)
            return f"NEAR({quoted}, {len(self.words) - 2})"
        return f'"{" ".join(self.words)}"' + ("*" if self.prefix else "")

    def tsquery(self, estimable=False):
        if estimable and self.prefix:
            # The same matches as 'word':*, but PostgreSQL estimates how many from the word's
            # own statistics: a bare prefix gets a fixed 2% guess (below 100 common words),
            # which makes a word in every story look rare enough to bitmap-scan all its matches.
            return f"('{self.words[0]}' | '{self.words[0]}':*)"
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

    def fts5(self, ranked=False):
        """
        The query as an FTS5 MATCH; `ranked` writes what bm25() ranks its matches by: phrases
        as NEAR groups and no exclusions, which score nothing in the stories that match.
        """
        either = " OR ".join(
            "(" + " AND ".join(term.fts5(ranked) for term in terms) + ")"
            for terms in self.alternatives
        )
        if ranked:
            return f"({either})"
        return f"({either})" + "".join(f" NOT {term.fts5()}" for term in self.excluded)

    @property
    def ends_in_prefix(self):
        return bool(self) and self.alternatives[-1][-1].prefix

    def last_word_whole(self):
        """The same query with its last word matched as a whole word, not as a prefix."""
        *others, last = self.alternatives
        return replace(self, alternatives=(*others, (*last[:-1], Term(last[-1].words))))

    def tsquery(self, estimable=False):
        """The query as tsquery text; `estimable` writes it for filtering (see Term.tsquery)."""
        either = " | ".join(
            "(" + " & ".join(f"({term.tsquery(estimable)})" for term in terms) + ")"
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


class OnPostgreSQLOnly:
    """An index on PostgreSQL; none on other databases (see OnPostgreSQL)."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Statement("")
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Statement("")
        return super().remove_sql(model, schema_editor, **kwargs)


class PostgreSQLGinIndex(OnPostgreSQLOnly, GinIndex):
    pass


class PostgreSQLGistIndex(OnPostgreSQLOnly, GistIndex):
    pass


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


# The MATCH text of fts5_match(), chosen by SQLite in the statement that uses it.
KNOWN_OR_PREFIX = """
    CASE WHEN EXISTS (SELECT 1 FROM article_search WHERE article_search MATCH %s)
    THEN %s ELSE %s END
"""


def fts5_match(query, ranked=False):
    """
    What SQLite's index is asked to MATCH for `query` (`ranked`: see Query.fts5): its last word
    as a whole word when some story has that word ("vaccine"), as a prefix only when none has
    ("vacc"). FTS5 copies all the matches of the words a prefix covers into memory, in each
    statement and again for bm25(): for a word in most stories, more than the rest costs.
    """
    if not query.ends_in_prefix:
        return Value(query.fts5(ranked))
    whole = query.last_word_whole()
    word = whole.alternatives[-1][-1].fts5()
    texts = (word, whole.fts5(ranked), query.fts5(ranked))
    return RawSQL(KNOWN_OR_PREFIX, texts, output_field=TextField())


def matching(queryset, query):
    """
    `queryset` filtered by `query` (from `parse`), most relevant first, then newest.

    Ranking every match of a common word would read every story, so only the newest CANDIDATES
    matches (by id, which both indexes walk fast) are ranked; older ones are left out.
    On PostgreSQL they are the rows of a subquery, `ORDER BY id DESC LIMIT`: the planner walks
    the primary key for a word in most stories and reads the GIN index for a rare one.

    On SQLite they are the matches from the oldest candidate's id on. bm25() weighs each phrase
    it ranks by how many stories have it, counted over the whole index: for a word, from its
    list of stories; for a phrase, by reading its words' positions in every story that has
    them all, which for the bench's phrase was most of the search. So a query with a phrase
    (or an exclusion) picks the candidates, and `query.fts5(ranked=True)` ranks them: there a
    phrase is its words side by side in any order (a NEAR group), and exclusions are left out.
    For a query that is one phrase, the order is the phrase's own unless its words also stand
    side by side in another order.
    """
    if not query:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        tsquery = SearchQuery(query.tsquery(), search_type="raw", config=CONFIG)
        matches = SearchQuery(query.tsquery(estimable=True), search_type="raw", config=CONFIG)
        newest = queryset.filter(search_vector=matches).order_by("-pk").values("pk")
        return (
            queryset.filter(pk__in=newest[:CANDIDATES])
            .alias(rank=SearchRank(F("search_vector"), tsquery))
            .order_by("-rank", "-published_at", "-pk")
        )
    document, rank = F("search_entry__document"), FloatField()
    entries = queryset.model.search_entry.related.related_model.objects
    words = fts5_match(query)
    newest = entries.filter(document__match=words).order_by("-article").values("article")
    oldest_candidate = Coalesce(Subquery(newest[CANDIDATES - 1 :][:1]), 0)
    found = queryset.filter(
        search_entry__document__match=words, search_entry__article__gte=oldest_candidate
    )
    if query.fts5(ranked=True) != query.fts5():
        found = queryset.filter(
            pk__in=newest[:CANDIDATES],
            search_entry__document__match=fts5_match(query, ranked=True),
            # Only the candidates' stretch of the index: even where no story has the phrase,
            # its words may stand near each other in most.
            search_entry__article__gte=oldest_candidate,
            search_entry__article__lte=Coalesce(Subquery(newest[:1]), 0),
        )
    return found.alias(
        rank=Func(document, *map(Value, SQLITE_WEIGHTS), function="bm25", output_field=rank)
    ).order_by("rank", "-published_at", "-pk")


def highlights(queryset, query, ids):
    """
    The stories `ids` (a page of results) in `queryset`, annotated with `headline_html` and
    `excerpt_html`: the headline and the best passage, `query`'s matches between START and STOP.
    """
    if not ids:
        return queryset.none()
    # Cards show neither the body nor the vector: don't read them (or their TOAST) for nothing.
    queryset = queryset.filter(pk__in=ids).defer("body", "body_text", "search_vector")
    if connections[queryset.db].vendor == "postgresql":
        tsquery = SearchQuery(query.tsquery(), search_type="raw", config=CONFIG)
        marks = {"start_sel": START, "stop_sel": STOP, "config": CONFIG}
        # The whole headline comes back as it is, brackets included; an excerpt is cut from
        # parsed text, which must not lose words to the parser (see words_of).
        headline = SearchHeadline("title", tsquery, highlight_all=True, **marks)
        opening = Left(words_of("body_text"), EXCERPT_FROM)
        excerpt = SearchHeadline(
            opening, tsquery, max_words=35, min_words=20, max_fragments=1, **marks
        )
    else:
        # The id range lets FTS5 read only that stretch of a common word's matches.
        queryset = queryset.filter(
            search_entry__document__match=fts5_match(query),
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


def spelling_suggestion(queryset, query, words):
    """
    `query`'s words as headlines spell them, when some differ ("alzeimer": "alzheimer") and the
    corrected query finds stories in `queryset`, else "". Each word not in `words` (the
    HeadlineWord table, a few thousand rows) is replaced by the most similar there by trigrams:
    PostgreSQL only; SQLite offers no suggestion.
    """
    if not query or connections[queryset.db].vendor != "postgresql":
        return ""
    # The nearest word to each, in one query: a walk of the GiST index by trigram distance.
    nearest = [
        words.annotate(similarity=TrigramSimilarity("word", word), position=Value(position))
        .order_by(TrigramDistance("word", word))
        .values_list("position", "word", "similarity")[:1]
        for position, word in enumerate(query.words)
    ]
    found = {
        position: word
        for position, word, similarity in nearest[0].union(*nearest[1:], all=True)
        if similarity >= SIMILARITY
    }
    suggested = [found.get(position, word) for position, word in enumerate(query.words)]
    if suggested == query.words:
        return ""
    # The list keeps the words of drafts and deleted stories: offer only what readers can find.
    text = " ".join(suggested)
    return text if matching(queryset, parse(text)).exists() else ""


def postgresql_vector_storage(schema_editor, storage="MAIN"):
    """
    Keep `search_vector` in the row (compressed if need be) rather than in the TOAST table, so
    that checking a candidate reads one heap page, not three TOAST index and chunk pages; the
    body and its plain text move out instead (migration 0020). Rows written before keep their
    place until rewritten (`VACUUM FULL articles_article`). A migration that re-adds the
    column must run this again.
    """
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE articles_article ALTER COLUMN search_vector SET STORAGE {storage}"
        )


HEADLINE_WORDS = """
    INSERT INTO articles_headlineword (word)
    SELECT DISTINCT word
    FROM {rows}, unnest(tsvector_to_array(to_tsvector('simple', translate(title, '<>', '  '))))
        AS word
    WHERE length(word) <= 100
    ON CONFLICT DO NOTHING
"""
# PostgreSQL's HeadlineWord list, kept by a trigger so that save(), bulk_create() and
# QuerySet.update() all reach it. Words are only ever added (see spelling_suggestion).
POSTGRESQL_WORDS = [
    f"""
    CREATE OR REPLACE FUNCTION articles_headline_words() RETURNS trigger AS $$
    BEGIN
        {HEADLINE_WORDS.format(rows="(SELECT NEW.title) AS new")};
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE OR REPLACE TRIGGER articles_headline_words
    AFTER INSERT OR UPDATE OF title ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_headline_words()
    """,
    HEADLINE_WORDS.format(rows="articles_article"),
]


def postgresql_words_create(schema_editor):
    """Fill the HeadlineWord list and add its trigger (migration 0015); nothing on SQLite."""
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_WORDS:
            schema_editor.execute(statement)


def postgresql_words_drop(schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS articles_headline_words ON articles_article")
        schema_editor.execute("DROP FUNCTION IF EXISTS articles_headline_words()")


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
