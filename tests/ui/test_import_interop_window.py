"""The window's import of other programs' files: what is not kept is said in the preview,
a mapping is saved and used again (the same file the CLI's --mapping reads)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from PySide6.QtCore import Qt

from crmdesk.services import customers
from crmdesk.services.customers import ContactPoint, CustomerData
from crmdesk.store.db import db
from crmdesk.ui.main_window import MainWindow
from tests.interop.conftest import FIXTURES

CSV = "Vorname,Nachname,Mail privat,Kundennummer\nGrete,Müller,g@example.de,K-17\n"


def test_preview_says_what_is_not_kept_and_a_saved_mapping_is_used_again(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "kunden.csv"
    path.write_text(CSV, encoding="utf-8")
    saved = tmp_path / "kunden.mapping.json"
    monkeypatch.setattr(MainWindow, "ask_open_path", lambda self, title, filters: path)
    window = make_window()

    def mapping(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
        assert "Not kept: Kundennummer (1), Mail privat (1)" in dialog.info.text()
        assert "not kept: Mail privat, Kundennummer" in dialog.model.index(0, 5).data()
        assert dialog.save_mapping.isVisible() and dialog.load_mapping.isVisible()
        combo = dialog.mapping.cellWidget(2, 2)
        combo.setCurrentIndex(combo.findData("email:home"))
        dialog.save_mapping_to(saved)
        spec = json.loads(saved.read_text())
        spec["columns"]["Kundennummer"] = "note:Customer number"
        saved.write_text(json.dumps(spec))
        combo.setCurrentIndex(combo.findData(""))
        dialog.plan = None
        dialog.load_mapping_from(saved)
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
        assert dialog.mapping.cellWidget(2, 2).currentData() == "email:home"
        assert dialog.mapping.cellWidget(3, 2).currentData() == "note:Customer number"
        assert "Not kept" not in dialog.info.text()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)

    drive.append(mapping)
    window.actions["import_contacts"].trigger()
    [(given, notes, email)] = db.execute_sql(
        "SELECT c.given_name, c.notes, e.address FROM customer c JOIN customer_email e "
        "ON e.customer_id = c.id").fetchall()
    assert (given, notes, email) == ("Grete", "Customer number: K-17", "g@example.de")


def test_a_thunderbird_file_comes_in_whole_through_the_window(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch) -> None:
    monkeypatch.setattr(MainWindow, "ask_open_path",
                        lambda self, title, filters: FIXTURES / "thunderbird.csv")
    window = make_window()

    def preview(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
        assert "thunderbird layout" in dialog.info.text()
        assert dialog.model.index(0, 2).data().startswith("juergen@example.de")
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)

    drive.append(preview)
    window.actions["import_contacts"].trigger()
    emails = [r[0] for r in db.execute_sql("SELECT address FROM customer_email ORDER BY 1")]
    assert emails == ["ana@example.es", "j.schneider@work.example", "juergen@example.de"]


def test_the_window_exports_for_outlook(qtbot, book, make_window, monkeypatch,  # type: ignore[no-untyped-def]
                                        tmp_path: Path) -> None:
    from crmdesk.ui.main_window import MainWindow

    customers.create(CustomerData(given_name="Ana", family_name="Peña", emails=[
        ContactPoint("work", "ana@banco.example")]), "ES")
    target = tmp_path / "o.csv"
    monkeypatch.setattr(MainWindow, "ask_save_path", lambda self, title, s, f: target)
    window = make_window()
    assert window.actions["export_outlook_csv"] in window.menuBar().actions()[0].menu().actions()
    window.actions["export_outlook_csv"].trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        header, row = list(csv.reader(fh))
    assert dict(zip(header, row, strict=True))["E-mail Address"] == "ana@banco.example"


def test_profile_makes_a_client_an_organisation_and_a_person_its_contact(  # type: ignore[no-untyped-def]
        qtbot, book, make_window) -> None:
    from tests.conftest import add

    bank = add("Banco Ejemplo", "")
    ana = add("Ana", "Ruiz")
    window = make_window()
    view = window.customers
    assert view.select_id(bank)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    profile = window.profile
    assert not profile.kind.isChecked()
    profile.kind.setChecked(True)
    assert profile.is_dirty()
    qtbot.keyClick(profile.given, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert customers.load(bank).kind == "organisation"
    assert view.select_id(ana)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert profile.customer_id == ana
    assert profile.works_for.isVisibleTo(profile) and not profile.kind.isChecked()
    profile.works_for.setCurrentIndex(profile.works_for.findData(bank))
    qtbot.keyClick(profile.given, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert customers.load(ana).organisation_id == bank
    assert view.select_id(bank)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert profile.contact_persons.text() == "Ana Ruiz"
    assert not profile.works_for.isVisibleTo(profile)
