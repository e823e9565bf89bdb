"""Command line for My day and the agenda: `crmdesk myday`, `crmdesk reschedule`.

Kept apart from cli.py (which registers these with one call); the rules are in the services
(`services/myday.py`, `services/schedule.py`), as for the window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from typing import Any

from crmdesk.store.db import BookError


def _person(name: str | None) -> int | None:
    from crmdesk.services import access, staff

    if not name:
        return access.current().staff_id
    try:
        return staff.require(name)
    except ValueError as exc:
        raise BookError(str(exc)) from exc


def cmd_myday(args: argparse.Namespace) -> int:
    from crmdesk import cli
    from crmdesk.services import myday

    cli._open(args, create=False)
    day = myday.day(args.scope, _person(args.staff), limit=args.limit)
    if args.json:
        out: dict[str, Any] = {
            "scope": day.scope, "staff": day.staff_name or None, "due_count": day.due_count,
            "follow_ups": [{
                "id": f.id, "customer_id": f.customer_id, "customer_name": f.customer_name,
                "what": f.what, "due": f.due_at.isoformat(), "promise": f.is_promise,
                "assignee": f.assignee, "overdue": f.overdue} for f in day.follow_ups],
            "meetings": [{
                "interaction_id": m.interaction_id, "customer_id": m.customer_id,
                "customer_name": m.customer_name, "channel": m.channel,
                "subject": m.subject, "at": m.happened_at.isoformat(), "staff": m.staff}
                for m in day.meetings],
            "birthdays": [{
                "customer_id": b.customer_id, "name": b.name, "on": b.next_date.isoformat(),
                "turns": b.age} for b in day.birthdays],
            "quiet": [{
                "customer_id": q.customer_id, "name": q.name, "segment": q.segment,
                "last_contact": q.last_contact.isoformat() if q.last_contact else None,
                "days_quiet": q.days_quiet} for q in day.quiet],
            "quiet_total": day.quiet_total,
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    title = myday.SCOPES[day.scope] + (f" — {day.staff_name}" if day.scope == "mine"
                                       and day.staff_name else "")
    print(title)
    for f in day.follow_ups:
        mark = "★" if f.is_promise else " "
        late = "OVERDUE " if f.overdue else ""
        who = f" [{f.assignee}]" if f.assignee else ""
        print(f"{mark} {f.due_at.astimezone():%Y-%m-%d %H:%M}  {late}{f.what} — "
              f"{f.customer_name} (#{f.customer_id}){who}")
    for m in day.meetings:
        print(f"  met {m.happened_at.astimezone():%H:%M}  {m.customer_name} "
              f"(#{m.customer_id}) {m.subject}")
    for b in day.birthdays:
        print(f"  birthday {b.next_date:%a %d %b}: {b.name} (#{b.customer_id}) turns {b.age}")
    for q in day.quiet:
        print(f"  quiet {q.days_quiet} days: {q.name} (#{q.customer_id}, {q.segment})")
    print(f"{day.due_count} follow-ups due, {len(day.meetings)} meetings, "
          f"{len(day.birthdays)} birthdays, {day.quiet_total} quiet clients.", file=sys.stderr)
    return 0


def _parse_due(text: str) -> dt.datetime:
    """The same due time as `crmdesk log --due` (YYYY-MM-DD at 17:00, or YYYY-MM-DDTHH:MM)."""
    from crmdesk import cli

    return cli._parse_due(text)


def cmd_reschedule(args: argparse.Namespace) -> int:
    from crmdesk import cli
    from crmdesk.services import schedule

    cli._open(args, create=False)
    due = _parse_due(args.due)
    try:
        before = schedule.reschedule(args.follow_up, due)
    except LookupError as exc:
        raise BookError(str(exc).strip("'\"")) from exc
    except ValueError as exc:
        raise BookError(str(exc)) from exc
    after = due.astimezone()
    if args.json:
        print(json.dumps({"id": args.follow_up, "due": after.isoformat(),
                          "was": before.astimezone().isoformat()}, ensure_ascii=False))
    else:
        print(f"Follow-up {args.follow_up} now due {after:%Y-%m-%d %H:%M} (was "
              f"{before.astimezone():%Y-%m-%d %H:%M}).")
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add this module's commands to crmdesk's subparsers."""
    p = sub.add_parser("myday", parents=[common],
                       help="my follow-ups and promises due, meetings, birthdays, quiet "
                            "clients (or the team's, or the unassigned ones)")
    p.add_argument("--staff", metavar="NAME", default=os.environ.get("CRMDESK_USER"),
                   help="whose day (default: who signed in, or $CRMDESK_USER)")
    p.add_argument("--scope", choices=["mine", "team", "unassigned"], default="mine")
    p.add_argument("--limit", type=_positive, default=200, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_myday)

    p = sub.add_parser("reschedule", parents=[common],
                       help="move a follow-up or promise to another due time (audited)")
    p.add_argument("--follow-up", type=_positive, required=True, metavar="ID")
    p.add_argument("--due", required=True, metavar="DATE",
                   help="YYYY-MM-DD (17:00) or YYYY-MM-DDTHH:MM, local time")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reschedule)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number.") from None
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError("give a number from 1 to 100,000.")
    return value
