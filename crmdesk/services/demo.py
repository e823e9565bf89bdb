"""A demo book that makes a good first impression: clients from five countries whose
names, addresses, phones, e-mail domains, companies and languages belong together; a
relationship type and a stage that fit their segment (VIP clients are served in person,
prospects have not converted yet); a life story (age, occupation, a need, the contact about it
and the follow-up it left) that reads well in the profile summary; contacts and follow-ups in
office hours; and a few dozen real duplicates in 2,000 clients (the same person entered twice),
nothing that merely looks like one. Seeded: the same seed gives the same book. Bulk inserts in
one transaction keep 100,000 customers quick."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from crmdesk.services import business, catalog, loyalty_ledger, loyalty_programme, search_index
from crmdesk.services.demo_data import (
    BILINGUAL_NOTE,
    COMPLAINT,
    COUNTRIES,
    DOCTORS,
    INTERESTS,
    LIVES,
    MOVED_HERE,
    NEEDS,
    NICKNAMES,
    NOTES,
    OFFICE_CHANNELS,
    OPENING,
    OWN_LANGUAGE,
    PREFERRED,
    PROSPECT_CONTACTS,
    RELATIONSHIPS,
    ROUTINE,
    SEGMENT_WEIGHTS,
    STAGES,
    TITLES,
    WIN_BACK,
    City,
    Country,
    Names,
    Need,
)
from crmdesk.store.db import db
from crmdesk.store.models import utcnow

T = TypeVar("T")

STAFF = [("Ana Ruiz", "executive"), ("Ben Carter", "executive"), ("Chloé Martin", "manager"),
         ("Dmitri Volkov", "executive"), ("Eve Okafor", "receptionist"),
         ("Farah Haddad", "executive")]
# Office hours, in the book's local time: contacts in person, on the phone or by video, and
# every follow-up, fall on a weekday between these hours.
OFFICE_HOURS = (9, 17)
FOLLOW_UP_SHARE = 0.08

_ASCII = str.maketrans({"'": ""})


def _ascii(name: str) -> str:
    return search_index.fold(name).translate(_ASCII).replace(" ", "")


def _digits(rng: random.Random, pattern: str, letters: str = "") -> str:
    return "".join(str(rng.randint(0, 9)) if ch == "#" else
                   rng.choice(letters) if ch == "@" else ch for ch in pattern)


def _weighted(rng: random.Random, pairs: Sequence[tuple[T, int]]) -> T:
    return rng.choices([k for k, _ in pairs], [w for _, w in pairs])[0]


# About 1 in 70 demo clients is someone already in the book entered a second time (same name,
# perhaps without its accents, and one of their phones or e-mails): what the duplicate finder
# is for. Everyone else has their own name, phones and e-mails.
DUPLICATE_SHARE = 1 / 70
NAME_TRIES = 12


@dataclass(frozen=True)
class _Person:
    """Who someone is, as far as a second entry of them would repeat it."""

    country: Country
    pool: Names
    feminine: bool
    given: str
    family: str
    language: str = ""
    city: City | None = None
    phone: str = ""
    email: str = ""


class _Unique:
    """Names, phones the demo has handed out so far, so that no two demo clients look like
    duplicates by chance: a new name is neither one already used nor one the duplicate finder
    would call similar (same block, rapidfuzz token sort ratio ≥ its cutoff). When the names
    run out (books of more than some 8,000) the first hundred names repeat, each so often
    that the finder ignores it (a name shared by many says nothing about two of them)."""

    POPULAR = 100

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.popular: dict[str, list[_Person]] = {}
        self.blocks: dict[str, list[str]] = {}
        self.phones: set[str] = set()
        self.people: list[_Person] = []
        self.uses: dict[int, int] = {}
        self.filling: dict[str, int] = {}
        self.fallbacks: dict[str, int] = {}
        self.turn = 0

    def name(self, rng: random.Random, country: Country) -> _Person:
        from rapidfuzz import fuzz, process

        from crmdesk.services.duplicates import NAME_CUTOFF

        popular = self.popular.setdefault(country.code, [])
        # Once a country's names have run out, a fresh one is rarely found: try less.
        tries = NAME_TRIES if self.fallbacks.get(country.code, 0) < 200 else 2
        for _ in range(tries):
            pool = _weighted(rng, country.names)
            feminine = rng.random() < 0.5
            given = rng.choice(pool.feminine if feminine else pool.masculine)
            family = rng.choice(pool.family)
            if pool.two_surnames and rng.random() < 0.9:
                second = rng.choice(pool.family)
                if second != family:
                    family = f"{family} {second}"
            g, f = search_index.fold(given), search_index.fold(family)
            folded, block = f"{g} {f}", f"{f[:3]}|{g[:1]}"
            if folded in self.names:
                continue
            near = self.blocks.setdefault(block, [])
            if process.extractOne(folded, near, scorer=fuzz.token_sort_ratio,
                                  score_cutoff=NAME_CUTOFF) is None:
                self.names.add(folded)
                near.append(folded)
                person = _Person(country, pool, feminine, given, family)
                if len(popular) < self.POPULAR:
                    popular.append(person)
                return person
        self.fallbacks[country.code] = self.fallbacks.get(country.code, 0) + 1
        return self._again(popular) if popular else _Person(country, pool, feminine, given,
                                                            family)

    def _again(self, popular: list[_Person]) -> _Person:
        """The names have run out: repeat a popular one, taking each past the duplicate
        finder's common-name mark before starting the next (so that only a handful of pairs
        ever rest on a name alone), then all of them in turn."""
        from crmdesk.services.duplicates import COMMON_NAME

        code = popular[0].country.code
        at = self.filling.get(code, 0)  # the first popular name not yet past the mark
        while at < len(popular) and self.uses.get(id(popular[at]), 1) > COMMON_NAME:
            at += 1
        self.filling[code] = at
        if at < len(popular):
            person = popular[at]
            self.uses[id(person)] = self.uses.get(id(person), 1) + 1
            return person
        self.turn += 1
        return popular[self.turn % len(popular)]

    def phone(self, rng: random.Random, patterns: Sequence[str]) -> str:
        for _ in range(20):
            number = _digits(rng, rng.choice(patterns))
            if number not in self.phones:
                break
        self.phones.add(number)
        return number


class _Clock:
    """Office hours in the book's local time (what the window shows), turned into UTC."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now
        self.zone = now.astimezone().tzinfo

    def office(self, rng: random.Random, moment: dt.datetime, forward: bool = False
               ) -> dt.datetime:
        """A time in office hours on the working day of `moment` (or the one before it; after
        it when `forward`), never later than now unless `forward`."""
        day = moment.astimezone(self.zone).date()
        step = dt.timedelta(days=1 if forward else -1)
        while True:
            while day.weekday() >= 5:
                day += step
            start, end = OFFICE_HOURS
            when = dt.datetime.combine(
                day, dt.time(rng.randint(start, end - 1), rng.choice((0, 15, 30, 45))),
                tzinfo=self.zone).astimezone(dt.UTC)
            if forward or when <= self.now:
                return when
            day -= dt.timedelta(days=1)

    def next_open(self, moment: dt.datetime) -> dt.datetime:
        """`moment` if the office is open then, else the next opening (a call-back time)."""
        local = moment.astimezone(self.zone)
        start, end = OFFICE_HOURS
        if local.weekday() < 5 and start <= local.hour < end:
            return moment
        day = local.date() + dt.timedelta(days=0 if local.hour < start else 1)
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        return dt.datetime.combine(day, dt.time(start, 5 + moment.minute % 50),
                                   tzinfo=self.zone).astimezone(dt.UTC)


def build_demo(count: int, seed: int = 1,
               progress: Callable[[int, int], bool] | None = None) -> int:
    """Add `count` demo customers to the open book in one transaction (and the points that
    expired by now in a second one); returns how many.

    `progress(done, total)` may return False to cancel (nothing is kept then).
    """
    rng = random.Random(seed)
    conn = db.connection()
    now = utcnow()
    today = dt.date.today()
    # The statement journals of the bulk inserts (one per row the triggers still fire on) in
    # memory, not in temporary files: 10,000 customers 12.9 s → 10.2 s, system time 3.5 s
    # → 0.6 s (measured).
    conn.execute("PRAGMA temp_store = MEMORY")
    try:
        if not _build(conn, count, seed, rng, now, today, progress):
            return 0  # cancelled: nothing kept
    finally:
        conn.execute("PRAGMA temp_store = DEFAULT")
    # Fold the big transaction into the book now, rather than leave a WAL of hundreds of MB
    # for the next start to read through.
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return count


def _build(conn: sqlite3.Connection, count: int, seed: int, rng: random.Random,
           now: dt.datetime, today: dt.date,
           progress: Callable[[int, int], bool] | None) -> int:
    from crmdesk.store import migration_funnel, migrations

    with db.atomic() as txn:
        # A bulk load: the per-row triggers keeping last contact / next follow-up are off
        # for this transaction only (recreated before it commits, so no other connection
        # ever sees the book without them) and the figures are computed once at the end.
        for trigger, _sql in migrations.CONTACT_TRIGGERS:
            conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        funnel_steps = migration_funnel.present(db)  # the funnel's steps: once, at the end
        if funnel_steps:
            migration_funnel.drop_triggers(db)
        for name, role in STAFF:
            conn.execute("INSERT OR IGNORE INTO staff (name, role, active, created_at) "
                         "VALUES (?, ?, 1, ?)", (name, role, now.strftime("%Y-%m-%dT%H:%M:%SZ")))
        marks = ",".join("?" * len(STAFF))
        demo_staff = list(conn.execute(f"SELECT id, role FROM staff WHERE name IN ({marks}) "
                                       "AND active ORDER BY id", [n for n, _ in STAFF]))
        staff = _Staff([i for i, _ in demo_staff],
                       [i for i, role in demo_staff if role in ("executive", "manager")])
        clock = _Clock(now)
        next_id = (conn.execute("SELECT coalesce(max(id), 0) FROM customer").fetchone()[0]) + 1
        chunk = 5000
        first_interaction = conn.execute(
            "SELECT coalesce(max(id), 0) FROM interaction").fetchone()[0]
        loyalty = _LoyaltyPlan(random.Random(seed + 1), loyalty_programme.programme().currency,
                               _Counter(conn.execute(
                                   "SELECT coalesce(max(id), 0) FROM purchase").fetchone()[0]))
        _demo_programme()
        unique = _Unique()
        for start in range(0, count, chunk):
            rows = [_one(rng, next_id + i, staff, clock, today, loyalty, unique)
                    for i in range(start, min(count, start + chunk))]
            _insert(conn, rows)
            if progress is not None and not progress(min(count, start + chunk), count):
                txn.rollback()
                return 0
        conn.execute("INSERT INTO interaction_fts (rowid, subject, notes, outcome) "
                     "SELECT id, subject, notes, outcome FROM interaction WHERE id > ?",
                     (first_interaction,))
        conn.execute("UPDATE customer SET last_contact_at = (SELECT max(happened_at) FROM "
                     "interaction i WHERE i.customer_id = customer.id), next_follow_up_at = "
                     "(SELECT min(due_at) FROM follow_up f WHERE f.customer_id = customer.id "
                     "AND f.status = 'open') WHERE id >= ?", (next_id,))
        for _trigger, sql in migrations.CONTACT_TRIGGERS:
            conn.execute(sql)
        if funnel_steps:
            migration_funnel.rebuild(db)
            migration_funnel.create_triggers(db)
    # The points that expired, once the customers are in: its own transaction, not a
    # savepoint inside the big one (there each entry's statement journal could not be let go
    # until the savepoint ended: 40,000 customers 14.7 s, a million over two hours).
    loyalty_ledger.expire_due(now)
    return count


@dataclass
class _DemoCustomer:
    """One generated customer: its `customer` row and the rows of its child tables."""

    id: int
    row: tuple[object, ...]
    name: str
    company: str
    notes: str
    emails: list[tuple[str, str]]
    phones: list[tuple[str, str]]
    address: tuple[str, str, str, str, str]
    consents: list[tuple[str, str]]
    tags: list[str]
    interactions: list[tuple[object, ...]]
    follow_ups: list[tuple[object, ...]]
    moves: list[tuple[object, ...]]
    purchases: list[tuple[object, ...]] = field(default_factory=list)
    points: list[tuple[object, ...]] = field(default_factory=list)


@dataclass(frozen=True)
class _Staff:
    everyone: list[int]
    advisers: list[int]  # executives and managers: who may own a client


def _one(rng: random.Random, cid: int, staff: _Staff, clock: _Clock, today: dt.date,
         loyalty: _LoyaltyPlan | None = None, unique: _Unique | None = None) -> _DemoCustomer:
    unique = unique or _Unique()
    now = clock.now
    twin = rng.choice(unique.people) if unique.people and rng.random() < DUPLICATE_SHARE \
        else None
    if twin is None:
        person = unique.name(rng, _weighted(rng, COUNTRIES))
        country, pool = person.country, person.pool
        language = pool.language if pool.language and pool.language != country.language \
            and rng.random() < OWN_LANGUAGE else country.language
        city = rng.choice(country.cities)
    else:  # someone entered again: perhaps typed without the accents
        person, country, pool = twin, twin.country, twin.pool
        language, city = twin.language, twin.city or country.cities[0]
    given, family, feminine = person.given, person.family, person.feminine
    if twin is not None and rng.random() < 0.5:
        given, family = search_index.fold(given).title(), search_index.fold(family).title()
    life = rng.choice(LIVES)
    if life.situation == MOVED_HERE and pool is country.names[0][0]:
        life = rng.choice(LIVES)  # mostly those whose family came from elsewhere
    age = rng.randint(*life.ages)
    born = today - dt.timedelta(days=age * 365 + age // 4 + rng.randint(0, 364))
    birthday = born.isoformat() if rng.random() < 0.85 else None
    occupation = rng.choice(life.occupations)
    preferred = NICKNAMES.get(given, "") if rng.random() < 0.5 else ""
    segment = _weighted(rng, SEGMENT_WEIGHTS)
    relationship = _weighted(rng, RELATIONSHIPS[segment])
    stage = _weighted(rng, STAGES[segment])
    personal = relationship in ("exclusive", "personal", "co_creation")
    owner = rng.choice(staff.advisers) if staff.advisers and (
        personal or rng.random() < 0.5) else None
    created = now - dt.timedelta(days=rng.randint(30, 5 * 365), seconds=rng.randint(0, 86399))
    if stage in ("knowledge", "acquisition"):  # prospects are recent
        created = now - dt.timedelta(days=rng.randint(3, 300), seconds=rng.randint(0, 86399))
    updated = min(now, created + dt.timedelta(days=rng.randint(0, 400)))

    landlines = city.phones
    phones = [("mobile", unique.phone(rng, country.mobiles or landlines))]
    if rng.random() < 0.25:
        phones.append(("home", unique.phone(rng, landlines)))
    emails = [("home", f"{_ascii(given)}.{_ascii(family)}{cid}@{rng.choice(country.domains)}")]
    if twin is not None:  # the same mobile, or the same e-mail, as the first time
        if rng.random() < 0.5:
            phones[0] = ("mobile", twin.phone)
        else:
            emails[0] = ("home", twin.email)
    else:
        unique.people.append(_Person(country, pool, feminine, given, family, language, city,
                                     phones[0][1], emails[0][1]))
    company = ""
    if occupation == "Entrepreneur" or (occupation not in ("Student", "Retired")
                                        and rng.random() < 0.45):
        company = rng.choice(country.companies)
        if rng.random() < 0.5:
            domain = "".join(ch for ch in _ascii(company) if ch.isalnum())[:12] or "work"
            emails.append(("work", f"{_ascii(given)}{cid}@{domain}.example"))
    need_key = rng.choice(life.needs) if rng.random() < 0.85 else ""
    need = NEEDS.get(need_key)
    interest, interest_tag = rng.choice(INTERESTS)
    notes = rng.choice(NOTES)
    if language != country.language or (pool.language == "es" and country.language == "en"
                                        and rng.random() < 0.5):
        notes = BILINGUAL_NOTE
    fem_titles, masc_title, doctor = TITLES.get(language, TITLES["en"])
    if occupation in DOCTORS and (feminine or language == "en"):
        salutation = doctor
    else:
        salutation = rng.choice(fem_titles) if feminine else masc_title
    informal = rng.random() < (0.6 if age < 30 else 0.2)
    moves, since = _history(rng, cid, stage, created, now, staff.advisers)
    row: tuple[object, ...] = (
        cid, given, family, preferred, salutation, "informal" if informal else "formal",
        birthday, life.situation, interest, need.text if need else "", occupation, company,
        rng.choice(PREFERRED[relationship]), rng.choice(life.best_times), language, segment,
        relationship, owner, notes, stage, search_index.sort_name(given, family),
        _stamp(created), _stamp(updated), since)
    consented = [ch for ch in ("email", "phone", "sms", "post") if rng.random() < 0.4]
    tags = {t for t in (interest_tag if rng.random() < 0.5 else "",
                        need.tag if need and rng.random() < 0.6 else "",
                        rng.choice(("newsletter", "referral", "charity"))
                        if rng.random() < 0.3 else "") if t}
    number = rng.randint(1, 250)
    if country.number_first:
        street = f"{number} {rng.choice(city.streets)}"
    else:
        street = f"{rng.choice(city.streets)}, {number}"
        if rng.random() < 0.5:
            street += f", {rng.randint(1, 8)}º {rng.choice('ABCD')}"
    pronouns = {"pos": "her" if feminine else "his", "sub": "she" if feminine else "he",
                "obj": "her" if feminine else "him"}
    customer = _DemoCustomer(
        id=cid, row=row, name=f"{given} {family} {preferred}",
        company=f"{occupation} {company}", notes=notes, emails=emails, phones=phones,
        address=(street, city.name, city.region,
                 _digits(rng, city.postcode, country.postcode_letters), country.code),
        consents=[(ch, (created.date() + dt.timedelta(days=rng.randint(0, 30))).isoformat())
                  for ch in consented if created.date() <= today],
        tags=sorted(tags),
        interactions=_interactions(rng, cid, segment, stage, relationship, owner, staff,
                                   clock, created,
                                   moves, need, pronouns),
        follow_ups=_follow_ups(rng, cid, stage, owner, staff, clock, need),
        moves=moves,
    )
    if loyalty is not None:
        _loyalty(loyalty, customer, segment, stage, created, now)
    return customer


DEMO_REWARDS = [("Coffee with your adviser", 250), ("Priority appointment", 1_000),
                ("Gift card", 2_500), ("Concert for two", 5_000), ("Spa day", 8_000)]


def _demo_programme() -> None:
    """A rewards catalogue and a letterhead, unless the book already has its own."""
    if not loyalty_programme.rewards():
        loyalty_programme.save_rewards([loyalty_programme.RewardInfo(0, name, cost, True)
                                        for name, cost in DEMO_REWARDS])
    current = business.load()
    if not current.name:
        business.save(business.Business(
            "Northwind Private Clients", "12 Harbour Street\nSuite 400\nBoston, MA 02110\n"
            "+1 617 555 0100 · clients@northwind.example", current.logo))


@dataclass
class _LoyaltyPlan:
    """Its own random stream, so the rest of a demo book is the same with or without it."""

    rng: random.Random
    currency: str
    purchase_ids: _Counter


PURCHASES = {"VIP": (6, 18, 200_00, 4_000_00), "Premium": (3, 10, 50_00, 1_500_00),
             "Standard": (1, 6, 10_00, 400_00), "Prospect": (0, 2, 10_00, 150_00)}
ITEMS = ["Advisory fee", "Safe deposit box", "Travel insurance", "Wine club", "Gift card",
         "Watch service", "Concert tickets", "Annual membership", "Portfolio report", ""]


class _Counter:
    def __init__(self, start: int):
        self.value = start

    def next(self) -> int:
        self.value += 1
        return self.value


def _loyalty(plan: _LoyaltyPlan, person: _DemoCustomer, segment: str, stage: str,
             created: dt.datetime, now: dt.datetime) -> None:
    """Purchases (each earning a point per currency unit), the odd bonus and redemption."""
    rng, currency, purchase_ids = plan.rng, plan.currency, plan.purchase_ids
    if stage in ("knowledge", "acquisition"):
        return
    low, high, least, most = PURCHASES.get(segment, PURCHASES["Standard"])
    span = max(1, int((now - created).total_seconds()))
    balance = 0
    for when in sorted(created + dt.timedelta(seconds=rng.randint(0, span))
                       for _ in range(rng.randint(low, high))):
        pid = purchase_ids.next()
        cents = rng.randint(least, most)
        stamp = _stamp(when)
        person.purchases.append((pid, person.id, when.date().isoformat(), cents, currency,
                                 rng.choice(ITEMS), stamp))
        person.points.append((person.id, "earn", cents // 100, stamp, pid, "", "", stamp))
        balance += cents // 100
        if rng.random() < 0.08:
            person.points.append((person.id, "bonus", 250, stamp, None, "",
                                  "Thank you for recommending us", stamp))
            balance += 250
        if balance > 1_000 and rng.random() < 0.15:
            later = _stamp(min(now, when + dt.timedelta(days=rng.randint(1, 40))))
            person.points.append((person.id, "redeem", -1_000, later, None,
                                  "Priority appointment", "", later))
            balance -= 1_000


def _history(rng: random.Random, cid: int, stage: str, created: dt.datetime,
             now: dt.datetime, staff_ids: list[int]) -> tuple[list[tuple[object, ...]], str]:
    """The moves that brought a customer from Knowledge to `stage`, spread over their life."""
    keys = [k for k, _ in catalog.STAGES]
    path = keys[: keys.index(stage) + 1]
    span = (now - created).total_seconds()
    times = sorted(rng.uniform(0, span) for _ in path[1:])
    moves: list[tuple[object, ...]] = []
    since = _stamp(created)
    for (a, b), offset in zip(itertools.pairwise(path), times, strict=True):
        moment = created + dt.timedelta(seconds=offset)
        stay = int((moment - _parse_stamp(since)).total_seconds())
        when = _stamp(moment)
        moves.append((cid, a, b, when, since, stay, rng.choice(staff_ids) if staff_ids else None,
                      ""))
        since = when
    return moves, since


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_stamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _interactions(rng: random.Random, cid: int, segment: str, stage: str,
                  relationship: str, owner: int | None,
                  staff: _Staff, clock: _Clock, created: dt.datetime,
                  moves: list[tuple[object, ...]], need: Need | None,
                  pronouns: dict[str, str]) -> list[tuple[object, ...]]:
    """The client's story: getting to know us, the account opening, routine contacts of their
    relationship type, the talk about their need, now and then a complaint, and a win-back
    call for those being reactivated. Inbound contacts are answered in office hours."""
    now = clock.now
    moved = {str(m[2]): _parse_stamp(str(m[3])) for m in moves}
    opened = moved.get("conversion")
    plan: list[tuple[tuple[str, str, str, str], dt.datetime]] = []

    def between(start: dt.datetime, end: dt.datetime) -> dt.datetime:
        return start + dt.timedelta(seconds=rng.randint(0, max(1, int((end - start)
                                                                      .total_seconds()))))

    before = opened or now
    for _ in range(rng.choice([0, 1, 1, 2] if opened is None else [0, 0, 1])):
        plan.append((rng.choice(PROSPECT_CONTACTS), between(created, before)))
    if opened is not None:
        plan.append((OPENING, opened))
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            plan.append((rng.choice(ROUTINE[relationship]), between(opened, now)))
        keep_up = catalog.DEFAULT_CADENCE.get(segment)
        if keep_up and stage != "reactivation" and rng.random() < 0.9:
            # VIP and Premium clients hear from their adviser as often as the book expects
            # (a few stay on the "gone quiet" list, to show what it is for).
            recent = now - dt.timedelta(days=rng.uniform(0.5, keep_up - 1))
            plan.append((rng.choice(ROUTINE[relationship]), max(opened, recent)))
        if need is not None and rng.random() < 0.8:
            plan.append((need.contact, between(opened + (now - opened) / 2, now)))
        if rng.random() < 0.05:
            plan.append((COMPLAINT, between(opened, now)))
        if "reactivation" in moved:
            plan.append((WIN_BACK, moved["reactivation"]))
    rows: list[tuple[object, ...]] = []
    opened_at = clock.office(rng, opened) if opened is not None else None
    for (channel, subject, note, outcome), moment in plan:
        if subject == OPENING[1] and opened_at is not None:
            when = opened_at
        else:
            when = clock.office(rng, moment) if channel in OFFICE_CHANNELS \
                else min(moment, now)
            # Office hours moved it across the account opening: leave it out, so that the
            # story keeps its order (getting to know us, the opening, the rest).
            if opened is not None and opened_at is not None and \
                    (moment < opened) != (when < opened_at):
                continue
        if channel == "automated":
            who = None
        elif owner is not None and rng.random() < (0.95 if relationship == "exclusive"
                                                   else 0.75):
            who = owner
        else:
            who = rng.choice(staff.everyone) if staff.everyone else None
        # Meetings and video calls are ours to arrange; clients call, write and chat.
        inbound = channel not in ("automated", "letter", "in_person", "video") and \
            subject != WIN_BACK[1] and rng.random() < 0.5
        text = note.format(**pronouns)
        rows.append((cid, who, channel, "in" if inbound else "out", _stamp(when),
                     rng.choice([5, 10, 20, 45]) if channel in OFFICE_CHANNELS else None,
                     subject, text, outcome,
                     rng.choice([None, None, 3, 4, 5]) if channel != "automated" else None,
                     _stamp(when)))
        delay = dt.timedelta(minutes=rng.choice([10, 25, 40, 90, 180, 300, 24 * 60, 2 * 1440]))
        answer = clock.next_open(when + delay)
        # What a client asks by message or in a call is answered a little later, by phone.
        if inbound and answer < now and rng.random() < 0.95:
            rows.append((cid, who, "phone", "out", _stamp(answer), 10, f"Re: {subject}",
                         "Called back with the answer.", outcome, None, _stamp(answer)))
    return rows


PROSPECT_TASKS = ("Send the brochure and the fee table", "Call back after the first meeting",
                  "Invite to the next client evening")


def _follow_ups(rng: random.Random, cid: int, stage: str, owner: int | None, staff: _Staff,
                clock: _Clock, need: Need | None) -> list[tuple[object, ...]]:
    """Now and then something to do for the client: due on a working day in office hours,
    a few overdue, most in the next two weeks."""
    if rng.random() > FOLLOW_UP_SHARE:
        return []
    now = clock.now
    # A few overdue, some today, most in the next two weeks.
    days = rng.choices([rng.randint(-4, -1), 0, rng.randint(1, 14)], [20, 15, 65])[0]
    due = clock.office(rng, now + dt.timedelta(days=days), forward=True)
    status = "done" if due < now and rng.random() < 0.6 else "open"
    if stage in ("knowledge", "acquisition") or need is None:
        what = rng.choice(PROSPECT_TASKS) if stage in ("knowledge", "acquisition") \
            else "Book the annual review"
    else:
        what = need.task
    who = owner if owner is not None else (rng.choice(staff.advisers) if staff.advisers
                                           else None)
    created = min(due, now) - dt.timedelta(days=rng.randint(1, 20))
    return [(cid, who, what, _stamp(due), int(rng.random() < 0.3), status,
             _stamp(clock.office(rng, now)) if status == "done" else None, _stamp(created))]


def _insert(conn: sqlite3.Connection, rows: list[_DemoCustomer]) -> None:
    cur = conn.cursor()
    cur.executemany(
        """INSERT INTO customer (id, given_name, family_name, preferred_name, salutation,
           address_form, birthday, life_situation, interests, needs, occupation, company,
           preferred_channel, best_time, language, segment, relationship_type, owner_id, notes,
           stage, sort_name, created_at, updated_at, stage_since)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        [r.row for r in rows])
    cur.executemany(
        "INSERT INTO customer_email (customer_id, label, address, address_key, position) "
        "VALUES (?,?,?,?,?)",
        [(r.id, label, addr, addr.casefold(), i)
         for r in rows for i, (label, addr) in enumerate(r.emails)])
    cur.executemany(
        "INSERT INTO customer_phone (customer_id, label, e164, position) VALUES (?,?,?,?)",
        [(r.id, label, num, i) for r in rows for i, (label, num) in enumerate(r.phones)])
    cur.executemany(
        "INSERT INTO customer_address (customer_id, label, street, city, region, postcode, "
        "country, position) VALUES (?,'home',?,?,?,?,?,0)",
        [(r.id, *r.address) for r in rows])
    cur.executemany(
        "INSERT INTO customer_consent (customer_id, channel, given_on) VALUES (?,?,?)",
        [(r.id, ch, day) for r in rows for ch, day in r.consents])
    cur.executemany(
        "INSERT INTO customer_tag (customer_id, tag) VALUES (?,?)",
        [(r.id, t) for r in rows for t in r.tags])
    cur.executemany(
        "INSERT INTO stage_change (customer_id, from_stage, to_stage, changed_at, from_since, "
        "stay_seconds, staff_id, reason) VALUES (?,?,?,?,?,?,?,?)",
        [m for r in rows for m in r.moves])
    cur.executemany(
        "INSERT INTO interaction (customer_id, staff_id, channel, direction, happened_at, "
        "duration_min, subject, notes, outcome, satisfaction, created_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?)", [i for r in rows for i in r.interactions])
    cur.executemany(
        "INSERT INTO follow_up (customer_id, assignee_id, what, due_at, is_promise, status, "
        "completed_at, created_at) VALUES (?,?,?,?,?,?,?,?)",
        [f for r in rows for f in r.follow_ups])
    cur.executemany(
        "INSERT INTO purchase (id, customer_id, purchased_on, amount_cents, currency, "
        "description, created_at) VALUES (?,?,?,?,?,?,?)", [p for r in rows for p in r.purchases])
    cur.executemany(
        "INSERT INTO points_entry (customer_id, kind, points, happened_at, purchase_id, reward, "
        "reason, created_at) VALUES (?,?,?,?,?,?,?,?)", [e for r in rows for e in r.points])
    cur.executemany(
        "INSERT INTO customer_fts (rowid, name, emails, phones, company, tags, notes) "
        "VALUES (?,?,?,?,?,?,?)",
        [(r.id, r.name, " ".join(a for _, a in r.emails),
          " ".join(search_index.phone_tokens(n) for _, n in r.phones), r.company,
          " ".join(r.tags), r.notes) for r in rows])
    search_index.write_phone_search(
        [(r.id, " ".join(search_index.phone_tokens(n) for _, n in r.phones)) for r in rows])
