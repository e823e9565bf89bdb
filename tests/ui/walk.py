"""Walk the window as a tester would: every page, and every dialog an action opens.

`open_every_dialog(window, qtbot)` triggers each action of the window (not Quit, Lock or
Sign In as Someone Else) with a customer selected, and answers every dialog it opens by
rejecting it after `inspect(dialog)` has looked at it. Modal dialogs shown by Qt's static
functions (message boxes, file and input dialogs) are caught by a timer, dialogs run
through `MainWindow.run_dialog` and those opened with `open()`/`show()` directly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

SKIP = {"quit", "lock", "switch_user", "open_demo", "new_book", "open_book"}
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
            QTextEdit, QPlainTextEdit)


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says for `widget` (Qt's own accessibility interface: the
    accessible name, a button's text, a buddy label's text)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return (iface.text(QAccessible.Text.Name) if iface is not None else "").strip()


def unnamed_controls(root: QWidget) -> list[str]:
    """The visible controls under `root` that a screen reader cannot name."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or \
                isinstance(widget, QScrollBar | QTabBar | QHeaderView):
            continue
        if not widget.isVisibleTo(root) or widget.parent() is None:
            continue
        name = type(widget).__name__
        if name in ("QLineEdit",) and isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue  # the line edit inside a combo box or spin box: named by its owner
        if type(widget).__name__ in ("QToolButton",) and widget.objectName().startswith("qt_"):
            continue  # Qt's own scroll/tab buttons
        if not accessible_name(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName() or ''} "
                           f"in {type(widget.window()).__name__}: "
                           f"{getattr(widget, 'toolTip', lambda: '')()[:40]!r}")
    return missing


def _dialog_classes() -> list[type]:
    """The crmdesk dialog classes (their exec() is replaced during the walk)."""
    import importlib
    import pkgutil

    import crmdesk.ui.dialogs as package

    found: list[type] = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, QDialog) and \
                    value.__module__ == module.__name__:
                found.append(value)
    return found


def open_every_dialog(window: Any, qtbot: Any, monkeypatch: Any,
                      inspect: Callable[[str, QDialog], None],
                      prepare: Callable[[], None] = lambda: None) -> list[str]:
    """Trigger every action; `inspect(action_name, dialog)` for each dialog it opens.
    Returns the names of the actions that opened a dialog."""
    seen: set[int] = set()
    kept: list[QDialog] = []  # alive, so that no id() is reused by a later dialog
    opened: list[str] = []
    current = {"name": ""}

    def look(dialog: QDialog) -> None:
        if id(dialog) in seen:
            return
        seen.add(id(dialog))
        kept.append(dialog)
        opened.append(current["name"])
        qtbot.waitExposed(dialog)
        inspect(current["name"], dialog)

    def exec_(dialog: QDialog) -> int:  # the window's own run_dialog runs, up to exec()
        dialog.show()
        look(dialog)
        dialog.reject()
        return int(QDialog.DialogCode.Rejected)

    for cls in _dialog_classes():
        monkeypatch.setattr(cls, "exec", exec_, raising=False)

    def close_modals() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget.isModal():
                look(widget)
                widget.reject()

    timer = QTimer()
    timer.setInterval(30)
    timer.timeout.connect(close_modals)
    timer.start()
    try:
        for name, action in list(window.actions.items()):
            if name in SKIP or not action.isEnabled():
                continue
            current["name"] = name
            prepare()
            before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
            action.trigger()
            qtbot.wait(10)
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QDialog) and widget.isVisible() and \
                        (id(widget) not in before or name in ("help", "shortcuts")):
                    look(widget)
                    widget.close()
            qtbot.wait(5)
    finally:
        timer.stop()
    return opened
