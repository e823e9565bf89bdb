"""How many customers on the list are in each stage, kept by triggers (issue 17: the board's
first paint at 1,000,000 customers counted its columns over a million index entries, ~300 ms;
a read of six rows instead).

`stage_count` holds one row per stage with customers on the list (archived ones, in the
Trash, are not counted). Triggers on the customer table keep it as customers are added,
deleted, archived, restored or moved. The board reads it when nothing but the stage narrows
a column; with a search or a filter it still counts the matching customers. `crmdesk check`
compares it with a count of the customers (services/integrity.py), an office bootstrap
(which sets the triggers aside) counts it again, and it never travels to the office hub
(sync_spec.LOCAL_TABLES)."""

from __future__ import annotations

from typing import Any

import peewee

TABLE = ("CREATE TABLE stage_count (stage TEXT PRIMARY KEY, n INTEGER NOT NULL) "
         "WITHOUT ROWID")

_ADD = ("INSERT INTO stage_count (stage, n) SELECT coalesce(NEW.stage, ''), 1 "
        "WHERE NEW.archived_at IS NULL ON CONFLICT (stage) DO UPDATE SET n = n + 1;")
_TAKE = ("UPDATE stage_count SET n = n - 1 WHERE stage = coalesce(OLD.stage, '') "
         "AND OLD.archived_at IS NULL;")

TRIGGERS: list[tuple[str, str]] = [
    ("stage_count_insert", f"CREATE TRIGGER stage_count_insert AFTER INSERT ON customer "
                           f"BEGIN {_ADD} END"),
    ("stage_count_delete", f"CREATE TRIGGER stage_count_delete AFTER DELETE ON customer "
                           f"BEGIN {_TAKE} END"),
    ("stage_count_update", "CREATE TRIGGER stage_count_update AFTER UPDATE OF stage, "
                           "archived_at ON customer WHEN OLD.stage IS NOT NEW.stage OR "
                           "(OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL) "
                           f"BEGIN {_TAKE} {_ADD} END"),
]

COUNT = ("SELECT coalesce(stage, ''), count(*) FROM customer WHERE archived_at IS NULL "
         "GROUP BY 1")


def present(database: peewee.Database | Any) -> bool:
    return database.execute_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stage_count'"
    ).fetchone() is not None


def rebuild(database: peewee.Database | Any) -> None:
    """Count every stage again from the customer table."""
    database.execute_sql("DELETE FROM stage_count")
    database.execute_sql(f"INSERT INTO stage_count (stage, n) {COUNT}")


def kept(database: peewee.Database | Any) -> dict[str, int]:
    """The counts the table holds (stages with nobody left out)."""
    return {str(stage): int(n) for stage, n in
            database.execute_sql("SELECT stage, n FROM stage_count WHERE n <> 0")}


def out_of_step(database: peewee.Database | Any) -> dict[str, tuple[int, int]]:
    """The stages whose kept count differs from a count of the customers: stage ->
    (kept, counted)."""
    counted = {str(stage): int(n) for stage, n in database.execute_sql(COUNT)}
    held = kept(database)
    return {stage: (held.get(stage, 0), counted.get(stage, 0))
            for stage in sorted(set(counted) | set(held))
            if held.get(stage, 0) != counted.get(stage, 0)}


def step(database: peewee.Database) -> None:
    """The migration step: the table, filled, and its triggers."""
    database.execute_sql(TABLE)
    rebuild(database)
    for _name, sql in TRIGGERS:
        database.execute_sql(sql)
