"""Lifecycle: moves with history, undo, the board's columns, time in stage, funnel, CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.services import customers, interactions, lifecycle
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.store.db import close_database, db
from crmdesk.store.models import utcnow
from tests.conftest import add

NOW = utcnow()


def _history(cid: int) -> list[tuple]:
    return db.execute_sql("SELECT from_stage, to_stage, reason FROM stage_change "
                          "WHERE customer_id = ? ORDER BY id", (cid,)).fetchall()


def test_move_records_history_and_undo_restores(book: object) -> None:
    cid = add("Ana", "Ruiz")
    since = customers.load(cid)
    moves = lifecycle.move([cid], "acquisition", None, " Presented the  card ")
    assert _history(cid) == [("knowledge", "acquisition", "Presented the card")]
    assert customers.load(cid).stage == "acquisition"
    assert lifecycle.move([cid], "acquisition") == []  # already there: nothing recorded
    lifecycle.undo_moves(moves)
    assert customers.load(cid).stage == "knowledge" and _history(cid) == []
    assert since.created_at is not None
    redone = lifecycle.redo_moves(moves)
    assert customers.load(cid).stage == "acquisition" and len(_history(cid)) == 1
    assert redone[0].change_id == db.execute_sql("SELECT max(id) FROM stage_change").fetchone()[0]
    with pytest.raises(ValueError, match="Unknown stage"):
        lifecycle.move([cid], "heaven")


def test_stage_changed_in_the_profile_is_a_move(book: object) -> None:
    cid = add("Ana", "Ruiz")
    data = customers.load(cid)
    data.stage = "growth"
    customers.update(cid, data, "US")
    assert _history(cid) == [("knowledge", "growth", "Changed in the profile")]
    data.notes = "no stage change"
    customers.update(cid, data, "US")
    assert len(_history(cid)) == 1


def test_stage_names_and_order_come_from_settings(book: object) -> None:
    default = lifecycle.stages()
    assert [k for k, _ in default][:2] == ["knowledge", "acquisition"]
    renamed = [(k, "Prospects" if k == "knowledge" else v) for k, v in default]
    renamed[0], renamed[1] = renamed[1], renamed[0]
    lifecycle.set_stages(renamed)
    assert lifecycle.stages()[:2] == [("acquisition", "Acquisition"), ("knowledge", "Prospects")]
    assert lifecycle.neighbour("knowledge", 1) == "conversion"
    assert lifecycle.neighbour("acquisition", -1) is None
    with pytest.raises(ValueError):
        lifecycle.set_stages(renamed[:-1])
    with pytest.raises(ValueError, match="same name"):
        lifecycle.set_stages([(k, "Same") for k, _ in default])


def test_columns_put_overdue_first_then_longest_in_stage(book: object) -> None:
    old = add("Olga", "Old", segment="VIP")
    new = add("Nina", "New", segment="VIP")
    late = add("Lara", "Late", segment="Standard")
    db.execute_sql("UPDATE customer SET stage_since = '2020-01-01T00:00:00Z' WHERE id = ?",
                   (old,))
    interactions.add_follow_up(FollowUpData(late, "Call", NOW - dt.timedelta(days=1)))
    assert lifecycle.column_ids("knowledge", CustomerFilter()) == [late, old, new]
    assert lifecycle.column_ids("knowledge", CustomerFilter(segment="VIP")) == [old, new]
    assert lifecycle.column_ids("knowledge", CustomerFilter(text="nina")) == [new]
    assert lifecycle.column_ids("knowledge", CustomerFilter(), offset=1, limit=1) == [old]
    counts = lifecycle.column_counts(CustomerFilter(segment="VIP"))
    assert counts["knowledge"] == 2 and counts["growth"] == 0
    card = lifecycle.cards([late, old])
    assert card[late].overdue and card[late].next_follow_up.startswith("Call (")
    assert card[old].days_in_stage > 365
    # two overdue promises are one card; an overdue card of another column stays there;
    # the longest in stage comes first among the overdue too; the Trash is left out
    later = add("Lea", "Later")
    gone = add("Gus", "Gone")
    db.execute_sql("UPDATE customer SET stage_since = '2021-01-01T00:00:00Z' WHERE id = ?",
                   (later,))
    other = add("Otto", "Other", stage="growth")
    for cid in (late, later, other, gone):
        interactions.add_follow_up(FollowUpData(cid, "Write", NOW - dt.timedelta(days=2)))
    customers.set_archived([gone], True)
    assert lifecycle.column_ids("knowledge", CustomerFilter()) == [later, late, old, new]
    assert lifecycle.column_ids("knowledge", CustomerFilter(), offset=1, limit=2) == [late, old]
    assert lifecycle.column_ids("growth", CustomerFilter()) == [other]


def test_a_column_reads_its_overdue_cards_from_a_range_not_from_every_card(
        book: object) -> None:
    """The overdue cards of a column are a range of the index of customers with an open
    follow-up (by stage and due date); the rest a walk of the stage index: never a walk of
    the whole column, never a read of every overdue card's row (at a million customers,
    300 ms and 45 ms a column)."""
    from tests.unit.test_query_plans import _plans

    cid = add("Ana", "Uno")
    interactions.add_follow_up(FollowUpData(cid, "Call", NOW - dt.timedelta(days=1)))
    plans = _plans(lambda: lifecycle.column_ids("knowledge", CustomerFilter()))
    assert len(plans) == 1 or "customer_stage_since" in plans[1][1], plans
    urgent = plans[0][1]
    assert "USING INDEX customer_follow_up_due (stage=? AND next_follow_up_at" in urgent, urgent
    assert "SCAN" not in urgent and "follow_up USING" not in urgent, urgent


def test_a_book_of_the_previous_schema_gets_the_follow_up_index(tmp_path: Path) -> None:
    from crmdesk.store import migrations
    from crmdesk.store.book import open_book
    from tests.conftest import old_book

    path = tmp_path / "old.db"
    database = old_book(path, migrations.FOLLOW_UP_DUE_VERSION - 1)
    stamp = "2026-01-05T10:00:00Z"
    database.execute_sql(
        "INSERT INTO customer (given_name, family_name, sort_name, stage, created_at, "
        "updated_at, stage_since, next_follow_up_at) VALUES ('Old', 'One', 'one old', "
        "'growth', ?, ?, ?, '2026-01-06T10:00:00Z')", (stamp, stamp, stamp))
    database.close()
    open_book(path)
    try:
        assert migrations.current_version(db) == migrations.LATEST
        assert len(lifecycle.column_ids("growth", CustomerFilter(),
                                        now=dt.datetime(2026, 2, 1, tzinfo=dt.UTC))) == 1
        assert db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = "
                              "'customer_follow_up_due'").fetchone()
    finally:
        close_database()


def test_time_in_stage_and_funnel(book: object) -> None:
    a = add("Ana", "Ruiz")
    b = add("Ben", "Carter")
    t0 = NOW - dt.timedelta(days=30)
    start = t0.strftime("%Y-%m-%dT%H:%M:%SZ")
    db.execute_sql("UPDATE customer SET created_at = ?, stage_since = ? WHERE id IN (?, ?)",
                   (start, start, a, b))
    with db.atomic():
        lifecycle.record_change(a, "knowledge", "acquisition", None, "", t0 + dt.timedelta(days=4))
        lifecycle.record_change(a, "acquisition", "conversion", None, "",
                                t0 + dt.timedelta(days=10))
        lifecycle.record_change(b, "knowledge", "acquisition", None, "",
                                t0 + dt.timedelta(days=8))
    stays = lifecycle.time_in_stage(a, NOW)
    assert [(s.stage, s.days) for s in stays] == [("knowledge", 4), ("acquisition", 6),
                                                  ("conversion", 20)]
    rows = {r.stage: r for r in lifecycle.funnel(t0, NOW)}
    assert (rows["acquisition"].entered, rows["acquisition"].moved_on) == (2, 1)
    assert rows["acquisition"].conversion == 0.5
    assert rows["knowledge"].median_days == pytest.approx(6)  # 4 and 8 days
    assert rows["conversion"].entered == 1 and rows["conversion"].moved_on == 0
    assert rows["reactivation"].conversion is None


def test_reactivation_suggestions_and_dismissal(book: object) -> None:
    quiet = add("Quinn", "Quiet", stage="retention")
    add("Rita", "Recent", stage="retention")
    add("Rex", "Already", stage="reactivation")
    interactions.log(InteractionData(quiet, "phone", "out", "Hello",
                                     NOW - dt.timedelta(days=200)))
    later = NOW + dt.timedelta(days=1)
    ids, total = lifecycle.reactivation_suggestions(later)
    assert ids == [quiet] and total == 1
    lifecycle.dismiss(quiet)
    assert lifecycle.reactivation_suggestions(later) == ([], 0)
    # A dismissal holds until the next contact: dismissed 195 days ago, in touch 190 days ago,
    # quiet since then -> proposed again.
    db.execute_sql("UPDATE suggestion_dismissal SET dismissed_at = ?",
                   ((NOW - dt.timedelta(days=195)).strftime("%Y-%m-%dT%H:%M:%SZ"),))
    interactions.log(InteractionData(quiet, "phone", "out", "Hi", NOW - dt.timedelta(days=190)))
    assert lifecycle.reactivation_suggestions(later)[0] == [quiet]


def test_cli_stage_and_funnel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dbpath = str(tmp_path / "b.db")
    assert main(["add", "--db", dbpath, "--given", "Ana", "--family", "Ruiz"]) == 0
    close_database()
    capsys.readouterr()
    assert main(["stage", "--db", dbpath, "--customer", "1", "--to", "Acquisition",
                 "--reason", "Saw the brochure", "--json"]) == 0
    close_database()
    assert json.loads(capsys.readouterr().out) == {"customer_id": 1, "moved": True,
                                                   "from": "knowledge", "to": "acquisition"}
    assert main(["stage", "--db", dbpath, "--customer", "1", "--to", "limbo"]) == 1
    close_database()
    assert "Unknown stage “limbo”" in capsys.readouterr().err
    assert main(["stage", "--db", dbpath, "--customer", "99", "--to", "growth"]) == 1
    close_database()
    assert "does not exist" in capsys.readouterr().err
    assert main(["funnel", "--db", dbpath, "--json"]) == 0
    close_database()
    report = json.loads(capsys.readouterr().out)
    first = report["stages"][0]
    assert first["stage"] == "knowledge" and report["stages"][1]["entered"] == 1
    assert set(first) == {"stage", "label", "entered", "moved_to_next", "conversion",
                          "median_days"}
    assert main(["funnel", "--db", dbpath, "--from", "2026-12-01", "--to", "2026-01-01"]) == 1
    close_database()
    assert "--from must be before --to" in capsys.readouterr().err


def test_stage_changes_appear_in_the_timeline(book: object) -> None:
    from crmdesk.services import timeline

    cid = add("Ana", "Ruiz")
    interactions.log(InteractionData(cid, "phone", "in", "Asked", NOW - dt.timedelta(hours=2)))
    lifecycle.move([cid], "acquisition", None, "Presented the premium card")
    keys = timeline.entry_keys(cid)
    assert keys[0][0] == "stage"
    entry = timeline.entries(keys)[keys[0]]
    assert entry.title == "Stage: Knowledge → Acquisition"
    assert entry.detail == "Presented the premium card"
    assert timeline.entry_keys(cid, kind="stage") == [keys[0]]
    assert timeline.entry_keys(cid, channel="phone")[0][0] == "interaction"
