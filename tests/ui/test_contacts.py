"""Interactions, promises and the Today view, driven through the real widgets."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import Qt

from crmdesk.services import interactions, staff
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.store.db import db
from crmdesk.store.models import utcnow
from crmdesk.ui.views.interaction_log import InteractionTableModel
from crmdesk.ui.views.timeline import TimelineModel
from tests.conftest import add

CTRL = Qt.KeyboardModifier.ControlModifier


def _rows(sql: str, *params: object) -> list[tuple]:
    return db.execute_sql(sql, params).fetchall()


def test_quick_capture_by_partial_phone_with_keys_only(qtbot, book, make_window, drive) -> None:  # type: ignore[no-untyped-def]
    lola = add("Dolores", "Pena", preferred_name="Lola", phones=("+1 905-555-1234",))
    add("Ana", "Ruiz", phones=("+34 612 34 56 78",))
    eve = staff.add("Eve Okafor", "receptionist")
    window = make_window(page="today")
    window.user_combo.setCurrentIndex(window.user_combo.findData(eve))
    started = time.perf_counter()

    def keys(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.who, "5551")
        assert dialog.matches.count() == 2  # Lola, then "New prospect"
        assert "+1 905-555-1234" in dialog.matches.item(0).text()
        qtbot.keyClick(dialog.who, Qt.Key.Key_Return)  # confirm the first match
        assert dialog.channel.hasFocus()
        qtbot.keyClick(dialog.channel, Qt.Key.Key_Tab)
        qtbot.keyClick(dialog.direction, Qt.Key.Key_Tab)
        assert dialog.note.hasFocus()
        qtbot.keyClicks(dialog.note, "Asked for her statement")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, CTRL)

    drive.append(keys)
    qtbot.keyClick(window.nav, Qt.Key.Key_L, CTRL)
    assert time.perf_counter() - started < 30
    rows = _rows("SELECT customer_id, channel, direction, notes, staff_id FROM interaction")
    assert rows == [(lola, "phone", "in", "Asked for her statement", eve)]
    window.nav.setCurrentItem(window.nav_interactions)  # the log is read when shown
    assert window.interaction_log.model.rowCount() == 1


def test_quick_capture_creates_a_prospect_and_hands_over(qtbot, book, make_window, drive,  # type: ignore[no-untyped-def]
                                                         monkeypatch) -> None:
    from crmdesk.ui.dialogs.quick_capture import QuickCaptureDialog

    add("Ana", "Ruiz")
    staff.add("Eve Okafor", "receptionist")
    max_id = staff.add("Max Weber", "executive")
    # A Tuesday at midnight: the hand-over is due at nine, not two hours later.
    midnight = dt.datetime(2026, 12, 1, 0, 0).astimezone()
    monkeypatch.setattr(QuickCaptureDialog, "__init__", _with_clock(QuickCaptureDialog.__init__,
                                                                    lambda: midnight))
    window = make_window(page="today")

    def keys(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.who, "Marta Gomez")
        assert "New prospect" in dialog.matches.currentItem().text()
        qtbot.keyClick(dialog.who, Qt.Key.Key_Return)
        assert dialog.prospect_phone.hasFocus()  # a newcomer: their phone, then owner
        qtbot.keyClicks(dialog.prospect_phone, "905 555 0101")
        qtbot.keyClick(dialog.prospect_phone, Qt.Key.Key_Tab)
        assert dialog.prospect_owner.hasFocus()
        qtbot.keyClick(dialog.prospect_owner, Qt.Key.Key_Tab)
        assert dialog.channel.hasFocus()
        qtbot.keyClick(dialog.channel, Qt.Key.Key_Tab)
        qtbot.keyClick(dialog.direction, Qt.Key.Key_Tab)
        assert dialog.note.hasFocus()
        qtbot.keyClicks(dialog.note, "Wants a mortgage appointment")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
        assert dialog.hand_over.hasFocus()
        while dialog.hand_over.currentData() != max_id:
            qtbot.keyClick(dialog.hand_over, Qt.Key.Key_Down)
        assert dialog.follow_what.text() == "Call back: Wants a mortgage appointment"
        assert dialog.prospect_owner.currentData() == max_id  # the colleague handed to
        assert dialog.due.isVisibleTo(dialog)
        assert dialog.due.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-12-01 09:00"
        qtbot.keyClick(dialog.hand_over, Qt.Key.Key_Return, CTRL)

    drive.append(keys)
    qtbot.keyClick(window.nav, Qt.Key.Key_L, CTRL)
    marta = _rows("SELECT id, stage, owner_id FROM customer WHERE family_name = 'Gomez'")
    assert len(marta) == 1 and marta[0][1:] == ("knowledge", max_id)
    assert _rows("SELECT e164 FROM customer_phone WHERE customer_id = ?", marta[0][0]) == [
        ("+19055550101",)]
    follow = _rows("SELECT customer_id, assignee_id, what, status, due_at FROM follow_up")
    due = midnight.replace(hour=9).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert follow == [(marta[0][0], max_id, "Call back: Wants a mortgage appointment", "open",
                       due)]
    assert window.nav_customers.text(0) == "Customers (2)"


def _with_clock(init, clock):  # type: ignore[no-untyped-def]
    def patched(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        init(self, *args, **kwargs, clock=clock)
    return patched


def test_quick_capture_enter_takes_a_client_only_when_the_name_fits(qtbot, book, make_window,  # type: ignore[no-untyped-def]
                                                                    drive) -> None:
    ines = add("Inés", "Gómez Fernández")
    window = make_window(page="today")

    def newcomer(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.who, "Ines Carvalho")
        listed = [dialog.matches.item(i).text() for i in range(dialog.matches.count())]
        assert listed[0].startswith("Inés Gómez Fernández")  # offered, not the default
        assert dialog.matches.currentRow() == len(listed) - 1
        qtbot.keyClick(dialog.who, Qt.Key.Key_Return)
        assert dialog.chosen.text() == "New prospect: Ines Carvalho"
        qtbot.keyClicks(dialog.note, "Walked in")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, CTRL)

    def client(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.who, "ines gomez")
        assert dialog.matches.currentRow() == 0
        qtbot.keyClick(dialog.who, Qt.Key.Key_Return)
        assert dialog.chosen.text().startswith("Customer: Inés Gómez Fernández")
        assert not dialog.prospect_phone.isVisibleTo(dialog)
        qtbot.keyClicks(dialog.note, "Came back")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, CTRL)

    drive.extend([newcomer, client])
    qtbot.keyClick(window.nav, Qt.Key.Key_L, CTRL)
    qtbot.wait(50)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.nav, Qt.Key.Key_L, CTRL)
    carvalho = _rows("SELECT id FROM customer WHERE family_name = 'Carvalho'")[0][0]
    assert _rows("SELECT customer_id, notes FROM interaction ORDER BY id") == [
        (carvalho, "Walked in"), (ines, "Came back")]


def test_quick_capture_a_bad_phone_for_a_prospect_is_shown_next_to_it(qtbot, book,  # type: ignore[no-untyped-def]
                                                                      make_window, drive) -> None:
    window = make_window(page="today")

    def keys(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.who, "Rui Costa")
        qtbot.keyClick(dialog.who, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.prospect_phone, "12")
        assert dialog.phone_error.isVisibleTo(dialog)
        assert "not a valid phone number" in dialog.phone_error.text()
        qtbot.keyClicks(dialog.note, "Rang")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, CTRL)
        assert dialog.isVisible() and dialog.prospect_phone.hasFocus()
        assert "Not saved" in dialog.error.text()
        qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)

    drive.append(keys)
    qtbot.keyClick(window.nav, Qt.Key.Key_L, CTRL)
    assert _rows("SELECT count(*) FROM customer") == [(0,)]


def test_quick_capture_finds_a_renamed_client_by_the_new_name(qtbot, book, make_window,  # type: ignore[no-untyped-def]
                                                              drive) -> None:
    cid = add("Łukasz", "Wiśniewski")
    window = make_window()

    def before(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.who, "lukas wisniewsky")
        assert dialog.matches.item(0).text().startswith("Łukasz Wiśniewski")
        qtbot.keyClick(dialog.who, Qt.Key.Key_Escape)

    def after(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.who, "lukas kowalczik")  # a typo: the fuzzy name list
        assert dialog.matches.item(0).text().startswith("Łukasz Kowalczyk")
        assert dialog.matches.currentRow() == 0
        qtbot.keyClick(dialog.who, Qt.Key.Key_Escape)

    drive.extend([before, after])
    qtbot.keyClick(window.customers.table, Qt.Key.Key_L, CTRL)
    window._show_customer(cid)
    window.profile.family.setText("Kowalczyk")
    assert window.save()
    qtbot.wait(50)  # offscreen, the window loses activation after a save: give it back
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.customers.table, Qt.Key.Key_L, CTRL)
    assert not drive


def test_quick_capture_refuses_an_empty_note(qtbot, book, make_window, drive) -> None:  # type: ignore[no-untyped-def]
    add("Ana", "Ruiz")
    window = make_window(page="today")

    def keys(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.who, "ruiz")
        qtbot.keyClick(dialog.who, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.channel, Qt.Key.Key_Return, CTRL)
        assert dialog.isVisible() and "Write a note" in dialog.error.text()
        assert dialog.note.hasFocus()
        qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)

    drive.append(keys)
    qtbot.keyClick(window.nav, Qt.Key.Key_L, CTRL)
    assert _rows("SELECT count(*) FROM interaction") == [(0,)]


def test_overdue_promise_in_today_until_done(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Dolores", "Pena")
    later = add("Ben", "Later")
    fid = interactions.add_follow_up(FollowUpData(
        cid, "Send the loan offer", utcnow() - dt.timedelta(hours=2), is_promise=True))
    interactions.add_follow_up(FollowUpData(later, "Next month", utcnow() + dt.timedelta(
        days=30)))
    window = make_window(page="today")
    today = window.today
    assert window.pages.currentWidget() is today
    assert window.nav_today.text(0) == "My day (1)"
    assert today.follow_ups.rowCount() == 1
    assert today.follow_ups.item(0, 0).text() == "★"
    assert today.follow_ups.item(0, 1).text().startswith("overdue since") or \
        today.follow_ups.item(0, 1).text() == "1 day overdue"  # said in words, not colour
    assert today.follow_ups.item(0, 3).text() == "Send the loan offer"
    assert "1 overdue" in today.heading.text()
    today.follow_ups.selectRow(0)
    qtbot.mouseClick(today.done_button, Qt.MouseButton.LeftButton)
    assert today.follow_ups.rowCount() == 0
    assert window.nav_today.text(0) == "My day (0)"
    assert _rows("SELECT status FROM follow_up WHERE id = ?", fid) == [("done",)]
    window.undo()
    assert today.follow_ups.rowCount() == 1
    assert _rows("SELECT status, completed_at FROM follow_up WHERE id = ?", fid) == [
        ("open", None)]


def test_birthdays_and_quiet_clients_in_today(qtbot, book, make_window, drive) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    add("Bea", "Today", birthday=today.replace(year=1980) if not (
        today.month == 2 and today.day == 29) else dt.date(1980, 2, 29))
    vip = add("Vera", "Quiet", segment="VIP")
    interactions.log(InteractionData(vip, "phone", "out", "Catch-up",
                                     utcnow() - dt.timedelta(days=50)))
    window = make_window(page="today")
    view = window.today
    assert view.birthdays.rowCount() == 1 and view.birthdays.item(0, 0).text() == "Today"
    assert view.birthdays.item(0, 2).text() == str(today.year - 1980)
    assert view.quiet.rowCount() == 1 and view.quiet.item(0, 0).text() == "Vera Quiet"
    view.quiet.selectRow(0)

    def log_call(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.channel.currentData() == "phone"
        assert dialog.direction.currentData() == "out"
        qtbot.keyClicks(dialog.notes, "Called to catch up")
        dialog.save()

    drive.append(log_call)
    qtbot.mouseClick(view.call_button, Qt.MouseButton.LeftButton)
    assert view.quiet.rowCount() == 0
    assert _rows("SELECT count(*) FROM interaction WHERE customer_id = ?", vip) == [(2,)]


def test_log_interaction_from_the_profile_with_a_follow_up(qtbot, book, make_window, drive) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Ruiz")
    window = make_window()
    window.customers.select_id(cid)

    def empty_then_ok(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.save()
        assert dialog.isVisible() and "Write a note" in dialog.error.text()
        qtbot.keyClicks(dialog.notes, "Reviewed her portfolio")
        dialog.follow_box.setChecked(True)
        qtbot.keyClicks(dialog.follow.what, "Send the summary")
        dialog.follow.promise.setChecked(True)
        dialog.save()

    drive.append(empty_then_ok)
    qtbot.keyClick(window.customers.table, Qt.Key.Key_I, CTRL)
    assert _rows("SELECT notes FROM interaction") == [("Reviewed her portfolio",)]
    assert _rows("SELECT what, is_promise FROM follow_up") == [("Send the summary", 1)]
    window.detail_tabs.setCurrentWidget(window.timeline)
    model = window.timeline.model
    assert model.rowCount() == 2
    titles = [model.index(r, 1).data().split("\n")[0] for r in range(2)]
    assert set(titles) == {"→ Phone", "Promise: Send the summary"}


def test_timeline_order_filters_and_edit(qtbot, qtmodeltester, book, make_window, drive) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Ruiz")
    now = utcnow()
    interactions.log(InteractionData(cid, "email", "in", "Old e-mail", now - dt.timedelta(
        days=3)))
    newest, _ = interactions.log(InteractionData(cid, "phone", "out", "Called back",
                                                 now - dt.timedelta(days=2, hours=22)))
    window = make_window()
    window.customers.select_id(cid)
    view = window.timeline
    qtmodeltester.check(view.model)
    assert [view.model.index(r, 1).data().split("\n")[1] for r in range(2)] == [
        "Called back", "Old e-mail"]
    assert "we answer in 2 h on average" in view.summary.text()
    assert "In Knowledge for 0 days" in view.summary.text()
    view.channel.setCurrentIndex(view.channel.findData("email"))
    assert view.model.rowCount() == 1 and view.model.index(0, 1).data().endswith("Old e-mail")
    view.channel.setCurrentIndex(0)
    view.kind.setCurrentIndex(view.kind.findData("follow_up"))
    assert view.model.rowCount() == 0
    view.kind.setCurrentIndex(0)

    def edit(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.notes.toPlainText() == "Called back"
        dialog.notes.setPlainText("Called back, left a message")
        dialog.save()

    drive.append(edit)
    view.edit_requested.emit(newest)
    assert interactions.load(newest).notes == "Called back, left a message"
    assert interactions.load(newest).edited_at is not None
    assert "edited" in view.model.index(0, 1).data()


def test_interaction_log_filters(qtbot, qtmodeltester, book, make_window) -> None:  # type: ignore[no-untyped-def]
    a = add("Ana", "Ruiz")
    b = add("Ben", "Carter")
    eve = staff.add("Eve", "receptionist")
    now = utcnow()
    interactions.log(InteractionData(a, "email", "in", "Question about fees", now, eve))
    interactions.log(InteractionData(b, "phone", "out", "Birthday call", now))
    interactions.log(InteractionData(b, "in_person", "in", "Walk-in about fees",
                                     now - dt.timedelta(days=10)))
    window = make_window()
    window.nav.setCurrentItem(window.nav_interactions)
    view = window.interaction_log
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 3 and view.count.text() == "3 interactions"
    qtbot.keyClicks(view.search, "fees")
    assert view.model.rowCount() == 2
    view.direction.setCurrentIndex(view.direction.findData("in"))
    view.staff.setCurrentIndex(view.staff.findData(eve))
    assert view.model.rowCount() == 1 and view.model.index(0, 1).data() == "Ana Ruiz"
    view.search.clear()
    view.staff.setCurrentIndex(0)
    view.since.set_date(dt.date.today() - dt.timedelta(days=2))
    assert view.model.rowCount() == 1  # inbound since two days ago: only Ana's e-mail
    view.since.set_date(None)
    view.channel.setCurrentIndex(view.channel.findData("in_person"))
    assert view.model.rowCount() == 1
    view.table.setCurrentIndex(view.model.index(0, 0))
    view.customer_requested.emit(view.model.customer_at(0))
    assert window.profile.customer_id == b


def test_models_pass_qtmodeltester(qtmodeltester, book) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Ruiz")
    for n in range(250):
        interactions.log(InteractionData(cid, "phone", "in" if n % 2 else "out", f"Call {n}",
                                         utcnow() - dt.timedelta(hours=n)))
    timeline_model = TimelineModel()
    timeline_model.customer_id = cid
    timeline_model.reload()
    qtmodeltester.check(timeline_model)
    assert timeline_model.index(249, 1).data().endswith("Call 249")
    log = InteractionTableModel()
    log.reload()
    qtmodeltester.check(log)
    assert log.rowCount() == 250


def test_staff_dialog_cadence_and_current_user(qtbot, book, make_window, drive) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.services import agenda

    window = make_window(page="today")

    def add_two(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.new_role.setCurrentText("receptionist")
        for name in ("Eve Okafor", "Max Weber", "eve okafor"):
            qtbot.keyClicks(dialog.new_name, name)
            qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)
        assert dialog.table.rowCount() == 3 and dialog.new_name.text() == ""
        dialog.save()
        assert dialog.isVisible() and "same name" in dialog.error.text()
        dialog.table.removeRow(2)
        dialog.save()

    drive.append(add_two)
    window.actions["staff"].trigger()
    assert [(s.name, s.role) for s in staff.list_staff()] == [
        ("Eve Okafor", "receptionist"), ("Max Weber", "receptionist")]
    assert window.user_combo.count() == 3
    window.user_combo.setCurrentIndex(window.user_combo.findText("Max Weber"))
    assert window.qsettings.value("user/current") == "Max Weber"
    assert window.current_user() == staff.find("Max Weber")

    def cadence(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.spins["VIP"].setValue(14)
        dialog.spins["Premium"].setValue(0)
        dialog.save()

    drive.append(cadence)
    window.actions["cadence"].trigger()
    assert agenda.cadence() == {"VIP": 14}
    again = make_window(page="today")  # the current user is remembered
    assert again.user_combo.currentText() == "Max Weber"


def test_export_follow_ups_to_ics(qtbot, book, make_window, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import icalendar

    from crmdesk.ui import file_dialogs

    cid = add("Dolores", "Pena")
    interactions.add_follow_up(FollowUpData(cid, "Send the offer", utcnow() + dt.timedelta(
        days=2), is_promise=True))
    target = tmp_path / "follow-ups.ics"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: target)
    window = make_window(page="today")
    window.actions["export_ics"].trigger()
    events = [c for c in icalendar.Calendar.from_ical(target.read_bytes()).walk()
              if c.name == "VEVENT"]
    assert [str(e["summary"]) for e in events] == ["Promise: Send the offer — Dolores Pena"]
    assert "1 follow-up exported" in window.statusBar().currentMessage()


def test_response_times_per_staff_arrive_from_a_worker(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Ruiz")
    eve = staff.add("Eve", "receptionist")
    start = utcnow() - dt.timedelta(days=1)
    interactions.log(InteractionData(cid, "email", "in", "Question", start))
    interactions.log(InteractionData(cid, "phone", "out", "Answer",
                                     start + dt.timedelta(minutes=45), eve))
    window = make_window()
    window.nav.setCurrentItem(window.nav_interactions)
    label = window.interaction_log.response
    qtbot.waitUntil(lambda: label.text().startswith("Response times —"), timeout=5000)
    assert label.text() == "Response times — Eve: 45 min average, 45 min median (1)"
