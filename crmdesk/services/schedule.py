"""The agenda: follow-ups and promises placed on their due time over a range of days, and
rescheduling one (a drag in the agenda, `crmdesk reschedule`): validated, one transaction,
recorded in the audit trail, undoable by rescheduling back.

Who may move a follow-up: anyone who may see the customer beyond CONTACT level, or the
person it is assigned to (someone else's exclusive client's follow-up is not theirs to move).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from crmdesk.services import access, agenda, audit, myday
from crmdesk.services.agenda import DueFollowUp
from crmdesk.services.texts import translate
from crmdesk.store.db import db
from crmdesk.store.models import utcnow

RANGES = {"today": "Today", "tomorrow": "Tomorrow", "week": "This week",
          "next_week": "Next week", "month": "Month"}


@dataclass
class Span:
    """Local days [first, last] the agenda shows."""

    first: dt.date
    last: dt.date

    @property
    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=i) for i in range((self.last - self.first).days
                                                                 + 1)]


def span(kind: str, today: dt.date) -> Span:
    """The days of a range: today, tomorrow, this / next week (Monday to Sunday), or the
    month's calendar (whole weeks, Monday first, so it is a 6x7 or 5x7 grid)."""
    if kind == "today":
        return Span(today, today)
    if kind == "tomorrow":
        return Span(today + dt.timedelta(days=1), today + dt.timedelta(days=1))
    monday = today - dt.timedelta(days=today.weekday())
    if kind == "week":
        return Span(monday, monday + dt.timedelta(days=6))
    if kind == "next_week":
        return Span(monday + dt.timedelta(days=7), monday + dt.timedelta(days=13))
    if kind == "month":
        first = today.replace(day=1)
        start = first - dt.timedelta(days=first.weekday())
        following = (first + dt.timedelta(days=32)).replace(day=1)
        end = following - dt.timedelta(days=1)
        end += dt.timedelta(days=6 - end.weekday())
        return Span(start, end)
    raise ValueError(translate(
        "schedule", "Unknown range “{kind}” (one of: {value}).").format(
        kind=kind, value=', '.join(RANGES)))


def _local_start(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day).astimezone().astimezone(dt.UTC)


def follow_ups(days: Span, scope: str = "team", staff_id: int | None = None,
               now: dt.datetime | None = None, limit: int = 2000) -> dict[dt.date,
                                                                          list[DueFollowUp]]:
    """Open follow-ups due on each local day of `days` (by due time)."""
    now = now or utcnow()
    staff_id = myday.whose(staff_id)
    sql, params = myday.follow_up_scope(scope, staff_id)
    start = _local_start(days.first)
    end = _local_start(days.last + dt.timedelta(days=1)) - dt.timedelta(seconds=1)
    found = agenda.open_follow_ups(end, now, limit, sql, params, since=start)
    out: dict[dt.date, list[DueFollowUp]] = {day: [] for day in days.days}
    for f in sorted(found, key=lambda f: (f.due_at, f.id)):
        out.setdefault(f.due_at.astimezone().date(), []).append(f)
    return out


def overdue(scope: str = "team", staff_id: int | None = None,
            now: dt.datetime | None = None, limit: int = 500) -> list[DueFollowUp]:
    """Open follow-ups due before today (local)."""
    now = now or utcnow()
    staff_id = myday.whose(staff_id)
    sql, params = myday.follow_up_scope(scope, staff_id)
    today = _local_start(now.astimezone().date()) - dt.timedelta(seconds=1)
    return sorted(agenda.open_follow_ups(today, now, limit, sql, params),
                  key=lambda f: (f.due_at, f.id))


def moved_to(due: dt.datetime, day: dt.date) -> dt.datetime:
    """The same local time of day, on `day`."""
    local = due.astimezone()
    return dt.datetime(day.year, day.month, day.day, local.hour, local.minute,
                       local.second).astimezone().astimezone(dt.UTC)


def reschedule(fid: int, due: dt.datetime) -> dt.datetime:
    """Move follow-up `fid` to `due`; returns the due time it had (to undo)."""
    if due.tzinfo is None:
        due = due.astimezone()
    due = due.astimezone(dt.UTC).replace(microsecond=0)
    with db.atomic():
        row = db.execute_sql("SELECT customer_id, due_at, status, assignee_id, what FROM "
                             "follow_up WHERE id = ?", (fid,)).fetchone()
        if row is None:
            raise LookupError(translate(
                "schedule", "Follow-up {fid} does not exist.").format(fid=fid))
        cid, before, status, assignee, what = row
        me = access.current()
        if access.level(cid) == access.Level.CONTACT and assignee != me.staff_id:
            raise access.AccessDenied(translate(
                "schedule", "{value} may not reschedule a follow-up of someone else's "
                "exclusive client.").format(value=me.name or 'You'))
        if status != "open":
            raise ValueError(translate(
                "schedule", "“{what}” is {status}: only open follow-ups are rescheduled.").format(
                what=what, status=status))
        old = agenda._parse(before)
        if old == due:
            return old
        db.execute_sql("UPDATE follow_up SET due_at = ? WHERE id = ?", (agenda._ts(due), fid))
        audit.record("change", [cid], f"follow-up {fid} rescheduled from "
                     f"{agenda._ts(old)} to {agenda._ts(due)}")
    return old
