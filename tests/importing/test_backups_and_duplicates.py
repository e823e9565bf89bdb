"""Backups (online copy, rotation, checked restore) and duplicates (finder, merge, unmerge)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from crmdesk.services import backups, customers, duplicates, interactions, lifecycle, loyalty_ledger
from crmdesk.services.interactions import InteractionData
from crmdesk.store import migrations
from crmdesk.store.book import open_book
from crmdesk.store.db import BookError, close_database, db
from tests.conftest import add


def test_backup_while_open_is_a_consistent_checked_copy(book, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    add("Ana", "Ruiz")
    with db.atomic():  # a write in progress is not in the copy
        add("Ben", "Open")
        target = backups.back_up(book.path, tmp_path / "copy.db")
    info = backups.check(target)
    assert (info.customers, info.version) == (1, migrations.LATEST)
    assert target.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".*part"))
    with pytest.raises(BookError, match="cannot replace the book"):
        backups.back_up(book.path, book.path)


def test_rotation_keeps_seven_daily_and_four_weekly(book, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    start = dt.datetime(2026, 9, 1, 9, 0)
    made = []
    for day in range(60):
        when = start + dt.timedelta(days=day)
        path = backups.auto_backup(book.path, now=when)
        assert path is not None
        made.append(path)
        if day == 0:  # what a check by an earlier crmdesk left beside the first one
            for journal in ("-wal", "-shm"):
                Path(f"{path}{journal}").write_bytes(b"")
        assert backups.auto_backup(book.path, now=when + dt.timedelta(hours=3)) is None
    kept = sorted(p.name for p in backups.backup_dir(book.path).glob("auto-*.db"))
    assert len(kept) == 11
    newest = [p.name for p in made[-7:]]
    assert set(newest) <= set(kept)
    assert sorted(p.name for p in backups.backup_dir(book.path).iterdir()) == kept


def test_restore_checks_the_file_and_keeps_the_current_book(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    book = open_book(path)
    add("Before", "Backup")
    saved = backups.back_up(book.path, tmp_path / "saved.db")
    add("After", "Backup")
    close_database()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BookError, match="not a readable crmdesk book|not a crmdesk book"):
        backups.restore(path, junk)
    other = tmp_path / "foreign.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(BookError, match="not a crmdesk book"):
        backups.restore(path, other)
    aside = backups.restore(path, saved)
    open_book(path)
    names = [r[0] for r in db.execute_sql("SELECT given_name FROM customer")]
    assert names == ["Before"]
    close_database()
    open_book(aside)
    assert len(db.execute_sql("SELECT id FROM customer").fetchall()) == 2
    close_database()


def test_finder_ranks_email_phone_and_names(book: object) -> None:
    a = add("Dolores", "Peña", emails=("lola@example.com",))
    b = add("Lola", "Pena", emails=("LOLA@example.com",))
    c = add("Ana", "Ruiz", phones=("+1 905 555 1234",))
    d = add("Anna", "Ruiz", phones=("+19055551234",))
    e = add("Maximilian", "Weber")
    f = add("Maximillian", "Weber")
    add("Nobody", "Else")
    pairs, total = duplicates.find_pairs()
    found = {(p.keep, p.other): (p.score, p.reasons) for p in pairs}
    assert total == 3
    assert found[(a, b)][0] == 100 and "same e-mail lola@example.com" in found[(a, b)][1]
    assert found[(c, d)][0] == 100  # same phone and similar names
    assert found[(e, f)] == (81, ["similar names (96%)"])
    assert [(p.keep, p.other) for p in pairs][-1] == (e, f)


def test_merge_moves_everything_and_undo_puts_it_back(book: object) -> None:
    keep = add("Dolores", "Peña", emails=("lola@example.com",), stage="growth")
    other = add("Lola", "Pena", emails=("lola.work@example.com",), phones=("+34 612 34 56 78",),
                birthday=dt.date(1970, 3, 10), tags=["VIP"])
    interactions.log(InteractionData(other, "phone", "in", "Asked about the merge"))
    loyalty_ledger.record_purchase(other, 100_00)
    lifecycle.move([other], "conversion")
    before_keep, before_other = customers.load(keep), customers.load(other)
    chosen = duplicates.merged_profile(before_keep, before_other)
    assert chosen.given_name == "Dolores" and chosen.birthday == dt.date(1970, 3, 10)
    record = duplicates.merge(keep, other, chosen)
    kept = customers.load(keep)
    assert [e.value for e in kept.emails] == ["lola@example.com", "lola.work@example.com"]
    assert [p.value for p in kept.phones] == ["+34612345678"] and kept.tags == ["VIP"]
    assert customers.load(other).archived_at is not None
    for table in ("interaction", "purchase", "points_entry", "stage_change"):
        assert db.execute_sql(f"SELECT count(*) FROM {table} WHERE customer_id = ?",
                              (other,)).fetchone()[0] == 0, table
    assert loyalty_ledger.balance(keep) == 100 and loyalty_ledger.check_balances() == []
    duplicates.unmerge(record)
    assert customers.load(keep) == before_keep
    assert customers.load(other) == before_other
    assert customers.load(other).archived_at is None
    assert loyalty_ledger.balance(other) == 100 and loyalty_ledger.balance(keep) == 0
    assert db.execute_sql("SELECT count(*) FROM interaction WHERE customer_id = ?",
                          (other,)).fetchone()[0] == 1
    with pytest.raises(ValueError, match="itself"):
        duplicates.merge(keep, keep, chosen)


def test_cli_backup_duplicates_merge(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from crmdesk.cli import main

    path = str(tmp_path / "c.db")
    for given in ("Ana", "Ana"):
        main(["add", "--db", path, "--given", given, "--family", "Ruiz", "--email",
              "ana@example.com"])
        close_database()
    capsys.readouterr()
    assert main(["duplicates", "--db", path, "--json"]) == 0
    close_database()
    [pair] = json.loads(capsys.readouterr().out)
    assert (pair["keep"], pair["other"], pair["score"]) == (1, 2, 100)
    assert main(["merge", "--db", path, "--keep", "1", "--other", "2"]) == 0
    close_database()
    assert main(["backup", "--db", path, "--to", str(tmp_path / "b.db")]) == 0
    close_database()
    out = capsys.readouterr().out
    assert "Merged #2" in out and str(tmp_path / "b.db") in out
    assert main(["restore", "--db", path, str(tmp_path / "b.db")]) == 0
    close_database()
    assert "Restored" in capsys.readouterr().out


def _audit_rows(action: str) -> list[str]:
    return [r[0] for r in db.execute_sql("SELECT detail FROM audit_entry WHERE action = ? "
                                         "ORDER BY id", (action,))]


def test_backups_and_restores_are_audited_by_the_service(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "book.db"
    book = open_book(path)
    add("Ana", "Ruiz")
    saved = backups.back_up(book.path, tmp_path / "saved.db")
    assert _audit_rows("backup") == [str(saved)]
    # The daily backup, from a worker thread with no connection of its own (as the window).
    made: list[Path | None] = []
    thread = threading.Thread(target=lambda: made.append(backups.auto_backup(path)))
    thread.start()
    thread.join()
    assert made[0] is not None and _audit_rows("backup") == [str(saved), str(made[0])]
    close_database()
    backups.restore(path, saved)  # the book is closed: the entry goes into the restored one
    open_book(path)
    assert _audit_rows("restore_book") == [f"from {saved}"]
    close_database()


def test_a_backup_of_a_closed_book_leaves_no_journal_beside_it(tmp_path: Path) -> None:
    """The copy's reading of the book left an empty -wal that was not the book's own: the
    next open set it aside and warned that a journal from another copy was found."""
    path = tmp_path / "book.db"
    open_book(path)
    add("Ana", "Ruiz")
    close_database()
    for name in ("one.db", "two.db"):
        backups.back_up(path, tmp_path / name)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("book.db")) == [
        "book.db", "book.db.lock"]
    book = open_book(path)
    assert book.warnings == []
    assert _audit_rows("backup") == [str(tmp_path / "one.db"), str(tmp_path / "two.db")]
    close_database()


def test_a_backup_of_another_book_leaves_the_open_one_to_the_window(tmp_path: Path) -> None:
    """The daily backup (a worker) of a book that is no longer the open one: while it copies,
    the window still reads its own book, and a book opened meanwhile stays open after."""
    import threading

    other = tmp_path / "a.db"
    open_book(other)
    add("In", "A")
    close_database()
    open_book(tmp_path / "b.db")
    add("In", "B")
    copying, go = threading.Event(), threading.Event()

    def progress(_done: int, _total: int) -> bool:
        copying.set()
        go.wait(10)
        return True

    worker = threading.Thread(target=lambda: backups.back_up(other, tmp_path / "bk.db",
                                                             progress))
    worker.start()
    assert copying.wait(10)
    assert [r[0] for r in db.execute_sql("SELECT family_name FROM customer")] == ["B"]
    third = open_book(tmp_path / "c.db")
    go.set()
    worker.join()
    assert db.obj is third.database
    sqlite = sqlite3.connect(tmp_path / "bk.db")
    assert [r[0] for r in sqlite.execute("SELECT family_name FROM customer")] == ["A"]
    sqlite.close()
    close_database()
    assert not Path(f"{other}-wal").exists()


def test_a_book_that_cannot_be_opened_for_its_audit_entry_leaves_the_open_one(
        tmp_path: Path) -> None:
    other = tmp_path / "new.db"
    open_book(other)
    close_database()
    conn = sqlite3.connect(other)
    conn.execute("UPDATE schema_version SET version = version + 5")  # a newer crmdesk's
    conn.commit()
    conn.close()
    book = open_book(tmp_path / "book.db")
    with pytest.raises(BookError):
        backups.back_up(other, tmp_path / "bk.db")
    assert db.obj is book.database
    close_database()


def test_checking_and_restoring_a_backup_leave_nothing_beside_it(tmp_path: Path) -> None:
    """A read-only reading of a WAL book left an empty -wal and a -shm beside the backup."""
    path = tmp_path / "book.db"
    book = open_book(path)
    add("Ana", "Ruiz")
    (tmp_path / "kept").mkdir()
    saved = backups.back_up(book.path, tmp_path / "kept" / "saved.db")
    close_database()
    assert backups.check(saved).customers == 1
    backups.restore(path, saved)
    assert [p.name for p in saved.parent.iterdir()] == ["saved.db"]


def test_a_file_with_a_journal_beside_it_is_not_read_as_it_is(tmp_path: Path) -> None:
    """Only a file that no journal shows open somewhere is read without SQLite's locks."""
    from crmdesk.store.encryption import read_only_uri

    path = tmp_path / "b#1.db"
    path.write_bytes(b"")
    assert read_only_uri(path).endswith("b%231.db?mode=ro&immutable=1")
    for kind in ("wal", "journal"):
        journal = Path(f"{path}-{kind}")
        journal.write_bytes(b"")
        assert read_only_uri(path).endswith("?mode=ro"), kind
        journal.unlink()


def test_the_command_line_audits_a_backup_and_a_restore_once(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.cli import main

    path = str(tmp_path / "c.db")
    main(["add", "--db", path, "--given", "Ana", "--family", "Ruiz"])
    close_database()
    assert main(["backup", "--db", path, "--to", str(tmp_path / "b.db")]) == 0
    close_database()
    open_book(path)
    assert _audit_rows("backup") == [str(tmp_path / "b.db")]
    close_database()
    assert main(["restore", "--db", path, str(tmp_path / "b.db")]) == 0
    close_database()
    capsys.readouterr()
    open_book(path)
    assert _audit_rows("restore_book") == [f"from {tmp_path / 'b.db'}"]
    close_database()


def test_a_plain_backup_restored_into_an_encrypted_book_is_encrypted(tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                                     monkeypatch) -> None:
    from crmdesk.cli import main
    from crmdesk.store import encryption
    from crmdesk.store.db import PassphraseNeeded, is_encrypted

    path = tmp_path / "book.db"
    open_book(path)
    add("Plain", "Before")
    plain_backup = backups.back_up(path, tmp_path / "plain.db")
    close_database()
    encryption.encrypt_book(path, "s3cret")
    backups.restore(path, plain_backup, passphrase="s3cret")
    assert is_encrypted(path) and b"Before" not in path.read_bytes()
    with pytest.raises(PassphraseNeeded):
        open_book(path)
    open_book(path, passphrase="s3cret")
    assert [r[0] for r in db.execute_sql("SELECT family_name FROM customer")] == ["Before"]
    close_database()
    assert not list(tmp_path.glob(".book.db.restoring*"))
    monkeypatch.setenv("CRMDESK_PASSPHRASE", "s3cret")  # and through the command line
    assert main(["restore", "--db", str(path), str(plain_backup)]) == 0
    close_database()
    capsys.readouterr()
    assert is_encrypted(path)
    with pytest.raises(PassphraseNeeded):
        open_book(path)


def _damage_an_index(path: Path) -> None:
    """Overwrite the b-tree page of an index with garbage (the book is closed)."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'customer_sort'"
                        ).fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as fh:  # the book is closed in this process: nothing to drop
        fh.seek((root - 1) * page_size)
        fh.write(b"\x0d\xff\xff\xff" * 64)


def test_a_damaged_book_is_not_backed_up(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.cli import main

    path = tmp_path / "book.db"
    open_book(path)
    for i in range(20):
        add(f"Given{i}", f"Family{i}")
    close_database()
    _damage_an_index(path)
    open_book(path)
    with pytest.raises(BookError, match="is damaged .*no backup was written"):
        backups.back_up(path, tmp_path / "copy.db")
    close_database()
    assert main(["backup", "--db", str(path)]) == 1
    close_database()
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "no backup was written" in err
    assert not (tmp_path / "copy.db").exists() and not list(tmp_path.rglob("*.part"))
    assert not list(backups.backup_dir(path).glob("*.db"))
