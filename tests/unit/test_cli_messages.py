"""`crmdesk message`, `messages`, `templates` and `brief` as a script uses them."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from crmdesk.cli import EXIT_NOT_ALLOWED, main
from crmdesk.services import access
from crmdesk.services.customers import PostalAddress
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database
from tests.conftest import add

TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("CRMDESK_USER", "CRMDESK_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    yield
    access.reset()
    close_database()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    close_database()
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def book_file(tmp_path: Path) -> str:
    path = tmp_path / "b.db"
    open_book(path)
    add("Dolores", "Peña", region="ES", preferred_name="Lola", salutation="Sra.", language="es",
        emails=("lola@example.es",), consents={"email": TODAY, "post": TODAY}, segment="VIP",
        addresses=[PostalAddress("home", "Calle Mayor 1", "Madrid", "", "28001", "España")])
    add('<b>&"Peña"{{ 7*7 }}', "=cmd", emails=("x@example.com",), segment="VIP",
        consents={"email": TODAY})
    add("Tom", "Nope", emails=("tom@example.com",), segment="VIP")
    close_database()
    return str(path)


def test_message_json_fields_and_the_eml(book_file: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "message", "--db", book_file, "--customer", "1",
                         "--template", "follow-up", "--out", str(tmp_path / "m.eml"), "--json")
    assert code == 0, err
    got = json.loads(out)
    assert set(got) == {"customer_id", "channel", "language", "subject", "body", "file",
                        "interaction_id"}
    assert (got["customer_id"], got["channel"], got["language"]) == (1, "email", "es")
    assert got["body"].startswith("Estimada Sra. Peña:") and got["file"].endswith("m.eml")
    parsed = email.message_from_bytes(Path(got["file"]).read_bytes(),
                                      policy=email.policy.default)
    assert parsed["Subject"] == got["subject"] == "Seguimiento de nuestra conversación"
    code, out, _ = run(capsys, "audit", "list", "--db", book_file, "--customer", "1", "--json")
    assert any(e["action"] == "export" and "Follow-up" in e["detail"] for e in json.loads(out))


def test_message_channel_from_the_extension_language_and_errors(
        book_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "message", "--db", book_file, "--customer", "1", "--template",
                       "Thank you", "--language", "en", "--out", str(tmp_path / "l.pdf"),
                       "--json")
    got = json.loads(out)
    assert code == 0 and (got["channel"], got["language"]) == ("letter", "en")
    assert (tmp_path / "l.pdf").read_bytes().startswith(b"%PDF")
    code, out, err = run(capsys, "message", "--db", book_file, "--customer", "2", "--template",
                         "Appointment", "--out", str(tmp_path))
    assert code == 0 and out.strip().endswith(".txt")
    assert "has no phone number" in err and "characters" in err
    assert '{{ 7*7 }}' in Path(out.strip()).read_text(encoding="utf-8")
    for args, message in [
            (("--customer", "99", "--template", "Birthday"), "There is no customer 99"),
            (("--customer", "1", "--template", "Nope"), "There is no template “Nope”"),
            (("--customer", "1", "--template", "Birthday", "--channel", "letter"), None)]:
        code, _, err = run(capsys, "message", "--db", book_file, *args, "--out",
                           str(tmp_path / "nowhere" / "x.pdf"))
        assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
        if message:
            assert message in err


def test_messages_skip_those_without_consent(book_file: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "messages", "--db", book_file, "--template", "Birthday",
                         "--segment", "VIP", "--out", str(tmp_path / "out"), "--json")
    assert code == 0, err
    got = json.loads(out)
    assert [w["customer_id"] for w in got["written"]] == [2, 1]
    assert got["skipped"] == [{"customer_id": 3, "name": "Tom Nope",
                               "reason": "did not consent to e-mail"}]
    assert len(list((tmp_path / "out").glob("*.eml"))) == 2
    code, out, err = run(capsys, "messages", "--db", book_file, "--template", "Thank you",
                         "--segment", "VIP", "--out", str(tmp_path / "letters"), "--combined")
    assert code == 0 and out.strip().endswith(".pdf") and "1 written (letter)" in err
    assert "skipped: Tom Nope (#3) has no postal address" in err


def test_templates_list_and_show(book_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates", "list", "--db", book_file, "--json")
    names = {t["name"]: t for t in json.loads(out)}
    assert code == 0 and names["Birthday"]["languages"] == ["en", "es"]
    code, out, _ = run(capsys, "templates", "show", "Birthday", "--db", book_file, "--json")
    shown = json.loads(out)
    assert [t["language"] for t in shown] == ["en", "es"] and "greeting_line" in shown[0]["fields"]
    code, out, _ = run(capsys, "templates", "show", "Birthday", "--db", book_file)
    assert "# Birthday (English, E-mail)" in out and "{{ greeting_line }}" in out
    code, _, err = run(capsys, "templates", "show", "Nope", "--db", book_file)
    assert code == 1 and "There is no template" in err


def test_brief_and_roles(book_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run(capsys, "brief", "--db", book_file, "--customer", "1", "--out",
                         str(tmp_path / "b.pdf"))
    assert code == 0 and (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF"), err
    from crmdesk.services import staff

    open_book(book_file)
    boss = staff.add("Marta", "manager")
    staff.add("Rita", "receptionist")
    access.set_password(boss, "marta-secret-1")
    access.sign_in("Marta", "marta-secret-1")
    access.set_password(staff.require("Rita"), "rita-secret-1")
    close_database()
    monkeypatch.setenv("CRMDESK_PASSWORD", "rita-secret-1")
    code, _, err = run(capsys, "--user", "Rita", "brief", "--db", book_file, "--customer", "1",
                       "--out", str(tmp_path / "r.pdf"))
    assert code == EXIT_NOT_ALLOWED and "may not print meeting briefs" in err
    code, out, err = run(capsys, "--user", "Rita", "message", "--db", book_file, "--customer",
                         "1", "--template", "Birthday", "--out", str(tmp_path / "r.eml"),
                         "--json")
    assert code == 0, err  # a receptionist writes to the clients she may see
    assert not (tmp_path / "r.pdf").exists()


def test_a_hidden_merge_field_is_refused_on_the_command_line(
        book_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from crmdesk.services import customers, staff

    open_book(book_file)
    boss = staff.add("Marta", "manager")
    staff.add("Eva", "executive")
    staff.add("Rita", "receptionist")
    access.set_password(boss, "marta-secret-1")
    access.sign_in("Marta", "marta-secret-1")
    access.set_password(staff.require("Rita"), "rita-secret-1")
    data = customers.load(1)
    data.relationship_type, data.owner = "exclusive", "Eva"
    customers.update(1, data, "ES")
    close_database()
    monkeypatch.setenv("CRMDESK_PASSWORD", "rita-secret-1")
    code, out, err = run(capsys, "--user", "Rita", "message", "--db", book_file, "--customer",
                         "1", "--template", "Thank you", "--out", str(tmp_path / "t.pdf"))
    assert code == EXIT_NOT_ALLOWED and out == ""
    assert "may not use" in err and "Dolores Peña" in err
    assert not (tmp_path / "t.pdf").exists()


def test_briefs_for_tomorrow(book_file: str, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    code, _, err = run(capsys, "briefs", "--tomorrow", "--db", book_file, "--out",
                       str(tmp_path / "t.pdf"))
    assert code == 0 and "Nothing is due tomorrow" in err
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    for cid in ("1", "3"):
        code, _, err = run(capsys, "log", "--db", book_file, "--customer", cid, "--channel",
                           "phone", "--direction", "out", "--note", "Booked a meeting",
                           "--follow-up", "Meeting", "--due", f"{tomorrow}T11:00")
        assert code == 0, err
    code, out, err = run(capsys, "briefs", "--tomorrow", "--db", book_file, "--out",
                         str(tmp_path / "t.pdf"))
    assert code == 0 and "2 briefs" in err
    assert len(PdfReader(out.strip()).pages) == 2
