"""Figures computed once are reused until the book changes.

Every write to the tables the canvas and dashboards are made of moves a counter on (SQL
triggers, so a CLI script or another window writing the book counts too); a cached result
is used only while the counter has not moved, for the same person, scope and moment."""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import peewee

from crmdesk.services import access
from crmdesk.store.db import db

T = TypeVar("T")
MAX_ENTRIES = 24
_lock = threading.Lock()
_cache: OrderedDict[Hashable, tuple[int, object]] = OrderedDict()


def book_version() -> int | None:
    """How many writes the book has seen to what the figures are made of (None: this book
    keeps no count, so nothing is reused)."""
    counts = changes()
    return sum(counts.values()) if counts is not None else None


def changes() -> dict[str, int] | None:
    """The change counters by table ('interaction+' counts its inserts alone)."""
    try:
        return {str(k): int(n) for k, n in db.execute_sql(
            "SELECT name, n FROM change_counter")}
    except peewee.OperationalError:
        return None


def _book_identity() -> Hashable:
    """The open book's file (a restored or replaced file is another book)."""
    name = str(db.database)
    try:
        info = os.stat(name)
    except OSError:
        return name
    return (name, info.st_dev, info.st_ino)


def moment(now: dt.datetime | None) -> Hashable:
    """The cache's view of `now`: the time given, or the current ten minutes (figures such
    as "overdue" may lag that much behind the clock, never behind the book)."""
    if now is not None:
        return now
    current = dt.datetime.now(dt.UTC)
    return current.replace(minute=current.minute // 10 * 10, second=0, microsecond=0)


def cached(kind: str, key: Hashable, compute: Callable[[], T]) -> T:
    me = access.current()
    full: Hashable = (_book_identity(), kind, key, me.role, me.staff_id)
    version = book_version()
    if version is None:
        return compute()
    with _lock:
        hit = _cache.get(full)
        if hit is not None and hit[0] == version:
            _cache.move_to_end(full)
            return hit[1]  # type: ignore[return-value]
    result = compute()
    with _lock:
        _cache[full] = (version, result)
        while len(_cache) > MAX_ENTRIES:
            _cache.popitem(last=False)
    return result


def clear() -> None:
    with _lock:
        _cache.clear()
