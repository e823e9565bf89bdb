"""Scrolling never edits: only a focused field takes the mouse wheel.

Qt gives the wheel to whatever combo box, date or spin box is under the pointer, so scrolling
down a profile changed a stage, a consent date or a number as they slid past. One filter on
the application (installed by the main window, ~1.5 µs per event) makes every combo box and
spin box (dates and times are spin boxes) take the wheel only when it has the keyboard focus
(clicking or tabbing into it), and never gain focus from the wheel; otherwise the wheel
scrolls the page around it, as the person meant.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if isinstance(watched, GUARDED) and not watched.hasFocus():
                assert isinstance(event, QWheelEvent)
                scroll_page_instead(watched, event)
                return True
        elif kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            unwheel_focus(watched)
        return False


def unwheel_focus(widget: QWidget) -> None:
    """Tab and click still focus the field; the wheel does not."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def scroll_page_instead(widget: QWidget, event: QWheelEvent) -> None:
    """Hand the wheel to the nearest scroll area around `widget` (if any)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return
    delta = event.angleDelta()
    vertical = abs(delta.y()) >= abs(delta.x())
    bar = parent.verticalScrollBar() if vertical else parent.horizontalScrollBar()
    if bar is not None and bar.isVisible():
        QCoreApplication.sendEvent(bar, event)


_guard: WheelGuard | None = None


def install() -> None:
    """Guard the whole application (once; widgets already shown get StrongFocus now)."""
    global _guard
    app = QCoreApplication.instance()
    if app is None or _guard is not None:
        return
    _guard = WheelGuard(app)
    app.installEventFilter(_guard)
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.allWidgets():
        if isinstance(widget, GUARDED):
            unwheel_focus(widget)
