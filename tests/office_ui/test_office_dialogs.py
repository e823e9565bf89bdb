"""File ▸ Join Office Book…, File ▸ Make This an Office Book…, Settings ▸ Office Book…,
driven through their real widgets against the test hub."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from crmdesk.hub import testserver
from tests.conftest import add

PASSWORD = testserver.ADMIN_PASSWORD


def _menu_action(window: Any, text: str) -> Any:
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        for action in menu.actions():
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no menu item {text}")


def test_join_office_book_from_the_window(office: Any, tmp_path: Path, qtbot: Any,
                                          open_window: Any, drive: Any) -> None:
    from crmdesk.ui.dialogs.office_dialogs import JoinDialog

    office.start(customers=3)
    window = open_window(tmp_path / "empty.db")
    assert not window.office.button.isVisible()  # not an office book: no status item
    target = tmp_path / "ana-laptop.db"
    seen: dict[str, Any] = {}

    def join(dialog: JoinDialog) -> None:
        qtbot.keyClicks(dialog.hub, office.url)
        qtbot.keyClicks(dialog.login, "ana")
        qtbot.keyClicks(dialog.password_edit, PASSWORD)
        dialog.name.setText("Ana's laptop")
        dialog.path_edit.setText(str(target))
        qtbot.keyClicks(dialog.passphrase_edit, "laptop passphrase 1")
        qtbot.keyClicks(dialog.again, "laptop passphrase 2")
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
        seen["mismatch"] = dialog.message.text()
        dialog.again.setText("laptop passphrase 1")
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
        seen["progress"] = dialog.progress.isVisible()
        qtbot.waitUntil(lambda: not dialog.running, timeout=90000)
        seen["error"] = dialog.message.text()

    drive.append(join)
    _menu_action(window, "Join Office Book…").trigger()
    assert seen["mismatch"] == "The two passphrases differ."
    assert seen["progress"] and seen["error"] == ""
    assert window.book.path == target and window.book.encrypted
    assert window.customers.model.total == 3
    qtbot.waitUntil(lambda: window.office.button.text().startswith("Synced"), timeout=15000)
    assert window.office.device_label == "Ana's laptop"
    assert target.read_bytes()[:16] != b"SQLite format 3\x00"  # encrypted from its first byte
    # Ana is signed in with the password she just typed, as an executive: this laptop
    # applies her role (a manager's commands are greyed), and the next start asks for it.
    from crmdesk.services import access

    me = access.current()
    assert (me.name, me.role, me.signed_in) == ("Ana", "executive", True)
    assert access.accounts_exist() and access.sign_in_names() == ["Ana"]
    assert not access.can("staff")


def test_a_cancelled_join_leaves_no_half_book(office: Any, tmp_path: Path, qtbot: Any,
                                             open_window: Any, drive: Any) -> None:
    from crmdesk.ui.dialogs.office_dialogs import JoinDialog

    office.start(customers=2)
    window = open_window(tmp_path / "empty.db")
    target = tmp_path / "cancelled.db"
    seen: dict[str, Any] = {}

    def join_then_cancel(dialog: JoinDialog) -> None:
        dialog.hub.setText(office.url)
        dialog.login.setText("ana")
        dialog.password_edit.setText(PASSWORD)
        dialog.path_edit.setText(str(target))
        dialog.passphrase_edit.setText("pp-cancel")
        dialog.again.setText("pp-cancel")
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Connecting" in dialog.stage.text()
                        or "Receiving" in dialog.stage.text(), timeout=30000)
        seen["running"] = dialog.running
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Cancel
        qtbot.waitUntil(lambda: not dialog.running, timeout=30000)

    drive.append(join_then_cancel)
    _menu_action(window, "Join Office Book…").trigger()
    assert seen["running"]
    assert window.book.path == tmp_path / "empty.db"  # still on the book it had
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith("cancelled")]
    assert leftovers == []


def test_make_this_an_office_book_and_its_settings(hub: Any, tmp_path: Path, qtbot: Any,
                                                   open_window: Any, drive: Any) -> None:
    from crmdesk.services import sync
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database
    from crmdesk.ui.dialogs.office_dialogs import MakeOfficeDialog, OfficeSettingsDialog

    path = tmp_path / "office.db"
    open_book(path)
    add("Mercedes", "Peña")
    close_database()
    window = open_window(path)
    make = _menu_action(window, "Make This an Office Book…")
    assert make.isEnabled()
    seen: dict[str, Any] = {}

    def fill(dialog: MakeOfficeDialog) -> None:
        dialog.admin.setText(hub.admin_url)
        dialog.admin_password.setText(PASSWORD)
        dialog.login.setText("boss")
        dialog.password_edit.setText("short")
        dialog.again.setText("short")
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
        seen["short"] = dialog.message.text()
        dialog.password_edit.setText("boss-secret-1")
        dialog.again.setText("boss-secret-1")
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.running, timeout=90000)
        seen["error"] = dialog.message.text()

    drive.append(fill)
    make.trigger()
    assert seen["short"] == "Your hub password needs at least 8 characters."
    assert seen["error"] == ""
    assert sync.joined() and sync.state().login == "boss"
    assert not make.isEnabled()
    qtbot.waitUntil(lambda: window.office.button.text().startswith("Synced"), timeout=15000)

    # Settings ▸ Office Book…: the address shown, a bad one refused in a sentence, the
    # device's name kept.
    def settings(dialog: OfficeSettingsDialog) -> None:
        seen["hub"] = dialog.hub.text()
        dialog.hub.setText("http://example.com")
        dialog._save()
        seen["bad"] = dialog.message.text()
        dialog.hub.setText(seen["hub"])
        dialog.name.setText("Front desk")
        dialog._save()

    drive.append(settings)
    _menu_action(window, "Office Book…").trigger()
    assert seen["hub"] == sync.state().hub and seen["hub"].startswith("postgresql://")
    assert "not a PostgreSQL address" in seen["bad"]
    assert window.office.device_label == "Front desk"
    qtbot.waitUntil(lambda: window.office.button.text().startswith("Synced"), timeout=15000)
