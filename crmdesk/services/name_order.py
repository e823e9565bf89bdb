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

import functools
import heapq
import json
import re
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


#: Each customer id's search text as three characters, in id order (ids with none: 'n'):
#: 't' and its name's first two characters (spaces past its end), or 'b' (not text).
_HEADS = ("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
          "SELECT group_concat(CASE WHEN typeof(t.c0) = 'text' THEN 't' || substr(t.c0 || "
          "'  ', 1, 2) WHEN t.c0 IS NULL THEN 'n  ' ELSE 'b  ' END, '') FROM n "
          "LEFT JOIN customer_fts_content t ON t.id = n.i")


@functools.cache
def _folds() -> dict[int, str]:
    """Each ASCII capital, and each Latin letter with accents that FTS holds as one plain
    ASCII letter ('É' -> 'e'), as that letter (a str.translate table)."""
    from crmdesk.services.search_index import _latin_with_accents, fold

    table = {ord(ch): ch.lower() for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    for ch in _latin_with_accents():
        if not ch.isascii() and len(fold(ch)) == 1 and fold(ch) in _PLAIN:
            table[ord(ch)] = fold(ch)
    return table


_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _first_letters(ids: list[int], top: int) -> FirstLetters | None:
    """The first letters of the names of `ids` (in name order), from the search index's own
    store of the names read in its order, two characters of each, in one string (a walk in
    name order would look each one up: twice as long), put in name order and folded ('É' is
    'e') in C. A name whose first character is not then a plain ASCII letter or digit, or
    whose second is not ASCII ('Øyvind', a mark, a name with no given name), is worked out
    in Python from its text."""
    from crmdesk.services.search_index import leading_words

    try:
        row = db.execute_sql(_HEADS, (top - 1,)).fetchone()
    except peewee.OperationalError:  # (a book without the search text's own table)
        return None
    heads = row[0] if row is not None else None
    if not isinstance(heads, str) or len(heads) != 3 * top:
        return None
    folds = _folds()
    kinds = "".join(map(heads[0::3].__getitem__, ids))
    first = "".join(map(heads[1::3].__getitem__, ids)).translate(folds)
    second = "".join(map(heads[2::3].__getitem__, ids)).translate(folds)
    fixed: dict[int, tuple[str, str]] = {}
    for hit in _NOT_TEXT.finditer(kinds):
        place = hit.start()
        # (no search text: FTS finds nothing; one not stored as text is read as text: asked)
        fixed[place] = (NO_ASCII, NO_ASCII) if hit.group() == "n" else (UNSURE, UNSURE)
    # (the names worked out in Python, found in C: a first character that is not a plain
    # ASCII letter or digit, a second that is not ASCII)
    odd: dict[int, int] = {}  # id -> place
    for place in sorted({m.start() for m in _NOT_PLAIN.finditer(first)}
                        | {m.start() for m in _NOT_ASCII.finditer(second)}):
        if place not in fixed:
            odd[ids[place]] = place
    for cid, name in db.execute_sql("SELECT id, c0 FROM customer_fts_content WHERE id IN "
                                    "(SELECT value FROM json_each(?))", (json.dumps(list(odd)),)):
        words = leading_words(name, 1) if isinstance(name, str) else None
        if words is None:  # (a mark or a symbol: only the index knows)
            fixed[odd[cid]] = (UNSURE, UNSURE)
            continue
        word = words[0] if words else ""
        one = word[:1] if word[:1].isascii() and word[:1] else NO_ASCII
        two = word[1:2] if len(word) > 1 else " "
        fixed[odd[cid]] = (one, two if two.isascii() else NO_ASCII)
    if fixed:
        firsts, seconds = list(first), list(second)
        for place, (one, two) in fixed.items():
            firsts[place], seconds[place] = one, two
        first, second = "".join(firsts), "".join(seconds)
    # a second character that is not a letter or digit ends a one-letter first word
    second = second.translate(_WORD_ENDS)
    return FirstLetters(first, second)


_NOT_TEXT = re.compile("[nb]")
_NOT_PLAIN = re.compile("[^a-z0-9]")
_NOT_ASCII = re.compile("[^\x00-\x7f]")
#: ASCII characters that end a word, read as the space of a one-letter first word
_WORD_ENDS = str.maketrans({chr(c): " " for c in range(128)
                            if not chr(c).isalnum() and chr(c) not in (UNSURE, NO_ASCII)})


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
