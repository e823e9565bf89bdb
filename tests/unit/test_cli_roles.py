"""Staff accounts on the command line: every command signs in, and roles hold there too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crmdesk.cli import EXIT_NOT_ALLOWED, main
from crmdesk.services import access
from crmdesk.store.db import close_database


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("CRMDESK_USER", "CRMDESK_PASSWORD", "CRMDESK_NEW_PASSWORD", "CRMDESK_NEW_PIN"):
        monkeypatch.delenv(name, raising=False)
    yield
    access.reset()
    close_database()


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str,
        password: str | None = None, new: str | None = None) -> tuple[int, str, str]:
    with monkeypatch.context() as m:
        if password is not None:
            m.setenv("CRMDESK_PASSWORD", password)
        if new is not None:
            m.setenv("CRMDESK_NEW_PASSWORD", new)
            m.setenv("CRMDESK_NEW_PIN", new)
        code = main(list(args))
    close_database()
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch) -> str:
    """A book with a manager, an executive (Eva) and a receptionist (Rita), one exclusive
    client of Eva's with a private note, and one ordinary client."""
    db = str(tmp_path / "office.db")
    r = lambda *a, **k: run(capsys, monkeypatch, *a, **k)  # noqa: E731
    assert r("staff", "add", "Marta", "--role", "manager", "--db", db)[0] == 0
    assert r("staff", "add", "Eva", "--role", "executive", "--db", db)[0] == 0
    assert r("staff", "add", "Rita", "--role", "receptionist", "--db", db)[0] == 0
    assert r("staff", "password", "Marta", "--db", db, new="marta-secret-1")[0] == 0
    # From now on the book has accounts: the manager signs in to set the others up.
    for name in ("Eva", "Rita"):
        code, out, err = r("--user", "Marta", "staff", "password", name, "--db", db,
                           password="marta-secret-1", new=f"{name.lower()}-secret-1")
        assert code == 0, err
    from crmdesk.services import customers
    from crmdesk.store.book import open_book
    from tests.conftest import add

    open_book(Path(db))
    add("Lola", "Peña", emails=("lola@example.es",), relationship_type="exclusive", owner="Eva",
        company="Banco Sur", notes="Going through a divorce", notes_private=True)
    add("Carla", "Ruiz", emails=("carla@example.com",))
    assert customers.load(1).notes_private
    close_database()
    return db


def test_a_book_with_accounts_refuses_anyone_who_does_not_sign_in(
        office: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run(capsys, monkeypatch, "search", "--db", office, "--json")
    assert code == 1 and out == "" and "--user NAME" in err
    code, out, err = run(capsys, monkeypatch, "--user", "Eva", "search", "--db", office,
                         password="wrong password")
    assert code == 1 and out == "" and "wrong password" in err
    # $CRMDESK_USER alone (the old way of naming who works) is not a sign-in.
    monkeypatch.setenv("CRMDESK_USER", "Marta")
    code, out, err = run(capsys, monkeypatch, "export", "--db", office, "--format", "csv",
                         "--out", str(Path(office).with_name("all.csv")))
    assert code == 1 and "CRMDESK_PASSWORD" in err
    assert not Path(office).with_name("all.csv").exists()


def test_receptionist_on_the_command_line(
        office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def rita(*args: str) -> tuple[int, str, str]:
        return run(capsys, monkeypatch, "--user", "Rita", *args, "--db", office,
                   password="rita-secret-1")

    code, out, _ = rita("search", "--json")
    found = {row["given_name"]: row for row in json.loads(out)}
    assert code == 0 and set(found) == {"Lola", "Carla"}
    lola = found["Lola"]
    assert lola["emails"] == ["lola@example.es"] and lola["shown"] == "contact"
    assert lola["company"] == "" and lola["notes"] == ""
    assert "divorce" not in out and "Banco Sur" not in out
    assert rita("search", "divorce", "--json")[1].strip() == "[]"
    code, out, _ = rita("log", "--customer", "1", "--channel", "phone", "--direction", "in",
                     "--note", "Asked for Eva", "--json")
    assert code == 0 and json.loads(out)["interaction_id"]
    denied = [
        ("export", "--format", "csv", "--out", str(tmp_path / "x.csv")),
        ("export", "--format", "json", "--out", str(tmp_path / "x.json")),
        ("statement", "--customer", "2", "--period", "2026-10", "--out", str(tmp_path / "s.pdf")),
        ("privacy", "export", "--customer", "2", "--out", str(tmp_path / "pack")),
        ("privacy", "forget", "--customer", "2", "--yes"),
        ("backup", "--to", str(tmp_path / "b.db")),
        ("audit", "list"),
        ("merge", "--keep", "1", "--other", "2"),
        ("staff", "password", "Marta"),
        ("staff", "role", "Rita", "--role", "manager"),
        ("log", "--customer", "2", "--channel", "phone", "--direction", "in", "--note", "x",
         "--staff", "Eva"),  # not under someone else's name
    ]
    for args in denied:
        code, out, err = rita(*args)
        assert code == EXIT_NOT_ALLOWED, (args, err)
        assert err.startswith("crmdesk: Rita") and " may " in err, err
    assert not any(tmp_path.glob("x.*")) and not (tmp_path / "s.pdf").exists()
    assert not (tmp_path / "pack").exists() and not (tmp_path / "b.db").exists()
    # Nothing was forgotten or merged; the audit trail (read by the manager) says who did what.
    code, out, _ = run(capsys, monkeypatch, "--user", "Marta", "audit", "list", "--json",
                       "--db", office, password="marta-secret-1")
    entries = json.loads(out)
    assert code == 0 and not any(e["action"] in ("forget", "merge") for e in entries)
    assert any(e["who"] == "Rita" and e["action"] == "sign_in" for e in entries)


def test_executive_sees_own_exclusive_client_and_may_export_it(
        office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(capsys, monkeypatch, "--user", "Eva", "search", "lola", "--json",
                       "--db", office, password="eva-secret-1")
    row = json.loads(out)[0]
    assert code == 0 and row["notes"] == "Going through a divorce" and row["shown"] == "full"
    code, out, err = run(capsys, monkeypatch, "--user", "Eva", "privacy", "export",
                         "--customer", "1", "--out", str(tmp_path / "pack"), "--db", office,
                         password="eva-secret-1")
    assert code == 0, err
    # but not the whole book, and not the staff accounts
    code, _, err = run(capsys, monkeypatch, "--user", "Eva", "export", "--format", "json",
                       "--out", str(tmp_path / "book.json"), "--db", office,
                       password="eva-secret-1")
    assert code == EXIT_NOT_ALLOWED and "whole book" in err


def test_staff_list_and_pins(office: str, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(capsys, monkeypatch, "--user", "Eva", "staff", "pin", "Eva",
                       "--db", office, password="eva-secret-1", new="2468")
    assert code == 0, err
    code, out, _ = run(capsys, monkeypatch, "--user", "Eva", "staff", "list", "--json",
                       "--db", office, password="eva-secret-1")
    accounts = {a["name"]: a for a in json.loads(out)}
    assert accounts["Eva"]["pin"] and accounts["Eva"]["can_sign_in"]
    assert accounts["Marta"]["role"] == "manager" and not accounts["Rita"]["pin"]
    raw = Path(office).read_bytes()
    assert b"eva-secret-1" not in raw and b"$argon2id$" in raw


def test_the_installed_command_refuses_too(office: str, tmp_path: Path) -> None:
    env = {**os.environ, "CRMDESK_PASSWORD": "rita-secret-1"}
    done = subprocess.run([sys.executable, "-m", "crmdesk", "--user", "Rita", "export",
                           "--db", office, "--format", "vcf", "--out", str(tmp_path / "a.vcf")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == EXIT_NOT_ALLOWED
    assert "may not export" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "a.vcf").exists()
