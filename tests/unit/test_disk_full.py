"""A full disk is reported as such ("The disk is full"), by every caller, and nothing is
half-written: a real, tiny filesystem (tmpfs, mounted when this runs as root)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db

FULL = "crmdesk: The disk is full: nothing was saved. Free some space and try again."


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "tiny"
    folder.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                          capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        close_database()
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"x" * 1024)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    close_database()
    return code, capsys.readouterr().err.strip()


def test_a_full_disk_says_so_and_saves_nothing_half(
        tiny_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tiny_disk / "book.db"
    assert _run(capsys, "add", "--db", str(path), "--given", "Ana", "--family", "Ruiz")[0] == 0
    filler = _fill(tiny_disk)
    refusals = []
    for i in range(30):
        code, err = _run(capsys, "add", "--db", str(path), "--given", f"G{i}" + "a" * 150,
                         "--family", "B" * 150, "--company", "c" * 190)
        if code:
            refusals.append(err)
    assert refusals and set(refusals) == {FULL}
    code, err = _run(capsys, "log", "--db", str(path), "--customer", "1", "--channel", "phone",
                     "--direction", "in", "--note", "n" * 100)
    assert (code, err) == (1, FULL)
    code, err = _run(capsys, "backup", "--db", str(path))
    assert code == 1 and err == FULL
    assert not list((tiny_disk / "backups").glob("*.db"))  # no half-written backup kept
    filler.unlink()
    open_book(path, create=False)
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    added = db.execute_sql("SELECT count(*) FROM customer").fetchone()[0]
    indexed = db.execute_sql("SELECT count(*) FROM customer_fts").fetchone()[0]
    assert added == indexed == 31 - len(refusals)  # each either whole or not at all
    close_database()
