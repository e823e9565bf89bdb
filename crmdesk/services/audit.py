"""The audit trail: who viewed, changed, exported or printed which customer, and when.

Append-only (triggers refuse edits and deletions) and chained: each entry carries the hash
of the one before, so a changed or removed entry breaks the chain (`crmdesk audit verify`).
Entries are written in the transaction of the change they record."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from crmdesk.store.db import db
from crmdesk.store.models import utcnow

GENESIS = "0" * 64
ACTIONS = {"view": "Viewed", "change": "Changed", "create": "Created", "archive": "Archived",
           "restore": "Restored", "export": "Exported", "print": "Printed",
           "import": "Imported", "merge": "Merged", "backup": "Backed up",
           "restore_book": "Restored the book", "encrypt": "Encrypted the book",
           "forget": "Forgot", "sign_in": "Signed in", "unlock_failed": "Failed to unlock"}

_actor = ""


def set_actor(name: str | None) -> None:
    """Who is using crmdesk now (the staff member chosen in the window, or --staff)."""
    global _actor
    _actor = (name or "").strip()


def actor() -> str:
    if _actor:
        return _actor
    try:
        return f"{getpass.getuser()} (computer login)"
    except (OSError, KeyError):
        return "unknown"


def _digest(prev: str, at: str, who: str, action: str, customer_id: int | None,
            detail: str) -> str:
    text = "\x1f".join([prev, at, who, action, "" if customer_id is None else str(customer_id),
                        detail])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record(action: str, customer_ids: Iterable[int | None] = (None,), detail: str = "",
           who: str | None = None) -> None:
    """Append one entry per customer (None: the book as a whole)."""
    who = who or actor()
    at = utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
    detail = detail.encode("utf-8", "backslashreplace").decode("utf-8")[:500]  # file names
    with db.atomic():
        row = db.execute_sql("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
        prev = row[0] if row else GENESIS
        for cid in customer_ids:
            digest = _digest(prev, at, who, action, cid, detail)
            db.execute_sql("INSERT INTO audit_entry (at, who, action, customer_id, detail, "
                           "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (at, who, action, cid, detail, prev, digest))
            prev = digest


@dataclass
class AuditEntry:
    id: int
    at: dt.datetime
    who: str
    action: str
    customer_id: int | None
    customer: str
    detail: str


def entries(customer_id: int | None = None, who: str = "", limit: int = 2_000
            ) -> list[AuditEntry]:
    """The newest entries first, for one customer and/or one person (managers only)."""
    from crmdesk.services import access

    access.require("audit")
    clauses: list[str] = []
    params: list[object] = []
    if customer_id is not None:
        clauses.append("a.customer_id = ?")
        params.append(customer_id)
    if who:
        clauses.append("a.who = ?")
        params.append(who)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = db.execute_sql(
        f"""SELECT a.id, a.at, a.who, a.action, a.customer_id,
                   coalesce(c.given_name || ' ' || c.family_name, ''), a.detail
            FROM audit_entry a LEFT JOIN customer c ON c.id = a.customer_id
            {where} ORDER BY a.id DESC LIMIT ?""", [*params, limit])
    return [AuditEntry(r[0], dt.datetime.fromisoformat(r[1].replace("Z", "+00:00")), r[2], r[3],
                       r[4], r[5].strip(), r[6]) for r in rows]


def people() -> list[str]:
    from crmdesk.services import access

    access.require("audit")
    return [r[0] for r in db.execute_sql("SELECT DISTINCT who FROM audit_entry ORDER BY who")]


@dataclass
class Verification:
    entries: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify() -> Verification:
    """Recompute the chain: every entry must hash to its stored hash and point at the one
    before it; the first at the genesis value."""
    problems: list[str] = []
    prev = GENESIS
    count = 0
    for row in db.execute_sql("SELECT id, at, who, action, customer_id, detail, prev_hash, hash "
                              "FROM audit_entry ORDER BY id"):
        entry_id, at, who, action, cid, detail, prev_hash, digest = row
        count += 1
        if prev_hash != prev:
            problems.append(f"entry {entry_id}: the entry before it was changed or removed")
        if _digest(prev_hash, at, who, action, cid, detail) != digest:
            problems.append(f"entry {entry_id}: its content was changed")
        prev = digest
        if len(problems) >= 20:
            break
    return Verification(count, problems)
