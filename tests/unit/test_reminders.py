"""The reminder schedule (services/reminders.py) with an injected clock, never waited for."""

from __future__ import annotations

import datetime as dt

from crmdesk.services import interactions, reminders, staff
from crmdesk.services.interactions import FollowUpData
from crmdesk.store.book import Book
from tests.conftest import add

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def _promise(cid: int, what: str, due: dt.datetime, assignee: int | None = None,
             promise: bool = True) -> int:
    return interactions.add_follow_up(FollowUpData(cid, what, due, promise, assignee))


def test_due_soon_then_overdue_each_once(book: Book) -> None:
    cid = add("Lola", "Peña")
    soon = _promise(cid, "Call back", NOW + dt.timedelta(minutes=10))
    _promise(cid, "Next week", NOW + dt.timedelta(days=7))
    _promise(cid, "Not a promise", NOW + dt.timedelta(minutes=5), promise=False)
    schedule = reminders.Schedule(lead_minutes=15, last_check=NOW - dt.timedelta(minutes=1))
    found = schedule.check(NOW)
    assert [(r.follow_up_id, r.kind) for r in found] == [(soon, "soon")]
    assert found[0].headline(NOW).startswith("Promise due in 10 min")
    assert schedule.check(NOW + dt.timedelta(minutes=1)) == []  # once
    later = schedule.check(NOW + dt.timedelta(minutes=11))
    assert [(r.follow_up_id, r.kind) for r in later] == [(soon, "overdue")]
    assert schedule.check(NOW + dt.timedelta(minutes=12)) == []
    interactions.set_follow_up_status(soon, "done")
    assert schedule.check(NOW + dt.timedelta(hours=1)) == []


def test_snooze_and_missed_at_start_up(book: Book) -> None:
    cid = add("Lola", "Peña")
    missed = _promise(cid, "Was due at 8", NOW - dt.timedelta(hours=1))
    old = _promise(cid, "Overdue for days", NOW - dt.timedelta(days=3))
    # Last run ended at 7:00: the 8:00 promise came due while crmdesk was closed.
    schedule = reminders.Schedule(last_check=NOW - dt.timedelta(hours=2))
    found = schedule.check(NOW)
    assert [(r.follow_up_id, r.kind) for r in found] == [(missed, "missed")]
    assert old not in {r.follow_up_id for r in found}  # My day lists it; no alarm
    assert "Missed while crmdesk was closed" in found[0].headline(NOW)
    until = schedule.snooze(found[0], NOW)
    assert until == NOW + dt.timedelta(minutes=reminders.SNOOZE_MINUTES)
    assert schedule.check(NOW + dt.timedelta(minutes=5)) == []
    again = schedule.check(NOW + dt.timedelta(minutes=10))
    assert [r.follow_up_id for r in again] == [missed]


def test_only_my_promises(book: Book) -> None:
    ana, ben = staff.add("Ana", "executive"), staff.add("Ben", "executive")
    mine = add("Lola", "Peña", owner="Ana")
    theirs = add("Bob", "Smith", owner="Ben")
    a = _promise(mine, "Ana's", NOW + dt.timedelta(minutes=5))
    _promise(theirs, "Ben's", NOW + dt.timedelta(minutes=5), ben)
    given = _promise(theirs, "Given to Ana", NOW + dt.timedelta(minutes=5), ana)
    found = reminders.Schedule(ana, last_check=NOW).check(NOW)
    assert {r.follow_up_id for r in found} == {a, given}
