"""A search's count and first page are answered again from memory until the book changes:
never older than the book (a write here, in another thread or in another program), never
another person's."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from crmdesk.services import access, customer_query
from crmdesk.services.customer_query import CustomerFilter, customer_ids, first_page_ranked
from crmdesk.store.db import db
from tests.conftest import add


def _queries() -> list[str]:
    """Every statement this thread's connection runs from now on (but the data_version
    probe)."""
    seen: list[str] = []
    db.connection().set_trace_callback(
        lambda sql: None if sql.startswith("PRAGMA data_version") else seen.append(sql))
    return seen


@pytest.fixture
def many(book: object) -> None:
    for i in range(30):
        add(f"Mara{i}", f"Moreno{i}", notes="golf")


def test_a_search_typed_again_is_answered_from_memory(many: None) -> None:
    flt = CustomerFilter(text="m")
    count = customer_query.text_only_count(flt, customer_query.count())
    page = first_page_ranked(flt, 10)
    seen = _queries()
    try:
        assert customer_query.text_only_count(CustomerFilter(text="m"),
                                              customer_query.count()) == count == 30
        again = first_page_ranked(CustomerFilter(text="m"), 10)
        assert again == page == customer_ids(flt, limit=10)
        seen.clear()
        assert first_page_ranked(flt, 10) == page
        assert seen == []  # not one query
        again.append(-1)  # (a caller changing its list changes no one else's)
        assert first_page_ranked(flt, 10) == page
    finally:
        db.connection().set_trace_callback(None)


def test_a_write_here_or_in_another_thread_is_seen_at_once(many: None) -> None:
    flt = CustomerFilter(text="mo")
    assert customer_query.text_only_count(flt, 10**6) == 30  # (the same question each time)
    assert len(first_page_ranked(flt, 40)) == 30
    first = add("Abel", "Moro")
    assert customer_query.text_only_count(flt, 10**6) == 31
    assert first in first_page_ranked(flt, 40)

    def elsewhere() -> None:
        add("Aaron", "Mora")
        db.close()

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()
    assert customer_query.text_only_count(flt, 10**6) == 32
    assert customer_query.first_page_ranked(flt, 3) == customer_ids(flt, limit=3)
    assert customer_ids(flt, limit=1) != [first]


def test_another_program_writing_the_book_is_seen_at_once(many: None, book: object) -> None:
    flt = CustomerFilter(text="moreno")
    assert customer_query.text_only_count(flt, customer_query.count()) == 30
    page = first_page_ranked(flt, 5)
    path = Path(book.path)  # type: ignore[attr-defined]
    subprocess.run(
        [sys.executable, "-c",
         "import sys; sys.path.insert(0, '.')\n"
         "from crmdesk.store.book import open_book\n"
         "from tests.conftest import add\n"
         f"open_book({str(path)!r}); add('Aaron', 'Moreno')\n"],
        check=True, cwd=Path(__file__).resolve().parents[2])
    assert customer_query.text_only_count(flt, customer_query.count()) == 31
    assert first_page_ranked(flt, 5) != page
    assert first_page_ranked(flt, 5) == customer_ids(flt, limit=5)


def test_each_person_gets_their_own_answers(book: object) -> None:
    """A receptionist does not search the notes: the manager's remembered count of a word
    found in the notes only is not hers, nor hers his."""
    from tests.unit.test_search import _hidden_client_office

    _hidden_client_office()
    for i in range(3):
        add(f"Ana{i}", "Ruiz", notes="zebra crossing")
    flt = CustomerFilter(text="zebra")
    for _ in range(2):
        for who, found in (("Marta", 3), ("Rita", 0), ("Marta", 3)):
            access._use(access.User(*_staff(who)))
            assert customer_query.text_only_count(flt, customer_query.count()) == found, who
    access.reset()


def _staff(name: str) -> tuple[int, str, str]:
    row = db.execute_sql("SELECT id, name, role FROM staff WHERE name = ?", (name,)).fetchone()
    return int(row[0]), str(row[1]), str(row[2])


def test_another_book_starts_with_nothing_remembered(tmp_path: Path) -> None:
    """Two books of as many customers, opened in turn, each freshly (the same state of a
    new connection): each its own answers."""
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database

    for mias, name in ((2, "one.db"), (5, "two.db")):
        open_book(tmp_path / name)
        for i in range(5):
            add(f"Mia{i}" if i < mias else f"Zoe{i}", "Lund")
        close_database()
    for mias, name in ((2, "one.db"), (5, "two.db"), (2, "one.db")):
        open_book(tmp_path / name)
        flt = CustomerFilter(text="mia")
        assert customer_query.text_only_count(flt, 10**6) == mias
        assert len(first_page_ranked(flt, 10)) == mias
        close_database()


def test_nothing_is_remembered_from_inside_a_transaction_rolled_back(many: None) -> None:
    flt = CustomerFilter(text="mo")
    before = first_page_ranked(flt, 40)
    with db.atomic() as txn:
        inside = add("Abel", "Moro")
        assert inside in first_page_ranked(flt, 40)
        assert customer_query.text_only_count(flt, 10**6) == 31
        txn.rollback()
    assert first_page_ranked(flt, 40) == before
    assert customer_query.text_only_count(flt, 10**6) == 30
