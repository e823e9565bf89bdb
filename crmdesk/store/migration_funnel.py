"""The funnel's steps, kept ahead by triggers (issue 17: the funnel report at 1,000,000
customers in well under a second).

The funnel report (services/lifecycle.funnel) counts a cohort: who entered each stage in a
period (moved into it, or were added in it) and of those, who then moved on to the next stage
before the period ended. Counted from the stage history alone, that is a walk of every move
of the period in Python, ~7 s at 1,000,000 customers. `stage_step` keeps beside each move
what makes the cohort a count of index ranges:

- `stay_start`: when the customer last entered the stage the move leaves, at or before the
  move (their latest move into it, or when they were added in it; none in a history a
  merge joined whose moves do not chain, as the cohort walk counts it);
- `prev_entry`: the customer's entry into the stage the move enters before this one (a move
  into it, or being added in it), NULL if none: a move whose previous entry came before the
  period is the customer's first entry of the period;
- `prev_same_start`: `stay_start` of the customer's previous move between the same two
  stages: a move on whose stay began in the period is the customer's first such move of the
  period when the previous one's stay began before it;
- `added_at` / `now_stage`: on the customer's first move only, when they were added and the
  stage they are in now (customers never moved are counted from the customer table).

Each write to a customer's stage history recomputes that customer's rows (a handful), so a
move costs well under a millisecond more; a bulk load (the demo builder, an office
bootstrap) drops the triggers and calls `rebuild`. `crmdesk check` recomputes the whole
table and compares (services/integrity.py). The table is derived: it never travels to the
office hub (sync_spec.LOCAL_TABLES)."""

from __future__ import annotations

from typing import Any

import peewee

TABLE = """CREATE TABLE stage_step (
    change_id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL,
    from_stage TEXT NOT NULL, to_stage TEXT NOT NULL, changed_at TEXT NOT NULL,
    stay_start TEXT, prev_entry TEXT, prev_same_start TEXT, added_at TEXT, now_stage TEXT)"""

INDEXES = [
    "CREATE INDEX stage_step_customer ON stage_step (customer_id)",
    # entered: moves into a stage in the period whose previous entry came before it
    "CREATE INDEX stage_step_entered ON stage_step (to_stage, changed_at, prev_entry)",
    # moved on: moves between two stages in the period, whose stay began in it
    "CREATE INDEX stage_step_moved ON stage_step (from_stage, to_stage, changed_at, "
    "stay_start, prev_same_start)",
    # added in the period (customers that moved since)
    "CREATE INDEX stage_step_added ON stage_step (from_stage, added_at) "
    "WHERE added_at IS NOT NULL",
    "CREATE INDEX stage_step_added_now ON stage_step (now_stage, added_at) "
    "WHERE added_at IS NOT NULL",
    # the median stay of those who left a stage in the period: a walk in stay order that
    # stops at the middle (at 1,000,000 customers 0.23 s for a year's funnel, not 2.5 s of
    # sorting; lifecycle._median_stay)
    "CREATE INDEX stage_change_stay ON stage_change (from_stage, stay_seconds, changed_at) "
    "WHERE stay_seconds IS NOT NULL",
    # the customers added in the period, by the stage they are in now
    "CREATE INDEX customer_created_stage ON customer (stage, created_at)",
]


def _select(where: str) -> str:
    """The rows of stage_step for the stage changes `where` picks (in whole histories)."""
    # (a subquery, not WITH: a trigger's statements may not have a WITH clause)
    return f"""
    SELECT id, customer_id, from_stage, to_stage, changed_at, stay_start,
           coalesce(lag(changed_at) OVER (PARTITION BY customer_id, to_stage
                                          ORDER BY changed_at, id),
                    CASE WHEN to_stage = first_stage THEN created_at END),
           lag(stay_start) OVER (PARTITION BY customer_id, from_stage, to_stage
                                 ORDER BY changed_at, id),
           CASE WHEN n = 1 THEN created_at END,
           CASE WHEN n = 1 THEN now_stage END
    FROM (
        SELECT s.id, s.customer_id, s.from_stage, s.to_stage, s.changed_at,
               row_number() OVER w AS n,
               coalesce((SELECT max(p.changed_at) FROM stage_change p
                         WHERE p.customer_id = s.customer_id AND p.to_stage = s.from_stage
                         AND p.changed_at <= s.changed_at AND p.id <> s.id),
                        CASE WHEN s.from_stage = first_value(s.from_stage) OVER w
                             THEN c.created_at END) AS stay_start,
               c.created_at AS created_at, c.stage AS now_stage,
               first_value(s.from_stage) OVER w AS first_stage
        FROM stage_change s LEFT JOIN customer c ON c.id = s.customer_id
        WHERE {where}
        WINDOW w AS (PARTITION BY s.customer_id ORDER BY s.changed_at, s.id))"""


COLUMNS = ("change_id, customer_id, from_stage, to_stage, changed_at, stay_start, prev_entry, "
           "prev_same_start, added_at, now_stage")


def _recompute(who: str) -> str:
    return (f"DELETE FROM stage_step WHERE customer_id = {who}; "
            f"INSERT INTO stage_step ({COLUMNS}) {_select(f's.customer_id = {who}')};")


TRIGGERS: list[tuple[str, str]] = [
    ("stage_step_insert", f"""CREATE TRIGGER stage_step_insert AFTER INSERT ON stage_change
        BEGIN {_recompute('NEW.customer_id')} END"""),
    ("stage_step_delete", f"""CREATE TRIGGER stage_step_delete AFTER DELETE ON stage_change
        BEGIN {_recompute('OLD.customer_id')} END"""),
    ("stage_step_update", f"""CREATE TRIGGER stage_step_update
        AFTER UPDATE OF customer_id, from_stage, to_stage, changed_at ON stage_change
        BEGIN {_recompute('OLD.customer_id')}
              {_recompute('NEW.customer_id')} END"""),
    # what the customer's row lends: the stage they are in now, when they were added
    ("stage_step_stage", """CREATE TRIGGER stage_step_stage AFTER UPDATE OF stage ON customer
        WHEN OLD.stage IS NOT NEW.stage BEGIN
        UPDATE stage_step SET now_stage = NEW.stage
            WHERE customer_id = NEW.id AND added_at IS NOT NULL; END"""),
    ("stage_step_created", f"""CREATE TRIGGER stage_step_created
        AFTER UPDATE OF created_at ON customer WHEN OLD.created_at IS NOT NEW.created_at
        BEGIN {_recompute('NEW.id')} END"""),
    ("stage_step_customer_gone", """CREATE TRIGGER stage_step_customer_gone
        AFTER DELETE ON customer BEGIN
        DELETE FROM stage_step WHERE customer_id = OLD.id; END"""),
]


def rebuild(database: peewee.Database | Any) -> None:
    """Fill stage_step again from the whole stage history (after a bulk load)."""
    database.execute_sql("DELETE FROM stage_step")
    database.execute_sql(f"INSERT INTO stage_step ({COLUMNS}) {_select('1')}")


def drop_triggers(database: peewee.Database | Any) -> None:
    for name, _sql in TRIGGERS:
        database.execute_sql(f"DROP TRIGGER IF EXISTS {name}")


def create_triggers(database: peewee.Database | Any) -> None:
    for _name, sql in TRIGGERS:
        database.execute_sql(sql)


def present(database: peewee.Database | Any) -> bool:
    return database.execute_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stage_step'"
    ).fetchone() is not None


def out_of_step(database: peewee.Database | Any) -> int:
    """How many rows of stage_step differ from a recomputation (crmdesk check)."""
    fresh = _select("1")
    return int(database.execute_sql(
        f"SELECT count(*) FROM (SELECT * FROM ({fresh}) EXCEPT SELECT {COLUMNS} FROM stage_step"
        f" UNION ALL SELECT * FROM (SELECT {COLUMNS} FROM stage_step EXCEPT "
        f"SELECT * FROM ({fresh})))").fetchone()[0])


def restep_unchained(database: peewee.Database) -> None:
    """Schema step: the steps of the customers whose history does not chain (a move leaving
    another stage than the one the move before entered: two histories a merge joined), or
    who have two moves in one second, are worked out again, now that `stay_start` is the last
    entry into the stage left at or before the move (it was the move before, whatever it
    entered). Every other history gives the same rows."""
    if not present(database):
        return
    # (in a history that chains, the two agree unless two moves share a second)
    unchained = ("SELECT customer_id FROM (SELECT customer_id, from_stage, "
                 "lag(to_stage) OVER (PARTITION BY customer_id ORDER BY changed_at, id) "
                 "AS entered FROM stage_change) WHERE entered IS NOT NULL "
                 "AND entered <> from_stage UNION SELECT customer_id FROM stage_change "
                 "GROUP BY customer_id, changed_at HAVING count(*) > 1")
    database.execute_sql(f"CREATE TEMP TABLE unchained AS {unchained}")
    database.execute_sql("DELETE FROM stage_step WHERE customer_id IN "
                         "(SELECT customer_id FROM unchained)")
    database.execute_sql(f"INSERT INTO stage_step ({COLUMNS}) "
                         f"{_select('s.customer_id IN (SELECT customer_id FROM unchained)')}")
    database.execute_sql("DROP TABLE unchained")


def step(database: peewee.Database) -> None:
    """Schema step: the funnel's steps kept ahead by triggers (filled from the history)."""
    database.execute_sql(TABLE)
    rebuild(database)
    for sql in INDEXES:
        database.execute_sql(sql)
    create_triggers(database)
