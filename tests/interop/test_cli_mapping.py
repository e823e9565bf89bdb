"""`crmdesk import --map`, `--mapping` and `--save-mapping`: columns mapped from the command
line as the window's mapping step does."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.cli import main
from crmdesk.services.importing import mappings
from crmdesk.services.validation import InvalidValue
from crmdesk.store.db import close_database

CSV = ("Vorname,Nachname,Mail privat,Kundennummer,Handy\n"
       "Grete,Müller,g@example.de,K-17,+49 170 1234567\n")


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    close_database()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    code = main(list(args))
    close_database()
    out = capsys.readouterr()
    return code, (json.loads(out.out) if out.out.startswith("{") else {}), out.err


def test_map_sends_columns_to_fields_and_saves_the_mapping(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "k.csv"
    src.write_text(CSV, encoding="utf-8")
    db, saved = str(tmp_path / "b.db"), tmp_path / "map.json"
    code, report, _err = run(capsys, "import", "--db", db, str(src), "--dry-run", "--json")
    row = report["files"][0]["rows"][0]
    assert row["dropped"] == ["Mail privat", "Kundennummer"]
    code, report, err = run(capsys, "import", "--db", db, str(src), "--json",
                            "--map", "Mail privat=email", "--map", "kundennummer=note:Customer no",
                            "--map", "Handy=phone:mobile", "--save-mapping", str(saved))
    assert code == 0, err
    assert report["files"][0]["new"] == 1 and report["files"][0]["rows"][0]["dropped"] == []
    assert os.stat(saved).st_mode & 0o777 == 0o600
    assert json.loads(saved.read_text())["columns"]["Mail privat"] == "email:home"
    code, out, _ = run(capsys, "search", "--db", db, "Müller", "--json")
    assert code == 0
    close_database()
    again = tmp_path / "k2.csv"
    again.write_text(CSV.replace("Grete", "Hans").replace("g@", "h@"), encoding="utf-8")
    code, report, err = run(capsys, "import", "--db", db, str(again), "--json",
                            "--mapping", str(saved))
    assert code == 0, err
    assert report["files"][0]["rows"][0]["dropped"] == []


def test_map_refuses_unknown_fields_and_columns_in_one_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "k.csv"
    src.write_text(CSV, encoding="utf-8")
    db = str(tmp_path / "b.db")
    code, _report, err = run(capsys, "import", "--db", db, str(src), "--map", "Handy=shoe size")
    assert code == 2
    assert "“shoe size” is not a field to import into" in err and "Traceback" not in err
    code, _report, err = run(capsys, "import", "--db", db, str(src), "--map", "Fax=phone")
    assert code == 1 and "the file has no column “Fax” (its columns: Vorname" in err
    card = tmp_path / "c.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:A B\nEND:VCARD\n")
    code, _report, err = run(capsys, "import", "--db", db, str(card), "--map", "X=email")
    assert code == 1 and "a vCard file has no columns to map" in err
    bad = tmp_path / "bad.json"
    bad.write_text("[1]")
    code, _report, err = run(capsys, "import", "--db", db, str(src), "--mapping", str(bad))
    assert code == 1 and "is not a saved mapping" in err


def test_targets_by_key_short_form_and_label() -> None:
    assert mappings.target_for("email:work") == "email:work"
    assert mappings.target_for("E-mail (work)") == "email:work"
    assert mappings.target_for("phone") == "phone:mobile"
    assert mappings.target_for("ignore") == ""
    assert mappings.parse_pair("a=b=email") == ("a=b", "email:home")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_parse_pair_never_raises_anything_else(text: str) -> None:
    try:
        header, target = mappings.parse_pair(text)
    except InvalidValue:
        return
    assert header and isinstance(target, str)
