"""The database proxy, opening a book safely, and turning SQLite errors into plain words."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import peewee

db = peewee.DatabaseProxy()

# 'CRMD' in the SQLite header tells a crmdesk book from any other SQLite file.
APPLICATION_ID = 0x43524D44
BUSY_TIMEOUT_MS = int(os.environ.get("CRMDESK_BUSY_TIMEOUT_MS", "5000"))


#: What a read or write of the book can raise besides our own errors (locked, full disk…).
DB_ERRORS = (peewee.DatabaseError, sqlite3.DatabaseError, OSError)


class BookError(Exception):
    """A book cannot be opened or written; the message is meant for the user."""


def _pragmas() -> dict[str, object]:
    return {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": "full",
        "cache_size": -16000,  # 16 MB page cache per connection
        "busy_timeout": BUSY_TIMEOUT_MS,
    }


def describe_error(exc: BaseException, path: Path | str | None = None) -> str:
    """One clear sentence for a database problem, never a traceback."""
    text = str(exc).lower()
    where = f" {path}" if path else ""
    if "locked" in text or "busy" in text:
        return f"The book{where} is locked by another program; close it and try again."
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return f"The file{where} is not a crmdesk book, or it is damaged."
    if "disk is full" in text or "database or disk is full" in text:
        return "The disk is full: nothing was saved. Free some space and try again."
    if "readonly" in text or "read-only" in text:
        return f"The book{where} is read-only: nothing was saved."
    if "unable to open" in text:
        return f"The book{where} cannot be opened (check the folder exists and is writable)."
    return f"Database error: {exc}"


def _prepare_file(path: Path) -> bool:
    """Create the folder (0700) and an empty file (0600) if needed. Returns True if new."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.exists():
        return path.stat().st_size == 0
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    return True


def open_database(path: Path | str, *, create: bool = True) -> peewee.SqliteDatabase:
    """Open (and create) the SQLite file, check it is ours, and point the proxy at it."""
    path = Path(path).expanduser()
    if not create and not path.exists():
        raise BookError(f"No book at {path}.")
    try:
        _prepare_file(path)
    except OSError as exc:
        raise BookError(f"Cannot create the book {path}: {exc.strerror or exc}.") from exc
    database = peewee.SqliteDatabase(str(path), pragmas=_pragmas(), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        database.connect()
        app_id = database.execute_sql("PRAGMA application_id").fetchone()[0]
        tables = database.get_tables()
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        database.close()
        raise BookError(describe_error(exc, path)) from exc
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
        database.close()
        raise BookError(f"The file {path} is not a crmdesk book.")
    db.initialize(database)
    return database


def close_database() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()
