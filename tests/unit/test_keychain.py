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


@pytest.fixture
def probes(ring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts every time crmdesk reaches for the keyring (imports it, probes its backends)."""
    calls: list[int] = []
    real = keychain._keyring

    def counted():  # type: ignore[no-untyped-def]
        calls.append(1)
        return real()

    monkeypatch.setattr(keychain, "_keyring", counted)
    return calls


def test_a_plain_book_never_reaches_for_the_keyring_from_the_cli(
        probes: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crmdesk.cli import main
    from crmdesk.store.db import close_database

    monkeypatch.delenv("CRMDESK_PASSPHRASE", raising=False)
    path = tmp_path / "plain.db"
    assert main(["add", "--db", str(path), "--given", "Ana", "--family", "Gil"]) == 0
    close_database()
    assert main(["search", "--db", str(path)]) == 0
    close_database()
    assert probes == []


def test_an_encrypted_book_asks_the_keyring_only_when_no_passphrase_is_given(
        probes: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from crmdesk.cli import main
    from crmdesk.store.db import close_database

    path = tmp_path / "safe.db"
    monkeypatch.setenv("CRMDESK_PASSPHRASE", "correct horse")
    assert main(["add", "--db", str(path), "--given", "Ana", "--family", "Gil"]) == 0
    close_database()
    assert probes == []  # the passphrase was given
    monkeypatch.delenv("CRMDESK_PASSPHRASE")
    assert keychain.remember(path, "a stale one")  # a wrong remembered one: then ask
    probes.clear()
    capsys.readouterr()
    assert main(["search", "--db", str(path)]) == 1  # no terminal to ask on
    assert probes and "passphrase" in capsys.readouterr().err
    close_database()
    assert keychain.remember(path, "correct horse")
    assert main(["search", "--db", str(path)]) == 0
    close_database()
    assert "Ana Gil" in capsys.readouterr().out


_GUI_PROBE = """
import os, sys
from pathlib import Path
from crmdesk.ui.main_window import MainWindow

shown = MainWindow.show

def show(self):
    shown(self)
    print("window shown, keyring imported:", "keyring" in sys.modules)
    for action in self.menuBar().actions():
        action.menu().aboutToShow.emit()  # every menu opened once
    print("menus shown, keyring imported:", "keyring" in sys.modules)

MainWindow.show = show
from crmdesk.app import run_gui
code = run_gui(Path(sys.argv[1]))
sys.stdout.flush()
os._exit(code)
"""


def test_the_window_on_a_plain_book_does_not_import_keyring(tmp_path: Path) -> None:
    """Importing keyring and probing its backends costs ~450 ms of every start: a plain book
    never needs it, not to open, not for the window, not for its menus."""
    import os
    import subprocess
    import sys

    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database

    path = tmp_path / "plain.db"
    open_book(path)
    close_database()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CRMDESK_EXIT_AFTER_SHOW="1",
               CRMDESK_NO_DEMO_OFFER="1", CRMDESK_NO_AUTO_BACKUP="1",
               XDG_CONFIG_HOME=str(tmp_path / "cfg"), HOME=str(tmp_path))
    env.pop("CRMDESK_PASSPHRASE", None)
    done = subprocess.run([sys.executable, "-c", _GUI_PROBE, str(path)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "window shown, keyring imported: False" in done.stdout, done.stdout
    assert "menus shown, keyring imported: False" in done.stdout, done.stdout
    # The same script does see it when something imports it (the check can fail).
    done = subprocess.run([sys.executable, "-c", "import keyring\n" + _GUI_PROBE, str(path)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert "window shown, keyring imported: True" in done.stdout, done.stdout + done.stderr


_REMEMBERED = """
import os, sys
from pathlib import Path
import keyring
from keyring.backend import KeyringBackend

class Remembers(KeyringBackend):
    priority = 1
    def get_password(self, service, username):
        return "open sesame" if (service, username) == ("crmdesk", sys.argv[1]) else None
    def set_password(self, service, username, password):
        pass
    def delete_password(self, service, username):
        pass

keyring.set_keyring(Remembers())
import crmdesk.ui.dialogs.passphrase as dialogs

def asked(*args, **kwargs):
    print("passphrase asked")
    return None

dialogs.ask_passphrase = asked
from PySide6.QtWidgets import QMessageBox

QMessageBox.critical = staticmethod(lambda *args: print("error shown:", args[2]))
from crmdesk.app import run_gui
code = run_gui(Path(sys.argv[1]))
sys.stdout.flush()
os._exit(code)
"""


def test_the_window_opens_an_encrypted_book_with_the_remembered_passphrase(
        tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database

    path = tmp_path / "safe.db"
    open_book(path, passphrase="open sesame")
    close_database()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CRMDESK_EXIT_AFTER_SHOW="1",
               CRMDESK_NO_DEMO_OFFER="1", CRMDESK_NO_AUTO_BACKUP="1",
               XDG_CONFIG_HOME=str(tmp_path / "cfg"), HOME=str(tmp_path))
    env.pop("CRMDESK_PASSPHRASE", None)
    done = subprocess.run([sys.executable, "-c", _REMEMBERED, str(path.resolve())], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "shown_after_s" in done.stdout and "passphrase asked" not in done.stdout


def test_a_stale_remembered_passphrase_still_leaves_two_tries_at_the_terminal(
        ring: MemoryKeyring, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass
    import sys

    from crmdesk.cli import main
    from crmdesk.store.db import close_database

    path = tmp_path / "safe.db"
    monkeypatch.setenv("CRMDESK_PASSPHRASE", "correct horse")
    assert main(["add", "--db", str(path), "--given", "Ana", "--family", "Gil"]) == 0
    close_database()
    monkeypatch.delenv("CRMDESK_PASSPHRASE")
    assert keychain.remember(path, "an old one")
    typed = ["a typo", "correct horse"]
    asked: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda label: asked.append(label) or typed.pop(0))
    capsys.readouterr()
    assert main(["search", "--db", str(path)]) == 0
    close_database()
    assert len(asked) == 2 and "Ana Gil" in capsys.readouterr().out
    typed[:] = ["a typo", "another typo", "correct horse"]
    asked.clear()
    assert main(["search", "--db", str(path)]) == 1  # two wrong at the terminal: refused
    close_database()
    assert len(asked) == 2 and "Wrong passphrase" in capsys.readouterr().err
