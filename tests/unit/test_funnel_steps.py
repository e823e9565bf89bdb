"""The funnel's steps kept ahead by triggers (stage_step): the funnel counted from them equals
the cohort walked from the stage history, after every kind of write to that history (moves,
undone moves, merges, a changed date of creation, deletions), after an upgrade of a book of
the previous schema, after the demo builder's bulk load; `check` proves them."""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmdesk.services import integrity, lifecycle
from crmdesk.store import migration_funnel, migrations
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db
from tests.conftest import add, old_book

T0 = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
STAGES = ["knowledge", "acquisition", "conversion", "growth", "retention", "reactivation"]


def day(n: float) -> dt.datetime:
    return T0 + dt.timedelta(days=n)


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _customer(created: dt.datetime, stage: str) -> int:
    cid = add("P", "Test", stage=stage)
    db.execute_sql("UPDATE customer SET created_at = ?, stage_since = ? WHERE id = ?",
                   (_stamp(created), _stamp(created), cid))
    return cid


def _counts(since: dt.datetime, until: dt.datetime) -> dict[str, tuple[int, int]]:
    return {r.stage: (r.entered, r.moved_on) for r in lifecycle.funnel(since, until)}


def _walked(since: dt.datetime, until: dt.datetime) -> dict[str, tuple[int, int]]:
    return {r.stage: (r.entered, r.moved_on) for r in lifecycle.funnel_by_walk(since, until)}


_era = itertools.count()
_history = st.tuples(st.integers(0, 40), st.sampled_from(STAGES),
                     st.lists(st.tuples(st.integers(1, 6), st.sampled_from(STAGES)),
                              max_size=8))
# what happens to the history afterwards: undo a customer's last move, merge one customer's
# history into another's, change when a customer was added, delete a customer
_later = st.lists(st.tuples(st.sampled_from(["undo", "merge", "created", "delete"]),
                            st.integers(0, 5), st.integers(0, 5), st.integers(-5, 45)),
                  max_size=4)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(_history, min_size=1, max_size=6), later=_later,
       lo=st.integers(0, 40), length=st.integers(1, 60))
def test_the_kept_steps_count_what_the_walk_counts(
        book: object, people: list[tuple[int, str, list[tuple[int, str]]]],
        later: list[tuple[str, int, int, int]], lo: int, length: int) -> None:
    base = next(_era) * 200
    ids = []
    for created, first, steps in people:
        cid = _customer(day(base + created), first)
        ids.append(cid)
        when, current = created, first
        with db.atomic():
            for gap, to in steps:
                when += gap
                if to != current:
                    lifecycle.record_change(cid, current, to, None, "", day(base + when))
                    current = to
    for what, a, b, days in later:
        one, other = ids[a % len(ids)], ids[b % len(ids)]
        if what == "undo":  # as the undo of a move does: the change goes, the stage comes back
            last = db.execute_sql("SELECT id, from_stage FROM stage_change WHERE customer_id = ?"
                                  " ORDER BY changed_at DESC, id DESC LIMIT 1", (one,)).fetchone()
            if last:
                db.execute_sql("DELETE FROM stage_change WHERE id = ?", (last[0],))
                db.execute_sql("UPDATE customer SET stage = ? WHERE id = ?", (last[1], one))
        elif what == "merge" and one != other:  # a merge moves the history to the one kept
            db.execute_sql("UPDATE stage_change SET customer_id = ? WHERE customer_id = ?",
                           (other, one))
        elif what == "created":  # (never after their first move: a history starts there)
            first = db.execute_sql("SELECT min(changed_at) FROM stage_change "
                                   "WHERE customer_id = ?", (one,)).fetchone()[0]
            db.execute_sql("UPDATE customer SET created_at = min(?, coalesce(?, '9')) "
                           "WHERE id = ?", (_stamp(day(base + days)), first, one))
        elif what == "delete" and len(ids) > 1:
            db.execute_sql("DELETE FROM customer WHERE id = ?", (one,))
            ids.remove(one)
    assert migration_funnel.out_of_step(db) == 0
    since, until = day(base + lo), day(base + lo + length)
    assert _counts(since, until) == _walked(since, until)
    # the median stay of those who left each stage in the period, against a plain median
    for r in lifecycle.funnel(since, until):
        stays = [row[0] for row in db.execute_sql(
            "SELECT stay_seconds FROM stage_change WHERE from_stage = ? AND changed_at >= ? "
            "AND changed_at < ? AND stay_seconds IS NOT NULL",
            (r.stage, _stamp(since), _stamp(until)))]
        expected = statistics.median(stays) / 86400 if stays else None
        assert r.median_days == pytest.approx(expected) if stays else r.median_days is None


def test_a_move_and_its_undo_through_the_services(book: object) -> None:
    cid = _customer(day(-3), "knowledge")
    moves = lifecycle.move([cid], "acquisition")
    assert _counts(day(-10), day(400)) == _walked(day(-10), day(400))
    assert _counts(day(-10), day(400))["knowledge"] == (1, 1)
    lifecycle.undo_moves(moves)
    assert migration_funnel.out_of_step(db) == 0
    assert _counts(day(-10), day(400))["knowledge"] == (1, 0)


def test_check_proves_the_steps(book: object) -> None:
    cid = _customer(day(-3), "knowledge")
    lifecycle.move([cid], "acquisition")
    report = integrity.check_book()
    assert report.ok, report.problems
    assert any(f.startswith("Funnel steps: ok") for f in report.findings)
    db.execute_sql("UPDATE stage_step SET prev_entry = '2000-01-01T00:00:00Z'")
    report = integrity.check_book()
    assert any("Funnel steps out of step" in p for p in report.problems)


def test_a_book_of_the_previous_schema_gets_its_steps(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    database = old_book(path, migrations.FUNNEL_STEPS_VERSION - 1)
    assert not migration_funnel.present(database)
    stamp = "2026-01-05T10:00:00Z"
    for i, (first, moves) in enumerate([("knowledge", ["acquisition", "conversion"]),
                                        ("knowledge", ["acquisition", "knowledge",
                                                       "acquisition"]),
                                        ("acquisition", [])]):
        cid = database.execute_sql(
            "INSERT INTO customer (given_name, family_name, sort_name, stage, created_at, "
            "updated_at, stage_since) VALUES (?, 'Old', ?, ?, ?, ?, ?)",
            (f"V{i}", f"old v{i}", moves[-1] if moves else first, stamp, stamp, stamp)).lastrowid
        current = first
        for n, to in enumerate(moves):
            database.execute_sql(
                "INSERT INTO stage_change (customer_id, from_stage, to_stage, changed_at) "
                "VALUES (?, ?, ?, ?)", (cid, current, to, f"2026-01-{10 + n:02d}T10:00:00Z"))
            current = to
    database.close()
    open_book(path)
    try:
        assert migrations.current_version(db) == migrations.LATEST
        assert migration_funnel.out_of_step(db) == 0
        period = (dt.datetime(2026, 1, 1, tzinfo=dt.UTC), dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
        counts = _counts(*period)
        assert counts == _walked(*period)
        assert counts["knowledge"] == (2, 2)
        assert counts["acquisition"] == (3, 1)
        report = integrity.check_book()  # (rows written by hand have no search entry)
        assert any(f.startswith("Funnel steps: ok") for f in report.findings)
        assert not any("Funnel" in p for p in report.problems)
    finally:
        close_database()


def test_the_demo_builder_leaves_the_steps_in_step(book: object) -> None:
    from crmdesk.services import demo

    demo.build_demo(120, seed=3)
    assert db.execute_sql("SELECT count(*) FROM stage_step").fetchone()[0] > 0
    assert migration_funnel.out_of_step(db) == 0
    names = {r[0] for r in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'stage_step%'")}
    assert names == {name for name, _sql in migration_funnel.TRIGGERS}
    now = dt.datetime.now(dt.UTC)
    assert _counts(now - dt.timedelta(days=365), now) == _walked(now - dt.timedelta(days=365),
                                                                 now)


def test_the_funnel_reads_index_ranges_only(book: object) -> None:
    """Every statement of the funnel is a range of a covering index: no walk of the stage
    history or of the customers (at a million customers a walk is seconds)."""
    cid = _customer(day(-3), "knowledge")
    lifecycle.move([cid], "acquisition")
    statements: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(statements.append)
    try:
        lifecycle.funnel(day(-10), day(400))
    finally:
        connection.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")
               and "sqlite_master" not in s]
    assert selects
    for sql in selects:
        plan = [str(r[-1]) for r in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}").fetchall()]
        for line in plan:
            assert not line.startswith("SCAN") or "COVERING INDEX" in line, (sql, plan)
            if "stage_step" in line or "customer" in line:
                assert "INDEX" in line, (sql, plan)


def _merged_tie() -> tuple[int, int, int]:
    """Hypothesis found it: two customers' single moves on the same day, one history
    merged into the other (knowledge → acquisition joined to conversion → growth)."""
    base = next(_era) * 200
    ids = []
    for first, moves in (("knowledge", ["acquisition"]), ("knowledge", []),
                         ("conversion", ["growth"])):
        cid = _customer(day(base), first)
        ids.append(cid)
        current = first
        for to in moves:
            lifecycle.record_change(cid, current, to, None, "", day(base + 1))
            current = to
    db.execute_sql("UPDATE stage_change SET customer_id = ? WHERE customer_id = ?",
                   (ids[2], ids[0]))
    return base, ids[0], ids[2]


def test_a_merged_history_whose_moves_do_not_chain_counts_as_the_walk(book: object) -> None:
    """The move from conversion did not follow an entry into conversion (the move before it
    entered acquisition): it is no stay that began in the period, for the walk nor the
    steps (the steps counted it as one: conversion 'moved on' 1 of 0)."""
    base, _gone, kept = _merged_tie()
    assert migration_funnel.out_of_step(db) == 0
    since, until = day(base), day(base + 2)
    assert _counts(since, until) == _walked(since, until)
    assert _counts(since, until)["conversion"] == (0, 0)


def test_a_book_of_the_previous_schema_gets_its_unchained_steps_again(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    database = old_book(path, migrations.FUNNEL_UNCHAINED_VERSION - 1)
    stamp = "2026-01-05T10:00:00Z"
    ids = []
    for i, (first, to) in enumerate([("knowledge", "acquisition"), ("conversion", "growth")]):
        cid = database.execute_sql(
            "INSERT INTO customer (given_name, family_name, sort_name, stage, created_at, "
            "updated_at, stage_since) VALUES (?, 'Old', ?, ?, ?, ?, ?)",
            (f"V{i}", f"old v{i}", to, stamp, stamp, stamp)).lastrowid
        database.execute_sql(
            "INSERT INTO stage_change (customer_id, from_stage, to_stage, changed_at) "
            "VALUES (?, ?, ?, '2026-01-06T10:00:00Z')", (cid, first, to))
        ids.append(cid)
    database.execute_sql("UPDATE stage_change SET customer_id = ? WHERE customer_id = ?",
                         (ids[1], ids[0]))
    # a history that chains, with a move and its undo in the same second
    tied = database.execute_sql(
        "INSERT INTO customer (given_name, family_name, sort_name, stage, created_at, "
        "updated_at, stage_since) VALUES ('T', 'Old', 'old t', 'knowledge', "
        "'2026-01-01T10:00:00Z', ?, ?)", (stamp, stamp)).lastrowid
    for first, to in (("knowledge", "acquisition"), ("acquisition", "knowledge")):
        database.execute_sql(
            "INSERT INTO stage_change (customer_id, from_stage, to_stage, changed_at) "
            "VALUES (?, ?, ?, '2026-01-06T10:00:00Z')", (tied, first, to))
    # (the schema before kept the old step: the move before, whatever it entered)
    database.execute_sql("UPDATE stage_step SET stay_start = '2026-01-06T10:00:00Z' "
                         "WHERE customer_id = ? AND from_stage = 'conversion'", (ids[1],))
    database.execute_sql("UPDATE stage_step SET stay_start = '2026-01-01T10:00:00Z' "
                         "WHERE customer_id = ? AND from_stage = 'knowledge'", (tied,))
    database.close()
    open_book(path)
    try:
        assert migrations.current_version(db) == migrations.LATEST
        assert migration_funnel.out_of_step(db) == 0
        for start in (1, 5):
            period = (dt.datetime(2026, 1, start, tzinfo=dt.UTC),
                      dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
            assert _counts(*period) == _walked(*period), start
    finally:
        close_database()
