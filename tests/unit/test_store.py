"""The book file: permissions, pragmas, schema ladder, clear errors for bad files."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from crmdesk.store import migrations
from crmdesk.store.book import open_book
from crmdesk.store.db import BookError, close_database, db
from tests.conftest import add


def test_new_book_is_private_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "private" / "deep" / "book.db"
    open_book(path)
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] > 0
        assert migrations.current_version(db) == migrations.LATEST
    finally:
        close_database()


def test_missing_book_is_refused_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(BookError, match="No book at"):
        open_book(tmp_path / "nope.db", create=False)


def test_garbage_file_is_not_a_book(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(BookError, match="not a crmdesk book"):
        open_book(path)
    assert path.read_bytes().startswith(b"this is not sqlite")


def test_foreign_sqlite_file_is_not_a_book(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    with pytest.raises(BookError, match="not a crmdesk book"):
        open_book(path)
    con = sqlite3.connect(path)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["photos"]
    con.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_book(path)
    db.execute_sql("UPDATE schema_version SET version = 99")
    close_database()
    with pytest.raises(BookError, match="newer crmdesk"):
        open_book(path)


def _write_v1_book(path: Path) -> None:
    """A book exactly as schema version 1 wrote it (no saved views, no e-mail key)."""
    import peewee

    from crmdesk.services.search_index import phone_tokens
    from crmdesk.store.db import db as proxy

    database = peewee.SqliteDatabase(str(path))
    proxy.initialize(database)
    migrations.migrate(database, None, target=1)
    database.execute_sql(
        "INSERT INTO staff (id, name, role, active, created_at) "
        "VALUES (1, 'Ana Ruiz', 'executive', 1, '2024-01-02T10:00:00Z')")
    database.execute_sql(
        "INSERT INTO customer (id, given_name, family_name, preferred_name, salutation, "
        "birthday, owner_id, segment, stage, sort_name, notes, created_at, updated_at) VALUES "
        "(7, 'Dolores', 'Peña', 'Lola', 'Mrs', '1970-05-17', 1, 'VIP', 'growth', "
        "'pena dolores', 'Likes <b>opera</b> & wine', '2024-01-02T10:00:00Z', "
        "'2024-02-03T11:00:00Z')")
    database.execute_sql("INSERT INTO customer_email (customer_id, label, address, position) "
                         "VALUES (7, 'home', 'Lola.Pena@Example.com', 0)")
    database.execute_sql("INSERT INTO customer_phone (customer_id, label, e164, position) "
                         "VALUES (7, 'mobile', '+19055551234', 0)")
    database.execute_sql("INSERT INTO customer_tag (customer_id, tag) VALUES (7, 'opera')")
    database.execute_sql(
        "INSERT INTO customer_fts (rowid, name, emails, phones, company, tags, notes) VALUES "
        "(7, 'Dolores Peña Lola', 'Lola.Pena@Example.com', ?, '', "
        "'opera', 'Likes <b>opera</b> & wine')", (phone_tokens("+19055551234"),))
    database.close()


def test_old_schema_book_is_migrated_with_a_backup_and_keeps_every_record(
        tmp_path: Path) -> None:
    from crmdesk.services import customer_query, customers, saved_views
    from crmdesk.services.customer_query import CustomerFilter

    path = tmp_path / "old.db"
    _write_v1_book(path)
    book = open_book(path)
    try:
        assert migrations.current_version(db) == migrations.LATEST
        assert book.backup is not None and book.backup.exists()
        assert stat.S_IMODE(book.backup.stat().st_mode) == 0o600
        old = sqlite3.connect(book.backup)
        assert old.execute("SELECT version FROM schema_version").fetchone()[0] == 1
        old.close()
        lola = customers.load(7)
        assert (lola.given_name, lola.family_name, lola.preferred_name) == ("Dolores", "Peña",
                                                                            "Lola")
        assert lola.owner == "Ana Ruiz" and lola.segment == "VIP" and lola.stage == "growth"
        assert lola.birthday is not None and lola.birthday.isoformat() == "1970-05-17"
        assert [e.value for e in lola.emails] == ["Lola.Pena@Example.com"]
        assert [p.value for p in lola.phones] == ["+19055551234"]
        assert lola.tags == ["opera"] and lola.notes == "Likes <b>opera</b> & wine"
        # The new e-mail index was filled from the old rows, and the new table works.
        assert customer_query.customer_ids(CustomerFilter(text="lola.pena@")) == [7]
        assert customer_query.customer_ids(CustomerFilter(text="5551")) == [7]
        saved_views.save("VIPs", CustomerFilter(segment="VIP"))
        assert saved_views.names() == ["VIPs"]
    finally:
        close_database()
    # Opening again migrates nothing and takes no second backup.
    again = open_book(path)
    assert again.backup is None
    close_database()


def test_migration_step_failure_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    _write_v1_book(path)

    def broken(database: object) -> None:
        database.execute_sql("CREATE TABLE saved_view (id INTEGER PRIMARY KEY)")  # type: ignore[attr-defined]
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "STEPS", [migrations.STEPS[0], broken])
    with pytest.raises(BookError):
        open_book(path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name='saved_view'"
                       ).fetchone()[0] == 0
    assert con.execute("SELECT given_name FROM customer WHERE id=7").fetchone()[0] == "Dolores"
    con.close()


def test_locked_book_gives_a_clear_error(book: object, tmp_path: Path) -> None:
    add("Ana", "Lock")
    other = sqlite3.connect(tmp_path / "book.db", timeout=0.1)
    other.execute("BEGIN EXCLUSIVE")
    try:
        from crmdesk.services import customers
        from crmdesk.services.customers import CustomerData
        from crmdesk.store.db import describe_error

        with pytest.raises((sqlite3.OperationalError, Exception)) as info:
            customers.create(CustomerData(given_name="Blocked"), "US")
        assert "locked by another program" in describe_error(info.value)
    finally:
        other.rollback()
        other.close()


def _book_at(path: Path, version: int, *statements: str) -> Path:
    """A book written by an older crmdesk: the schema of `version`, then `statements`."""
    import peewee

    from crmdesk.store.db import db as proxy

    database = peewee.SqliteDatabase(str(path))
    proxy.initialize(database)
    migrations.migrate(database, None, target=version)
    for sql in statements:
        database.execute_sql(sql)
    database.close()
    return path


def test_book_of_the_previous_schema_gets_lifecycle_history(tmp_path: Path) -> None:
    """A v3 book (interactions, no stage history) opens at v4: customers keep their stage,
    'in stage since' starts at their creation, interactions and follow-ups are intact."""
    import peewee

    from crmdesk.services import lifecycle, timeline
    from crmdesk.store.db import db as proxy

    path = tmp_path / "v3.db"
    database = peewee.SqliteDatabase(str(path))
    proxy.initialize(database)
    migrations.migrate(database, None, target=3)
    database.execute_sql(
        "INSERT INTO customer (id, given_name, family_name, stage, sort_name, created_at, "
        "updated_at) VALUES (3, 'Vera', 'Old', 'growth', 'old vera', '2023-04-05T06:07:08Z', "
        "'2023-04-05T06:07:08Z')")
    database.execute_sql(
        "INSERT INTO interaction (customer_id, channel, direction, happened_at, notes, "
        "created_at) VALUES (3, 'phone', 'in', '2024-01-01T10:00:00Z', 'Old call', "
        "'2024-01-01T10:00:00Z')")
    database.execute_sql(
        "INSERT INTO follow_up (customer_id, what, due_at, is_promise, created_at) VALUES "
        "(3, 'Send the offer', '2024-01-02T10:00:00Z', 1, '2024-01-01T11:00:00Z')")
    database.close()
    book = open_book(path)
    try:
        assert book.backup is not None
        assert migrations.current_version(db) == migrations.LATEST
        row = db.execute_sql("SELECT stage, stage_since FROM customer WHERE id = 3").fetchone()
        assert row == ("growth", "2023-04-05T06:07:08Z")
        assert [k for k, _ in timeline.entry_keys(3)] == ["follow_up", "interaction"]
        assert lifecycle.time_in_stage(3)[0].stage == "growth"
        moves = lifecycle.move([3], "retention", None, "Loyal for years")
        assert moves[0].from_since == "2023-04-05T06:07:08Z"
        stay = db.execute_sql("SELECT stay_seconds FROM stage_change").fetchone()[0]
        assert stay > 365 * 86400
    finally:
        close_database()


def test_book_of_the_previous_schema_gets_a_loyalty_ledger(tmp_path: Path) -> None:
    """A v4 book (lifecycle, no loyalty) opens at v5: every customer starts at 0 points,
    the ledger takes purchases and the kept balance follows the entries."""
    from crmdesk.services import loyalty_ledger

    path = _book_at(
        tmp_path / "v4.db", 4,
        "INSERT INTO customer (id, given_name, family_name, stage, sort_name, created_at, "
        "updated_at, stage_since) VALUES (7, 'Olga', 'Four', 'growth', 'four olga', "
        "'2024-04-05T06:07:08Z', '2024-04-05T06:07:08Z', '2024-04-05T06:07:08Z')")
    book = open_book(path)
    try:
        assert book.backup is not None and book.backup.exists()
        assert migrations.current_version(db) == migrations.LATEST
        assert db.execute_sql("SELECT points_balance FROM customer WHERE id = 7").fetchone() \
            == (0,)
        loyalty_ledger.record_purchase(7, 12_50)
        assert db.execute_sql("SELECT points_balance FROM customer WHERE id = 7").fetchone() \
            == (12,)
        assert loyalty_ledger.check_balances() == []
    finally:
        close_database()


def test_book_of_the_previous_schema_takes_imports_and_photos(tmp_path: Path) -> None:
    """A v5 book (loyalty, no import history) opens at v6 with its points intact, and can
    import contacts (with a photo) and undo the import."""
    from crmdesk.services import loyalty_ledger
    from crmdesk.services.importing import contact_import, files

    path = _book_at(
        tmp_path / "v5.db", 5,
        "INSERT INTO customer (id, given_name, family_name, stage, sort_name, created_at, "
        "updated_at, stage_since) VALUES (9, 'Pia', 'Five', 'growth', 'five pia', "
        "'2025-04-05T06:07:08Z', '2025-04-05T06:07:08Z', '2025-04-05T06:07:08Z')",
        "INSERT INTO points_entry (customer_id, kind, points, happened_at, created_at) "
        "VALUES (9, 'bonus', 70, '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z')")
    book = open_book(path)
    try:
        assert book.backup is not None
        assert migrations.current_version(db) == migrations.LATEST
        assert loyalty_ledger.balance(9) == 70 and loyalty_ledger.check_balances() == []
        card = (tmp_path / "pia.vcf")
        card.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Six;Ola;;;\r\n"
                         b"PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAf"
                         b"FcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r\n"
                         b"END:VCARD\r\n")
        read = files.read_path(card)
        result = contact_import.apply(contact_import.plan(read.contacts, card.name, "US"))
        assert db.execute_sql("SELECT mime FROM customer_photo").fetchall() == [("image/png",)]
        contact_import.undo_import(result.import_id)
        assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 1
    finally:
        close_database()


def test_book_of_the_previous_schema_starts_an_audit_trail(tmp_path: Path) -> None:
    """A v6 book opens at v7 with an empty, verifiable trail that records from then on."""
    from crmdesk.services import audit

    open_book(_book_at(tmp_path / "v6.db", 6))
    try:
        assert migrations.current_version(db) == migrations.LATEST
        assert audit.verify().entries == 0
        add("First", "Entry")
        assert audit.verify().ok and audit.verify().entries == 1
    finally:
        close_database()


def test_copies_of_the_book_are_private_from_their_first_byte(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The before-restore copy, backups and the copy before an upgrade never exist with
    a mode others can read, even for an instant (umask 022 as on most desktops)."""
    import os

    import peewee

    from crmdesk.services import backups
    from crmdesk.store import encryption

    old_umask = os.umask(0o022)
    try:
        seen: list[tuple[str, int]] = []
        real_connect = encryption.connect

        def connect(path: Path, passphrase: str | None, read_only: bool = False) -> object:
            if not read_only and Path(path).name.endswith(".part"):
                seen.append((Path(path).name, stat.S_IMODE(os.stat(path).st_mode)))
            return real_connect(path, passphrase, read_only)

        monkeypatch.setattr(encryption, "connect", connect)
        path = tmp_path / "book.db"
        open_book(path)
        add("Ana", "Private")
        saved = backups.back_up(path, tmp_path / "saved.db")
        close_database()
        backups.restore(path, saved)
        assert len(seen) >= 3 and all(mode == 0o600 for _name, mode in seen), seen
        real_execute = peewee.SqliteDatabase.execute_sql
        vacuumed: list[int] = []

        def execute_sql(self, sql, params=None, *args, **kwargs):  # type: ignore[no-untyped-def]
            result = real_execute(self, sql, params, *args, **kwargs)
            if sql.startswith("VACUUM INTO"):
                vacuumed.append(stat.S_IMODE(os.stat(params[0]).st_mode))
            return result

        monkeypatch.setattr(peewee.SqliteDatabase, "execute_sql", execute_sql)
        old = tmp_path / "old.db"
        _write_v1_book(old)
        assert open_book(old).backup is not None
        close_database()
        assert vacuumed == [0o600]
    finally:
        os.umask(old_umask)


def test_leftovers_of_a_killed_program_are_cleaned_up_at_the_next_open(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    path = tmp_path / "book.db"
    open_book(path)
    close_database()
    backups = tmp_path / "backups"
    backups.mkdir()
    partial = [tmp_path / ".book.db.encrypting", tmp_path / ".book.db.restoring",
               tmp_path / ".book.db.v7-20261122T101500Z.bak.part",
               tmp_path / ".book.db.before-restore-20261122-101500.part",
               backups / ".book-20261122-101500.db.part",
               backups / ".auto-book-20261122-101500.db.part"]
    kept = [tmp_path / "book.db.before-restore-20261122-101500",
            tmp_path / "book.db.v7-20261122T101500Z.bak",
            tmp_path / "book.db-wal.foreign-20261122-101500",
            backups / "book-20261122-101500.db", backups / "auto-book-20261122-101500.db"]
    others = [tmp_path / "other.db.before-restore-1", backups / ".other-1.db.part"]
    # While another program has the book open, its files may be in progress: left alone.
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from crmdesk.store.book import open_book; "
         "open_book(sys.argv[1]); print('ready', flush=True); sys.stdin.readline()",
         str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        cwd=Path(__file__).resolve().parents[2])
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        for file in partial + kept + others:
            file.write_bytes(b"client data")
            os.chmod(file, 0o644)
        open_book(path)
        close_database()
        assert all(file.exists() for file in partial)
    finally:
        holder.kill()
        holder.wait()
    open_book(path)
    close_database()
    assert not [file for file in partial if file.exists()]
    assert all(stat.S_IMODE(file.stat().st_mode) == 0o600 for file in kept)
    assert all(file.exists() and stat.S_IMODE(file.stat().st_mode) == 0o644 for file in others)


def test_read_jobs_on_two_connections_come_back_in_order_and_close_the_helpers(
        book: object) -> None:
    """The funnel's counts run on this thread and a helper with its own connection: the
    results in the order of the jobs, both threads used, the helper's connection closed
    after, a job's error raised here; inside a transaction (whose writes a second
    connection would not see) every job runs here."""
    import threading
    import time

    import pytest

    from crmdesk.store import sidecar
    from crmdesk.store.db import on_two_connections

    add("Ana", "Ruiz")
    path = book.path  # type: ignore[attr-defined]
    before = sidecar.connections(path)
    threads: set[int] = set()
    both = threading.Barrier(2, timeout=10)  # (jobs 0 and 1 wait for each other)

    def job(n: int, meet: bool = False) -> int:
        threads.add(threading.get_ident())
        if meet:
            both.wait()
        time.sleep(0.005)
        return n * 10 + int(db.execute_sql("SELECT count(*) FROM customer").fetchone()[0])

    assert on_two_connections([lambda n=n: job(n, meet=n < 2) for n in range(8)]) == [
        n * 10 + 1 for n in range(8)]
    assert len(threads) == 2
    assert sidecar.connections(path) == before

    def broken() -> int:
        raise ValueError("no such stage")

    with pytest.raises(ValueError, match="no such stage"):
        on_two_connections([lambda: job(1), broken, lambda: job(2), lambda: job(3)])
    assert sidecar.connections(path) == before
    threads.clear()
    with db.atomic():
        add("Eva", "Soto")  # not committed: only this connection sees her
        assert on_two_connections([lambda n=n: job(n) for n in range(4)]) == [
            n * 10 + 2 for n in range(4)]
    assert threads == {threading.get_ident()}
