"""The office book's local side: capturing every write, pushing, pulling, conflicts.

* **Capture.** Once a book joins a hub, triggers (generated from `sync_spec`) give every
  new row a global `uid` and write each insert, changed field and delete into
  `sync_outbox` *in the same transaction* as the write, whatever wrote it (window, CLI,
  import, merge, a cascade). They need no application function: the clock is SQLite's,
  made monotonic through `sync_state.hlc_ms`, so any process that opens the file captures.
  A book that never joins has no triggers at all.
* **Push** reads the outbox, folds it into field writes (the last value of each field, the
  time of that write, the pull cursor of the *first* unsent write), sends them to
  `crm.push`, applies what the hub kept instead where this book lost, and only then deletes
  the outbox rows it sent. A push repeated after a crash is a no-op on the hub.
* **Pull** fetches records changed since the cursor and applies them with the triggers
  silenced (`sync_state.applying`), advancing the cursor in the same local transaction.
  A field with an unsent local write is left alone: the push decides it on the hub.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import queue
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from peewee import IntegrityError

from crmdesk.services import search_index
from crmdesk.services.sync_spec import (
    AUDIT_KIND,
    BY_NAME,
    HUB_KINDS,
    PROTOCOL,
    TABLES,
    Table,
    random_uid_sql,
)
from crmdesk.services.texts import translate
from crmdesk.store.db import db

PUSH_BATCH = 500  # outbox rows folded into one push call
CLOCK_SLACK_MS = 300_000  # how far ahead of its clock the hub takes a stamp
PULL_PAGE = 5000  # records per pull call (and per local transaction)
FORGOTTEN = "Forgotten"  # privacy.FORGOTTEN


class SyncError(Exception):
    """Syncing cannot go on; the message is one sentence for people."""

    plain_message = True


class Link(Protocol):
    """What the engine needs from a hub connection (crmdesk.hub.client.HubLink)."""

    def hello(self, device: str, name: str, proto: int) -> dict[str, Any]: ...

    def push(self, proto: int, device: str, items: list[dict[str, Any]]) -> dict[str, Any]:
        ...

    def pull(self, after: int, limit: int) -> list[tuple[Any, ...]]: ...

    def ack(self, device: str, upto: int) -> None: ...


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- state -----------------------------------------------------------------------------
@dataclass
class State:
    device: str
    office: str
    hub: str
    login: str
    cursor: int
    hlc_ms: int
    last_sync: str | None
    last_error: str | None


def state() -> State | None:
    """The book's sync state, or None for a book that never joined a hub."""
    try:
        row = db.execute_sql("SELECT device, office, hub, login, cursor, hlc_ms, last_sync, "
                             "last_error FROM sync_state WHERE id = 1").fetchone()
    except Exception:  # noqa: BLE001 - an older schema has no sync_state
        return None
    if row is None:
        return None
    return State(row[0], row[1] or "", row[2], row[3], int(row[4]), int(row[5]), row[6],
                 row[7])


def joined() -> bool:
    return state() is not None


def require_state() -> State:
    st = state()
    if st is None:
        raise SyncError(translate(
            "sync", "This book is not an office book: join one with `crmdesk join` or make it "
            "one with `crmdesk hub init`."))
    return st


# --- capture triggers ------------------------------------------------------------------
_WALL_MS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
_ACTIVE = "(SELECT applying FROM sync_state WHERE id = 1) = 0"
_CLOCK = f"UPDATE sync_state SET hlc_ms = max(hlc_ms, {_WALL_MS}) WHERE id = 1"
_STAMP = ("(SELECT hlc_ms FROM sync_state WHERE id = 1), "
          "(SELECT cursor FROM sync_state WHERE id = 1)")


def _value(table: Table, col: str, row: str) -> str:
    """SQL for the value of a column as it travels (a reference as the row's uid)."""
    ref = table.refs.get(col)
    if col in table.blobs:
        return f"hex({row}.{col})"
    if ref is None:
        return f"{row}.{col}"
    return f"(SELECT uid FROM {ref} WHERE id = {row}.{col})"


def _cust(table: Table, row: str) -> str:
    """SQL for the uid of the customer a row belongs to (NULL: none)."""
    if table.cust_sql is not None:
        return table.cust_sql.format(r=row)
    if table.customer is None:
        return "NULL"
    if table.customer == "":
        return f"{row}.uid"
    return f"(SELECT uid FROM customer WHERE id = {row}.{table.customer})"


def _match(table: Table, row: str, alias: str) -> str:
    return " AND ".join(f"{alias}.{k} = {row}.{k}" for k in table.key)


def _json(table: Table, row: str) -> str:
    args = ", ".join(f"'{c}', {_value(table, c, row)}" for c in table.columns)
    return f"json_object({args})"


def _uid_expr(table: Table, row: str) -> str:
    rand = random_uid_sql()
    det = table.uid_sql_for(row)
    if det is None:
        return rand
    return (f"coalesce(CASE WHEN NOT EXISTS (SELECT 1 FROM {table.name} WHERE uid = ({det})) "
            f"THEN ({det}) END, {rand})")


def _local(table: Table, row: str) -> str:
    if table.local_rows is None:
        return ""
    return f" AND NOT ({table.local_rows.format(r=row)})"


def trigger_sql(table: Table) -> list[str]:
    """The three capture triggers of a table."""
    t = table.name
    ins_body = [
        f"UPDATE {t} SET uid = {_uid_expr(table, 'NEW')} WHERE {_match(table, 'NEW', t)} "
        "AND uid IS NULL",
        _CLOCK,
    ]
    # Written back unchanged (a profile save deletes and inserts its e-mails, phones…):
    # the delete is taken back and nothing travels.
    same = (f"SELECT o.id FROM sync_outbox o, {t} x WHERE {_match(table, 'NEW', 'x')} AND "
            f"o.tbl = '{t}' AND o.uid = x.uid AND o.op = 'del' AND o.val = {_json(table, 'x')}")
    if table.natural:
        ins_body.append(f"INSERT INTO sync_outbox (tbl, uid, cust, op, col, val, hlc_ms, cur) "
                        f"SELECT '{t}', x.uid, {_cust(table, 'x')}, 'ins', NULL, "
                        f"{_json(table, 'x')}, {_STAMP} FROM {t} x WHERE "
                        f"{_match(table, 'NEW', 'x')} AND NOT EXISTS ({same})")
        ins_body.append(f"DELETE FROM sync_outbox WHERE id IN ({same})")
    else:
        ins_body.append(f"INSERT INTO sync_outbox (tbl, uid, cust, op, col, val, hlc_ms, cur) "
                        f"SELECT '{t}', x.uid, {_cust(table, 'x')}, 'ins', NULL, "
                        f"{_json(table, 'x')}, {_STAMP} FROM {t} x WHERE "
                        f"{_match(table, 'NEW', 'x')}")
    upd_parts = [
        f"SELECT '{t}', NEW.uid, {_cust(table, 'NEW')}, 'set', '{c}', "
        f"{_value(table, c, 'NEW')}, {_STAMP} WHERE OLD.{c} IS NOT NEW.{c}"
        for c in table.columns]
    upd_changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in table.columns)
    upd_body = [
        _CLOCK,
        "INSERT INTO sync_outbox (tbl, uid, cust, op, col, val, hlc_ms, cur) "
        + " UNION ALL ".join(upd_parts),
    ]
    del_body = [
        _CLOCK,
        f"INSERT INTO sync_outbox (tbl, uid, cust, op, col, val, hlc_ms, cur) "
        f"VALUES ('{t}', OLD.uid, {_cust(table, 'OLD')}, 'del', NULL, {_json(table, 'OLD')}, "
        f"{_STAMP})",
    ]
    return [
        f"CREATE TRIGGER sync_ins_{t} AFTER INSERT ON {t} WHEN {_ACTIVE}{_local(table, 'NEW')} "
        f"BEGIN {'; '.join(ins_body)}; END",
        f"CREATE TRIGGER sync_upd_{t} AFTER UPDATE ON {t} WHEN {_ACTIVE} AND NEW.uid IS NOT "
        f"NULL AND ({upd_changed}){_local(table, 'NEW')} BEGIN {'; '.join(upd_body)}; END",
        f"CREATE TRIGGER sync_del_{t} AFTER DELETE ON {t} WHEN {_ACTIVE} AND OLD.uid IS NOT "
        f"NULL{_local(table, 'OLD')} BEGIN {'; '.join(del_body)}; END",
    ]


def _captured() -> list[Table]:
    return [t for t in TABLES if t.name != "sync_conflict"]


@functools.lru_cache(maxsize=1)
def capture_version() -> str:
    text = "\n".join(s for t in [*_captured(), BY_NAME["sync_conflict"]]
                     for s in trigger_sql(t))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _backfill(table: Table) -> None:
    """Give every existing row its uid (a deterministic one where the spec has one and it
    is not taken twice)."""
    t = table.name
    if table.uid_sql is not None:
        det = table.uid_sql_for("x")
        if table.key == ("id",):
            db.execute_sql(f"UPDATE {t} SET uid = ({table.uid_sql_for(t)}) "
                           f"WHERE uid IS NULL AND id IN (SELECT min(x.id) FROM {t} x "
                           f"GROUP BY ({det}))")
        else:
            db.execute_sql(f"UPDATE {t} SET uid = ({table.uid_sql_for(t)}) "
                           "WHERE uid IS NULL")
    db.execute_sql(f"UPDATE {t} SET uid = {random_uid_sql()} WHERE uid IS NULL")


_BACKFILL = "1, 0"  # hlc_ms, cursor of a write queued for what was not synced before


def _captured_now() -> dict[str, list[str]]:
    return {t.name: list(t.columns) for t in _captured()}


def _captured_before() -> dict[str, list[str]] | None:
    try:
        row = db.execute_sql("SELECT captured FROM sync_state WHERE id = 1").fetchone()
    except Exception:  # noqa: BLE001 - an older schema
        return None
    if row is None or not row[0]:
        return None
    found: dict[str, list[str]] = json.loads(row[0])
    return found


def _enqueue_uncaptured(before: dict[str, list[str]]) -> int:
    """A build that syncs more than the one before: what this book already holds of the
    newly synced tables and columns goes into the outbox (else it would never travel)."""
    queued = 0
    # Stamped as older than anything (and as made before any pull): what the hub already
    # holds of the same row (a template the manager edited) wins, this book's copy goes to
    # conflicts when it differs, and what the hub lacks is simply added.
    for table in _captured():
        had = before.get(table.name)
        t = table.name
        local = _local(table, "x")
        if had is None:
            cur = db.execute_sql(
                f"INSERT INTO sync_outbox (tbl, uid, cust, op, col, val, hlc_ms, cur) "
                f"SELECT '{t}', x.uid, {_cust(table, 'x')}, 'ins', NULL, {_json(table, 'x')}, "
                f"{_BACKFILL} FROM {t} x WHERE x.uid IS NOT NULL{local}")
            queued += max(cur.rowcount, 0)
            continue
        defaults = _column_defaults(t)
        for col in table.columns:
            if col in had:
                continue
            default = defaults.get(col, "NULL")
            differs = f"x.{col} IS NOT NULL" if default == "NULL" else \
                f"x.{col} IS NOT {default}"
            cur = db.execute_sql(
                f"INSERT INTO sync_outbox (tbl, uid, cust, op, col, val, hlc_ms, cur) "
                f"SELECT '{t}', x.uid, {_cust(table, 'x')}, 'set', '{col}', "
                f"{_value(table, col, 'x')}, {_BACKFILL} FROM {t} x WHERE x.uid IS NOT NULL "
                f"AND {differs}{local}")
            queued += max(cur.rowcount, 0)
    return queued


def install_capture(*, enqueue_new: bool = False, backfill: bool = True) -> None:
    """Triggers and uid indexes (call inside a write transaction). Safe to repeat. With
    `enqueue_new`, what this book holds of tables and columns the previous build did not
    sync is queued for the hub; without `backfill`, rows are known to have their uid."""
    before = _captured_before() if enqueue_new else None
    for table in _captured():
        if backfill and table.name == "purchase":  # reversals are named after the purchase
            db.execute_sql(f"UPDATE purchase SET uid = {random_uid_sql()} "
                           "WHERE uid IS NULL AND reverses_id IS NULL")
        if backfill:
            _backfill(table)
        db.execute_sql(f"CREATE UNIQUE INDEX IF NOT EXISTS {table.name}_uid "
                       f"ON {table.name} (uid)")
    for table in [*_captured(), BY_NAME["sync_conflict"]]:
        for kind in ("ins", "upd", "del"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS sync_{kind}_{table.name}")
        for sql in trigger_sql(table):
            db.execute_sql(sql)
    if before is not None:
        db.execute_sql(f"UPDATE sync_state SET hlc_ms = max(hlc_ms, {_WALL_MS}) WHERE id = 1")
        _enqueue_uncaptured(before)
    db.execute_sql("UPDATE sync_state SET capture = ?, captured = ? WHERE id = 1",
                   (capture_version(), json.dumps(_captured_now())))


def ensure_capture() -> None:
    """On opening a synced book: reinstall the triggers when this build's differ."""
    row = None
    try:
        row = db.execute_sql("SELECT capture FROM sync_state WHERE id = 1").fetchone()
    except Exception:  # noqa: BLE001 - not migrated yet
        return
    if row is not None and row[0] != capture_version():
        with db.atomic():
            install_capture(enqueue_new=True)


def start(*, device: str, office: str, hub: str, login: str, cursor: int = 0) -> None:
    """Make this book an office book (inside a write transaction)."""
    db.execute_sql("DELETE FROM sync_state")
    db.execute_sql("INSERT INTO sync_state (id, device, office, hub, login, cursor, hlc_ms, "
                   "proto, applying, joined_at) VALUES (1, ?, ?, ?, ?, ?, 0, ?, 0, ?)",
                   (device, office, hub, login, cursor, PROTOCOL, _now()))
    install_capture()


def pushed(table: str, row_id: int) -> bool:
    """Whether a row of this office book is on the hub (other replicas may hold it): its
    insert is no longer in the outbox. Always False for a book that never joined. An undo
    of such a row must be a compensating write, not a removal that loses others' history."""
    if table not in BY_NAME or not joined():
        return False
    row = db.execute_sql(f"SELECT uid FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if row is None or row[0] is None:
        return False
    return db.execute_sql("SELECT 1 FROM sync_outbox WHERE tbl = ? AND uid = ? AND op = 'ins' "
                          "LIMIT 1", (table, row[0])).fetchone() is None


def new_device_id() -> str:
    return str(uuid.uuid4())


def device_name() -> str:
    return socket.gethostname()[:60]


@contextmanager
def applying() -> Iterator[None]:
    """Silence the capture triggers for the rest of the current transaction."""
    db.execute_sql("UPDATE sync_state SET applying = 1 WHERE id = 1")
    try:
        yield
    finally:
        db.execute_sql("UPDATE sync_state SET applying = 0 WHERE id = 1")


# --- push ------------------------------------------------------------------------------
@dataclass
class _Pending:
    table: Table
    uid: str
    cust: str | None
    inserted: dict[str, Any] | None = None
    ins_h: str = ""
    ins_q: int = 0
    old: dict[str, Any] | None = None  # the row before a delete made in this batch
    fields: dict[str, tuple[Any, str, int]] = field(default_factory=dict)
    deleted: tuple[bool, str, int] | None = None


def _hlc(ms: int, oid: int, device: str) -> str:
    return f"{ms:013d}-{oid:010d}-{device}"


def fold(rows: list[tuple[Any, ...]], device: str) -> list[dict[str, Any]]:
    """Outbox rows (id, tbl, uid, cust, op, col, val, hlc_ms, cur) -> push items."""
    pend: dict[tuple[str, str], _Pending] = {}
    for oid, tbl, uid, cust, op, col, val, ms, cur in rows:
        table = BY_NAME.get(tbl)
        if table is None:
            continue
        p = pend.setdefault((tbl, uid), _Pending(table, uid, cust))
        p.cust = p.cust or cust
        h = _hlc(int(ms), int(oid), device)
        if op == "ins":
            obj = json.loads(val)
            if p.old is not None:  # deleted and written again in this batch: what changed
                for c, v in obj.items():
                    if p.old.get(c) != v or c in p.fields:
                        p.fields[c] = (v, h, min(cur, p.fields.get(c, (0, "", cur))[2]))
                p.deleted = None
            else:
                p.inserted, p.ins_h, p.ins_q = obj, h, int(cur)
                p.fields.clear()
                p.deleted = None
        elif op == "set":
            if p.inserted is not None:
                p.inserted[col] = val
                p.ins_h = h
            else:
                prev = p.fields.get(col)
                p.fields[col] = (val, h, min(int(cur), prev[2]) if prev else int(cur))
        elif op == "del":
            if p.inserted is not None and p.old is None:
                p.inserted = None
                p.fields.clear()
                if table.uid_sql is None and not table.natural:
                    # Made and removed between two pushes, under an id of its own: the
                    # hub never had it, and never needs to hear of it.
                    p.deleted = None
                    continue
            elif p.old is None:
                p.old = json.loads(val)
            p.fields.clear()
            p.deleted = (True, h, int(cur))
    items: list[dict[str, Any]] = []
    for p in pend.values():
        t = p.table
        if p.inserted is not None:
            for part in t.parts():
                obj = {c: v for c, v in p.inserted.items() if t.columns.get(c) == part}
                obj["_del"] = False
                item = {"k": t.hub_name(part), "u": p.uid, "c": "*", "x": obj,
                        "h": p.ins_h, "q": p.ins_q, "cu": p.cust}
                if t.natural:
                    item["n"] = list(t.natural)
                items.append(item)
        for c, (v, h, q) in p.fields.items():
            if c in t.columns:
                items.append({"k": t.hub_name(t.columns[c]), "u": p.uid, "c": c, "x": v,
                              "h": h, "q": q, "cu": p.cust})
        if p.deleted is not None:
            gone, h, q = p.deleted
            for part in t.parts():
                items.append({"k": t.hub_name(part), "u": p.uid, "c": "_del", "x": gone,
                              "h": h, "q": q, "cu": p.cust})
    return items


@dataclass
class PushReport:
    sent: int = 0
    accepted: int = 0
    lost: int = 0
    refused: int = 0


@contextmanager
def _sync_lock(book: Path | None) -> Iterator[None]:
    """One push or pull of a book at a time (window worker and CLI alike)."""
    if book is None:
        yield
        return
    lock = book.with_name(book.name + ".sync-lock")
    fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        from crmdesk.store import sidecar  # flock here, a byte lock on Windows (no fcntl)

        if not sidecar.try_lock_whole(fd):
            raise SyncError(translate(
                "sync", "Another crmdesk is syncing this book right now; try again in a "
                "moment."))
        yield
    finally:
        os.close(fd)


def unsent() -> int:
    return int(db.execute_sql("SELECT count(*) FROM sync_outbox").fetchone()[0])


def held_back() -> int:
    """Records received from the hub and not stored here yet: their customer has not
    arrived, or this book cannot store them as they are. Each sync tries them again."""
    return int(db.execute_sql("SELECT count(*) FROM sync_pending").fetchone()[0])


def push(link: Link, *, batch: int = PUSH_BATCH) -> PushReport:
    st = require_state()
    rep = PushReport()
    while True:
        rows = db.execute_sql(
            "SELECT id, tbl, uid, cust, op, col, val, hlc_ms, cur FROM sync_outbox "
            "ORDER BY id LIMIT ?", (batch,)).fetchall()
        # This device's new audit entries ride along in the same call (one round trip).
        trail = _audit_rows(batch) if _hub_schema >= AUDIT_HUB_SCHEMA else []
        if not rows and not trail:
            return rep
        upto = int(rows[-1][0]) if rows else 0
        items = fold(rows, st.device)
        _pushed_customers.update(str(i["cu"]) for i in items if i.get("cu"))
        extra = _audit_items(trail, st)
        answer = link.push(PROTOCOL, st.device, items + extra) if items or extra \
            else {"results": []}
        results: list[dict[str, Any]] = list(answer.get("results") or [])[:len(items)]
        if trail:
            with db.atomic():
                db.execute_sql("UPDATE sync_state SET audit_sent = max(audit_sent, ?) "
                               "WHERE id = 1", (int(trail[-1][0]),))
        unmerged: list[str] = []
        with db.atomic(), applying():
            for item, res in zip(items, results, strict=False):
                verdict = res.get("r")
                if (verdict == "refused" and item["k"] == "customer_alias"
                        and item["c"] == "*" and isinstance(item["x"], dict)):
                    unmerged.append(str(item["x"].get("old_id")))
                if verdict in ("lost", "refused"):
                    _take_hub_value(item, res, upto)
                    rep.lost += verdict == "lost"
                    rep.refused += verdict == "refused"
                else:
                    rep.accepted += 1
            if rows:
                db.execute_sql("DELETE FROM sync_outbox WHERE id <= ?", (upto,))
            hub_now = answer.get("now")
            if rep.refused and isinstance(hub_now, int):
                # Our clock ran too far ahead: from now on stamp at the edge of what the hub
                # takes (never below a stamp it took from us: this laptop's stamps only grow).
                db.execute_sql("UPDATE sync_state SET hlc_ms = ? WHERE id = 1 AND hlc_ms > ?",
                               (hub_now + CLOCK_SLACK_MS, hub_now + CLOCK_SLACK_MS))
        if unmerged:
            # The hub refused our merge (the two were merged the other way first): the
            # customer this book put in the Trash for it comes back (an edit, pushed next).
            with db.atomic():
                back: list[int] = []
                for uid in unmerged:
                    row = db.execute_sql("UPDATE customer SET archived_at = NULL, updated_at = ? "
                                         "WHERE uid = ? AND archived_at IS NOT NULL "
                                         "RETURNING id", (_now(), uid)).fetchone()
                    if row is not None:
                        back.append(int(row[0]))
                search_index.reindex(back)  # back on the list: back in the search index
        rep.sent += len(items)


def audit_backlog() -> int:
    """Audit entries of this book the hub does not hold yet."""
    try:
        return int(db.execute_sql("SELECT count(*) FROM audit_entry WHERE id > (SELECT "
                                  "audit_sent FROM sync_state WHERE id = 1)").fetchone()[0])
    except Exception:  # noqa: BLE001 - an older schema
        return 0


def audit_record(row: tuple[Any, ...], device: str) -> dict[str, Any]:
    """One audit entry as it travels: every field its hash covers (the local customer id
    too, which the hash names), the customer's uid for the hub, and its place in this
    device's chain."""
    (entry_id, at, who, action, cid, cust, detail, detail_hash, erased, prev_hash,
     digest) = row
    return {"seq": int(entry_id), "at": at, "who": who, "action": action,
            "customer_id": cid, "customer_uid": cust, "detail": detail,
            "detail_hash": detail_hash, "erased": int(erased or 0), "prev_hash": prev_hash,
            "hash": digest, "device": device}


def verify_audit_chain(records: list[dict[str, Any]]) -> list[str]:
    """Problems in one device's chain as the hub holds it (records in `seq` order): each
    entry's hash over its fields, each link to the entry before, no gap."""
    from crmdesk.store.migrations import audit_digest

    problems: list[str] = []
    prev: dict[str, Any] | None = None
    for rec in records:
        detail_hash = rec.get("detail_hash")
        want = audit_digest(str(rec.get("prev_hash")), str(rec.get("at")), str(rec.get("who")),
                            str(rec.get("action")), rec.get("customer_id"),
                            str(rec.get("detail") or ""), detail_hash)
        if want != rec.get("hash"):
            problems.append(f"entry {rec.get('seq')}: its hash does not match what it says")
        if prev is not None:
            if int(rec["seq"]) != int(prev["seq"]) + 1:
                problems.append(f"entries {int(prev['seq']) + 1}–{int(rec['seq']) - 1} are "
                                "missing")
            elif rec.get("prev_hash") != prev.get("hash"):
                problems.append(f"entry {rec.get('seq')} does not follow the one before")
        prev = rec
    return problems


@dataclass
class OfficeAudit:
    """The office's audit trail as the hub keeps it: entries of every device, and what
    is wrong with any chain."""
    entries: list[dict[str, Any]]
    devices: int
    problems: list[str]


def office_audit(link: Any) -> OfficeAudit:
    """Read every device's audit chain from the hub (the hub lets managers only) and
    verify each one; entries carry the device's name and login, and the customer's name in
    this book where the book holds them."""
    rows = link.audit_trail()
    names = {uid: name for uid, name in db.execute_sql(
        "SELECT uid, trim(given_name || ' ' || family_name) FROM customer")}
    chains: dict[str, list[dict[str, Any]]] = {}
    entries: list[dict[str, Any]] = []
    for device, device_name, login, data in rows:
        chains.setdefault(device, []).append(data)
        entries.append({"device": device, "device_name": device_name, "login": login,
                        "seq": data.get("seq"), "at": data.get("at"), "who": data.get("who"),
                        "action": data.get("action"),
                        "customer_uid": data.get("customer_uid"),
                        "customer": names.get(data.get("customer_uid") or "", ""),
                        "detail": data.get("detail") or ""})
    problems = [f"device {device}: {p}" for device, chain in chains.items()
                for p in verify_audit_chain(chain)]
    return OfficeAudit(entries, len(chains), problems)


def _audit_rows(batch: int) -> list[tuple[Any, ...]]:
    return list(db.execute_sql(
        "SELECT a.id, a.at, a.who, a.action, a.customer_id, c.uid, a.detail, "
        "a.detail_hash, a.erased, a.prev_hash, a.hash FROM audit_entry a "
        "LEFT JOIN customer c ON c.id = a.customer_id WHERE a.id > (SELECT audit_sent "
        "FROM sync_state WHERE id = 1) ORDER BY a.id LIMIT ?", (batch,)).fetchall())


def _audit_items(rows: list[tuple[Any, ...]], st: State) -> list[dict[str, Any]]:
    ms = int(time.time() * 1000)
    return [{"k": AUDIT_KIND, "u": f"{st.device}:{row[0]}", "c": "*",
             "x": audit_record(row, st.device), "h": _hlc(ms, int(row[0]), st.device),
             "q": st.cursor, "cu": row[5]} for row in rows]


def push_audit(link: Link, *, batch: int = PUSH_BATCH) -> int:
    """Send this device's audit entries the hub does not hold yet, in chain order (the
    hub keeps them; no device pulls them back). Returns how many went. (`push` sends
    them along with the edits; this is for a trail alone.)"""
    st = require_state()
    sent = 0
    while True:
        rows = _audit_rows(batch)
        if not rows:
            return sent
        link.push(PROTOCOL, st.device, _audit_items(rows, st))
        with db.atomic():
            db.execute_sql("UPDATE sync_state SET audit_sent = max(audit_sent, ?) WHERE id = 1",
                           (int(rows[-1][0]),))
        sent += len(rows)


def _take_hub_value(item: dict[str, Any], res: dict[str, Any], upto: int) -> None:
    """The hub kept another value (or refused ours): take it, unless this book wrote the
    field again since (that later write is pushed next)."""
    table, part = HUB_KINDS[item["k"]]
    uid = item["u"]
    newer = {r[0] for r in db.execute_sql(
        "SELECT coalesce(col, '*') FROM sync_outbox WHERE tbl = ? AND uid = ? AND id > ?",
        (table.name, uid, upto))}
    if "*" in newer:
        return
    winners: dict[str, Any] = dict(res.get("w") or {})
    if res.get("r") == "refused" and item["c"] == "*" and not res.get("e"):
        _delete_local(table, uid)  # a row the hub would not take: it never existed there
        return
    if res.get("d"):
        _delete_local(table, uid)
        return
    gone = winners.pop("_del", None)
    if gone is True:
        _delete_local(table, uid)
        return
    values = {c: v for c, v in winners.items() if c in table.columns and c not in newer}
    if values:
        _write_local(table, uid, values, insert_ok=gone is False)


# --- applying records ------------------------------------------------------------------
class _Missing(Exception):
    """A record names a row that is not in this book yet."""


def _local_id(table: str, uid: Any) -> int | None:
    if uid is None:
        return None
    row = db.execute_sql(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
    if row is None:
        raise _Missing(f"{table}:{uid}")
    return int(row[0])


def _unhex(value: Any) -> bytes | None:
    """A BLOB as it travels (hex text) back to bytes; None for what is not hex."""
    if value is None:
        return None
    try:
        return bytes.fromhex(str(value))
    except ValueError:
        return None


def _delete_local(table: Table, uid: str) -> None:
    if table.name in _SEARCHED_KINDS:
        _touch(table, uid, {}, None)  # the customer's search row loses it
    elif table.name == "interaction":
        db.execute_sql("DELETE FROM interaction_fts WHERE rowid = (SELECT id FROM interaction "
                       "WHERE uid = ?)", (uid,))
    elif table.name == "customer":
        db.execute_sql("DELETE FROM customer_fts WHERE rowid = (SELECT id FROM customer "
                       "WHERE uid = ?)", (uid,))
        db.execute_sql("DELETE FROM customer_phone_search WHERE rowid = (SELECT id FROM "
                       "customer WHERE uid = ?)", (uid,))
    db.execute_sql(f"DELETE FROM {table.name} WHERE uid = ?", (uid,))


_touched_customers: set[str] = set()
_touched_interactions: set[str] = set()


def _write_local(table: Table, uid: str, values: dict[str, Any], *, insert_ok: bool = True,
                 skip: frozenset[str] = frozenset()) -> None:
    cols: dict[str, Any] = {}
    for c, v in values.items():
        if c not in table.columns or c in skip:
            continue
        if c in table.blobs:
            cols[c] = _unhex(v)
            continue
        cols[c] = _local_id(table.refs[c], v) if c in table.refs else v
    for c in _required_refs(table):
        if c in cols and cols[c] is None:
            raise IntegrityError(f"{table.name}.{c}")  # (a record naming no parent)
    names = list(cols)
    current = db.execute_sql(
        f"SELECT {', '.join(names) if names else 'uid'} FROM {table.name} WHERE uid = ?",
        (uid,)).fetchone()
    changed = {c: v for c, v, old in zip(names, cols.values(), current, strict=True)
               if v != old} if current is not None else dict(cols)
    _touch(table, uid, values, set(changed) if current is not None else None)
    if current is not None:
        if changed:
            sets = ", ".join(f"{c} = ?" for c in changed)
            db.execute_sql(f"UPDATE {table.name} SET {sets} WHERE uid = ?",
                           [*changed.values(), uid])
        return
    if not insert_ok:
        return
    if any(c not in cols for c in _required_refs(table)):
        # (SQLite would give a missing INTEGER PRIMARY KEY a new number: another parent's)
        raise IntegrityError(table.name)
    for c, expr in table.fill.items():
        if c not in cols:
            cols[c] = db.execute_sql(f"SELECT {expr}").fetchone()[0]
    names = [*cols, "uid"]
    db.execute_sql(f"INSERT INTO {table.name} ({', '.join(names)}) VALUES "
                   f"({', '.join('?' * len(names))})", [*cols.values(), uid])


_REQUIRED_REFS: dict[str, frozenset[str]] = {}


def _required_refs(table: Table) -> frozenset[str]:
    """The references a row of `table` cannot be without (NOT NULL, or its primary key)."""
    found = _REQUIRED_REFS.get(table.name)
    if found is None:
        found = _REQUIRED_REFS[table.name] = frozenset(
            name for _cid, name, _type, notnull, default, pk in db.execute_sql(
                f"PRAGMA table_info({table.name})").fetchall()
            if name in table.refs and ((notnull and default is None) or pk))
    return found


#: What the customers' search rows (and sort keys) are made of (search_index.reindex): a
#: pulled change of anything else leaves the search index alone.
_SEARCHED = frozenset({"given_name", "family_name", "preferred_name", "occupation", "company",
                       "notes", "archived_at"})
_SEARCHED_KINDS = frozenset({"customer_email", "customer_phone", "customer_tag"})


def _touch(table: Table, uid: str, values: dict[str, Any], changed: set[str] | None) -> None:
    """Note what a pulled write makes stale (`changed` None: a new row)."""
    if table.name == "customer":
        if changed is None or changed & _SEARCHED:
            _touched_customers.add(uid)
    elif table.name in _SEARCHED_KINDS and (changed is None or changed):
        _touched_customers.add(str(values.get("customer_id") or ""))
        row = db.execute_sql(f"SELECT c.uid FROM {table.name} t JOIN customer c ON "
                             f"c.id = t.customer_id WHERE t.uid = ?", (uid,)).fetchone()
        if row:
            _touched_customers.add(row[0])
    elif table.name == "interaction" and (changed is None or changed):
        _touched_interactions.add(uid)


def _pending_cols(table: Table, uid: str) -> frozenset[str] | None:
    """Fields with unsent local writes (None: the whole row is pending)."""
    rows = db.execute_sql("SELECT op, col FROM sync_outbox WHERE tbl = ? AND uid = ?",
                          (table.name, uid)).fetchall()
    if any(op in ("ins", "del") for op, _ in rows):
        return None
    return frozenset(c for _, c in rows)


_CONFLICT_COLS = ("kind", "row_uid", "customer_uid", "col", "kept", "lost", "kept_hlc",
                  "lost_hlc", "kept_by", "lost_by", "kept_device", "lost_device", "reason",
                  "at", "resolved_at", "resolution")


def _apply_conflict(uid: str, data: dict[str, Any], deleted: bool) -> None:
    if deleted:
        db.execute_sql("DELETE FROM sync_conflict WHERE uid = ?", (uid,))
        return
    pending = _pending_cols(BY_NAME["sync_conflict"], uid) or frozenset()
    vals = {c: (json.dumps(data.get(c), ensure_ascii=False) if c in ("kept", "lost")
                else data.get(c)) for c in _CONFLICT_COLS if c in data and c not in pending}
    exists = db.execute_sql("SELECT 1 FROM sync_conflict WHERE uid = ?", (uid,)).fetchone()
    if exists:
        if vals:
            sets = ", ".join(f"{c} = ?" for c in vals)
            db.execute_sql(f"UPDATE sync_conflict SET {sets} WHERE uid = ?",
                           [*vals.values(), uid])
        return
    vals.setdefault("at", _now())
    vals.setdefault("kind", "")
    vals.setdefault("row_uid", "")
    vals.setdefault("col", "")
    names = [*vals, "uid"]
    db.execute_sql(f"INSERT INTO sync_conflict ({', '.join(names)}) VALUES "
                   f"({', '.join('?' * len(names))})", [*vals.values(), uid])


def apply_record(kind: str, uid: str, data: dict[str, Any], deleted: bool) -> None:
    """Store one pulled record (inside `applying()`); _Missing when a parent is absent."""
    if kind == "sync_conflict":
        _apply_conflict(uid, data, deleted)
        return
    found = HUB_KINDS.get(kind)
    if found is None:
        return  # a kind from a newer protocol: ignored until this build knows it
    table, part = found
    pending = _pending_cols(table, uid)
    if pending is None:
        return  # written here and not pushed yet: the push decides
    if deleted:
        if part == table.columns[next(iter(table.columns))]:
            _delete_local(table, uid)
        return
    values = {c: v for c, v in data.items() if table.columns.get(c) == part}
    _write_local(table, uid, values, skip=pending)


def _refresh_derived() -> None:
    """Names sort keys and search indexes of what a pull changed."""
    ids: list[int] = []
    for uid in _touched_customers:
        row = db.execute_sql("SELECT id, given_name, family_name FROM customer WHERE uid = ?",
                             (uid,)).fetchone()
        if row is None:
            continue
        cid, given, family = row
        ids.append(int(cid))
        if given == FORGOTTEN:
            continue
        key = search_index.sort_name(given, family)
        db.execute_sql("UPDATE customer SET sort_name = ? WHERE id = ? AND sort_name IS NOT ?",
                       (key, cid, key))
    search_index.reindex(ids)
    for uid in _touched_interactions:
        row = db.execute_sql("SELECT id FROM interaction WHERE uid = ?", (uid,)).fetchone()
        db.execute_sql("DELETE FROM interaction_fts WHERE rowid = (SELECT id FROM interaction "
                       "WHERE uid = ?)", (uid,))
        if row is not None:
            db.execute_sql("INSERT INTO interaction_fts (rowid, subject, notes, outcome) "
                           "SELECT id, subject, notes, outcome FROM interaction WHERE id = ?",
                           (row[0],))
    _touched_customers.clear()
    _touched_interactions.clear()


@dataclass
class PullReport:
    received: int = 0
    waiting: int = 0  # records whose parent has not arrived (kept for the next pull)
    cursor: int = 0
    forgotten: int = 0
    access: int = 0  # customers taken again because their access changed
    sign_in: str = ""  # a join: who signs in on this laptop (their hub password)
    phases: dict[str, float] = field(default_factory=dict)  # seconds, for the benchmarks

    def clock(self, phase: str, since: float) -> float:
        now = time.perf_counter()
        self.phases[phase] = self.phases.get(phase, 0.0) + now - since
        return now


def _apply_batch(recs: list[tuple[str, str, dict[str, Any], bool]], rep: PullReport) -> None:
    """Apply records, parents first; what still misses a parent waits in sync_pending.

    A record that waits is tried again before the page, unless the page brings a newer
    version of it or its deletion: then only that one is applied (or waits in its place).
    """
    waiting = [(k, u, *_unparked(r)) for k, u, r in db.execute_sql(
        "SELECT kind, uid, rec FROM sync_pending").fetchall()]
    # (the newest of each record, in the page's order: one row per record on the hub)
    queue = list({(k, u): (k, u, d, x) for k, u, d, x in [*waiting, *recs]}.values())
    db.execute_sql("DELETE FROM sync_pending")
    # A record this book cannot store as it is (a UNIQUE or CHECK rule: two rows claiming
    # one customer's tag or consent, fields missing) waits too, rolled back on its own,
    # rather than stop the pull and so every pull after it; it is tried again in the next
    # pass, after the page's other records (one of them may free it).
    for _ in range(8):  # a child may name a parent later in the batch
        later: list[tuple[str, str, dict[str, Any], bool]] = []
        for kind, uid, data, deleted in queue:
            try:
                with db.atomic():
                    apply_record(kind, uid, data, deleted)
            except (_Missing, IntegrityError):
                later.append((kind, uid, data, deleted))
        if len(later) == len(queue):
            break
        queue = later
    else:
        later = queue
    for kind, uid, data, deleted in later:
        db.execute_sql("INSERT OR REPLACE INTO sync_pending (kind, uid, rec) VALUES (?, ?, ?)",
                       (kind, uid, _PARKED_DELETION if deleted else json.dumps(data)))
    rep.waiting = len(later)


#: A deletion that waits is kept as JSON null (a record's data is always an object).
_PARKED_DELETION = "null"


def _unparked(rec: str) -> tuple[dict[str, Any], bool]:
    """(data, deleted) of a record kept in sync_pending."""
    data = json.loads(rec)
    return ({}, True) if data is None else (data, False)


def _ms_of(v: dict[str, Any]) -> int:
    best = 0
    for ver in v.values():
        try:
            best = max(best, int(str(ver[0])[:13]))
        except (ValueError, TypeError, IndexError):
            continue
    return best


def pull(link: Link, *, page: int = PULL_PAGE) -> PullReport:
    st = require_state()
    rep = PullReport(cursor=st.cursor)
    cursor = st.cursor
    t0 = time.perf_counter()
    while True:
        rows = link.pull(cursor, page)
        t0 = rep.clock("reading the hub", t0)
        if not rows:
            break
        recs: list[tuple[str, str, dict[str, Any], bool]] = []
        seen = 0
        for seq, kind, uid, _cust, data, v, deleted in rows:
            recs.append((kind, uid, dict(data or {}), bool(deleted)))
            seen = max(seen, _ms_of(dict(v or {})))
            cursor = max(cursor, int(seq))
        with db.atomic():
            with applying():
                _apply_batch(recs, rep)
                t0 = rep.clock("applying", t0)
                _refresh_derived()
                t0 = rep.clock("search index", t0)
            db.execute_sql("UPDATE sync_state SET cursor = ?, hlc_ms = max(hlc_ms, ?) "
                           "WHERE id = 1", (cursor, seen + 1 if seen else 0))
        t0 = rep.clock("commit", t0)
        rep.received += len(rows)
        rep.forgotten += sum(1 for k, _u, d, _x in recs
                             if k == "customer" and d.get("given_name") == FORGOTTEN)
        if len(rows) < page:
            break
    if not rep.received and held_back():
        _retry_waiting(rep)
    rep.waiting = held_back()
    rep.cursor = cursor
    if _hub_schema >= ACCESS_HUB_SCHEMA and hasattr(link, "access_changes"):
        # (after the pages: every access change committed before the last page was read
        # is seen; one seen twice is applied twice, to the same result)
        rep.access = _reconcile_access(link, st.cursor)
        t0 = rep.clock("access", t0)
    if rep.received:
        link.ack(st.device, cursor)
        rep.clock("ack", t0)
    if rep.forgotten:
        from crmdesk.services.privacy import purge_freed_space

        purge_freed_space()  # what identified them must not linger in the file
    return rep


class _Unchanged(Exception):
    """Nothing that waited could be stored: the retry is rolled back."""


def _retry_waiting(rep: PullReport) -> None:
    """The records that wait, tried again when the hub sent nothing new (something written
    here may have freed them): the book is left as it was unless one of them is stored."""
    before = held_back()
    try:
        with db.atomic(), applying():
            _apply_batch([], rep)
            if rep.waiting >= before:
                raise _Unchanged
            _refresh_derived()
    except _Unchanged:
        _touched_customers.clear()
        _touched_interactions.clear()


ACCESS_BATCH = 500  # customers whose rows are taken again per call


def _reconcile_access(link: Any, since: int) -> int:
    """The customers whose access changed after `since` (made exclusive, notes marked
    private, another owner): their rows as this person may see them now replace what the
    book holds of them. What they may no longer see leaves the book; what they may now see
    arrives. Unsent local writes stay (the hub judges them by the access their author had).
    Returns how many customers were taken again."""
    custs = list(dict.fromkeys([*link.access_changes(since), *_stale_merged(),
                                *_restricted_pushed()]))
    done = removed = 0
    for start in range(0, len(custs), ACCESS_BATCH):
        chunk = custs[start:start + ACCESS_BATCH]
        rows = link.customer_rows(chunk)
        visible = {(kind, uid) for _seq, kind, uid, _cust, _data, _v, _deleted in rows}
        recs = [(kind, uid, dict(data or {}), bool(deleted))
                for _seq, kind, uid, _cust, data, _v, deleted in rows]
        with db.atomic(), applying():
            for cust in chunk:
                removed += _take_away(cust, visible)
            _apply_batch(recs, PullReport())
            _refresh_derived()
        done += len(chunk)
    if removed:
        from crmdesk.services.privacy import purge_freed_space

        purge_freed_space()  # what this person may no longer see must not linger in the file
    return done


_pushed_customers: set[str] = set()  # customers this device's pushes wrote to
_my_role: list[str] = [""]  # this device's person's role, as the hub said (hello)


def _restricted_pushed() -> list[str]:
    """Customers this laptop just wrote to that its person sees only in part (exclusive to
    someone else, private notes): what the hub kept of those writes (a call logged with an
    exclusive client, a refused edit) may be beyond what they may see, so their rows are
    taken again. (A manager sees everything: nothing to take again.)"""
    pushed = list(_pushed_customers)
    _pushed_customers.clear()
    if not pushed or _my_role[0] in ("", "manager"):
        return []
    out: list[str] = []
    for start in range(0, len(pushed), 500):
        chunk = pushed[start:start + 500]
        out += [r[0] for r in db.execute_sql(
            "SELECT uid FROM customer WHERE uid IN (" + ", ".join("?" * len(chunk)) + ") AND "
            "(relationship_type = 'exclusive' OR notes_private)", chunk)]
    return out


def _stale_merged() -> list[str]:
    """Merged-away customers that still hold rows here once the pull is applied: the hub
    moved those rows to the customer kept (written here offline, or moved by the merge),
    where this person may not see them, so no pull brings them back. Taken again, they
    leave the book (unless still unsent)."""
    tables = [t for t in TABLES if t.customer and t.customer in t.columns
              and t.name not in ("customer_alias", "sync_conflict")]
    if not tables:
        return []
    held = " OR ".join(f"EXISTS (SELECT 1 FROM {t.name} x WHERE x.{t.customer} = c.id)"
                       for t in tables)
    # (CROSS JOIN: from the few merges to their customers; the planner, left to itself,
    # walked every customer with a dozen subqueries each — 50 ms a pull at 100,000)
    return [r[0] for r in db.execute_sql(
        f"SELECT c.uid FROM customer_alias a CROSS JOIN customer c ON c.id = a.old_id "
        f"WHERE {held}")]


def _take_away(cust: str, visible: set[tuple[str, str]]) -> int:
    """Remove from the book what of customer `cust` is not in `visible`; how many rows
    went or were blanked."""
    row = db.execute_sql("SELECT id FROM customer WHERE uid = ?", (cust,)).fetchone()
    if row is None:
        return 0
    removed = 0
    cid = int(row[0])
    for table in reversed(TABLES):  # children before their parents
        if table.name == "sync_conflict":
            continue
        if table.customer == "":
            uids = [cust]
        elif table.customer:
            uids = [r[0] for r in db.execute_sql(
                f"SELECT uid FROM {table.name} WHERE {table.customer} = ?", (cid,))]
        elif table.cust_sql:
            uids = [r[0] for r in db.execute_sql(
                f"SELECT x.uid FROM {table.name} x WHERE ({table.cust_sql.format(r='x')}) = ?",
                (cust,))]
        else:
            continue
        parts = table.parts()
        main = table.columns[next(iter(table.columns))]
        for uid in uids:
            if uid is None:
                continue
            pending = _pending_cols(table, uid)
            if pending is None:
                continue  # written here and not sent yet: the hub decides
            if (table.hub_name(main), uid) not in visible:
                if table.customer != "":
                    _delete_local(table, uid)
                    removed += 1
                continue
            defaults = _column_defaults(table.name)
            for part in parts:
                if part == main or (table.hub_name(part), uid) in visible:
                    continue
                cols = [c for c, p in table.columns.items() if p == part and c not in pending]
                if cols:
                    changed = db.execute_sql(
                        f"UPDATE {table.name} SET "
                        + ", ".join(f"{c} = {defaults.get(c, 'NULL')}" for c in cols)
                        + " WHERE uid = ? AND NOT ("
                        + " AND ".join(f"{c} IS {defaults.get(c, 'NULL')}" for c in cols)
                        + ")", (uid,)).rowcount
                    removed += max(changed, 0)
                    if table.name == "customer":
                        _touched_customers.add(uid)
    for uid, in db.execute_sql("SELECT uid FROM sync_conflict WHERE customer_uid = ?",
                               (cust,)).fetchall():
        if ("sync_conflict", uid) not in visible and _pending_cols(
                BY_NAME["sync_conflict"], uid) is not None:
            db.execute_sql("DELETE FROM sync_conflict WHERE uid = ?", (uid,))
            removed += 1
    return removed


# --- bootstrap -------------------------------------------------------------------------
class SnapshotLink(Link, Protocol):
    def snapshot_records(self, kinds: list[str], batch: int
                         ) -> Iterator[tuple[str, list[tuple[str, str, int]]]]: ...

    def head(self) -> int: ...


_Page = tuple[str, list[tuple[str, str, int]]]  # a block of one kind's records


def _column_defaults(table: str) -> dict[str, str]:
    """Each column's default as SQL ('' for NOT NULL columns without one)."""
    out: dict[str, str] = {}
    for _cid, name, _type, notnull, default, _pk in db.execute_sql(
            f"PRAGMA table_info({table})").fetchall():
        out[name] = default if default is not None else ("''" if notnull else "NULL")
    return out


class _PhoneTokens:
    """The search tokens of the phone numbers a bootstrap received, worked out by a
    second thread while this one fills the tables: SQLite runs its statements without
    holding the GIL, so parsing the numbers (the largest part of building the search
    index) overlaps with them. Each number's tokens are those of
    `search_index.phone_tokens`, the function every other write uses."""

    def __init__(self, numbers: list[str]):
        self.tokens: dict[str, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(numbers,), daemon=True,
                                        name="crmdesk-phone-tokens")
        self._thread.start()

    def _run(self, numbers: list[str]) -> None:
        for e164 in numbers:
            if self._stop.is_set():
                return
            # (A number that raised is left out: the main thread meets it again.)
            self.tokens[e164] = search_index.phone_tokens(e164)

    def done(self) -> dict[str, str]:
        self._thread.join()
        return self.tokens

    def cancel(self) -> None:
        self._stop.set()
        self._thread.join()


def _bulk_fts(known: dict[str, str] | None = None) -> None:
    """The customers' search rows, as search_index.reindex writes them, in one go
    (`known`: phone tokens already worked out, by number)."""
    known = known or {}
    phones: dict[int, list[str]] = {}
    for cid, e164 in db.execute_sql("SELECT customer_id, e164 FROM customer_phone"):
        tokens = known.get(e164)
        if tokens is None:
            tokens = search_index.phone_tokens(e164)
        phones.setdefault(int(cid), []).append(tokens)
    rows = [(cid, name, emails or "", " ".join(phones.get(int(cid), [])), company, tags or "",
             notes)
            for cid, name, emails, company, tags, notes in db.execute_sql(
                """SELECT c.id, c.given_name || ' ' || c.family_name || ' ' || c.preferred_name,
                          (SELECT group_concat(address, ' ') FROM customer_email e
                           WHERE e.customer_id = c.id),
                          c.occupation || ' ' || c.company,
                          (SELECT group_concat(tag, ' ') FROM customer_tag t
                           WHERE t.customer_id = c.id), c.notes
                   FROM customer c WHERE c.archived_at IS NULL""").fetchall()]
    db.execute_sql("DELETE FROM customer_fts")
    db.connection().executemany(
        "INSERT INTO customer_fts (rowid, name, emails, phones, company, tags, notes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute_sql("DELETE FROM customer_phone_search")
    search_index.write_phone_search([(int(r[0]), str(r[3])) for r in rows])
    db.execute_sql("DELETE FROM interaction_fts")
    db.execute_sql("INSERT INTO interaction_fts (rowid, subject, notes, outcome) "
                   "SELECT id, subject, notes, outcome FROM interaction")


def _staged(kind: str) -> str:
    """The temporary table staging one kind's records of a bootstrap (uid, data, seq)."""
    return "temp.boot_" + kind.replace(".", "__")


def _probed(table: Table, part: str) -> bool:
    """Whether a bootstrap looks records of this part up by uid (and so indexes them):
    every part but the table's first is joined to it; a part holding a reference to a
    row of the same table is read again once every row is in."""
    main = table.columns[next(iter(table.columns))]
    return part != main or any(table.refs.get(c) == table.name
                               for c, p in table.columns.items() if p == part)


def _bulk_table(table: Table) -> None:
    """Rows of one table from the staged records, foreign keys turned into local ids by
    SQL; rows whose parent is absent wait in sync_pending."""
    defaults = _column_defaults(table.name)
    required = {name for _cid, name, _type, notnull, default, _pk in db.execute_sql(
        f"PRAGMA table_info({table.name})").fetchall() if notnull and default is None}
    parts = table.parts()
    main = table.columns[next(iter(table.columns))]
    joins = []
    alias = {main: "s"}
    for n, part in enumerate(p for p in parts if p != main):
        alias[part] = f"s{n}"
        joins.append(f"LEFT JOIN {_staged(table.hub_name(part))} s{n} ON s{n}.uid = s.uid")
    cols, exprs, parents = [], [], []
    later: list[tuple[str, str]] = []  # (column, its part) naming a row of this table
    for c, part in table.columns.items():
        a = alias[part]
        raw = f"json_extract({a}.data, '$.{c}')"
        if table.refs.get(c) == table.name:
            # (One INSERT … SELECT does not see its own rows: such a reference is set
            # once every row is in.)
            later.append((c, part))
            continue
        if c in table.blobs:
            value = f"crmdesk_unhex({raw})"
        elif c in table.refs:
            ref = table.refs[c]
            value = f"(SELECT id FROM {ref} WHERE uid = {raw})"
            parents.append(f"{value} IS NOT NULL" if c in _required_refs(table)
                           else f"({raw} IS NULL OR {value} IS NOT NULL)")
        else:
            value = raw
        fill = table.fill.get(c, defaults.get(c, "NULL"))
        if part == main and c in required and c not in table.fill:
            fill = "NULL"  # (a record without it is not stored: it waits, as a pull's)
        # (A missing field takes the column's default; JSON null never reaches a NOT NULL
        # column that has one.)
        exprs.append(value if fill == "NULL" else f"coalesce({value}, {fill})")
        cols.append(c)
    ok = " AND ".join(parents) or "1"
    base = f"FROM {_staged(table.hub_name(main))} s {' '.join(joins)} WHERE 1"
    order = "ORDER BY s.seq"
    if table.name == "purchase":  # a reversal after the purchase it reverses
        order = "ORDER BY json_extract(s.data, '$.reverses_id') IS NOT NULL, s.seq"
    if table.name in table.refs.values():  # a row naming another of its table
        db.execute_sql(f"CREATE UNIQUE INDEX IF NOT EXISTS {table.name}_uid "
                       f"ON {table.name} (uid)")
    # (OR IGNORE: a row this book cannot store as it is, a UNIQUE or NOT NULL rule, is
    # left out and its records wait in sync_pending below, as a pull leaves them, rather
    # than stop the join.)
    db.execute_sql(f"INSERT OR IGNORE INTO {table.name} ({', '.join(cols)}, uid) SELECT "
                   f"{', '.join(exprs)}, s.uid {base} AND {ok} {order}")
    db.execute_sql(f"CREATE UNIQUE INDEX IF NOT EXISTS {table.name}_uid "
                   f"ON {table.name} (uid)")
    t = table.name
    for c, part in later:
        staged = _staged(table.hub_name(part))
        raw = f"(SELECT json_extract(b.data, '$.{c}') FROM {staged} b WHERE b.uid = {t}.uid)"
        db.execute_sql(f"UPDATE {t} SET {c} = (SELECT x.id FROM {t} x WHERE x.uid = {raw}) "
                       f"WHERE uid IN (SELECT b.uid FROM {staged} b WHERE "
                       f"json_extract(b.data, '$.{c}') IS NOT NULL)")
    for part in parts:
        kind = table.hub_name(part)
        db.execute_sql(f"INSERT INTO sync_pending (kind, uid, rec) SELECT '{kind}', b.uid, "
                       f"b.data FROM {_staged(kind)} b WHERE NOT EXISTS "
                       f"(SELECT 1 FROM {table.name} t WHERE t.uid = b.uid) ORDER BY b.uid")


def _fill_tables(rep: PullReport, indexes: list[tuple[str, str]],
                 triggers: list[tuple[str, str]], t0: float) -> None:
    """Each table from the staged records, then the book's own indexes, figures and
    triggers back (bootstrap's middle part)."""
    for table in TABLES:
        if table.name == "sync_conflict":
            for uid, data in db.execute_sql(f"SELECT uid, data FROM "
                                            f"{_staged('sync_conflict')} ORDER BY "
                                            "seq").fetchall():
                _apply_conflict(uid, json.loads(data), False)
        else:
            _bulk_table(table)
        t0 = rep.clock(f"table {table.name}", t0)
    for _name, sql in indexes:
        db.execute_sql(sql)
    t0 = rep.clock("indexes", t0)
    rep.waiting = int(db.execute_sql("SELECT count(*) FROM sync_pending").fetchone()[0])
    db.execute_sql("UPDATE customer SET points_balance = (SELECT coalesce(sum(points), "
                   "0) FROM points_entry WHERE customer_id = customer.id)")
    # Derived here from the rows received (never synced): last contact, next follow-up.
    from crmdesk.store import migrations

    for sql in migrations.CONTACT_FIGURES_BACKFILL:
        db.execute_sql(sql)
    if db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'customer_count'"
                      ).fetchone():
        db.execute_sql("UPDATE customer_count SET n = (SELECT count(*) FROM customer "
                       "WHERE (archived_at IS NOT NULL) = customer_count.archived)")
    if db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'change_counter'"
                      ).fetchone():
        db.execute_sql("UPDATE change_counter SET n = n + 1")  # figures: all new
    from crmdesk.store import migration_funnel, migration_stage_counts

    if migration_stage_counts.present(db):  # the board's column counts, from the rows
        migration_stage_counts.rebuild(db)
    if migration_funnel.present(db):  # the funnel's steps, from the history received
        migration_funnel.rebuild(db)
    for _name, sql in triggers:
        db.execute_sql(sql)
    t0 = rep.clock("balances", t0)


#: The page cache of a bootstrap (KiB), instead of the book's 16 MB while it lasts.
BOOTSTRAP_CACHE_KIB = 256 * 1024


def bootstrap(link: SnapshotLink, *, page: int = 20_000) -> PullReport:
    """Fill an empty office book from the hub (call inside `link.snapshot()`): the records
    of one consistent snapshot are staged as they come, then each table is filled by one
    INSERT … SELECT, parents first, foreign keys resolved by SQL, the search index built
    once. Rows whose parent is not there wait in sync_pending; the cursor ends at the
    snapshot's head."""
    st = require_state()
    rep = PullReport()
    head = link.head()
    conn = db.connection()
    conn.create_function("crmdesk_unhex", 1, _unhex, deterministic=True)
    db.execute_sql("PRAGMA temp_store = MEMORY")  # the staged records (dropped at the end)
    # A page cache as large as the work, while it lasts: the default one spills the one
    # transaction to the WAL and reads the uid indexes of the parents back again and
    # again (in an encrypted book each read decrypts the page).
    cache = int(db.execute_sql("PRAGMA cache_size").fetchone()[0])
    db.execute_sql(f"PRAGMA cache_size = {-BOOTSTRAP_CACHE_KIB}")
    try:
        return _bootstrap(link, st, rep, head, conn, page)
    finally:
        db.execute_sql(f"PRAGMA cache_size = {cache}")
        db.execute_sql("PRAGMA temp_store = DEFAULT")


def _bootstrap(link: SnapshotLink, st: State, rep: PullReport, head: int, conn: Any,
               page: int) -> PullReport:
    with db.atomic():
        # Bulk: no capture triggers nor uid indexes while the rows go in (both come back
        # at the end of this transaction, the indexes built once).
        for t in TABLES:
            for kind in ("ins", "upd", "del"):
                db.execute_sql(f"DROP TRIGGER IF EXISTS sync_{kind}_{t.name}")
            db.execute_sql(f"DROP INDEX IF EXISTS {t.name}_uid")
        # ...nor the book's own triggers (figures kept row by row: balances, last contact,
        # counts) and secondary indexes: each is rebuilt once, below, in this transaction.
        names = ", ".join(f"'{t.name}'" for t in TABLES)
        triggers = db.execute_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
            f"({names}) AND name NOT LIKE 'sync\\_%' ESCAPE '\\'").fetchall()
        indexes = db.execute_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN "
            f"({names}) AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'").fetchall()
        for name, _sql in triggers:
            db.execute_sql(f'DROP TRIGGER "{name}"')
        for name, _sql in indexes:
            db.execute_sql(f'DROP INDEX "{name}"')
        # Staged in plain tables, one per kind (appended), indexed once loaded where a
        # later statement looks records up by uid.
        kinds = [table.hub_name(part) for table in TABLES for part in table.parts()]
        for kind in kinds:
            db.execute_sql(f"DROP TABLE IF EXISTS {_staged(kind)}")
            db.execute_sql(f"CREATE TABLE {_staged(kind)} (uid TEXT NOT NULL, "
                           "data TEXT NOT NULL, seq INTEGER NOT NULL)")
        with applying():
            db.execute_sql("DELETE FROM setting")  # the office's settings replace defaults
            t0 = time.perf_counter()
            # The hub is read in a second thread while this one stores: PostgreSQL's work
            # and ours overlap (psycopg waits without holding the GIL).
            pages: queue.Queue[_Page | BaseException | None] = queue.Queue(maxsize=4)
            stop = threading.Event()  # this thread gave up (an error, Cancel)

            def hand(item: _Page | BaseException | None) -> bool:
                while not stop.is_set():
                    try:
                        pages.put(item, timeout=0.1)
                        return True
                    except queue.Full:
                        continue
                return False

            def reader() -> None:
                try:
                    for got in link.snapshot_records(kinds, page):
                        if not hand(got):
                            return
                    hand(None)
                except BaseException as exc:  # noqa: BLE001 - handed to the main thread
                    hand(exc)

            inserts = {kind: f"INSERT INTO {_staged(kind)} VALUES (?, ?, ?)" for kind in kinds}
            thread = threading.Thread(target=reader, name="crmdesk-bootstrap", daemon=True)
            try:
                thread.start()
                while True:
                    got = pages.get()
                    if got is None:
                        break
                    if isinstance(got, BaseException):
                        raise got
                    kind, rows = got
                    t0 = rep.clock("waiting for the hub", t0)
                    conn.executemany(inserts[kind], rows)
                    rep.received += len(rows)
                    t0 = rep.clock("staging", t0)
            finally:
                stop.set()  # (the reader stops at its next block, whatever stopped us)
                if thread.is_alive():
                    thread.join()
            for table in TABLES:
                for part in table.parts():
                    if _probed(table, part):
                        kind = table.hub_name(part)
                        db.execute_sql(f"CREATE INDEX {_staged(kind)}_uid ON "
                                       f"{_staged(kind).removeprefix('temp.')} (uid)")
            if db.execute_sql(f"SELECT 1 FROM {_staged('message_template')} LIMIT 1"
                              ).fetchone():
                # The office's templates replace the starter ones of a new book.
                db.execute_sql("DELETE FROM message_template")
            t0 = rep.clock("staging", t0)
            numbers = [n for (n,) in db.execute_sql(
                f"SELECT DISTINCT json_extract(data, '$.e164') FROM "
                f"{_staged('customer_phone')}") if isinstance(n, str)]
            phone_tokens = _PhoneTokens(numbers)
            try:
                _fill_tables(rep, indexes, triggers, t0)
                t0 = time.perf_counter()
                known = phone_tokens.done()
                t0 = rep.clock("phone numbers (beyond the tables' time)", t0)
            finally:
                phone_tokens.cancel()
            _bulk_fts(known)
            t0 = rep.clock("search index", t0)
        for kind in kinds:
            db.execute_sql(f"DROP TABLE {_staged(kind)}")
        t0 = rep.clock("dropping the staged records", t0)
        install_capture(backfill=False)  # (every row came with its uid)
        t0 = rep.clock("capture triggers", t0)
        db.execute_sql("UPDATE sync_state SET cursor = ? WHERE id = 1", (head,))
    rep.cursor = head
    link.ack(st.device, head)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    rep.clock("commit and checkpoint", t0)
    return rep


# --- one sync --------------------------------------------------------------------------
@dataclass
class SyncReport:
    pushed: PushReport
    pulled: PullReport
    conflicts: int

    def as_json(self) -> dict[str, Any]:
        return {"pushed": self.pushed.sent, "accepted": self.pushed.accepted,
                "lost": self.pushed.lost, "refused": self.pushed.refused,
                "pulled": self.pulled.received, "waiting": self.pulled.waiting,
                "cursor": self.pulled.cursor, "conflicts": self.conflicts,
                "unsent": unsent()}


#: The schema of the hub this process last said hello to (audit entries go only to a hub
#: that keeps them from every device).
_hub_schema = 0
AUDIT_HUB_SCHEMA = 2
#: The first hub schema that says whose access changed (crm.access_changes).
ACCESS_HUB_SCHEMA = 6


def hello(link: Link) -> dict[str, Any]:
    global _hub_schema
    st = require_state()
    info = link.hello(st.device, device_name(), PROTOCOL)
    try:
        _hub_schema = int(info.get("schema") or 0)
    except (TypeError, ValueError):
        _hub_schema = 0
    _my_role[0] = str(info.get("role") or "")
    if st.office and info.get("office") and info["office"] != st.office:
        raise SyncError(translate(
            "sync", "This book belongs to another office's hub: nothing was sent."))
    return info


def sync(link: Link, book: Path | None = None) -> SyncReport:
    """Push what this book changed, pull what others changed (then push what the pull
    left to decide)."""
    with _sync_lock(book):
        hello(link)
        try:
            pushed = push(link)
            pulled = pull(link)
            again = push(link)
        except Exception as exc:
            _note_error(str(exc))
            raise
        pushed.sent += again.sent
        pushed.accepted += again.accepted
        pushed.lost += again.lost
        pushed.refused += again.refused
        with db.atomic():
            db.execute_sql("UPDATE sync_state SET last_sync = ?, last_error = NULL "
                           "WHERE id = 1", (_now(),))
    return SyncReport(pushed, pulled, open_conflicts())


def _note_error(text: str) -> None:
    try:
        with db.atomic():
            db.execute_sql("UPDATE sync_state SET last_error = ? WHERE id = 1", (text[:500],))
    except Exception:  # noqa: BLE001 - the book itself may be the problem
        pass


def status() -> dict[str, Any]:
    st = require_state()
    return {"hub": st.hub, "device": st.device, "login": st.login, "office": st.office,
            "unsent": unsent(), "last_sync": st.last_sync, "conflicts": open_conflicts(),
            "cursor": st.cursor, "last_error": st.last_error,
            "waiting": held_back()}


def check() -> tuple[list[str], list[str]]:
    """`crmdesk check` on an office book: every synced row has its uid, the capture
    triggers are this build's and complete, nothing is left half-applied."""
    st = state()
    if st is None:
        return [], []
    found: list[str] = []
    problems: list[str] = []
    missing = 0
    for table in _captured():
        local = f" AND NOT ({table.local_rows.format(r=table.name)})" if table.local_rows \
            else ""
        missing += int(db.execute_sql(f"SELECT count(*) FROM {table.name} WHERE uid IS NULL"
                                      f"{local}").fetchone()[0])
    if missing:
        problems.append(f"{missing} synced rows have no global id (uid)")
    names = {r[0] for r in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_%'")}
    wanted = {f"sync_{k}_{t.name}" for t in [*_captured(), BY_NAME["sync_conflict"]]
              for k in ("ins", "upd", "del")}
    if wanted - names:
        problems.append(f"{len(wanted - names)} capture triggers are missing: writes would "
                        "not be sent (reopen the book to reinstall them)")
    if int(db.execute_sql("SELECT applying FROM sync_state").fetchone()[0]):
        problems.append("the sync state says a pull is being applied")
    if not problems:
        found.append(f"Office book: device {st.device[:8]}, {unsent()} change(s) waiting, "
                     f"{open_conflicts()} conflict(s) to review")
    return found, problems


# --- conflicts -------------------------------------------------------------------------
def open_conflicts() -> int:
    try:
        return int(db.execute_sql("SELECT count(*) FROM sync_conflict WHERE resolved_at IS "
                                  "NULL").fetchone()[0])
    except Exception:  # noqa: BLE001 - an older schema
        return 0


@dataclass
class Conflict:
    id: int
    table: str
    customer_id: int | None
    customer: str
    field: str
    kept: Any
    other: Any
    kept_by: str
    other_by: str
    kept_at: str
    other_at: str
    reason: str
    at: str
    resolved_at: str | None
    resolution: str | None
    mine: str  # 'kept' or 'other': which value this book wrote ('' if neither)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "table": self.table, "customer_id": self.customer_id,
                "customer": self.customer, "field": self.field, "kept": self.kept,
                "other": self.other, "kept_by": self.kept_by, "other_by": self.other_by,
                "kept_at": self.kept_at, "other_at": self.other_at, "refused": bool(
                    self.reason), "reason": self.reason, "at": self.at,
                "resolved_at": self.resolved_at, "resolution": self.resolution,
                "mine": self.mine}


def _hlc_time(h: str | None) -> str:
    if not h:
        return ""
    try:
        ms = int(h[:13])
    except ValueError:
        return ""
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def conflicts(*, include_resolved: bool = False) -> list[Conflict]:
    st = require_state()
    where = "" if include_resolved else "WHERE k.resolved_at IS NULL"
    out: list[Conflict] = []
    for row in db.execute_sql(
            f"""SELECT k.id, k.kind, c.id, trim(coalesce(c.given_name, '') || ' ' ||
                       coalesce(c.family_name, '')), k.col, k.kept, k.lost, k.kept_by,
                       k.lost_by, k.kept_hlc, k.lost_hlc, k.reason, k.at, k.resolved_at,
                       k.resolution, k.kept_device, k.lost_device
                FROM sync_conflict k LEFT JOIN customer c ON c.uid = k.customer_uid
                {where} ORDER BY k.at, k.id""").fetchall():
        kept = json.loads(row[5]) if row[5] else None
        lost = json.loads(row[6]) if row[6] else None
        mine = "kept" if row[15] == st.device else "other" if row[16] == st.device else ""
        out.append(Conflict(row[0], str(row[1]).split(".")[0], row[2], row[3] or "",
                            row[4], kept, lost, row[7] or "", row[8] or "",
                            _hlc_time(row[9]), _hlc_time(row[10]), row[11] or "", row[12],
                            row[13], row[14], mine))
    return out


def resolve(conflict_id: int, keep: str) -> Conflict:
    """Settle a conflict: keep 'mine' or 'theirs'. Keeping the value that lost writes it
    again (a new edit, so it wins everywhere on the next sync); either way the conflict is
    marked resolved on every replica."""
    if keep not in ("mine", "theirs"):
        raise SyncError(translate("sync", "--keep takes mine or theirs."))
    found = [c for c in conflicts(include_resolved=True) if c.id == conflict_id]
    if not found:
        raise SyncError(translate("sync", "There is no conflict {id}.").format(id=conflict_id))
    con = found[0]
    if con.resolved_at:
        raise SyncError(translate("sync", "Conflict {id} was already settled ({how}).").format(
            id=conflict_id, how=con.resolution))
    if con.reason.startswith("overdrawn"):  # a notice: reviewed, nothing to write
        with db.atomic():
            db.execute_sql("UPDATE sync_conflict SET resolved_at = ?, resolution = ? "
                           "WHERE id = ?", (_now(), keep, conflict_id))
        return con
    mine_is_kept = con.mine != "other"
    take_other = (keep == "mine") != mine_is_kept
    row = db.execute_sql("SELECT kind, row_uid, col FROM sync_conflict WHERE id = ?",
                         (conflict_id,)).fetchone()
    kind, row_uid, col = row
    with db.atomic():
        if take_other and kind in HUB_KINDS:
            table, _part = HUB_KINDS[kind]
            if col == "_del":
                if con.other is True:
                    _delete_local(table, row_uid)
            elif col == "*" and isinstance(con.other, dict):
                _write_local(table, row_uid, {c: v for c, v in con.other.items()
                                              if c != "_del"})
            elif col in table.columns:
                _write_local(table, row_uid, {col: con.other}, insert_ok=False)
        db.execute_sql("UPDATE sync_conflict SET resolved_at = ?, resolution = ? WHERE id = ?",
                       (_now(), keep, conflict_id))
    return con
