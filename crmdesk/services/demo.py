"""A realistic, varied demo book: names with accents from several locales, every stage,
segment and relationship type. Bulk inserts in one transaction keep 100,000 customers quick."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from crmdesk.services import business, catalog, loyalty_ledger, loyalty_programme, search_index
from crmdesk.store.db import db
from crmdesk.store.models import utcnow


@dataclass(frozen=True)
class Locale:
    language: str
    feminine: list[str]
    masculine: list[str]
    family: list[str]
    phones: list[str]  # '#' is a random digit
    cities: list[tuple[str, str, str]]  # city, region, country code
    domains: list[str]
    titles: tuple[str, str]  # (feminine, masculine)


LOCALES = [
    Locale("en", ["Mary", "Olivia", "Emma", "Ava", "Sophia", "Charlotte", "Amelia", "Harper",
                  "Evelyn", "Abigail", "Grace", "Chloé", "Zoë", "Victoria", "Hannah", "Nora",
                  "Isabella", "Penelope", "Ruth", "Eleanor"],
           ["James", "Liam", "Noah", "William", "Benjamin", "Lucas", "Henry", "Jack", "Daniel",
            "Michael", "Owen", "Alexander", "Ethan", "Sebastian", "Samuel", "David", "Joseph",
            "Gabriel", "Isaac", "Theodore"],
           ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
            "Anderson", "Taylor", "Moore", "Martin", "Thompson", "White", "Harris", "Clark",
            "O'Brien", "MacDonald", "Walker", "Hall", "Young", "King", "Wright", "Scott",
            "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts",
            "Phillips", "Evans", "Turner", "Parker", "Collins", "Edwards", "Stewart", "Morris",
            "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Bailey", "Reed", "Kelly",
            "Howard", "Ward", "Watson", "Brooks", "Bennett", "Gray", "Hughes", "Price",
            "Fitzgerald", "Sullivan", "Quinn", "Fraser"],
           ["+1905555####", "+1416555####", "+1212555####", "+1617555####", "+1415555####",
            "+447400######"],
           [("Toronto", "ON", "CA"), ("Hamilton", "ON", "CA"), ("New York", "NY", "US"),
            ("Boston", "MA", "US"), ("San Francisco", "CA", "US"), ("London", "", "GB")],
           ["example.com", "mail.example.net", "example.org"], ("Mrs", "Mr")),
    Locale("es", ["Dolores", "María", "Lucía", "Sofía", "Inés", "Begoña", "Nuria", "Águeda",
                  "Pilar", "Rocío", "Concepción", "Ximena"],
           ["José", "Álvaro", "Martín", "Íñigo", "Jesús", "Ramón", "Sergio", "Joaquín",
            "Andrés", "Nicolás"],
           ["Peña", "García", "Fernández", "González", "Rodríguez", "López", "Martínez",
            "Sánchez", "Pérez", "Gómez", "Jiménez", "Ruiz", "Hernández", "Díaz", "Muñoz",
            "Álvarez", "Ibáñez", "Castaño"],
           ["+346########", "+34612######", "+5255########"],
           [("Madrid", "Madrid", "ES"), ("Sevilla", "Andalucía", "ES"),
            ("Bilbao", "País Vasco", "ES"), ("Ciudad de México", "CDMX", "MX")],
           ["correo.example.es", "example.es", "example.com"], ("Sra.", "Sr.")),
    Locale("en", ["Małgorzata", "Zofia", "Agnieszka", "Katarzyna", "Anna", "Joanna", "Ewa",
                  "Barbara", "Magdalena", "Jadwiga"],
           ["Łukasz", "Krzysztof", "Paweł", "Wojciech", "Michał", "Tomasz", "Piotr", "Grzegorz",
            "Jerzy", "Bartosz"],
           ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski",
            "Zieliński", "Woźniak", "Dąbrowski", "Szymański", "Kozłowski", "Jankowski",
            "Mazur", "Krawczyk", "Piotrowski", "Grabowski", "Pawłowski", "Michalski"],
           ["+4850#######", "+4860#######"],
           [("Warszawa", "", "PL"), ("Kraków", "", "PL"), ("Gdańsk", "", "PL")],
           ["example.pl", "example.com"], ("Ms", "Mr")),
    Locale("en", ["Hương", "Ngọc", "Phương", "Thảo", "Chi", "Hà", "Lan", "Mai", "Trang",
                  "Yến", "Linh"],
           ["Minh", "Dũng", "Bảo", "Anh", "Quốc", "Tuấn", "Hùng", "Khoa", "Long", "Việt"],
           ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý"],
           ["+8490#######"],
           [("Hà Nội", "", "VN"), ("Thành phố Hồ Chí Minh", "", "VN"), ("Toronto", "ON", "CA")],
           ["example.vn", "example.com"], ("Ms", "Mr")),
    Locale("en", ["Åsa", "Kirsten", "Ingrid", "Käthe", "Lena", "Hélène", "Gaëlle", "Amélie",
                  "Birgit", "Sigrid", "Élodie", "Margot"],
           ["Søren", "Bjørn", "Jürgen", "Günter", "Maximilian", "François", "Benoît", "Anders",
            "Henrik", "Torsten", "Étienne", "Lars"],
           ["Øster", "Sørensen", "Ødegaard", "Lindqvist", "Johansson", "Müller", "Schröder",
            "Lefèvre", "Dubois", "Lemaître", "Großmann", "Andersson", "Bergström", "Nilsson",
            "Fischer", "Weber", "Wagner", "Becker", "Moreau", "Laurent", "Girard", "Rousseau"],
           ["+4670#######", "+4917#########", "+3361#######"],
           [("Stockholm", "", "SE"), ("Berlin", "", "DE"), ("Paris", "", "FR"),
            ("København", "", "DK")],
           ["example.se", "example.de", "example.fr"], ("Ms", "Mr")),
]
LOCALE_WEIGHTS = [45, 25, 10, 8, 12]

STREETS = ["Main St", "Calle Mayor", "King Street West", "Avenida de la Constitución",
           "ul. Długa", "Bahnhofstraße", "Rue de Rivoli", "Queen St", "Elm Avenue", "Đường Lê Lợi"]
OCCUPATIONS = ["Architect", "Dentist", "Teacher", "Entrepreneur", "Retired", "Lawyer",
               "Software engineer", "Nurse", "Pharmacist", "Chef", "Consultant", "Designer"]
COMPANIES = ["", "", "Acme Corp", "Northwind Traders", "Peña & Hijos S.L.", "Globex",
             "Initech", "Umbrella Health", "Café Ñandú", "Øresund Shipping", "Contoso Ltd"]
LIFE = ["Married, two children", "Recently retired", "Newly married", "Expecting a first child",
        "Widowed, lives alone", "University student", "Children have left home",
        "Moved here from abroad last year", "Single, travels a lot for work", "Caring for parents"]
INTERESTS = ["Golf and red wine", "Opera, classical music", "Sailing", "Modern art",
             "Cooking, Italian food", "Marathon running", "Travel in Asia", "Gardening",
             "Football (season ticket)", "Photography", "Tennis", "Reading crime novels"]
NEEDS = ["Planning for the children's university fees", "Wants lower fees",
         "Buying a first home", "Pension top-up before retirement",
         "Complained about waiting times in branch", "Needs a card with travel insurance",
         "Starting a business next year", "Inheritance to invest", ""]
BEST_TIMES = ["Weekday mornings", "After 6 pm", "Lunchtime", "Saturdays", "Any time", ""]
TAGS = ["golf", "wine", "art", "travel", "family office", "newsletter", "referral", "pensions",
        "mortgage", "startup", "charity", "tennis", "opera", "sailing"]
NOTES = ["Prefers to be called on the mobile.", "Met at the charity gala.",
         "Referred by a long-standing client.", "Allergic to shellfish: no seafood invitations.",
         "Likes a short summary before meetings.", "Speaks English and Spanish.",
         "Asked about sustainable funds.", "Birthday card every year.", ""]
STAFF = [("Ana Ruiz", "executive"), ("Ben Carter", "executive"), ("Chloé Martin", "manager"),
         ("Dmitri Volkov", "executive"), ("Eve Okafor", "receptionist"),
         ("Farah Haddad", "executive")]
SEGMENT_WEIGHTS = [("VIP", 5), ("Premium", 15), ("Standard", 60), ("Prospect", 20)]
RELATIONSHIP_WEIGHTS = [5, 15, 30, 20, 20, 10]
STAGE_WEIGHTS = [15, 15, 15, 25, 25, 5]

NICKNAMES = {"María": "Mari", "José": "Pepe", "Concepción": "Concha", "Jesús": "Chuy",
             "Joaquín": "Quim", "Dolores": "Lola", "Ramón": "Moncho", "Ignacio": "Nacho",
             "William": "Bill",
             "Benjamin": "Ben", "Michael": "Mike", "Daniel": "Dan", "Abigail": "Abby",
             "Charlotte": "Lottie", "Krzysztof": "Krzyś", "Małgorzata": "Gosia",
             "Katarzyna": "Kasia", "Maximilian": "Max", "Wojciech": "Wojtek",
             "Agnieszka": "Aga", "Elizabeth": "Liz", "Lucía": "Lu", "Águeda": "Agui"}

_ASCII = str.maketrans({"'": ""})


def _ascii(name: str) -> str:
    return search_index.fold(name).translate(_ASCII).replace(" ", "")


def _digits(rng: random.Random, pattern: str) -> str:
    return "".join(str(rng.randint(0, 9)) if ch == "#" else ch for ch in pattern)


# About 1 in 70 demo clients is someone already in the book entered a second time (same name,
# perhaps without its accents, and one of their phones or e-mails): what the duplicate finder
# is for. Everyone else has their own name, phones and e-mails.
DUPLICATE_SHARE = 1 / 70
NAME_TRIES = 12


class _Unique:
    """Names, phones the demo has handed out so far, so that no two demo clients look like
    duplicates by chance: a new name is neither one already used nor one the duplicate finder
    would call similar (same block, rapidfuzz token sort ratio ≥ its cutoff). When the names
    run out (books of more than some 8,000) the first hundred names repeat, each so often
    that the finder ignores it (a name shared by many says nothing about two of them)."""

    POPULAR = 100

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.popular: list[tuple[Locale, bool, str, str]] = []
        self.blocks: dict[str, list[str]] = {}
        self.phones: set[str] = set()
        self.people: list[tuple[str, str, bool, Locale, str, str]] = []

    def name(self, rng: random.Random) -> tuple[Locale, bool, str, str]:
        from rapidfuzz import fuzz, process

        from crmdesk.services.duplicates import NAME_CUTOFF

        for _ in range(NAME_TRIES):
            loc = rng.choices(LOCALES, LOCALE_WEIGHTS)[0]
            feminine = rng.random() < 0.5
            given = rng.choice(loc.feminine if feminine else loc.masculine)
            family = rng.choice(loc.family)
            if loc.language == "es" and rng.random() < 0.6:
                family = f"{family} {rng.choice(loc.family)}"
            g, f = search_index.fold(given), search_index.fold(family)
            folded, block = f"{g} {f}", f"{f[:3]}|{g[:1]}"
            if folded in self.names:
                continue
            near = self.blocks.setdefault(block, [])
            if process.extractOne(folded, near, scorer=fuzz.token_sort_ratio,
                                  score_cutoff=NAME_CUTOFF) is None:
                self.names.add(folded)
                near.append(folded)
                if len(self.popular) < self.POPULAR:
                    self.popular.append((loc, feminine, given, family))
                return loc, feminine, given, family
        return rng.choice(self.popular) if self.popular else (loc, feminine, given, family)

    def phone(self, rng: random.Random, loc: Locale) -> str:
        for _ in range(20):
            number = _digits(rng, rng.choice(loc.phones))
            if number not in self.phones:
                break
        self.phones.add(number)
        return number


def build_demo(count: int, seed: int = 1,
               progress: Callable[[int, int], bool] | None = None) -> int:
    """Add `count` demo customers to the open book in one transaction; returns how many.

    `progress(done, total)` may return False to cancel (nothing is kept then).
    """
    rng = random.Random(seed)
    conn = db.connection()
    now = utcnow()
    today = dt.date.today()
    with db.atomic() as txn:
        for name, role in STAFF:
            conn.execute("INSERT OR IGNORE INTO staff (name, role, active, created_at) "
                         "VALUES (?, ?, 1, ?)", (name, role, now.strftime("%Y-%m-%dT%H:%M:%SZ")))
        staff_ids = [r[0] for r in conn.execute(
            "SELECT id FROM staff ORDER BY id LIMIT ?", (len(STAFF),))]
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
            rows = [_one(rng, next_id + i, staff_ids, now, today, loyalty, unique)
                    for i in range(start, min(count, start + chunk))]
            _insert(conn, rows)
            if progress is not None and not progress(min(count, start + chunk), count):
                txn.rollback()
                return 0
        conn.execute("INSERT INTO interaction_fts (rowid, subject, notes, outcome) "
                     "SELECT id, subject, notes, outcome FROM interaction WHERE id > ?",
                     (first_interaction,))
        conn.execute("UPDATE customer SET last_contact_at = (SELECT max(happened_at) FROM "
                     "interaction i WHERE i.customer_id = customer.id) WHERE id >= ?",
                     (next_id,))
        loyalty_ledger.expire_due(now)
    # Fold the big transaction into the book now, rather than leave a WAL of hundreds of MB
    # for the next start to read through.
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
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


def _one(rng: random.Random, cid: int, staff_ids: list[int], now: dt.datetime,
         today: dt.date, loyalty: _LoyaltyPlan | None = None,
         unique: _Unique | None = None) -> _DemoCustomer:
    unique = unique or _Unique()
    twin = rng.choice(unique.people) if unique.people and rng.random() < DUPLICATE_SHARE \
        else None
    if twin is None:
        loc, feminine, given, family = unique.name(rng)
    else:  # someone entered again: perhaps typed without the accents
        given, family, feminine, loc = twin[:4]
        if rng.random() < 0.5:
            given, family = search_index.fold(given).title(), search_index.fold(family).title()
    preferred = NICKNAMES.get(given, "") if rng.random() < 0.6 else ""
    created = now - dt.timedelta(days=rng.randint(0, 5 * 365), seconds=rng.randint(0, 86399))
    updated = min(now, created + dt.timedelta(days=rng.randint(0, 400)))
    city, region, country = rng.choice(loc.cities)
    phones = [("mobile", unique.phone(rng, loc))]
    if rng.random() < 0.25:
        phones.append(("home", unique.phone(rng, loc)))
    emails = [("home", f"{_ascii(given)}.{_ascii(family)}{cid}@{rng.choice(loc.domains)}")]
    if twin is not None:  # the same mobile, or the same e-mail, as the first time
        if rng.random() < 0.5:
            phones[0] = ("mobile", twin[4])
        else:
            emails[0] = ("home", twin[5])
    else:
        unique.people.append((given, family, feminine, loc, phones[0][1], emails[0][1]))
    company = rng.choice(COMPANIES)
    if company and rng.random() < 0.5:
        domain = "".join(ch for ch in _ascii(company) if ch.isalnum())[:12] or "work"
        emails.append(("work", f"{_ascii(given)}{cid}@{domain}.example"))
    occupation = rng.choice(OCCUPATIONS)
    notes = rng.choice(NOTES)
    birthday = (dt.date(1940, 1, 1) + dt.timedelta(days=rng.randint(0, 65 * 365))).isoformat() \
        if rng.random() < 0.85 else None
    stage = rng.choices([k for k, _ in catalog.STAGES], STAGE_WEIGHTS)[0]
    moves, since = _history(rng, cid, stage, created, now, staff_ids)
    row: tuple[object, ...] = (
        cid, given, family, preferred, loc.titles[0] if feminine else loc.titles[1],
        "formal" if rng.random() < 0.7 else "informal", birthday, rng.choice(LIFE),
        rng.choice(INTERESTS), rng.choice(NEEDS), occupation, company,
        rng.choice([c for c, _ in catalog.CONTACT_CHANNELS]), rng.choice(BEST_TIMES),
        loc.language,
        rng.choices([s for s, _ in SEGMENT_WEIGHTS], [w for _, w in SEGMENT_WEIGHTS])[0],
        rng.choices([k for k, _ in catalog.RELATIONSHIP_TYPES], RELATIONSHIP_WEIGHTS)[0],
        rng.choice(staff_ids) if staff_ids and rng.random() < 0.9 else None, notes, stage,
        search_index.sort_name(given, family), created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        updated.strftime("%Y-%m-%dT%H:%M:%SZ"))
    row = (*row, since)
    consented = [ch for ch in ("email", "phone", "sms", "post") if rng.random() < 0.4]
    person = _DemoCustomer(
        id=cid, row=row, name=f"{given} {family} {preferred}",
        company=f"{occupation} {company}", notes=notes, emails=emails, phones=phones,
        address=(f"{rng.randint(1, 250)} {rng.choice(STREETS)}", city, region,
                 f"{rng.randint(10000, 99999)}", country),
        consents=[(ch, (created.date() + dt.timedelta(days=rng.randint(0, 30))).isoformat())
                  for ch in consented if created.date() <= today],
        tags=rng.sample(TAGS, rng.choice([0, 1, 1, 2, 3])),
        interactions=_interactions(rng, cid, staff_ids, created, now),
        follow_ups=_follow_ups(rng, cid, staff_ids, now),
        moves=moves,
    )
    if loyalty is not None:
        _loyalty(loyalty, person, str(row[15]), stage, created, now)
    return person


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


CONTACTS = [  # (channel, subject, note, outcome)
    ("phone", "Card blocked", "Card blocked abroad, asked us to unblock it.", "Unblocked"),
    ("email", "Statement request", "Asked for last year's statements for her accountant.",
     "Sent"),
    ("in_person", "Portfolio review", "Annual review of the portfolio; happy with returns.",
     "Rebalanced"),
    ("chat", "Transfer limits", "Wanted to raise the daily transfer limit.", "Raised"),
    ("video", "Mortgage options", "Compared fixed and variable rates for the new flat.",
     "Offer to follow"),
    ("letter", "Address change", "Moved house; new address confirmed in writing.", "Updated"),
    ("social", "Complaint", "Complained on social media about waiting time in branch.",
     "Apologised"),
    ("portal", "Document upload", "Uploaded the signed contract through the portal.", ""),
    ("automated", "Birthday greeting", "Automatic birthday message sent.", ""),
]
TASKS = ["Send the fee table", "Call back about the mortgage offer", "Book the annual review",
        "Confirm the new card arrived", "Send the pension projection",
        "Invite to the wine tasting", "Check the transfer went through"]


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_stamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _interactions(rng: random.Random, cid: int, staff_ids: list[int], created: dt.datetime,
                  now: dt.datetime) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    span = max(1, int((now - created).total_seconds()))
    for _ in range(rng.choice([0, 1, 2, 2, 3, 4, 6])):
        channel, subject, note, outcome = rng.choice(CONTACTS)
        when = created + dt.timedelta(seconds=rng.randint(0, span))
        who = rng.choice(staff_ids) if staff_ids else None
        inbound = channel not in ("automated", "letter") and rng.random() < 0.5
        rows.append((cid, who, channel, "in" if inbound else "out", _stamp(when),
                     rng.choice([None, 5, 10, 20, 45]), subject, note, outcome,
                     rng.choice([None, None, 3, 4, 5]), _stamp(when)))
        delay = dt.timedelta(minutes=rng.choice([10, 25, 40, 90, 180, 300, 24 * 60, 2 * 1440]))
        answer = when + delay
        if inbound and answer < now and rng.random() < 0.95:  # answered a little later
            rows.append((cid, who, "phone", "out", _stamp(answer), 10, f"Re: {subject}",
                         "Called back with the answer.", outcome, None, _stamp(answer)))
    return rows


def _follow_ups(rng: random.Random, cid: int, staff_ids: list[int],
                now: dt.datetime) -> list[tuple[object, ...]]:
    if rng.random() > 0.08:
        return []
    due = now + dt.timedelta(days=rng.randint(-5, 14), hours=rng.randint(-4, 4))
    status = "done" if due < now and rng.random() < 0.5 else "open"
    return [(cid, rng.choice(staff_ids) if staff_ids else None, rng.choice(TASKS), _stamp(due),
             int(rng.random() < 0.3), status, _stamp(now) if status == "done" else None,
             _stamp(now - dt.timedelta(days=rng.randint(1, 20))))]


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
