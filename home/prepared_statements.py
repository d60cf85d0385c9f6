"""Server-side prepared statements on PostgreSQL for statements that differ only in their parameters.

Loading a district profile with its images and municipality joins five tables; PostgreSQL parsed and
planned that statement on every page view, which took twice as long as running it (0.8 ms against
0.3 ms on the benchmark database). A statement prepared once per database session is only executed
afterwards. The first use sends `PREPARE ...; EXECUTE ...` as one query, so query counts do not change.

Prepared statements belong to the session: a new connection prepares them again. They survive a
rollback, but a pooler that hands one client several server sessions (PgBouncer in transaction mode)
loses them, so `DATABASE_PREPARED_STATEMENTS=0` turns them off. Anything but PostgreSQL runs the plain
statement.
"""

import itertools
import re

from django.conf import settings

_PLACEHOLDER = re.compile(r"%%|%s")
# Unique names per process; a failed first use (its PREPARE may have taken effect) never reuses a name.
_names = itertools.count(1)
_SESSION_ATTRIBUTE = "_staedtenetz_prepared"
# Statements differ by the length of their id lists (and the private sections in their conditions):
# beyond this many per session, further ones run plain rather than fill the server's memory.
MAX_PER_SESSION = 200


def enabled(connection):
    return connection.vendor == "postgresql" and getattr(settings, "DATABASE_PREPARED_STATEMENTS", True)


def _numbered(sql):
    """Django's `%s` placeholders as PostgreSQL's `$1, $2, ...`; `%%` stays for psycopg2 to unescape."""
    counter = itertools.count(1)
    return _PLACEHOLDER.sub(lambda match: match.group() if match.group() == "%%" else f"${next(counter)}", sql)


def _session_names(connection):
    """{sql: statement name} of the statements prepared in the connection's current database session."""
    raw = connection.connection
    stored = getattr(connection, _SESSION_ATTRIBUTE, None)
    if stored is None or stored[0] is not raw:
        # A new session (reconnect): nothing is prepared there yet.
        stored = (raw, {})
        setattr(connection, _SESSION_ATTRIBUTE, stored)
    return stored[1]


class Statement:
    """One statement with Django's placeholders, run prepared where enabled()."""

    def __init__(self, sql):
        self.sql = sql
        self.server_text = _numbered(sql)
        self.parameter_count = sum(1 for match in _PLACEHOLDER.finditer(sql) if match.group() == "%s")
        placeholders = ", ".join(["%s"] * self.parameter_count)
        self.arguments = f" ({placeholders})" if self.parameter_count else ""

    def execute(self, cursor, params, prefix=""):
        """Run the statement on `cursor` (a Django cursor); fetch its rows from the cursor afterwards.

        `prefix` (statements without placeholders, each ending in ";", such as SET LOCAL) goes first in
        the same query, and so in the same implicit transaction.
        """
        connection = cursor.db
        if not enabled(connection):
            cursor.execute(prefix + self.sql, params)
            return
        connection.ensure_connection()
        names = _session_names(connection)
        name = names.get(self.sql)
        if name is not None:
            cursor.execute(f"{prefix}EXECUTE {name}{self.arguments}", params)
            return
        if len(names) >= MAX_PER_SESSION:
            cursor.execute(prefix + self.sql, params)
            return
        name = f"staedtenetz_{next(_names)}"
        cursor.execute(f"{prefix}PREPARE {name} AS {self.server_text}; EXECUTE {name}{self.arguments}", params)
        names[self.sql] = name


_statements = {}


def execute(cursor, sql, params, prefix=""):
    """cursor.execute(prefix + sql, params), `sql` prepared where enabled(): for hand-written statements
    whose plan does not depend on the values (primary keys, id lists), run on every request of their kind."""
    statement = _statements.get(sql)
    if statement is None:
        if len(_statements) >= 4 * MAX_PER_SESSION:
            _statements.clear()
        statement = _statements[sql] = Statement(sql)
    statement.execute(cursor, params, prefix)
