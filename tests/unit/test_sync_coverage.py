"""Zero lost edits starts with coverage: every table and column of the book either travels
(`sync_spec.TABLES`) or is declared local with a reason (`LOCAL_TABLES`, `LOCAL_COLUMNS`).
A table or column added without deciding fails here, so the next engineer cannot forget."""

from __future__ import annotations

import json
from pathlib import Path

from crmdesk.services import sync, sync_spec
from crmdesk.store import migration_sync2, migrations
from crmdesk.store.book import Book, open_book
from crmdesk.store.db import close_database, db
from tests.conftest import add

_FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


def _book_tables() -> dict[str, list[str]]:
    tables: dict[str, list[str]] = {}
    virtual = {r[0] for r in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")}
    for (name,) in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                  "name NOT LIKE 'sqlite_%' ORDER BY name").fetchall():
        if any(name == f"{v}{s}" for v in virtual for s in _FTS_SHADOWS):
            continue  # an FTS5 table's own storage: goes with the FTS table
        tables[name] = [r[1] for r in db.execute_sql(f"PRAGMA table_info({name})")]
    return tables


def _undecided(tables: dict[str, list[str]]) -> list[str]:
    missing: list[str] = []
    for name, cols in tables.items():
        if name in sync_spec.LOCAL_TABLES:
            continue
        spec = sync_spec.BY_NAME.get(name)
        if spec is None:
            missing.append(f"table {name}")
            continue
        for col in cols:
            if col in spec.columns or col in spec.key or col == "uid":
                continue
            if (name, col) not in sync_spec.LOCAL_COLUMNS:
                missing.append(f"column {name}.{col}")
    return missing


def test_every_table_and_column_travels_or_says_why_not(book: Book) -> None:
    tables = _book_tables()
    assert migrations.current_version(book.database) == migrations.LATEST
    assert _undecided(tables) == [], (
        "not synced and not declared local-only (sync_spec.LOCAL_TABLES / LOCAL_COLUMNS, "
        "with a reason)")
    # ...and what is declared still exists (a stale declaration hides nothing).
    assert set(sync_spec.LOCAL_TABLES) <= set(tables)
    assert {t for t, _ in sync_spec.LOCAL_COLUMNS} <= set(tables)
    for (t, c), reason in sync_spec.LOCAL_COLUMNS.items():
        assert c in tables[t] and reason, (t, c)
    for spec in sync_spec.TABLES:
        assert spec.name in tables, spec.name
        assert set(spec.columns) <= set(tables[spec.name]), spec.name
        assert "uid" in tables[spec.name], f"{spec.name} has no uid column"


def test_the_check_fails_for_a_new_table_or_column(book: Book) -> None:
    """The test above can fail: a table or column nobody decided about is named."""
    db.execute_sql("CREATE TABLE gift_card (id INTEGER PRIMARY KEY, code TEXT)")
    db.execute_sql("ALTER TABLE customer ADD COLUMN nickname TEXT")
    assert _undecided(_book_tables()) == ["column customer.nickname", "table gift_card"]


def test_password_hashes_never_travel() -> None:
    staff = sync_spec.BY_NAME["staff"]
    assert "password_hash" not in staff.columns and "pin_hash" not in staff.columns
    assert all("hash" not in sql for sql in sync.trigger_sql(staff))


def test_a_book_that_joined_before_uploads_what_is_newly_synced(tmp_path: Path) -> None:
    """A book captured by the previous build (templates, photos, organisation clients were
    not synced): reopened by this build, what it holds of them is queued for the hub."""
    path = tmp_path / "old.db"
    open_book(path)
    org = add("Acme", "", kind="organisation")
    person = add("Lola", "Peña")
    db.execute_sql("UPDATE customer SET organisation_id = ? WHERE id = ?", (org, person))
    db.execute_sql("INSERT INTO customer_photo (customer_id, mime, data) VALUES (?, ?, ?)",
                   (person, "image/png", b"\x89PNG\x00\xff"))
    with db.atomic():
        sync.start(device="dev-1", office="o", hub="postgresql://h/db", login="ana")
    assert sync.unsent() == 0  # (init uploads the book itself)
    # As the previous build left it: capture of schema 15, another trigger version.
    db.execute_sql("UPDATE sync_state SET capture = 'older', captured = ?",
                   (json.dumps(migration_sync2.CAPTURED_BEFORE),))
    close_database()
    open_book(path)
    try:
        queued = db.execute_sql("SELECT tbl, op, col FROM sync_outbox").fetchall()
        assert ("customer", "set", "kind") in queued  # the organisation
        assert ("customer", "set", "organisation_id") in queued  # its contact person
        assert ("customer_photo", "ins", None) in queued
        templates = db.execute_sql("SELECT count(*) FROM message_template").fetchone()[0]
        assert sum(1 for t, _o, _c in queued if t == "message_template") == templates > 0
        # Only what differs from the default travels for a new column.
        assert sum(1 for t, _o, c in queued if (t, c) == ("customer", "kind")) == 1
        items = sync.fold(db.execute_sql(
            "SELECT id, tbl, uid, cust, op, col, val, hlc_ms, cur FROM sync_outbox "
            "ORDER BY id").fetchall(), "dev-1")
        photo = next(i for i in items if i["k"] == "customer_photo")
        assert bytes.fromhex(photo["x"]["data"]) == b"\x89PNG\x00\xff"
        # Opening it again queues nothing more.
        close_database()
        open_book(path)
        assert len(db.execute_sql("SELECT 1 FROM sync_outbox").fetchall()) == len(queued)
    finally:
        close_database()


def test_audit_entries_travel_as_a_verifiable_chain(book: Book) -> None:
    cid = add("Lola", "Peña")
    with db.atomic():
        sync.start(device="dev-1", office="o", hub="postgresql://h/db", login="ana")
    add("Ana", "Other")
    add("Ben", "Third")
    db.execute_sql("UPDATE customer SET company = 'Acme' WHERE id = ?", (cid,))
    rows = db.execute_sql(
        "SELECT a.id, a.at, a.who, a.action, a.customer_id, c.uid, a.detail, a.detail_hash, "
        "a.erased, a.prev_hash, a.hash FROM audit_entry a LEFT JOIN customer c ON "
        "c.id = a.customer_id ORDER BY a.id").fetchall()
    assert len(rows) >= 3 and sync.audit_backlog() == len(rows)
    chain = [sync.audit_record(r, "dev-1") for r in rows]
    assert sync.verify_audit_chain(chain) == []
    # What the hub keeps of a forgotten person (the detail blanked) still verifies...
    chain[0] = {**chain[0], "detail": "", "erased": 1}
    assert sync.verify_audit_chain(chain) == []
    # ...but an edited entry, a missing one or a broken link shows.
    edited = [dict(c) for c in chain]
    edited[1]["action"] = "view"
    assert "entry" in sync.verify_audit_chain(edited)[0]
    assert "missing" in sync.verify_audit_chain([chain[0], *chain[2:]])[0]
    relinked = [dict(c) for c in chain]
    relinked[1]["prev_hash"] = "0" * 64
    assert sync.verify_audit_chain(relinked)


def test_an_office_book_of_the_previous_schema_opens_and_queues_the_new_kinds(
        tmp_path: Path) -> None:
    """A book written by the previous crmdesk (schema before the coverage step) that had
    joined a hub: it opens at the latest schema, knows what its old capture covered, and
    queues its templates (never sent before) for the hub."""
    from tests.unit.test_store import _book_at

    path = _book_at(
        tmp_path / "old-office.db", migrations.SYNC_COVERAGE_VERSION - 1,
        "INSERT INTO customer (id, given_name, family_name, sort_name, created_at, updated_at, "
        "kind) VALUES (3, 'Acme', '', 'acme', '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z', 'organisation')",
        "INSERT INTO sync_state (id, device, office, hub, login, cursor, hlc_ms, proto, "
        "applying, capture, joined_at) VALUES (1, 'dev-9', 'o', 'postgresql://h/x', 'ana', "
        "5, 0, 1, 0, 'older', '2026-01-01T00:00:00Z')")
    close_database()
    book = open_book(path)
    try:
        assert migrations.current_version(book.database) == migrations.LATEST
        captured = json.loads(db.execute_sql("SELECT captured FROM sync_state").fetchone()[0])
        assert "message_template" in captured and "kind" in captured["customer"]
        queued = db.execute_sql("SELECT tbl, op, col FROM sync_outbox").fetchall()
        templates = db.execute_sql("SELECT count(*) FROM message_template").fetchone()[0]
        assert sum(1 for t, _o, _c in queued if t == "message_template") == templates > 0
        assert ("customer", "set", "kind") in queued
        assert db.execute_sql("SELECT count(*) FROM customer_alias").fetchone()[0] == 0
        assert sync.check()[1] == []
    finally:
        close_database()
