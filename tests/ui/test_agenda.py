"""The agenda page: ranges, drag to another day to reschedule (as events: QTest cannot start
a real drag), undo, double-click opens the client."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from crmdesk.services import interactions, schedule
from crmdesk.services.interactions import FollowUpData
from crmdesk.store.db import db
from crmdesk.store.models import utcnow
from tests.conftest import add


def _drop(source, row: int, target) -> None:  # type: ignore[no-untyped-def]
    mime = source.mimeData([source.item(row)])
    viewport = target.viewport()
    pos = QPoint(10, 10)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(pos, Qt.DropAction.MoveAction, mime, buttons,
                                                mods))


def _due(fid: int) -> dt.datetime:
    return interactions.load_follow_up(fid).due_at


def test_drag_to_another_day_reschedules_and_undo_puts_it_back(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Dolores", "Peña")
    today = dt.date.today()
    week = schedule.span("next_week", today)
    monday = week.first
    at = dt.datetime(monday.year, monday.month, monday.day, 11, 15).astimezone()
    fid = interactions.add_follow_up(FollowUpData(cid, "Send the loan offer", at, True))
    window = make_window()
    window.nav.setCurrentItem(window.nav_agenda)
    view = window.agenda
    assert window.pages.currentWidget() is view
    view.set_range("next_week")
    source = view.lists[monday]
    assert source.count() == 1 and "★ Send the loan offer — Dolores Peña" in \
        source.item(0).text()
    assert source.item(0).text().startswith("11:15")
    thursday = monday + dt.timedelta(days=3)
    _drop(source, 0, view.lists[thursday])
    moved = _due(fid).astimezone()
    assert moved.date() == thursday and (moved.hour, moved.minute) == (11, 15)
    assert view.lists[thursday].count() == 1 and view.lists[monday].count() == 0
    assert "Moved “Send the loan offer”" in window.statusBar().currentMessage()
    assert db.execute_sql("SELECT count(*) FROM audit_entry WHERE detail LIKE "
                          "'%rescheduled%'").fetchone() == (1,)
    window.undo()
    assert _due(fid).astimezone().date() == monday
    assert view.lists[monday].count() == 1
    window.redo()
    assert _due(fid).astimezone().date() == thursday
    # Nothing can be dropped into the overdue list, and a foreign drop is refused.
    view.set_range("month")
    assert len(view.lists) % 7 == 0 and None not in view.lists
    # Double-click opens the client's summary.
    item = view.lists[thursday].item(0)
    view.lists[thursday].itemActivated.emit(item)
    assert window.profile.customer_id == cid


def test_today_shows_the_overdue_ones_apart(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Ruiz")
    late = interactions.add_follow_up(FollowUpData(cid, "Late one", utcnow() -
                                                   dt.timedelta(days=2)))
    window = make_window()
    window.nav.setCurrentItem(window.nav_agenda)
    view = window.agenda
    view.set_range("today")
    assert view.lists[None].count() == 1 and view.lists[None].item(0).text().find(
        "Late one") > 0
    assert not view.lists[None].acceptDrops()
    _drop(view.lists[None], 0, view.lists[dt.date.today()])
    assert _due(late).astimezone().date() == dt.date.today()
    assert None not in view.lists  # nothing overdue now


def test_the_range_and_whose_day_are_kept_in_the_settings(qtbot, book, make_window,
                                                          qsettings) -> None:  # type: ignore[no-untyped-def]
    qsettings.setValue("myday/scope", "unassigned")
    window = make_window(page="today")
    assert window.today.current_scope() == "unassigned"
    window.agenda.set_range("month")
    window.today.set_scope("team")
    assert qsettings.value("agenda/range") == "month"
    assert qsettings.value("myday/scope") == "team"
