"""The window's import preview reports an oversized row as rejected, like the CLI."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from crmdesk.services.importing.contact import MAX_CARD
from crmdesk.ui.main_window import MainWindow


def test_an_oversized_row_is_a_rejected_row_in_the_preview(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Given Name,Family Name,Notes\nAna,Uno,n\n"
                    f"Ben,Dos,{'x' * (MAX_CARD + 1)}\nCid,Tres,\n", encoding="utf-8")
    monkeypatch.setattr(MainWindow, "ask_open_path", lambda self, title, filters: path)
    monkeypatch.setattr(MainWindow, "ask_yes", lambda self, title, text: True)
    window = make_window()
    seen: dict[str, str] = {}

    def preview(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
        seen["counts"] = dialog.counts.text()
        dialog.show_combo.setCurrentIndex(4)  # rejected only
        seen["rows"] = str(dialog.model.rowCount())
        seen["reason"] = str(dialog.model.index(0, 5).data())
        dialog.reject()

    drive.append(preview)
    qtbot.keyClick(window.customers.table, Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert seen["counts"].endswith("· 1 rejected") and seen["counts"].startswith("2 new")
    assert seen["rows"] == "1" and "5 MB" in seen["reason"] and "line 3" in seen["reason"]


def test_a_pipe_chosen_for_import_is_refused_never_opened(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    import os
    import signal

    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(message))
    window = make_window()
    fifo = tmp_path / "book.json"
    os.mkfifo(fifo)

    def hang(signum: int, frame: object) -> None:
        raise TimeoutError("the window opened the pipe and waits on it")

    old = signal.signal(signal.SIGALRM, hang)
    signal.setitimer(signal.ITIMER_REAL, 5)
    try:
        window.import_contacts(fifo)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert errors and "a pipe" in errors[0] and "\n" not in errors[0]
    cards = tmp_path / "phone.vcf"
    os.mkfifo(cards)
    seen: dict[str, str] = {}

    def preview(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5_000)
        seen["error"] = dialog.error.text()
        dialog.reject()

    drive.append(preview)
    window.import_contacts(cards)
    assert "a pipe" in seen["error"]
