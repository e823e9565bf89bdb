"""A customer's timeline: everything that happened with them, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from crmdesk.services import access, catalog, texts
from crmdesk.services.texts import QT_TRANSLATE_NOOP, translate
from crmdesk.store.db import db

#: the kinds of entry and their labels (English; `texts.translate("timeline", label)` shows one)
KINDS: list[tuple[str, str]] = [("interaction", QT_TRANSLATE_NOOP("timeline", "Interactions")),
                                ("follow_up", QT_TRANSLATE_NOOP("timeline", "Follow-ups")),
                                ("stage", QT_TRANSLATE_NOOP("timeline", "Stage changes"))]

# Key: (kind, id); the list of keys is all a view keeps, details come in blocks.
EntryKey = tuple[str, int]


@dataclass
class Entry:
    kind: str
    id: int
    when: dt.datetime
    title: str
    detail: str
    channel: str
    staff: str
    promise: bool = False
    status: str = ""


def entry_keys(customer_id: int, kind: str = "", channel: str = "") -> list[EntryKey]:
    """Keys of the customer's entries, newest first, optionally of one kind or channel.
    Someone who sees the customer at CONTACT level sees only the interactions they logged."""
    parts: list[str] = []
    params: list[Any] = []
    if access.level(customer_id) == access.Level.CONTACT:
        rows = db.execute_sql(
            "SELECT 'interaction', id FROM interaction WHERE customer_id = ? AND staff_id IS ? "
            "ORDER BY happened_at DESC, id DESC", (customer_id, access.current().staff_id))
        return [(r[0], r[1]) for r in rows] if kind in ("", "interaction") else []
    if kind in ("", "interaction"):
        sql = ("SELECT 'interaction', id, happened_at FROM interaction WHERE customer_id = ?")
        params.append(customer_id)
        if channel:
            sql += " AND channel = ?"
            params.append(channel)
        parts.append(sql)
    if kind in ("", "follow_up") and not channel:
        # A follow-up (a promise) stands at its due date, not when it was written down.
        parts.append("SELECT 'follow_up', id, due_at FROM follow_up WHERE customer_id = ?")
        params.append(customer_id)
    if kind in ("", "stage") and not channel:
        parts.append("SELECT 'stage', id, changed_at FROM stage_change WHERE customer_id = ?")
        params.append(customer_id)
    if not parts:
        return []
    rows = db.execute_sql(" UNION ALL ".join(parts) + " ORDER BY 3 DESC, 2 DESC", params)
    return [(r[0], r[1]) for r in rows]


def _parse(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def entries(keys: list[EntryKey]) -> dict[EntryKey, Entry]:
    """Details for a block of keys (two queries whatever the block size)."""
    found: dict[EntryKey, Entry] = {}
    now = dt.datetime.now(dt.UTC)
    inter = [i for k, i in keys if k == "interaction"]
    if inter:
        marks = ",".join("?" * len(inter))
        for row in db.execute_sql(
                f"""SELECT i.id, i.happened_at, i.channel, i.direction, i.subject, i.notes,
                           i.outcome, coalesce(s.name, ''), i.satisfaction, i.edited_at
                    FROM interaction i LEFT JOIN staff s ON s.id = i.staff_id
                    WHERE i.id IN ({marks})""", inter):
            iid, when, channel, direction, subject, notes, outcome, staff, sat, edited = row
            arrow = "←" if direction == "in" else "→"
            label = texts.vocabulary(catalog.INTERACTION_CHANNEL_LABELS.get(channel, channel))
            title = f"{arrow} {label}"
            if subject:
                title += f": {subject}"
            extra = []
            if outcome:
                extra.append(translate("timeline", "Outcome: {outcome}").format(outcome=outcome))
            if sat:
                extra.append(translate("timeline", "Satisfaction {score}/5").format(score=sat))
            if edited:
                extra.append(translate("timeline", "edited {when}").format(
                    when=f"{_parse(edited).astimezone():%Y-%m-%d %H:%M}"))
            detail = notes + (f"  ({'; '.join(extra)})" if extra else "")
            found[("interaction", iid)] = Entry("interaction", iid, _parse(when), title,
                                                detail, channel, staff)
    follow = [i for k, i in keys if k == "follow_up"]
    if follow:
        marks = ",".join("?" * len(follow))
        for row in db.execute_sql(
                f"""SELECT f.id, f.created_at, f.what, f.due_at, f.is_promise, f.status,
                           coalesce(s.name, ''), f.completed_at
                    FROM follow_up f LEFT JOIN staff s ON s.id = f.assignee_id
                    WHERE f.id IN ({marks})""", follow):
            fid, created, what, due, promise, status, staff, completed = row
            title = (translate("timeline", "Promise: {what}") if promise
                     else translate("timeline", "Follow-up: {what}")).format(what=what)
            state = texts.vocabulary(dict(catalog.FOLLOW_UP_STATUSES).get(status, status))
            if status == "open" and _parse(due) < now:
                state = translate("timeline", "Open, overdue")
            elif completed:
                state += f" {_parse(completed).astimezone():%Y-%m-%d %H:%M}"
            detail = translate("timeline", "Due {due} · {state} · written {written}").format(
                due=f"{_parse(due).astimezone():%Y-%m-%d %H:%M}", state=state,
                written=f"{_parse(created).astimezone():%Y-%m-%d}")
            found[("follow_up", fid)] = Entry("follow_up", fid, _parse(due), title, detail,
                                              "", staff, bool(promise), status)
    changes = [i for k, i in keys if k == "stage"]
    if changes:
        from crmdesk.services.lifecycle import stage_label

        marks = ",".join("?" * len(changes))
        for sid, when, a, b, reason, staff in db.execute_sql(
                f"""SELECT c.id, c.changed_at, c.from_stage, c.to_stage, c.reason,
                           coalesce(s.name, '')
                    FROM stage_change c LEFT JOIN staff s ON s.id = c.staff_id
                    WHERE c.id IN ({marks})""", changes):
            found[("stage", sid)] = Entry("stage", sid, _parse(when),
                                          translate("timeline", "Stage: {old} → {new}").format(
                                              old=texts.vocabulary(stage_label(a)),
                                              new=texts.vocabulary(stage_label(b))),
                                          reason, "", staff)
    return found
