"""Scrolling a profile with the mouse wheel never edits it (issue item 6): only a focused
combo, date or spin box takes the wheel; otherwise the page scrolls. The unsaved-changes
prompt says what changed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QMessageBox, QScrollArea, QWidget

from crmdesk.ui.main_window import MainWindow
from tests.conftest import add

REAL_ASK_UNSAVED = MainWindow.ask_unsaved  # the fixture replaces it on the class


def wheel(widget: QWidget, notches: int = -1) -> None:
    """One turn of the wheel with the pointer over `widget` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre)), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QCoreApplication.sendEvent(widget, event)


def _profile(qtbot, make_window):  # type: ignore[no-untyped-def]
    cid = add("Ana", "Alba", stage="retention", consents={"email": dt.date(2026, 3, 1)})
    window = make_window()
    window.resize(1000, 600)
    window._show_customer(cid)
    profile = window.profile
    window.edit_section("person")  # the form (the summary is read-only)
    scroll = profile.findChild(QScrollArea)
    assert scroll.verticalScrollBar().maximum() > 0  # the form is taller than the pane
    profile.given.setFocus()
    return window, profile, scroll.verticalScrollBar()


def test_the_wheel_over_an_unfocused_combo_scrolls_the_profile(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window, profile, bar = _profile(qtbot, make_window)
    bar.setValue(bar.maximum() // 2)
    start = bar.value()
    wheel(profile.stage)
    assert profile.stage.currentData() == "retention"
    assert not profile.stage.hasFocus() and profile.given.hasFocus()
    assert bar.value() > start
    assert not profile.is_dirty()


def test_the_wheel_over_an_unfocused_date_scrolls_the_profile(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window, profile, bar = _profile(qtbot, make_window)
    when = profile.consent_dates["email"]
    bar.setValue(0)
    for _ in range(3):
        wheel(when.edit)
    assert when.date() == dt.date(2026, 3, 1)
    assert bar.value() > 0
    wheel(profile.salutation.lineEdit())  # an editable combo: the wheel reaches its line edit
    assert profile.salutation.currentText() == ""
    assert not profile.is_dirty()


def test_a_focused_field_still_takes_the_wheel(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window, profile, bar = _profile(qtbot, make_window)
    profile.stage.setFocus()
    assert profile.stage.hasFocus()
    before = profile.stage.currentIndex()
    wheel(profile.stage)
    assert profile.stage.currentIndex() != before
    assert profile.is_dirty()


def test_combos_and_dates_cannot_be_focused_by_the_wheel(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window, profile, _bar = _profile(qtbot, make_window)
    for widget in (profile.stage, profile.owner, profile.consent_dates["email"].edit,
                   window.user_combo):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus, widget.accessibleName()


def test_the_wheel_does_not_change_a_dialogs_fields(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.dialogs.interaction_dialogs import LogInteractionDialog

    cid = add("Ben", "Bravo")
    window = make_window()
    dialog = LogInteractionDialog(cid, "Ben Bravo", None, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    combos = [c for c in dialog.findChildren(QWidget)
              if c.inherits("QComboBox") or c.inherits("QAbstractSpinBox")]
    assert combos
    before = [c.currentIndex() if c.inherits("QComboBox") else c.text() for c in combos]
    for c in combos:
        if not c.hasFocus():
            wheel(c)
    after = [c.currentIndex() if c.inherits("QComboBox") else c.text() for c in combos]
    assert [a for a, b, c in zip(after, before, combos, strict=True) if not c.hasFocus()] == \
        [b for b, c in zip(before, combos, strict=True) if not c.hasFocus()]


def test_the_unsaved_changes_prompt_lists_what_changed(qtbot, book, make_window,  # type: ignore[no-untyped-def]
                                                       monkeypatch) -> None:
    window, profile, _bar = _profile(qtbot, make_window)
    profile.stage.setCurrentIndex(profile.stage.findData("reactivation"))
    profile.consent_dates["email"].set_date(dt.date(2020, 3, 1))
    profile.family.setText("Alba Ruiz")
    assert profile.changed_fields() == ["Family name", "Stage", "Consent date: E-mail"]
    asked: list[str] = []

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    assert REAL_ASK_UNSAVED(window) == QMessageBox.StandardButton.Cancel
    assert asked == ["Save your changes to Ana Alba Ruiz?\n\n"
                     "Changed: Family name, Stage, Consent date: E-mail."]
