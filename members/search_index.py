"""The member search's index on SQLite (DOMAIN.md §7: case and diacritics ignored, đ folded).

Every word of a query is looked for inside the member's folded search text (Member.search_text:
the folded names, card number and CCCD). On PostgreSQL a trigram GIN index answers `LIKE '%word%'`
(migration members 0009). On SQLite an FTS5 table with the trigram tokenizer over the same column
answers it: a phrase of three characters or more matches exactly where the text holds it, so both
databases find the same members. Words shorter than three characters are matched by `LIKE` on the
rows the index found (alone, they scan, as before).

The FTS5 table is external-content (it stores only the index) and kept by triggers on the member
table, so bulk writes keep it too. A later migration that rebuilds the member table on SQLite drops
its triggers (not the FTS5 table): after every `migrate`, `ensure(create=False)` puts back the
missing triggers and rebuilds the index (nothing when the index's migration is not applied).
An SQLite without FTS5's trigram tokenizer (before 3.34) keeps the scan.
"""

import logging

from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

TABLE = "member_search"
TRIGGERS = {
    "member_search_insert": (
        "AFTER INSERT ON members_member BEGIN "
        "INSERT INTO member_search(rowid, search_text) VALUES (new.id, new.search_text); END"
    ),
    "member_search_delete": (
        "AFTER DELETE ON members_member BEGIN "
        "INSERT INTO member_search(member_search, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); END"
    ),
    "member_search_update": (
        "AFTER UPDATE OF search_text ON members_member BEGIN "
        "INSERT INTO member_search(member_search, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); "
        "INSERT INTO member_search(rowid, search_text) VALUES (new.id, new.search_text); END"
    ),
}
SHORTEST = 3  # a trigram index finds words of three characters or more

_available: dict[str, bool] = {}  # by database name: the table is there


def ensure(connection, *, create: bool = True) -> bool:
    """Create the index (unless not `create`) and its triggers where missing, and fill it; True
    when it is there."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE name = %s OR name LIKE 'member_search_%%'",
            [TABLE],
        )
        present = {row[0] for row in cursor.fetchall()}
        if present >= {TABLE, *TRIGGERS}:
            _available[connection.settings_dict["NAME"]] = True
            return True
        if TABLE not in present and not create:
            return False
        try:
            if TABLE not in present:
                cursor.execute(
                    f"CREATE VIRTUAL TABLE {TABLE} USING fts5(search_text, "
                    "content='members_member', content_rowid='id', tokenize='trigram')"
                )
        except DatabaseError:
            logger.warning("SQLite has no FTS5 trigram tokenizer: the member search will scan.")
            _available[connection.settings_dict["NAME"]] = False
            return False
        for name, body in TRIGGERS.items():
            if name not in present:
                cursor.execute(f"CREATE TRIGGER {name} {body}")
        cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
    _available[connection.settings_dict["NAME"]] = True
    return True


def drop(connection) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
    _available.pop(connection.settings_dict["NAME"], None)


def available(alias: str) -> bool:
    """Whether the database behind `alias` has the index (asked once per database)."""
    connection = connections[alias]
    if connection.vendor != "sqlite":
        return False
    name = connection.settings_dict["NAME"]
    if name not in _available:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [TABLE])
            _available[name] = cursor.fetchone() is not None
    return _available[name]


def match_expression(words: list[str]) -> str:
    """An FTS5 query that every word must match as a substring (a quoted phrase each)."""
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in words)


def on_post_migrate(sender, using="default", **kwargs) -> None:
    ensure(connections[using], create=False)
