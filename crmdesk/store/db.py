"""The database proxy, opening a book safely, and turning SQLite errors into plain words."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import peewee

from crmdesk.store import sidecar

_PROXY_SLOT: Any = peewee.DatabaseProxy.__dict__["obj"]  # (the proxy's own slot)


class _Pins(threading.local):
    database: Any = None  # (a class default: no AttributeError raised on each look-up)


class BookProxy(peewee.DatabaseProxy):
    """`db`: the book open in this process. A background thread may pin the book it works
    on (`pinned_book`): for that thread `db` stays that book whatever the window opens
    since, so a worker finishing late can never read or write the next book."""

    __slots__ = ("_pins",)

    def __init__(self) -> None:
        object.__setattr__(self, "_pins", _Pins())
        super().__init__()

    def __setattr__(self, attr: str, value: Any) -> None:
        if attr == "obj":
            _PROXY_SLOT.__set__(self, value)
            return
        if attr not in ("_callbacks", "_Model", "_pins"):
            raise AttributeError("Cannot set attribute on proxy.")
        object.__setattr__(self, attr, value)

    @property
    def obj(self) -> Any:
        pinned = self._pins.database
        return pinned if pinned is not None else _PROXY_SLOT.__get__(self)

    @obj.setter
    def obj(self, value: Any) -> None:
        _PROXY_SLOT.__set__(self, value)

    def open_book(self) -> Any:
        """The book the window has open (this thread's pin aside)."""
        return _PROXY_SLOT.__get__(self)


db = BookProxy()


@contextmanager
def pinned_book(database: Any) -> Iterator[Any]:
    """For the calling thread, `db` is `database` (a book opened here) until the block
    ends. None pins nothing. (The thread closes its connections itself, as it ends:
    close_thread_connections.)"""
    if database is None:
        yield None
        return
    db._pins.database = database
    try:
        yield database
    finally:
        db._pins.database = None

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


def _kdf_iterations() -> int:
    """PBKDF2 rounds of an encrypted book: SQLCipher 4's default (256,000). Only a test run
    (pytest's own PYTEST_CURRENT_TEST set, in this process or the one that started it) may
    ask for fewer with CRMDESK_TEST_KDF_ITER, to spare each test the key derivation; real
    books never see it."""
    wanted = os.environ.get("CRMDESK_TEST_KDF_ITER", "")
    if wanted.isdigit() and os.environ.get("PYTEST_CURRENT_TEST") and int(wanted) > 0:
        skipped: tuple[type[BaseException], ...] = (ImportError, *_CIPHER_ERRORS)
        try:
            from sqlcipher3 import dbapi2 as sqlcipher

            probe = sqlcipher.connect(":memory:")
            probe.execute(f"PRAGMA cipher_default_kdf_iter = {int(wanted)}")  # every later key
            probe.close()
        except skipped:
            return 256_000
        return int(wanted)
    return 256_000

_SALT_ERRORS: tuple[type[Exception], ...] = (*_CIPHER_ERRORS, TypeError, ValueError)


class BookError(Exception):
    """A book cannot be opened or written; the message is meant for the user."""


class PassphraseNeeded(BookError):
    """The book is encrypted and no passphrase was given."""


class WrongPassphrase(BookError):
    """The passphrase does not open this book (nothing was changed)."""


def is_encrypted(path: Path) -> bool:
    """Does this file look like a SQLCipher book? It is not plain SQLite, it is made of whole
    pages, and it starts with a random salt rather than text (a junk file is not asked for
    a passphrase: it is reported as not a crmdesk book).

    While the book is open in this process the answer is the one known since it opened:
    reading the file then (and closing that handle) would drop SQLite's locks."""
    known = sidecar.known_encrypted(path)
    if known is not None:
        return known
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


class Walk(threading.local):
    """A walk of the name order under way in this thread (customer_query's first-words
    walk): the rows SQL has read for it, counted by crm_walked() in its WHERE clause, and the
    hits and lookups it made. SQL skips rows that cannot be hits without Python seeing them,
    so the rule that gives up a walk whose hits are too rare is applied here, row by row: a
    walk gives up after `most` rows, or sooner when fewer than one in 40 were hits (a lookup
    costs some eight rows read)."""

    read = found = asked = 0
    most = -1  # (no walk under way)
    gave_up = False

    def start(self, most: int) -> None:
        self.read = self.found = self.asked = 0
        self.most, self.gave_up = most, False


WALK = Walk()


def _walked() -> int:
    w = WALK
    w.read += 1
    if w.most >= 0 and (w.read + 8 * w.asked > 400 + 40 * w.found or w.read > w.most):
        w.gave_up = True
        raise RuntimeError("walk given up")  # (SQLite stops the statement)
    return 1


def _fold(text: object) -> str:
    from crmdesk.services.search_index import fold

    return fold(text) if isinstance(text, str) else ""


def _folds_as_indexed(text: object) -> int:
    from crmdesk.services.search_index import folds_as_indexed

    return int(folds_as_indexed(text))


#: The book databases with a connection open in some thread, and how many: held here
#: (strongly) until the last is closed, so that a thread can still close its connection to
#: a book the window has left and freed (see close_thread_connections).
_OPEN: dict[BookDatabase, int] = {}
_OPEN_LOCK = threading.Lock()


class BookDatabase(peewee.SqliteDatabase):
    """A plain book. Every write transaction begins IMMEDIATE: it takes the write lock when
    it begins, waiting up to the busy timeout for another writer, rather than reading first
    and then failing at once with "database is locked" (SQLite cannot wait there). Nested
    atomic() blocks are savepoints, as before. Each connection holds the book's shared lock
    (crmdesk.store.sidecar) while it is open."""

    encrypted = False

    def __init__(self, database: str, **kwargs: Any):
        kwargs.setdefault("lock_type", "IMMEDIATE")
        super().__init__(database, **kwargs)
        self.warnings: list[str] = []
        # Search ranking compares names case- and accent-insensitively (every connection).
        self.register_function(_fold, "crm_fold", 1, deterministic=True)
        # ...and takes a name FTS holds as it folds it for a hit without asking FTS.
        self.register_function(_folds_as_indexed, "crm_folds_as_indexed", 1,
                               deterministic=True)
        self.register_function(_walked, "crm_walked", 0)  # (a row read by a walk: WALK)

    def _open_connection(self) -> Any:
        return super()._connect()  # type: ignore[misc]

    def _connect(self) -> Any:
        first = sidecar.connection_opening(self.database, self.encrypted)
        try:
            conn = self._open_connection()
        except BaseException:
            sidecar.connection_opened(self.database, first)
            sidecar.connection_closed(self.database)
            raise
        sidecar.connection_opened(self.database, first)
        with _OPEN_LOCK:
            _OPEN[self] = _OPEN.get(self, 0) + 1
        return conn

    def _close(self, conn: Any) -> None:
        try:
            super()._close(conn)  # type: ignore[misc]
        finally:
            sidecar.connection_closed(self.database)
            with _OPEN_LOCK:
                left = _OPEN.get(self, 0) - 1
                if left > 0:
                    _OPEN[self] = left
                else:
                    _OPEN.pop(self, None)


class EncryptedDatabase(BookDatabase):
    """A book encrypted with SQLCipher: every connection (one per thread) is keyed first.

    Deriving the key from the passphrase takes ~100 ms (PBKDF2, SQLCipher 4's defaults), and
    every worker thread opens its own connection; so when a second connection is wanted the
    key is derived once from the file's salt, and later connections give SQLCipher the raw
    key (~2 ms). The first connection (the window opening) does not pay for it. The salt is
    asked of SQLCipher on the first connection (`PRAGMA cipher_salt`), never read from the
    file: closing a handle on the book would drop SQLite's locks."""

    encrypted = True

    def __init__(self, database: str, passphrase: str, **kwargs: Any):
        self.passphrase = check_passphrase(passphrase)
        self._raw_key: str | None = None
        self._salt: bytes | None = None
        self._opened = False
        super().__init__(database, **kwargs)

    def _derive_raw_key(self) -> str | None:
        salt = self._salt
        if salt is None or len(salt) != 16:
            return None
        key = hashlib.pbkdf2_hmac("sha512", self.passphrase.encode("utf-8"), salt,
                                  _kdf_iterations(), 32)
        return f"\"x'{key.hex()}{salt.hex()}'\""

    def _keyed(self, key_sql: str) -> Any:
        from sqlcipher3 import dbapi2 as sqlcipher

        _kdf_iterations()
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

    def _open_connection(self) -> Any:
        if self._raw_key is None and self._opened:  # a second connection: derive the key once
            self._raw_key = self._derive_raw_key()
        if self._raw_key is not None:
            try:
                return self._keyed(self._raw_key)
            except _CIPHER_ERRORS:
                self._raw_key = None  # not SQLCipher's default settings: use the passphrase
                return self._keyed(quote(self.passphrase))
        conn = self._keyed(quote(self.passphrase))
        if self._salt is None:
            try:
                self._salt = bytes.fromhex(conn.execute("PRAGMA cipher_salt").fetchone()[0])
            except _SALT_ERRORS:
                self._salt = None
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
    if _disk_full(exc, path):
        return "The disk is full: nothing was saved. Free some space and try again."
    if "locked" in text or "busy" in text:
        holder = sidecar.holder_text(path) if path else "another program"
        return f"The book{where} is locked by {holder}; close it and try again."
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return f"The file{where} is not a crmdesk book, or it is damaged."
    if "readonly" in text or "read-only" in text:
        return f"The book{where} is read-only: nothing was saved."
    if "unable to open" in text:
        return f"The book{where} cannot be opened (check the folder exists and is writable)."
    return f"Database error: {exc}"


def _disk_full(exc: BaseException, path: Path | str | None = None) -> bool:
    """SQLITE_FULL, ENOSPC/EFBIG behind an I/O error, or the failed rollback that follows a
    write the disk had no room for, anywhere in the chain of causes."""
    import errno

    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            break
        text = str(seen).lower()
        if "disk is full" in text or "no space left" in text or "file too large" in text:
            return True
        if getattr(seen, "errno", None) in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            return True
        code = getattr(seen, "sqlite_errorcode", None)
        if code is not None and code & 0xFF == 13:  # SQLITE_FULL
            return True
        if ("disk i/o error" in text or "cannot rollback" in text) and _no_room_now(path):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _no_room_now(path: Path | str | None) -> bool:
    """After an I/O error: is the book's folder (nearly) out of space?"""
    paths = [os.path.dirname(os.path.abspath(path))] if path else []
    if db.obj is not None:
        paths.append(os.path.dirname(os.path.abspath(db.obj.database)))
    for folder in paths:
        try:
            st = os.statvfs(folder)
        except (OSError, AttributeError):
            continue
        if st.f_bavail * st.f_frsize < 64 * 1024:
            return True
    return False


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
    database = connect_database(path, create=create, passphrase=passphrase)
    db.initialize(database)
    return database


def connect_database(path: Path | str, *, create: bool = True,
                     passphrase: str | None = None) -> peewee.SqliteDatabase:
    """open_database without pointing the proxy at it: the book connected in this thread
    (its lock taken, a -wal from another copy set aside), for a caller that reads it beside
    the book open here (a backup of a book that is not open)."""
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
        database = BookDatabase(str(path), pragmas=_pragmas(), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        database.connect()
        database.warnings = sidecar.take_warnings(path)
        app_id = database.execute_sql("PRAGMA application_id").fetchone()[0]
        tables = database.get_tables()
    except sidecar.BookInUse as exc:
        raise BookError(str(exc)) from exc
    except DB_ERRORS as exc:
        database.close()
        if encrypted and "not a database" in str(exc).lower():
            raise WrongPassphrase(f"Wrong passphrase for {path.name}, or it is not a crmdesk "
                                  "book (the file is unchanged).") from exc
        raise BookError(describe_error(exc, path)) from exc
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
        database.close()
        raise BookError(f"The file {path} is not a crmdesk book.")
    return database


@contextmanager
def exclusive_access(path: Path | str, what: str = "This") -> Iterator[list[str]]:
    """Sole access to the book file for a whole-file operation (restore, encrypt, rekey):
    a BookError at once while another program has it open, or while this one still has a
    connection to it."""
    try:
        cm = sidecar.exclusive(path, what)
        warnings = cm.__enter__()
    except sidecar.BookInUse as exc:
        raise BookError(str(exc)) from exc
    try:
        yield warnings
    except BaseException as exc:
        if not cm.__exit__(type(exc), exc, exc.__traceback__):
            raise
    else:
        cm.__exit__(None, None, None)


#: Called just before the book is closed (the audit trail's anchor is written then).
BEFORE_CLOSE: list[Callable[[], None]] = []


def close_database() -> None:
    if db.obj is not None and not db.is_closed():
        for hook in BEFORE_CLOSE:
            hook()
        db.close()


def close_thread_connections() -> None:
    """Close this thread's connection to every book, the open one and any the window has
    since left (a task still running when the book was switched or closed).

    A pool thread calls this as its task ends. Its Python thread state is made for the task
    and cleared after it, freeing whatever the thread still holds: an encrypted book's
    connection freed there (sqlcipher3's dealloc, on a thread state being torn down)
    aborts the whole process. Each close also gives back the book's shared lock."""
    with _OPEN_LOCK:
        databases = list(_OPEN)
    for database in databases:
        if database.is_closed():  # (this thread's connection: peewee keeps one per thread)
            continue
        with contextlib.suppress(*DB_ERRORS):
            if database.in_transaction():  # left open by the task: closing rolls it back
                state: Any = getattr(database, "_state")  # noqa: B009 - peewee's own
                conn = state.conn
                state.reset()
                database._close(conn)
            else:
                database.close()


def on_two_connections(jobs: list[Callable[[], Any]]) -> list[Any]:
    """The results of read-only `jobs` over the book, in order, worked through by this
    thread and a helper thread with its own connection, each taking the next job left
    (SQLite runs a query without holding the GIL, so two index counts take two cores).
    Run here, one after another, when there is one job, or when this thread is inside a
    transaction (the helper would not see what it has written) or the book is in memory.
    The helper closes its connection when done (SQLite keeps this process's locks: its
    unix VFS holds a closed descriptor open while another connection has a lock); a job's
    error is raised here once both are done."""
    import queue

    if len(jobs) < 2 or db.obj is None or db.in_transaction() or \
            str(db.database) in ("", ":memory:") or str(db.database).startswith("file::memory"):
        return [job() for job in jobs]
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for i in range(len(jobs)):
        todo.put(i)
    results: list[Any] = [None] * len(jobs)
    errors: list[BaseException] = []

    def work() -> None:
        while not errors:
            try:
                i = todo.get_nowait()
            except queue.Empty:
                return
            try:
                results[i] = jobs[i]()
            except BaseException as exc:  # noqa: BLE001 - raised in the calling thread
                errors.append(exc)

    def helper() -> None:
        try:
            work()
        finally:
            close_thread_connections()  # this thread's own connection

    caller_book = db.obj  # (the helper reads the caller's book, pinned or not)

    def pinned_helper() -> None:
        with pinned_book(caller_book):
            helper()

    thread = threading.Thread(target=pinned_helper, name="crmdesk-read", daemon=True)
    thread.start()
    work()
    thread.join()
    if errors:
        raise errors[0]
    return results
