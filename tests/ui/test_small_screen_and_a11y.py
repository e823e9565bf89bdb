"""Issue 20: every page and every dialog fits a 1024 × 600 screen, and every control has a
name a screen reader can say. The walk triggers every action of the window (tests/ui/walk.py)
and looks at each dialog it opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QDialog

from crmdesk.ui import screen_fit
from crmdesk.ui.main_window import MainWindow
from tests.conftest import add
from tests.ui.walk import open_every_dialog, unnamed_controls

SMALL = QRect(0, 0, 1024, 600)
ROOM = QSize(SMALL.width() - screen_fit.FRAME_ALLOWANCE.width(),
             SMALL.height() - screen_fit.FRAME_ALLOWANCE.height())


@pytest.fixture
def small_screen(monkeypatch: pytest.MonkeyPatch) -> QRect:
    monkeypatch.setattr(MainWindow, "available_geometry", lambda self: QRect(SMALL))
    monkeypatch.setattr(screen_fit, "available", lambda widget=None: QRect(SMALL))
    return SMALL


def _fits(size: QSize) -> bool:
    return size.width() <= ROOM.width() and size.height() <= ROOM.height()


def _pages(window: MainWindow) -> list:  # type: ignore[type-arg]
    items = []
    for i in range(window.nav.topLevelItemCount()):
        items.append(window.nav.topLevelItem(i))
    return items


def _book(tmp_path: Path) -> int:
    cid = add("Lola", "Peña", emails=("lola@example.es",), phones=("+34 612 345 678",),
              region="ES")
    add("Ana", "Ruiz", emails=("ana@example.com",))
    return cid


def test_every_dialog_fits_a_small_screen_and_names_its_controls(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch, small_screen, tmp_path) -> None:
    cid = _book(tmp_path)
    window = make_window()
    window.refresh()
    too_big: list[str] = []
    unnamed: list[str] = []
    seen: list[str] = []

    def inspect(action: str, dialog: QDialog) -> None:
        seen.append(type(dialog).__name__)
        least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize()) \
            if dialog.minimumSize().isEmpty() else dialog.minimumSize()
        hint = dialog.minimumSizeHint()
        for what, size in (("minimum size", least), ("layout minimum", hint),
                           ("size", dialog.size())):
            if not _fits(size):
                too_big.append(f"{action}: {type(dialog).__name__} {what} "
                               f"{size.width()}×{size.height()}")
        unnamed.extend(f"{action}: {u}" for u in unnamed_controls(dialog))

    def prepare() -> None:
        window.nav.setCurrentItem(window.nav_customers)
        window.customers.select_id(cid)
        if window.profile.customer_id != cid:
            window._show_customer(cid)

    opened = open_every_dialog(window, qtbot, monkeypatch, inspect, prepare)
    for wanted in ("LogInteractionDialog", "FollowUpDialog", "StaffDialog", "QuickCaptureDialog",
                   "ComposerDialog", "TemplateLibraryDialog", "LoyaltyProgrammeDialog",
                   "AuditDialog", "DuplicatesDialog", "HelpWindow", "AboutDialog"):
        assert wanted in seen, (wanted, opened)
    assert not too_big, too_big
    assert not unnamed, unnamed


def test_the_import_button_is_reachable_on_a_small_screen(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch, small_screen, tmp_path) -> None:
    columns = [f"Custom field {i}" for i in range(40)]
    csv = tmp_path / "outlook.csv"
    csv.write_text(",".join(["First Name", "Last Name", "E-mail Address", *columns]) + "\n"
                   + "\n".join(f"Name{i},Family{i},n{i}@example.com," + ",".join(["x"] * 40)
                               for i in range(30)) + "\n", encoding="utf-8")
    window = make_window()
    looked: list[QDialog] = []

    def exec_(dialog: QDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
        looked.append(dialog)
        return int(QDialog.DialogCode.Rejected)

    from crmdesk.ui.dialogs.import_dialog import ImportDialog

    monkeypatch.setattr(ImportDialog, "exec", exec_)
    window.import_contacts(csv)
    dialog = looked[0]
    assert _fits(dialog.size()), dialog.size()
    assert _fits(dialog.minimumSizeHint()), dialog.minimumSizeHint()
    button = dialog.import_button
    corner = button.mapTo(dialog, button.rect().bottomRight())
    assert dialog.rect().contains(corner), (corner, dialog.size())
    assert button.isVisible() and button.width() >= button.minimumSizeHint().width()
    dialog.reject()


def test_every_page_fits_a_small_screen_and_names_its_controls(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, small_screen, tmp_path) -> None:
    cid = _book(tmp_path)
    window = make_window(page="today")
    assert SMALL.contains(window.frameGeometry()), window.frameGeometry()
    assert _fits(window.minimumSizeHint()), window.minimumSizeHint()
    problems: list[str] = []
    for item in _pages(window):
        if item.isDisabled():
            continue
        window.nav.setCurrentItem(item)
        qtbot.wait(20)
        if window.pages.currentWidget() is window.splitter:
            window.customers.select_id(cid)
            for tab in range(window.detail_tabs.count()):
                window.detail_tabs.setCurrentIndex(tab)
                qtbot.wait(5)
                problems.extend(f"{item.text(0)} / {window.detail_tabs.tabText(tab)}: {u}"
                                for u in unnamed_controls(window))
        problems.extend(f"{item.text(0)}: {u}" for u in unnamed_controls(window))
        assert _fits(window.minimumSizeHint()), (item.text(0), window.minimumSizeHint())
    assert not sorted(set(problems)), sorted(set(problems))


def test_the_keyboard_reaches_every_part_and_the_focus_shows(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, tmp_path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from crmdesk.ui import theme

    cid = _book(tmp_path)
    window = make_window()
    window.customers.select_id(cid)
    window.nav.setFocus()
    reached = []
    for _ in range(80):
        if QApplication.focusWidget() is None:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    for wanted in (window.nav, window.customers.search, window.customers.table,
                   window.customers.stage, window.detail_tabs.tabBar()):
        assert wanted in reached, wanted
    assert window.nav in reached[reached.index(window.customers.table):]  # Tab goes round
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "light")
    try:
        from PySide6.QtGui import QColor

        search = window.customers.search

        def edge() -> set[str]:
            image = search.grab().toImage()
            return {image.pixelColor(x, image.height() // 2).name() for x in range(3)}

        window.customers.table.setFocus()
        qtbot.waitUntil(lambda: not search.hasFocus())
        unfocused = edge()
        search.setFocus()
        qtbot.waitUntil(search.hasFocus)
        # A visible focus ring: the style's (no application style sheet, see theme.dress),
        # in a colour the unfocused field does not show, at 3:1 or more against the field
        # (WCAG 2 non-text contrast).
        ring = edge() - unfocused
        base = theme.colour("base")
        assert any(theme.contrast(QColor(c), base) >= 3 for c in ring), (ring, unfocused)
    finally:
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())
