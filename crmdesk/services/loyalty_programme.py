"""The loyalty programme's rules, kept in the book: earn rate, tiers, expiry, rewards."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import peewee

from crmdesk.services import access, settings
from crmdesk.services.texts import translate
from crmdesk.store.db import db
from crmdesk.store.models import Reward

_CURRENCY = re.compile(r"^[A-Z]{3}$")
MAX_AMOUNT_CENTS = 100_000_000_000  # one billion currency units: surely a typing slip above
MAX_POINTS = 100_000_000


class LoyaltyError(ValueError):
    """A loyalty rule refused the operation; the message is meant for the user."""


@dataclass(frozen=True)
class Tier:
    name: str
    threshold: int  # qualifying points within the rolling window


@dataclass
class Programme:
    currency: str = "USD"
    points_per_unit: Decimal = Decimal(1)
    base_tier: str = "Member"
    tiers: list[Tier] = field(default_factory=lambda: [
        Tier("Silver", 1_000), Tier("Gold", 5_000), Tier("Platinum", 15_000)])
    tier_window_months: int = 12
    expiry_months: int = 24
    expiring_notice_days: int = 90

    def earn(self, amount_cents: int) -> int:
        """Points for a purchase: whole points only, rounded down (towards zero)."""
        exact = Decimal(amount_cents) * self.points_per_unit / 100
        return int(exact.to_integral_value(rounding="ROUND_DOWN"))

    def problems(self) -> list[str]:
        found = []
        if not _CURRENCY.match(self.currency):
            found.append(f"“{self.currency}” is not a currency code (three letters, e.g. EUR).")
        if not (Decimal(0) < self.points_per_unit <= 1000):
            found.append("Points per currency unit must be more than 0 and at most 1,000.")
        if not self.base_tier.strip():
            found.append("The starting tier needs a name.")
        names = [t.name.strip().casefold() for t in self.tiers]
        if any(not n for n in names):
            found.append("Every tier needs a name.")
        if len(set(names + [self.base_tier.strip().casefold()])) != len(names) + 1:
            found.append("Tier names must all be different.")
        thresholds = [t.threshold for t in self.tiers]
        if any(t <= 0 for t in thresholds) or thresholds != sorted(set(thresholds)):
            found.append("Tier thresholds must be above 0 and rise from one tier to the next.")
        if not 1 <= self.tier_window_months <= 120:
            found.append("The tier window must be between 1 and 120 months.")
        if not 0 <= self.expiry_months <= 240:
            found.append("Points expiry must be between 0 (never) and 240 months.")
        return found


@dataclass(frozen=True)
class TierStatus:
    tier: str
    qualifying: int
    next_tier: str | None
    next_threshold: int | None

    @property
    def to_next(self) -> int:
        return max(0, (self.next_threshold or 0) - self.qualifying)

    @property
    def progress(self) -> float:
        """0..1 of the way from this tier's threshold to the next one (1 at the top)."""
        if self.next_threshold is None:
            return 1.0
        return min(1.0, self.qualifying / self.next_threshold) if self.next_threshold else 1.0


def tier_for(qualifying: int, prog: Programme) -> TierStatus:
    """The highest tier whose threshold is reached (a threshold is reached *at* its value)."""
    current, nxt = prog.base_tier, None
    for tier in prog.tiers:
        if qualifying >= tier.threshold:
            current = tier.name
        else:
            nxt = tier
            break
    return TierStatus(current, qualifying, nxt.name if nxt else None,
                      nxt.threshold if nxt else None)


_EURO = {"AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU",
         "LV", "MT", "NL", "PT", "SI", "SK"}
_REGION_CURRENCY = {"US": "USD", "GB": "GBP", "CA": "CAD", "AU": "AUD", "MX": "MXN",
                    "CH": "CHF", "PL": "PLN", "JP": "JPY", "DK": "DKK", "SE": "SEK", "NO": "NOK"}


def default_currency() -> str:
    """Until the programme is set up: the currency of the book's default phone region."""
    region = settings.default_region()
    return "EUR" if region in _EURO else _REGION_CURRENCY.get(region, "USD")


def programme() -> Programme:
    raw = settings.get("loyalty_programme")
    prog = Programme(currency=default_currency())
    if not raw:
        return prog
    try:
        spec = json.loads(raw)
        prog = Programme(
            currency=str(spec.get("currency", prog.currency)),
            points_per_unit=Decimal(str(spec.get("points_per_unit", "1"))),
            base_tier=str(spec.get("base_tier", prog.base_tier)),
            tiers=[Tier(str(n), int(t)) for n, t in spec.get("tiers", [])],
            tier_window_months=int(spec.get("tier_window_months", 12)),
            expiry_months=int(spec.get("expiry_months", 24)),
        )
    except (ValueError, TypeError, InvalidOperation, AttributeError):
        return Programme()  # a damaged setting falls back to the defaults
    return prog


def save_programme(prog: Programme) -> None:
    access.require("settings")
    prog.base_tier = prog.base_tier.strip()
    prog.tiers = [Tier(t.name.strip(), t.threshold) for t in prog.tiers]
    prog.currency = prog.currency.strip().upper()
    found = prog.problems()
    if found:
        raise LoyaltyError(" ".join(found))
    settings.put("loyalty_programme", json.dumps({
        "currency": prog.currency, "points_per_unit": str(prog.points_per_unit),
        "base_tier": prog.base_tier, "tiers": [[t.name, t.threshold] for t in prog.tiers],
        "tier_window_months": prog.tier_window_months, "expiry_months": prog.expiry_months,
    }, ensure_ascii=False))


def parse_amount(text: str) -> int:
    """An amount of a purchase → cents, by the one strict money parser (validation)."""
    from crmdesk.services.validation import InvalidValue, parse_money

    try:
        return parse_money(text, max_cents=MAX_AMOUNT_CENTS)
    except InvalidValue as exc:
        raise LoyaltyError(str(exc)) from exc


def parse_points_per_unit(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation as exc:
        raise LoyaltyError(translate(
            "loyalty_programme", "“{text}” is not a number of points.").format(text=text)) from exc
    if not value.is_finite() or math.isnan(float(value)):
        raise LoyaltyError(translate(
            "loyalty_programme", "“{text}” is not a number of points.").format(text=text))
    return value


# --- rewards catalogue --------------------------------------------------------------------
@dataclass
class RewardInfo:
    id: int
    name: str
    points_cost: int
    active: bool
    name_es: str = ""  # its name for Spanish clients ('' : `name`)

    def name_in(self, language: str) -> str:
        """The reward's name as a client speaking `language` reads it."""
        return self.name_es if language == "es" and self.name_es else self.name


def rewards(active_only: bool = False) -> list[RewardInfo]:
    query = Reward.select().order_by(Reward.points_cost, Reward.name)
    if active_only:
        query = query.where(Reward.active == True)  # noqa: E712 - Peewee expression
    return [RewardInfo(r.id, r.name, r.points_cost, bool(r.active), r.name_es or "")
            for r in query]


def find_reward(name: str) -> RewardInfo | None:
    row = Reward.get_or_none(peewee.fn.lower(Reward.name) == name.strip().lower())
    return (RewardInfo(row.id, row.name, row.points_cost, bool(row.active), row.name_es or "")
            if row else None)


def save_rewards(items: list[RewardInfo]) -> None:
    """Replace the catalogue with `items` (id 0 = new) in one transaction.

    Removing a reward from the catalogue does not touch the ledger, which keeps its name.
    """
    access.require("settings")
    names = [r.name.strip() for r in items]
    if any(not n for n in names):
        raise LoyaltyError(translate("loyalty_programme", "Every reward needs a name."))
    if len({n.casefold() for n in names}) != len(names):
        raise LoyaltyError(translate("loyalty_programme", "Two rewards have the same name."))
    if any(not 0 < r.points_cost <= MAX_POINTS for r in items):
        raise LoyaltyError(translate("loyalty_programme", "A reward must cost at least 1 point."))
    with db.atomic():
        keep = [r.id for r in items if r.id]
        Reward.delete().where(Reward.id.not_in(keep) if keep else True).execute()
        # Two passes so that swapping names between rows never trips the unique index.
        for r in items:
            if r.id:
                Reward.update(name=f"\u2060swap {r.id}").where(Reward.id == r.id).execute()
        for r in items:
            if r.id:
                Reward.update(name=r.name.strip(), points_cost=r.points_cost,
                              active=r.active, name_es=r.name_es.strip()
                              ).where(Reward.id == r.id).execute()
            else:
                Reward.create(name=r.name.strip(), points_cost=r.points_cost, active=r.active,
                              name_es=r.name_es.strip())

