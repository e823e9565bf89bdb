"""Finding customers entered twice (same e-mail, same phone, similar name) and merging them:
one transaction, everything attached to the second moves to the first, and undoable."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from crmdesk.services import access, audit, customers
from crmdesk.services.customers import CustomerData
from crmdesk.services.search_index import fold
from crmdesk.services.texts import translate
from crmdesk.store.db import db
from crmdesk.store.models import utcnow

Progress = Callable[[int, int], bool]
NAME_CUTOFF = 88
MAX_BLOCK = 2_000
COMMON_NAME = 5
# Tables whose rows belong to a customer and follow them into a merge.
MOVED_TABLES = ["interaction", "follow_up", "purchase", "points_entry", "stage_change"]


@dataclass
class DuplicatePair:
    keep: int           # the older customer (the one a merge keeps by default)
    other: int
    score: int          # 0..100
    reasons: list[str] = field(default_factory=list)
    keep_name: str = ""
    other_name: str = ""


def find_pairs(limit: int = 1_000, progress: Progress | None = None
               ) -> tuple[list[DuplicatePair], int]:
    """The most likely duplicate pairs among the customers on the list, best first, and how
    many pairs were found in all."""
    access.require("duplicates")
    pairs: dict[tuple[int, int], DuplicatePair] = {}

    def note(a: int, b: int, score: int, reason: str) -> None:
        key = (min(a, b), max(a, b))
        pair = pairs.get(key)
        if pair is None:
            pairs[key] = DuplicatePair(key[0], key[1], score, [reason])
        elif reason not in pair.reasons:
            pair.reasons.append(reason)
            pair.score = min(100, max(pair.score, score) + 5)

    for a, b, address in db.execute_sql(
            """SELECT e1.customer_id, e2.customer_id, e1.address
               FROM customer_email e1
               JOIN customer_email e2 ON e2.address_key = e1.address_key
                    AND e2.customer_id > e1.customer_id
               JOIN customer c1 ON c1.id = e1.customer_id AND c1.archived_at IS NULL
               JOIN customer c2 ON c2.id = e2.customer_id AND c2.archived_at IS NULL"""):
        note(a, b, 100, translate("duplicates", "same e-mail {address}").format(address=address))
    for a, b, number in db.execute_sql(
            """SELECT p1.customer_id, p2.customer_id, p1.e164
               FROM customer_phone p1
               JOIN customer_phone p2 ON p2.e164 = p1.e164 AND p2.customer_id > p1.customer_id
               JOIN customer c1 ON c1.id = p1.customer_id AND c1.archived_at IS NULL
               JOIN customer c2 ON c2.id = p2.customer_id AND c2.archived_at IS NULL"""):
        note(a, b, 95, translate("duplicates", "same phone {number}").format(number=number))
    # A name alone is weaker evidence than an e-mail or a phone: it scores lower.
    for a, b, ratio in _similar_names(progress):
        note(a, b, 85 if ratio == 100 else ratio - 15,
             translate("duplicates", "same name") if ratio == 100 else
             translate("duplicates", "similar names ({ratio}%)").format(ratio=ratio))
    ranked = sorted(pairs.values(), key=lambda p: (-p.score, p.keep, p.other))
    chosen = ranked[:limit]
    ids = sorted({i for p in chosen for i in (p.keep, p.other)})
    shown = _names(ids)
    for pair in chosen:
        pair.keep_name, pair.other_name = shown.get(pair.keep, ""), shown.get(pair.other, "")
    return chosen, len(ranked)


def _names(ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        for cid, given, family in db.execute_sql(
                f"SELECT id, given_name, family_name FROM customer WHERE id IN "
                f"({','.join('?' * len(part))})", part):
            found[cid] = f"{given} {family}".strip()
    return found


def _similar_names(progress: Progress | None) -> list[tuple[int, int, int]]:
    """Name pairs scoring ≥ 88 (rapidfuzz token sort ratio), compared within blocks of
    customers sharing the start of the family name and the given name's initial."""
    from rapidfuzz import fuzz, process

    blocks: dict[str, list[tuple[int, str]]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    people = []
    for cid, given, family in db.execute_sql(
            "SELECT id, given_name, family_name FROM customer WHERE archived_at IS NULL"):
        g, f = fold(given), fold(family)
        name = f"{g} {f}".strip()
        if name:
            people.append((cid, name, f"{f[:3]}|{g[:1]}"))
            counts[name] += 1
    for cid, name, block in people:
        # A name shared by many customers ("John Smith") says nothing about any two of them.
        if counts[name] <= COMMON_NAME:
            blocks[block].append((cid, name))
    found: list[tuple[int, int, int]] = []
    done = 0
    for members in blocks.values():
        done += len(members)
        if len(members) < 2:
            continue
        members = members[:MAX_BLOCK]
        names = [m[1] for m in members]
        for i, name in enumerate(names[:-1]):
            for _match, score, j in process.extract(
                    name, names[i + 1:], scorer=fuzz.token_sort_ratio,
                    score_cutoff=NAME_CUTOFF, limit=None):
                found.append((members[i][0], members[i + 1 + j][0], int(score)))
        if progress is not None and not progress(done, done):
            break
    return found


# --- merging ------------------------------------------------------------------------------
@dataclass
class MergeRecord:
    """What a merge changed, so that it can be taken back."""

    keep: int
    other: int
    keep_before: dict[str, Any]
    moved: dict[str, list[int]]
    photo_moved: bool
    when: str


def merged_profile(keep: CustomerData, other: CustomerData) -> CustomerData:
    """The default result: the kept customer's values, the other's where the kept one has
    none, and every e-mail, phone, address, consent and tag of both."""
    result = replace(keep)
    for name in ("given_name", "family_name", "preferred_name", "salutation", "life_situation",
                 "interests", "needs", "occupation", "company", "preferred_channel",
                 "best_time", "segment", "owner", "notes"):
        if not getattr(result, name) and getattr(other, name):
            setattr(result, name, getattr(other, name))
    if result.birthday is None:
        result.birthday = other.birthday
    have = {e.value.casefold() for e in result.emails}
    result.emails = [*result.emails, *(e for e in other.emails if e.value.casefold() not in have)]
    have = {p.value for p in result.phones}
    result.phones = [*result.phones, *(p for p in other.phones if p.value not in have)]
    result.addresses = [*result.addresses,
                        *(a for a in other.addresses if a not in result.addresses)]
    result.consents = {**other.consents, **result.consents}
    result.tags = list(dict.fromkeys([*result.tags, *other.tags]))
    return result


def merge(keep: int, other: int, chosen: CustomerData) -> MergeRecord:
    """Give `keep` the profile `chosen`, move everything attached to `other` over to it and
    put `other` in the Trash — one transaction."""
    access.require("merge")
    access.require_level([keep, other], access.Level.FULL, "merge")
    if keep == other:
        raise ValueError(translate("duplicates", "A customer cannot be merged with itself."))
    with db.atomic():
        before = customers.load(keep)
        customers.load(other)  # LookupError when it is gone
        moved: dict[str, list[int]] = {}
        for table in MOVED_TABLES:
            ids = [r[0] for r in db.execute_sql(
                f"SELECT id FROM {table} WHERE customer_id = ?", (other,))]
            if ids:
                db.execute_sql(f"UPDATE {table} SET customer_id = ? WHERE customer_id = ?",
                               (keep, other))
            moved[table] = ids
        photo_moved = False
        if db.execute_sql("SELECT 1 FROM customer_photo WHERE customer_id = ?",
                          (keep,)).fetchone() is None:
            photo_moved = db.execute_sql(
                "UPDATE customer_photo SET customer_id = ? WHERE customer_id = ?",
                (keep, other)).rowcount > 0
        customers.write_unchecked(keep, chosen)
        db.execute_sql(
            "UPDATE customer SET last_contact_at = (SELECT max(happened_at) FROM interaction "
            "WHERE customer_id = ?) WHERE id = ?", (keep, keep))
        customers.set_archived([other], True)
        # Remembered (an office book's hub sends later writes to `other` on to `keep`),
        # merges into `other` now pointing at `keep`.
        db.execute_sql("UPDATE customer_alias SET new_id = ? WHERE new_id = ?", (keep, other))
        db.execute_sql("INSERT INTO customer_alias (old_id, new_id, merged_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id, "
                       "merged_at = excluded.merged_at",
                       (other, keep, utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")))
        audit.record("merge", [keep, other], f"customer {other} merged into {keep}")
    return MergeRecord(keep, other, customers.to_json(before), moved, photo_moved,
                       utcnow().isoformat())


def unmerge(record: MergeRecord) -> None:
    """Take a merge back: rows return to the second customer, both profiles as they were."""
    access.require("merge")
    with db.atomic():
        # (First: on an office book's hub, the restore below must not meet the alias.)
        db.execute_sql("DELETE FROM customer_alias WHERE old_id = ? AND new_id = ?",
                       (record.other, record.keep))
        for table, ids in record.moved.items():
            for start in range(0, len(ids), 500):
                part = ids[start:start + 500]
                db.execute_sql(f"UPDATE {table} SET customer_id = ? WHERE id IN "
                               f"({','.join('?' * len(part))})", [record.other, *part])
        if record.photo_moved:
            db.execute_sql("UPDATE customer_photo SET customer_id = ? WHERE customer_id = ?",
                           (record.other, record.keep))
        customers.write_unchecked(record.keep, customers.from_json(record.keep_before))
        for cid in (record.keep, record.other):
            db.execute_sql(
                "UPDATE customer SET last_contact_at = (SELECT max(happened_at) FROM "
                "interaction WHERE customer_id = ?) WHERE id = ?", (cid, cid))
        customers.set_archived([record.other], False)
        audit.record("merge", [record.keep, record.other],
                     f"merge of {record.other} into {record.keep} undone")

