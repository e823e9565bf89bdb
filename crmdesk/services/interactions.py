"""The interaction log and follow-ups (promises): validation and writes, one transaction each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from crmdesk.services import access, audit, catalog, texts
from crmdesk.services.customers import Problem, ValidationFailed
from crmdesk.services.texts import translate
from crmdesk.store.db import db
from crmdesk.store.models import Customer, FollowUp, Interaction, Staff, utcnow

MAX_NOTE = 100_000


@dataclass
class InteractionData:
    customer_id: int
    channel: str
    direction: str
    notes: str
    happened_at: dt.datetime = field(default_factory=utcnow)
    staff_id: int | None = None
    duration_min: int | None = None
    subject: str = ""
    outcome: str = ""
    satisfaction: int | None = None
    id: int | None = field(default=None, compare=False)
    edited_at: dt.datetime | None = field(default=None, compare=False)


@dataclass
class FollowUpData:
    customer_id: int
    what: str
    due_at: dt.datetime
    is_promise: bool = False
    assignee_id: int | None = None
    interaction_id: int | None = None
    status: str = "open"
    id: int | None = field(default=None, compare=False)
    completed_at: dt.datetime | None = field(default=None, compare=False)


def as_utc(when: dt.datetime) -> dt.datetime:
    """Aware UTC (a naive value is taken as local time, as typed on screen)."""
    if when.tzinfo is None:
        when = when.astimezone()
    return when.astimezone(dt.UTC).replace(microsecond=0)


def _customer_exists(cid: int) -> bool:
    return Customer.get_or_none(Customer.id == cid) is not None


def validate_interaction(data: InteractionData) -> list[Problem]:
    problems = []
    if not _customer_exists(data.customer_id):
        problems.append(Problem("customer", translate(
            "interactions", "Customer {customer_id} does not exist.").format(
            customer_id=data.customer_id)))
    if data.channel not in catalog.INTERACTION_CHANNEL_LABELS:
        problems.append(Problem("channel", translate(
            "interactions", "Unknown channel “{channel}” (one of: {value}).").format(
            channel=data.channel, value=', '.join(catalog.INTERACTION_CHANNEL_LABELS))))
    if data.direction not in catalog.DIRECTION_LABELS:
        problems.append(Problem("direction", translate(
            "interactions", "The direction must be “in” or “out”.")))
    if not data.notes.strip():
        problems.append(Problem("notes", translate(
            "interactions", "Write a note: what was said or done.")))
    if len(data.notes) > MAX_NOTE:
        problems.append(Problem("notes", translate(
            "interactions", "The note is too long (at most {limit}).").format(
            limit=texts.integer(MAX_NOTE))))
    if data.satisfaction is not None and not 1 <= data.satisfaction <= 5:
        problems.append(Problem("satisfaction", translate(
            "interactions", "Satisfaction goes from 1 to 5.")))
    if data.duration_min is not None and data.duration_min < 0:
        problems.append(Problem("duration_min", translate(
            "interactions", "The duration cannot be negative.")))
    if as_utc(data.happened_at) > utcnow() + dt.timedelta(minutes=5):
        problems.append(Problem("happened_at", translate(
            "interactions", "An interaction cannot happen in the future.")))
    return problems


def validate_follow_up(data: FollowUpData) -> tuple[list[Problem], list[str]]:
    """Problems that block saving, and warnings that do not (a due date in the past)."""
    problems = []
    if not _customer_exists(data.customer_id):
        problems.append(Problem("customer", translate(
            "interactions", "Customer {customer_id} does not exist.").format(
            customer_id=data.customer_id)))
    if not data.what.strip():
        problems.append(Problem("what", translate("interactions", "Say what must be done.")))
    if data.assignee_id is not None and Staff.get_or_none(Staff.id == data.assignee_id) is None:
        problems.append(Problem("assignee", translate(
            "interactions", "That staff member does not exist.")))
    warnings = []
    if data.status == "open" and as_utc(data.due_at) < utcnow():
        warnings.append(translate(
            "interactions", "The due date is already past: this follow-up starts overdue."))
    return problems, warnings


def _index(iid: int) -> None:
    db.execute_sql("DELETE FROM interaction_fts WHERE rowid = ?", (iid,))
    db.execute_sql("INSERT INTO interaction_fts (rowid, subject, notes, outcome) "
                   "SELECT id, subject, notes, outcome FROM interaction WHERE id = ?", (iid,))


def _touch_customer(customer_id: int) -> None:
    db.execute_sql("UPDATE customer SET last_contact_at = (SELECT max(happened_at) FROM "
                   "interaction WHERE customer_id = ?) WHERE id = ?", (customer_id, customer_id))


def _interaction_columns(data: InteractionData) -> dict[str, object]:
    return {"customer": data.customer_id, "staff": data.staff_id, "channel": data.channel,
            "direction": data.direction, "happened_at": as_utc(data.happened_at),
            "duration_min": data.duration_min, "subject": data.subject.strip(),
            "notes": data.notes.strip(), "outcome": data.outcome.strip(),
            "satisfaction": data.satisfaction}


def _follow_up_columns(data: FollowUpData) -> dict[str, object]:
    return {"customer": data.customer_id, "assignee": data.assignee_id,
            "what": " ".join(data.what.split()), "due_at": as_utc(data.due_at),
            "is_promise": data.is_promise, "interaction": data.interaction_id}


def log(data: InteractionData, follow_up: FollowUpData | None = None) -> tuple[int, int | None]:
    """Store an interaction (and the follow-up it leads to) in one transaction."""
    problems = validate_interaction(data)
    if follow_up is not None:
        follow_up.customer_id = data.customer_id
        problems += validate_follow_up(follow_up)[0]
    if problems:
        raise ValidationFailed(problems)
    data.staff_id = access.own_name(data.staff_id)
    with db.atomic():
        iid = int(Interaction.insert(**_interaction_columns(data), created_at=utcnow()).execute())
        _index(iid)
        _touch_customer(data.customer_id)
        fid = None
        if follow_up is not None:
            follow_up.interaction_id = iid
            fid = int(FollowUp.insert(**_follow_up_columns(follow_up),
                                      created_at=utcnow()).execute())
        audit.record("change", [data.customer_id], f"{data.channel} interaction logged"
                     + (" with a follow-up" if fid else ""))
    return iid, fid


def edit(iid: int, data: InteractionData) -> None:
    """Change a logged interaction; the time of the edit is kept."""
    problems = validate_interaction(data)
    if problems:
        raise ValidationFailed(problems)
    with db.atomic():
        before = Interaction.get_or_none(Interaction.id == iid)
        if before is None:
            raise LookupError(translate(
                "interactions", "Interaction {iid} does not exist.").format(iid=iid))
        me = access.current()
        if access.level(before.customer_id) == access.Level.CONTACT and \
                before.staff_id != me.staff_id:
            raise access.AccessDenied(translate(
                "interactions", "{name} may edit only the interactions they logged for this "
                "customer.").format(name=me.name))
        data.staff_id = access.own_name(data.staff_id, allowed=before.staff_id)
        (Interaction.update(**_interaction_columns(data), edited_at=utcnow())
         .where(Interaction.id == iid).execute())
        _index(iid)
        for cid in {before.customer_id, data.customer_id}:
            _touch_customer(cid)
        audit.record("change", [data.customer_id], f"interaction {iid} edited")


def load(iid: int) -> InteractionData:
    row = Interaction.get_or_none(Interaction.id == iid)
    if row is None:
        raise LookupError(translate(
            "interactions", "Interaction {iid} does not exist.").format(iid=iid))
    return InteractionData(
        customer_id=row.customer_id, channel=row.channel, direction=row.direction,
        notes=row.notes, happened_at=row.happened_at, staff_id=row.staff_id,
        duration_min=row.duration_min, subject=row.subject, outcome=row.outcome,
        satisfaction=row.satisfaction, id=row.id, edited_at=row.edited_at)


def add_follow_up(data: FollowUpData) -> int:
    problems, _warnings = validate_follow_up(data)
    if problems:
        raise ValidationFailed(problems)
    with db.atomic():
        fid = int(FollowUp.insert(**_follow_up_columns(data), created_at=utcnow()).execute())
        audit.record("change", [data.customer_id], "follow-up added")
        return fid


def set_follow_up_status(fid: int, status: str) -> str:
    """Mark a follow-up open, done or cancelled; returns the status it had before."""
    if status not in dict(catalog.FOLLOW_UP_STATUSES):
        raise ValueError(translate(
            "interactions", "Unknown status “{status}”.").format(status=status))
    with db.atomic():
        row = FollowUp.get_or_none(FollowUp.id == fid)
        if row is None:
            raise LookupError(translate(
                "interactions", "Follow-up {fid} does not exist.").format(fid=fid))
        FollowUp.update(status=status, completed_at=None if status == "open" else utcnow()
                        ).where(FollowUp.id == fid).execute()
        return str(row.status)


def load_follow_up(fid: int) -> FollowUpData:
    row = FollowUp.get_or_none(FollowUp.id == fid)
    if row is None:
        raise LookupError(translate(
            "interactions", "Follow-up {fid} does not exist.").format(fid=fid))
    return FollowUpData(customer_id=row.customer_id, what=row.what, due_at=row.due_at,
                        is_promise=bool(row.is_promise), assignee_id=row.assignee_id,
                        interaction_id=row.interaction_id, status=row.status, id=row.id,
                        completed_at=row.completed_at)


def log_many(items: list[InteractionData]) -> list[int]:
    """Store many interactions (a batch of messages) in one transaction, with the same
    checks as `log` and one audit entry per customer; returns their ids in order."""
    problems = []
    known = set()
    cids = sorted({d.customer_id for d in items})
    for start in range(0, len(cids), 500):
        chunk = cids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        known |= {r[0] for r in db.execute_sql(
            f"SELECT id FROM customer WHERE id IN ({marks})", chunk)}
    limit = utcnow() + dt.timedelta(minutes=5)
    for d in items:
        if d.customer_id not in known:
            problems.append(Problem("customer", translate(
                "interactions", "Customer {customer_id} does not exist.").format(
                customer_id=d.customer_id)))
        elif d.channel not in catalog.INTERACTION_CHANNEL_LABELS or \
                d.direction not in catalog.DIRECTION_LABELS or not d.notes.strip() or \
                len(d.notes) > MAX_NOTE or as_utc(d.happened_at) > limit:
            problems += validate_interaction(d)  # the detailed reasons
    if problems:
        raise ValidationFailed(problems)
    ids: list[int] = []
    created = utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
    with db.atomic():
        cursor = db.cursor()
        for d in items:
            cursor.execute(
                "INSERT INTO interaction (customer_id, staff_id, channel, direction, "
                "happened_at, duration_min, subject, notes, outcome, satisfaction, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (d.customer_id, d.staff_id, d.channel, d.direction,
                 as_utc(d.happened_at).strftime("%Y-%m-%dT%H:%M:%SZ"), d.duration_min,
                 d.subject.strip(), d.notes.strip(), d.outcome.strip(), d.satisfaction,
                 created))
            ids.append(int(cursor.lastrowid))
        marks = ",".join("?" * len(ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            db.execute_sql("INSERT INTO interaction_fts (rowid, subject, notes, outcome) "
                           f"SELECT id, subject, notes, outcome FROM interaction WHERE id IN "
                           f"({marks})", chunk)
        for cid in {d.customer_id for d in items}:
            _touch_customer(cid)
        by_channel: dict[str, list[int]] = {}
        for d in items:
            by_channel.setdefault(d.channel, []).append(d.customer_id)
        for channel, customer_ids in by_channel.items():
            audit.record("change", customer_ids, f"{channel} interaction logged")
    return ids
