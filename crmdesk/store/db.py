"""The database proxy, opening a book safely, and turning SQLite errors into plain words."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import peewee

db = peewee.DatabaseProxy()

# 'CRMD' in the SQLite header tells a crmdesk book from any other SQLite file.
APPLICATION_ID = 0x43524D44
BUSY_TIMEOUT_MS = int(os.environ.get("CRMDESK_BUSY_TIMEOUT_MS", "5000"))


try:  # SQLCipher raises its own DB-API errors on the raw connection of an encrypted book
    from sqlcipher3 import dbapi2 as _sqlcipher  # type: ignore[import-untyped]

    _CIPHER_ERRORS: tuple[type[Exception], ...] = (_sqlcipher.DatabaseError,)
except ImportError:  # pragma: no cover - sqlcipher3 is a dependency
    _CIPHER_ERRORS = ()

#: What a read or write of the book can raise besides our own errors (locked, full disk…).
DB_ERRORS: tuple[type[Exception], ...] = (peewee.DatabaseError, sqlite3.DatabaseError,
                                          *_CIPHER_ERRORS, OSError)
PLAIN_HEADER = b"SQLite format 3\x00"


class BookError(Exception):
    """A book cannot be opened or written; the message is meant for the user."""


class PassphraseNeeded(BookError):
    """The book is encrypted and no passphrase was given."""


class WrongPassphrase(BookError):
    """The passphrase does not open this book (nothing was changed)."""


def is_encrypted(path: Path) -> bool:
    """Does this file look like a SQLCipher book? It is not plain SQLite, it is made of whole
    pages, and it starts with a random salt rather than text (a junk file is not asked for
    a passphrase: it is reported as not a crmdesk book)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    if not head or head == PLAIN_HEADER or size < 1024 or size % 512:
        return False
    return not all(32 <= b < 127 or b in (9, 10, 13) for b in head)


def quote(text: str) -> str:
    """A string literal for a PRAGMA (which takes no bound parameters)."""
    return "'" + text.replace("'", "''") + "'"


def check_passphrase(passphrase: str) -> str:
    if not passphrase:
        raise BookError("An empty passphrase would leave the book unencrypted: choose one.")
    return passphrase


class EncryptedDatabase(peewee.SqliteDatabase):
    """A book encrypted with SQLCipher: every connection (one per thread) is keyed first.

    Deriving the key from the passphrase takes ~100 ms (PBKDF2, SQLCipher 4's defaults), and
    every worker thread opens its own connection; so when a second connection is wanted the
    key is derived once from the file's salt, and later connections give SQLCipher the raw
    key (~2 ms). The first connection (the window opening) does not pay for it."""

    def __init__(self, database: str, passphrase: str, **kwargs: Any):
        self.passphrase = check_passphrase(passphrase)
        self._raw_key: str | None = None
        self._opened = False
        super().__init__(database, **kwargs)

    def _derive_raw_key(self) -> str | None:
        try:
            with open(self.database, "rb") as fh:
                salt = fh.read(16)
        except OSError:
            return None
        if len(salt) < 16 or salt == PLAIN_HEADER:
            return None
        key = hashlib.pbkdf2_hmac("sha512", self.passphrase.encode("utf-8"), salt, 256_000, 32)
        return f"\"x'{key.hex()}{salt.hex()}'\""

    def _keyed(self, key_sql: str) -> Any:
        from sqlcipher3 import dbapi2 as sqlcipher

        conn = sqlcipher.connect(self.database, isolation_level=None, **self.connect_params)
        try:
            # A wrong key is reported by us, not printed by SQLCipher on stderr.
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {key_sql}")
            self._add_conn_hooks(conn)  # type: ignore[attr-defined]
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect(self) -> object:
        if self._raw_key is None and self._opened:  # a second connection: derive the key once
            self._raw_key = self._derive_raw_key()
        if self._raw_key is not None:
            try:
                return self._keyed(self._raw_key)
            except _CIPHER_ERRORS:
                self._raw_key = None  # not SQLCipher's default settings: use the passphrase
                return self._keyed(quote(self.passphrase))
        conn = self._keyed(quote(self.passphrase))
        self._opened = True
        return conn

    def rekey(self, passphrase: str) -> None:
        new = check_passphrase(passphrase)
        self.execute_sql(f"PRAGMA rekey = {quote(new)}")
        self.passphrase = new
        self._raw_key = None


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
    if getattr(exc, "plain_message", False):  # already a sentence for people (a refusal)
        return str(exc)
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


def open_database(path: Path | str, *, create: bool = True,
                  passphrase: str | None = None) -> peewee.SqliteDatabase:
    """Open (and create) the SQLite file, check it is ours, and point the proxy at it.

    An encrypted book needs its passphrase (PassphraseNeeded, WrongPassphrase otherwise);
    a new book given a passphrase is created encrypted; a plain book opens as it is."""
    path = Path(path).expanduser()
    if not create and not path.exists():
        raise BookError(f"No book at {path}.")
    encrypted = is_encrypted(path)
    if encrypted and passphrase is None:
        raise PassphraseNeeded(f"{path.name} is encrypted (or is not a crmdesk book at all): "
                               "its passphrase is needed.")
    new = not path.exists() or path.stat().st_size == 0
    try:
        _prepare_file(path)
    except OSError as exc:
        raise BookError(f"Cannot create the book {path}: {exc.strerror or exc}.") from exc
    database: peewee.SqliteDatabase
    if encrypted or (new and passphrase is not None):
        database = EncryptedDatabase(str(path), check_passphrase(passphrase or ""),
                                     pragmas=_pragmas(), timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        database = peewee.SqliteDatabase(str(path), pragmas=_pragmas(),
                                         timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        database.connect()
        app_id = database.execute_sql("PRAGMA application_id").fetchone()[0]
        tables = database.get_tables()
    except DB_ERRORS as exc:
        database.close()
        if encrypted and "not a database" in str(exc).lower():
            raise WrongPassphrase(f"Wrong passphrase for {path.name}, or it is not a crmdesk "
                                  "book (the file is unchanged).") from exc
        raise BookError(describe_error(exc, path)) from exc
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
        database.close()
        raise BookError(f"The file {path} is not a crmdesk book.")
    db.initialize(database)
    return database


#: Called just before the book is closed (the audit trail's anchor is written then).
BEFORE_CLOSE: list[Callable[[], None]] = []


def close_database() -> None:
    if db.obj is not None and not db.is_closed():
        for hook in BEFORE_CLOSE:
            hook()
        db.close()
