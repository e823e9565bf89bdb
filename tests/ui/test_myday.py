"""My day in the window: my items, the team's and the queue, empty states, Mark done."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crmdesk.services import access
from crmdesk.store.db import db
from tests.unit.test_myday import _office


def _texts(view) -> set[str]:  # type: ignore[no-untyped-def]
    return {view.follow_ups.item(r, 3).text() for r in range(view.follow_ups.rowCount())}


def test_my_day_shows_my_items_and_switches_to_the_team(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    o = _office()
    window = make_window(page="today")
    view = window.today
    window.user_combo.setCurrentIndex(window.user_combo.findText("Ana Ruiz"))
    assert _texts(view) == {"Call Lola about the loan", "Send her card"}
    assert view.heading.text().startswith("Ana Ruiz's day")
    assert window.nav_today.text(0) == "My day (2)"
    assert view.meetings.rowCount() == 1 and view.meetings.item(0, 3).text() == \
        "Portfolio review"
    assert view.birthdays.rowCount() == 1
    view.set_scope("team")
    assert _texts(view) == {"Call Lola about the loan", "Send her card", "Bob's secret deal",
                            "Who takes this?"}
    view.set_scope("unassigned")
    assert _texts(view) == {"Send her card", "Who takes this?"}
    assert {view.follow_ups.item(r, 4).text() for r in range(2)} == {"(nobody yet)"}
    view.set_scope("mine")
    window.user_combo.setCurrentIndex(window.user_combo.findText("Ben Ortiz"))
    assert _texts(view) == {"Bob's secret deal"}
    # Mark done: off the list at once, said in the status bar, undoable.
    view.follow_ups.selectRow(0)
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    assert view.follow_ups.rowCount() == 0
    assert "Done: Bob's secret deal" in window.statusBar().currentMessage()
    assert db.execute_sql("SELECT status FROM follow_up WHERE id = ?",
                          (o["f_ben"],)).fetchone() == ("done",)
    window.undo()
    assert _texts(view) == {"Bob's secret deal"}


def test_receptionist_my_day_window_hides_colleagues_texts(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    o = _office()
    for name in ("Marta Sanz", "Rita Gil"):
        access.set_password(o[name], "long-enough-1")
    access.sign_in("Rita Gil", "long-enough-1")
    window = make_window(page="today")
    view = window.today
    assert view.heading.text().startswith("Rita Gil's day")
    view.set_scope("team")
    texts = _texts(view)
    assert "Bob's secret deal" not in texts and "Call Lola about the loan" not in texts
    assert "Who takes this?" in texts


def test_an_empty_book_says_how_to_begin(qtbot, book, make_window, drive) -> None:  # type: ignore[no-untyped-def]
    window = make_window(page="today")
    view = window.today
    assert view.body.currentIndex() == 1
    assert "Ctrl+L" in view.empty_text.text() and "import" in view.empty_text.text()
    opened = []
    drive.append(lambda dialog: opened.append(type(dialog).__name__) or dialog.reject())
    qtbot.mouseClick(view.capture_button, Qt.MouseButton.LeftButton)
    assert opened == ["QuickCaptureDialog"]


def test_a_second_done_closes_nothing_more(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    o = _office()
    window = make_window(page="today")
    window.follow_up_done(o["f_nobody"])
    depth = window.undo_stack.count()
    window.follow_up_done(o["f_nobody"])  # clicked twice, or from a reminder meanwhile
    assert window.undo_stack.count() == depth
    assert window.statusBar().currentMessage() == "Already done: Who takes this?"
