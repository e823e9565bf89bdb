"""Encrypted books (SQLCipher): nothing readable in the file, wrong or empty passphrases,
encrypting a plain book, changing the passphrase, backups, and the command line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.services import backups, customer_query, customers
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.store import encryption
from crmdesk.store.book import open_book
from crmdesk.store.db import (
    BookError,
    PassphraseNeeded,
    WrongPassphrase,
    close_database,
    db,
    is_encrypted,
)
from tests.conftest import add

SECRET = "correct horse 'battery' staple"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _plain_bytes(path: Path) -> bytes:
    return b"".join(Path(f"{path}{s}").read_bytes() for s in ("", "-wal")
                    if Path(f"{path}{s}").exists())


def test_an_encrypted_book_reveals_nothing_and_needs_its_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "secret.db"
    book = open_book(path, passphrase=SECRET)
    assert book.encrypted and is_encrypted(path)
    cid = add("Zacarías", "Quintanilla", emails=("zq.private@example.com",),
              phones=("+34 612 34 56 78",))
    assert customer_query.customer_ids(CustomerFilter(text="quintan")) == [cid]
    raw = _plain_bytes(path)
    for secret in (b"Quintanilla", b"zq.private", b"Zacar", b"612345678"):
        assert secret not in raw
    close_database()
    before = _digest(path)
    with pytest.raises(PassphraseNeeded):
        open_book(path)
    with pytest.raises(WrongPassphrase, match="Wrong passphrase for secret.db"):
        open_book(path, passphrase="wrong")
    with pytest.raises(BookError, match="empty passphrase"):
        open_book(path, passphrase="")
    assert _digest(path) == before
    open_book(path, passphrase=SECRET)
    assert customers.load(cid).family_name == "Quintanilla"
    close_database()


def test_a_new_book_with_an_empty_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BookError, match="empty passphrase"):
        open_book(tmp_path / "new.db", passphrase="")


def test_encrypt_a_plain_book_then_change_the_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    open_book(path)
    add("Lola", "Peña", emails=("lola@example.com",))
    close_database()
    assert b"lola@example.com" in _plain_bytes(path)
    encryption.encrypt_book(path, SECRET)
    assert is_encrypted(path) and b"lola@example.com" not in _plain_bytes(path)
    assert not list(tmp_path.glob(".*encrypting"))
    with pytest.raises(BookError, match="already encrypted"):
        encryption.encrypt_book(path, SECRET)
    encryption.rekey_book(path, SECRET, "new one")
    with pytest.raises(WrongPassphrase):
        open_book(path, passphrase=SECRET)
    open_book(path, passphrase="new one")
    assert [c for c in customer_query.customer_ids(CustomerFilter(text="lola"))]
    close_database()
    with pytest.raises(WrongPassphrase):
        encryption.rekey_book(path, "not it", "x")
    with pytest.raises(BookError, match="empty"):
        encryption.rekey_book(path, "new one", "")


def test_backups_of_an_encrypted_book_stay_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "secret.db"
    book = open_book(path, passphrase=SECRET)
    add("Ana", "Ruiz", emails=("ana.secret@example.com",))
    copy = backups.back_up(path, tmp_path / "copy.db", passphrase=book.passphrase)
    assert is_encrypted(copy) and b"ana.secret" not in copy.read_bytes()
    assert backups.check(copy, SECRET).customers == 1
    with pytest.raises(BookError, match="passphrase"):
        backups.check(copy)
    with pytest.raises(BookError):
        backups.check(copy, "wrong")
    add("Ben", "After")
    close_database()
    aside = backups.restore(path, copy, passphrase=SECRET)
    assert is_encrypted(aside)
    open_book(path, passphrase=SECRET)
    assert customer_query.count() == 1
    close_database()


def test_the_command_line_on_an_encrypted_book(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CRMDESK_PASSPHRASE", raising=False)
    path = str(tmp_path / "b.db")
    secret = tmp_path / "pass.txt"
    secret.write_text("pass one\n")
    main(["add", "--db", path, "--given", "Olga", "--family", "Smirnova"])
    close_database()
    assert main(["encrypt", "--db", path, "--passphrase-file", str(secret)]) == 0
    close_database()
    capsys.readouterr()
    assert main(["search", "--db", path, "olga"]) == 1
    assert "--passphrase-file" in capsys.readouterr().err  # no terminal to ask on
    close_database()
    assert main(["search", "--db", path, "--passphrase-file", str(secret), "--json"]) == 0
    close_database()
    assert json.loads(capsys.readouterr().out)[0]["family_name"] == "Smirnova"
    monkeypatch.setenv("CRMDESK_PASSPHRASE", "pass one")
    monkeypatch.setenv("CRMDESK_NEW_PASSPHRASE", "pass two")
    assert main(["rekey", "--db", path]) == 0
    close_database()
    assert main(["check", "--db", path]) == 1
    close_database()
    assert "Wrong passphrase" in capsys.readouterr().err
    monkeypatch.setenv("CRMDESK_PASSPHRASE", "pass two")
    assert main(["check", "--db", path]) == 0
    close_database()
    assert main(["backup", "--db", path, "--to", str(tmp_path / "bk.db")]) == 0
    close_database()
    assert is_encrypted(tmp_path / "bk.db")


def test_other_threads_open_with_the_key_derived_once(tmp_path: Path) -> None:
    import threading
    import time

    open_book(tmp_path / "s.db", passphrase=SECRET)
    add("Thread", "Safe")
    found: list[tuple[int, float]] = []

    def worker() -> None:
        started = time.perf_counter()
        found.append((customer_query.count(), time.perf_counter() - started))
        db.close()

    for _ in range(3):
        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
    assert db.obj._raw_key is not None  # derived once, from the file's salt
    assert [count for count, _ in found] == [1, 1, 1]
    assert max(seconds for _, seconds in found[1:]) < 0.08  # no 100 ms key derivation each
    close_database()


def test_every_passphrase_asked_for_is_tried(tmp_path: Path) -> None:
    """A wrong passphrase is asked again up to `tries` times, and the last one typed is
    tried too (it used to be asked for and thrown away)."""
    from crmdesk.store.book import open_book_asking

    path = tmp_path / "asked.db"
    open_book(path, passphrase=SECRET)
    close_database()
    typed = ["wrong 1", "wrong 2", SECRET]
    asked: list[str] = []

    def ask(message: str) -> str | None:
        asked.append(message)
        return typed.pop(0)

    book = open_book_asking(path, ask, tries=3)
    assert book.encrypted and len(asked) == 3 and not typed
    close_database()
    typed[:] = ["wrong 1", "wrong 2", "wrong 3", SECRET]
    asked.clear()
    with pytest.raises(BookError, match="Wrong passphrase"):
        open_book_asking(path, ask, tries=3)
    assert len(asked) == 3 and typed == [SECRET]  # three asked, three tried, no fourth
