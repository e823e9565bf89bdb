"""File ▸ Remember Passphrase asks the keyring only when the File menu opens on an encrypted
book: the window on a plain book never loads keyring (~450 ms of every start)."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from crmdesk.services import keychain
from tests.conftest import add
from tests.unit.test_keychain import MemoryKeyring


@pytest.fixture
def probes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = keychain._keyring

    def counted():  # type: ignore[no-untyped-def]
        calls.append(1)
        return real()

    monkeypatch.setattr(keychain, "_keyring", counted)
    return calls


def _open_file_menu(window) -> None:  # type: ignore[no-untyped-def]
    window.menuBar().actions()[0].menu().aboutToShow.emit()


def test_plain_book_window_and_menu_never_probe_the_keyring(  # type: ignore[no-untyped-def]
        book, make_window, probes) -> None:
    window = make_window()
    assert probes == []
    _open_file_menu(window)
    assert probes == [] and not window.actions["remember_passphrase"].isEnabled()


def test_encrypted_book_menu_shows_what_the_keyring_holds(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, probes, monkeypatch) -> None:
    from crmdesk.ui.main_window import MainWindow

    add("Vera", "Secreta")
    window = make_window()
    monkeypatch.setattr(MainWindow, "ask_new_passphrase", lambda self, title: "open sesame")
    window.actions["encrypt_book"].trigger()
    qtbot.waitUntil(lambda: window.book.encrypted, timeout=20_000)
    remember = window.actions["remember_passphrase"]
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        _open_file_menu(window)
        assert probes and remember.isEnabled() and not remember.isChecked()
        remember.trigger()
        assert remember.isChecked() and keychain.get(window.book.path) == "open sesame"
        memory.items.clear()  # forgotten elsewhere: the menu follows the keyring
        _open_file_menu(window)
        assert remember.isEnabled() and not remember.isChecked()
        keyring.set_keyring(fail.Keyring())
        _open_file_menu(window)
        assert not remember.isEnabled() and "No system keyring" in remember.toolTip()
    finally:
        keyring.set_keyring(before)
