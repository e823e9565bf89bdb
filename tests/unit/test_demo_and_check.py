"""The demo book is varied and valid; `check` finds real problems."""

from __future__ import annotations

from crmdesk.services import catalog, customers, demo
from crmdesk.services.customer_query import CustomerFilter, customer_ids
from crmdesk.services.integrity import check_book
from crmdesk.services.validation import normalise_email, normalise_phone
from crmdesk.store.db import db


def test_demo_book_is_varied_and_passes_validation(book: object) -> None:
    assert demo.build_demo(600, seed=3) == 600
    column = lambda sql: {r[0] for r in db.execute_sql(sql)}  # noqa: E731
    assert column("SELECT stage FROM customer") == set(catalog.STAGE_LABELS)
    assert column("SELECT relationship_type FROM customer") == set(catalog.RELATIONSHIP_LABELS)
    assert column("SELECT segment FROM customer") == {"VIP", "Premium", "Standard", "Prospect"}
    assert column("SELECT language FROM customer") == {"en", "es"}
    names = " ".join(r[0] for r in db.execute_sql("SELECT family_name FROM customer"))
    assert any(ch in names for ch in "ñéáøłễ")
    for cid in (1, 77, 300, 599):
        data = customers.load(cid)
        clean, problems = customers.validate(data, "US")
        assert problems == [], (cid, problems)
        for point in data.emails:
            assert normalise_email(point.value)
        for point in data.phones:
            assert normalise_phone(point.value) == point.value
    assert check_book().ok


def test_demo_is_repeatable_and_searchable(book: object) -> None:
    demo.build_demo(50, seed=9)
    first = customers.load(10)
    phone = first.phones[0].value
    assert 10 in customer_ids(CustomerFilter(text=phone[-6:-2]))
    assert 10 in customer_ids(CustomerFilter(text=first.emails[0].value))


def test_demo_can_be_cancelled(book: object) -> None:
    assert demo.build_demo(12000, progress=lambda done, total: done < 5000) == 0
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0


def test_check_reports_a_stale_search_index(book: object) -> None:
    demo.build_demo(20, seed=1)
    assert check_book().ok
    db.execute_sql("DELETE FROM customer_fts WHERE rowid = 5")
    report = check_book()
    assert not report.ok
    assert any("Search index out of step: 1 customers missing" in p for p in report.problems)
