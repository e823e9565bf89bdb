"""An '@domain' search that most of the book matches: its first page comes from a walk of
the name order, each customer's e-mail text tested in Python as FTS5 would match it."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.services import access, customer_query
from crmdesk.services.customer_query import CustomerFilter, customer_ids, emails_phrase_at
from tests.conftest import add, office

_CHARS = "abcxyz019.@-_+ "


@settings(max_examples=300, deadline=None)
@given(addresses=st.lists(st.text(_CHARS, min_size=1, max_size=14), min_size=1, max_size=3),
       query=st.text("abcxyz019.-", min_size=1, max_size=8))
def test_the_python_test_matches_what_fts5_matches(addresses: list[str], query: str) -> None:
    """Over plain ASCII, emails_phrase_at agrees with FTS5's own MATCH of the phrase the
    search builds ('@' text -> emails : "w1 w2"*), in the book's tokenizer."""
    words = customer_query._WORD.findall(query)
    if not words:
        return
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(emails, tokenize = "
                 "'unicode61 remove_diacritics 2', prefix = '1 2 3')")
    text = " ".join(addresses)
    conn.execute("INSERT INTO t (rowid, emails) VALUES (1, ?)", (text,))
    phrase = f'emails : "{" ".join(words)}"*'
    fts = bool(conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (phrase,)).fetchone()[0])
    tokens = customer_query._ASCII_TOKEN.findall(" ".join(words).lower())
    assert emails_phrase_at(text, tokens) is fts, (text, phrase)


def test_text_that_is_not_plain_ascii_is_left_to_the_index() -> None:
    assert emails_phrase_at("jose@exämple.es", ["ex"]) is None
    assert emails_phrase_at("ana@example.es", ["example", "e"]) is True
    assert emails_phrase_at("ana@example.es", ["es"]) is True
    assert emails_phrase_at("ana@example.es", ["example", "com"]) is False
    # a phrase may run on from one address into the next, as it does in the index
    assert emails_phrase_at("ana@example.es bob@other.org", ["es", "bob"]) is True


def _page(text: str, size: int = 10) -> list[int]:
    flt = CustomerFilter(text=text)
    total = customer_query.count()
    hits = customer_query.text_only_count(flt, total)
    assert hits is not None
    return customer_query.first_page(flt, size, hits, total)


def _by_name(text: str, size: int = 10) -> list[int]:
    return customer_ids(CustomerFilter(text=text, sort="name"))[:size]


@pytest.fixture()
def walked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many customers' e-mail text the walk tested (a list holding the count)."""
    calls = [0]
    real = customer_query.emails_phrase_at

    def counting(emails: str, tokens: list[str]) -> bool | None:
        calls[0] += 1
        return real(emails, tokens)

    monkeypatch.setattr(customer_query, "emails_phrase_at", counting)
    monkeypatch.setattr(customer_query, "DENSE_WALK_HITS", 0)  # (a small book walks too)
    return calls


def _book_of_domains() -> dict[str, list[int]]:
    ids: dict[str, list[int]] = {"com": [], "es": []}
    for i in range(60):
        ids["com"].append(add(f"Ana{i:02d}", f"Abad{i:02d}", emails=(f"ana{i}@example.com",)))
    for i in range(20):  # sorted after every Abad: their hits are not where the names start
        ids["es"].append(add(f"Zoe{i:02d}", f"Zubiri{i:02d}", emails=(f"zoe{i}@example.es",)))
    return ids


def test_a_dense_domain_page_is_the_first_page_by_name(book: object, walked: list[int]
                                                       ) -> None:
    ids = _book_of_domains()
    for text in ("@e", "@exa", "@example", "@example.", "@example.c", "@EXAMPLE.COM", "@com"):
        walked[0] = 0
        customer_query.forget_answers()
        assert _page(text) == _by_name(text), text
        assert 0 < walked[0] <= 20, (text, walked[0])  # the walk decided it
    assert _page("@example.com") == ids["com"][:10]


def test_hits_rarer_where_the_names_start_fall_back_to_the_index(
        book: object, walked: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _book_of_domains()
    monkeypatch.setattr(customer_query, "DENSE_WALK_MOST", 30)
    # '@example.es': a quarter of the book, all after the 60 Abads in name order
    assert _page("@example.es") == ids["es"][:10] == _by_name("@example.es")
    assert walked[0] == 30  # the walk read as far as it may, then asked the index


def test_the_walk_tells_a_page_from_the_whole_list(book: object, walked: list[int]) -> None:
    """Hits fewer than a page and dense: the walk reads the whole list and keeps them all."""
    first = add("Ana", "Abad", emails=("ana@example.com",))
    add("Bea", "Bravo", emails=("bea@other.org",))
    assert _page("@example") == [first]
    assert walked[0] == 2


def test_an_address_not_in_plain_ascii_is_asked_of_the_index(book: object,
                                                             walked: list[int]) -> None:
    from crmdesk.store.db import db

    ids = _book_of_domains()
    # an address the index holds otherwise than it folds (written by another program)
    db.execute_sql("UPDATE customer_fts SET emails = 'ana0@exæmple.com' WHERE rowid = ?",
                   (ids["com"][0],))
    customer_query.forget_answers()
    assert _page("@example") == _by_name("@example") == ids["com"][1:11]
    assert walked[0] == 1  # the first customer's text stopped the walk


def test_a_receptionist_gets_the_same_page(book: object, walked: list[int]) -> None:
    office()
    _book_of_domains()
    for who in ("Rita", "Marta"):
        access.sign_in(who, f"{who.lower()}-secret-1")
        customer_query.forget_answers()
        walked[0] = 0
        assert _page("@example.c") == _by_name("@example.c")
        assert walked[0] > 0, who
        access.reset()


def test_a_walk_gives_up_where_the_hits_are_rarer_than_over_the_book(
        book: object, walked: list[int]) -> None:
    """Half the book at the domain, none of them among the first 500 names: the walk stops
    soon after 400 names read (not at DENSE_WALK_MOST), and the index gives the page."""
    from crmdesk.store.db import db

    with db.atomic():
        for i in range(500):
            add(f"Ana{i:03d}", f"Abad{i:03d}", emails=(f"ana{i}@other.org",))
        late = [add(f"Zoe{i:03d}", f"Zubiri{i:03d}", emails=(f"zoe{i}@example.es",))
                for i in range(500)]
    # (a page of 200: the walk may read 1,200 names at this density)
    assert _page("@example", 200) == late[:200] == _by_name("@example", 200)
    assert walked[0] == 400  # (the 401st name read stops it)


def test_a_blob_in_the_search_row_is_asked_of_the_index(book: object, walked: list[int]
                                                        ) -> None:
    from crmdesk.store.db import db

    ids = _book_of_domains()
    db.execute_sql("UPDATE customer_fts SET emails = CAST('b ana0@example.com' AS BLOB) "
                   "WHERE rowid = ?", (ids["com"][0],))
    customer_query.forget_answers()
    assert _page("@b") == _by_name("@b") == [ids["com"][0]]
    assert walked[0] == 0
