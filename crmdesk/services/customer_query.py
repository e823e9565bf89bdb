"""Finding customers: a filter becomes one SQL query that returns ordered ids only."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from crmdesk.services import catalog
from crmdesk.store.db import db

_WORD = re.compile(r"[^\W_]+")
_PHONEISH = re.compile(r"^[\d\s+().\-/]+$")

SORT_COLUMNS: dict[str, str] = {
    "name": "c.sort_name",
    "company": "c.company COLLATE NOCASE",
    "stage": "CASE c.stage " + " ".join(
        f"WHEN '{key}' THEN {i}" for i, (key, _) in enumerate(catalog.STAGES)) + " END",
    "segment": "c.segment COLLATE NOCASE",
    "relationship": "c.relationship_type",
    "owner": "(SELECT name FROM staff WHERE staff.id = c.owner_id)",
    "created": "c.created_at",
    "updated": "c.updated_at",
}


@dataclass
class CustomerFilter:
    """What the customer list shows: search text, filters, sort and which shelf (list or Trash)."""

    text: str = ""
    stage: str = ""
    segment: str = ""
    relationship: str = ""
    owner: str = ""
    tag: str = ""
    archived: bool = False
    sort: str = "name"
    descending: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, spec: dict[str, Any]) -> CustomerFilter:
        known = {k: v for k, v in spec.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed (None when nothing searchable).

    Words become prefix terms joined by AND; a run of digits and phone punctuation becomes
    one digit prefix on the phone column, which holds every suffix of each number.
    """
    text = text.strip()
    if not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if _PHONEISH.match(text) and len(digits) >= 3:
        return f'phones : "{digits}"*'
    words = _WORD.findall(text)
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(flt: CustomerFilter) -> tuple[list[str], list[Any]]:
    clauses = ["c.archived_at IS NOT NULL" if flt.archived else "c.archived_at IS NULL"]
    params: list[Any] = []
    text = flt.text.strip()
    if text.startswith("@"):
        # '@domain': every address at that domain (scans the small e-mail key index).
        clauses.append("c.id IN (SELECT customer_id FROM customer_email "
                       "WHERE address_key LIKE ? ESCAPE '\\')")
        params.append("%" + _like_escape(text.casefold()) + "%")
    elif "@" in text:
        # An address (or its start): a range on the e-mail index, not a phrase match.
        key = text.casefold()
        clauses.append("c.id IN (SELECT customer_id FROM customer_email "
                       "WHERE address_key >= ? AND address_key < ?)")
        params += [key, key + "\U0010ffff"]
    else:
        match = fts_query(text)
        if match is not None:
            clauses.append("c.id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)")
            params.append(match)
        elif text:
            clauses.append("0")
    for column, value in (("c.stage", flt.stage), ("c.segment", flt.segment),
                          ("c.relationship_type", flt.relationship)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if flt.owner:
        clauses.append("c.owner_id = (SELECT id FROM staff WHERE name = ?)")
        params.append(flt.owner)
    if flt.tag:
        clauses.append("c.id IN (SELECT customer_id FROM customer_tag WHERE tag = ?)")
        params.append(flt.tag)
    return clauses, params


def customer_ids(flt: CustomerFilter, limit: int | None = None) -> list[int]:
    """Ids of the matching customers in display order."""
    clauses, params = _where(flt)
    order = SORT_COLUMNS.get(flt.sort, SORT_COLUMNS["name"])
    direction = "DESC" if flt.descending else "ASC"
    sql = (f"SELECT c.id FROM customer c WHERE {' AND '.join(clauses)} "
           f"ORDER BY {order} {direction}, c.id {direction}")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [row[0] for row in db.execute_sql(sql, params)]


def count(archived: bool = False) -> int:
    """How many customers are on the shelf (list or Trash), whatever the filter."""
    sql = ("SELECT count(*) FROM customer WHERE archived_at IS "
           + ("NOT NULL" if archived else "NULL"))
    return int(db.execute_sql(sql).fetchone()[0])


ROW_COLUMNS = ("id", "given_name", "family_name", "preferred_name", "company", "stage",
               "segment", "relationship_type", "owner", "email", "phone", "updated_at", "tags")


def rows_by_id(ids: list[int]) -> dict[int, tuple[Any, ...]]:
    """The list columns for a block of customers (one query), keyed by id."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    sql = f"""
        SELECT c.id, c.given_name, c.family_name, c.preferred_name, c.company, c.stage,
               c.segment, c.relationship_type, s.name,
               (SELECT address FROM customer_email e WHERE e.customer_id = c.id
                ORDER BY position LIMIT 1),
               (SELECT e164 FROM customer_phone p WHERE p.customer_id = c.id
                ORDER BY position LIMIT 1),
               c.updated_at,
               (SELECT group_concat(tag, ', ') FROM customer_tag t WHERE t.customer_id = c.id)
        FROM customer c LEFT JOIN staff s ON s.id = c.owner_id
        WHERE c.id IN ({marks})"""
    return {row[0]: row for row in db.execute_sql(sql, ids)}
