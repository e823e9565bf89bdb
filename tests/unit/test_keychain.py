"""The passphrase kept in the system keyring, when there is one (here: one in memory)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from crmdesk.services import keychain


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def test_no_keyring_means_nothing_remembered(tmp_path: Path) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not keychain.available()
        assert not keychain.remember(tmp_path / "b.db", "secret")
        assert keychain.get(tmp_path / "b.db") is None
        keychain.forget(tmp_path / "b.db")
    finally:
        keyring.set_keyring(before)


def test_remembered_passphrase_opens_the_book_from_the_cli(
        ring: MemoryKeyring, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from crmdesk.cli import main
    from crmdesk.store.db import close_database

    monkeypatch.delenv("CRMDESK_PASSPHRASE", raising=False)
    path = tmp_path / "safe.db"
    monkeypatch.setenv("CRMDESK_PASSPHRASE", "correct horse")
    assert main(["add", "--db", str(path), "--given", "Ana", "--family", "Gil"]) == 0
    close_database()
    monkeypatch.delenv("CRMDESK_PASSPHRASE")
    assert main(["search", "--db", str(path)]) == 1  # no terminal, nothing remembered
    close_database()
    assert keychain.remember(path, "correct horse")
    assert ring.items == {("crmdesk", str(path.resolve())): "correct horse"}
    capsys.readouterr()
    assert main(["search", "--db", str(path)]) == 0
    close_database()
    assert "Ana Gil" in capsys.readouterr().out
    monkeypatch.setenv("CRMDESK_NEW_PASSPHRASE", "battery staple")
    assert main(["rekey", "--db", str(path)]) == 0  # the keyring follows the new one
    close_database()
    assert keychain.get(path) == "battery staple"
    keychain.forget(path)
    assert ring.items == {}
