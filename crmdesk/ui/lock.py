"""The window lock: after some idle time, or on Ctrl+Shift+L, every window of crmdesk stops
showing client data until the person signed in (or, in a book without accounts, whoever
knows the book's passphrase) unlocks it. Nothing is closed: unsaved edits stay as they were."""

from __future__ import annotations

import contextlib
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from crmdesk.i18n import Translatable
from crmdesk.services import access, settings
from crmdesk.store.db import DB_ERRORS

if TYPE_CHECKING:
    from crmdesk.ui.main_window import MainWindow

DEFAULT_MINUTES = 10
SETTING = "lock_after_minutes"
# Keys (and shortcuts), the mouse, the wheel, touch. Told apart by the event's class, which
# PySide6 gives for free: event.type() builds a Python enum, ~3 µs on every event of the
# application (thousands while a window is built or repainted).
_INPUT = (QKeyEvent, QMouseEvent, QWheelEvent, QTouchEvent)


def idle_minutes() -> int:
    """Minutes without keyboard or mouse before the window locks itself (0: never)."""
    try:
        return max(0, int(settings.get(SETTING, str(DEFAULT_MINUTES))))
    except ValueError:
        return DEFAULT_MINUTES


def set_idle_minutes(minutes: int) -> None:
    access.require("settings")
    if not 0 <= minutes <= 24 * 60:
        raise ValueError("Between 0 (never) and 1,440 minutes.")
    settings.put(SETTING, str(minutes))


class WindowLock(Translatable, QObject):
    locked_changed = Signal(bool)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.locked = False
        self.idle_ms = idle_minutes() * 60_000
        self.last_input = time.monotonic()
        self.dialog: Any = None
        self._covers: list[tuple[QWidget, QWidget, str]] = []
        self._enabled: dict[str, bool] = {}
        self._title = ""
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check_idle)
        self._arm()
        self._watching = False

    def watch_input(self) -> None:
        """Start watching the keyboard and mouse (once; the window calls this when the book's
        data is in, after its first paint). The watch is an event filter on the whole
        application, which every event of it passes through Python, and the first of each
        kind of event costs PySide6 its Python class: not before the window has shown
        itself. (The idle time counts from the window's start until then.)"""
        app = QApplication.instance()
        if app is not None and not self._watching:
            self._watching = True
            app.installEventFilter(self)

    def _arm(self) -> None:
        if self.idle_ms > 0:
            self.timer.start(max(50, min(15_000, self.idle_ms // 4)))
        else:
            self.timer.stop()

    def set_idle_ms(self, idle_ms: int) -> None:
        self.idle_ms = idle_ms
        self.last_input = time.monotonic()
        self._arm()

    def reload_setting(self) -> None:
        with contextlib.suppress(*DB_ERRORS):
            self.set_idle_ms(idle_minutes() * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if isinstance(event, _INPUT):
            self.last_input = time.monotonic()
        return False

    def check_idle(self) -> None:
        if not self.locked and self.idle_ms > 0 and \
                (time.monotonic() - self.last_input) * 1000 >= self.idle_ms:
            self.lock()

    # --- locking ----------------------------------------------------------------------------
    def lock(self) -> None:
        from crmdesk.ui.dialogs.sign_in import LockDialog

        if self.locked:
            return
        self.locked = True
        window = self.window
        self._title = window.windowTitle()
        window.setWindowTitle(self.tr("crmdesk — locked"))
        window.central_stack.setCurrentWidget(window.lock_page)
        window.menuBar().setEnabled(False)
        window.toolbar.setEnabled(False)
        window.statusBar().clearMessage()
        self._enabled = {name: a.isEnabled() for name, a in window.actions.items()}
        for name, action in window.actions.items():
            action.setEnabled(name == "quit")
        for widget in QApplication.topLevelWidgets():
            if widget is window or not widget.isVisible() or isinstance(widget, LockDialog) \
                    or widget.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup):
                continue
            cover = QWidget(widget)
            cover.setAutoFillBackground(True)
            cover.setGeometry(widget.rect())
            cover.show()
            cover.raise_()
            self._covers.append((widget, cover, widget.windowTitle()))
            widget.setWindowTitle(self.tr("crmdesk — locked"))
        me = access.current()
        passphrase = window.book.passphrase
        if me.signed_in:
            hint = self.tr("Type {name}'s password or PIN to go on.").format(name=me.name)
        elif passphrase is not None:
            hint = self.tr("Type the book's passphrase to go on.")
        else:
            hint = self.tr("This book has no passphrase and no staff passwords, so anyone at "
                           "this computer can unlock it: set a password under Settings ▸ Staff "
                           "to protect it.")
        needs_secret = me.signed_in or passphrase is not None
        check = (lambda secret: access.unlock(secret, passphrase)) if needs_secret else None
        self.dialog = LockDialog(check, me.name, hint, window)
        self.dialog.accepted.connect(self.unlock)
        self.dialog.show()
        self.dialog.secret.setFocus()
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        if not self.locked:
            return
        window = self.window
        for widget, cover, title in self._covers:
            cover.deleteLater()
            widget.setWindowTitle(title)
        self._covers = []
        window.central_stack.setCurrentWidget(window.outer)
        window.menuBar().setEnabled(True)
        window.toolbar.setEnabled(True)
        for name, action in window.actions.items():
            action.setEnabled(self._enabled.get(name, True))
        window.setWindowTitle(self._title)
        self.locked = False
        self.last_input = time.monotonic()
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.locked_changed.emit(False)
        window.statusBar().showMessage(self.tr("Unlocked"), 3000)
