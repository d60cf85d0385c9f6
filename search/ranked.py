"""The site search on PostgreSQL in one query: counts per page type and one page of ranked hits.

Through the backend's queryset API a results page costs three full passes over every match (a facet
query for the counts, the paginator's count, the ranked slice), each reading and concatenating every
matching index row. Here one statement finds the matches through the GIN index on `title || body`
(search/migrations/0001), scores each of them once with the backend's own formula and weights, and
returns the counts per content type together with the requested window of page ids. For the first
pages of a one-word search it scores only the "leaders" (matches with the word in the title or with a
high weight in the body), which provably rank first, and merely counts the others (see _LEADERS_SQL).

The ranking is the backend's (modelsearch PostgresSearchQueryCompiler for a plain AND query over the
index entries): ts_rank(weights, title, q) * title_norm + ts_rank(weights, body, q), ties by page id
descending; the tsquery is built like the backend's raw Lexeme query. Other databases and backends
use the queryset path in results.py.
"""

import re
from collections import defaultdict
from collections.abc import Sequence

from django.db import connection
from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home import prepared_statements as prepared


def available():
    backend = get_search_backend()
    return connection.vendor == "postgresql" and type(backend).__name__ == "PostgresSearchBackend"


def _tsquery_text(query):
    # As modelsearch's Lexeme: each word quoted, so the text is never parsed as tsquery operators.
    words = [word.replace("'", "''").replace("\\", "\\\\") for word in query.split()]
    return " & ".join(f"'{word}'" for word in words)


# The planner cannot tell that the GIN index answers the match without reading any vector, so for a
# query matching most pages it picks a sequential scan that concatenates and tests every row (about
# ten times slower). It also underestimates the matches (the type filter below hides them), so it joins
# every match to its page row by row through the primary key: for a word found on most pages that
# costs more than hashing them (on the benchmark database 25 -> 19 ms), for a rare word a hash join
# costs about a millisecond more. Hence no nested loops either, and no merge join (it sorts every match
# by page id, expecting a few hundred; about a millisecond more than hashing). SET LOCAL confines the
# hints to this statement's transaction: in autocommit mode the statements run as one implicit
# transaction. "content_type_id + 0" keeps the planner from reading all page entries through the
# content type index and testing each vector instead. Page entries hold the page id as text; joining
# on it as an integer hashes faster than casting every page id. The leaders' page look-ups below are a
# nested loop all the same (the only plan for their lateral subquery), and its penalty for the disabled
# plan type lifts the estimate above the JIT threshold: compiling the statement then costs 300 ms.
# Counting the matches per content type, the planner (expecting a few hundred) sorts some 10,000 of them
# by type to group them into about ten; hashing them costs 1-1.5 ms less on the benchmark database. The
# ORDER BY ... LIMIT of the ranked windows still sort: no other plan gives their order.
# The statement is prepared once per database session (home.prepared_statements): planning it took
# 0.85 ms of its 7 on the benchmark database. Its plan is the generic one from the first use on: the
# hints above fix its shape whatever the word, and the matches are read in a lateral subquery of the
# parsed query, so that a generic plan, not knowing the query, still finds them through the GIN index
# (as a plain join it read every entry through the content type index and tested it: 7 -> 29 ms).
_SETTINGS = (
    "SET LOCAL enable_seqscan = off; SET LOCAL enable_nestloop = off; SET LOCAL enable_mergejoin = off; "
    "SET LOCAL enable_sort = off; SET LOCAL jit = off; SET LOCAL plan_cache_mode = force_generic_plan; "
)

_QUERY = "to_tsquery(%(config)s::regconfig, %(tsquery)s) AS query"
_PAGE_ENTRIES = "content_type_id + 0 = ANY(%(entry_types)s)"

# Scoring is most of the cost of ranking. For a query of one lexeme ts_rank of a title without it is
# exactly 0, and most matches have the word only in the body, so then the title is ranked only where a
# cheap match test finds the word (the same scores, bit for bit; about 0.8 ms less for a word on most
# pages). With more lexemes (an AND query) ts_rank gives a title lacking some of them 1e-20, not 0, so
# those titles are ranked as ever.
_SCORE = """CASE WHEN numnode(query) = 1 AND NOT title @@ query THEN 0::float8
                    ELSE ts_rank(%(weights)s::float4[], title, query) * title_norm END
               + ts_rank(%(weights)s::float4[], body, query)"""

# Every match with its page's content type and its score.
_RANKED_MATCHES = f"""
    SELECT pages.id, pages.content_type_id, entries.score
    FROM {_QUERY}
    CROSS JOIN LATERAL (
        SELECT object_id::integer AS page_id, {_SCORE} AS score
        FROM wagtailsearch_indexentry
        WHERE {_PAGE_ENTRIES} AND (title || body) @@ query
        OFFSET 0
    ) AS entries
    JOIN ({{pages}}) AS pages ON entries.page_id = pages.id
"""

# Counts per content type and the requested window of the ranked hits: every match is scored once.
_SQL = f"""
WITH hits AS MATERIALIZED ({_RANKED_MATCHES})
SELECT NULL::integer, content_type_id, COUNT(*) FROM hits GROUP BY content_type_id
UNION ALL
(
    SELECT id, content_type_id, NULL FROM hits
    WHERE {{type_filter}}
    ORDER BY score DESC, id DESC
    LIMIT %(limit)s OFFSET %(offset)s
)
"""

# The first pages of a one-word search without scoring every match. A match whose title lacks the word
# and whose body has it only with the low weights C and D (most matches: the site's body fields carry no
# boost) scores at most `bound` (see _low_weight_bound); every other match is found through an index,
# the title's (Wagtail's own) or the one on the body's A and B positions (search/migrations/0003). So
# when at least `window_end` searchable hits of the type filter among those "leaders" score above the
# bound, they are exactly the first `window_end` hits, in the same order, and only they were scored.
# They are ranked first and checked against the page conditions one by one, best first, until enough
# are found (a handful of primary key look-ups). The counts then need no scores, nor the page rows of
# the matches: an index entry belongs to a searchable page, to one that may not be found (`hidden`,
# results.hidden_pages_sql: unpublished, another site's, private; usually a handful) or to no page at
# all, and Wagtail deletes a page's entry with the page (`update_index` rebuilds the index should one
# be left), so each type's count is its matches less the hidden ones. Joining every match with the
# searchable pages instead (some 10,000 each on the benchmark database) took 7.4 ms, this 3.9 ms (the
# entries alone: 3.2 ms). The hidden matches are counted apart, by looking up the entries of the few
# hidden pages, and subtracted in Python (_run): joining each of the 10,000 matches with them cost
# about 2 ms more. The entry's content type is its page's (the indexer stores the specific
# page). Otherwise (fewer such leaders: a word in few titles, a later
# page) the statement ranks every match as _SQL does; the branches of the path not taken are never run
# (one-time filters on the leaders' count), so that costs only the leaders' look-up.
_LEADERS_SQL = f"""
WITH leaders AS MATERIALIZED (
    SELECT candidates.page_id AS id, pages.content_type_id, candidates.score
    FROM (
        SELECT page_id, score FROM {_QUERY}
        CROSS JOIN LATERAL (
            SELECT object_id::integer AS page_id, {_SCORE} AS score
            FROM wagtailsearch_indexentry
            WHERE {_PAGE_ENTRIES} AND (title @@ query OR ts_filter(body, '{{{{a,b}}}}') @@ query)
            OFFSET 0
        ) AS scored
        WHERE numnode(query) = 1 AND score > %(bound)s
        ORDER BY score DESC, page_id DESC
        LIMIT %(candidates)s
    ) AS candidates
    CROSS JOIN LATERAL (
        SELECT pages.content_type_id FROM ({{pages}}) AS pages WHERE pages.id = candidates.page_id OFFSET 0
    ) AS pages
    WHERE {{type_filter}}
    ORDER BY candidates.score DESC, candidates.page_id DESC
    LIMIT %(window_end)s
),
enough AS (SELECT COUNT(*) = %(window_end)s AS leaders_suffice FROM leaders),
hits AS MATERIALIZED ({_RANKED_MATCHES})
SELECT NULL::integer, matches.content_type_id, COUNT(*)
FROM {_QUERY}
CROSS JOIN LATERAL (
    SELECT content_type_id FROM wagtailsearch_indexentry
    WHERE {_PAGE_ENTRIES} AND (title || body) @@ query
    OFFSET 0
) AS matches
WHERE (SELECT leaders_suffice FROM enough)
GROUP BY matches.content_type_id
UNION ALL
SELECT NULL::integer, entries.content_type_id, -COUNT(*)
FROM ({{hidden}}) AS hidden
CROSS JOIN LATERAL (
    SELECT content_type_id
    FROM wagtailsearch_indexentry, {_QUERY}
    WHERE content_type_id = ANY(%(entry_types)s) AND object_id = hidden.id::text AND (title || body) @@ query
    OFFSET 0
) AS entries
WHERE (SELECT leaders_suffice FROM enough)
GROUP BY entries.content_type_id
UNION ALL
(
    SELECT id, content_type_id, NULL FROM leaders
    WHERE (SELECT leaders_suffice FROM enough)
    ORDER BY score DESC, id DESC
    OFFSET %(offset)s
)
UNION ALL
SELECT NULL::integer, content_type_id, COUNT(*) FROM hits
WHERE NOT (SELECT leaders_suffice FROM enough)
GROUP BY content_type_id
UNION ALL
(
    SELECT id, content_type_id, NULL FROM hits
    WHERE NOT (SELECT leaders_suffice FROM enough) AND {{type_filter}}
    ORDER BY score DESC, id DESC
    LIMIT %(limit)s OFFSET %(offset)s
)
"""

# Looking for leaders costs a primary key look-up per leader; beyond the first pages of hits a word
# rarely has that many leaders, and _SQL is then cheaper.
LEADERS_MAX_WINDOW = 100
# Leaders are checked against the page conditions and the type filter in order of their score, at most
# twice as many as the window needs plus this many: a filter to a type that few leaders have (or many
# unpublished leaders) gives up soon and ranks every match instead.
LEADERS_SLACK = 40


def _low_weight_bound(weights):
    """An upper bound of ts_rank(weights, body, one lexeme) where the lexeme has only C and D positions.

    ts_rank (normalisation 0) of one lexeme with weights w_1 ... w_n at its positions in order is
    (w_max + sum(w_i / i^2) - w_max / j^2) / 1.64493406685, j the first position of the largest weight
    w_max: less than (1 + pi^2 / 6) / 1.64493406685 = 1.608 times the largest weight present, and
    weights are the array {D, C, B, A}. Twice that weight leaves room for rounding in float4.
    """
    values = [float(value) for value in weights.strip("{}").split(",")]
    return 2 * max(values[0], values[1])


_NAMED_PLACEHOLDER = re.compile(r"%%|%\((\w+)\)s")


def _positional(sql, params):
    """`sql` with its named placeholders as positional ones, and their values in order: the prepared
    statement (home.prepared_statements) takes positional ones."""
    values = []

    def replace(match):
        if match.group(1) is None:
            return match.group()
        values.append(params[match.group(1)])
        return "%s"

    return _NAMED_PLACEHOLDER.sub(replace, sql), values


def _literal(cursor, sql, params):
    """`sql` with its parameters as literals, ready to be part of another statement's text.

    The searchable and the hidden pages are the same for every search of a site (until a privacy
    restriction changes), and the planner needs their path prefixes as values: only a known prefix
    becomes a range of the path index. A few statements per site are prepared that way.
    """
    return cursor.mogrify(sql, params).decode().replace("%", "%%")


class RankedSearch:
    """Counts per content type and windows of ranked (page id, content type id) pairs for one query."""

    def __init__(self, pages, query, content_type_ids=None, exclude=False, pages_sql=None, *, hidden_sql):
        # The searchable pages as a queryset, or as its SQL and parameters (pages_sql); the ids of the
        # other pages as SQL and parameters (results.hidden_pages_sql).
        self.pages_sql = pages_sql or pages.order_by().values("id", "content_type_id").query.sql_with_params()
        self.hidden_sql = hidden_sql
        self.query = query
        # None: every type; else the content types of the type filter (or all but them with exclude).
        self.content_type_ids = content_type_ids
        self.exclude = exclude
        self.counts = None

    def _run(self, offset, limit):
        pages_sql, pages_params = self.pages_sql
        weights = get_sql_weights()
        params = {
            "weights": weights,
            "config": get_search_backend().config,
            "tsquery": _tsquery_text(self.query),
            "entry_types": get_descendants_content_types_pks(Page),
            "limit": limit,
            "offset": offset,
        }
        template = _SQL
        # Not for "every other page type": few pages are, so leaders of that type are rare.
        if len(self.query.split()) == 1 and offset + limit <= LEADERS_MAX_WINDOW and not self.exclude:
            template = _LEADERS_SQL
            params.update(
                bound=_low_weight_bound(weights),
                window_end=offset + limit,
                candidates=2 * (offset + limit) + LEADERS_SLACK,
            )
        if self.content_type_ids is None:
            type_filter = "TRUE"
        else:
            params["filter_types"] = list(self.content_type_ids)
            type_filter = ("NOT " if self.exclude else "") + "content_type_id = ANY(%(filter_types)s)"
        with connection.cursor() as cursor:
            sql = template.format(
                pages=_literal(cursor, pages_sql, pages_params),
                hidden=_literal(cursor, *self.hidden_sql),
                type_filter=type_filter,
            )
            prepared.execute(cursor, *_positional(sql, params), prefix=_SETTINGS)
            rows = cursor.fetchall()
        # A content type may come in two rows: its matches, and those of hidden pages as a negative count.
        counts = defaultdict(int)
        for page_id, content_type_id, count in rows:
            if page_id is None:
                counts[content_type_id] += count
        counts = {content_type_id: count for content_type_id, count in counts.items() if count > 0}
        window = [(page_id, content_type_id) for page_id, content_type_id, _count in rows if page_id is not None]
        return counts, window

    def prefetch(self, offset, limit):
        """Run the search once: counts per content type, and keep the window at offset for the paginator."""
        self.counts, window = self._run(offset, limit)
        self._window = (offset, offset + limit, window)
        return self.counts

    def filtered_count(self):
        if self.content_type_ids is None:
            return sum(self.counts.values())
        wanted = set(self.content_type_ids)
        return sum(
            count for content_type_id, count in self.counts.items() if (content_type_id in wanted) != self.exclude
        )

    def window(self, start, stop):
        cached_start, cached_stop, cached = self._window
        if start == cached_start and stop <= cached_stop:
            return cached[: stop - start]
        # Only when the paginator settles on another page than the one asked for (a number past the end).
        return self._run(start, stop - start)[1]


class RankedWindow(Sequence):
    """What the paginator slices: the known count, and windows fetched from RankedSearch on demand."""

    def __init__(self, search):
        self.search = search
        self._count = search.filtered_count()

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, _step = index.indices(self._count)
            return self.search.window(start, max(start, stop))
        return self.search.window(index, index + 1)[0]
