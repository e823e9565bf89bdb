"""Everything a loyalty statement prints, gathered from the book as plain data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from crmdesk.services import business as business_settings
from crmdesk.services import greeting, loyalty_ledger
from crmdesk.services.customers import CustomerData, PostalAddress
from crmdesk.services.loyalty_programme import (
    Programme,
    RewardInfo,
    programme,
    rewards,
    tier_for,
)
from crmdesk.services.periods import Period
from crmdesk.store.db import db
from crmdesk.store.models import utcnow


@dataclass
class StatementLine:
    day: dt.date
    description: str
    points: int
    balance: int


@dataclass
class StatementData:
    customer_id: int
    language: str
    full_name: str
    greeting: str
    address_lines: list[str]
    period: Period
    issued: dt.date
    business_name: str
    business_lines: list[str]
    logo: bytes
    opening: int
    lines: list[StatementLine]
    closing: int
    tier: str
    qualifying: int
    next_tier: str | None
    to_next: int
    progress: float
    tier_window_months: int
    expiring: int
    expiring_by: dt.date | None
    affordable: list[tuple[str, int]] = field(default_factory=list)
    next_reward: tuple[str, int] | None = None
    tiered: bool = False  # above the programme's starting tier
    gender: str = ""  # "f", "m" or "" (unknown): the Spanish words agree with it

    @property
    def earned(self) -> int:
        return sum(line.points for line in self.lines if line.points > 0)

    @property
    def used(self) -> int:
        return -sum(line.points for line in self.lines if line.points < 0)

    @property
    def title(self) -> str:
        word = "Extracto de puntos" if self.language == "es" else "Loyalty statement"
        return f"{word} {self.period.label(self.language)} – {self.full_name}"


@dataclass
class BatchContext:
    """What every statement of a batch shares: read once."""

    programme: Programme
    rewards: list[RewardInfo]
    business: business_settings.Business
    logo: bytes
    now: dt.datetime
    #: every reward's Spanish name by its name (withdrawn ones too: the history names them)
    spanish_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, now: dt.datetime | None = None) -> BatchContext:
        biz = business_settings.load()
        logo = business_settings.printable_logo(biz.logo or business_settings.default_logo())
        names = {r.name.casefold(): r.name_es for r in rewards() if r.name_es}
        return cls(programme(), rewards(active_only=True), biz, logo, now or utcnow(), names)


def postal_address(data: CustomerData) -> PostalAddress | None:
    """The address to print: the one labelled postal, else home, else the first."""
    usable = [a for a in data.addresses if not a.is_blank()]
    for label in ("postal", "home"):
        for address in usable:
            if address.label == label:
                return address
    return usable[0] if usable else None


def address_block(data: CustomerData, contact: CustomerData | None = None) -> list[str]:
    """Name and postal address, as on an envelope (an organisation: its name, then the
    contact person the letter is for, greeting.attention_line)."""
    if data.kind == "organisation":
        name = data.given_name or data.company
    else:
        name = " ".join(p for p in (data.salutation.strip(), data.given_name, data.family_name)
                        if p)
    lines = [name or data.display_name]
    from crmdesk.services.greeting import attention_line

    lines.append(attention_line(data, contact))
    address = postal_address(data)
    if address is not None:
        from crmdesk.services import address_format

        lines += address_format.lines(address)  # as the client's country writes addresses
    return [line for line in lines if line]


def _person(cid: int) -> CustomerData:
    """Just what a statement prints about the person (lighter than a whole profile)."""
    row = db.execute_sql(
        "SELECT given_name, family_name, preferred_name, salutation, address_form, language, "
        "kind FROM customer WHERE id = ?", (cid,)).fetchone()
    if row is None:
        raise LookupError(f"There is no customer {cid} in this book.")
    addresses = [PostalAddress(*a) for a in db.execute_sql(
        "SELECT label, street, city, region, postcode, country FROM customer_address "
        "WHERE customer_id = ? ORDER BY position", (cid,))]
    return CustomerData(given_name=row[0], family_name=row[1], preferred_name=row[2],
                        salutation=row[3], address_form=row[4], language=row[5],
                        addresses=addresses, id=cid, kind=row[6] or "person")


def gather(cid: int, period: Period, ctx: BatchContext) -> StatementData:
    """The statement of customer `cid` for `period`, as the book stands now."""
    data = _person(cid)
    contact = greeting.addressee(data)
    language = "es" if data.language == "es" else "en"
    opening, entries = loyalty_ledger.ledger(cid, period.start_utc(), period.end_utc())
    if language == "es" and ctx.spanish_names:  # a reward chosen: named as the client reads
        entries = [replace(e, reward=ctx.spanish_names.get(e.reward.casefold(), e.reward))
                   if e.kind == "redeem" else e for e in entries]
    lines = [StatementLine(e.when.astimezone().date(), e.describe(language), e.points, e.balance)
             for e in entries]
    closing = entries[-1].balance if entries else opening
    as_of = min(ctx.now, period.end_utc())
    prog = ctx.programme
    status = tier_for(loyalty_ledger.qualifying_points(cid, as_of, prog), prog)
    soon, first = loyalty_ledger.expiring(cid, as_of, prog)
    return StatementData(
        customer_id=cid, language=language, gender=greeting.gender(data, contact),
        full_name=data.display_name, greeting=greeting.greeting(data, contact),
        address_lines=address_block(data, contact), period=period,
        issued=ctx.now.astimezone().date(),
        business_name=ctx.business.name, business_lines=ctx.business.address_lines,
        logo=ctx.logo, opening=opening, lines=lines, closing=closing,
        tier=status.tier, qualifying=status.qualifying, next_tier=status.next_tier,
        to_next=status.to_next,
        progress=status.progress, tier_window_months=prog.tier_window_months,
        expiring=soon, expiring_by=first,
        affordable=[(r.name_in(language), r.points_cost) for r in ctx.rewards
                    if r.points_cost <= closing],
        next_reward=next(((r.name_in(language), r.points_cost) for r in ctx.rewards
                          if r.points_cost > closing), None),
        tiered=status.tier != prog.base_tier,
    )

