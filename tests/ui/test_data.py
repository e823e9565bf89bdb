"""Import, export, backups and duplicates through the window: the dialogs driven as a
person would, the book checked after each step, undo included."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialogButtonBox

from crmdesk.services import customers
from crmdesk.store.db import db
from crmdesk.ui.main_window import MainWindow
from tests.conftest import add

CTRL = Qt.KeyboardModifier.ControlModifier
VCF = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Peña;Dolores;;Sra.;\r\nNICKNAME:Lola\r\n"
    "EMAIL;TYPE=work:lola@example.es\r\nTEL;TYPE=CELL:+34 612 34 56 78\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=98ster;Bo;;;\r\n"
    "EMAIL:bo@example.dk\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:no name at all\r\nEND:VCARD\r\n")


def _count() -> int:
    return int(db.execute_sql("SELECT count(*) FROM customer WHERE archived_at IS NULL")
               .fetchone()[0])


def _hooks(monkeypatch, open_path=None, save_path=None, yes=True):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(MainWindow, "ask_open_path", lambda self, title, filters: open_path)
    monkeypatch.setattr(MainWindow, "ask_save_path",
                        lambda self, title, suggested, filters: save_path)
    monkeypatch.setattr(MainWindow, "ask_yes", lambda self, title, text: yes)


def test_import_vcards_with_preview_then_undo_and_redo(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "phone.vcf"
    path.write_bytes(VCF.encode("utf-8"))
    _hooks(monkeypatch, open_path=path)
    window = make_window()

    def preview(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
        assert dialog.counts.text() == ("2 new · 0 update a customer · 0 probable duplicates · "
                                        "1 rejected")
        assert dialog.model.rowCount() == 3
        reason = dialog.model.index(2, 5).data()
        assert reason == "no name, e-mail or organisation"
        dialog.show_combo.setCurrentIndex(4)  # rejected only
        assert dialog.model.rowCount() == 1
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)

    drive.append(preview)
    qtbot.keyClick(window.customers.table, Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _count() == 2
    assert window.customers.model.rowCount() == 2
    assert window.actions["undo"].text() == "&Undo Import of phone.vcf, 2 customers"
    lola = db.execute_sql("SELECT customer_id FROM customer_email WHERE address = ?",
                          ("lola@example.es",)).fetchone()[0]
    data = customers.load(lola)
    assert (data.salutation, data.preferred_name, data.phones[0].value) == \
        ("Sra.", "Lola", "+34612345678")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.customers.table, Qt.Key.Key_Z, CTRL)
    assert _count() == 0 and window.customers.model.rowCount() == 0
    qtbot.keyClick(window.customers.table, Qt.Key.Key_Z,
                   CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert _count() == 2


def test_csv_mapping_step_reads_a_column_it_did_not_know(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "hoja.csv"
    path.write_bytes("Nombre;Apellidos;Correo\nJosé;García;jose@example.es\n".encode("cp1252"))
    _hooks(monkeypatch, open_path=path)
    window = make_window()

    def mapping(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
        assert "cp1252" in dialog.info.text() and "';'" in dialog.info.text()
        assert dialog.mapping.rowCount() == 3
        combo = dialog.mapping.cellWidget(2, 2)
        assert combo.currentData() == ""  # "Correo": not a header it knows
        assert dialog.model.index(0, 2).data() == ""
        combo.setCurrentIndex(combo.findData("email:home"))
        dialog.plan = None
        qtbot.mouseClick(dialog.apply_mapping, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
        assert dialog.model.index(0, 2).data() == "jose@example.es"
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)

    drive.append(mapping)
    window.actions["import_contacts"].trigger()
    [(given, email)] = db.execute_sql(
        "SELECT c.given_name, e.address FROM customer c JOIN customer_email e "
        "ON e.customer_id = c.id").fetchall()
    assert (given, email) == ("José", "jose@example.es")


def test_export_the_list_and_back_up_then_restore(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch, tmp_path: Path) -> None:
    add("Ana", "Ruiz", segment="VIP", emails=("ana@example.com",))
    add("Ben", "Carter", segment="Standard")
    window = make_window()
    window.customers.set_filter(window.customers.current_filter().__class__(segment="VIP"))
    target = tmp_path / "vip.vcf"
    _hooks(monkeypatch, save_path=target)
    window.actions["export_vcf"].trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    text = target.read_bytes().decode()
    assert text.count("BEGIN:VCARD") == 1 and "FN:Ana Ruiz" in text
    backup = tmp_path / "saved.db"
    _hooks(monkeypatch, save_path=backup)
    window.actions["back_up"].trigger()
    qtbot.waitUntil(backup.exists, timeout=10_000)
    QThreadPool.globalInstance().waitForDone(5_000)
    add("Cy", "After")
    assert _count() == 3
    _hooks(monkeypatch, open_path=backup, yes=True)
    window.actions["restore_backup"].trigger()
    qtbot.waitUntil(lambda: "Restored from saved.db" in window.statusBar().currentMessage(),
                    timeout=10_000)
    assert _count() == 2
    assert window.customers.model.total == 2
    assert list(tmp_path.glob("book.db.before-restore-*"))


def test_find_duplicates_and_merge_then_undo(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive) -> None:
    keep = add("Dolores", "Peña", emails=("lola@example.com",))
    other = add("Lola", "Pena", emails=("LOLA@example.com",), phones=("+1 905 555 1234",))
    window = make_window()

    def pick(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
        assert "same e-mail" in dialog.table.item(0, 3).text()
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    def merge(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.choices["given_name"].button(2).click()  # keep "Lola" as the given name
        buttons = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)

    drive.extend([pick, merge])
    window.actions["duplicates"].trigger()
    merged = customers.load(keep)
    assert (merged.given_name, merged.family_name) == ("Lola", "Peña")
    assert [p.value for p in merged.phones] == ["+19055551234"]
    assert customers.load(other).archived_at is not None
    assert window.profile.customer_id == keep
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.customers.table, Qt.Key.Key_Z, CTRL)
    assert customers.load(keep).given_name == "Dolores"
    assert customers.load(other).archived_at is None


def test_daily_backup_when_a_book_opens(qtbot, book, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.services import backups

    monkeypatch.delenv("CRMDESK_NO_AUTO_BACKUP", raising=False)
    add("Ana", "Ruiz")
    window = make_window()
    folder = backups.backup_dir(book.path)
    qtbot.waitUntil(lambda: len(list(folder.glob("auto-book-*.db"))) == 1, timeout=10_000)
    QThreadPool.globalInstance().waitForDone(5_000)
    assert backups.check(next(folder.glob("auto-book-*.db"))).customers == 1
    window.auto_backup()  # the same day: nothing more
    QThreadPool.globalInstance().waitForDone(5_000)
    assert len(list(folder.glob("auto-book-*.db"))) == 1


def test_undo_an_earlier_import_from_the_menu(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch, tmp_path: Path) -> None:
    from crmdesk.services.importing import contact_import, files

    path = tmp_path / "old.vcf"
    path.write_bytes(VCF.encode("utf-8"))
    read = files.read_path(path)
    contact_import.apply(contact_import.plan(read.contacts, path.name, "US"))
    window = make_window()
    assert window.customers.model.rowCount() == 2
    asked: list[list[str]] = []
    monkeypatch.setattr(MainWindow, "ask_choice",
                        lambda self, title, label, items: asked.append(items) or 0)
    window.actions["undo_import"].trigger()
    assert asked and asked[0][0].endswith("import of old.vcf, 2 customers")
    assert _count() == 0 and window.customers.model.rowCount() == 0
    assert "2 removed" in window.statusBar().currentMessage()


def test_an_unreadable_file_gets_a_message_in_the_dialog(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_bytes(b"Colour,Size\nred,big\n")
    _hooks(monkeypatch, open_path=path)
    window = make_window()

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
        assert "none of the columns (Colour, Size" in dialog.error.text()
        assert not dialog.import_button.isEnabled()
        dialog.reject()

    drive.append(look)
    window.actions["import_contacts"].trigger()
    assert _count() == 0 and window.undo_stack.count() == 0


def test_subject_access_pack_and_forgetting_from_the_window(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch, tmp_path: Path) -> None:
    cid = add("Zoe", "Forgetme", emails=("zoe.forget@example.com",))
    window = make_window()
    window.show_customer(cid)
    monkeypatch.setattr(MainWindow, "ask_folder", lambda self, title, suggested: tmp_path)
    window.actions["export_customer_data"].trigger()
    assert sorted(p.suffix for p in tmp_path.glob("Forgetme Zoe*")) == [".json", ".pdf"]
    _hooks(monkeypatch, yes=True)
    window.actions["forget_customer"].trigger()
    QThreadPool.globalInstance().waitForDone(10_000)
    assert window.profile.customer_id is None
    assert window.customers.model.rowCount() == 0  # forgotten customers wait in the Trash
    row = db.execute_sql("SELECT given_name, family_name, archived_at IS NOT NULL FROM customer"
                         ).fetchone()
    assert row == ("Forgotten", "", 1)
    assert db.execute_sql("SELECT count(*) FROM customer_email").fetchone()[0] == 0


def test_the_cli_asks_before_forgetting(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.cli import main
    from crmdesk.store.db import close_database

    path = str(tmp_path / "c.db")
    main(["add", "--db", path, "--given", "Ana", "--family", "Ruiz"])
    close_database()
    assert main(["privacy", "forget", "--db", path, "--customer", "1"]) == 1
    close_database()
    assert "add --yes" in capsys.readouterr().err
    assert main(["privacy", "export", "--db", path, "--customer", "1", "--out",
                 str(tmp_path / "pack")]) == 0
    close_database()
    assert main(["privacy", "forget", "--db", path, "--customer", "1", "--yes"]) == 0
    close_database()
    assert "was forgotten" in capsys.readouterr().out
