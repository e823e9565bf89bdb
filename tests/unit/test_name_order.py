"""The name order kept in memory (services/name_order): searches that sort their hits in an
array give exactly what SQL gives, and the array is never used once a name changed."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmdesk.services import customer_query, customers, name_order
from crmdesk.services.customer_query import CustomerFilter, customer_ids, first_page
from crmdesk.store.db import db
from tests.conftest import add

GIVEN = ["María", "Maria", "Lola", "Łukasz", "Hương", "Ana", "Ángel", "Zoë", "Jean-Luc", "Bo"]
FAMILY = ["Peña", "Pena", "García", "Garcia", "Nguyễn", "Wiśniewski", "O'Brien", "Sørensen",
          "Ávila", "Zapata"]
FRAGMENTS = ["m", "ma", "mar", "pen", "peñ", "garc", "nguy", "wis", "o bri", "sor", "av", "z",
             "555", "5551", "905 555", "612", "@example", "@mail.example", "maria.", "lola.pena@",
             "maria.garcia@", "maria.garcia@e", "ana.garcia@", "bo.", "golf", "opera", "x", "zzzz"]


def _seed(count: int = 80) -> list[int]:
    """A book of `count` customers with shared and accented names (ties sort by id), numbers
    sharing digits and e-mail addresses sharing their starts; a few in the Trash."""
    rnd = random.Random(7)
    ids = []
    for _ in range(count):
        given, family = rnd.choice(GIVEN), rnd.choice(FAMILY)
        local = f"{given}.{family}".lower().replace("'", "").replace(" ", "")
        ids.append(add(
            given, family,
            emails=tuple(f"{local}@{domain}" for domain in
                         rnd.sample(["example.com", "mail.example.net"], rnd.randint(0, 2))),
            phones=tuple(f"+1 {rnd.choice(['905', '612', '416'])}-555-{rnd.randint(1000, 1999)}"
                         for _ in range(rnd.randint(0, 2))),
            tags=rnd.sample(["golf", "opera", "wine"], rnd.randint(0, 2))))
    for cid in ids[::9]:
        customers.set_archived([cid], True)
    return ids


def _both(flt: CustomerFilter, limit: int | None = None) -> tuple[list[int], list[int]]:
    name_order.forget()
    by_sql = customer_ids(flt, limit=limit)
    assert name_order.places() is None
    name_order.build()
    assert name_order.places() is not None
    return by_sql, customer_ids(flt, limit=limit)


def test_searches_sorted_in_memory_give_what_sql_gives(book: object) -> None:
    _seed()

    @settings(max_examples=150, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(text=st.sampled_from(FRAGMENTS), sort=st.sampled_from(["name", "relevance"]),
           descending=st.booleans(), limit=st.sampled_from([None, 1, 3, 10]))
    def run(text: str, sort: str, descending: bool, limit: int | None) -> None:
        flt = CustomerFilter(text=text, sort=sort, descending=descending)
        by_sql, in_memory = _both(flt, limit)
        assert in_memory == by_sql
        # the list's first page of a search that is not ranked, the same way
        hits = customer_query.text_only_count(flt, customer_query.count())
        if hits is not None and not customer_query.ranked(flt):
            name_order.forget()
            page_sql = first_page(flt, 5, hits, customer_query.count())
            name_order.build()
            assert first_page(flt, 5, hits, customer_query.count()) == page_sql
            assert hits == len(customer_ids(flt))

    run()


def test_the_fast_paths_are_taken(book: object) -> None:
    """Phone digits, an e-mail start and a search in name order are sorted in memory: with
    the array's order reversed on purpose, what comes back follows the array."""
    _seed()
    for first in ("Zoe", "Abel"):
        add(first, "Garcia", emails=("maria.garcia@example.com",))
    array = name_order.build()
    for text in ("555", "maria.garcia@", "garc"):
        flt = CustomerFilter(text=text, sort="name")
        expected = customer_ids(flt)
        assert len(expected) > 1
        flipped = type(array)("i", (value if value == name_order.ABSENT else 10**6 - value
                                    for value in array))
        name_order._cache["places"] = flipped
        assert customer_ids(flt) == expected[::-1]
        name_order._cache["places"] = array


def test_a_name_change_puts_the_array_out_of_use_until_it_is_read_again(book: object) -> None:
    _seed(20)
    name_order.build()
    flt = CustomerFilter(text="555", sort="name")
    before = customer_ids(flt)
    last = before[-1]
    data = customers.load(last)
    data.family_name = "Aaaron"
    customers.update(last, data, "US")
    assert name_order.places() is None  # stale: SQL answers, with the new name first
    assert customer_ids(flt)[0] == last
    name_order.build()
    assert customer_ids(flt)[0] == last
    customers.set_archived([last], True)
    assert name_order.places() is None
    assert last not in customer_ids(flt)
    name_order.build()
    assert last not in customer_ids(flt)


def test_another_program_renaming_someone_puts_the_array_out_of_use(book: object) -> None:
    _seed(10)
    name_order.build()
    other = sqlite3.connect(str(db.database))
    with other:
        other.execute("UPDATE customer SET sort_name = 'aaa' WHERE id = "
                      "(SELECT max(id) FROM customer)")
    other.close()
    assert name_order.places() is None


def test_phone_digits_are_counted_without_listing_them(book: object) -> None:
    _seed(30)
    flt = CustomerFilter(text="555")
    assert customer_query.text_only_count(flt, customer_query.count()) == len(customer_ids(flt))


def test_reading_the_name_order_never_imports_numpy(tmp_path: object) -> None:
    """The list reads the name order in a worker a little after start-up: importing numpy
    there held the GIL for most of a second (the window froze)."""
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from crmdesk.store.book import open_book; "
            "from crmdesk.services import name_order, customer_query as q; "
            f"open_book(Path({str(tmp_path)!r}) / 'b.db'); "
            "from tests.conftest import add; add('Ana', 'Uno', phones=('+1 905-555-1234',)); "
            "name_order.build(); q.customer_ids(q.CustomerFilter(text='555')); "
            "q.first_page_ranked(q.CustomerFilter(text='a'), 10); "
            "print('numpy' in sys.modules)")
    from pathlib import Path

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert out.stdout.strip() == "False", out.stderr


@settings(max_examples=200, deadline=None)
@given(order=st.permutations(list(range(1, 40))), gone=st.sets(st.integers(1, 39)),
       hits=st.sets(st.integers(1, 45)), limit=st.one_of(st.none(), st.integers(0, 50)),
       descending=st.booleans())
def test_the_places_sorted_as_integers_give_what_the_keyed_sort_gives(
        order: list[int], gone: set[int], hits: set[int], limit: int | None,
        descending: bool) -> None:
    """in_name_order with the array built beside it (places sorted as plain integers, then
    read back as ids) lists exactly what the sort keyed by the array gives (the same array
    copied, which has none beside it): customers not on the list (the Trash) and ids past
    the array left out, a limit or not, either way round."""
    from array import array

    listed = [cid for cid in order if cid not in gone]
    table = array("i", [name_order.ABSENT]) * 40
    for place, cid in enumerate(listed):
        table[cid] = place
    saved = dict(name_order._cache)
    try:
        name_order._cache["places"] = table
        name_order._cache["ids"] = (table, array("i", listed))
        fast = name_order.in_name_order(hits, table, descending=descending, limit=limit)
        keyed = name_order.in_name_order(hits, array("i", table), descending=descending,
                                         limit=limit)
    finally:
        name_order._cache.clear()
        name_order._cache.update(saved)
    expected = sorted((cid for cid in hits if cid in listed), key=listed.index,
                      reverse=descending)
    assert keyed == expected[:limit] if limit is not None else keyed == expected
    assert fast == keyed


def test_ids_read_once_and_negative_ids_are_left_out() -> None:
    """An iterator of ids is read once for both ways of sorting; a negative id (only another
    program could write one) is not taken for the customer at the array's end."""
    from array import array

    table = array("i", [name_order.ABSENT, 0, 1, 2])
    saved = dict(name_order._cache)
    try:
        name_order._cache["places"] = table
        name_order._cache["ids"] = (table, array("i", [1, 2, 3]))
        assert name_order.in_name_order(iter([3, 1, 9]), table) == [1, 3]
        assert name_order.in_name_order([1, -2], table) == [1]
        assert name_order.in_name_order([3, 2, 1], table, limit=2) == [1, 2]
    finally:
        name_order._cache.clear()
        name_order._cache.update(saved)


def _first_letters_hits(typed: str) -> list[int]:
    """The customers the first letters kept in memory say start with `typed`, by place."""
    table = name_order.places()
    assert table is not None
    letters, at = name_order.first_letters(table), name_order.who_is_at(table)
    assert letters is not None and at is not None
    pairs = zip(letters.first, letters.second, strict=True)
    return [at[place] for place, (one, two) in enumerate(pairs)
            if one == typed[0] and (len(typed) == 1 or two == typed[1])]


def _fts_hits(typed: str) -> list[int]:
    ids = {row[0] for row in db.execute_sql(
        "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?", (f'name : ^"{typed}"*',))}
    table = name_order.places()
    assert table is not None
    return name_order.in_name_order(ids, table)


def test_the_first_letters_are_those_fts_holds_and_are_read_again_after_any_rename(
        book: object) -> None:
    """Each customer's first two letters, kept with the name order, say which names FTS
    finds for a first or second keystroke (accents folded, one-letter first words, no given
    name); a change of a name that leaves its sort name as it was ('Oyvind' -> 'Øyvind',
    the given and family names swapped by a sync or a settled conflict) makes them stale."""
    _seed(40)
    odd = [add("Élodie", "Zed"), add("J.", "Smith"), add("", "Ortega"), add("Oyvind", "Dahl"),
           add("Wang", "Wei"), add("Ma", "Li")]
    name_order.build()
    for typed in ["m", "ma", "e", "el", "j", "o", "or", "oy", "w", "we", "wa", "l", "z"]:
        assert _first_letters_hits(typed) == _fts_hits(typed), typed
    # written as a sync writes them: the sort name as it was
    from crmdesk.services import search_index

    for cid, first, family in [(odd[3], "Øyvind", "Dahl"), (odd[4], "", "Wei Wang")]:
        before = name_order.places()
        db.execute_sql("UPDATE customer SET given_name = ?, family_name = ? WHERE id = ?",
                       (first, family, cid))
        search_index.reindex([cid])
        assert name_order.places() is None and before is not None  # stale: not used
        name_order.build()
    for typed in ["o", "oy", "w", "we"]:
        assert _first_letters_hits(typed) == _fts_hits(typed), typed


def test_a_book_of_the_previous_schema_counts_every_rename_once_upgraded(
        tmp_path: Path) -> None:
    from crmdesk.store import migrations
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database
    from tests.conftest import old_book

    path = tmp_path / "old.db"
    database = old_book(path, migrations.NAMES_COUNTED_VERSION - 1)
    stamp = "2026-01-05T10:00:00Z"
    database.execute_sql("INSERT INTO customer (given_name, family_name, sort_name, created_at, "
                         "updated_at) VALUES ('Oyvind', 'Dahl', 'dahl oyvind', ?, ?)",
                         (stamp, stamp))
    database.close()
    open_book(path)
    try:
        assert migrations.current_version(db) == migrations.LATEST

        def names() -> int:
            return int(db.execute_sql("SELECT n FROM change_counter WHERE name = "
                                      "'customer_names'").fetchone()[0])

        before = names()
        db.execute_sql("UPDATE customer SET given_name = 'Øyvind'")  # the same sort name
        assert names() == before + 1
        db.execute_sql("UPDATE customer SET notes = 'likes opera'")  # not a name
        assert names() == before + 1
    finally:
        close_database()
