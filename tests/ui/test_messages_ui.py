"""Write to… (Ctrl+Shift+M), Print Brief (Ctrl+Shift+P) and the template library, driven
through the real window."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from crmdesk.services import access, customer_query
from crmdesk.services.customers import PostalAddress
from crmdesk.store.db import db
from crmdesk.ui.main_window import MainWindow
from tests.conftest import add

TODAY = dt.date.today()
CONSENT = {"email": TODAY, "post": TODAY, "sms": TODAY}
ADDRESS = [PostalAddress("home", "Calle Mayor 1", "Madrid", "", "28001", "España")]


def _lola() -> int:
    return add("Dolores", "Peña", region="ES", preferred_name="Lola", salutation="Sra.",
               language="es", emails=("lola@example.es",), phones=("+34 612 34 56 78",),
               consents=dict(CONSENT), addresses=list(ADDRESS), preferred_channel="email")


def _select(qtbot, window: MainWindow, cid: int) -> None:  # type: ignore[no-untyped-def]
    assert window.customers.select_id(cid)
    qtbot.waitUntil(lambda: window.profile.customer_id == cid)
    window.customers.table.setFocus()


def _patch_paths(monkeypatch, tmp_path: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    opened: list[Path] = []
    monkeypatch.setattr(MainWindow, "ask_message_path",
                        lambda self, title, suggested, filters: tmp_path / suggested.name)
    monkeypatch.setattr(MainWindow, "ask_message_folder",
                        lambda self, title, start: tmp_path / "batch")
    monkeypatch.setattr(MainWindow, "open_document", lambda self, path: opened.append(path))
    monkeypatch.setattr(MainWindow, "messages_dir", lambda self: tmp_path / "messages")
    return opened


def test_write_to_one_client_previews_edits_and_saves_a_draft(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    cid = _lola()
    window = make_window()
    opened = _patch_paths(monkeypatch, tmp_path)
    _select(qtbot, window, cid)
    seen: dict[str, object] = {}

    def compose(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.channel == "email"  # her preferred channel
        assert dialog.language_combo.currentData() == "es"
        dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("Birthday"))
        assert dialog.body_edit.toPlainText().startswith("Estimada Sra. Peña:")
        assert dialog.subject_edit.text() == "¡Feliz cumpleaños, Lola!"
        assert "lola@example.es" in dialog.info_label.text()
        dialog.body_edit.moveCursor(dialog.body_edit.textCursor().MoveOperation.End)
        qtbot.keyClick(dialog.body_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.body_edit, "Te enviaremos la invitacion el lunes.")
        qtbot.waitUntil(lambda: dialog.follow_up_row.isVisible())
        assert "edited by hand" in dialog.info_label.text()
        dialog.follow_up_check.setChecked(True)
        seen["hints"] = [dialog.hints_list.item(i).text()
                         for i in range(dialog.hints_list.count())]
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    drive.append(compose)
    qtbot.keyClick(window.customers.table, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    files = list(tmp_path.glob("*.eml"))
    assert len(files) == 1 and opened == []
    parsed = email.message_from_bytes(files[0].read_bytes(), policy=email.policy.default)
    body = parsed.get_body(("plain",))
    assert body is not None and "Te enviaremos la invitacion el lunes." in body.get_content()
    assert any("promise" in h for h in seen["hints"])  # type: ignore[union-attr]
    rows = db.execute_sql("SELECT channel, direction, subject FROM interaction").fetchall()
    assert rows == [("email", "out", "¡Feliz cumpleaños, Lola!")]
    promise = db.execute_sql("SELECT what, is_promise FROM follow_up").fetchall()
    assert promise == [("Te enviaremos la invitacion el lunes", 1)]


def test_sms_shows_its_length_and_copies_the_text(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    cid = _lola()
    window = make_window()
    _patch_paths(monkeypatch, tmp_path)
    _select(qtbot, window, cid)

    def compose(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("Appointment"))
        dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("sms"))
        assert "characters" in dialog.info_label.text() and "+34612345678" in \
            dialog.info_label.text()
        assert dialog.copy_button.isVisible() and not dialog.open_mail_button.isVisible()
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)

    drive.append(compose)
    window.actions["write_to"].trigger()
    assert QGuiApplication.clipboard().text().startswith("Estimada Sra. Peña, ")
    assert db.execute_sql("SELECT channel FROM interaction").fetchall() == [("chat",)]


def test_writing_to_many_lists_those_left_out_and_runs_in_a_worker(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    ids = [_lola(), add("Tom", "Baker", emails=("tom@example.com",), consents=dict(CONSENT)),
           add("Ana", "Sin", emails=("ana@example.com",))]
    window = make_window()
    _patch_paths(monkeypatch, tmp_path)
    monkeypatch.setattr(MainWindow, "message_targets", lambda self: ids)

    def compose(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("Follow-up"))
        assert "2 of 3 clients" in dialog.to_label.text()
        assert dialog.excluded_list.count() == 1
        assert dialog.excluded_list.item(0).text() == "Ana Sin — did not consent to e-mail"
        assert dialog.page_label.text() == "1 of 2"
        first = dialog.body_edit.toPlainText()
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        assert dialog.body_edit.toPlainText() != first and "Tom" not in first
        assert dialog.body_edit.isReadOnly()
        dialog.excluded_list.item(0).setCheckState(Qt.CheckState.Checked)  # include anyway
        assert dialog.page_label.text().endswith("of 3")
        qtbot.mouseClick(dialog.write_many_button, Qt.MouseButton.LeftButton)

    drive.append(compose)
    window.actions["write_to"].trigger()
    qtbot.waitUntil(lambda: window.last_batch is not None, timeout=20_000)
    assert len(list((tmp_path / "batch").glob("*.eml"))) == 3
    assert db.execute_sql("SELECT count(*) FROM message_log").fetchone()[0] == 3


def test_print_brief_from_the_profile(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch, tmp_path: Path) -> None:
    cid = _lola()
    window = make_window()
    opened = _patch_paths(monkeypatch, tmp_path)
    _select(qtbot, window, cid)
    qtbot.keyClick(window.customers.table, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(opened) == 1 and opened[0].name == f"Brief Peña Dolores {cid:06d}.pdf"
    reader = PdfReader(opened[0])
    assert len(reader.pages) == 1 and "Estimada Sra. Peña" in reader.pages[0].extract_text()


def test_the_template_editor_shows_problems_as_you_type(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive) -> None:
    window = make_window()
    seen: dict[str, str] = {}

    def edit(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.name_edit, "Welcome")
        dialog.body_edit.setPlainText("{{ greeting_line }}\n\nWelcome, {{ frist_name }}!")
        qtbot.waitUntil(lambda: "line 3" in dialog.problems_label.text())
        assert not dialog.save_button.isEnabled()
        seen["problem"] = dialog.problems_label.text()
        dialog.body_edit.setPlainText("{{ greeting_line }}\n\nWelcome, {{ first_name }}!")
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
        assert "Welcome, Lola!" in dialog.preview.toPlainText()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        dialog.reject()

    drive.append(edit)
    window.actions["message_templates"].trigger()
    assert "Unknown field “frist_name”" in seen["problem"]
    from crmdesk.services import message_templates

    assert message_templates.versions("Welcome")["en"].body.endswith("{{ first_name }}!")


def test_a_receptionist_reads_templates_and_is_refused_hidden_fields(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    from crmdesk.services import staff

    boss = staff.add("Marta", "manager")
    staff.add("Eva", "executive")
    rita = staff.add("Rita", "receptionist")
    access.set_password(boss, "marta-secret-1")
    access.sign_in("Marta", "marta-secret-1")
    access.set_password(rita, "rita-secret-1")
    cid = add("Vera", "Exclusiva", relationship_type="exclusive", owner="Eva",
              emails=("vera@example.com",), consents=dict(CONSENT))
    access.sign_in("Rita", "rita-secret-1")
    window = make_window()
    _patch_paths(monkeypatch, tmp_path)
    monkeypatch.setattr(MainWindow, "message_targets", lambda self: [cid])
    assert not window.actions["print_brief"].isEnabled()

    def compose(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("Follow-up"))
        assert "may not use" in dialog.warning_label.text()
        assert not dialog.save_button.isEnabled() and dialog.body_edit.toPlainText() == ""
        dialog.reject()

    def library(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.body_edit.isReadOnly() and not dialog.save_button.isEnabled()
        dialog.reject()

    drive += [compose, library]
    window.actions["write_to"].trigger()
    window.actions["message_templates"].trigger()
    assert customer_query.count() == 1
    assert QApplication.activeModalWidget() is None


def test_write_to_from_today_and_the_board(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    from crmdesk.services import lifecycle

    cid = add("Bea", "Birthday", birthday=TODAY.replace(year=TODAY.year - 40)
              if not (TODAY.month == 2 and TODAY.day == 29) else dt.date(1980, 3, 1),
              emails=("bea@example.com",), consents=dict(CONSENT))
    others = [add("Col", f"Umn{i}", emails=(f"c{i}@example.com",), consents=dict(CONSENT))
              for i in range(3)]
    lifecycle.move([cid, *others], "growth")
    window = make_window(page="today")
    opened = _patch_paths(monkeypatch, tmp_path)
    seen: list[list[int]] = []

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        seen.append(list(dialog.ids))
        if len(dialog.ids) == 1:
            qtbot.mouseClick(dialog.open_mail_button, Qt.MouseButton.LeftButton)
        else:
            dialog.reject()

    assert window.today.birthdays.rowCount() == 1
    window.today.birthdays.setCurrentCell(0, 1)
    window.today.birthdays.setFocus()
    drive.append(look)
    window.actions["write_to"].trigger()
    assert seen[-1] == [cid]
    assert len(opened) == 1 and opened[0].suffix == ".eml"
    assert oct(opened[0].stat().st_mode & 0o777) == "0o600"
    window.nav.setCurrentItem(window.nav_board)
    drive.append(look)
    window.write_to_column("growth")
    assert sorted(seen[-1]) == sorted([cid, *others])


def test_mailto_is_offered_and_logged(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtGui import QDesktopServices

    cid = _lola()
    window = make_window()
    _patch_paths(monkeypatch, tmp_path)
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()))
    _select(qtbot, window, cid)

    def compose(dialog) -> None:  # type: ignore[no-untyped-def]
        assert not dialog.send_button.isEnabled()  # no mail server set up
        assert "Mail Server" in dialog.send_button.toolTip()
        qtbot.mouseClick(dialog.mailto_button, Qt.MouseButton.LeftButton)

    drive.append(compose)
    window.actions["write_to"].trigger()
    assert urls and urls[0].startswith("mailto:lola@example.es?subject=")
    assert db.execute_sql("SELECT file FROM message_log").fetchall() == [("mailto: link",)]
