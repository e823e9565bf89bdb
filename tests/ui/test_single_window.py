"""One window per book: a second window on a book open in another window is refused with
one line (at start and when opening another book); the command line still writes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from crmdesk.cli import main
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def other_window(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """Another process holding the window's claim on tmp_path/held.db, as a window does."""
    path = tmp_path / "held.db"
    open_book(path)
    close_database()
    code = textwrap.dedent("""
        import sys, time
        from crmdesk.store import sidecar
        sidecar.take_window(sys.argv[1])
        print("ready", flush=True)
        time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        yield path, proc.pid
    finally:
        proc.kill()
        proc.wait()


def test_a_second_window_on_the_same_book_is_refused(  # type: ignore[no-untyped-def]
        qtbot, other_window, monkeypatch, capsys) -> None:
    from crmdesk.app import run_gui

    path, pid = other_window
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setenv("CRMDESK_EXIT_AFTER_SHOW", "1")  # were it opened: quit at once
    assert run_gui(path) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "already open in another crmdesk window" in err[0]
    assert f"pid {pid}" in err[0] and "Traceback" not in err[0]
    assert shown and "already open in another crmdesk window" in shown[0]


def test_opening_a_book_another_window_has_is_refused(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, other_window) -> None:
    window = make_window()
    held, _pid = other_window
    assert not window.switch_book(held)
    assert "already open in another crmdesk window" in window.last_error
    assert window.book.path == book.path
    other = held.with_name("free.db")
    assert window.switch_book(other)  # a book nobody has is opened as before


def test_the_command_line_writes_while_a_window_has_the_book(  # type: ignore[no-untyped-def]
        other_window, capsys) -> None:
    path, _pid = other_window
    assert main(["add", "--db", str(path), "--given", "Cli", "--family", "Writer"]) == 0
    close_database()
    capsys.readouterr()
