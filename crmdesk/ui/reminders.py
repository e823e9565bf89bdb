"""Reminders in the window: a banner with Open / Snooze / Done above the pages, and a
desktop notification through the system tray where the platform has one.

The rules (whose promises, when, once each, snoozes) are in services/reminders.py; this
module asks it every half minute with an injectable clock, and at start-up, when it also
reports what was missed since the last run. While the window is locked nothing is shown
(a notification would show client data); what came due is shown after unlocking.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QWidget,
)

from crmdesk.i18n import Translatable
from crmdesk.services import reminders
from crmdesk.services.reminders import Reminder
from crmdesk.store.db import DB_ERRORS
from crmdesk.store.models import utcnow
from crmdesk.ui import when

CHECK_EVERY_MS = 30_000


class ReminderBanner(Translatable, QFrame):
    """One reminder at a time, with how many more are waiting."""

    open_requested = Signal(object)  # Reminder
    snooze_requested = Signal(object)
    done_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setStyleSheet("QFrame#reminderBanner { border: 1px solid palette(highlight); "
                           "border-radius: 4px; background: palette(alternate-base); }")
        self.setAccessibleName(self.tr("Reminder"))
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.more = QLabel()
        self.more.setEnabled(False)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the client's summary"))
        self.snooze_button = QPushButton(self.tr("Snooze {SNOOZE_MINUTES} min")
                                         .format(SNOOZE_MINUTES=reminders.SNOOZE_MINUTES))
        self.snooze_button.setToolTip(self.tr("Remind me again in a few minutes"))
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setToolTip(self.tr("The promise is kept: mark it done (Ctrl+Z undoes)"))
        self.dismiss_button = QPushButton(self.tr("Later"))
        self.dismiss_button.setToolTip(self.tr("Hide this reminder (the promise stays in My day)"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(20, 20))
        row.addWidget(icon)
        row.addWidget(self.text, 1)
        row.addWidget(self.more)
        for button in (self.open_button, self.snooze_button, self.done_button,
                       self.dismiss_button):
            row.addWidget(button)
        self.queue: list[Reminder] = []
        self.clock: Callable[[], dt.datetime] = utcnow
        self.open_button.clicked.connect(lambda: self._act(self.open_requested))
        self.snooze_button.clicked.connect(lambda: self._act(self.snooze_requested))
        self.done_button.clicked.connect(lambda: self._act(self.done_requested))
        self.dismiss_button.clicked.connect(self._next)
        self.hide()

    @property
    def current(self) -> Reminder | None:
        return self.queue[0] if self.queue else None

    def add(self, items: list[Reminder]) -> None:
        known = {r.follow_up_id for r in self.queue}
        self.queue += [r for r in items if r.follow_up_id not in known]
        self._show()

    def drop(self, fid: int) -> None:
        self.queue = [r for r in self.queue if r.follow_up_id != fid]
        self._show()

    def _act(self, signal: Signal) -> None:
        reminder = self.current
        if reminder is not None:
            self._next()
            signal.emit(reminder)  # type: ignore[attr-defined]

    def _next(self) -> None:
        if self.queue:
            self.queue.pop(0)
        self._show()

    def headline(self, reminder: Reminder) -> str:
        """What the reminder says, in the interface language (services' headline in English)."""
        due = reminder.due_at
        if reminder.kind == "soon":
            minutes = max(0, round((due - self.clock()).total_seconds() / 60))
            text = self.tr("Promise due in {minutes} min ({time}): {what} — {customer}").format(
                minutes=minutes, time=when.time_text(due), what=reminder.what,
                customer=reminder.customer_name)
        elif reminder.kind == "missed":
            text = self.tr("Missed while crmdesk was closed, due {when}: {what} — {customer}")\
                .format(when=when.stamp(due), what=reminder.what,
                        customer=reminder.customer_name)
        else:
            text = self.tr("Promise overdue since {time}: {what} — {customer}").format(
                time=when.time_text(due), what=reminder.what, customer=reminder.customer_name)
        return text

    def _show(self) -> None:
        reminder = self.current
        if reminder is None:
            self.hide()
            return
        self.text.setText(self.headline(reminder))
        self.more.setText(self.tr("+{value} more")
                          .format(value=len(self.queue) - 1) if len(self.queue) > 1 else "")
        self.show()


class ReminderCenter(QObject):
    """Keeps the schedule while the window runs."""

    def __init__(self, window, banner: ReminderBanner,  # type: ignore[no-untyped-def]
                 qsettings: QSettings, clock: Callable[[], dt.datetime] = utcnow):
        super().__init__(window)
        self.window = window
        self.banner = banner
        self.qsettings = qsettings
        self.clock = clock
        banner.clock = lambda: self.clock()
        self.schedule = reminders.Schedule()
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.held: list[Reminder] = []
        self.notified: list[str] = []  # what went to the desktop (tests read it)

    # --- settings -------------------------------------------------------------------------
    def lead_minutes(self) -> int:
        try:
            value = int(str(self.qsettings.value("reminders/lead_minutes",
                                                 reminders.DEFAULT_LEAD_MINUTES)))
        except ValueError:
            value = reminders.DEFAULT_LEAD_MINUTES
        return max(0, min(value, 24 * 60))

    def set_lead_minutes(self, minutes: int) -> None:
        self.qsettings.setValue("reminders/lead_minutes", int(minutes))
        self.schedule.lead_minutes = self.lead_minutes()

    def _key(self) -> str:
        return "reminders/last_check/" + str(self.window.book.path).replace("/", "|")

    # --- running --------------------------------------------------------------------------
    def start(self, staff_id: int | None) -> None:
        """A book opened (or someone else works now): a new schedule, missed ones first."""
        last = self.qsettings.value(self._key())
        when = None
        if last:
            try:
                when = dt.datetime.fromisoformat(str(last))
            except ValueError:
                when = None
        self.schedule = reminders.Schedule(staff_id, self.lead_minutes(), when)
        self.banner.queue.clear()
        self.banner.hide()
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        now = self.clock()
        try:
            found = self.schedule.check(now)
        except DB_ERRORS:
            return  # the book is busy: try again at the next tick
        self.qsettings.setValue(self._key(), now.isoformat())
        lock = getattr(self.window, "window_lock", None)
        if lock is not None and lock.locked:
            self.held += found
            return
        self._present(found)

    def unlocked(self) -> None:
        held, self.held = self.held, []
        self._present(held)

    def _present(self, found: list[Reminder]) -> None:
        if not found:
            return
        self.banner.add(found)
        now = self.clock()
        title = (f"{len(found)} promises need you" if len(found) > 1 else
                 "A promise needs you")
        body = "\n".join(r.headline(now) for r in found[:5])
        self.notified.append(body)
        tray = self._tray()
        if tray is not None:
            tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 15_000)

    def _tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable() or not \
                QSystemTrayIcon.supportsMessages():
            return None  # offscreen, or a desktop without a tray: the banner is enough
        if self.tray is None:
            self.tray = QSystemTrayIcon(self.window.windowIcon() or QIcon(), self)
            self.tray.setToolTip("crmdesk")
            self.tray.messageClicked.connect(self._tray_clicked)
            self.tray.show()
        return self.tray

    def _tray_clicked(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def snooze(self, reminder: Reminder) -> dt.datetime:
        return self.schedule.snooze(reminder, self.clock())


def install(window) -> ReminderCenter:  # type: ignore[no-untyped-def]
    """Put the banner above the pages of the main window, connect it, add Settings ▸
    Reminders…; the window starts the schedule when a book is loaded (`start`)."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QInputDialog, QVBoxLayout

    banner = ReminderBanner()
    holder = QWidget()
    index = window.outer.indexOf(window.pages)
    sizes = window.outer.sizes()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(banner)
    layout.addWidget(window.pages, 1)  # (reparenting takes it out of the splitter)
    window.outer.insertWidget(index, holder)
    window.outer.setStretchFactor(index, 1)
    window.outer.setSizes(sizes)
    center = ReminderCenter(window, banner, window.qsettings)

    def done(reminder: Reminder) -> None:
        window.follow_up_done(reminder.follow_up_id)

    def snooze(reminder: Reminder) -> None:
        until = center.snooze(reminder)
        window.statusBar().showMessage(
            QCoreApplication.translate("Reminders", "Snoozed: {what} — reminded again at "
                                                    "{value:%H:%M}")
            .format(what=reminder.what, value=until.astimezone()), 5000)

    def changed(_ids: list[int]) -> None:
        for queued in list(banner.queue):
            if not reminders.still_open(queued.follow_up_id):
                banner.drop(queued.follow_up_id)  # done elsewhere: no stale reminder

    def lead() -> None:
        minutes, ok = QInputDialog.getInt(
            window,
            QCoreApplication.translate("Reminders", "Reminders"),
            QCoreApplication.translate(
                "Reminders",
                "Remind me of a promise this many minutes before it is "
                "due (0: only when it is due):",
            ),
            center.lead_minutes(),
            0,
            24 * 60,
        )
        if ok:
            center.set_lead_minutes(minutes)
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Reminders", "Reminders {minutes} minutes before a promise is due"
                ).format(minutes=minutes),
                4000,
            )

    banner.open_requested.connect(lambda r: window.show_customer(r.customer_id))
    banner.done_requested.connect(done)
    banner.snooze_requested.connect(snooze)
    window.hub.interactions_changed.connect(changed)
    action = QAction(QCoreApplication.translate("Reminders", "R&eminders…"), window)
    action.setToolTip(
        QCoreApplication.translate(
            "Reminders", "How many minutes before a promise is due to remind you"
        )
    )
    action.triggered.connect(lead)
    for menu_action in window.menuBar().actions():
        if menu_action.menu() is not None and menu_action.menu().objectName() == "Settings":
            menu_action.menu().addAction(action)
    window.reminders_action = action
    return center
