"""The command line, as a script would use it: output, JSON fields, errors and exit codes."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.store.db import close_database


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    close_database()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    close_database()
    out = capsys.readouterr()
    return code, out.out, out.err


def test_add_then_search_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "b.db")
    code, out, _ = run(capsys, "add", "--db", db, "--given", "Dolores", "--family", "Peña",
                       "--preferred", "Lola", "--email", "lola@example.com", "--phone",
                       "905 555 1234", "--phone", "+34 612 34 56 78", "--segment", "VIP",
                       "--stage", "growth", "--json")
    assert code == 0
    created = json.loads(out)
    assert created["emails"] == ["lola@example.com"]
    assert created["phones"] == ["+19055551234", "+34612345678"]
    code, out, _ = run(capsys, "search", "--db", db, "5551", "--json")
    found = json.loads(out)
    assert code == 0 and len(found) == 1
    row = found[0]
    for key in ("id", "given_name", "family_name", "emails", "phones", "stage", "segment"):
        assert key in row
    assert (row["id"], row["given_name"], row["family_name"]) == (created["id"], "Dolores", "Peña")
    assert (row["stage"], row["segment"]) == ("growth", "VIP")
    code, out, _ = run(capsys, "--db", db, "search", "lola", "pe")
    assert code == 0 and "Dolores Peña" in out


def test_add_refuses_invalid_email_and_phone(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "b.db")
    code, out, err = run(capsys, "add", "--db", db, "--given", "A", "--family", "B",
                         "--email", "not-an-email", "--phone", "123")
    assert code == 1 and out == ""
    assert "not a valid e-mail address" in err and "123" in err
    code, out, _ = run(capsys, "search", "--db", db, "--json")
    assert json.loads(out) == []


def test_search_filters_and_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "b.db")
    assert run(capsys, "demo", "--db", db, "--customers", "200", "--seed", "5")[0] == 0
    code, out, _ = run(capsys, "search", "--db", db, "--stage", "growth", "--segment", "VIP",
                       "--limit", "3", "--json")
    rows = json.loads(out)
    assert code == 0 and 1 <= len(rows) <= 3
    assert all(r["stage"] == "growth" and r["segment"] == "VIP" for r in rows)
    code, _, err = run(capsys, "search", "--db", db, "--stage", "bogus")
    assert code == 1 and "Unknown stage" in err


def test_demo_refuses_a_book_with_customers(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "b.db")
    assert run(capsys, "demo", "--db", db, "--customers", "5")[0] == 0
    code, _, err = run(capsys, "demo", "--db", db, "--customers", "5")
    assert code == 1 and "already holds 5 customers" in err


def test_check_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "b.db"
    run(capsys, "demo", "--db", str(db), "--customers", "10")
    code, out, _ = run(capsys, "check", "--db", str(db))
    assert code == 0 and "No problems found." in out
    code, out, err = run(capsys, "check", "--db", str(tmp_path / "missing.db"))
    assert code == 1 and err.strip().startswith("crmdesk: No book at")
    assert len(err.strip().splitlines()) == 1
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage" * 512)
    code, _, err = run(capsys, "search", "--db", str(junk))
    assert code == 1 and "not a crmdesk book" in err and "Traceback" not in err


def test_locked_book_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "b.db"
    run(capsys, "demo", "--db", str(db), "--customers", "3")
    other = sqlite3.connect(db)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code, out, err = run(capsys, "add", "--db", str(db), "--given", "A", "--family", "B")
    finally:
        other.rollback()
        other.close()
    assert code == 1 and out == ""
    assert err.strip() == f"crmdesk: The book {db} is locked by another program; " \
                          "close it and try again."


def test_module_entry_point_runs(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    result = subprocess.run([sys.executable, "-m", "crmdesk", "add", "--db", str(db),
                             "--given", "Ana", "--family", "Ruiz"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "1"


def test_log_and_agenda(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "b.db")
    code, out, _ = run(capsys, "add", "--db", db, "--given", "Dolores", "--family", "Peña")
    cid = out.strip()
    from crmdesk.services import staff
    from crmdesk.store.book import open_book

    open_book(db)
    staff.add("Eve Okafor", "receptionist")
    close_database()
    code, out, err = run(capsys, "log", "--db", db, "--customer", cid, "--channel", "phone",
                         "--direction", "in", "--note", "Wants a call back",
                         "--follow-up", "Call back about the loan", "--due", "2020-01-02",
                         "--promise", "--assign", "Eve Okafor", "--json")
    assert code == 0, err
    ids = json.loads(out)
    assert ids["interaction_id"] == 1 and ids["follow_up_id"] == 1
    assert "overdue" in err  # a due date in the past is allowed but flagged
    code, out, _ = run(capsys, "agenda", "--db", db, "--days", "3", "--json")
    items = json.loads(out)
    assert [(i["id"], i["promise"], i["overdue"], i["assignee"]) for i in items] == [
        (1, True, True, "Eve Okafor")]
    assert items[0]["customer_name"] == "Dolores Peña"
    ics = tmp_path / "agenda.ics"
    code, out, _ = run(capsys, "agenda", "--db", db, "--ics", str(ics))
    assert code == 0 and b"BEGIN:VCALENDAR" in ics.read_bytes()
    code, out, _ = run(capsys, "agenda", "--db", db)
    assert "★" in out and "OVERDUE" in out and "Call back about the loan" in out


def test_log_refuses_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "b.db")
    run(capsys, "add", "--db", db, "--given", "Ana", "--family", "Ruiz")
    code, out, err = run(capsys, "log", "--db", db, "--customer", "1", "--channel", "phone",
                         "--direction", "in", "--note", "   ")
    assert code == 1 and "Write a note" in err and out == ""
    code, _, err = run(capsys, "log", "--db", db, "--customer", "1", "--channel", "fax",
                       "--direction", "in", "--note", "x")
    assert code == 1 and "Unknown channel" in err
    code, _, err = run(capsys, "log", "--db", db, "--customer", "1", "--channel", "phone",
                       "--direction", "in", "--note", "x", "--follow-up", "y",
                       "--due", "tomorrow")
    assert code == 1 and "not a date" in err
    code, _, err = run(capsys, "log", "--db", db, "--customer", "1", "--channel", "phone",
                       "--direction", "in", "--note", "x", "--follow-up", "y",
                       "--due", "2030-01-01", "--assign", "Nobody")
    assert code == 1 and "No staff member called “Nobody”" in err
    code, out, _ = run(capsys, "agenda", "--db", db, "--json", "--days", "10000")
    assert json.loads(out) == []
