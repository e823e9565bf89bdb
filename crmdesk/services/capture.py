"""Quick capture: find the person from a fragment (fuzzy, accent- and typo-tolerant), or
create a prospect from what was typed, then log the contact, in one transaction."""

from __future__ import annotations

import datetime as dt
import re
import threading
from dataclasses import dataclass

from crmdesk.services import customer_query, customers, interactions
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.services.customers import ContactPoint, CustomerData
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.services.search_index import fold
from crmdesk.store.db import db


@dataclass
class Match:
    customer_id: int
    label: str  # "Dolores Peña · +1 905-555-1234 · lola@example.com"
    score: float
    #: matches what was typed well enough for Enter to take it (see matches_well)
    strong: bool = False


_names_cache: dict[str, object] = {}
_names_lock = threading.Lock()
_NAMEISH = re.compile(r"[^\W\d_]+(?:[\s'\-][^\W\d_]+)*")  # letters, spaces, - and ' only


def _label(row: tuple[object, ...] | None, cid: int) -> str:
    if row is None:
        return f"#{cid}"
    from crmdesk.services.validation import format_phone

    parts = [f"{row[1]} {row[2]}".strip()]
    if row[3]:
        parts[0] += f" “{row[3]}”"
    if row[10]:
        parts.append(format_phone(str(row[10])))
    if row[9]:
        parts.append(str(row[9]))
    return " · ".join(parts)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", fold(text))


def _word_fits(typed: str, word: str) -> bool:
    """A typed word fits a word of the name when it begins it (typing goes on) or, for
    longer words, when it is the same but for a typo or two."""
    if word.startswith(typed):
        return True
    if len(typed) < 4:
        return False
    from rapidfuzz import fuzz

    return bool(fuzz.ratio(typed, word) >= 80)


def matches_well(text: str, given: str, family: str, preferred: str = "") -> bool:
    """Whether a typed name is this person, well enough to take without asking: every word
    typed fits a different word of their name (accents, case and small typos aside), and a
    single word must be their family name — a first name alone fits too many people."""
    typed = _words(text)
    if not typed:
        return False
    pool = [(w, "family") for w in _words(family)] + \
        [(w, "given") for w in _words(given) + _words(preferred)]
    used: set[int] = set()
    kinds = []
    for word in typed:
        at = next((i for i, (candidate, _kind) in enumerate(pool)
                   if i not in used and _word_fits(word, candidate)), None)
        if at is None:
            return False
        used.add(at)
        kinds.append(pool[at][1])
    return len(typed) > 1 or kinds == ["family"]


def find_matches(text: str, limit: int = 8) -> list[Match]:
    """Exact-prefix hits first (names, e-mail, any phone digits), then fuzzy name matches;
    the ones that match well (`strong`) before the others."""
    text = text.strip()
    if len(text) < 2:
        return []
    nameish = bool(_NAMEISH.fullmatch(text))
    ids = customer_query.customer_ids(CustomerFilter(text=text), limit=limit)
    scored: list[tuple[int, float]] = [(cid, 100.0) for cid in ids]
    if len(scored) < limit and nameish:
        # Typos and missing accents in a name: score the name list with rapidfuzz.
        from rapidfuzz import fuzz, process
        choices = _name_choices()
        seen = set(ids)
        for _name, score, cid in process.extract(
                fold(text), choices, scorer=fuzz.WRatio, limit=limit * 2, score_cutoff=75):
            if cid not in seen and len(scored) < limit:
                scored.append((int(cid), float(score)))
                seen.add(cid)
    rows = customer_query.rows_by_id([cid for cid, _score in scored])
    found = []
    for cid, score in scored:
        row = rows.get(cid)
        # Digits or an e-mail found by the index are that person; a name must match well.
        strong = row is not None and (
            not nameish and score == 100.0
            or nameish and matches_well(text, str(row[1]), str(row[2]), str(row[3] or "")))
        found.append(Match(cid, _label(row, cid), score, strong))
    found.sort(key=lambda m: not m.strong)
    return found


def default_choice(matches: list[Match]) -> int | None:
    """The match Enter takes at once (its index), or None: then the default is a new
    prospect made of what was typed."""
    return 0 if matches and matches[0].strong else None


def _name_choices() -> dict[int, str]:
    """Folded 'given family preferred' of every customer on the list, cached per book: built
    again when customers are added, archived or restored (the count changes), and brought up
    to date with the customers changed since (a renamed client is found by the new name)."""
    total = customer_query.count()
    key = f"{id(db.obj)}:{total}"
    with _names_lock:
        cached = _names_cache.get("names")
        stamp = str(_names_cache.get("stamp") or "")
        if _names_cache.get("key") == key and isinstance(cached, dict):
            # Stamps have whole seconds: the last second is read again, every time.
            newest = stamp
            for cid, name, changed in _name_rows("AND updated_at >= ?", (stamp,)):
                cached[cid] = name
                newest = max(newest, changed)
            _names_cache["stamp"] = newest
            return cached
        names, stamp = {}, ""
        for cid, name, changed in _name_rows("", ()):
            names[cid] = name
            stamp = max(stamp, changed)
        _names_cache.update(key=key, names=names, stamp=stamp)
        return names


def _name_rows(where: str, params: tuple[str, ...]) -> list[tuple[int, str, str]]:
    # sort_name is already folded ("pena dolores"); WRatio does not mind the word order.
    return [(int(r[0]), f"{r[1]} {fold(r[2])}" if r[2] else str(r[1]), str(r[3] or ""))
            for r in db.execute_sql(
                "SELECT id, sort_name, preferred_name, updated_at FROM customer "
                f"WHERE archived_at IS NULL {where}", params)]


def warm_up() -> None:
    """Load the name list for fuzzy matching (a few hundred ms on a big book): call it from
    a worker when the capture dialog opens, before the first typo needs it."""
    _name_choices()


def prospect_from_text(text: str) -> CustomerData:
    """A new customer in stage Knowledge from what the receptionist typed: an e-mail, a
    phone number, or a name ('Ana Ruiz' -> given Ana, family Ruiz)."""
    text = " ".join(text.split())
    data = CustomerData(stage="knowledge", segment="Prospect")
    if "@" in text:
        data.emails = [ContactPoint("home", text)]
        data.given_name = text.split("@")[0]
    elif re.fullmatch(r"[\d\s+().\-/]+", text):
        data.phones = [ContactPoint("mobile", text)]
        data.given_name = "Caller"
        data.family_name = text
    else:
        given, _, family = text.partition(" ")
        data.given_name, data.family_name = given, family
    return data


#: when colleagues are at work, for a hand-over's due time (local time)
WORK_DAYS = frozenset(range(5))  # Monday to Friday
WORK_START, WORK_END = dt.time(9), dt.time(18)


def handover_due(now: dt.datetime) -> dt.datetime:
    """When a hand-over falls due: the first full hour at least an hour from `now` within
    working hours (Monday to Friday, 9:00 to 18:00), e.g. 10:20 -> 12:00; late in the day,
    at night or at the weekend -> 9:00 on the next working day. `now` is aware (the
    injectable clock), in the local time zone; the answer is in the same zone."""
    if now.tzinfo is None:
        raise ValueError("handover_due needs an aware datetime")
    soon = now + dt.timedelta(hours=1)
    due = soon.replace(minute=0, second=0, microsecond=0)
    if due < soon:
        due += dt.timedelta(hours=1)
    if due.weekday() in WORK_DAYS and WORK_START <= due.time() <= WORK_END:
        return due
    day = due.date() if due.time() < WORK_START else due.date() + dt.timedelta(days=1)
    while day.weekday() not in WORK_DAYS:
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, WORK_START, tzinfo=now.tzinfo)


def new_prospect(text: str, phone: str = "", owner_id: int | None = None) -> CustomerData:
    """The prospect quick capture creates: what was typed, the phone given for them, and
    their owner (the colleague they are handed to, or whoever the receptionist chose)."""
    data = prospect_from_text(text)
    phone = phone.strip()
    if phone and phone not in {p.value for p in data.phones}:
        data.phones.append(ContactPoint("mobile", phone))
    if owner_id is not None:
        from crmdesk.store.models import Staff

        member = Staff.get_or_none(Staff.id == owner_id)
        data.owner = str(member.name) if member is not None else ""
    return data


def capture(customer_id: int | None, new_prospect_text: str, interaction: InteractionData,
            follow_up: FollowUpData | None, region: str, *, phone: str = "",
            owner_id: int | None = None) -> tuple[int, int, int | None]:
    """Log a contact (creating the prospect first when `customer_id` is None, with `phone`
    and `owner_id` — by default the colleague the follow-up is handed to): one transaction.
    Returns (customer id, interaction id, follow-up id)."""
    with db.atomic():
        if customer_id is None:
            if owner_id is None and follow_up is not None:
                owner_id = follow_up.assignee_id
            customer_id = customers.create(
                new_prospect(new_prospect_text, phone, owner_id), region)
        interaction.customer_id = customer_id
        iid, fid = interactions.log(interaction, follow_up)
    return customer_id, iid, fid
