"""An import's work grows with the rows, not with their square: counted in SQLite virtual
machine steps (repeatable on a loaded machine, where a time is not)."""

from __future__ import annotations

import pytest

from crmdesk.services import customers
from crmdesk.services.customers import CustomerData
from crmdesk.services.importing import contact_import
from crmdesk.services.importing.contact import ImportedContact
from crmdesk.store.db import db


def _people(n: int, start: int) -> list[ImportedContact]:
    return [ImportedContact(f"row {i + 1}", CustomerData(
        given_name=f"Ana{start + i}", family_name="Ruiz",
        company="Acme" if i % 2 else "Globex")) for i in range(n)]


def _steps_of_import(n: int) -> int:
    conn = db.connection()
    before = conn.execute("SELECT coalesce(max(id), 0) FROM customer").fetchone()[0]
    plan = contact_import.plan(_people(n, before), "people.csv", "ES")
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(count, 1000)
    try:
        contact_import.apply(plan)
    finally:
        conn.set_progress_handler(None, 1000)
    return steps[0]


def test_import_with_contact_persons_is_linear(book: object) -> None:
    acme = customers.create(CustomerData(given_name="Acme", kind="organisation"), "ES")
    small = _steps_of_import(1_000)
    large = _steps_of_import(4_000)
    assert large < small * 4 * 1.6, (small, large)  # quadratic would be ~16x (measured 60x)
    linked = db.execute_sql("SELECT count(*) FROM customer WHERE organisation_id = ?",
                            (acme,)).fetchone()[0]
    assert linked == 2_500  # every Acme person of both imports, no Globex one


def _triggers() -> list[tuple[str, str]]:
    return db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                          "AND tbl_name = 'customer' ORDER BY name").fetchall()


def _counts() -> tuple[int, int, int]:
    counted = db.execute_sql("SELECT n FROM customer_count WHERE archived = 0").fetchone()[0]
    changes = db.execute_sql("SELECT n FROM change_counter WHERE name = 'customer+'"
                             ).fetchone()[0]
    return counted, changes, db.execute_sql("SELECT count(*) FROM customer").fetchone()[0]


def test_a_large_import_counts_its_rows_once_and_keeps_every_trigger(book: object) -> None:
    triggers = _triggers()
    assert {"customer_count_insert", "customer_counted_insert"} <= {n for n, _ in triggers}
    customers.create(CustomerData(given_name="Eva", family_name="Gil"), "ES")
    counted, changes, rows = _counts()
    assert counted == rows == 1
    # A cancelled import: nothing written, the triggers and the counts as they were.
    plan = contact_import.plan(_people(contact_import.BULK_COUNT + 500, 10), "a.csv", "ES")
    with pytest.raises(contact_import.ImportCancelled):
        contact_import.apply(plan, progress=lambda done, total: done < 5000)
    assert _triggers() == triggers and _counts() == (counted, changes, rows)
    steps = []
    result = contact_import.apply(plan, progress=lambda done, total: steps.append(done) or True)
    assert result.created == contact_import.BULK_COUNT + 500
    assert _triggers() == triggers  # put back, word for word
    assert _counts() == (rows + result.created, changes + result.created, rows + result.created)
    # ... and they fire again for the next customer.
    customers.create(CustomerData(given_name="Ana", family_name="Gil"), "ES")
    assert _counts() == (rows + result.created + 1, changes + result.created + 1,
                         rows + result.created + 1)


def test_a_trigger_changed_by_a_later_migration_is_left_to_fire(book: object) -> None:
    db.execute_sql("DROP TRIGGER customer_count_insert")
    db.execute_sql("CREATE TRIGGER customer_count_insert AFTER INSERT ON customer BEGIN "
                   "UPDATE customer_count SET n = n + 1 WHERE archived = "
                   "(NEW.archived_at IS NOT NULL) AND NEW.kind <> 'ghost'; END")
    triggers = _triggers()
    counted, changes, rows = _counts()
    made = contact_import.apply(contact_import.plan(
        _people(contact_import.BULK_COUNT, 0), "b.csv", "ES")).created
    assert _triggers() == triggers
    assert _counts() == (counted + made, changes + made, rows + made)
