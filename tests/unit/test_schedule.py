"""The agenda's ranges and rescheduling (services/schedule.py, `crmdesk reschedule`)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.cli import main
from crmdesk.services import access, interactions, schedule, staff
from crmdesk.services.interactions import FollowUpData
from crmdesk.store.book import Book
from crmdesk.store.db import close_database, db
from crmdesk.store.models import utcnow
from tests.conftest import add


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_ranges_are_whole_weeks_around_the_day(today: dt.date) -> None:
    week = schedule.span("week", today)
    assert week.first.weekday() == 0 and len(week.days) == 7 and today in week.days
    nxt = schedule.span("next_week", today)
    assert nxt.first == week.last + dt.timedelta(days=1) and len(nxt.days) == 7
    month = schedule.span("month", today)
    assert len(month.days) % 7 == 0 and month.first.weekday() == 0
    assert today.replace(day=1) in month.days and len(month.days) in (28, 35, 42)
    assert schedule.span("tomorrow", today).days == [today + dt.timedelta(days=1)]


def test_reschedule_keeps_the_time_of_day_and_is_audited(book: Book) -> None:
    cid = add("Lola", "Peña")
    due = utcnow().replace(hour=10, minute=30) + dt.timedelta(days=1)
    fid = interactions.add_follow_up(FollowUpData(cid, "Call", due, True))
    week = schedule.span("week", dt.date.today())
    target = week.last + dt.timedelta(days=3)
    new = schedule.moved_to(interactions.load_follow_up(fid).due_at, target)
    assert new.astimezone().date() == target
    assert new.astimezone().time() == interactions.load_follow_up(fid).due_at.astimezone().time()
    old = schedule.reschedule(fid, new)
    assert old == due.replace(microsecond=0)
    assert interactions.load_follow_up(fid).due_at == new
    detail = db.execute_sql("SELECT detail FROM audit_entry ORDER BY id DESC LIMIT 1"
                            ).fetchone()[0]
    assert detail.startswith(f"follow-up {fid} rescheduled from ")
    by_day = schedule.follow_ups(schedule.span("next_week", dt.date.today()))
    assert [f.id for f in by_day[target]] == [fid]
    interactions.set_follow_up_status(fid, "done")
    with pytest.raises(ValueError, match="only open"):
        schedule.reschedule(fid, old)


def test_someone_elses_exclusive_client_cannot_be_rescheduled(book: Book) -> None:
    eva, rita = staff.add("Eva", "executive"), staff.add("Rita", "receptionist")
    marta = staff.add("Marta", "manager")
    for sid in (marta, eva, rita):
        access.set_password(sid, "long-enough-1")
    cid = add("Lola", "Peña", owner="Eva", relationship_type="exclusive")
    fid = interactions.add_follow_up(FollowUpData(cid, "Secret", utcnow(), True, eva))
    mine = interactions.add_follow_up(FollowUpData(cid, "Rita's", utcnow(), False, rita))
    access.sign_in("Rita", "long-enough-1")
    with pytest.raises(access.AccessDenied):
        schedule.reschedule(fid, utcnow() + dt.timedelta(days=1))
    schedule.reschedule(mine, utcnow() + dt.timedelta(days=1))  # given to her: hers to move


def test_reschedule_command(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    cid = add("Lola", "Peña")
    fid = interactions.add_follow_up(FollowUpData(cid, "Call", utcnow(), True))
    close_database()
    path = str(book.path)
    assert main(["reschedule", "--db", path, "--follow-up", str(fid), "--due",
                 "2030-01-02T09:15", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert dt.datetime.fromisoformat(out["due"]).strftime("%Y-%m-%d %H:%M") == \
        "2030-01-02 09:15"
    assert main(["reschedule", "--db", path, "--follow-up", "999", "--due",
                 "2030-01-02"]) == 1
    assert capsys.readouterr().err == "crmdesk: Follow-up 999 does not exist.\n"
    assert main(["reschedule", "--db", path, "--follow-up", str(fid), "--due",
                 "next tuesday"]) == 1
    assert "is not a date" in capsys.readouterr().err
