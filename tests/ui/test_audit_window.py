"""The window's prints and views reach the audit trail through the services."""

from __future__ import annotations

from pathlib import Path

from crmdesk.services import periods
from crmdesk.store.db import db
from crmdesk.ui.main_window import MainWindow
from tests.conftest import add


def test_a_statement_printed_from_the_window_is_audited(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch, tmp_path: Path) -> None:
    cid = add("Ana", "Ruiz")
    window = make_window()
    monkeypatch.setattr(MainWindow, "ask_statement_path",
                        lambda self, suggested: tmp_path / suggested.name)
    monkeypatch.setattr(MainWindow, "open_document", lambda self, path: None)
    assert window.write_statement(cid, periods.parse_period("2026-10")) is not None
    rows = db.execute_sql("SELECT customer_id, detail FROM audit_entry WHERE action = 'print'"
                          ).fetchall()
    assert rows == [(cid, "loyalty statement 2026-10")]
    window.show_customer(cid)
    views = db.execute_sql("SELECT customer_id FROM audit_entry WHERE action = 'view'"
                           ).fetchall()
    assert views == [(cid,)]


def test_an_executive_may_not_import_a_whole_book_in_the_window(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch, tmp_path: Path) -> None:
    from crmdesk.services import access, exporting, staff

    add("Lola", "Peña")
    exporting.export_book(tmp_path / "book.json")
    db.execute_sql("DELETE FROM customer_fts")
    db.execute_sql("PRAGMA foreign_keys = OFF")
    for table in ("customer_email", "customer"):
        db.execute_sql(f"DELETE FROM {table}")
    db.execute_sql("PRAGMA foreign_keys = ON")
    for name, role in (("Marta", "manager"), ("Eva", "executive")):
        access.set_password(staff.add(name, role), f"{name.lower()}-secret-1")
    access.sign_in("Eva", "eva-secret-1")
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(message))
    window = make_window()
    window.import_book_file(tmp_path / "book.json")
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert errors == ["Eva (executive) may not import a whole book."]
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0
    access.reset()
