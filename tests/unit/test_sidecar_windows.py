"""The Windows side of the book's lock file (store/sidecar.py), run here: `msvcrt.locking` is
emulated with Windows' semantics (exclusive byte locks held by a handle, released when the
handle closes, refused even to the same handle twice, and *mandatory*: a locked byte cannot
be read or written through another handle), and each simulated process is its own copy of
the module, with its own handles and state."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from crmdesk.store import sidecar


class FakeMsvcrt:
    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        self.held: dict[tuple[int, int], int] = {}  # (inode, offset) -> fd
        self.offsets: set[int] = set()

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert nbytes == 1
        key = (os.fstat(fd).st_ino, os.lseek(fd, 0, os.SEEK_CUR))
        if mode == self.LK_NBLCK:
            if key in self.held:
                raise PermissionError(13, "Permission denied")
            self.held[key] = fd
            self.offsets.add(key[1])
        elif mode == self.LK_UNLCK:
            if self.held.get(key) != fd:
                raise PermissionError(13, "Permission denied")
            del self.held[key]
        else:
            raise ValueError(mode)

    def closed(self, fd: int) -> None:
        for key in [k for k, v in self.held.items() if v == fd]:
            del self.held[key]

    def violates(self, fd: int, size: int) -> bool:
        ino, pos = os.fstat(fd).st_ino, os.lseek(fd, 0, os.SEEK_CUR)
        return any(i == ino and owner != fd and pos <= offset < pos + size
                   for (i, offset), owner in self.held.items())


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    real_close, real_read, real_write = os.close, os.read, os.write

    def close(fd: int) -> None:
        fake.closed(fd)
        real_close(fd)

    def read(fd: int, size: int) -> bytes:
        if fake.violates(fd, size):
            raise PermissionError(33, "The process cannot access the file because another "
                                  "process has locked a portion of the file")
        return real_read(fd, size)

    def write(fd: int, data: bytes) -> int:  # type: ignore[override]
        if fake.violates(fd, len(data)):
            raise PermissionError(33, "locked portion")
        return real_write(fd, data)

    monkeypatch.setattr(os, "close", close)
    monkeypatch.setattr(os, "read", read)
    monkeypatch.setattr(os, "write", write)
    # Windows has no pread/pwrite: the record goes through lseek + read/write.
    monkeypatch.delattr(os, "pread")
    monkeypatch.delattr(os, "pwrite")
    return fake


def process(name: str) -> ModuleType:
    """A copy of store/sidecar.py as another process on Windows would run it."""
    spec = importlib.util.spec_from_file_location(f"crmdesk.store._sidecar_{name}",
                                                  sidecar.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it runs
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    module._WINDOWS = True
    module._try, module._unlock = module._win_try, module._win_unlock
    module._WAIT_S = 0.1
    return module


def test_processes_share_a_book_and_a_whole_file_operation_waits(
        windows: FakeMsvcrt, tmp_path: Path) -> None:
    book = tmp_path / "book.db"
    book.write_bytes(b"")
    a, b, c = process("a"), process("b"), process("c")
    first = a.connection_opening(book, False)
    assert first is True  # nobody else: a checks for a foreign -wal and records its own
    a.connection_opened(book, first)
    assert b.connection_opening(book, False) is False
    b.connection_opened(book, False)
    slots = {m._entries[m._key(book)].slot for m in (a, b)}
    assert len(slots) == 2 and None not in slots  # one slot byte per process
    # A second connection in the same process takes no new slot.
    assert a.connection_opening(book, False) is False
    a.connection_closed(book)
    with pytest.raises(c.BookInUse, match="close it first"), c.exclusive(book, "Restore"):
        pass
    a.connection_closed(book)
    with pytest.raises(c.BookInUse), c.exclusive(book, "Restore"):  # b still has it open
        pass
    b.connection_closed(book)
    # Meanwhile nobody can open the book: refused in one sentence after a short wait.
    with c.exclusive(book, "Restore"), pytest.raises(a.BookInUse, match="being rewritten"):
        a.connection_opening(book, False)
    assert a.connection_opening(book, False) is True
    a.connection_opened(book, True)
    a.connection_closed(book)
    assert windows.held == {}  # every lock released, no handle left open
    assert not a._entries and not b._entries and not c._entries


def test_the_record_is_readable_while_others_hold_their_locks(
        windows: FakeMsvcrt, tmp_path: Path) -> None:
    """Windows locks are mandatory: the lock bytes must lie outside the record (the book's
    and its -wal's identity) that every process reads and writes at the start of the file."""
    book = tmp_path / "book.db"
    book.write_bytes(b"")
    Path(f"{book}-wal").write_bytes(b"wal")
    a, b = process("a"), process("b")
    a.connection_opened(book, a.connection_opening(book, False))
    a.take_window(book)
    b.connection_opened(book, b.connection_opening(book, False))
    assert windows.offsets and min(windows.offsets) >= sidecar._RECORD_SIZE
    record = b._read_record(b._entries[b._key(book)])
    assert record["db"] == sidecar._identity(book)
    assert record["wal"] == sidecar._identity(Path(f"{book}-wal"))
    b.connection_closed(book)
    a.release_window(book)
    a.connection_closed(book)
    assert windows.held == {}


def test_one_window_per_book(windows: FakeMsvcrt, tmp_path: Path) -> None:
    book = tmp_path / "book.db"
    book.write_bytes(b"")
    a, b = process("a"), process("b")
    a.take_window(book)
    with pytest.raises(b.BookInUse, match="already open in another crmdesk window"):
        b.take_window(book)
    a.release_window(book)
    b.take_window(book)
    b.release_window(book)
    assert windows.held == {}


def test_a_lock_of_our_own_file(windows: FakeMsvcrt, tmp_path: Path) -> None:
    """What sync takes so that one push or pull runs at a time, on Windows as on Linux."""
    a = process("a")
    lock = tmp_path / "book.db.sync-lock"
    one = os.open(lock, os.O_CREAT | os.O_RDWR, 0o600)
    two = os.open(lock, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        assert a.try_lock_whole(one) is True
        assert a.try_lock_whole(two) is False
        os.close(one)
        assert a.try_lock_whole(two) is True
    finally:
        os.close(two)
    assert windows.held == {}


def test_a_lock_of_our_own_file_on_posix(tmp_path: Path) -> None:
    if sidecar._WINDOWS:
        pytest.skip("POSIX flock")
    lock = tmp_path / "book.db.sync-lock"
    one = os.open(lock, os.O_CREAT | os.O_RDWR, 0o600)
    two = os.open(lock, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        assert sidecar.try_lock_whole(one) is True
        assert sidecar.try_lock_whole(two) is False  # flock: per open file, even here
        os.close(one)
        assert sidecar.try_lock_whole(two) is True
    finally:
        os.close(two)


def test_keyring_account_ignores_case_on_windows(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    """Windows paths are case-insensitive: the passphrase remembered for a book is found
    again however the path was typed (one keyring entry per book, not per spelling)."""
    import ntpath

    from crmdesk.services import keychain

    monkeypatch.setattr(keychain.os.path, "normcase", ntpath.normcase)
    assert keychain._account(tmp_path / "Book.DB") == keychain._account(tmp_path / "book.db")
