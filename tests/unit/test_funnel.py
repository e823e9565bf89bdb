"""The funnel report counts a cohort: who entered each stage in the period (moved into it, or
added in it), and of those, who then moved on to the next stage before the period ended. So
the rate is never above 100 % and "moved on" never above "entered"."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmdesk.cli import main
from crmdesk.services import lifecycle
from crmdesk.store.db import close_database, db
from tests.conftest import add

T0 = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
STAGES = ["knowledge", "acquisition", "conversion", "growth", "retention", "reactivation"]


def day(n: float) -> dt.datetime:
    return T0 + dt.timedelta(days=n)


def _customer(given: str, created: dt.datetime, stage: str = "knowledge") -> int:
    cid = add(given, "Test", stage=stage)
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    db.execute_sql("UPDATE customer SET created_at = ?, stage_since = ? WHERE id = ?",
                   (stamp, stamp, cid))
    return cid


def _moves(cid: int, *steps: tuple[str, str, dt.datetime]) -> None:
    with db.atomic():
        for a, b, when in steps:
            lifecycle.record_change(cid, a, b, None, "", when)


def _hand_made_book() -> None:
    """The period is day 0 to day 30."""
    ana = _customer("Ana", day(-10))
    _moves(ana, ("knowledge", "acquisition", day(4)), ("acquisition", "conversion", day(10)))
    ben = _customer("Ben", day(1))  # added in the period, in Knowledge
    _moves(ben, ("knowledge", "acquisition", day(8)))
    cara = _customer("Cara", day(-20))  # entered Acquisition before the period
    _moves(cara, ("knowledge", "acquisition", day(-5)), ("acquisition", "conversion", day(3)))
    _customer("Dan", day(2), stage="acquisition")  # added in the period, in Acquisition
    eve = _customer("Eve", day(5))  # back and forth; moves on only after the period
    _moves(eve, ("knowledge", "acquisition", day(6)), ("acquisition", "knowledge", day(7)),
           ("knowledge", "acquisition", day(9)), ("acquisition", "conversion", day(40)))
    fay = _customer("Fay", day(-40))
    _moves(fay, ("knowledge", "acquisition", day(20)), ("acquisition", "conversion", day(29)))
    _customer("Gus", day(31))  # after the period: not counted


def test_funnel_counts_the_cohort_of_the_period(book: object) -> None:
    _hand_made_book()
    rows = {r.stage: r for r in lifecycle.funnel(day(0), day(30))}
    # Knowledge: Ben and Eve were added in it (Eve came back too: still one person); both
    # moved on. (Before: "entered 1, moved on 5": every move out counted, 500 %.)
    assert (rows["knowledge"].entered, rows["knowledge"].moved_on) == (2, 2)
    assert rows["knowledge"].conversion == 1.0
    # Acquisition: Ana, Ben, Eve, Fay moved in, Dan was added in it; Ana and Fay moved on
    # within the period (Cara entered before it, Eve moved on after it).
    assert (rows["acquisition"].entered, rows["acquisition"].moved_on) == (5, 2)
    assert rows["acquisition"].conversion == pytest.approx(0.4)
    # Conversion: Cara, Ana, Fay; nobody moved on to Growth.
    assert (rows["conversion"].entered, rows["conversion"].moved_on) == (3, 0)
    assert rows["conversion"].conversion == 0.0
    for key in ("growth", "retention", "reactivation"):
        assert (rows[key].entered, rows[key].moved_on, rows[key].conversion) == (0, 0, None)
    # A later end lets Eve's move count: the period runs to day 41.
    later = {r.stage: r for r in lifecycle.funnel(day(0), day(41))}
    assert (later["acquisition"].entered, later["acquisition"].moved_on) == (5, 3)
    assert later["knowledge"].entered == 3  # Gus, added on day 31


def test_cli_funnel_shows_the_same_cohort(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from crmdesk.store.book import open_book

    path = tmp_path / "b.db"
    open_book(path)
    _hand_made_book()
    close_database()
    capsys.readouterr()
    assert main(["funnel", "--db", str(path), "--from", "2026-03-01", "--to", "2026-03-30",
                 "--json"]) == 0
    close_database()
    stages = {s["stage"]: s for s in json.loads(capsys.readouterr().out)["stages"]}
    assert (stages["acquisition"]["entered"], stages["acquisition"]["moved_to_next"]) == (5, 2)
    assert stages["acquisition"]["conversion"] == 0.4
    assert (stages["knowledge"]["entered"], stages["knowledge"]["moved_to_next"]) == (2, 2)


def _expected(histories: list[tuple[int, str, list[tuple[int, str]]]], lo: int,
              hi: int) -> dict[str, tuple[int, int]]:
    """The cohort counted in plain Python, from (created, first stage, [(when, to)])."""
    entered: dict[str, int] = dict.fromkeys(STAGES, 0)
    moved: dict[str, int] = dict.fromkeys(STAGES, 0)
    for created, first, steps in histories:
        entries = [(created, first)] if lo <= created < hi else []
        path = [(created, first), *steps]
        moves = [(when, a, b) for (_t, a), (when, b) in itertools.pairwise(path)]
        entries += [(when, b) for when, _a, b in moves if lo <= when < hi]
        for stage in {s for _w, s in entries}:
            since = min(w for w, s in entries if s == stage)
            entered[stage] += 1
            nxt = STAGES.index(stage) + 1
            if nxt < len(STAGES) and any(a == stage and b == STAGES[nxt] and since <= w < hi
                                         for w, a, b in moves):
                moved[stage] += 1
    return {s: (entered[s], moved[s]) for s in STAGES}


_era = itertools.count()
_history = st.tuples(st.integers(0, 40), st.sampled_from(STAGES),
                     st.lists(st.tuples(st.integers(1, 6), st.sampled_from(STAGES)),
                              max_size=8))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(_history, min_size=1, max_size=6), lo=st.integers(0, 40),
       length=st.integers(1, 60))
def test_funnel_rates_stay_between_0_and_1_for_any_history(
        book: object, people: list[tuple[int, str, list[tuple[int, str]]]], lo: int,
        length: int) -> None:
    # Each example lives in its own 200 days, after the ones before it (none reaches past 150).
    base = next(_era) * 200
    histories = []
    for created, first, steps in people:
        cid = _customer("P", day(base + created), stage=first)
        when, current, done = created, first, []
        for gap, to in steps:
            when += gap
            if to != current:
                _moves(cid, (current, to, day(base + when)))
                done.append((when, to))
                current = to
        histories.append((created, first, done))
    rows = lifecycle.funnel(day(base + lo), day(base + lo + length))
    for r in rows:
        assert 0 <= r.moved_on <= r.entered
        assert r.conversion is None or 0.0 <= r.conversion <= 1.0
    assert {r.stage: (r.entered, r.moved_on) for r in rows} == \
        _expected(histories, lo, lo + length)
