"""Book file names a user may choose on any platform ('#', '%', '?', spaces, accents) reach
SQLite as the file they name: a read-only open goes through a proper file: URI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crmdesk.store import encryption


@pytest.mark.parametrize("name", ["my#book.db", "50%25 off.db", "what?.db", "Peña & co.db"])
def test_read_only_open_of_any_file_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    ro = encryption.connect(path, None, read_only=True)
    try:
        assert ro.execute("SELECT count(*) FROM t").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.execute("INSERT INTO t VALUES (2)")
    finally:
        ro.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing else created


def test_backup_of_a_book_named_with_a_hash(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Before: the backup of "my#book.db" was an empty 4 kB file (SQLite opened "my")."""
    from crmdesk.cli import main
    from crmdesk.store.db import close_database

    book = tmp_path / "my#book.db"
    assert main(["demo", "--db", str(book), "--customers", "5"]) == 0
    close_database()
    copy = tmp_path / "copy.db"
    assert main(["backup", "--db", str(book), "--to", str(copy)]) == 0
    close_database()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] == 5
    conn.close()
    assert not (tmp_path / "my").exists()
