"""The trigger-kept customer counts: right after an upgrade, after every kind of write, and
checked by `check`."""

from __future__ import annotations

from pathlib import Path

from crmdesk.services import customer_query, customers, integrity, search_index
from crmdesk.store import migrations
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db
from tests.conftest import add


def _real() -> tuple[int, int]:
    active = db.execute_sql("SELECT count(*) FROM customer WHERE archived_at IS NULL")
    archived = db.execute_sql("SELECT count(*) FROM customer WHERE archived_at IS NOT NULL")
    return int(active.fetchone()[0]), int(archived.fetchone()[0])


def test_counts_follow_creates_archives_restores_and_deletes(book: object) -> None:
    ids = [add(f"Ana{i}", "Ruiz") for i in range(5)]
    assert (customer_query.count(), customer_query.count(archived=True)) == (5, 0)
    customers.set_archived(ids[:2], True)
    assert (customer_query.count(), customer_query.count(archived=True)) == (3, 2) == _real()
    customers.set_archived(ids[:1], False)
    customers.set_archived(ids[:1], False)  # restoring twice counts once
    assert (customer_query.count(), customer_query.count(archived=True)) == (4, 1) == _real()
    with db.atomic():
        db.execute_sql("DELETE FROM customer WHERE id = ?", (ids[1],))
        db.execute_sql("DELETE FROM customer WHERE id = ?", (ids[2],))
        search_index.reindex(ids[1:3])
    assert (customer_query.count(), customer_query.count(archived=True)) == (3, 0) == _real()
    assert integrity.check_book().ok


def test_a_book_of_the_previous_schema_gets_its_counts(tmp_path: Path) -> None:
    import peewee

    from crmdesk.store.db import db as proxy

    path = tmp_path / "old.db"
    database = peewee.SqliteDatabase(str(path))
    proxy.initialize(database)
    migrations.migrate(database, None, target=migrations.CUSTOMER_COUNTS_VERSION - 1)
    for i, archived in enumerate([None, None, "2024-01-01T00:00:00Z"]):
        database.execute_sql(
            "INSERT INTO customer (given_name, family_name, sort_name, archived_at, created_at,"
            " updated_at) VALUES (?, 'Old', ?, ?, '2023-01-01T00:00:00Z', "
            "'2023-01-01T00:00:00Z')", (f"V{i}", f"old v{i}", archived))
    database.close()
    open_book(path)
    try:
        assert migrations.current_version(db) == migrations.LATEST
        assert (customer_query.count(), customer_query.count(archived=True)) == (2, 1)
    finally:
        close_database()


def test_check_reports_counts_out_of_step(book: object) -> None:
    add("Ana", "Ruiz")
    db.execute_sql("UPDATE customer_count SET n = 7 WHERE archived = 0")
    report = integrity.check_book()
    assert not report.ok
    assert any("Customer counts out of step" in p for p in report.problems)
