"""The audit trail: who viewed, changed, exported or printed which customer, and when.

Append-only (triggers refuse edits and deletions) and chained: each entry carries the hash
of the one before, so a changed or removed entry breaks the chain (`crmdesk audit verify`).
Entries are written in the transaction of the change they record."""

from __future__ import annotations

import atexit
import datetime as dt
import getpass
import hashlib
import json
import os
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee

from crmdesk.store import migrations
from crmdesk.store.db import BEFORE_CLOSE, db
from crmdesk.store.models import utcnow

GENESIS = "0" * 64
#: What the trail shows of a detail erased when a customer named in it was forgotten.
ERASED = "(erased: it named a customer who was forgotten)"
ACTIONS = {"view": "Viewed", "change": "Changed", "create": "Created", "archive": "Archived",
           "restore": "Restored", "export": "Exported", "print": "Printed",
           "import": "Imported", "merge": "Merged", "backup": "Backed up",
           "restore_book": "Restored the book", "encrypt": "Encrypted the book",
           "forget": "Forgot", "sign_in": "Signed in",
           "sign_in_failed": "Failed to sign in", "unlock_failed": "Failed to unlock"}

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
            detail: str, detail_hash: str | None = None) -> str:
    return migrations.audit_digest(prev, at, who, action, customer_id, detail, detail_hash)


def detail_digest(detail: str) -> str:
    return hashlib.sha256(detail.encode("utf-8")).hexdigest()


def entry_hash(entry: dict[str, object]) -> str:
    """The hash an entry (a mapping of its columns, `prev_hash` included) must carry: over
    the digest of its detail when it has one (schema 9 on), else over the text."""
    cid = entry.get("customer_id")
    digest = entry.get("detail_hash")
    return _digest(str(entry.get("prev_hash") or ""), str(entry.get("at") or ""),
                   str(entry.get("who") or ""), str(entry.get("action") or ""),
                   None if cid is None else int(str(cid)), str(entry.get("detail") or ""),
                   None if digest is None else str(digest))


_identified: dict[str, object] = {}
_restored: dict[str, object] = {}


def record(action: str, customer_ids: Iterable[int | None] = (None,), detail: str = "",
           who: str | None = None) -> None:
    """Append one entry per customer (None: the book as a whole)."""
    who = who or actor()
    at = utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
    detail = detail.encode("utf-8", "backslashreplace").decode("utf-8")[:500]  # file names
    with db.atomic("IMMEDIATE"):  # reads, then writes: take the write lock first
        if _identified.get("book") is not db.obj:  # the id the anchor is kept under
            book_id()
            _identified["book"] = db.obj
        row = db.execute_sql("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
        prev = row[0] if row else GENESIS
        if action == "restore_book":  # the book was replaced on purpose: anchor it anew
            _restored["book"] = db.obj
        detail_hash = detail_digest(detail)
        for cid in customer_ids:
            digest = _digest(prev, at, who, action, cid, detail, detail_hash)
            db.execute_sql("INSERT INTO audit_entry (at, who, action, customer_id, detail, "
                           "prev_hash, hash, detail_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           (at, who, action, cid, detail, prev, digest, detail_hash))
            prev = digest


#: A profile shown again to the same person within this many seconds is not a new view.
VIEW_AGAIN_AFTER_S = 600


def viewed(customer_ids: Iterable[int], who: str | None = None) -> None:
    """Profiles shown or printed out in full to the current person (the window's profile,
    `crmdesk search --json`): one 'view' entry per customer, in one transaction, leaving
    out those this person viewed in the last ten minutes (kept in the book, so a loop of
    commands is throttled like the window). A row of a list is not a view."""
    who = who or actor()
    ids = list(dict.fromkeys(customer_ids))
    if not ids:
        return
    since = (utcnow() - dt.timedelta(seconds=VIEW_AGAIN_AFTER_S)).strftime("%Y-%m-%dT%H:%M:%SZ")
    with db.atomic("IMMEDIATE"):  # reads, then writes: take the write lock first
        recent: set[int] = set()
        for start in range(0, len(ids), 500):  # from the customers' entries (indexed)
            part = ids[start:start + 500]
            recent |= {r[0] for r in db.execute_sql(
                f"SELECT customer_id FROM audit_entry WHERE customer_id IN "
                f"({','.join('?' * len(part))}) AND +who = ? AND +action = 'view' "
                "AND at >= ?", [*part, who, since])}
        fresh = [cid for cid in ids if cid not in recent]
        if fresh:
            record("view", fresh, "", who=who)


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
                   coalesce(c.given_name || ' ' || c.family_name, ''),
                   CASE WHEN a.erased THEN '{ERASED}' ELSE a.detail END
            FROM audit_entry a LEFT JOIN customer c ON c.id = a.customer_id
            {where} ORDER BY a.id DESC LIMIT ?""", [*params, limit])
    return [AuditEntry(r[0], dt.datetime.fromisoformat(r[1].replace("Z", "+00:00")), r[2], r[3],
                       r[4], r[5].strip(), r[6]) for r in rows]


def people() -> list[str]:
    from crmdesk.services import access

    access.require("audit")
    return [r[0] for r in db.execute_sql("SELECT DISTINCT who FROM audit_entry ORDER BY who")]


# --- the anchor: how long the trail was, kept where an edit of the book does not reach -------
def anchor_dir() -> Path:
    env = os.environ.get("CRMDESK_ANCHOR_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_state_dir("crmdesk", appauthor=False)) / "audit-anchors"


def book_id(create: bool = True) -> str | None:
    """The book's own random id (a setting, copied with the book into its backups)."""
    row = db.execute_sql("SELECT value FROM setting WHERE key = 'book_id'").fetchone()
    if row is not None or not create:
        return str(row[0]) if row else None
    value = uuid.uuid4().hex
    with db.atomic("IMMEDIATE"):  # reads, then writes: take the write lock first
        db.execute_sql("INSERT OR IGNORE INTO setting (key, value) VALUES ('book_id', ?)",
                       (value,))
    return book_id(create=False)


def head() -> dict[str, object]:
    """The trail as it stands: the number of entries, the last id and its hash."""
    row = db.execute_sql("SELECT count(*), max(id) FROM audit_entry").fetchone()
    count, last = int(row[0]), row[1]
    digest = db.execute_sql("SELECT hash FROM audit_entry WHERE id = ?", (last,)).fetchone() \
        if last is not None else None
    return {"entries": count, "last_id": last, "head": digest[0] if digest else GENESIS}


def _anchor_path(ident: str) -> Path:
    return anchor_dir() / f"{ident}.json"


def read_anchor() -> dict[str, Any] | None:
    ident = book_id(create=False)
    if ident is None:
        return None
    try:
        spec = json.loads(_anchor_path(ident).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return spec if isinstance(spec, dict) else None


def _extends(anchor: dict[str, Any], now: dict[str, object]) -> bool:
    """Whether the trail as it stands still holds the anchored entry, unchanged."""
    last = anchor.get("last_id")
    if last is None:
        return True
    row = db.execute_sql("SELECT hash FROM audit_entry WHERE id = ?", (last,)).fetchone()
    return row is not None and row[0] == anchor.get("head") and \
        int(str(now["entries"])) >= int(anchor.get("entries", 0))


def save_anchor(force: bool = False) -> None:
    """Write the anchor (0600, atomically) for the committed trail — never over an anchor
    the trail no longer extends (that is the evidence `verify` reports), unless `force`
    (a restore from a backup replaces the whole book on purpose). Cheap: one small file,
    written when the book is closed, when a process ends, and at `verify`."""
    try:
        if db.obj is None or db.is_closed() or db.in_transaction():
            return
        force = force or _restored.get("book") is db.obj
        if not db.table_exists("audit_entry"):
            return
        ident = book_id(create=False)
        if ident is None:
            return  # nothing was ever recorded with this crmdesk: nothing to anchor
        now = head()
        old = read_anchor()
        if old is not None and not force:
            if old.get("head") == now["head"] and old.get("entries") == now["entries"]:
                return
            if not _extends(old, now):
                return
        folder = anchor_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = _anchor_path(str(ident))
        part = target.with_name(f".{target.name}.{os.getpid()}.part")
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"book_id": ident, **now, "at": utcnow().isoformat()}, fh)
        os.replace(part, target)
        _restored.pop("book", None)
    except (OSError, peewee.PeeweeException, sqlite3.Error):
        pass  # the anchor is a second line of defence: never a reason for a write to fail


def anchor_problem() -> str | None:
    """What the anchor says is missing from the trail (None: nothing)."""
    anchor = read_anchor()
    if anchor is None:
        return None
    now = head()
    anchored = int(anchor.get("entries", 0))
    count = int(str(now["entries"]))
    last, newest = anchor.get("last_id"), now["last_id"]
    where = (f"this computer anchored {anchored:,} entries up to entry {last}, the book "
             f"holds {count:,}")
    if last is not None and (newest is None or int(str(newest)) < int(last)):
        return f"the last {anchored - count:,} entries were removed: {where}"
    if not _extends(anchor, now):
        if count < anchored or last is not None and db.execute_sql(
                "SELECT 1 FROM audit_entry WHERE id = ?", (last,)).fetchone() is None:
            return f"entries were removed: {where}"
        return (f"entry {last} is not the entry anchored on this computer: the trail was cut "
                f"and written again from there ({where})")
    return None


atexit.register(save_anchor)
BEFORE_CLOSE.append(save_anchor)


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
    for row in db.execute_sql("SELECT id, at, who, action, customer_id, detail, prev_hash, "
                              "hash, detail_hash, erased FROM audit_entry ORDER BY id"):
        entry_id, at, who, action, cid, detail, prev_hash, digest, detail_hash, erased = row
        count += 1
        if prev_hash != prev:
            problems.append(f"entry {entry_id}: the entry before it was changed or removed")
        text_ok = detail == "" if erased else (
            detail_hash is None or detail_digest(detail) == detail_hash)
        if not text_ok or _digest(prev_hash, at, who, action, cid, detail,
                                  detail_hash) != digest:
            problems.append(f"entry {entry_id}: its content was changed")
        prev = digest
        if len(problems) >= 20:
            break
    if _restored.get("book") is db.obj:
        save_anchor()
    cut = anchor_problem()
    if cut is None:
        from crmdesk.services import backups

        cut = backups.trail_problem()
    if cut:
        problems.append(cut)
    elif not problems:
        save_anchor()
    return Verification(count, problems)
