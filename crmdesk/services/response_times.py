"""Response times: for each inbound interaction on a channel that expects an answer
(catalog.ANSWER_EXPECTED: not a meeting), the time until the first outbound interaction with
the same customer."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from crmdesk.services.catalog import ANSWER_EXPECTED
from crmdesk.store.db import db

_EXPECTS = ",".join(f"'{c}'" for c in ANSWER_EXPECTED)


@dataclass
class Response:
    inbound_id: int
    customer_id: int
    responder: str  # the staff member who answered ('' when unknown)
    seconds: float | None  # None: not answered yet


@dataclass
class Summary:
    answered: int
    waiting: int
    mean_seconds: float | None
    median_seconds: float | None


def responses(customer_id: int | None = None) -> list[Response]:
    where = "AND i.customer_id = ?" if customer_id is not None else ""
    rows = db.execute_sql(
        f"""SELECT i.id, i.customer_id, i.happened_at,
                   (SELECT o.happened_at || '|' || coalesce(s.name, '')
                    FROM interaction o LEFT JOIN staff s ON s.id = o.staff_id
                    WHERE o.customer_id = i.customer_id AND o.direction = 'out'
                      AND o.happened_at >= i.happened_at
                    ORDER BY o.happened_at, o.id LIMIT 1)
            FROM interaction i WHERE i.direction = 'in' AND i.channel IN ({_EXPECTS}) {where}
            ORDER BY i.happened_at""", (customer_id,) if customer_id is not None else ())
    found = []
    for iid, cid, inbound, answer in rows:
        if answer is None:
            found.append(Response(iid, cid, "", None))
            continue
        when, responder = answer.split("|", 1)
        delta = _parse(when) - _parse(inbound)
        found.append(Response(iid, cid, responder, delta.total_seconds()))
    return found


def _parse(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def summarise(items: list[Response]) -> Summary:
    times = [r.seconds for r in items if r.seconds is not None]
    return Summary(len(times), len(items) - len(times),
                   statistics.fmean(times) if times else None,
                   statistics.median(times) if times else None)


def per_customer(customer_id: int) -> Summary:
    return summarise(responses(customer_id))


def per_staff() -> dict[str, Summary]:
    """Summaries by the staff member who answered (unanswered ones are left out)."""
    groups: dict[str, list[Response]] = {}
    for item in responses():
        if item.seconds is not None:
            groups.setdefault(item.responder or "(unknown)", []).append(item)
    return {name: summarise(items) for name, items in sorted(groups.items())}


def describe(seconds: float | None) -> str:
    """'45 min', '3 h 20 min', '2 d 4 h' for people, not seconds."""
    if seconds is None:
        return "—"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"
