"""Dialog sizes that fit small screens (a 1024x600 netbook) as well as large ones."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to `width` x `height`, at most 90 % of the screen's available area."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    from crmdesk.ui import screen_fit

    area = screen_fit.available(widget)
    room = screen_fit.largest_client_size(widget)
    widget.resize(min(width, int(area.width() * 0.9), room.width()),
                  min(height, int(area.height() * 0.9), room.height()))
