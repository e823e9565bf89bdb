"""The meeting brief: everything an executive wants to know on one page before seeing a
client, gathered as plain data (the PDF is drawn by reports/brief_pdf.py).

What it shows is what the person printing may see: a brief is a print (executives and
managers), of a client they see at least at STANDARD level; private notes only for those
who may read them. Each brief printed is in the audit trail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from crmdesk.services import access, audit, catalog, customers, greeting, lifecycle
from crmdesk.services import locale_text as lt
from crmdesk.services.texts import translate
from crmdesk.store.db import db
from crmdesk.store.models import utcnow


@dataclass
class Contact:
    when: dt.datetime
    channel: str
    direction: str
    summary: str
    outcome: str


@dataclass
class OpenItem:
    what: str
    due: dt.datetime
    promise: bool
    overdue: bool
    assignee: str


@dataclass
class Brief:
    customer_id: int
    name: str
    address_as: str  # "Dear Mrs Peña" / "Hi Lola"
    form: str  # "formal, Spanish"
    contact_how: str  # "Prefers e-mail, mornings"
    reach: list[str]  # first e-mail and phone
    photo: bytes | None
    company: str
    life_situation: str
    interests: str
    needs: str
    contacts: list[Contact]
    open_items: list[OpenItem]
    stage: str
    days_in_stage: int
    segment: str
    relationship: str
    owner: str
    tier: str
    points: int
    rewards: list[tuple[str, int]]
    lifetime: str
    birthday_note: str
    notes: str
    notes_private: bool
    issued: dt.datetime = field(default_factory=utcnow)


def _parse(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _birthday_note(day: dt.date | None, today: dt.date, within: int = 30) -> str:
    if day is None:
        return ""
    for year in (today.year, today.year + 1):
        try:
            next_one = day.replace(year=year)
        except ValueError:  # 29 February in a common year
            next_one = dt.date(year, 3, 1)
        if next_one >= today:
            break
    days = (next_one - today).days
    if days > within:
        return ""
    turns = next_one.year - day.year
    when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    return f"Birthday {when} ({lt.long_date(next_one)[:-5]}): turns {turns}"


def gather(cid: int, now: dt.datetime | None = None) -> Brief:
    """The brief of customer `cid` as the current person may see it."""
    from crmdesk.services import loyalty_ledger
    from crmdesk.services.loyalty_programme import programme, rewards

    access.require("brief")
    access.require_level([cid], access.Level.STANDARD, "print a meeting brief for")
    now = now or utcnow()
    data, seen = customers.load_visible(cid)
    contacts = [Contact(_parse(r[0]), catalog.INTERACTION_CHANNEL_LABELS.get(r[1], r[1]), r[2],
                        " — ".join(p for p in (r[3], " ".join(r[4].split())) if p), r[5])
                for r in db.execute_sql(
                    "SELECT happened_at, channel, direction, subject, notes, outcome "
                    "FROM interaction WHERE customer_id = ? ORDER BY happened_at DESC, id DESC "
                    "LIMIT 5", (cid,))]
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    items = [OpenItem(r[0], _parse(r[1]), bool(r[2]), r[1] < stamp, r[3])
             for r in db.execute_sql(
                 "SELECT f.what, f.due_at, f.is_promise, coalesce(s.name, '') FROM follow_up f "
                 "LEFT JOIN staff s ON s.id = f.assignee_id WHERE f.customer_id = ? AND "
                 "f.status = 'open' ORDER BY (f.is_promise OR f.due_at < ?) DESC, f.due_at "
                 "LIMIT 8", (cid, stamp))]
    prog = programme()
    summary = loyalty_ledger.summary(cid, now, prog)
    affordable = [(r.name, r.points_cost) for r in rewards(active_only=True)
                  if r.points_cost <= summary.balance]
    stays = lifecycle.time_in_stage(cid, now)
    channel = catalog.CONTACT_CHANNEL_LABELS.get(data.preferred_channel, "")
    how = ", ".join(p for p in (f"prefers {channel.lower()}" if data.preferred_channel else
                                "no preferred channel",
                                data.best_time) if p)
    reach = [p.value for p in data.emails[:2]] + [p.value for p in data.phones[:2]]
    language = dict(catalog.LANGUAGES).get(data.language, data.language)
    return Brief(
        customer_id=cid, name=data.display_name, address_as=greeting.for_customer(data),
        form=f"{data.address_form}, {language}", contact_how=how[:1].upper() + how[1:],
        reach=reach, photo=customers.photo(cid), company=" · ".join(
            p for p in (data.occupation, data.company) if p),
        life_situation=data.life_situation, interests=data.interests, needs=data.needs,
        contacts=contacts, open_items=items,
        stage=lifecycle.stage_label(data.stage),
        days_in_stage=stays[-1].days if stays else 0, segment=data.segment,
        relationship=catalog.RELATIONSHIP_LABELS.get(data.relationship_type, ""),
        owner=data.owner, tier=summary.status.tier, points=summary.balance,
        rewards=affordable[:6],
        lifetime=lt.money(summary.lifetime_cents, summary.currency),
        birthday_note=_birthday_note(data.birthday, now.astimezone().date()),
        notes=data.notes if (not data.notes_private or seen == access.Level.FULL) else "",
        notes_private=data.notes_private, issued=now)


def tomorrow_ids(now: dt.datetime | None = None) -> list[int]:
    """Customers with something open due tomorrow (a meeting, a call, a promise), in the
    order of the first such item of each."""
    from crmdesk.services import agenda

    now = now or utcnow()
    start = agenda.end_of_local_day(now).strftime("%Y-%m-%dT%H:%M:%SZ")
    end = agenda.end_of_local_day(now, 1).strftime("%Y-%m-%dT%H:%M:%SZ")
    rows = db.execute_sql(
        "SELECT f.customer_id, min(f.due_at) FROM follow_up f JOIN customer c ON "
        "c.id = f.customer_id WHERE f.status = 'open' AND f.due_at > ? AND f.due_at <= ? "
        "AND c.archived_at IS NULL GROUP BY f.customer_id ORDER BY 2", (start, end))
    return [int(r[0]) for r in rows]


def file_name(cid: int) -> str:
    from crmdesk.reports.statement_batch import safe_stem

    row = db.execute_sql("SELECT family_name, given_name FROM customer WHERE id = ?",
                         (cid,)).fetchone()
    if row is None:
        raise LookupError(translate(
            "meeting_brief", "There is no customer {cid} in this book.").format(cid=cid))
    name = " ".join(p for p in row if p) or "Customer"
    return f"{safe_stem(f'Brief {name} {cid:06d}')}.pdf"


def write(ids: list[int], out: Path, render: Callable[[list[Brief], Path], None],
          now: dt.datetime | None = None) -> Path:
    """The briefs of `ids` (one page each) into one PDF, readable by its owner only."""
    from crmdesk.services.exporting import atomic_file

    access.require("brief")
    if not ids:
        raise ValueError(translate("meeting_brief", "No customers to brief."))
    for cid in ids:
        if db.execute_sql("SELECT 1 FROM customer WHERE id = ?", (cid,)).fetchone() is None:
            raise LookupError(translate(
                "meeting_brief", "There is no customer {cid} in this book.").format(cid=cid))
    from crmdesk.services.messaging import refuse_special

    refuse_special(out)
    briefs = [gather(cid, now) for cid in ids]
    with atomic_file(out, mode=0o600) as part:
        part.touch(mode=0o600)
        part.chmod(0o600)
        render(briefs, part)
        with db.atomic():
            audit.record("print", ids, f"meeting brief {out.name}")
    return out
