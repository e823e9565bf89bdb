"""My day: what one person has to do today, for their own clients, the whole team's, or the
hand-over queue of follow-ups nobody has taken yet.

Whoever asks, the texts of follow-ups on customers they see at CONTACT level (someone
else's exclusive clients) are hidden unless the follow-up is assigned to them
(`agenda.hidden_follow_up_text`), and meetings logged by others with such customers are left
out, as in the timeline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from crmdesk.services import access, agenda
from crmdesk.services.agenda import Birthday, DueFollowUp, QuietCustomer
from crmdesk.services.texts import translate
from crmdesk.store.db import db
from crmdesk.store.models import utcnow

#: mine: assigned to me, or unassigned on a client of mine; team: everyone's;
#: unassigned: nobody has taken them (the receptionist's hand-over queue)
SCOPES: dict[str, str] = {"mine": "My day", "team": "The team's day",
                          "unassigned": "Not yet assigned"}
#: channels where one meets the client (an interaction logged on them today is a meeting)
MEETING_CHANNELS = ("in_person", "video")


@dataclass
class Meeting:
    interaction_id: int
    customer_id: int
    customer_name: str
    channel: str
    subject: str
    happened_at: dt.datetime
    staff: str


@dataclass
class Day:
    scope: str
    staff_id: int | None
    staff_name: str
    follow_ups: list[DueFollowUp] = field(default_factory=list)
    due_count: int = 0
    birthdays: list[Birthday] = field(default_factory=list)
    quiet: list[QuietCustomer] = field(default_factory=list)
    quiet_total: int = 0
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(1 for f in self.follow_ups if f.overdue)

    @property
    def empty(self) -> bool:
        return not (self.follow_ups or self.birthdays or self.quiet or self.meetings)


def whose(staff_id: int | None) -> int | None:
    """Whose day may be shown: the person signed in sees their own (a manager may look at
    anyone's); in a single-user book, the staff member chosen under "You:"."""
    me = access.current()
    if me.signed_in and me.role != "manager":
        if staff_id not in (None, me.staff_id):
            raise access.AccessDenied(translate(
                "myday", "{name} may look only at their own day (or the team's).").format(
                name=me.name))
        return me.staff_id
    if staff_id is None and me.signed_in:
        return me.staff_id
    return staff_id


def follow_up_scope(scope: str, staff_id: int | None) -> tuple[str, tuple[object, ...]]:
    """The SQL condition (on follow_up f, customer c) of a scope."""
    if scope not in SCOPES:
        raise ValueError(translate(
            "myday", "Unknown scope “{scope}” (one of: {value}).").format(
            scope=scope, value=', '.join(SCOPES)))
    if scope == "team" or (scope == "mine" and staff_id is None):
        return "", ()
    if scope == "unassigned":
        return "f.assignee_id IS NULL", ()
    return ("f.assignee_id = ? OR (f.assignee_id IS NULL AND c.owner_id = ?)",
            (staff_id, staff_id))


def owner_scope(scope: str, staff_id: int | None) -> tuple[str, tuple[object, ...]]:
    """The SQL condition (on customer, unaliased) for birthdays and quiet clients."""
    if scope == "team" or (scope == "mine" and staff_id is None):
        return "", ()
    if scope == "unassigned":
        return "owner_id IS NULL", ()
    return "owner_id = ?", (staff_id,)


def meetings_today(scope: str, staff_id: int | None, now: dt.datetime | None = None,
                   limit: int = 200) -> list[Meeting]:
    """In-person and video meetings logged today (local day): mine (logged by me), the
    team's, or those with customers nobody looks after."""
    now = now or utcnow()
    start = agenda.end_of_local_day(now, -1)
    end = agenda.end_of_local_day(now)
    me = access.current()
    where = ["i.happened_at > ?", "i.happened_at <= ?", "c.archived_at IS NULL",
             f"i.channel IN ({','.join('?' * len(MEETING_CHANNELS))})",
             f"(NOT {access.contact_only_sql('c')} OR i.staff_id IS ?)"]
    params: list[object] = [agenda._ts(start), agenda._ts(end), *MEETING_CHANNELS,
                            me.staff_id]
    if scope == "mine" and staff_id is not None:
        where.append("i.staff_id = ?")
        params.append(staff_id)
    elif scope == "unassigned":
        where.append("c.owner_id IS NULL")
    # CROSS JOIN: from today's interactions (the happened_at index) to their customers; left
    # to itself SQLite walked every customer on the list and looked up each one's day.
    rows = db.execute_sql(
        f"""SELECT i.id, i.customer_id, c.given_name || ' ' || c.family_name, i.channel,
                   i.subject, i.happened_at, coalesce(s.name, '')
            FROM interaction i CROSS JOIN customer c ON c.id = i.customer_id
            LEFT JOIN staff s ON s.id = i.staff_id
            WHERE {' AND '.join(where)} ORDER BY i.happened_at LIMIT ?""", [*params, limit])
    return [Meeting(r[0], r[1], r[2].strip(), r[3], r[4], agenda._parse(r[5]), r[6])
            for r in rows]


def staff_name(staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    row = db.execute_sql("SELECT name FROM staff WHERE id = ?", (staff_id,)).fetchone()
    return str(row[0]) if row else ""


def day(scope: str = "mine", staff_id: int | None = None, now: dt.datetime | None = None,
        limit: int = 200) -> Day:
    """Everything My day shows, for `scope` and the person `staff_id` (see `whose`)."""
    now = now or utcnow()
    staff_id = whose(staff_id)
    f_sql, f_params = follow_up_scope(scope, staff_id)
    o_sql, o_params = owner_scope(scope, staff_id)
    follow = agenda.due_today(now, limit, f_sql, f_params)
    count = agenda.count_due_today(now, f_sql, f_params) if len(follow) == limit \
        else len(follow)
    quiet, quiet_total = agenda.quiet_customers(now, limit, o_sql, o_params)
    return Day(scope, staff_id, staff_name(staff_id), follow, count,
               agenda.birthdays(now.astimezone().date(), limit=limit, owner_sql=o_sql,
                                owner_params=o_params),
               quiet, quiet_total, meetings_today(scope, staff_id, now, limit))


def count_mine(staff_id: int | None, now: dt.datetime | None = None) -> int:
    """Follow-ups due today (overdue included) in the person's own day."""
    staff_id = whose(staff_id)
    f_sql, f_params = follow_up_scope("mine", staff_id)
    return agenda.count_due_today(now, f_sql, f_params)


def any_customers() -> bool:
    return db.execute_sql("SELECT 1 FROM customer WHERE archived_at IS NULL LIMIT 1"
                          ).fetchone() is not None
