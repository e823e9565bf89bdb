"""Reminders in the window: the banner (offscreen has no system tray), Open, Snooze, Done,
missed ones at start-up; the clock is injected, never waited for."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon

from crmdesk.services import interactions
from crmdesk.services.interactions import FollowUpData
from crmdesk.store.db import db
from crmdesk.store.models import utcnow
from tests.conftest import add


class Clock:
    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> dt.datetime:
        return self.now


def test_a_promise_due_soon_is_announced_and_done_from_the_banner(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Dolores", "Peña")
    window = make_window()
    center, banner = window.reminder_center, window.reminder_center.banner
    assert not QSystemTrayIcon.isSystemTrayAvailable() and center.tray is None
    clock = Clock()
    center.clock = clock
    center.start(None)
    assert not banner.isVisible()
    fid = interactions.add_follow_up(FollowUpData(
        cid, "Send the loan offer", clock.now + dt.timedelta(minutes=12), True))
    center.check()
    assert banner.isVisible()
    assert banner.text.text().startswith("Promise due in 12 min")
    assert "Send the loan offer — Dolores Peña" in banner.text.text()
    assert center.notified and "Send the loan offer" in center.notified[-1]
    qtbot.mouseClick(banner.done_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert db.execute_sql("SELECT status FROM follow_up WHERE id = ?", (fid,)).fetchone() == \
        ("done",)
    assert "Done: Send the loan offer" in window.statusBar().currentMessage()
    clock.now += dt.timedelta(minutes=20)  # it would be overdue now, but it is done
    center.check()
    assert not banner.isVisible()
    window.undo()  # undone: open again (My day lists it; it came due while done)
    assert db.execute_sql("SELECT status FROM follow_up WHERE id = ?", (fid,)).fetchone() == \
        ("open",)


def test_snooze_open_and_missed_at_start_up(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Ruiz")
    clock = Clock()
    fid = interactions.add_follow_up(FollowUpData(
        cid, "Call about the mortgage", clock.now - dt.timedelta(hours=1), True))
    window = make_window()
    center, banner = window.reminder_center, window.reminder_center.banner
    center.clock = clock
    window.qsettings.setValue(center._key(), (clock.now - dt.timedelta(hours=3)).isoformat())
    center.start(None)  # as when the book opens
    assert banner.isVisible() and banner.text.text().startswith("Missed while crmdesk")
    qtbot.mouseClick(banner.snooze_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible() and "Snoozed" in window.statusBar().currentMessage()
    clock.now += dt.timedelta(minutes=4)
    center.check()
    assert not banner.isVisible()
    clock.now += dt.timedelta(minutes=7)
    center.check()
    assert banner.isVisible()
    qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    assert window.profile.customer_id == cid
    assert window.detail_tabs.currentWidget() is window.summary_view
    assert db.execute_sql("SELECT status FROM follow_up WHERE id = ?", (fid,)).fetchone() == \
        ("open",)


def test_nothing_is_shown_while_locked(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Ruiz")
    window = make_window()
    center, banner = window.reminder_center, window.reminder_center.banner
    clock = Clock()
    center.clock = clock
    center.start(None)
    window.lock_window()
    interactions.add_follow_up(FollowUpData(cid, "Private promise",
                                            clock.now + dt.timedelta(minutes=5), True))
    center.check()
    assert center.notified == [] and not banner.queue
    window.window_lock.unlock()
    assert banner.queue and "Private promise" in banner.text.text()
