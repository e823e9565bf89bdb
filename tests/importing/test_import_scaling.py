"""An import's work grows with the rows, not with their square: counted in SQLite virtual
machine steps (repeatable on a loaded machine, where a time is not)."""

from __future__ import annotations

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
