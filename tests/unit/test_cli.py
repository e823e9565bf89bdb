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
    assert code == 2 and "not a date" in err and err.count("\n") == 1  # a usage error
    code, _, err = run(capsys, "log", "--db", db, "--customer", "1", "--channel", "phone",
                       "--direction", "in", "--note", "x", "--follow-up", "y",
                       "--due", "2030-01-01", "--assign", "Nobody")
    assert code == 1 and "No staff member called “Nobody”" in err
    code, out, _ = run(capsys, "agenda", "--db", db, "--json", "--days", "3660")
    assert json.loads(out) == []
    code, out, err = run(capsys, "agenda", "--db", db, "--json", "--days", "10000")
    assert code == 2 and out == "" and "out of range (0..3,660)" in err


def test_loyalty_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "b.db")
    code, out, _ = run(capsys, "add", "--db", db, "--given", "Lola", "--family", "Peña",
                       "--json")
    cid = str(json.loads(out)["id"])
    code, out, _ = run(capsys, "purchase", "--db", db, "--customer", cid, "--amount", "12.50",
                       "--json")
    bought = json.loads(out)
    assert code == 0
    assert (bought["amount"], bought["amount_cents"], bought["points"], bought["balance"],
            bought["first_purchase"]) == ("12.50", 1250, 12, 12, True)
    code, out, _ = run(capsys, "purchase", "--db", db, "--customer", cid, "--amount",
                       "1.234,56", "--date", "2026-10-03")
    assert code == 0 and "$1,234.56" in out and "+1,234 points" in out
    code, out, err = run(capsys, "redeem", "--db", db, "--customer", cid, "--points", "5000")
    assert code == 1 and out == ""
    assert err.strip() == "crmdesk: Lola Peña has 1,246 points; this needs 5,000 (3,754 short)."
    code, out, _ = run(capsys, "redeem", "--db", db, "--customer", cid, "--points", "46",
                       "--json")
    assert code == 0 and json.loads(out)["balance"] == 1200
    code, _, err = run(capsys, "redeem", "--db", db, "--customer", cid, "--points", "1",
                       "--reward", "Yacht")
    assert code == 1 and "no reward “Yacht”" in err
    for bad in ("12.345", "-3", "abc", "0"):
        code, _, err = run(capsys, "purchase", "--db", db, "--customer", cid, "--amount", bad)
        assert code == 1 and err.startswith("crmdesk: ") and "Traceback" not in err
    code, _, err = run(capsys, "purchase", "--db", db, "--customer", "999", "--amount", "1")
    assert code == 1 and "no customer 999" in err
    code, _, err = run(capsys, "adjust", "--db", db, "--customer", cid, "--points", "-5000",
                       "--reason", "x")
    assert code == 1 and "negative" in err
    code, out, _ = run(capsys, "check", "--db", db)
    assert code == 0 and "every balance is the sum of its entries (3 entries)" in out


def test_statement_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    db = str(tmp_path / "b.db")
    ids = []
    for given, segment in (("Ana", "VIP"), ("Ben", "VIP"), ("Cy", "Standard")):
        _, out, _ = run(capsys, "add", "--db", db, "--given", given, "--family", "Test",
                        "--segment", segment, "--json")
        ids.append(str(json.loads(out)["id"]))
        run(capsys, "purchase", "--db", db, "--customer", ids[-1], "--amount", "100",
            "--date", "2026-10-05")
    out_file = tmp_path / "one.pdf"
    code, out, _ = run(capsys, "statement", "--db", db, "--customer", ids[0], "--period",
                       "2026-10", "--out", str(out_file))
    assert code == 0 and out.strip() == str(out_file)
    assert "Dear Ana Test" in PdfReader(out_file).pages[0].extract_text()
    for period in (["--period", "2026-Q4"], ["--period", "2026"],
                   ["--from", "2026-10-01", "--to", "2026-10-31"]):
        code, _, err = run(capsys, "statement", "--db", db, "--customer", ids[0], *period,
                           "--out", str(out_file))
        assert code == 0, err
    for bad, message, exit_code in ((["--period", "2026-13"], "no month 13", 2),
                                    (["--period", "Oct"], "YYYY-MM", 2),
                                    (["--from", "2026-10-05", "--to", "2026-10-01"],
                                     "before it starts", 1),
                                    ([], "Say which period", 1)):
        code, _, err = run(capsys, "statement", "--db", db, "--customer", ids[0], *bad,
                           "--out", str(out_file))
        assert code == exit_code and message in err and err.count("\n") == 1
    folder = tmp_path / "vip"
    code, _, err = run(capsys, "statements", "--db", db, "--segment", "VIP", "--period",
                       "2026-10", "--out", str(folder), "--jobs", "2")
    assert code == 0 and "2 statements written" in err
    assert sorted(p.name for p in folder.iterdir()) == [
        f"Test Ana {int(ids[0]):06d} 2026-10.pdf", f"Test Ben {int(ids[1]):06d} 2026-10.pdf"]
    code, _, err = run(capsys, "statements", "--db", db, "--period", "2026-10", "--combined",
                       "--out", str(tmp_path))
    combined = tmp_path / "Statements 2026-10.pdf"
    assert code == 0 and len(PdfReader(combined).pages) == 3
