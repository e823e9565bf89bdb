"""Sign-in: failures are recorded (never the password), a name that failed five times in a
row waits 30 seconds whoever asks (window or command line), and an unknown name costs the
same as a wrong password."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.services import access, audit, staff
from crmdesk.store.book import Book, open_book
from crmdesk.store.db import close_database, db


def _office() -> dict[str, int]:
    ids = {name: staff.add(name, role) for name, role in [
        ("Marta", "manager"), ("Rita", "receptionist")]}
    for name, sid in ids.items():
        access.set_password(sid, f"{name.lower()}-secret-1")
    return ids


def _trail() -> list[tuple[str, str, str]]:
    return db.execute_sql("SELECT who, action, detail FROM audit_entry ORDER BY id").fetchall()


def test_failed_sign_ins_are_in_the_audit_trail_without_the_password(book: Book) -> None:
    _office()
    with pytest.raises(access.SignInFailed):
        access.sign_in("Rita", "guess-number-1")
    with pytest.raises(access.SignInFailed):
        access.sign_in("rita-secret-1", "guess-number-2")  # the password typed as the name
    trail = _trail()
    assert ("Rita", "sign_in_failed", "") in trail
    assert [t for t in trail if t[1] == "sign_in_failed"][-1][0].startswith("(unknown name) ")
    text = repr(db.execute_sql("SELECT * FROM audit_entry").fetchall())
    assert "guess-number" not in text and "rita-secret-1" not in text
    access.sign_in("Marta", "marta-secret-1")
    assert audit.verify().ok
    assert any(e.action == "sign_in_failed" and e.who == "Rita" for e in audit.entries())


def test_five_failures_pause_that_name_for_30_seconds_even_across_processes(
        book: Book, monkeypatch: pytest.MonkeyPatch) -> None:
    _office()
    for n in range(5):
        with pytest.raises(access.SignInFailed):
            access.sign_in("Rita", f"wrong-{n}")
    # The next try waits, even with the right password, and in a fresh session.
    close_database()
    access.reset()
    open_book(book.path)
    with pytest.raises(access.SignInPaused, match=r"try again in \d+ seconds"):
        access.sign_in("Rita", "rita-secret-1")
    access.sign_in("Marta", "marta-secret-1")  # other names are not held up
    access.reset()
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=31)
    monkeypatch.setattr(access, "_now", lambda: later)
    assert access.sign_in("Rita", "rita-secret-1").name == "Rita"
    # a success starts the count again
    with pytest.raises(access.SignInFailed) as failed:
        access.sign_in("Rita", "wrong-again")
    assert not isinstance(failed.value, access.SignInPaused)


def test_the_pause_holds_for_an_unknown_name_too_and_tells_no_names_apart(
        book: Book) -> None:
    _office()
    for n in range(5):
        with pytest.raises(access.SignInFailed):
            access.sign_in("Nobody", f"wrong-{n}")
    with pytest.raises(access.SignInPaused):
        access.sign_in("Nobody", "anything")
    # Another unknown name, like a real one, is not held up by Nobody's failures.
    for name in ("Rita", "Someone Else"):
        with pytest.raises(access.SignInFailed) as failed:
            access.sign_in(name, "wrong")
        assert not isinstance(failed.value, access.SignInPaused), name


def test_an_unknown_name_costs_one_hash_check_like_a_wrong_password(
        book: Book, monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    _office()
    calls: list[str] = []
    real_verify, real_hash = PasswordHasher.verify, PasswordHasher.hash

    def verify(self: PasswordHasher, stored: str, secret: str) -> bool:
        calls.append("verify")
        return bool(real_verify(self, stored, secret))

    def hash_(self: PasswordHasher, secret: str, **kw: object) -> str:
        calls.append("hash")
        return str(real_hash(self, secret))

    # Every command is a new process: nothing computed by an earlier sign-in is at hand.
    monkeypatch.setattr(access, "_DUMMY", [], raising=False)
    monkeypatch.setattr(PasswordHasher, "verify", verify)
    monkeypatch.setattr(PasswordHasher, "hash", hash_)
    for name in ("Rita", "Nobody", "Rita", "Someone Else"):
        calls.clear()
        with pytest.raises(access.SignInFailed):
            access.sign_in(name, "wrong password")
        assert calls == ["verify"], (name, calls)


def test_the_cli_pauses_too(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    from crmdesk.cli import main

    access.reset()
    open_book(tmp_path / "b.db")
    _office()
    close_database()
    access.reset()
    for n in range(5):
        monkeypatch.setenv("CRMDESK_PASSWORD", f"wrong-{n}")
        assert main(["--user", "Rita", "search", "--db", str(tmp_path / "b.db")]) == 1
        close_database()
    monkeypatch.setenv("CRMDESK_PASSWORD", "rita-secret-1")
    assert main(["--user", "Rita", "search", "--db", str(tmp_path / "b.db")]) == 1
    err = capsys.readouterr().err
    assert "try again in" in err and "Traceback" not in err
    close_database()
    access.reset()
