"""The book's lock file (`book.db.lock`, beside it, 0600): who has the book open.

SQLite locks the book file itself; but closing *any* handle on that file in this process
would drop SQLite's locks, so crmdesk never opens the book file except through SQLite, and
keeps its own coordination in this separate file:

* byte 0 — every crmdesk process with the book open holds a shared (read) lock on it for as
  long as it has a connection; a whole-file operation (restore, encrypt, rekey) takes it
  exclusively, without waiting, and is refused while anyone else holds it;
* byte 1 — the window holds it exclusively: one window per book;
* the file's text records the identity of the book's `-wal` while crmdesk has the book open,
  so that a `-wal` that does not belong to this book is kept aside, not replayed.

POSIX record locks (fcntl) are per process and are dropped when any handle on the file is
closed: this module opens the lock file once per book and keeps that single handle for as
long as it holds a lock. On Windows, `msvcrt` byte locks stand in (shared locks as slots),
far beyond the record (Windows locks are mandatory); tests/unit/test_sidecar_windows.py runs
that code here against an emulation of msvcrt's locking.
The locks are the operating system's: a process that dies releases them, nothing is stale.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

_OPEN = 0  # byte of the shared "has the book open" lock
_WINDOW = 1  # byte of the window's lock
_SLOTS = range(16, 16 + 256)  # Windows: one byte per process with the book open
_WAIT_S = float(os.environ.get("CRMDESK_BUSY_TIMEOUT_MS", "5000")) / 1000

_WINDOWS = sys.platform == "win32"
# Windows byte locks are mandatory: a byte another handle has locked cannot be read or
# written through this one. The lock bytes therefore sit far beyond the record at the start
# of the file (the -wal's identity, read and written by every crmdesk on the book), which
# POSIX's advisory locks may share.
_WIN_BASE = 1 << 30
_RECORD_SIZE = 4096


def _win_try(fd: int, start: int, exclusive: bool) -> bool:
    """Windows: lock one byte (there are no shared byte locks: `exclusive` is implied)."""
    import msvcrt

    os.lseek(fd, _WIN_BASE + start, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    except OSError:
        return False
    return True


def _win_unlock(fd: int, start: int) -> None:
    import msvcrt

    os.lseek(fd, _WIN_BASE + start, os.SEEK_SET)
    with suppress(OSError):
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]


def _posix_try(fd: int, start: int, exclusive: bool) -> bool:
    import fcntl

    kind = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    try:
        fcntl.lockf(fd, kind | fcntl.LOCK_NB, 1, start, os.SEEK_SET)
    except OSError:
        return False
    return True


def _posix_unlock(fd: int, start: int) -> None:
    import fcntl

    fcntl.lockf(fd, fcntl.LOCK_UN, 1, start, os.SEEK_SET)


_try, _unlock = (_win_try, _win_unlock) if _WINDOWS else (_posix_try, _posix_unlock)


def _locks_work(fd: int) -> bool:
    """Byte locks are supported on this file system (a probe on an unused byte)."""
    import errno

    if _WINDOWS:
        return True
    import fcntl

    try:
        fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB, 1, 2, os.SEEK_SET)
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 2, os.SEEK_SET)
    except OSError as exc:
        return exc.errno in (errno.EACCES, errno.EAGAIN)
    return True


def try_lock_whole(fd: int) -> bool:
    """Take, without waiting, an exclusive lock of a small lock file of our own (not the
    book's lock file), held until `fd` is closed: flock on POSIX, a byte lock on Windows."""
    if _WINDOWS:
        return _win_try(fd, 0, True)
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _pread(fd: int, size: int, offset: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    os.lseek(fd, offset, os.SEEK_SET)  # Windows: no pread (callers hold _guard)
    return os.read(fd, size)


def _pwrite(fd: int, data: bytes, offset: int) -> None:
    if hasattr(os, "pwrite"):
        os.pwrite(fd, data, offset)
        return
    os.lseek(fd, offset, os.SEEK_SET)
    os.write(fd, data)


@dataclass
class _Entry:
    fd: int | None
    users: int = 0  # SQLite connections to the book opened by crmdesk.store in this process
    exclusive: int = 0  # nested whole-file operations of this process
    window: bool = False
    slot: int | None = None  # Windows only
    encrypted: bool | None = None  # known while the book is open here (never read the file)
    warnings: list[str] = field(default_factory=list)


_guard = threading.RLock()
_entries: dict[str, _Entry] = {}

class BookInUse(Exception):
    """The book is open in another program (the message names it when it can be known)."""

    plain_message = True


def lock_path(book: Path | str) -> Path:
    book = Path(book)
    return book.with_name(f"{book.name}.lock")


def _key(book: Path | str) -> str:
    return os.path.realpath(os.fspath(book))


def _entry(book: Path | str) -> _Entry:
    key = _key(book)
    entry = _entries.get(key)
    if entry is None:
        try:
            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | \
                getattr(os, "O_BINARY", 0)
            fd: int | None = os.open(lock_path(key), flags, 0o600)
        except OSError:  # a read-only folder: nothing to coordinate with, work without
            fd = None
        if fd is not None and not _locks_work(fd):  # e.g. a share without byte locks
            os.close(fd)
            fd = None
        entry = _entries[key] = _Entry(fd)
    return entry


def _drop_if_idle(book: Path | str) -> None:
    key = _key(book)
    entry = _entries.get(key)
    if entry is not None and not (entry.users or entry.exclusive or entry.window):
        if entry.fd is not None:
            os.close(entry.fd)  # our only handle on the lock file: releases our locks
        del _entries[key]


# --- the shared lock, and the exclusive one of whole-file operations ---------------------
def _take_shared(entry: _Entry) -> bool:
    assert entry.fd is not None
    if not _WINDOWS:
        return _try(entry.fd, _OPEN, False)
    return _take_slot(entry)


def _take_slot(entry: _Entry) -> bool:
    """Windows has no shared byte locks: each process with the book open holds one slot
    byte; a whole-file operation holds byte 0 (checked before a slot is taken)."""
    assert entry.fd is not None
    if entry.slot is not None:
        return True
    if not _try(entry.fd, _OPEN, True):  # a whole-file operation is running
        return False
    try:
        for slot in _SLOTS:
            if _try(entry.fd, slot, True):
                entry.slot = slot
                return True
        return False
    finally:
        _unlock(entry.fd, _OPEN)


def _take_exclusive(entry: _Entry) -> bool:
    """No other process has the book open (our own shared lock is converted in place)."""
    assert entry.fd is not None
    if not _WINDOWS:
        return _try(entry.fd, _OPEN, True)
    # Windows: byte 0 first (no new slot can be taken meanwhile), then every slot but ours
    # must be free.
    if not _try(entry.fd, _OPEN, True):
        return False
    for slot in _SLOTS:
        if slot == entry.slot:
            continue
        if not _try(entry.fd, slot, True):
            _unlock(entry.fd, _OPEN)
            return False
        _unlock(entry.fd, slot)
    return True


def _back_to_shared(entry: _Entry) -> None:
    assert entry.fd is not None
    if not _WINDOWS:
        if entry.users:
            _try(entry.fd, _OPEN, False)  # converts our write lock back to a read lock
        else:
            _unlock(entry.fd, _OPEN)
        return
    _unlock(entry.fd, _OPEN)
    if entry.users:
        _take_slot(entry)
    elif entry.slot is not None:
        _unlock(entry.fd, entry.slot)
        entry.slot = None


def connection_opening(book: Path | str, encrypted: bool) -> bool:
    """A connection to the book is about to open in this process. The first one takes the
    shared lock (waiting a while if a whole-file operation runs elsewhere); when no other
    crmdesk process has the book open, a `-wal` that is not the book's own is moved aside
    first. Returns True when `connection_opened` must then record the `-wal`."""
    with _guard:
        entry = _entry(book)
        entry.encrypted = encrypted
        entry.users += 1
        if entry.users > 1 or entry.fd is None:
            return False
        if entry.exclusive:  # our own whole-file operation is reopening the book
            return True
        deadline = time.monotonic() + _WAIT_S
        while True:
            if _take_exclusive(entry):  # the first crmdesk process on this book
                entry.warnings += _set_foreign_wal_aside(Path(_key(book)), entry)
                clean_leftovers(Path(_key(book)))
                return True
            if _take_shared(entry):
                return False
            if time.monotonic() >= deadline:
                entry.users -= 1
                _drop_if_idle(book)
                raise BookInUse(f"{Path(book).name} is being rewritten by {holder_text(book)} "
                                "(restore, encryption or a new passphrase); try again when "
                                "it has finished.")
            time.sleep(0.02)


def connection_opened(book: Path | str, first: bool) -> None:
    """After `connection_opening` returned True: record the `-wal` SQLite now has open, and
    keep only a shared lock (unless a whole-file operation of ours is running)."""
    with _guard:
        entry = _entries.get(_key(book))
        if entry is None or entry.fd is None or not first:
            return
        _record_wal(Path(_key(book)), entry)
        if not entry.exclusive:
            _back_to_shared(entry)


def connection_closed(book: Path | str) -> None:
    """A connection opened through `connection_opening` was closed. The last crmdesk
    connection anywhere records that the `-wal` is gone (SQLite deletes it at the last
    close)."""
    with _guard:
        entry = _entries.get(_key(book))
        if entry is None:
            return
        entry.users = max(0, entry.users - 1)
        if entry.users == 0 and entry.fd is not None and not entry.exclusive:
            if _take_exclusive(entry):  # we were the last crmdesk process on the book
                _record_wal(Path(_key(book)), entry)
            _unlock(entry.fd, _OPEN)
            if _WINDOWS and entry.slot is not None:
                _unlock(entry.fd, entry.slot)
                entry.slot = None
        _drop_if_idle(book)


def connections(book: Path | str) -> int:
    with _guard:
        entry = _entries.get(_key(book))
        return entry.users if entry else 0


def known_encrypted(book: Path | str) -> bool | None:
    """Whether the book is encrypted, when it is open in this process (its file must then
    not be read: closing that handle would drop SQLite's locks)."""
    with _guard:
        entry = _entries.get(_key(book))
        return entry.encrypted if entry and entry.users else None


def is_book_file(path: Path | str, anywhere: bool = False) -> bool:
    """Is `path` a book open in this process (or its -wal, -shm, lock file)? Reading it
    with a plain file handle would drop SQLite's locks; replacing it would destroy it. With
    `anywhere`, also a book another program has open (known on Linux)."""
    key = _key(path)
    with _guard:
        for book, entry in _entries.items():
            if entry.users and key in (book, f"{book}-wal", f"{book}-shm", f"{book}-journal",
                                       str(lock_path(book))):
                return True
    return anywhere and lock_path(key).exists() and bool(holders(key))


def take_warnings(book: Path | str) -> list[str]:
    with _guard:
        entry = _entries.get(_key(book))
        if entry is None:
            return []
        found, entry.warnings = entry.warnings, []
        return found


@contextmanager
def exclusive(book: Path | str, what: str = "This") -> Iterator[list[str]]:
    """Sole access to the book for a whole-file operation (restore, encrypt, rekey): refused
    at once, in one sentence, while any other process has it open. This process must have
    closed its own connections first. Yields the warnings of the `-wal` check."""
    with _guard:
        entry = _entry(book)
        if entry.users:
            _drop_if_idle(book)
            raise BookInUse(f"{what} needs the book closed: it is still open in this "
                            "program; try again in a moment.")
        if entry.fd is not None and not entry.exclusive and not _take_exclusive(entry):
            _drop_if_idle(book)
            raise BookInUse(f"The book is open in {holder_text(book)}: close it first.")
        entry.exclusive += 1
        warnings = _set_foreign_wal_aside(Path(_key(book)), entry) \
            if entry.fd is not None and entry.exclusive == 1 else []
    try:
        yield warnings
    finally:
        with _guard:
            entry.exclusive -= 1
            if not entry.exclusive and entry.fd is not None:
                _record_wal(Path(_key(book)), entry)
                _back_to_shared(entry)
            _drop_if_idle(book)


# --- one window per book -----------------------------------------------------------------
def take_window(book: Path | str) -> None:
    """The window's claim on the book: refused when another window has it."""
    with _guard:
        entry = _entry(book)
        if entry.window or entry.fd is None:
            return
        if not _try(entry.fd, _WINDOW, True):
            _drop_if_idle(book)
            raise BookInUse(f"{Path(book).name} is already open in another crmdesk window"
                            f"{_pid_text(book, _WINDOW)}: use that window, or close it first.")
        entry.window = True


def release_window(book: Path | str) -> None:
    with _guard:
        entry = _entries.get(_key(book))
        if entry is None or not entry.window:
            return
        entry.window = False
        if entry.fd is not None:
            _unlock(entry.fd, _WINDOW)
        _drop_if_idle(book)


# --- who holds it ------------------------------------------------------------------------
def _program_of(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:  # not the book: a /proc file
            argv = [a.decode("utf-8", "replace") for a in fh.read().split(b"\0") if a]
    except OSError:
        return "another program"
    if not argv:
        return "another program"
    starts = [i for i, a in enumerate(argv)
              if os.path.basename(a) == "crmdesk" or (a == "crmdesk" and i and argv[i - 1] == "-m")]
    if not starts:
        return os.path.basename(argv[0])
    rest = argv[starts[0] + 1:]
    with_value = {"--db", "--user", "--passphrase-file", "--new-passphrase-file", "--staff"}
    skip = False
    for arg in rest:
        if skip:
            skip = False
            continue
        if arg in with_value:
            skip = True
            continue
        if not arg.startswith("-"):
            return "crmdesk window" if arg == "gui" else f"crmdesk {arg}"
    return "crmdesk window"


def holders(book: Path | str, byte: int = _OPEN) -> list[tuple[int, str]]:
    """The other processes holding a lock on the byte (Linux: /proc/locks), as (pid,
    program); empty when it cannot be known."""
    try:
        inode = os.stat(lock_path(_key(book))).st_ino
        with open("/proc/locks", encoding="ascii", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return []
    found: dict[int, str] = {}
    for line in lines:
        parts = line.split()
        if "->" in parts:
            continue  # a waiter, not a holder
        try:
            i = parts.index("POSIX")
            pid = int(parts[i + 3])
            ino = int(parts[i + 4].rsplit(":", 1)[1])
            start = int(parts[i + 5])
            end = parts[i + 6]
        except (ValueError, IndexError):
            continue
        covers = start <= byte and (end == "EOF" or byte <= int(end))
        if ino == inode and covers and pid != os.getpid():
            found.setdefault(pid, _program_of(pid))
    return sorted(found.items())


def _pid_text(book: Path | str, byte: int) -> str:
    found = holders(book, byte)
    return f" (pid {', '.join(str(p) for p, _ in found)})" if found else ""


def holder_text(book: Path | str) -> str:
    """'crmdesk window, pid 1234' / 'crmdesk log, pid 88 and crmdesk window, pid 12' /
    'another program'."""
    found = holders(book)
    if not found:
        return "another program"
    return " and ".join(f"{name} (pid {pid})" for pid, name in found[:3])


# --- the -wal that belongs to the book ---------------------------------------------------
def _identity(path: Path) -> str | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_dev}:{st.st_ino}"


def _read_record(entry: _Entry) -> dict[str, str]:
    assert entry.fd is not None
    try:
        text = _pread(entry.fd, _RECORD_SIZE, 0).decode("ascii", "replace")
    except OSError:
        return {}
    record = {}
    for line in text.splitlines():
        name, _, value = line.partition(" ")
        if name in ("db", "wal"):
            record[name] = value.strip()
    return record


def _record_wal(book: Path, entry: _Entry) -> None:
    """Write down the book's file and its `-wal` ('none' when there is none)."""
    assert entry.fd is not None
    text = f"db {_identity(book) or 'none'}\nwal {_identity(Path(f'{book}-wal')) or 'none'}\n"
    try:
        os.ftruncate(entry.fd, 0)
        _pwrite(entry.fd, text.encode("ascii"), 0)
    except OSError:
        pass


def _sqlite_has_it_open(book: Path) -> bool:
    """Does any process (this one included) hold SQLite locks on the book or its -shm?
    Known from /proc/locks only (Linux): without it, nothing is assumed free."""
    if not hasattr(os, "major"):  # Windows: no /proc/locks either; assume it is in use
        return True
    keys = set()
    for path in (book, Path(f"{book}-shm")):
        try:
            st = os.stat(path)
        except OSError:
            continue
        keys.add(f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}")
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return True
    return any(part in keys for line in lines for part in line.split())


def _set_foreign_wal_aside(book: Path, entry: _Entry) -> list[str]:
    """Called with no other crmdesk process on the book and before SQLite opens it here:
    a `-wal` that is not the one crmdesk recorded for this very file (another copy's, or one
    left after the book file was replaced) would be replayed into the book by SQLite. It is
    renamed `book.db-wal.foreign-<stamp>` (0600) with its `-shm`, and the reason returned."""
    wal = Path(f"{book}-wal")
    current = _identity(wal)
    if current is None:
        return []
    record = _read_record(entry)
    if not record:  # never recorded (a book from before this check): cannot tell
        return []
    if _sqlite_has_it_open(book):  # another program (not crmdesk) is using this -wal
        return []
    if record.get("wal") == current and record.get("db") == _identity(book):
        return []  # the book's own journal, left by a crash: SQLite replays it
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = wal.with_name(f"{wal.name}.foreign-{stamp}")
    try:
        os.chmod(wal, 0o600)
        os.replace(wal, aside)
        Path(f"{book}-shm").unlink(missing_ok=True)
    except OSError as exc:
        raise BookInUse(f"{wal.name} does not belong to {book.name} and cannot be set aside "
                        f"({exc.strerror or exc}): nothing was opened.") from exc
    return [f"{wal.name} beside {book.name} did not belong to this book (a journal from "
            f"another copy); it was not applied and is kept as {aside.name}."]


# --- what a killed program leaves behind -------------------------------------------------
#: Temporary files being written by this process now (a cleanup must not take them).
in_progress: set[str] = set()


def clean_leftovers(book: Path) -> list[Path]:
    """With no other crmdesk process on the book: delete what a killed copy, encryption or
    restore left half-written beside the book and in its backups folder (`.*.part`,
    `.book.db.encrypting`, `.book.db.restoring*`), and make the copies that are kept
    (before-restore, before-upgrade, foreign journals, backups) private (0600). Returns the
    files deleted."""
    removed: list[Path] = []
    folder, name, stem = book.parent, book.name, book.stem
    partial = [*folder.glob(f".{name}.*.part"), *folder.glob(f".{name}.encrypting"),
               *folder.glob(f".{name}.restoring*")]
    kept = [*folder.glob(f"{name}.before-restore-*"), *folder.glob(f"{name}.v*-*.bak"),
            *folder.glob(f"{name}-wal.foreign-*")]
    backups = folder / "backups"
    if backups.is_dir():
        partial += [*backups.glob(f".{stem}-*.part"), *backups.glob(f".auto-{stem}-*.part")]
        kept += [*backups.glob(f"{stem}-*.db"), *backups.glob(f"auto-{stem}-*.db")]
    for path in partial:
        if str(path) in in_progress or path.is_symlink():
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    for path in kept:
        try:
            if not path.is_symlink() and path.stat().st_mode & 0o077:
                os.chmod(path, 0o600)
        except OSError:
            pass
    return removed
