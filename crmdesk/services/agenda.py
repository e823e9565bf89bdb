"""What needs attention: follow-ups due, birthdays coming up, clients who have gone quiet."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from crmdesk.services import access, catalog, settings
from crmdesk.store.db import db
from crmdesk.store.models import utcnow


@dataclass
class DueFollowUp:
    id: int
    customer_id: int
    customer_name: str
    what: str
    due_at: dt.datetime
    is_promise: bool
    assignee: str
    overdue: bool


def _ts(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def end_of_local_day(now: dt.datetime, days: int = 0) -> dt.datetime:
    local = now.astimezone()
    return (local.replace(hour=23, minute=59, second=59, microsecond=0)
            + dt.timedelta(days=days)).astimezone(dt.UTC)


HIDDEN_TEXT = "(a follow-up not shown to you)"


def hidden_follow_up_text(rows: list[tuple[int, int | None]]) -> set[int]:
    """Of (customer id, assignee id) pairs, the positions whose follow-up text the current
    person may not read: a customer they see at CONTACT level, not assigned to them."""
    me = access.current()
    hidden = access.restricted_ids({cid for cid, _ in rows})
    return {pos for pos, (cid, assignee) in enumerate(rows)
            if cid in hidden and (assignee is None or assignee != me.staff_id)}


def open_follow_ups(until: dt.datetime, now: dt.datetime | None = None,
                    limit: int = 1000, scope_sql: str = "",
                    scope_params: tuple[object, ...] = (),
                    since: dt.datetime | None = None) -> list[DueFollowUp]:
    """Open follow-ups due up to `until` (overdue ones included, or only from `since`):
    promises first, then by due date. Only customers on the list (not in the Trash).
    `scope_sql` narrows them further (a condition on `f` and `c`)."""
    now = now or utcnow()
    extra = f" AND ({scope_sql})" if scope_sql else ""
    if since is not None:
        extra += " AND f.due_at >= ?"
        scope_params = (*scope_params, _ts(since))
    rows = db.execute_sql(
        f"""SELECT f.id, f.customer_id, c.given_name || ' ' || c.family_name, f.what,
                   f.due_at, f.is_promise, coalesce(s.name, ''), f.assignee_id
            FROM follow_up f JOIN customer c ON c.id = f.customer_id
            LEFT JOIN staff s ON s.id = f.assignee_id
            WHERE f.status = 'open' AND f.due_at <= ? AND c.archived_at IS NULL{extra}
            ORDER BY f.is_promise DESC, f.due_at, f.id LIMIT ?""",
        (_ts(until), *scope_params, limit))
    rows = list(rows)
    hidden = hidden_follow_up_text([(r[1], r[7]) for r in rows])
    return [DueFollowUp(r[0], r[1], r[2].strip(), HIDDEN_TEXT if pos in hidden else r[3],
                        _parse(r[4]), bool(r[5]), r[6], _parse(r[4]) < now)
            for pos, r in enumerate(rows)]


def due_today(now: dt.datetime | None = None, limit: int = 1000, scope_sql: str = "",
              scope_params: tuple[object, ...] = ()) -> list[DueFollowUp]:
    now = now or utcnow()
    return open_follow_ups(end_of_local_day(now), now, limit, scope_sql, scope_params)


def count_due_today(now: dt.datetime | None = None, scope_sql: str = "",
                    scope_params: tuple[object, ...] = ()) -> int:
    now = now or utcnow()
    extra = f" AND ({scope_sql})" if scope_sql else ""
    return int(db.execute_sql(
        f"""SELECT count(*) FROM follow_up f JOIN customer c ON c.id = f.customer_id
            WHERE f.status = 'open' AND f.due_at <= ? AND c.archived_at IS NULL{extra}""",
        (_ts(end_of_local_day(now)), *scope_params)).fetchone()[0])


@dataclass
class Birthday:
    customer_id: int
    name: str
    birthday: dt.date
    next_date: dt.date
    age: int


def birthdays(today: dt.date | None = None, days: int = 7,
              limit: int = 300, owner_sql: str = "",
              owner_params: tuple[object, ...] = ()) -> list[Birthday]:
    """Birthdays from today to `days` days ahead (29 February counts on 28 February), by
    date and then the most valued segments first; at most `limit`."""
    today = today or dt.date.today()
    wanted = {}
    for offset in range(days + 1):
        day = today + dt.timedelta(days=offset)
        wanted[day.strftime("%m-%d")] = day
        if day.month == 2 and day.day == 28 and not _leap(day.year):
            wanted["02-29"] = day
    marks = ",".join("?" * len(wanted))
    order = " ".join(f"WHEN '{md}' THEN {i}" for i, md in enumerate(sorted(
        wanted, key=lambda md: wanted[md])))
    segments = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(catalog.DEFAULT_SEGMENTS))
    rows = db.execute_sql(
        f"""SELECT id, given_name || ' ' || family_name, birthday
            FROM customer INDEXED BY customer_birthday
            WHERE archived_at IS NULL AND birthday IS NOT NULL
              AND NOT ({access.contact_only_sql("customer")})
              AND substr(birthday, 6, 5) IN ({marks}){f" AND ({owner_sql})" if owner_sql else ""}
            ORDER BY CASE substr(birthday, 6, 5) {order} END,
                     CASE segment {segments} ELSE 99 END, sort_name LIMIT ?""",
        [*wanted, *owner_params, limit])
    found = []
    for cid, name, text in rows:
        born = dt.date.fromisoformat(text)
        on = wanted[text[5:10]]
        found.append(Birthday(cid, name.strip(), born, on, on.year - born.year))
    return found


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def cadence() -> dict[str, int]:
    """Days without an interaction after which a client of each segment counts as quiet."""
    text = settings.get("contact_cadence", "")
    if not text:
        return dict(catalog.DEFAULT_CADENCE)
    return {str(k): int(v) for k, v in json.loads(text).items()}


def set_cadence(values: dict[str, int]) -> None:
    access.require("settings")
    clean = {" ".join(k.split()): int(v) for k, v in values.items() if k.strip() and int(v) > 0}
    settings.put("contact_cadence", json.dumps(clean, ensure_ascii=False))


@dataclass
class QuietCustomer:
    customer_id: int
    name: str
    segment: str
    last_contact: dt.datetime | None
    days_quiet: int
    cadence_days: int


def quiet_customers(now: dt.datetime | None = None, limit: int = 200, owner_sql: str = "",
                    owner_params: tuple[object, ...] = ()) -> tuple[
        list[QuietCustomer], int]:
    """The most overdue quiet clients (up to `limit`) and how many there are in all.
    A client never contacted counts from the day they were added."""
    now = now or utcnow()
    rules = cadence()
    if not rules:
        return [], 0
    found: list[QuietCustomer] = []
    total = 0
    for segment, days in rules.items():
        cutoff = _ts(now - dt.timedelta(days=days))
        where = ("segment = ? AND archived_at IS NULL "
                 "AND coalesce(last_contact_at, created_at) < ?")
        if owner_sql:
            where += f" AND ({owner_sql})"
        total += db.execute_sql(f"SELECT count(*) FROM customer WHERE {where}",
                                (segment, cutoff, *owner_params)).fetchone()[0]
        rows = db.execute_sql(
            f"""SELECT id, given_name || ' ' || family_name, last_contact_at, created_at
                FROM customer WHERE {where}
                ORDER BY coalesce(last_contact_at, created_at) LIMIT ?""",
            (segment, cutoff, *owner_params, limit)).fetchall()
        for cid, name, last, created in rows:
            since = _parse(last or created)
            found.append(QuietCustomer(cid, name.strip(), segment,
                                       _parse(last) if last else None,
                                       (now - since).days, days))
    found.sort(key=lambda q: q.days_quiet - q.cadence_days, reverse=True)
    return found[:limit], total
