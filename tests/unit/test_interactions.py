"""Interactions, follow-ups and promises, the agenda, response times, timeline, capture."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from crmdesk.services import agenda, capture, interactions, response_times, staff, timeline
from crmdesk.services.customers import ValidationFailed
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.store.db import db
from crmdesk.store.models import utcnow
from tests.conftest import add

NOW = utcnow()


def _log(cid: int, direction: str, when: dt.datetime, who: int | None = None,
         channel: str = "phone", note: str = "Talked") -> int:
    iid, _ = interactions.log(InteractionData(cid, channel, direction, note, when, who))
    return iid


def test_log_and_edit_keeps_the_edit_time(book: object) -> None:
    cid = add("Ana", "Ruiz")
    ana = staff.add("Eve Okafor", "receptionist")
    iid, fid = interactions.log(
        InteractionData(cid, "email", "in", "  Asked about fees ", NOW, ana, 5, "Fees"),
        FollowUpData(cid, "Send the fee table", NOW + dt.timedelta(days=1), is_promise=True))
    assert fid is not None
    stored = interactions.load(iid)
    assert (stored.notes, stored.subject, stored.staff_id) == ("Asked about fees", "Fees", ana)
    assert stored.edited_at is None
    follow = interactions.load_follow_up(fid)
    assert follow.is_promise and follow.interaction_id == iid and follow.status == "open"
    stored.notes = "Asked about fees and the new card"
    interactions.edit(iid, stored)
    again = interactions.load(iid)
    assert again.notes.endswith("new card") and again.edited_at is not None
    hits = db.execute_sql("SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH "
                          "'card'").fetchall()
    assert hits == [(iid,)]


@pytest.mark.parametrize(("change", "message"), [
    ({"notes": "   "}, "Write a note"),
    ({"channel": "pigeon"}, "Unknown channel"),
    ({"direction": "sideways"}, "direction"),
    ({"satisfaction": 6}, "1 to 5"),
    ({"customer_id": 999}, "does not exist"),
])
def test_bad_interactions_are_refused_and_nothing_is_saved(book: object, change: dict,
                                                           message: str) -> None:
    cid = add("Ana", "Ruiz")
    data = InteractionData(cid, "phone", "in", "Hello", NOW)
    for key, value in change.items():
        setattr(data, key, value)
    with pytest.raises(ValidationFailed, match=message):
        interactions.log(data, FollowUpData(cid, "Call back", NOW))
    assert db.execute_sql("SELECT count(*) FROM interaction").fetchone()[0] == 0
    assert db.execute_sql("SELECT count(*) FROM follow_up").fetchone()[0] == 0


def test_follow_up_due_in_the_past_is_allowed_but_flagged(book: object) -> None:
    cid = add("Ana", "Ruiz")
    data = FollowUpData(cid, "Call back", NOW - dt.timedelta(days=2))
    problems, warnings = interactions.validate_follow_up(data)
    assert problems == [] and "overdue" in warnings[0]
    fid = interactions.add_follow_up(data)
    assert agenda.due_today(NOW)[0].id == fid and agenda.due_today(NOW)[0].overdue
    with pytest.raises(ValidationFailed, match="Say what"):
        interactions.add_follow_up(FollowUpData(cid, " ", NOW))


def test_agenda_puts_promises_first_and_done_ones_leave(book: object) -> None:
    cid = add("Ana", "Ruiz")
    gone = add("Ben", "Archived")
    plain = interactions.add_follow_up(FollowUpData(cid, "Plain", NOW - dt.timedelta(hours=3)))
    promise = interactions.add_follow_up(FollowUpData(cid, "Promise", NOW + dt.timedelta(
        minutes=1), is_promise=True))
    later = interactions.add_follow_up(FollowUpData(cid, "Next week", NOW + dt.timedelta(
        days=6)))
    interactions.add_follow_up(FollowUpData(gone, "Hidden", NOW))
    from crmdesk.services import customers
    customers.set_archived([gone], True)
    today = [f.id for f in agenda.open_follow_ups(NOW + dt.timedelta(hours=1), NOW)]
    assert today == [promise, plain]
    week = [f.id for f in agenda.open_follow_ups(NOW + dt.timedelta(days=7), NOW)]
    assert week == [promise, plain, later]
    assert interactions.set_follow_up_status(promise, "done") == "open"
    assert interactions.load_follow_up(promise).completed_at is not None
    assert [f.id for f in agenda.open_follow_ups(NOW + dt.timedelta(hours=1), NOW)] == [plain]
    interactions.set_follow_up_status(promise, "open")
    assert interactions.load_follow_up(promise).completed_at is None


def test_birthdays_this_week(book: object) -> None:
    today = dt.date(2026, 2, 25)  # 2026 is not a leap year
    a = add("Ana", "Today", birthday=dt.date(1980, 2, 25))
    b = add("Ben", "Leap", birthday=dt.date(1984, 2, 29))
    c = add("Cai", "Soon", birthday=dt.date(1990, 3, 4))
    add("Dan", "Later", birthday=dt.date(1990, 3, 5))
    found = agenda.birthdays(today, days=7)
    assert [(x.customer_id, x.next_date.isoformat(), x.age) for x in found] == [
        (a, "2026-02-25", 46), (b, "2026-02-28", 42), (c, "2026-03-04", 36)]


def test_quiet_customers_follow_the_segment_cadence(book: object) -> None:
    vip_quiet = add("Vera", "Quiet", segment="VIP")
    vip_fresh = add("Val", "Fresh", segment="VIP")
    add("Stan", "Dard", segment="Standard")
    _log(vip_quiet, "out", NOW - dt.timedelta(days=45))
    _log(vip_fresh, "out", NOW - dt.timedelta(days=3))
    found, total = agenda.quiet_customers(NOW)
    assert total == 1 and [q.customer_id for q in found] == [vip_quiet]
    assert found[0].days_quiet == 45 and found[0].cadence_days == 30
    # Editing the date of the last contact moves the customer back among the quiet ones.
    last = interactions.load(_log(vip_fresh, "in", NOW - dt.timedelta(days=2)))
    assert last.id is not None
    for iid, in db.execute_sql("SELECT id FROM interaction WHERE customer_id = ?",
                               (vip_fresh,)).fetchall():
        moved = interactions.load(iid)
        moved.happened_at = NOW - dt.timedelta(days=90)
        interactions.edit(iid, moved)
    assert {q.customer_id for q in agenda.quiet_customers(NOW)[0]} == {vip_quiet, vip_fresh}
    agenda.set_cadence({"VIP": 60, "Standard": 1})
    assert agenda.cadence() == {"VIP": 60, "Standard": 1}
    later = NOW + dt.timedelta(days=3)
    assert [q.name for q in agenda.quiet_customers(later)[0]] == ["Val Fresh", "Stan Dard"]


def test_response_times_on_a_known_scenario(book: object) -> None:
    cid = add("Ana", "Ruiz")
    other = add("Ben", "Carter")
    eve = staff.add("Eve", "receptionist")
    max_ = staff.add("Max", "executive")
    t0 = NOW - dt.timedelta(days=10)
    _log(cid, "in", t0)
    _log(cid, "out", t0 + dt.timedelta(hours=2), eve)  # 2 h
    _log(cid, "in", t0 + dt.timedelta(days=1))
    _log(cid, "in", t0 + dt.timedelta(days=1, hours=1))
    _log(cid, "out", t0 + dt.timedelta(days=1, hours=4), max_)  # 4 h and 3 h
    _log(other, "in", t0)
    _log(other, "out", t0 + dt.timedelta(minutes=30), eve)  # 30 min
    _log(other, "in", t0 + dt.timedelta(days=2))  # not answered yet
    mine = response_times.per_customer(cid)
    assert (mine.answered, mine.waiting) == (3, 0)
    assert mine.mean_seconds == pytest.approx(3 * 3600)
    assert mine.median_seconds == pytest.approx(3 * 3600)
    theirs = response_times.per_customer(other)
    assert (theirs.answered, theirs.waiting, theirs.median_seconds) == (1, 1, 1800)
    by_staff = response_times.per_staff()
    assert by_staff["Eve"].median_seconds == pytest.approx((2 * 3600 + 1800) / 2)
    assert by_staff["Max"].mean_seconds == pytest.approx(3.5 * 3600)
    assert response_times.describe(3 * 3600 + 20 * 60) == "3 h 20 min"
    assert response_times.describe(1800) == "30 min"
    assert response_times.describe(None) == "—"


def test_timeline_newest_first_and_filters(book: object) -> None:
    cid = add("Ana", "Ruiz")
    old = _log(cid, "in", NOW - dt.timedelta(days=3), channel="email")
    new = _log(cid, "out", NOW - dt.timedelta(hours=1), channel="phone")
    fid = interactions.add_follow_up(FollowUpData(cid, "Send brochure", NOW, True))
    keys = timeline.entry_keys(cid)
    assert keys == [("follow_up", fid), ("interaction", new), ("interaction", old)]
    assert timeline.entry_keys(cid, kind="interaction") == [("interaction", new),
                                                             ("interaction", old)]
    assert timeline.entry_keys(cid, channel="email") == [("interaction", old)]
    details = timeline.entries(keys)
    assert details[("follow_up", fid)].title == "Promise: Send brochure"
    assert details[("interaction", new)].title.startswith("→ Phone")
    assert details[("interaction", old)].title.startswith("← E-mail")


def test_capture_finds_by_partial_phone_and_typo(book: object) -> None:
    lola = add("Dolores", "Peña", preferred_name="Lola", phones=("+1 905-555-1234",))
    luk = add("Łukasz", "Wiśniewski", emails=("lukasz@example.pl",))
    assert capture.find_matches("5551")[0].customer_id == lola
    assert "+1 905-555-1234" in capture.find_matches("5551")[0].label
    assert capture.find_matches("lukas wisniewsky")[0].customer_id == luk  # typo, no accents
    assert capture.find_matches("dolores pena")[0].customer_id == lola
    assert capture.find_matches("x") == []


def test_capture_creates_a_prospect_in_one_transaction(book: object) -> None:
    cid, iid, fid = capture.capture(
        None, "Marta Gómez", InteractionData(0, "in_person", "in", "Walked in about a loan"),
        None, "US")
    from crmdesk.services import customers
    marta = customers.load(cid)
    assert (marta.given_name, marta.family_name, marta.stage) == ("Marta", "Gómez", "knowledge")
    assert interactions.load(iid).customer_id == cid and fid is None
    with pytest.raises(ValidationFailed):
        capture.capture(None, "Nobody Saved", InteractionData(0, "phone", "in", ""), None, "US")
    assert db.execute_sql("SELECT count(*) FROM customer WHERE given_name = 'Nobody'"
                          ).fetchone()[0] == 0
    phone = capture.prospect_from_text("+34 612 34 56 78")
    assert phone.phones[0].value == "+34 612 34 56 78"


def test_follow_ups_as_icalendar(book: object) -> None:
    from crmdesk.services.calendar_export import follow_ups_ics

    cid = add("Dolores", "Peña")
    interactions.add_follow_up(FollowUpData(cid, "Call about the <b>loan</b>", NOW, True))
    data = follow_ups_ics(agenda.due_today(NOW), "book")
    cal = icalendar.Calendar.from_ical(data)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert len(events) == 1
    assert str(events[0]["summary"]) == "Promise: Call about the <b>loan</b> — Dolores Peña"
    assert events[0].decoded("dtstart") == agenda.due_today(NOW)[0].due_at
