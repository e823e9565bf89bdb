"""A cut audit trail (the last entries deleted by someone with the file) is detected by the
anchor kept outside the book; an intact trail verifies."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.services import audit
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database
from tests.conftest import add


def _book_with_entries(path: Path, n: int = 12) -> None:
    open_book(path)
    for i in range(n):
        add("Client", f"Number{i}")
    close_database()  # the anchor is written when the book closes


def _cut(path: Path, last: int | None) -> None:
    """What an attacker with the file does: drop the trigger, delete the newest entries."""
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER audit_entry_no_delete")
    if last is None:
        con.execute("DELETE FROM audit_entry")
    else:
        con.execute("DELETE FROM audit_entry WHERE id > (SELECT max(id) FROM audit_entry) - ?",
                    (last,))
    con.commit()
    con.close()


@pytest.mark.parametrize(("removed", "expected"), [(1, "the last 1 entries were removed"),
                                                   (5, "the last 5 entries were removed"),
                                                   (None, "the last 12 entries were removed")])
def test_deleting_the_last_entries_is_detected(tmp_path: Path, removed: int | None,
                                               expected: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "book.db"
    _book_with_entries(path)
    _cut(path, removed)
    open_book(path)
    result = audit.verify()
    assert not result.ok and any(expected in p for p in result.problems), result.problems
    # Using the book afterwards does not wipe the evidence.
    add("Another", "Client")
    close_database()
    open_book(path)
    assert not audit.verify().ok
    close_database()
    capsys.readouterr()
    assert main(["audit", "verify", "--db", str(path)]) != 0
    close_database()
    out = capsys.readouterr()
    assert "tampered" in out.out and "anchored" in out.err


def test_cut_then_written_again_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    _book_with_entries(path)
    _cut(path, 3)
    open_book(path)
    for i in range(5):  # new entries take the ids of the removed ones
        add("Later", f"Client{i}")
    result = audit.verify()
    assert not result.ok and any("anchored" in p for p in result.problems), result.problems
    close_database()


def test_an_intact_trail_is_intact_and_the_anchor_is_private(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    _book_with_entries(path)
    open_book(path)
    assert audit.verify().ok
    add("One", "More")
    assert audit.verify().ok
    ident = audit.book_id()
    close_database()
    anchor = Path(os.environ["CRMDESK_ANCHOR_DIR"]) / f"{ident}.json"
    assert stat.S_IMODE(anchor.stat().st_mode) == 0o600
    spec = json.loads(anchor.read_text())
    assert spec["entries"] == 13 and spec["book_id"] == ident
    open_book(path)
    assert audit.verify().ok
    close_database()


def test_a_restore_from_a_backup_is_not_a_cut(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "book.db"
    _book_with_entries(path, 3)
    assert main(["backup", "--db", str(path), "--to", str(tmp_path / "b.db")]) == 0
    close_database()
    open_book(path)
    for i in range(4):
        add("After", f"Backup{i}")
    close_database()
    assert main(["restore", "--db", str(path), str(tmp_path / "b.db")]) == 0
    close_database()
    capsys.readouterr()
    assert main(["audit", "verify", "--db", str(path)]) == 0, capsys.readouterr().err
    close_database()


@pytest.mark.parametrize("removed", [2, 5, None])
def test_a_cut_shows_against_the_newest_backup_where_this_computer_kept_no_anchor(
        tmp_path: Path, removed: int | None, capsys: pytest.CaptureFixture[str]) -> None:
    """Another computer (no anchor of its own) still sees the cut: the newest backup of the
    book holds the trail as it was (up to the entry before the backup's own, which is
    written in the book once the copy is made: removing only that one is not seen)."""
    path = tmp_path / "book.db"
    _book_with_entries(path, 6)
    assert main(["backup", "--db", str(path)]) == 0
    close_database()
    _cut(path, removed)
    for anchor in Path(os.environ["CRMDESK_ANCHOR_DIR"]).glob("*.json"):
        anchor.unlink()  # as on a computer that never anchored this book
    open_book(path)
    result = audit.verify()
    close_database()
    assert not result.ok and any("the book no longer holds that entry" in p
                                 for p in result.problems), result.problems
    capsys.readouterr()
    assert main(["audit", "verify", "--db", str(path)]) == 1
    assert "backup" in capsys.readouterr().err
    close_database()


def test_an_intact_book_verifies_beside_its_backups_and_another_books(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    other = tmp_path / "book-copy.db"  # another book whose backups share the folder
    _book_with_entries(other, 2)
    assert main(["backup", "--db", str(other)]) == 0
    close_database()
    _book_with_entries(path, 3)
    assert main(["backup", "--db", str(path)]) == 0
    close_database()
    open_book(path)
    for i in range(3):
        add("Later", f"Client{i}")
    assert audit.verify().ok, audit.verify().problems
    close_database()
