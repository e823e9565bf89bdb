"""Open a book: the file, its pragmas and the migrations ladder, in one call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import peewee

from crmdesk.store import migrations
from crmdesk.store.db import (
    DB_ERRORS,
    BookError,
    close_database,
    describe_error,
    open_database,
)


@dataclass
class Book:
    path: Path
    database: peewee.SqliteDatabase
    backup: Path | None = None
    #: Sentences for the person about what was found on opening (a foreign -wal set aside).
    warnings: list[str] = field(default_factory=list)

    @property
    def passphrase(self) -> str | None:
        """The key of an encrypted book (None for a plain one)."""
        return getattr(self.database, "passphrase", None)

    @property
    def encrypted(self) -> bool:
        return self.passphrase is not None

    def close(self) -> None:
        close_database()


def open_book(path: Path | str, *, create: bool = True, passphrase: str | None = None) -> Book:
    """Open the book at `path` (created if allowed), migrated to the latest schema."""
    path = Path(path).expanduser().resolve()
    database = open_database(path, create=create, passphrase=passphrase)
    try:
        backup = migrations.migrate(database, path)
    except DB_ERRORS as exc:
        close_database()
        raise BookError(describe_error(exc, path)) from exc
    except RuntimeError as exc:
        close_database()
        raise BookError(str(exc)) from exc
    # An office book: this build's capture triggers (the sync engine, ~15 ms to import, is
    # loaded for an office book only).
    if _joined(database):
        from crmdesk.services import sync

        try:
            sync.ensure_capture()
        except DB_ERRORS as exc:
            close_database()
            raise BookError(describe_error(exc, path)) from exc
    return Book(path=path, database=database, backup=backup,
                warnings=list(getattr(database, "warnings", [])))


def _joined(database: peewee.Database) -> bool:
    """Whether the book has joined an office (it holds a sync state)."""
    try:
        return database.execute_sql("SELECT 1 FROM sync_state WHERE id = 1").fetchone() \
            is not None
    except DB_ERRORS:  # not migrated that far
        return False


def open_book_asking(path: Path | str, ask: Callable[[str], str | None], *,
                     create: bool = True, known: str | None = None, tries: int = 3) -> Book:
    """open_book for an app: when the book is encrypted, `ask(message)` gets a passphrase
    (None = the person gave up); a wrong one is asked again, up to `tries` times."""
    from crmdesk.store.db import PassphraseNeeded, WrongPassphrase

    passphrase = known
    message = f"{Path(path).name} is encrypted. Passphrase:"
    asked = 0
    while True:
        try:
            return open_book(path, create=create, passphrase=passphrase)
        except PassphraseNeeded:
            pass
        except WrongPassphrase:
            message = f"Wrong passphrase for {Path(path).name}. Try again:"
        if asked >= tries:  # every passphrase asked for has been tried
            raise BookError(f"Wrong passphrase for {Path(path).name}.")
        passphrase = ask(message)
        asked += 1
        if passphrase is None:
            raise BookError(f"{Path(path).name} was not opened: no passphrase given.")
