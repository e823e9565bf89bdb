"""Right-click menus: the customer list, the board's cards, My day's rows, the agenda."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint

from crmdesk.services import access, interactions, staff
from crmdesk.services.interactions import FollowUpData
from crmdesk.store.db import db
from crmdesk.store.models import utcnow
from crmdesk.ui import context_menus
from tests.conftest import add


def _actions(menu) -> dict[str, object]:  # type: ignore[no-untyped-def]
    found = {}
    for action in menu.actions():
        if action.menu() is not None:
            found[action.text()] = action
            for sub in action.menu().actions():
                found[f"{action.text()}/{sub.text()}"] = sub
        elif action.text():
            found[action.text()] = action
    return found


def _row_pos(table, row: int) -> QPoint:  # type: ignore[no-untyped-def]
    return QPoint(10, table.rowViewportPosition(row) + 5)


def test_list_menu_opens_logs_adds_a_follow_up_moves_and_archives(qtbot, book, make_window,
                                                                 drive) -> None:  # type: ignore[no-untyped-def]
    cid = add("Dolores", "Peña")
    add("Zoe", "Zapata")
    window = make_window()
    window.context_menus_silent = True
    menu = context_menus.list_menu(window, _row_pos(window.customers.table, 0))
    assert menu is not None and window.customers.current_id() == cid
    acts = _actions(menu)
    assert {"Open", "Log interaction…", "Add follow-up…", "Move to stage", "Archive"} <= \
        set(acts)
    assert "Write to…" in acts  # the messages composer, with the same rules as the menu

    def follow(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.fields.what, "Send the brochure")
        dialog.save()

    drive.append(follow)
    acts["Add follow-up…"].trigger()
    assert db.execute_sql("SELECT what FROM follow_up WHERE customer_id = ?",
                          (cid,)).fetchall() == [("Send the brochure",)]
    acts["Move to stage/Growth"].trigger()
    assert db.execute_sql("SELECT stage FROM customer WHERE id = ?", (cid,)).fetchone() == \
        ("growth",)
    acts["Archive"].trigger()
    assert db.execute_sql("SELECT archived_at IS NOT NULL FROM customer WHERE id = ?",
                          (cid,)).fetchone() == (1,)
    window.undo()
    assert db.execute_sql("SELECT archived_at FROM customer WHERE id = ?",
                          (cid,)).fetchone() == (None,)


def test_a_receptionists_menu_greys_archive_with_the_reason(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    for name, role in (("Marta", "manager"), ("Rita", "receptionist")):
        access.set_password(staff.add(name, role), "long-enough-1")
    add("Dolores", "Peña")
    access.sign_in("Rita", "long-enough-1")
    window = make_window()
    window.context_menus_silent = True
    menu = context_menus.list_menu(window, _row_pos(window.customers.table, 0))
    archive = _actions(menu)["Archive"]
    assert not archive.isEnabled() and "receptionist" in archive.toolTip()


def test_my_day_board_and_agenda_rows_have_the_same_actions(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Dolores", "Peña")
    fid = interactions.add_follow_up(FollowUpData(cid, "Call back", utcnow() -
                                                  dt.timedelta(minutes=5), True))
    window = make_window(page="today")
    window.context_menus_silent = True
    table = window.today.follow_ups
    menu = context_menus.today_menu(window, table, _row_pos(table, 0))
    acts = _actions(menu)
    assert {"Mark done", "Open", "Log interaction…", "Add follow-up…", "Archive"} <= set(acts)
    acts["Mark done"].trigger()
    assert db.execute_sql("SELECT status FROM follow_up WHERE id = ?", (fid,)).fetchone() == \
        ("done",)
    window.undo()
    # The board's card menu: its own stage moves, then the same customer actions.
    window.nav.setCurrentItem(window.nav_board)
    window.board.menus_silent = True
    _header, view, model = window.board.columns["knowledge"]
    view.setCurrentIndex(model.index(0, 0))
    window.board._menu(view, "knowledge", QPoint(5, 5))
    acts = _actions(window.board.last_menu)
    assert "Move to Growth…" in acts and {"Open", "Add follow-up…", "Archive"} <= set(acts)
    acts["Open"].trigger()
    assert window.profile.customer_id == cid
    # The agenda: mark done, next day, a week later.
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    noon = dt.datetime(tomorrow.year, tomorrow.month, tomorrow.day, 12, 0).astimezone()
    later = interactions.add_follow_up(FollowUpData(cid, "Lunch", noon))
    window.nav.setCurrentItem(window.nav_agenda)
    window.agenda.set_range("tomorrow")
    day_list = window.agenda.lists[tomorrow]
    menu = context_menus.agenda_menu(window, day_list, day_list.visualItemRect(
        day_list.item(0)).center())
    acts = _actions(menu)
    assert {"Mark done", "Move to the next day", "Move a week later", "Open"} <= set(acts)
    acts["Move a week later"].trigger()
    moved = interactions.load_follow_up(later).due_at.astimezone()
    assert moved.date() == tomorrow + dt.timedelta(days=7) and moved.hour == 12
    window.undo()
    assert interactions.load_follow_up(later).due_at.astimezone().date() == tomorrow
