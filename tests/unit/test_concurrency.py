"""Several programs on one book: nothing in this process may drop SQLite's locks on the book
file, writers wait for each other instead of failing, whole-file operations refuse while
another program has the book open, one window per book, a foreign -wal is kept aside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from crmdesk.services import backups, customer_query
from crmdesk.store import sidecar
from crmdesk.store.book import open_book
from crmdesk.store.db import BookError, close_database, db, is_encrypted
from tests.conftest import add

SECRET = "s3cret"
ROOT = Path(__file__).resolve().parents[2]


def _python(code: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args],
                          capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)


_READER = """
    import sys
    key = sys.argv[2] if len(sys.argv) > 2 else None
    if key:
        from sqlcipher3 import dbapi2 as sqlite3
    else:
        import sqlite3
    conn = sqlite3.connect(sys.argv[1], timeout=5)
    if key:
        import os
        conn.execute(f"PRAGMA key = '{key}'")
        # the test run's cheaper key derivation (tests/conftest.py)
        conn.execute(f"PRAGMA kdf_iter = {int(os.environ['CRMDESK_TEST_KDF_ITER'])}")
    print(conn.execute("SELECT count(*) FROM customer").fetchone()[0])
    print(conn.execute("PRAGMA integrity_check").fetchone()[0])
    conn.close()
"""


def _read_elsewhere(path: Path, key: str | None = None) -> tuple[int, str]:
    """Another process opens the book, reads, and closes it (the last to close checkpoints
    and deletes the -wal when it can take SQLite's exclusive lock)."""
    result = _python(_READER, str(path), *([key] if key else []))
    assert result.returncode == 0, result.stderr
    count, check = result.stdout.split()
    return int(count), check


def _own_locks(path: Path) -> list[str]:
    """This process's POSIX locks on the book file (Linux: /proc/locks)."""
    inode = os.stat(path).st_ino
    with open("/proc/locks", encoding="ascii") as fh:
        return [line.split(None, 1)[1] for line in fh
                if f":{inode} " in line and f" {os.getpid()} " in line and "->" not in line]


needs_proc_locks = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="Linux only")


def _lose_nothing(path: Path, key: str | None = None) -> None:
    """With the book still open here: another process reads it, then this one goes on
    writing; everything written survives and the book stays intact."""
    db.execute_sql("PRAGMA wal_autocheckpoint = 0")  # keep the frames in the -wal
    add("Before", "Other")
    wal = Path(f"{path}-wal")
    assert wal.exists()
    count, check = _read_elsewhere(path, key)
    assert (count, check) == (2, "ok")
    assert wal.exists(), "the other process deleted the live -wal: our locks were dropped"
    add("After", "Other")
    assert customer_query.count() == 3
    assert _read_elsewhere(path, key) == (3, "ok")
    close_database()
    assert _read_elsewhere(path, key) == (3, "ok")


@needs_proc_locks
def test_asking_whether_an_open_book_is_encrypted_keeps_its_locks(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    open_book(path)
    add("Ana", "Open")
    held = _own_locks(path)
    assert held
    assert is_encrypted(path) is False  # e.g. the window opening the same book again
    assert _own_locks(path) == held
    _lose_nothing(path)


@needs_proc_locks
def test_opening_the_same_book_again_in_this_process_keeps_its_locks(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    first = open_book(path)
    add("Ana", "Open")
    held = _own_locks(path)
    second = open_book(path)  # the window's switch_book to the book it has open
    db.initialize(first.database)
    second.database.close()
    assert _own_locks(path) == held
    _lose_nothing(path)


@needs_proc_locks
def test_a_second_connection_to_an_encrypted_book_keeps_its_locks(tmp_path: Path) -> None:
    path = tmp_path / "secret.db"
    open_book(path, passphrase=SECRET)
    add("Ana", "Secret")
    held = _own_locks(path)
    assert held

    def worker() -> None:  # another thread: its own connection, keyed with the derived key
        assert customer_query.count() == 1
        db.close()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert db.obj._raw_key is not None
    assert _own_locks(path) == held, "reading the salt from the file dropped SQLite's locks"
    _lose_nothing(path, SECRET)


@needs_proc_locks
def test_the_daily_backup_of_an_open_book_keeps_its_locks(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    open_book(path)
    add("Ana", "Open")
    db.execute_sql("PRAGMA wal_autocheckpoint = 0")
    held = _own_locks(path)
    thread = threading.Thread(target=lambda: backups.auto_backup(path))
    thread.start()
    thread.join()
    assert list(backups.backup_dir(path).glob("auto-book-*.db"))
    assert _own_locks(path) == held
    _lose_nothing(path)


def test_the_lock_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    open_book(path)
    assert sidecar.lock_path(path).stat().st_mode & 0o777 == 0o600
    close_database()


def test_four_programs_writing_at_once_lose_nothing_and_fail_nothing() -> None:
    """A window-like process (main thread + worker thread), a service caller, and two
    command-line writers (one also backing up) on one book: every write waits its turn."""
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_writers.py"),
                             "--writers", "4", "--writes", "50", "--json"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["failures"] == 0, figures["failure_messages"]
    assert figures["lost"] == 0
    assert figures["acknowledged"] + figures["backups"] == 200
    assert figures["backups"] == figures["backups_audited"] == 5
    assert figures["integrity"] == "ok"


_HOLDER = """
    import sys, time
    from crmdesk.store.book import open_book
    from crmdesk.services import customers
    from crmdesk.services.customers import CustomerData
    book = open_book(sys.argv[1], create=False, passphrase=sys.argv[2] or None)
    customers.create(CustomerData(given_name="Held", family_name="Open"), "US")
    print("ready", flush=True)
    sys.stdin.readline()
    customers.create(CustomerData(given_name="Later", family_name="Write"), "US")
    book.close()
    print("closed", flush=True)
"""


class Holder:
    """Another process with the book open (it writes once more when told to finish)."""

    def __init__(self, path: Path, key: str | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(_HOLDER), str(path), key or ""],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
        assert self.proc.stdout is not None and self.proc.stdout.readline().strip() == "ready"
        self.pid = self.proc.pid

    def finish(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "closed"
        self.proc.wait(timeout=30)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()


def _names(path: Path, key: str | None = None) -> list[str]:
    open_book(path, create=False, passphrase=key)
    found = sorted(r[0] for r in db.execute_sql("SELECT given_name FROM customer"))
    close_database()
    return found


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    from crmdesk.cli import main

    code = main(list(argv))
    close_database()
    return code, capsys.readouterr().err.strip()


def test_restore_is_refused_while_another_program_has_the_book_open(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "book.db"
    open_book(path)
    add("Ana", "Before")
    saved = backups.back_up(path, tmp_path / "saved.db")
    close_database()
    holder = Holder(path)
    try:
        with pytest.raises(BookError, match=rf"open in .*pid {holder.pid}.*close it first"):
            backups.restore(path, saved)
        code, err = _cli(capsys, "restore", "--db", str(path), str(saved))
        assert code == 1 and len(err.splitlines()) == 1
        assert err.startswith("crmdesk: The book is open in ") and f"pid {holder.pid}" in err
        assert not list(tmp_path.glob("book.db.before-restore-*"))
        holder.finish()  # its writes after the refusal land in the book, nothing lost
    finally:
        holder.kill()
    assert _names(path) == ["Ana", "Held", "Later"]
    code, _err = _cli(capsys, "restore", "--db", str(path), str(saved))  # nobody else: works
    assert code == 0
    assert _names(path) == ["Ana"]


def test_encrypt_and_rekey_are_refused_while_another_program_has_the_book_open(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "book.db"
    open_book(path)
    add("Ana", "Plain")
    close_database()
    monkeypatch.setenv("CRMDESK_PASSPHRASE", SECRET)
    holder = Holder(path)
    try:
        code, err = _cli(capsys, "encrypt", "--db", str(path))
        assert code == 1 and len(err.splitlines()) == 1 and f"pid {holder.pid}" in err
        assert "close it first" in err
        holder.finish()
    finally:
        holder.kill()
    assert not is_encrypted(path)
    assert _names(path) == ["Ana", "Held", "Later"]
    assert _cli(capsys, "encrypt", "--db", str(path))[0] == 0
    assert is_encrypted(path)
    monkeypatch.setenv("CRMDESK_NEW_PASSPHRASE", "another one")
    holder = Holder(path, SECRET)
    try:
        code, err = _cli(capsys, "rekey", "--db", str(path))
        assert code == 1 and len(err.splitlines()) == 1 and f"pid {holder.pid}" in err
        holder.finish()
    finally:
        holder.kill()
    assert _names(path, SECRET) == ["Ana", "Held", "Held", "Later", "Later"]
    assert _cli(capsys, "rekey", "--db", str(path))[0] == 0
    assert len(_names(path, "another one")) == 5


_WRITER = """
    import os, sys
    from crmdesk.store.book import open_book
    from crmdesk.store.db import db
    from crmdesk.services import customers
    from crmdesk.services.customers import CustomerData
    open_book(sys.argv[1], create=False)
    db.execute_sql("PRAGMA wal_autocheckpoint = 0")  # the frames stay in the -wal
    for i in range(int(sys.argv[2])):
        customers.create(CustomerData(given_name=f"{sys.argv[3]}{i}", family_name="W"), "US")
    if len(sys.argv) > 4:  # hand our live -wal to another book file, as a stray copy would
        import shutil
        shutil.copyfile(sys.argv[1] + "-wal", sys.argv[4])
    print("ready", flush=True)
    sys.stdin.readline()
"""


def _writer(path: Path, count: int, prefix: str, copy_wal_to: Path | None = None
            ) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(_WRITER), str(path),
                             str(count), prefix, *([str(copy_wal_to)] if copy_wal_to else [])],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def test_a_wal_from_another_copy_is_kept_aside_not_replayed(tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "book.db"
    open_book(path)
    add("Common", "Origin")
    close_database()
    copy = tmp_path / "copy" / "book.db"
    copy.parent.mkdir()
    shutil.copyfile(path, copy)  # a second copy of the same book, which goes its own way
    open_book(path)
    add("Mine", "Committed")
    close_database()
    assert not Path(f"{path}-wal").exists()
    other = _writer(copy, 30, "Foreign", copy_wal_to=Path(f"{path}-wal"))
    other.kill()  # that copy's program is killed: its -wal is left where it was put
    other.wait()
    book = open_book(path)
    names = sorted(r[0] for r in db.execute_sql("SELECT given_name FROM customer"))
    assert names == ["Common", "Mine"]
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    [aside] = tmp_path.glob("book.db-wal.foreign-*")
    assert aside.stat().st_mode & 0o777 == 0o600
    assert len(book.warnings) == 1 and aside.name in book.warnings[0]
    assert "did not belong to this book" in book.warnings[0]
    close_database()


def test_the_book_s_own_wal_after_a_crash_is_replayed_without_a_word(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    open_book(path)
    add("Before", "Crash")
    close_database()
    writer = _writer(path, 5, "Crash")
    writer.kill()  # kill -9 mid-session: its commits are in the -wal only
    writer.wait()
    assert Path(f"{path}-wal").stat().st_size > 0
    book = open_book(path)
    assert book.warnings == []
    assert customer_query.count() == 6
    assert not list(tmp_path.glob("book.db-wal.foreign-*"))
    close_database()


def _a_foreign_wal_beside(tmp_path: Path) -> Path:
    """A closed book holding 'Mine', with the -wal of a copy of it that a killed program
    wrote three customers into put beside it."""
    import shutil

    path = tmp_path / "book.db"
    open_book(path)
    add("Mine", "Only")
    close_database()
    copy = tmp_path / "copy.db"
    shutil.copyfile(path, copy)
    writer = _writer(copy, 3, "Foreign", copy_wal_to=Path(f"{path}-wal"))
    writer.kill()
    writer.wait()
    return path


def test_the_command_line_says_when_a_foreign_wal_was_set_aside(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _a_foreign_wal_beside(tmp_path)
    code, err = _cli(capsys, "check", "--db", str(path))
    assert code == 0
    assert len(err.splitlines()) == 1 and "did not belong to this book" in err


def test_a_backup_of_a_closed_book_does_not_copy_a_foreign_wal(tmp_path: Path) -> None:
    """A backup reads the book as an open does: another copy's journal is set aside, not
    read into the backup."""
    import sqlite3

    from crmdesk.services import backups

    path = _a_foreign_wal_beside(tmp_path)
    saved = backups.back_up(path, tmp_path / "saved.db")
    assert len(list(tmp_path.glob("book.db-wal.foreign-*"))) == 1
    conn = sqlite3.connect(saved)
    assert [r[0] for r in conn.execute("SELECT given_name FROM customer")] == ["Mine"]
    conn.close()


@needs_proc_locks
def test_a_writer_that_waited_too_long_names_the_program_holding_the_book(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "book.db"
    open_book(path)
    close_database()
    code = textwrap.dedent("""
        import sys
        from crmdesk.store.book import open_book
        from crmdesk.store.db import db
        open_book(sys.argv[1])
        with db.atomic():  # a long write transaction
            db.execute_sql("INSERT INTO setting (key, value) VALUES ('k', 'v')")
            print("ready", flush=True)
            sys.stdin.readline()
    """)
    # argv as `crmdesk log …` shows it (the program is told by its command line)
    holder = subprocess.Popen([sys.executable, "-c", code, str(path), "crmdesk", "log"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        result, err = _cli(capsys, "add", "--db", str(path), "--given", "A", "--family", "B")
    finally:
        holder.kill()
        holder.wait()
    assert result == 1
    assert err == (f"crmdesk: The book {path} is locked by crmdesk log (pid {holder.pid}); "
                   "close it and try again.")


@needs_proc_locks
def test_importing_or_exporting_over_the_open_book_is_refused_and_keeps_its_locks(
        tmp_path: Path) -> None:
    from crmdesk.services import exporting
    from crmdesk.services.importing import files

    path = tmp_path / "book.db"
    open_book(path)
    add("Ana", "Open")
    held = _own_locks(path)
    with pytest.raises(files.UnreadableFile, match="is the book itself"):
        files.read_path(path)  # chosen in File ▸ Import Contacts by mistake
    with pytest.raises(BookError, match="is an open crmdesk book"):
        exporting.export_csv(customer_query.customer_ids(customer_query.CustomerFilter()), path)
    assert _own_locks(path) == held
    _lose_nothing(path)
