"""The profile driven with real widgets: open, edit, validate, save, undo, archive, restore."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from crmdesk.services import customers
from crmdesk.store.db import db
from tests.conftest import add
from tests.ui.conftest import open_profile

CTRL = Qt.KeyboardModifier.ControlModifier


_open = open_profile


def _family_in_db(cid: int) -> str:
    return db.execute_sql("SELECT family_name FROM customer WHERE id = ?", (cid,)).fetchone()[0]


def test_enter_opens_profile_with_greeting(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Dolores", "Peña", preferred_name="Lola", salutation="Mrs",
              emails=("lola@example.com",), phones=("+1 905 555 1234",), segment="VIP")
    window = make_window()
    _open(qtbot, window, cid)
    profile = window.profile
    assert profile.given.hasFocus()
    assert profile.name_label.text() == "Dolores Peña “Lola”"
    assert profile.greeting_label.text() == "Dear Mrs Peña"
    assert profile.emails.rows[0].value.text() == "lola@example.com"
    assert profile.phones.rows[0].value.text() == "+1 905-555-1234"
    assert not profile.is_dirty()
    profile.address_form.setCurrentIndex(profile.address_form.findData("informal"))
    assert profile.greeting_label.text() == "Hi Lola"
    assert profile.is_dirty() and window.actions["save"].isEnabled()


def test_edit_save_and_undo_redo(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Ruiz")
    window = make_window()
    _open(qtbot, window, cid)
    profile = window.profile
    profile.family.selectAll()
    qtbot.keyClicks(profile.family, "Ruiz Castro")
    qtbot.keyClicks(profile.tags, "golf, wine")
    qtbot.keyClick(profile.family, Qt.Key.Key_S, CTRL)
    assert _family_in_db(cid) == "Ruiz Castro"
    assert customers.load(cid).tags == ["golf", "wine"]
    assert not profile.is_dirty()
    assert window.customers.model.index(0, 0).data() == "Ruiz Castro, Ana"
    window.customers.table.setFocus()
    qtbot.keyClick(window.customers.table, Qt.Key.Key_Z, CTRL)
    assert _family_in_db(cid) == "Ruiz"
    assert profile.family.text() == "Ruiz"
    assert window.customers.model.index(0, 0).data() == "Ruiz, Ana"
    qtbot.keyClick(window.customers.table, Qt.Key.Key_Z,
                   CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert _family_in_db(cid) == "Ruiz Castro"
    assert profile.family.text() == "Ruiz Castro"


def test_invalid_email_is_shown_and_blocks_saving(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Ruiz", emails=("ana@example.com",))
    window = make_window()
    _open(qtbot, window, cid)
    profile = window.profile
    qtbot.mouseClick(profile.emails.add_button, Qt.MouseButton.LeftButton)
    row = profile.emails.rows[-1]
    assert row.value.hasFocus()
    qtbot.keyClicks(row.value, "ana@@example")
    assert row.error.isVisibleTo(window)
    assert "not a valid e-mail address" in row.error.text()
    qtbot.keyClick(row.value, Qt.Key.Key_S, CTRL)
    assert profile.problems_label.isVisibleTo(window)
    assert profile.problems_label.text().startswith("Not saved. E-mail:")
    assert "Not saved" in window.statusBar().currentMessage()
    assert [e.value for e in customers.load(cid).emails] == ["ana@example.com"]
    row.value.clear()
    qtbot.keyClicks(row.value, "ana.work@example.org")
    assert not row.error.isVisibleTo(window)
    qtbot.keyClick(row.value, Qt.Key.Key_S, CTRL)
    assert [e.value for e in customers.load(cid).emails] == ["ana@example.com",
                                                           "ana.work@example.org"]


def test_invalid_phone_uses_the_default_region(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Ruiz")
    window = make_window()
    _open(qtbot, window, cid)
    row = window.profile.phones.rows[0]
    qtbot.keyClicks(row.value, "612 34 56 78")  # a Spanish mobile, not valid in the US
    assert "not a valid phone number" in row.error.text()
    window.region = window.profile.region = "ES"
    window.profile.phones.revalidate()
    assert row.error.text() == ""
    qtbot.keyClick(row.value, Qt.Key.Key_S, CTRL)
    assert [p.value for p in customers.load(cid).phones] == ["+34612345678"]


def test_new_customer_with_keyboard_and_undo(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    qtbot.keyClick(window.customers.table, Qt.Key.Key_N, CTRL)
    profile = window.profile
    assert profile.is_new and profile.given.hasFocus()
    qtbot.keyClicks(profile.given, "Bob")
    qtbot.keyClicks(profile.family, "<b>&\"Co\"")
    assert profile.name_label.text() == "Bob <b>&\"Co\""
    assert profile.name_label.textFormat() == Qt.TextFormat.PlainText
    qtbot.keyClick(profile.family, Qt.Key.Key_S, CTRL)
    row = db.execute_sql("SELECT id, given_name, family_name, archived_at FROM customer"
                         ).fetchall()
    assert len(row) == 1 and row[0][1:] == ("Bob", "<b>&\"Co\"", None)
    assert window.customers.current_id() == row[0][0]
    assert window.customers.count_label.text() == "1 customer"
    window.customers.table.setFocus()
    qtbot.keyClick(window.customers.table, Qt.Key.Key_Z, CTRL)
    assert db.execute_sql("SELECT archived_at FROM customer").fetchone()[0] is not None
    assert window.customers.model.rowCount() == 0


def test_archive_with_del_and_restore_from_trash(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    keep = add("Ana", "Alba")
    gone = add("Ben", "Bravo")
    window = make_window()
    _open(qtbot, window, gone)
    window.customers.table.setFocus()
    qtbot.keyClick(window.customers.table, Qt.Key.Key_Delete)
    assert window.customers.model.rowCount() == 1
    assert window.customers.model.id_at(0) == keep
    assert window.nav_trash.text(0) == "Trash (1)"
    assert customers.load(gone).archived_at is not None
    assert "Moved to Trash: Ben Bravo" in window.statusBar().currentMessage()
    window.nav.setCurrentItem(window.nav_trash)
    assert window.pages.currentWidget() is window.trash_page
    assert window.trash.model.rowCount() == 1
    window.trash.select_id(gone)
    qtbot.mouseClick(window.restore_button, Qt.MouseButton.LeftButton)
    assert window.trash.model.rowCount() == 0
    assert customers.load(gone).archived_at is None
    assert window.customers.model.rowCount() == 2
    assert window.nav_customers.text(0) == "Customers (2)"


def test_unsaved_edits_are_not_lost_silently(qtbot, book, make_window, answers) -> None:  # type: ignore[no-untyped-def]
    first = add("Ana", "Alba")
    second = add("Ben", "Bravo")
    window = make_window()
    _open(qtbot, window, first)
    qtbot.keyClicks(window.profile.notes, "Call back on Monday")
    window.customers.select_id(second)  # Cancel is answered: stay on Ana
    assert answers == ["unsaved"]
    assert window.profile.customer_id == first
    assert window.customers.current_id() == first
    assert window.profile.notes.toPlainText() == "Call back on Monday"
    answers.queue.append(QMessageBox.StandardButton.Save)
    window.customers.select_id(second)
    assert window.profile.customer_id == second
    assert customers.load(first).notes == "Call back on Monday"


def test_esc_reverts_after_confirmation(qtbot, book, make_window, answers) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Alba")
    window = make_window()
    _open(qtbot, window, cid)
    qtbot.keyClicks(window.profile.given, "X")
    qtbot.keyClick(window.profile.given, Qt.Key.Key_Escape)
    assert answers == ["discard"] and window.profile.given.text().endswith("X")
    answers.queue.append(QMessageBox.StandardButton.Discard)
    qtbot.keyClick(window.profile.given, Qt.Key.Key_Escape)
    assert window.profile.given.text() == "Ana" and not window.profile.is_dirty()


def test_consent_and_birthday(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Alba")
    window = make_window()
    _open(qtbot, window, cid)
    profile = window.profile
    profile.consent_checks["email"].click()
    assert profile.consent_dates["email"].date() == dt.date.today()
    profile.birthday.set_date(dt.date(1980, 2, 29))
    qtbot.keyClick(profile.given, Qt.Key.Key_S, CTRL)
    stored = customers.load(cid)
    assert stored.consents == {"email": dt.date.today()}
    assert stored.birthday == dt.date(1980, 2, 29)


def test_window_state_is_restored(qtbot, book, make_window, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.resize(1111, 666)
    window.splitter.setSizes([250, 400])
    window.customers.table.horizontalHeader().resizeSection(2, 77)
    sizes = window.splitter.sizes()
    window.close()
    assert qsettings.value("window/geometry") is not None
    again = make_window()
    assert (again.width(), again.height()) == (1111, 666)
    assert again.splitter.sizes() == sizes
    assert again.customers.table.horizontalHeader().sectionSize(2) == 77


def test_saving_points_at_the_invalid_row_past_blank_ones(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Ruiz", phones=("+1 905 555 1234",))
    window = make_window()
    _open(qtbot, window, cid)
    phones = window.profile.phones
    phones.add_row()  # left blank
    bad = phones.add_row()
    qtbot.keyClicks(bad.value, "+1 555")
    window.profile.given.setFocus()
    qtbot.keyClick(window.profile.given, Qt.Key.Key_S, CTRL)
    assert bad.value.hasFocus()
    assert "Phone:" in window.profile.problems_label.text()
    assert [p.value for p in customers.load(cid).phones] == ["+19055551234"]


def test_locked_book_on_save_keeps_the_edits(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    cid = add("Ana", "Ruiz")
    window = make_window()
    _open(qtbot, window, cid)
    window.profile.family.setText("Ruiz Castro")
    other = sqlite3.connect(book.path, timeout=0.1)
    other.execute("BEGIN EXCLUSIVE")
    try:
        qtbot.keyClick(window.profile.family, Qt.Key.Key_S, CTRL)
    finally:
        other.rollback()
        other.close()
    assert "locked by another program" in window.last_error
    assert "Traceback" not in window.last_error
    assert window.profile.is_dirty() and window.profile.family.text() == "Ruiz Castro"
    assert _family_in_db(cid) == "Ruiz"
    assert not window.undo_stack.canUndo()
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and "locked" in box.text()
    box.accept()  # the person reads the message and clicks OK
    qtbot.keyClick(window.profile.family, Qt.Key.Key_S, CTRL)  # the lock is gone: it saves
    assert _family_in_db(cid) == "Ruiz Castro"


def test_tab_order_follows_the_form(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Ruiz")
    window = make_window()
    _open(qtbot, window, cid)
    profile = window.profile
    expected = [profile.family, profile.preferred, profile.salutation]
    for widget in expected:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        focused = window.focusWidget()
        assert focused is widget or widget.isAncestorOf(focused), (widget, focused)


def test_full_disk_on_save_is_a_clear_message(qtbot, book, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    cid = add("Ana", "Ruiz")
    window = make_window()
    _open(qtbot, window, cid)
    window.profile.notes.setPlainText("Important")

    def full(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(customers.search_index, "reindex", full)
    qtbot.keyClick(window.profile.given, Qt.Key.Key_S, CTRL)
    assert window.last_error == (
        "The disk is full: nothing was saved. Free some space and try again.")
    assert customers.load(cid).notes == ""  # the transaction rolled back as a whole
    assert window.profile.is_dirty() and window.profile.notes.toPlainText() == "Important"
    QApplication.activeModalWidget().accept()
