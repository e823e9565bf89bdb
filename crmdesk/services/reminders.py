"""Reminders of promises: due in the next minutes, or just became overdue, and those missed
while the app was closed. No network and no background service: the window asks the
`Schedule` every half minute (and at start-up) with the time of its clock.

Whose promises: the person's own day (`myday.follow_up_scope("mine", ...)`): assigned to
them, or unassigned on a client of theirs; in a single-user book with nobody chosen, all.
Texts the person may not read stay hidden, as in My day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from crmdesk.services import agenda, myday
from crmdesk.store.db import db

DEFAULT_LEAD_MINUTES = 15
SNOOZE_MINUTES = 10
#: on the first start ever (nothing recorded), promises overdue for up to this long count
#: as missed
FIRST_START_LOOKBACK = dt.timedelta(days=1)


@dataclass(frozen=True)
class Reminder:
    follow_up_id: int
    customer_id: int
    customer_name: str
    what: str
    due_at: dt.datetime
    kind: str  # "soon" (due within the lead time), "overdue" (just became), "missed"

    def headline(self, now: dt.datetime) -> str:
        when = self.due_at.astimezone()
        if self.kind == "soon":
            minutes = max(0, round((self.due_at - now).total_seconds() / 60))
            return (f"Promise due in {minutes} min ({when:%H:%M}): {self.what} — "
                    f"{self.customer_name}")
        if self.kind == "missed":
            return (f"Missed while crmdesk was closed, due {when:%a %d %b %H:%M}: "
                    f"{self.what} — {self.customer_name}")
        return f"Promise overdue since {when:%H:%M}: {self.what} — {self.customer_name}"


def open_promises(staff_id: int | None, until: dt.datetime,
                  since: dt.datetime | None = None) -> list[agenda.DueFollowUp]:
    scope_sql, params = myday.follow_up_scope("mine", staff_id)
    sql = "f.is_promise" + (f" AND ({scope_sql})" if scope_sql else "")
    return agenda.open_follow_ups(until, None, 500, sql, params, since=since)


def still_open(fid: int) -> bool:
    row = db.execute_sql("SELECT status FROM follow_up WHERE id = ?", (fid,)).fetchone()
    return row is not None and row[0] == "open"


@dataclass
class Schedule:
    """What has been shown and snoozed during this run of the app."""

    staff_id: int | None = None
    lead_minutes: int = DEFAULT_LEAD_MINUTES
    last_check: dt.datetime | None = None  # the previous check (or the last run's)
    shown: set[tuple[int, str]] = field(default_factory=set)
    snoozed: dict[int, dt.datetime] = field(default_factory=dict)
    started: bool = False

    def check(self, now: dt.datetime) -> list[Reminder]:
        """The reminders to show now: promises due within the lead time, those that became
        overdue since the last check (on the first check of a run: since the last run,
        "missed"), and snoozed ones whose snooze is over. Each is shown once per kind."""
        lead = dt.timedelta(minutes=max(0, self.lead_minutes))
        since = self.last_check if self.last_check is not None else now - FIRST_START_LOOKBACK
        first = not self.started
        found: list[Reminder] = []
        for f in open_promises(self.staff_id, now + lead):
            kind = "soon" if f.due_at > now else "missed" if first else "overdue"
            until = self.snoozed.get(f.id)
            if until is not None:
                if until > now:
                    continue
                del self.snoozed[f.id]  # the snooze is over: remind again
            elif f.due_at <= since or (f.id, kind) in self.shown:
                continue  # overdue before the last check (My day lists it), or shown
            self.shown.add((f.id, kind))
            found.append(Reminder(f.id, f.customer_id, f.customer_name, f.what, f.due_at,
                                  kind))
        self.started = True
        self.last_check = now
        return found

    def snooze(self, reminder: Reminder, now: dt.datetime,
               minutes: int = SNOOZE_MINUTES) -> dt.datetime:
        until = now + dt.timedelta(minutes=minutes)
        self.snoozed[reminder.follow_up_id] = until
        return until
