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
