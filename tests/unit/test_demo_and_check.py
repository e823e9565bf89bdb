"""The demo book is varied and valid; `check` finds real problems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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


def test_a_2000_client_demo_has_a_few_dozen_real_duplicates_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each demo client has their own name, phones and e-mails, except a few dozen entered
    twice on purpose (same person: same name and a phone or e-mail in common), which is what
    `crmdesk duplicates` then finds. (Before: 1,368 "duplicates", nearly all same names.)"""
    from crmdesk.cli import main
    from crmdesk.services import duplicates
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database

    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path), "--customers", "2000"]) == 0
    close_database()
    capsys.readouterr()
    assert main(["duplicates", "--db", str(path), "--json", "--limit", "5000"]) == 0
    close_database()
    found = json.loads(capsys.readouterr().out)
    assert 20 <= len(found) <= 60
    real = [p for p in found if any(r.startswith(("same phone", "same e-mail"))
                                    for r in p["reasons"])
            and any(r == "same name" or r.startswith("similar names") for r in p["reasons"])]
    assert len(real) >= len(found) - 5  # hardly any pair is a coincidence of names alone
    open_book(path)
    pairs, total = duplicates.find_pairs(limit=5000)
    assert total == len(found) and {(p.keep, p.other) for p in pairs} == \
        {(p["keep"], p["other"]) for p in found}
    # Phones and e-mails are shared only by those pairs.
    shared = db.execute_sql(
        "SELECT count(*) FROM (SELECT e164 FROM customer_phone GROUP BY e164 "
        "HAVING count(DISTINCT customer_id) > 1)").fetchone()[0]
    assert shared <= len(real)
    close_database()
