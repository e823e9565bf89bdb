"""The list's name order in memory: each customer's place in name order, one array of
integers indexed by id (the standard library's `array`: importing numpy in a worker holds
the GIL long enough to freeze the window for most of a second). Putting the hits of a
search in name order is then a sort of the hits keyed by the array's own lookup, done in C
by `sorted` and `heapq` (~0.2 µs a hit), instead of a join to the customer table and a sort
of the names (~1 µs a hit: 70 ms for the 68,000 hits of a phone-digit search at a million
customers).

The array is kept until a name on the list changes (the book's 'customer_names' counter,
kept by triggers, so another program's writes count too). It is built on request, off the
GUI thread (`build`); until it is, and whenever it is out of date, callers get None and use
SQL, which gives the same order.
"""

from __future__ import annotations

import heapq
import json
import threading
from array import array
from collections.abc import Iterable
from typing import Any

import peewee

from crmdesk.store.db import db

#: the place of a customer who is not on the list (in the Trash, or no such id)
ABSENT = 2**31 - 1

_lock = threading.Lock()
_cache: dict[str, object] = {}


def names_stamp() -> str:
    """Changes whenever a name on the list may have changed: the book's 'customer_names'
    counter (a customer added, renamed, archived, restored or deleted). Without the counter
    (a book of an older schema being opened): whenever another connection committed
    (data_version) or this one wrote (total_changes)."""
    try:
        row = db.execute_sql(
            "SELECT n FROM change_counter WHERE name = 'customer_names'").fetchone()
    except peewee.OperationalError:
        row = None
    if row is not None:
        from crmdesk.services.figures_cache import _book_identity

        return f"{id(db.obj)}:{_book_identity()}:names:{row[0]}"
    version = db.execute_sql("PRAGMA data_version").fetchone()[0]
    changes = db.execute_sql("SELECT total_changes()").fetchone()[0]
    return f"{id(db.obj)}:{id(db.connection())}:{version}:{changes}"


def places() -> array[int] | None:
    """The places in name order (sort name, then id) of the customers on the list, indexed
    by id (ABSENT for the rest), if they are up to date; else None."""
    with _lock:
        cached = _cache.get("places")
        stamp = _cache.get("stamp")
    if cached is None or stamp != names_stamp():
        return None
    return cached  # type: ignore[return-value]


#: in the first letters (FirstLetters): a name whose first word the index alone knows (a
#: mark or symbol in it: looked up), and one whose first word no plain ASCII word typed
#: can start ('øyvind', '明', no search text)
UNSURE, NO_ASCII = "?", "#"


def build() -> array[int]:
    """Read the name order from the name index (a covering walk) and keep it, with the
    first letters of each name (FirstLetters); returns the order."""
    stamp = names_stamp()
    with _lock:
        cached = _cache.get("places")
        if cached is not None and _cache.get("stamp") == stamp:
            return cached  # type: ignore[return-value]
    ids = [row[0] for row in db.execute_sql(
        "SELECT id FROM customer INDEXED BY customer_sort WHERE archived_at IS NULL "
        "ORDER BY sort_name, id")]
    table = array("i", [ABSENT]) * (max(ids) + 1 if ids else 0)
    for place, cid in enumerate(ids):
        table[cid] = place
    firsts = _first_letters(ids, len(table))
    if names_stamp() == stamp:  # no name changed while it was read: keep it
        with _lock:
            _cache["places"], _cache["stamp"] = table, stamp
            _cache["ids"] = (table, array("i", ids))  # who is at each place of `table`
            _cache["firsts"] = (table, firsts)
        _answers_changed()
    return table


class FirstLetters:
    """The first two letters of each name's first word as the search index holds it, by
    place in name order: `first` and `second` hold one character a place (the second a
    space when the word has one letter; UNSURE or NO_ASCII in both where it says so). A
    search's first keystrokes find the names starting with them by a scan of `first`."""

    def __init__(self, first: str, second: str) -> None:
        self.first, self.second = first, second


def _first_letters(ids: list[int], top: int) -> FirstLetters | None:
    """The first letters of the names of `ids` (in name order), from the search index's
    own store of the names read in its order (a walk in name order would look each one up:
    six times as long): the first two characters when they are ASCII letters or digits, in
    SQL; the rest (one name in twenty: 'Élodie', 'J. Smith') worked out in Python."""
    from crmdesk.services.search_index import leading_words

    try:
        row = db.execute_sql(
            "SELECT json_group_array(id), group_concat(code, '') FROM (SELECT id, CASE WHEN "
            "substr(c0, 1, 2) GLOB '[A-Za-z0-9][A-Za-z0-9]' THEN lower(substr(c0, 1, 2)) "
            "ELSE '??' END AS code FROM customer_fts_content)").fetchone()
    except peewee.OperationalError:  # (a book without the search text's own table)
        return None
    held: list[int] = json.loads(row[0]) if row and row[0] else []
    codes = str(row[1] or "") if row else ""
    if len(codes) != 2 * len(held) or not codes.isascii():
        return None  # (a name stored as something else than text: the index is asked)
    first, second = [NO_ASCII] * top, [NO_ASCII] * top
    unsure = []
    for cid, one, two in zip(held, codes[0::2], codes[1::2], strict=True):
        if 0 <= cid < top:
            first[cid], second[cid] = one, two
            if one == UNSURE:
                unsure.append(cid)
    for cid, name in db.execute_sql("SELECT id, c0 FROM customer_fts_content WHERE id IN "
                                    "(SELECT value FROM json_each(?))", (json.dumps(unsure),)):
        words = leading_words(name, 1) if isinstance(name, str) else []
        if words is None:
            continue  # (UNSURE: asked of the index)
        word = words[0] if words else ""
        one = word[:1] if word[:1].isascii() and word[:1] else NO_ASCII
        two = word[1:2] if len(word) > 1 else " "
        first[cid], second[cid] = one, two if two.isascii() else NO_ASCII
    return FirstLetters("".join([first[cid] for cid in ids]),
                        "".join([second[cid] for cid in ids]))


def who_is_at(table: array[int]) -> array[int] | None:
    """The ids by place of the name order `table` (None: another order is kept now)."""
    with _lock:
        pair: Any = _cache.get("ids")
    return pair[1] if pair is not None and pair[0] is table else None


def first_letters(table: array[int]) -> FirstLetters | None:
    """The first letters read with the name order `table` (None: not read)."""
    with _lock:
        pair: Any = _cache.get("firsts")
    return pair[1] if pair is not None and pair[0] is table else None


def forget() -> None:
    """Drop the array (a book closed)."""
    with _lock:
        _cache.clear()
    _answers_changed()


def _answers_changed() -> None:
    from crmdesk.services import customer_query

    customer_query.forget_answers()


def in_name_order(ids: Iterable[int], table: array[int], *, descending: bool = False,
                  limit: int | None = None) -> list[int]:
    """`ids` (customer ids, each once) of customers on the list in name order (reversed when
    `descending`), the first `limit` of them; ids not on the list are left out."""
    if not isinstance(ids, (list, set, frozenset, tuple)):
        ids = list(ids)  # (read twice below)
    with _lock:
        pair: Any = _cache.get("ids")
    at = pair[1] if pair is not None and pair[0] is table else None
    # (a negative id, which only another program could write, would read a place from the
    # array's end: the keyed sort below leaves it out)
    if at is not None and min(ids, default=0) >= 0:
        # The hits' places, put in order as plain integers (no key function: half the time
        # of the sort below), then read back as ids.
        try:
            spots = list(map(table.__getitem__, ids))
        except IndexError:  # (an id past the table: a search row of no customer)
            spots = None
        if spots is not None:
            if descending:
                spots = [spot for spot in spots if spot != ABSENT]
            if limit is not None and limit < len(spots):
                spots = (heapq.nlargest if descending else heapq.nsmallest)(limit, spots)
            else:
                spots.sort(reverse=descending)
            return [at[spot] for spot in spots if spot != ABSENT]
    top = len(table)
    inside = [cid for cid in ids if 0 <= cid < top and table[cid] != ABSENT]
    if limit is not None and limit < len(inside):
        pick = heapq.nlargest if descending else heapq.nsmallest
        return pick(limit, inside, key=table.__getitem__)
    return sorted(inside, key=table.__getitem__, reverse=descending)
