"""Windows and dialogs that fit the screen they open on, down to 1024 × 600.

- `fit_dialog(dialog, w, h)`: a preferred size, shrunk to the available screen.
- `scrollable(widget)`: the widget inside a frameless scroll area, for a form taller than
  a small screen (the buttons stay outside, always reachable).
- `keep_on_screen(dialog)`: shrink and move a shown dialog inside the available screen.

(No application-wide event filter: it would put Python on the path of every Qt event.)
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

#: The smallest screen crmdesk is made for; every dialog's minimum size fits it.
SMALL_SCREEN = QSize(1024, 600)
#: What a window frame and a desktop panel may take from it.
FRAME_ALLOWANCE = QSize(16, 64)


def available(widget: QWidget | None = None) -> QRect:
    screen = (widget.screen() if widget is not None else None) or \
        QGuiApplication.primaryScreen()
    if screen is None:
        return QRect(0, 0, SMALL_SCREEN.width(), SMALL_SCREEN.height())
    return screen.availableGeometry()


def largest_client_size(widget: QWidget | None = None) -> QSize:
    """The largest client area a window may have on the current screen (frame excluded)."""
    area = available(widget)
    return QSize(area.width() - FRAME_ALLOWANCE.width(), area.height() - FRAME_ALLOWANCE.height())


def fit_dialog(dialog: QWidget, width: int, height: int) -> None:
    """Resize `dialog` to width × height, or less where the screen is smaller."""
    room = largest_client_size(dialog)
    dialog.resize(min(width, room.width()), min(height, room.height()))


def reflow(root: QWidget, longer_than: int = 48) -> int:
    """Let every long one-line label under `root` wrap, so that a sentence does not set the
    width of its dialog (a 1,180 px Staff dialog). Returns how many labels now wrap."""
    from PySide6.QtWidgets import QLabel

    changed = 0
    for label in root.findChildren(QLabel):
        if label.wordWrap() or label.buddy() is not None or not label.pixmap().isNull():
            continue
        text = label.text()
        if len(text) > longer_than and " " in text and "<table" not in text:
            label.setWordWrap(True)
            changed += 1
    return changed


def prepare(dialog: QWidget) -> None:
    """Before a dialog is shown: long labels wrap, and neither its minimum nor its size is
    larger than the screen it opens on (its layout scrolls or squeezes lists instead)."""
    reflow(dialog)
    room = largest_client_size(dialog)
    least = dialog.minimumSize()
    if least.width() > room.width() or least.height() > room.height():
        dialog.setMinimumSize(least.boundedTo(room))
    size = dialog.size() if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized) \
        else dialog.sizeHint()
    if size.width() > room.width() or size.height() > room.height():
        dialog.resize(size.boundedTo(room))


def scrollable(content: QWidget) -> QScrollArea:
    """`content` in a scroll area that shows no frame and scrolls only when it must."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area


def keep_on_screen(dialog: QWidget) -> None:
    room = largest_client_size(dialog)
    least = dialog.minimumSize()
    if least.width() > room.width() or least.height() > room.height():
        dialog.setMinimumSize(min(least.width(), room.width()),
                              min(least.height(), room.height()))
    width, height = min(dialog.width(), room.width()), min(dialog.height(), room.height())
    if (width, height) != (dialog.width(), dialog.height()):
        dialog.resize(width, height)
    area = available(dialog)
    frame = dialog.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        dialog.move(x, y)
