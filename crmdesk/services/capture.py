"""Quick capture: find the person from a fragment (fuzzy, accent- and typo-tolerant), or
create a prospect from what was typed, then log the contact, in one transaction."""

from __future__ import annotations

import re
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


_names_cache: dict[str, object] = {}
_NAMEISH = re.compile(r"[^\W\d_]+(?:[\s'\-][^\W\d_]+)*")  # letters, spaces, - and ' only


def _label(cid: int) -> str:
    row = customer_query.rows_by_id([cid]).get(cid)
    if row is None:
        return f"#{cid}"
    from crmdesk.services.validation import format_phone

    parts = [f"{row[1]} {row[2]}".strip()]
    if row[3]:
        parts[0] += f" “{row[3]}”"
    if row[10]:
        parts.append(format_phone(row[10]))
    if row[9]:
        parts.append(row[9])
    return " · ".join(parts)


def find_matches(text: str, limit: int = 8) -> list[Match]:
    """Exact-prefix hits first (names, e-mail, any phone digits), then fuzzy name matches."""
    text = text.strip()
    if len(text) < 2:
        return []
    ids = customer_query.customer_ids(CustomerFilter(text=text), limit=limit)
    found = [Match(cid, _label(cid), 100.0) for cid in ids]
    if len(found) < limit and _NAMEISH.fullmatch(text):
        # Typos and missing accents in a name: score the name list with rapidfuzz.
        from rapidfuzz import fuzz, process
        choices = _name_choices()
        seen = {m.customer_id for m in found}
        for _name, score, cid in process.extract(
                fold(text), choices, scorer=fuzz.WRatio, limit=limit * 2, score_cutoff=75):
            if cid not in seen and len(found) < limit:
                found.append(Match(int(cid), _label(int(cid)), float(score)))
                seen.add(cid)
    return found


def _name_choices() -> dict[int, str]:
    """Folded 'given family preferred' of every customer on the list (cached per book and
    invalidated when the count of customers changes)."""
    total = customer_query.count()
    key = f"{id(db.obj)}:{total}"
    cached = _names_cache.get("names")
    if _names_cache.get("key") == key and isinstance(cached, dict):
        return cached
    # sort_name is already folded ("pena dolores"); WRatio does not mind the word order.
    names = {r[0]: f"{r[1]} {fold(r[2])}" if r[2] else r[1] for r in db.execute_sql(
        "SELECT id, sort_name, preferred_name FROM customer WHERE archived_at IS NULL")}
    _names_cache.update(key=key, names=names)
    return names


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


def capture(customer_id: int | None, new_prospect: str, interaction: InteractionData,
            follow_up: FollowUpData | None, region: str) -> tuple[int, int, int | None]:
    """Log a contact (creating the prospect first when `customer_id` is None): one
    transaction. Returns (customer id, interaction id, follow-up id)."""
    with db.atomic():
        if customer_id is None:
            customer_id = customers.create(prospect_from_text(new_prospect), region)
        interaction.customer_id = customer_id
        iid, fid = interactions.log(interaction, follow_up)
    return customer_id, iid, fid
