from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from crmdesk.store.book import Book
from crmdesk.ui.main_window import MainWindow
from tests.ui.translations import catalogue


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The English plural forms ("1 row", "2 rows"), installed as the app installs them."""
    with catalogue(tmp_path_factory.mktemp("catalogues"), "dialogs_en"):
        yield


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, book: Book, qsettings: QSettings, monkeypatch):  # type: ignore[no-untyped-def]
    """Build the real main window on the test's book. Unsaved-edit prompts answer Discard
    (so closing at teardown never blocks) unless the test asks for `answers`."""
    discard = QMessageBox.StandardButton.Discard
    if not hasattr(MainWindow.ask_unsaved, "_answering"):
        monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: discard)
        monkeypatch.setattr(MainWindow, "ask_discard", lambda self: discard)
        monkeypatch.setattr(MainWindow, "ask_save_refused", lambda self, reason: discard,
                            raising=False)

    def make(offer_demo: bool = False, page: str = "customers") -> MainWindow:
        """The window on the Customers page (or `page`: "today" is where the app starts)."""
        window = MainWindow(book, qsettings, offer_demo=offer_demo)
        if page == "customers":
            window.nav.setCurrentItem(window.nav_customers)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(lambda: not window.loading)  # the book's data, after the first paint
        return window

    return make


class Answers(list[str]):
    """The prompts asked so far; `queue` holds the answers to give (then Cancel)."""

    def __init__(self) -> None:
        super().__init__()
        self.queue: list[QMessageBox.StandardButton] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[Answers]:
    """Record the unsaved-changes prompts and answer them from a queue (default Cancel);
    a save refused on the way out is recorded as "refused: <reason>"."""
    asked = Answers()
    queue = asked.queue

    def ask_unsaved(self: MainWindow) -> QMessageBox.StandardButton:
        asked.append("unsaved")
        return queue.pop(0) if queue else QMessageBox.StandardButton.Cancel

    ask_unsaved._answering = True  # type: ignore[attr-defined]

    def ask_discard(self: MainWindow) -> QMessageBox.StandardButton:
        asked.append("discard")
        return queue.pop(0) if queue else QMessageBox.StandardButton.Cancel

    def ask_save_refused(self: MainWindow, reason: str) -> QMessageBox.StandardButton:
        asked.append(f"refused: {reason}")
        return queue.pop(0) if queue else QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(MainWindow, "ask_unsaved", ask_unsaved)
    monkeypatch.setattr(MainWindow, "ask_discard", ask_discard)
    monkeypatch.setattr(MainWindow, "ask_save_refused", ask_save_refused, raising=False)
    yield asked


@pytest.fixture
def drive(monkeypatch: pytest.MonkeyPatch, qtbot):  # type: ignore[no-untyped-def]
    """Replace the modal exec() of the window's dialogs: each dialog is shown and handed to
    the next queued driver function, which works it with keys; the result is what the
    dialog ended with."""
    from PySide6.QtWidgets import QDialog

    drivers: list = []

    def run_dialog(self: MainWindow, dialog: QDialog) -> bool:
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        drivers.pop(0)(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(MainWindow, "run_dialog", run_dialog)
    return drivers


def open_profile(qtbot, window: MainWindow, cid: int) -> None:  # type: ignore[no-untyped-def]
    """Select the customer in the list and open the profile with Enter, as a person would."""
    view = window.customers
    assert view.select_id(cid)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.profile.customer_id == cid
