"""Follow-ups as an iCalendar file (.ics) for the user's calendar app."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar

from crmdesk import __version__
from crmdesk.services import access
from crmdesk.services.agenda import DueFollowUp


def follow_ups_ics(items: list[DueFollowUp], book_name: str = "crmdesk") -> bytes:
    """One calendar event per follow-up (30 minutes at its due time); promises are marked."""
    access.require("export")
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//crmdesk//crmdesk {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"crmdesk follow-ups ({book_name})")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for item in items:
        event = icalendar.Event()
        event.add("uid", f"follow-up-{item.id}@{book_name}.crmdesk")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due_at)
        event.add("dtend", item.due_at + dt.timedelta(minutes=30))
        prefix = "Promise" if item.is_promise else "Follow-up"
        event.add("summary", f"{prefix}: {item.what} — {item.customer_name}")
        lines = [f"Customer: {item.customer_name} (#{item.customer_id})"]
        if item.assignee:
            lines.append(f"Assigned to: {item.assignee}")
        if item.is_promise:
            lines.append("This is a promise made to the client.")
            event.add("priority", 1)
        event.add("description", "\n".join(lines))
        event.add("categories", ["crmdesk", "promise" if item.is_promise else "follow-up"])
        cal.add_component(event)
    return bytes(cal.to_ical())


def write_ics(items: list[DueFollowUp], out: Path, book_name: str = "crmdesk") -> Path:
    """The calendar file, written whole or not at all, 0600 (it names clients)."""
    from crmdesk.services.exporting import atomic_file

    data = follow_ups_ics(items, book_name)
    with atomic_file(out) as part:
        part.write_bytes(data)
    return out
