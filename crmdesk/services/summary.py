"""A customer at a glance, before a meeting: everything the summary tab shows, in one call,
cut to what the person asking may see (services/access.py).

At CONTACT level (someone else's exclusive client) it holds the name, how to address and
reach them, stage and owner; only the contacts and follow-ups the person logged or was
given; no loyalty account, no life situation, tastes or needs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from crmdesk.services import (
    access,
    catalog,
    customers,
    greeting,
    lifecycle,
    loyalty_programme,
    response_times,
    texts,
)
from crmdesk.services.customers import CustomerData
from crmdesk.services.texts import QT_TRANSLATE_NOOP, translate
from crmdesk.store.db import db
from crmdesk.store.models import utcnow

LAST_CONTACTS = 5
BIRTHDAY_SOON_DAYS = 30


@dataclass
class Contact:
    id: int
    when: dt.datetime
    channel: str
    direction: str
    subject: str
    notes: str
    outcome: str
    staff: str


@dataclass
class OpenFollowUp:
    id: int
    what: str
    due_at: dt.datetime
    promise: bool
    assignee: str
    overdue: bool


@dataclass
class Loyalty:
    balance: int
    tier: str
    next_tier: str | None
    to_next: int | None
    currency: str
    lifetime_cents: int
    redeemable: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Summary:
    customer_id: int
    level: access.Level
    data: CustomerData
    greeting: str
    initials: str
    has_photo: bool
    stage_label: str
    days_in_stage: int
    relationship_label: str
    loyalty: Loyalty | None
    birthday_next: dt.date | None  # within BIRTHDAY_SOON_DAYS
    turns: int | None
    contacts: list[Contact]
    open_follow_ups: list[OpenFollowUp]
    unanswered: int | None  # None: not shown at this level

    @property
    def contact_only(self) -> bool:
        return self.level == access.Level.CONTACT


def _parse(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def initials(data: CustomerData) -> str:
    letters = [w[0] for w in (data.given_name, data.family_name) if w.strip()]
    return "".join(letters).upper() or "?"


def _next_birthday(born: dt.date | None, today: dt.date) -> tuple[dt.date | None, int | None]:
    if born is None:
        return None, None
    for year in (today.year, today.year + 1):
        try:
            day = born.replace(year=year)
        except ValueError:  # 29 February in a common year: the 28th
            day = dt.date(year, 2, 28)
        if day >= today:
            if (day - today).days <= BIRTHDAY_SOON_DAYS:
                return day, year - born.year
            return None, None
    return None, None


def _loyalty(cid: int, now: dt.datetime) -> Loyalty:
    from crmdesk.services import loyalty_ledger

    s = loyalty_ledger.summary(cid, now)
    redeemable = [(r.name, r.points_cost) for r in loyalty_programme.rewards(active_only=True)
                  if r.points_cost <= s.balance]
    to_next = (s.status.next_threshold - s.status.qualifying
               if s.status.next_threshold is not None else None)
    return Loyalty(s.balance, s.status.tier, s.status.next_tier, to_next, s.currency,
                   s.lifetime_cents, redeemable)


def summary(cid: int, now: dt.datetime | None = None) -> Summary:
    """What the summary tab shows of customer `cid` (LookupError if there is none)."""
    now = now or utcnow()
    data, seen = customers.load_visible(cid)
    contact_only = seen == access.Level.CONTACT
    me = access.current().staff_id
    # At CONTACT level only what the person logged themselves, or was given to do.
    logged_by = " AND i.staff_id IS ?" if contact_only else ""
    given_to = " AND f.assignee_id IS ?" if contact_only else ""
    mine: tuple[object, ...] = (me,) if contact_only else ()
    contacts = [Contact(r[0], _parse(r[1]), r[2], r[3], r[4], r[5], r[6], r[7])
                for r in db.execute_sql(
                    f"""SELECT i.id, i.happened_at, i.channel, i.direction, i.subject, i.notes,
                               i.outcome, coalesce(s.name, '')
                        FROM interaction i LEFT JOIN staff s ON s.id = i.staff_id
                        WHERE i.customer_id = ?{logged_by}
                        ORDER BY i.happened_at DESC, i.id DESC LIMIT ?""",
                    (cid, *mine, LAST_CONTACTS))]
    # Overdue first (the earliest due), then the coming ones by due date.
    follow = [OpenFollowUp(r[0], r[1], _parse(r[2]), bool(r[3]), r[4], _parse(r[2]) < now)
              for r in db.execute_sql(
                  f"""SELECT f.id, f.what, f.due_at, f.is_promise, coalesce(s.name, '')
                      FROM follow_up f LEFT JOIN staff s ON s.id = f.assignee_id
                      WHERE f.customer_id = ? AND f.status = 'open'{given_to}
                      ORDER BY f.due_at, f.is_promise DESC, f.id""", (cid, *mine))]
    stays = lifecycle.time_in_stage(cid, now)
    birthday, turns = _next_birthday(data.birthday, now.astimezone().date())
    photo = db.execute_sql("SELECT 1 FROM customer_photo WHERE customer_id = ?",
                           (cid,)).fetchone() is not None
    return Summary(
        cid, seen, data, greeting.for_customer(data), initials(data), photo and not contact_only,
        lifecycle.stage_label(data.stage), stays[-1].days if stays else 0,
        catalog.RELATIONSHIP_LABELS.get(data.relationship_type, data.relationship_type),
        None if contact_only else _loyalty(cid, now), birthday, turns, contacts, follow,
        None if contact_only else response_times.per_customer(cid).waiting)


def how_to_contact(data: CustomerData) -> str:
    """'Phone, mornings, in Spanish' from the profile (empty parts left out)."""
    parts = []
    if data.preferred_channel:
        parts.append(texts.vocabulary(catalog.CONTACT_CHANNEL_LABELS.get(
            data.preferred_channel, data.preferred_channel)))
    if data.best_time:
        parts.append(data.best_time)
    if data.language in IN_LANGUAGE:
        parts.append(translate("summary", IN_LANGUAGE[data.language]))
    elif data.language:
        language = texts.vocabulary(dict(catalog.LANGUAGES).get(data.language, data.language))
        parts.append(translate("summary", "in {language}").format(language=language))
    return ", ".join(parts)


#: "in English" as one text per language the book knows (Spanish writes "en inglés",
#: lower-case, where a label alone is "Inglés")
IN_LANGUAGE = {code: text for code, text in (
    ("en", QT_TRANSLATE_NOOP("summary", "in English")),
    ("es", QT_TRANSLATE_NOOP("summary", "in Spanish")),
) if code in dict(catalog.LANGUAGES)}
