"""The lifecycle board driven as a person would: drag a card, Ctrl+→, undo, filters."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from crmdesk.services import interactions, lifecycle
from crmdesk.services.interactions import InteractionData
from crmdesk.store.db import db
from crmdesk.store.models import utcnow
from tests.conftest import add

CTRL = Qt.KeyboardModifier.ControlModifier


def _board(make_window):  # type: ignore[no-untyped-def]
    window = make_window()
    window.nav.setCurrentItem(window.nav_board)
    return window, window.board


def _names(board, stage: str) -> list[str]:  # type: ignore[no-untyped-def]
    model = board.columns[stage][2]
    return [model.index(r, 0).data().split("\n")[0] for r in range(model.rowCount())]


def _changes() -> list[tuple]:
    return db.execute_sql("SELECT customer_id, from_stage, to_stage, staff_id FROM stage_change "
                          "ORDER BY id").fetchall()


def _drop(qtbot, source_view, row: int, target_view) -> None:  # type: ignore[no-untyped-def]
    """What a drag does, as events (QTest mouse moves cannot start a real drag)."""
    model = source_view.model()
    mime = model.mimeData([model.index(row, 0)])
    viewport = target_view.viewport()
    pos = QPoint(20, 20)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(pos, Qt.DropAction.MoveAction, mime, buttons,
                                                mods))


def test_drag_a_card_to_the_next_column_and_undo(qtbot, qtmodeltester, book, make_window) -> None:  # type: ignore[no-untyped-def]
    ana = add("Ana", "Alba")
    add("Ben", "Bravo")
    window, board = _board(make_window)
    header, source, model = board.columns["knowledge"]
    target_header, target, _ = board.columns["acquisition"]
    qtmodeltester.check(model)
    assert header.text() == "Knowledge (2)" and target_header.text() == "Acquisition (0)"
    _drop(qtbot, source, 0, target)
    assert _names(board, "acquisition") == ["Ana Alba"]
    assert _names(board, "knowledge") == ["Ben Bravo"]
    assert header.text() == "Knowledge (1)" and target_header.text() == "Acquisition (1)"
    assert _changes() == [(ana, "knowledge", "acquisition", None)]
    assert "Moved Ana Alba to Acquisition" in window.statusBar().currentMessage()
    window.undo()
    assert _names(board, "knowledge") == ["Ana Alba", "Ben Bravo"]
    assert header.text() == "Knowledge (2)" and _changes() == []
    window.redo()
    assert _names(board, "acquisition") == ["Ana Alba"] and len(_changes()) == 1


def test_drop_on_the_same_column_does_nothing(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    add("Ana", "Alba")
    _window, board = _board(make_window)
    _, source, model = board.columns["knowledge"]
    mime = model.mimeData([model.index(0, 0)])
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(0, 0))
    assert _changes() == []


def test_keyboard_moves_with_ctrl_arrows(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.services import staff

    eve = staff.add("Eve", "executive")
    cid = add("Ana", "Alba", stage="acquisition")
    window, board = _board(make_window)
    window.user_combo.setCurrentIndex(window.user_combo.findData(eve))
    _, view, model = board.columns["acquisition"]
    view.setCurrentIndex(model.index(0, 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL)
    assert _names(board, "conversion") == ["Ana Alba"] and _names(board, "acquisition") == []
    _, conversion, _ = board.columns["conversion"]
    assert conversion.hasFocus() and conversion.currentIndex().row() == 0
    qtbot.keyClick(conversion, Qt.Key.Key_Left, CTRL)
    assert _names(board, "acquisition") == ["Ana Alba"]
    assert _changes() == [(cid, "acquisition", "conversion", eve),
                          (cid, "conversion", "acquisition", eve)]
    _, first, first_model = board.columns["knowledge"]
    add("Cai", "First")
    board.reload()
    first.setCurrentIndex(first_model.index(0, 0))
    qtbot.keyClick(first, Qt.Key.Key_Left, CTRL)  # nothing before the first stage
    assert len(_changes()) == 2


def test_board_uses_the_customer_list_filters(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    add("Ana", "Alba", segment="VIP", stage="growth")
    add("Ben", "Bravo", segment="Standard", stage="growth")
    add("Cai", "Cruz", segment="VIP", stage="retention")
    window = make_window()
    window.customers.segment.setCurrentIndex(window.customers.segment.findData("VIP"))
    window.nav.setCurrentItem(window.nav_board)
    board = window.board
    assert _names(board, "growth") == ["Ana Alba"] and _names(board, "retention") == ["Cai Cruz"]
    assert board.columns["growth"][0].text() == "Growth (1)"
    assert "segment VIP" in board.filter_label.text()
    window.nav.setCurrentItem(window.nav_customers)
    window.customers.segment.setCurrentIndex(0)
    qtbot.keyClicks(window.customers.search, "bravo")
    window.nav.setCurrentItem(window.nav_board)
    assert _names(board, "growth") == ["Ben Bravo"] and _names(board, "retention") == []


def test_cards_show_urgency_and_load_more_as_you_scroll(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.services.interactions import FollowUpData
    from crmdesk.ui.views import board as board_module

    ids = [add(f"Person{n:03}", "Test") for n in range(150)]
    late = ids[-1]
    interactions.add_follow_up(FollowUpData(late, "Call back", utcnow() - dt.timedelta(hours=1)))
    _window, board = _board(make_window)
    model = board.columns["knowledge"][2]
    assert model.rowCount() == board_module.PAGE and model.total == 150
    first = model.index(0, 0)
    assert first.data().startswith("Person149 Test") and "Call back" in first.data()
    assert first.data(Qt.ItemDataRole.FontRole).bold()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 150


def test_suggestions_accept_and_dismiss(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    old = add("Olga", "Old", stage="retention")
    other = add("Otto", "Other", stage="growth")
    db.execute_sql("UPDATE customer SET created_at = '2020-01-01T00:00:00Z'")
    for cid in (old, other):
        interactions.log(InteractionData(cid, "phone", "out", "Hi",
                                         utcnow() - dt.timedelta(days=400)))
    window, board = _board(make_window)
    assert board.suggestions.count() == 2
    board.suggestions.setCurrentRow([board.suggestions.item(i).text().startswith("Olga")
                                     for i in range(2)].index(True))
    qtbot.mouseClick(board.accept_button, Qt.MouseButton.LeftButton)
    assert db.execute_sql("SELECT stage FROM customer WHERE id = ?", (old,)).fetchone()[0] == \
        "reactivation"
    assert _names(board, "reactivation") == ["Olga Old"]
    assert board.suggestions.count() == 1
    qtbot.mouseClick(board.dismiss_button, Qt.MouseButton.LeftButton)
    assert board.suggestions.count() == 0
    assert lifecycle.reactivation_suggestions()[1] == 0


def test_renamed_and_reordered_stages(qtbot, book, make_window, drive) -> None:  # type: ignore[no-untyped-def]
    add("Ana", "Alba")
    window, board = _board(make_window)

    def rename(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.list.item(0).setText("Prospects")
        dialog.list.setCurrentRow(5)
        dialog.shift(-1)  # Reactivation before Retention
        dialog.reactivation.setValue(90)
        dialog.save()

    drive.append(rename)
    window.actions["stages"].trigger()
    headers = [h.text().split(" (")[0] for h, _v, _m in board.columns.values()]
    assert headers == ["Prospects", "Acquisition", "Conversion", "Growth", "Reactivation",
                       "Retention"]
    assert window.profile.stage.itemText(0) == "Prospects"
    assert lifecycle.reactivation_days() == 90
    assert window.customers.stage.itemText(1) == "Prospects"


def test_funnel_dialog(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Alba")
    lifecycle.move([cid], "acquisition")
    window, _board_view = _board(make_window)
    window.actions["funnel"].trigger()
    dialog = window.last_dialog
    model = dialog.model
    assert model.rowCount() == 6
    assert [model.index(1, c).data() for c in range(3)] == ["Acquisition", "1", "0"]
    assert model.index(0, 3).data() == "100%"  # added in Knowledge, moved on
    dialog.since.setDate(dialog.until.date().addDays(1))
    assert model.rowCount() == 0 and "must come before" in dialog.note.text()
    dialog.close()


def test_move_with_a_reason_from_the_card_menu(qtbot, book, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    cid = add("Ana", "Alba")
    window, board = _board(make_window)
    _, view, model = board.columns["knowledge"]
    view.setCurrentIndex(model.index(0, 0))
    board._menu(view, "knowledge", QPoint(10, 10))
    labels = [a.text() for a in board.last_menu.actions()]
    assert labels[0] == "Move to Acquisition…" and "Move to Knowledge…" not in labels
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Met at the gala", True))
    board.last_menu.actions()[2].trigger()  # Growth
    assert db.execute_sql("SELECT to_stage, reason FROM stage_change WHERE customer_id = ?",
                          (cid,)).fetchall() == [("growth", "Met at the gala")]
    assert _names(board, "growth") == ["Ana Alba"]
    board.last_menu.close()


def test_cards_show_the_loyalty_tier(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.services import loyalty_ledger

    gold = add("Golda", "Rich", segment="VIP", stage="growth")
    add("Plain", "Member", stage="growth")
    loyalty_ledger.record_purchase(gold, 5_000_00)
    _window, board = _board(make_window)
    model = board.columns["growth"][2]
    cards = {model.index(r, 0).data().split("\n")[0]: model.index(r, 0) for r in range(2)}
    assert cards["Golda Rich"].data().split("\n")[1] == "VIP · Gold"
    assert "Gold tier · 5,000 points" in cards["Golda Rich"].data(Qt.ItemDataRole.ToolTipRole)
    assert cards["Plain Member"].data().split("\n")[1] == "Member"
