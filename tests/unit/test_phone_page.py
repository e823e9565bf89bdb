"""Phone digits that most of the book's numbers hold ('555'): the first page comes from a walk
of the name order, each customer's search text of their numbers tested as the trigram index
would match it."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.services import access, customer_query, search_index
from crmdesk.services.customer_query import CustomerFilter, customer_ids
from tests.conftest import add, office


@settings(max_examples=300, deadline=None)
@given(numbers=st.lists(st.text("0123456789", min_size=4, max_size=13), min_size=1,
                        max_size=3),
       digits=st.text("0123456789", min_size=3, max_size=6))
def test_a_run_of_digits_in_the_text_is_what_the_trigram_index_matches(
        numbers: list[str], digits: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(digits, tokenize = 'trigram', "
                 "detail = 'full')")
    text = " ".join(search_index.phone_tokens(f"+{n}") for n in numbers)
    conn.execute("INSERT INTO t (rowid, digits) VALUES (1, ?)", (text,))
    fts = bool(conn.execute("SELECT count(*) FROM t WHERE t MATCH ?",
                            (f'"{digits}"',)).fetchone()[0])
    assert (digits in text) is fts, (text, digits)


@pytest.fixture()
def walks(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What each walk gave (a page, or None: left to the index)."""
    given: list[Any] = []
    real = customer_query._dense_phone_page  # type: ignore[attr-defined]

    def spy(*args: Any) -> Any:
        given.append(real(*args))
        return given[-1]

    monkeypatch.setattr(customer_query, "_dense_phone_page", spy)
    return given


def _page(text: str, size: int = 10, **fields: Any) -> list[int]:
    flt = CustomerFilter(text=text, **fields)
    total = customer_query.count()
    hits = customer_query.text_only_count(flt, total)
    if hits is None:
        hits = len(customer_ids(flt))
    customer_query.forget_answers()
    return customer_query.first_page(flt, size, hits, total)


def _by_name(text: str, size: int = 10, **fields: Any) -> list[int]:
    return customer_ids(CustomerFilter(text=text, sort="name", **fields))[:size]


def _book() -> dict[str, list[int]]:
    ids: dict[str, list[int]] = {"555": [], "other": []}
    for i in range(60):
        ids["555"].append(add(f"Ana{i:02d}", f"Abad{i:02d}", phones=(f"+1 416 555 {i:04d}",),
                              segment="VIP" if i % 3 == 0 else ""))
    for i in range(20):  # sorted after every Abad
        ids["other"].append(add(f"Zoe{i:02d}", f"Zubiri{i:02d}",
                                phones=(f"+44 20 7946 {i:04d}",)))
    add("Nadie", "Nophone")
    return ids


def test_a_dense_phone_page_is_the_first_page_by_name(book: object, walks: list[Any]) -> None:
    ids = _book()
    for text in ("555", "416 555", "+1 416", "5550", "41655", "020 79"):
        walks.clear()
        assert _page(text) == _by_name(text), text
        for descending in (False, True):
            assert _page(text, descending=descending) == customer_ids(CustomerFilter(
                text=text, sort="name", descending=descending))[:10], (text, descending)
    walks.clear()
    assert _page("555") == ids["555"][:10]
    assert walks and walks[0] == ids["555"][:10]  # the walk decided it
    # a filter narrows the walk too
    assert _page("555", segment="VIP") == _by_name("555", segment="VIP") == ids["555"][:30:3]


def test_hits_rarer_where_the_names_start_fall_back_to_the_index(
        book: object, walks: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _book()
    monkeypatch.setattr(customer_query, "DENSE_WALK_MOST", 30)
    # '7946': a quarter of the book, all after the 60 Abads in name order
    assert _page("7946") == ids["other"][:10] == _by_name("7946")
    assert walks == [None]


def test_the_walk_tells_a_page_from_the_whole_list(book: object, walks: list[Any]) -> None:
    first = add("Ana", "Abad", phones=("+1 416 555 0100",))
    add("Bea", "Bravo", phones=("+1 212 201 0100",))
    assert _page("555") == [first]
    assert walks == [[first]]


def test_a_receptionist_gets_the_same_page(book: object, walks: list[Any]) -> None:
    office()
    _book()
    for who in ("Rita", "Marta"):
        access.sign_in(who, f"{who.lower()}-secret-1")
        walks.clear()
        assert _page("555") == _by_name("555")
        assert walks and walks[0] is not None, who
        access.reset()


@pytest.mark.parametrize("text", ["CAST(X'FF3535353535' AS TEXT)", "'00' || char(0) || '555'"])
def test_a_search_row_written_by_another_program_is_asked_of_the_index(
        book: object, walks: list[Any], text: str) -> None:
    """Text that is not UTF-8, or a NUL (where the trigram tokenizer stops): the index
    decides, as it does for the rest of the list."""
    from crmdesk.store.db import db

    ids = _book()
    db.execute_sql(f"UPDATE customer_phone_search SET digits = {text} WHERE rowid = ?",
                   (ids["555"][0],))
    assert _page("555") == _by_name("555")
    assert walks == [None]


def test_a_book_without_the_stored_text_is_asked_of_the_index(book: object,
                                                             walks: list[Any]) -> None:
    from crmdesk.store.db import db

    ids = _book()
    db.execute_sql("ALTER TABLE customer_phone_search_content RENAME TO elsewhere")
    try:
        assert _page("555") == ids["555"][:10]
        assert walks == [None]
    finally:
        db.execute_sql("ALTER TABLE elsewhere RENAME TO customer_phone_search_content")


def test_the_check_finds_stored_text_out_of_step_with_the_trigrams(book: object) -> None:
    from crmdesk.services import integrity
    from crmdesk.store.db import db

    ids = _book()
    assert not [p for p in integrity.check_book().problems if "Phone search" in p]
    db.execute_sql("UPDATE customer_phone_search_content SET c0 = '0000' WHERE id = ?",
                   (ids["555"][0],))
    assert [p for p in integrity.check_book().problems if "Phone search index is damaged" in p]


def test_a_damaged_search_index_of_an_encrypted_book_is_one_line(tmp_path: object) -> None:
    """SQLCipher's SQLite checks FTS5 indexes in its integrity_check too: the index is
    reported once, as the search index, not as a damaged file."""
    from pathlib import Path

    from crmdesk.services import integrity
    from crmdesk.store import encryption
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database, db

    path = Path(str(tmp_path)) / "book.db"
    open_book(path)
    cid = add("Ana", "Abad", phones=("+1 416 555 0100",))
    close_database()
    encryption.encrypt_book(path, "secret-passphrase-1")
    open_book(path, passphrase="secret-passphrase-1")
    try:
        db.execute_sql("UPDATE customer_phone_search_content SET c0 = '0000' WHERE id = ?",
                       (cid,))
        report = integrity.check_book()
        assert [p for p in report.problems if "Phone search index is damaged" in p]
        assert not [p for p in report.problems if p.startswith("SQLite integrity")]
        assert "SQLite integrity: ok" in report.findings
    finally:
        close_database()
