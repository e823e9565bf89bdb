"""Book-level flows in the window: the first-start demo offer, switching books, bad files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from crmdesk import paths
from crmdesk.services import customer_query
from tests.conftest import add


def test_first_start_offers_the_demo_book(qtbot, book, make_window, monkeypatch,
                                          tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "data")
    asked: list[str] = []

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window = make_window(offer_demo=True)
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    assert "This client book is empty" in asked[0]
    qtbot.waitUntil(lambda: window.nav_customers.text(0) == "Customers (500)", timeout=20000)
    assert window.book.path == (tmp_path / "data" / "demo.db").resolve()
    assert customer_query.count() == 500
    assert window.customers.model.rowCount() == 500
    assert window.qsettings.value("demo/offered", False, type=bool)


def test_no_offer_for_a_book_with_customers(qtbot, book, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add("Ana", "Ruiz")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: (_ for _ in ()).throw(AssertionError("asked")))
    window = make_window(offer_demo=True)
    qtbot.wait(50)
    assert window.customers.model.rowCount() == 1


def test_opening_a_bad_file_keeps_the_current_book(qtbot, book, make_window,
                                                   tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    add("Ana", "Ruiz")
    window = make_window()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    assert not window.switch_book(junk)
    assert "not a crmdesk book" in window.last_error
    assert window.book.path == book.path
    assert customer_query.count() == 1  # still answering from the open book
    other = tmp_path / "other.db"
    assert window.switch_book(other)
    assert window.customers.model.rowCount() == 0
    assert window.windowTitle().startswith("other.db")
