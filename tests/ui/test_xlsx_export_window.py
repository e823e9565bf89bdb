"""The window's File menu exports the list as a spreadsheet whose postcodes keep their zeros."""

from __future__ import annotations

from pathlib import Path

from crmdesk.services import customers
from crmdesk.services.customers import CustomerData, PostalAddress
from tests.interop.test_xlsx_export import by_header


def test_the_window_exports_a_spreadsheet(qtbot, book, make_window, monkeypatch,  # type: ignore[no-untyped-def]
                                          tmp_path: Path) -> None:
    from crmdesk.ui.main_window import MainWindow

    customers.create(CustomerData(given_name="Ana", family_name="Peña", addresses=[
        PostalAddress("home", "", "Dresden", "", "01069", "DE")]), "DE")
    target = tmp_path / "w.xlsx"
    monkeypatch.setattr(MainWindow, "ask_save_path", lambda self, title, s, f: target)
    window = make_window()
    action = window.actions["export_xlsx"]
    assert action in window.menuBar().actions()[0].menu().actions()
    assert "leading zeros" in action.statusTip() or "leading zeros" in action.toolTip()
    action.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    (row,) = by_header(target)
    assert row["Address 1 - Postal Code"][1] == "01069"
