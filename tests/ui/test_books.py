"""Book-level flows in the window: the first-start demo offer, switching books, bad files."""

from __future__ import annotations

from pathlib import Path

from crmdesk import paths
from crmdesk.services import customer_query
from crmdesk.ui.main_window import MainWindow
from tests.conftest import add


def test_first_start_offers_the_demo_book(qtbot, book, make_window, monkeypatch,
                                          tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "data")
    asked: list[str] = []
    monkeypatch.setattr(MainWindow, "ask_welcome", lambda self: asked.append("?") or "demo")
    window = make_window(offer_demo=True)
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    qtbot.waitUntil(lambda: window.nav_customers.text(0) == "Customers (500)", timeout=20000)
    assert window.book.path == (tmp_path / "data" / "demo.db").resolve()
    assert customer_query.count() == 500
    assert window.customers.model.rowCount() == 500
    assert window.qsettings.value("demo/offered", False, type=bool)


def test_no_offer_for_a_book_with_customers(qtbot, book, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add("Ana", "Ruiz")
    monkeypatch.setattr(MainWindow, "ask_welcome",
                        lambda self: (_ for _ in ()).throw(AssertionError("asked")))
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


def test_first_start_can_go_straight_to_importing_contacts(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    contacts = tmp_path / "phone.vcf"
    contacts.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ruiz;Ana;;;\r\nEND:VCARD\r\n")
    monkeypatch.setattr(MainWindow, "ask_welcome", lambda self: "import")
    monkeypatch.setattr(MainWindow, "ask_open_path", lambda self, title, filters: contacts)

    def import_all(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
        dialog.start_import()
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)

    drive.append(import_all)
    window = make_window()
    window._offer_demo()  # what the first start runs once the window is shown
    assert customer_query.count() == 1
    assert window.customers.model.rowCount() == 1
    assert window.book.path == book.path


def test_encrypt_the_open_book_then_open_it_with_its_passphrase(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch, tmp_path: Path) -> None:
    from crmdesk.store.db import is_encrypted

    cid = add("Vera", "Secreta", emails=("vera@example.com",))
    window = make_window()
    monkeypatch.setattr(MainWindow, "ask_new_passphrase", lambda self, title: "open sesame")
    window.actions["encrypt_book"].trigger()
    qtbot.waitUntil(lambda: window.book.encrypted, timeout=20_000)
    assert is_encrypted(book.path)
    assert window.customers.model.rowCount() == 1
    assert "encrypted" in window.statusBar().currentMessage()
    other = tmp_path / "other.db"
    assert window.switch_book(other)
    asked: list[str] = []
    answers = iter(["wrong", "open sesame"])
    monkeypatch.setattr(MainWindow, "ask_passphrase",
                        lambda self, message: asked.append(message) or next(answers))
    assert window.switch_book(book.path)
    assert asked[0].endswith("is encrypted. Passphrase:")
    assert asked[1].startswith("Wrong passphrase")
    assert window.customers.model.rowCount() == 1
    window.show_customer(cid)
    assert window.profile.current_data().family_name == "Secreta"
    monkeypatch.setattr(MainWindow, "ask_passphrase", lambda self, message: None)
    assert window.switch_book(other)
    assert not window.switch_book(book.path)
    assert "no passphrase given" in window.last_error


def test_another_book_leaves_no_stale_timeline(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, tmp_path) -> None:
    """The timeline kept the previous book's customer after the book changed: Refresh then
    raised "Customer 1 does not exist" (or showed another client's history under that id)."""
    from tests.conftest import add

    cid = add("Lola", "Peña")
    window = make_window()
    window.customers.select_id(cid)
    qtbot.waitUntil(lambda: window.timeline.model.customer_id == cid)
    assert window.switch_book(tmp_path / "other.db")
    assert window.timeline.model.customer_id is None
    window.refresh()
    assert window.timeline.model.customer_id is None
    assert "Select a customer" in window.timeline.summary.text()


def test_an_office_book_can_be_encrypted_while_its_sync_worker_runs(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch) -> None:
    """The sync worker keeps a connection of its own to the book: encrypting (or changing
    the passphrase, or restoring) stops it first and starts it again on the new file,
    rather than being refused as "still open in this program"."""
    from crmdesk.services import sync
    from crmdesk.store.db import db, is_encrypted

    with db.atomic():
        sync.start(device="dev-1", office="office-1", hub="postgresql://127.0.0.1:9/x",
                   login="ana")
    add("Vera", "Secreta")
    window = make_window()
    assert window.office.live is not None  # the worker runs (and finds no hub)
    qtbot.waitUntil(lambda: window.office.last is not None, timeout=10_000)
    monkeypatch.setattr(MainWindow, "ask_new_passphrase", lambda self, title: "open sesame")
    window.actions["encrypt_book"].trigger()
    qtbot.waitUntil(lambda: window.book.encrypted or bool(window.last_error), timeout=20_000)
    assert window.book.encrypted, window.last_error
    assert is_encrypted(book.path)
    assert window.office.live is not None  # syncing again, on the encrypted book
    window.office.stop()
