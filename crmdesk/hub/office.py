"""Making a book an office book (`hub init`) and a laptop joining one (`join`)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crmdesk.hub import client
from crmdesk.services import access, sync
from crmdesk.services.sync_spec import TABLES, Table, kind_level
from crmdesk.store.db import db


@dataclass
class InitReport:
    office: str
    device: str
    login: str
    records: int
    seconds: float


def _rows(table: Table) -> Iterator[tuple[str, str | None, dict[str, Any]]]:
    """(uid, customer uid, values with foreign keys as uids) of every row of a table."""
    cols = list(table.columns)
    exprs = [sync._value(table, c, "t") for c in cols]
    cust = sync._cust(table, "t")
    where = f" WHERE NOT ({table.local_rows.format(r='t')})" if table.local_rows else ""
    cursor = db.execute_sql(f"SELECT t.uid, {cust}, {', '.join(exprs)} FROM {table.name} t"
                            f"{where}")
    for row in cursor:
        yield row[0], row[1], dict(zip(cols, row[2:], strict=True))


def upload(conn: Any, device: str) -> int:
    """Copy every synced row of the open book into the (empty) hub, as the admin, with
    COPY: the first office book is uploaded in one transaction. Returns the last change
    number (the book's pull cursor)."""
    h = sync._hlc(int(time.time() * 1000), 0, device)
    seq = 0
    acl: list[tuple[str, str | None, bool, bool]] = []
    with client.plain_errors("Uploading the book failed"), conn.transaction():
        # COPY cannot write a table with row-level security: stage, then INSERT.
        conn.execute("CREATE TEMP TABLE up_rec (LIKE crm.rec) ON COMMIT DROP")
        conn.execute("CREATE TEMP TABLE up_acl (LIKE crm.acl INCLUDING DEFAULTS) ON COMMIT DROP")
        conn.execute("GRANT SELECT ON up_rec, up_acl TO crm_owner")
        with conn.cursor().copy("COPY up_rec (kind, uid, cust, lvl, data, v, deleted, seq) "
                                "FROM STDIN") as copy:
            for table in TABLES:
                if table.name == "sync_conflict":
                    continue
                for uid, cust, values in _rows(table):
                    for part in table.parts():
                        seq += 1
                        data = {c: v for c, v in values.items() if table.columns[c] == part}
                        ver = {c: [h, seq, device] for c in data}
                        kind = table.hub_name(part)
                        copy.write_row((kind, uid, cust, kind_level(kind),
                                        json.dumps(data, ensure_ascii=False), json.dumps(ver),
                                        False, seq))
                    if table.name == "customer":
                        acl.append((uid, values.get("owner_id"),
                                    values.get("relationship_type") == "exclusive",
                                    bool(values.get("notes_private"))))
        with conn.cursor().copy("COPY up_acl (cust, owner, exclusive, private_notes, "
                                "forgotten) "
                                "FROM STDIN") as copy:
            for row in acl:
                copy.write_row((*row, False))
        conn.execute("SET LOCAL ROLE crm_owner")
        conn.execute("INSERT INTO crm.rec SELECT * FROM up_rec")
        conn.execute("INSERT INTO crm.acl (cust, owner, exclusive, private_notes, forgotten) "
                     "SELECT cust, owner, exclusive, private_notes, forgotten FROM up_acl")
        if seq:
            conn.execute("SELECT setval('crm.change_seq', %s)", (seq,))
    return seq


def init_office(admin_url: str, login: str, password: str, staff_name: str,
                book_path: Path, ask: Callable[[str], str | None] | None = None) -> InitReport:
    """`crmdesk hub init`: the hub's roles and schema, the manager's login, this book
    uploaded and made the office's first device."""
    started = time.perf_counter()
    if sync.joined():
        raise client.HubError("This book is already an office book.")
    conn = client.connect(admin_url, ask=ask)
    try:
        client.ensure_group_roles(conn)
        client.migrate(conn)
        with client.plain_errors("Cannot read the hub"):
            used = conn.execute("SELECT count(*) FROM crm.rec").fetchone()[0]
        if used:
            raise client.HubError("That hub already holds an office book: join it with "
                                  "`crmdesk join` instead.")
        office = client.office_of(conn) or client.new_office_id()
        client.set_office(conn, office)
        client.enrol(conn, login, password, "manager", staff_name)
        device = sync.new_device_id()
        with db.atomic():
            sync.start(device=device, office=office, hub=client.redact(admin_url),
                       login=login)
        try:
            last = upload(conn, device)
            with client.plain_errors("Cannot register this book"), conn.transaction():
                conn.execute("SET LOCAL ROLE crm_owner")
                conn.execute("INSERT INTO crm.device (uid, rolname, name, pulled) "
                             "VALUES (%s, %s, %s, %s)", (device, login, sync.device_name(),
                                                         last))
        except BaseException:
            with db.atomic():
                _leave()
            raise
        with db.atomic():
            db.execute_sql("UPDATE sync_state SET cursor = ?, last_sync = ? WHERE id = 1",
                           (last, sync._now()))
        # Every row grew by its uid: rewrite the file once so that reading it (the list,
        # search) is as fast as before.
        db.execute_sql("VACUUM")
    finally:
        conn.close()
    return InitReport(office, device, login, last, time.perf_counter() - started)


def _leave() -> None:
    """Undo `sync.start` (a failed init): no triggers, no state."""
    for table in TABLES:
        for kind in ("ins", "upd", "del"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS sync_{kind}_{table.name}")
    db.execute_sql("DELETE FROM sync_state")
    db.execute_sql("DELETE FROM sync_outbox")


def join_office(link: client.HubLink, url: str, login: str,
                password: str | None = None) -> sync.PullReport:
    """Fill the open (new, empty) book from one consistent snapshot of the hub. With the
    person's hub `password`, the laptop asks them to sign in with it (offline too): their
    role applies here as on the hub."""
    device = sync.new_device_id()
    with db.atomic():
        sync.start(device=device, office="", hub=client.redact(url), login=login)
    info = link.hello(device, sync.device_name(), sync.PROTOCOL)
    version = int(info.get("schema") or 0)
    if version > client.schema.LATEST:
        raise client.HubError(f"The hub has schema {version}, newer than this crmdesk "
                              f"knows ({client.schema.LATEST}): upgrade crmdesk.")
    with db.atomic():
        db.execute_sql("UPDATE sync_state SET office = ? WHERE id = 1",
                       (info.get("office") or "",))
    with link.snapshot():
        report = sync.bootstrap(link)
    with db.atomic():
        db.execute_sql("UPDATE sync_state SET last_sync = ? WHERE id = 1", (sync._now(),))
    staff_uid = info.get("staff")
    if password and staff_uid:
        row = db.execute_sql("SELECT id FROM staff WHERE uid = ?", (staff_uid,)).fetchone()
        if row is not None:
            access.adopt_device_account(int(row[0]), password)
            report.sign_in = str(db.execute_sql("SELECT name FROM staff WHERE id = ?",
                                                (row[0],)).fetchone()[0])
    return report
