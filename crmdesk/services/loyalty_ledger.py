"""The points ledger: purchases earn, rewards redeem, corrections are new entries.

Entries are never edited (a trigger refuses it); the balance is the sum of the entries and
`customer.points_balance` is a trigger-kept copy that `check_balances` proves equal to it.
Expiry is first-in first-out: every deduction uses the oldest points first, so the points
still unused from lots older than the expiry period are exactly
`max(0, earned before the cutoff − everything ever deducted)`; an expiry run writes that
amount once, after which it is zero, so running it again writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from crmdesk.services import access, audit, locale_text, settings, texts
from crmdesk.services.loyalty_programme import (
    MAX_AMOUNT_CENTS,
    MAX_POINTS,
    LoyaltyError,
    Programme,
    TierStatus,
    find_reward,
    programme,
    tier_for,
)
from crmdesk.services.texts import translate
from crmdesk.store.db import db
from crmdesk.store.models import PointsEntry, Purchase, utcnow

MAX_REASON = 500

KIND_LABELS = {
    "en": {"earn": "Purchase", "bonus": "Bonus", "redeem": "Reward", "expire": "Expired",
           "adjust": "Adjustment", "reversal": "Purchase reversed"},
    "es": {"earn": "Compra", "bonus": "Bonificación", "redeem": "Canje", "expire": "Caducados",
           "adjust": "Ajuste", "reversal": "Compra anulada"},
}


def ts(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_ts(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def add_months(when: dt.datetime, months: int) -> dt.datetime:
    """The same day `months` later (or earlier), on the month's last day when it is short."""
    index = when.year * 12 + when.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    last_day = (nxt - dt.timedelta(days=1)).day
    return when.replace(year=year, month=month, day=min(when.day, last_day))


def _customer_row(cid: int) -> tuple[Any, ...]:
    row = db.execute_sql("SELECT id, archived_at, given_name, family_name, stage "
                         "FROM customer WHERE id = ?", (cid,)).fetchone()
    if row is None:
        raise LoyaltyError(translate(
            "loyalty_ledger", "There is no customer {cid} in this book.").format(cid=cid))
    return tuple(row)


def _purchase_customer(purchase_id: int) -> int:
    row = db.execute_sql("SELECT customer_id FROM purchase WHERE id = ?",
                         (purchase_id,)).fetchone()
    return int(row[0]) if row else 0


def _require_active(cid: int) -> tuple[Any, ...]:
    row = _customer_row(cid)
    if row[1] is not None:
        raise LoyaltyError(translate(
            "loyalty_ledger", "{name} is in the Trash; restore them first.").format(
            name=_name(row)))
    return row


def _name(row: tuple[Any, ...]) -> str:
    return f"{row[2]} {row[3]}".strip() or f"Customer {row[0]}"


def _reason(text: str, required: bool) -> str:
    text = " ".join(text.split())
    if required and not text:
        raise LoyaltyError(translate(
            "loyalty_ledger", "Give a reason: it is printed on the customer's statement."))
    if len(text) > MAX_REASON:
        raise LoyaltyError(translate(
            "loyalty_ledger", "The reason is too long (at most {limit} characters).").format(
            limit=MAX_REASON))
    return text


def _points(value: int) -> int:
    if not 0 < value <= MAX_POINTS:
        raise LoyaltyError(translate(
            "loyalty_ledger", "Points must be between 1 and {limit}.").format(
            limit=texts.integer(MAX_POINTS)))
    return value


def balance(cid: int) -> int:
    """The sum of the customer's ledger entries."""
    row = db.execute_sql("SELECT coalesce(sum(points), 0) FROM points_entry "
                         "WHERE customer_id = ?", (cid,)).fetchone()
    return int(row[0])


def purchase_moment(on: dt.date, now: dt.datetime) -> dt.datetime:
    """When a purchase made on a local calendar day happened: now for today, noon otherwise."""
    today = now.astimezone().date()
    if on > today:
        raise LoyaltyError(translate("loyalty_ledger", "A purchase cannot be dated in the future."))
    if on == today:
        return now
    return dt.datetime(on.year, on.month, on.day, 12).astimezone().astimezone(dt.UTC)


# --- writes (one transaction each) ---------------------------------------------------------
@dataclass
class PurchaseResult:
    purchase_id: int
    points: int
    first_purchase: bool = False
    stage: str = ""


def record_purchase(cid: int, amount_cents: int, on: dt.date | None = None,
                    currency: str | None = None, description: str = "",
                    staff_id: int | None = None, now: dt.datetime | None = None
                    ) -> PurchaseResult:
    """Record a purchase and the points it earns (in the programme currency only)."""
    access.require_level([cid], access.Level.STANDARD, "record a purchase for")
    staff_id = access.own_name(staff_id)
    now = now or utcnow()
    prog = programme()
    if amount_cents <= 0:
        raise LoyaltyError(translate(
            "loyalty_ledger", "A purchase must be for more than zero; to take one back, "
            "reverse it."))
    if amount_cents > MAX_AMOUNT_CENTS:
        raise LoyaltyError(translate(
            "loyalty_ledger", "That amount is too large for one purchase."))
    currency = (currency or prog.currency).strip().upper()
    if len(currency) != 3 or not currency.isalpha() or not currency.isascii():
        raise LoyaltyError(translate(
            "loyalty_ledger", "“{currency}” is not a currency code (three letters, e.g. "
            "EUR).").format(
            currency=currency))
    description = _reason(description, required=False)
    day = on or now.astimezone().date()
    moment = purchase_moment(day, now)
    with db.atomic():
        row = _require_active(cid)
        first = not Purchase.select().where(Purchase.customer == cid).exists()
        purchase = Purchase.create(customer=cid, purchased_on=day, amount_cents=amount_cents,
                                   currency=currency, description=description,
                                   staff=staff_id, created_at=now)
        points = prog.earn(amount_cents) if currency == prog.currency else 0
        if points:
            PointsEntry.create(customer=cid, kind="earn", points=points, happened_at=moment,
                               purchase=purchase, staff=staff_id, created_at=now)
            # A purchase dated long ago may bring points that have already expired.
            expire_due(now, [cid], prog)
        audit.record("change", [cid], f"purchase {amount_cents / 100:.2f} {currency} recorded")
    return PurchaseResult(purchase.id, points, first, str(row[4]))


def reverse_purchase(purchase_id: int, reason: str, staff_id: int | None = None,
                     now: dt.datetime | None = None) -> PurchaseResult:
    """Take a purchase back: a negative purchase plus a negative earn entry.

    Points already spent cannot be taken back; the reversal then takes what is left."""
    access.require_level([_purchase_customer(purchase_id)], access.Level.STANDARD,
                         "reverse a purchase of")
    staff_id = access.own_name(staff_id)
    now = now or utcnow()
    reason = _reason(reason, required=True)
    with db.atomic():
        original = Purchase.get_or_none(Purchase.id == purchase_id)
        if original is None:
            raise LoyaltyError(translate(
                "loyalty_ledger", "There is no purchase {purchase_id}.").format(
                purchase_id=purchase_id))
        if original.amount_cents < 0:
            raise LoyaltyError(translate("loyalty_ledger", "This line is itself a reversal."))
        if Purchase.select().where(Purchase.reverses == purchase_id).exists():
            raise LoyaltyError(translate("loyalty_ledger", "This purchase was already reversed."))
        cid = original.customer_id
        _require_active(cid)
        expire_due(now, [cid])
        earned = int(db.execute_sql(
            "SELECT coalesce(sum(points), 0) FROM points_entry WHERE purchase_id = ?",
            (purchase_id,)).fetchone()[0])
        take = min(earned, balance(cid))
        reversal = Purchase.create(customer=cid, purchased_on=now.astimezone().date(),
                                   amount_cents=-original.amount_cents,
                                   currency=original.currency, description=reason,
                                   reverses=original, staff=staff_id, created_at=now)
        if take > 0:
            PointsEntry.create(customer=cid, kind="earn", points=-take, happened_at=now,
                               purchase=reversal, reason=reason, staff=staff_id,
                               created_at=now)
        audit.record("change", [cid], f"purchase {purchase_id} reversed")
    return PurchaseResult(reversal.id, -take)


def add_bonus(cid: int, points: int, reason: str, staff_id: int | None = None,
              now: dt.datetime | None = None) -> int:
    access.require("adjust_points")
    access.require_level([cid], access.Level.STANDARD, "give points to")
    staff_id = access.own_name(staff_id)
    now = now or utcnow()
    points, reason = _points(points), _reason(reason, required=True)
    with db.atomic():
        _require_active(cid)
        entry = PointsEntry.create(customer=cid, kind="bonus", points=points, happened_at=now,
                                   reason=reason, staff=staff_id, created_at=now)
        audit.record("change", [cid], f"bonus of {points} points")
    return int(entry.id)


def redeem(cid: int, points: int, reward: str = "", staff_id: int | None = None,
           now: dt.datetime | None = None) -> int:
    """Spend points, for a reward of the catalogue when one is named. Refused when short."""
    access.require_level([cid], access.Level.STANDARD, "redeem points for")
    staff_id = access.own_name(staff_id)
    now = now or utcnow()
    points = _points(points)
    name = ""
    if reward.strip():
        found = find_reward(reward)
        if found is None:
            raise LoyaltyError(translate(
                "loyalty_ledger", "There is no reward “{value}” in the catalogue.").format(
                value=reward.strip()))
        if not found.active:
            raise LoyaltyError(translate(
                "loyalty_ledger", "“{name}” is no longer offered.").format(name=found.name))
        if found.points_cost != points:
            raise LoyaltyError(translate(
                "loyalty_ledger", "“{name}” costs {points_cost} points, not {points}.").format(
                name=found.name, points_cost=texts.integer(found.points_cost),
                points=texts.integer(points)))
        name = found.name
    with db.atomic():
        row = _require_active(cid)
        expire_due(now, [cid])
        have = balance(cid)
        if points > have:
            text = translate("loyalty_ledger", "{name} has {have} points; “{reward}” needs "
                             "{points} ({short} short).") if name else \
                translate("loyalty_ledger", "{name} has {have} points; this needs {points} "
                          "({short} short).")
            raise LoyaltyError(text.format(name=_name(row), have=texts.integer(have),
                                           reward=name, points=texts.integer(points),
                                           short=texts.integer(points - have)))
        entry = PointsEntry.create(customer=cid, kind="redeem", points=-points,
                                   happened_at=now, reward=name, staff=staff_id,
                                   created_at=now)
        audit.record("change", [cid], f"{points} points redeemed")
    return int(entry.id)


def adjust(cid: int, points: int, reason: str, staff_id: int | None = None,
           now: dt.datetime | None = None) -> int:
    """A manual correction, up or down, with the reason the customer will read."""
    access.require("adjust_points")
    access.require_level([cid], access.Level.STANDARD, "adjust the points of")
    staff_id = access.own_name(staff_id)
    now = now or utcnow()
    if points == 0 or abs(points) > MAX_POINTS:
        raise LoyaltyError(translate(
            "loyalty_ledger", "An adjustment is between 1 and {limit} points, up or down "
            "(not 0).").format(limit=texts.integer(MAX_POINTS)))
    reason = _reason(reason, required=True)
    with db.atomic():
        row = _require_active(cid)
        expire_due(now, [cid])
        have = balance(cid)
        if have + points < 0:
            raise LoyaltyError(translate(
                "loyalty_ledger", "{name} has {have} points; taking {value} away would leave a "
                "negative balance.").format(
                name=_name(row), have=texts.integer(have), value=texts.integer(-points)))
        entry = PointsEntry.create(customer=cid, kind="adjust", points=points,
                                   happened_at=now, reason=reason, staff=staff_id,
                                   created_at=now)
        audit.record("change", [cid], f"points adjusted by {points}")
    return int(entry.id)


EXPIRED_THROUGH = "points_expired_through"


def expire_due(now: dt.datetime | None = None, customer_ids: list[int] | None = None,
               prog: Programme | None = None, full: bool = False) -> int:
    """Write the expiry entries that are due (see the module docstring); returns how many.

    Each entry is dated when its newest expiring lot reached its expiry date. For the whole
    book the run is incremental: only customers with a lot that passed the cutoff since the
    last run can owe an expiry (deductions only ever grow), unless `full` is asked."""
    now = now or utcnow()
    prog = prog or programme()
    if prog.expiry_months == 0:
        return 0
    cutoff = ts(add_months(now, -prog.expiry_months))
    whole_book = customer_ids is None
    if whole_book:
        mark = "" if full else settings.get(EXPIRED_THROUGH)
        if mark >= cutoff:
            return 0
        customer_ids = [r[0] for r in db.execute_sql(
            "SELECT DISTINCT customer_id FROM points_entry INDEXED BY points_entry_lots "
            "WHERE points > 0 AND happened_at > ? AND happened_at <= ?", (mark, cutoff))]
    assert customer_ids is not None
    written = 0
    with db.atomic():
        for start in range(0, len(customer_ids), 500):
            written += _expire_for(customer_ids[start:start + 500], cutoff, now, prog)
        # Move the mark on when it matters, not on every start (a write costs an fsync).
        if whole_book and (customer_ids or mark[:10] != cutoff[:10]):
            settings.put(EXPIRED_THROUGH, cutoff)
    return written


def _expire_for(customer_ids: list[int], cutoff: str, now: dt.datetime, prog: Programme) -> int:
    if not customer_ids:
        return 0
    rows = db.execute_sql(
        f"""SELECT customer_id,
                   sum(CASE WHEN points > 0 AND happened_at <= ? THEN points ELSE 0 END) AS due,
                   sum(CASE WHEN points < 0 THEN -points ELSE 0 END) AS used,
                   max(CASE WHEN points > 0 AND happened_at <= ? THEN happened_at END)
            FROM points_entry WHERE customer_id IN ({','.join('?' * len(customer_ids))})
            GROUP BY customer_id HAVING due > used""",
        [cutoff, cutoff, *customer_ids]).fetchall()
    stamp = ts(now)
    for cid, due, used, newest in rows:
        when = min(now, add_months(parse_ts(newest), prog.expiry_months))
        # The reason holds the expiry period, for the line's description.
        PointsEntry.insert(customer=cid, kind="expire", points=-(due - used),
                           happened_at=ts(when), created_at=stamp,
                           reason=str(prog.expiry_months)).execute()
    return len(rows)


# --- reads ---------------------------------------------------------------------------------
@dataclass
class LedgerLine:
    id: int
    when: dt.datetime
    kind: str
    points: int
    balance: int
    reward: str
    reason: str
    staff: str
    purchase_cents: int | None
    currency: str
    purchase_text: str
    reversal: bool

    def describe(self, language: str = "en") -> str:
        """What the line means to the customer, in their language."""
        labels = KIND_LABELS["es" if language == "es" else "en"]
        es = language == "es"
        if self.kind == "earn" and self.reversal:
            amount = locale_text.money(-(self.purchase_cents or 0), self.currency, language)
            return f"{labels['reversal']} {amount}" + (f": {self.reason}" if self.reason else "")
        if self.kind == "earn":
            amount = (locale_text.money(self.purchase_cents, self.currency, language)
                      if self.purchase_cents is not None else "")
            text = f"{labels['earn']} {amount}".strip()
            return f"{text} · {self.purchase_text}" if self.purchase_text else text
        if self.kind == "redeem":
            return f"{labels['redeem']}: {self.reward}" if self.reward else labels["redeem"]
        if self.kind == "expire":
            months = self.reason if self.reason.isdigit() else "24"
            return (f"Puntos caducados (más de {months} meses)" if es
                    else f"Points expired (older than {months} months)")
        return f"{labels[self.kind]}: {self.reason}" if self.reason else labels[self.kind]


_LEDGER_SQL = """
    SELECT e.id, e.happened_at, e.kind, e.points, e.reward, e.reason, coalesce(s.name, ''),
           p.amount_cents, coalesce(p.currency, ''), coalesce(p.description, ''),
           p.reverses_id IS NOT NULL
    FROM points_entry e
    LEFT JOIN purchase p ON p.id = e.purchase_id
    LEFT JOIN staff s ON s.id = e.staff_id
    WHERE e.customer_id = ? {range}
    ORDER BY e.happened_at, e.id"""


def ledger(cid: int, start: dt.datetime | None = None, end: dt.datetime | None = None
           ) -> tuple[int, list[LedgerLine]]:
    """(opening balance at `start`, the entries in [start, end) with running balance)."""
    access.require_level([cid], access.Level.STANDARD, "see the loyalty account of")
    clauses: list[str] = []
    params: list[Any] = [cid]
    opening = 0
    if start is not None:
        opening = int(db.execute_sql(
            "SELECT coalesce(sum(points), 0) FROM points_entry "
            "WHERE customer_id = ? AND happened_at < ?", (cid, ts(start))).fetchone()[0])
        clauses.append("AND e.happened_at >= ?")
        params.append(ts(start))
    if end is not None:
        clauses.append("AND e.happened_at < ?")
        params.append(ts(end))
    running = opening
    lines = []
    for row in db.execute_sql(_LEDGER_SQL.format(range=" ".join(clauses)), params):
        running += row[3]
        lines.append(LedgerLine(row[0], parse_ts(row[1]), row[2], row[3], running, row[4],
                                row[5], row[6], row[7], row[8], row[9], bool(row[10])))
    return opening, lines


@dataclass
class Summary:
    balance: int
    status: TierStatus
    expiring: int
    expiring_first: dt.date | None
    currency: str
    lifetime_cents: int
    last_12m_cents: int
    other_currencies: dict[str, int] = field(default_factory=dict)
    purchases: int = 0


def qualifying_points(cid: int, now: dt.datetime, prog: Programme) -> int:
    """Points earned (purchases and bonuses) within the tier window before `now`."""
    since = ts(add_months(now, -prog.tier_window_months))
    row = db.execute_sql(
        "SELECT coalesce(sum(points), 0) FROM points_entry WHERE customer_id = ? "
        "AND kind IN ('earn', 'bonus') AND happened_at > ? AND happened_at <= ?",
        (cid, since, ts(now))).fetchone()
    return max(0, int(row[0]))


def expiring(cid: int, now: dt.datetime, prog: Programme, days: int | None = None
             ) -> tuple[int, dt.date | None]:
    """Points that will expire within `days` of `now` unless spent, and the first such day."""
    if prog.expiry_months == 0:
        return 0, None
    days = prog.expiring_notice_days if days is None else days
    cutoff_now = ts(add_months(now, -prog.expiry_months))
    cutoff_then = ts(add_months(now + dt.timedelta(days=days), -prog.expiry_months))
    used, due_now = db.execute_sql(
        "SELECT coalesce(sum(CASE WHEN points < 0 AND happened_at <= ? THEN -points END), 0), "
        "coalesce(sum(CASE WHEN points > 0 AND happened_at <= ? THEN points END), 0) "
        "FROM points_entry WHERE customer_id = ?", (ts(now), cutoff_now, cid)).fetchone()
    cumulative, total, first = due_now, 0, None
    for when, points in db.execute_sql(
            "SELECT happened_at, points FROM points_entry WHERE customer_id = ? AND points > 0 "
            "AND happened_at > ? AND happened_at <= ? ORDER BY happened_at",
            (cid, cutoff_now, cutoff_then)):
        before = max(0, cumulative - used)
        cumulative += points
        gained = max(0, cumulative - used) - before
        if gained > 0:
            total += gained
            if first is None:
                first = add_months(parse_ts(when), prog.expiry_months).astimezone().date()
    return total, first


def lifetime_value(cid: int, now: dt.datetime, currency: str) -> tuple[int, int, dict[str, int]]:
    """(total, last 12 months) in `currency`, and totals in any other currency."""
    year_ago = add_months(now, -12).astimezone().date().isoformat()
    total = last = 0
    others: dict[str, int] = {}
    for cur, amount, recent in db.execute_sql(
            "SELECT currency, sum(amount_cents), "
            "sum(CASE WHEN purchased_on > ? THEN amount_cents ELSE 0 END) "
            "FROM purchase WHERE customer_id = ? GROUP BY currency", (year_ago, cid)):
        if cur == currency:
            total, last = int(amount), int(recent)
        else:
            others[cur] = int(amount)
    return total, last, others


def summary(cid: int, now: dt.datetime | None = None, prog: Programme | None = None) -> Summary:
    access.require_level([cid], access.Level.STANDARD, "see the loyalty account of")
    now = now or utcnow()
    prog = prog or programme()
    _customer_row(cid)
    soon, first = expiring(cid, now, prog)
    total, last, others = lifetime_value(cid, now, prog.currency)
    count = db.execute_sql("SELECT count(*) FROM purchase WHERE customer_id = ? "
                           "AND amount_cents > 0", (cid,)).fetchone()[0]
    return Summary(balance(cid), tier_for(qualifying_points(cid, now, prog), prog), soon, first,
                   prog.currency, total, last, others, int(count))


@dataclass
class PurchaseLine:
    id: int
    on: dt.date
    amount_cents: int
    currency: str
    description: str
    points: int
    reverses_id: int | None
    reversed: bool


def purchases(cid: int) -> list[PurchaseLine]:
    access.require_level([cid], access.Level.STANDARD, "see the loyalty account of")
    rows = db.execute_sql(
        """SELECT p.id, p.purchased_on, p.amount_cents, p.currency, p.description,
                  (SELECT coalesce(sum(points), 0) FROM points_entry e WHERE e.purchase_id = p.id),
                  p.reverses_id,
                  EXISTS (SELECT 1 FROM purchase r WHERE r.reverses_id = p.id)
           FROM purchase p WHERE p.customer_id = ? ORDER BY p.purchased_on DESC, p.id DESC""",
        (cid,))
    return [PurchaseLine(r[0], dt.date.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6],
                         bool(r[7])) for r in rows]


def check_balances() -> list[str]:
    """Problems with the ledger: a kept balance that is not the sum of entries, or below 0."""
    problems = []
    rows = db.execute_sql(
        """SELECT c.id, c.points_balance, coalesce(t.total, 0)
           FROM customer c LEFT JOIN (SELECT customer_id, sum(points) AS total
                                      FROM points_entry GROUP BY customer_id) t
                ON t.customer_id = c.id
           WHERE c.points_balance != coalesce(t.total, 0) OR coalesce(t.total, 0) < 0
           LIMIT 20""").fetchall()
    for cid, kept, total in rows:
        if kept != total:
            problems.append(f"Customer {cid}: balance {kept:,} but the ledger sums to {total:,}")
        else:
            problems.append(f"Customer {cid}: negative points balance {total:,}")
    return problems
