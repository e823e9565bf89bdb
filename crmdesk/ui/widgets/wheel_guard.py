"""Scrolling never edits: only a focused field takes the mouse wheel.

Qt gives the wheel to whatever combo box, date or spin box is under the pointer, so scrolling
down a profile changed a stage, a consent date or a number as they slid past. Every combo box
and spin box (dates and times are spin boxes) takes the wheel only when it has the keyboard
focus (clicking or tabbing into it), and never gains focus from the wheel; otherwise the wheel
scrolls the page around it, as the person meant.

How: the application's style (a proxy of Fusion) is told of each widget as it is polished,
and fits each combo and spin box with a filter of its own. An event filter on the whole
application (as this was first written) ran Python for every event of every widget: it made
building the main window five times slower and every repaint slower.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QProxyStyle,
    QStyle,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Installed on each combo and spin box: a wheel over an unfocused one scrolls the page."""

    def eventFilter(self, watched: QObject, event: object) -> bool:  # noqa: N802 - Qt naming
        if isinstance(event, QWheelEvent) and isinstance(watched, GUARDED) \
                and not watched.hasFocus():
            scroll_page_instead(watched, event)
            return True
        return False


class GuardStyle(QProxyStyle):
    """The application's style, guarding each combo and spin box it polishes (and giving
    error labels and invalid fields the theme's error look, see theme.dress)."""

    def polish(self, target: object) -> None:  # type: ignore[override]
        super().polish(target)  # type: ignore[arg-type]
        if isinstance(target, GUARDED):
            guard(target)
        elif isinstance(target, QWidget):
            from crmdesk.ui.theme import dress_label

            dress_label(target)  # the theme's error colour (no application style sheet)


def guard(widget: QWidget) -> None:
    """Fit `widget` (a combo or spin box) with the guard (once)."""
    if widget.property("crmdeskWheelGuard"):
        return
    widget.setProperty("crmdeskWheelGuard", True)
    unwheel_focus(widget)
    if _guard is not None:
        widget.installEventFilter(_guard)


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
_styles: list[QStyle] = []  # kept alive with the application that owns them


def guarded_style(key: str = "Fusion") -> QStyle:
    """The style `key` (what the theme sets) guarding combo and spin boxes."""
    global _guard
    if _guard is None:
        _guard = WheelGuard()
    style = GuardStyle(key)
    _styles.append(style)
    return style


def install() -> None:
    """Guard the whole application: its style becomes a guarding proxy of the style it has
    (once; widgets that exist already are guarded now)."""
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication) or style_guards():
        return
    app.setStyle(guarded_style(app.style().name() if app.styleSheet() == "" else "Fusion"))
    for widget in QApplication.allWidgets():
        if isinstance(widget, GUARDED):
            guard(widget)


def style_guards() -> bool:
    """Whether the application's style guards the combo boxes it polishes (a style sheet
    hides which style is underneath: a probe tells)."""
    probe = QComboBox()
    probe.ensurePolished()
    guarded = bool(probe.property("crmdeskWheelGuard"))
    probe.deleteLater()
    return guarded
