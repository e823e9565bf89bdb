"""Encrypting a plain book, changing the passphrase, and keyed connections for copies."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from crmdesk.store.db import (
    APPLICATION_ID,
    DB_ERRORS,
    BookError,
    WrongPassphrase,
    _kdf_iterations,
    check_passphrase,
    exclusive_access,
    is_encrypted,
    quote,
)

_TABLE_COUNTS = ("customer", "interaction", "points_entry", "purchase", "stage_change")


def read_only_uri(path: Path) -> str:
    """The URI of a plain book file read without writing. A real file: URI (percent-encoded,
    file:///C:/... on Windows): a name holding '#', '?' or '%' otherwise names another file
    ("my#book.db" opened "my"). A book with no -wal (nor a rollback -journal) beside it is
    open nowhere (the last connection takes the -wal away) and is read as it is: a
    read-only connection would leave an empty -wal and -shm beside it (a backup checked
    before a restore) that it cannot take away."""
    journals = any(os.path.exists(f"{path}-{kind}") for kind in ("wal", "journal"))
    return f"{Path(path).absolute().as_uri()}?mode=ro{'' if journals else '&immutable=1'}"


def connect(path: Path, passphrase: str | None, read_only: bool = False) -> Any:
    """A raw DB-API connection to a book file: sqlite3 for a plain one, SQLCipher keyed
    for an encrypted one (copies and checks use these, not the Peewee proxy)."""
    if passphrase is None:
        if not read_only:
            return sqlite3.connect(str(path))
        return sqlite3.connect(read_only_uri(path), uri=True)
    from sqlcipher3 import dbapi2 as sqlcipher  # type: ignore[import-untyped]

    _kdf_iterations()
    conn = sqlcipher.connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {quote(passphrase)}")
    return conn


def _counts(conn: Any) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLE_COUNTS}


def verify(path: Path, passphrase: str | None) -> dict[str, int]:
    """Open the file as a book, check its integrity; the row counts of the main tables."""
    conn = connect(path, passphrase)
    try:
        try:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise BookError(f"{path.name} is not a crmdesk book.")
        except DB_ERRORS as exc:
            if passphrase is not None and "not a database" in str(exc).lower():
                raise WrongPassphrase(f"Wrong passphrase for {path.name}.") from exc
            raise
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise BookError(f"{path.name} is damaged ({result}).")
        return _counts(conn)
    finally:
        conn.close()


def export_encrypted(source: Path, target: Path, passphrase: str) -> None:
    """Write an encrypted copy of the plain book file `source` into `target` (created 0600
    from its first byte; any -wal of `source` folded in)."""
    from sqlcipher3 import dbapi2 as sqlcipher

    target.unlink(missing_ok=True)
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    _kdf_iterations()
    plain = sqlcipher.connect(str(source))  # no key: reads the plain file
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute(f"ATTACH DATABASE {quote(str(target))} AS encrypted "
                      f"KEY {quote(passphrase)}")
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute(f"PRAGMA encrypted.application_id = {APPLICATION_ID}")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()


def encrypt_book(path: Path, passphrase: str) -> None:
    """Encrypt a plain (closed) book in place: an encrypted copy is written and verified
    (same rows, intact) before it replaces the original. Refused while another program has
    the book open (its later writes would be lost)."""
    check_passphrase(passphrase)
    with exclusive_access(path, "Encrypting the book"):
        if is_encrypted(path):
            raise BookError(f"{path.name} is already encrypted (use Change Passphrase).")
        before = verify(path, None)
        target = path.with_name(f".{path.name}.encrypting")
        try:
            export_encrypted(path, target, passphrase)
            after = verify(target, passphrase)
            if after != before:
                raise BookError(f"The encrypted copy differs from the book ({after} ≠ "
                                f"{before}); the book was left as it was.")
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            os.replace(target, path)
        finally:
            target.unlink(missing_ok=True)


def rekey_book(path: Path, old: str, new: str) -> None:
    """Change the passphrase of an encrypted (closed) book, then prove the new one opens it.
    Refused while another program has the book open."""
    check_passphrase(new)
    with exclusive_access(path, "Changing the passphrase"):
        conn = connect(path, old)
        try:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except DB_ERRORS as exc:
                raise WrongPassphrase(f"Wrong passphrase for {path.name}.") from exc
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute(f"PRAGMA rekey = {quote(new)}")
        finally:
            conn.close()
        verify(path, new)
