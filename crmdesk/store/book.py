"""Open a book: the file, its pragmas and the migrations ladder, in one call."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import peewee

from crmdesk.store import migrations
from crmdesk.store.db import BookError, close_database, describe_error, open_database


@dataclass
class Book:
    path: Path
    database: peewee.SqliteDatabase
    backup: Path | None = None

    def close(self) -> None:
        close_database()


def open_book(path: Path | str, *, create: bool = True) -> Book:
    """Open the book at `path` (created if allowed), migrated to the latest schema."""
    path = Path(path).expanduser().resolve()
    database = open_database(path, create=create)
    try:
        backup = migrations.migrate(database, path)
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        close_database()
        raise BookError(describe_error(exc, path)) from exc
    except RuntimeError as exc:
        close_database()
        raise BookError(str(exc)) from exc
    return Book(path=path, database=database, backup=backup)
