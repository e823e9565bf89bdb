"""The spreadsheet export (.xlsx): every cell carries its type, so LibreOffice and Excel keep
the leading zeros of postcodes and phones that a CSV loses, show formulas as text, and get
points as numbers. Read back from the file's own XML (the cell types), with LibreOffice
itself when it is installed, through the service, the CLI and the window."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from crmdesk.cli import main
from crmdesk.services import access, customers, exporting, loyalty_ledger, xlsx_export
from crmdesk.services.customers import ContactPoint, CustomerData, PostalAddress
from crmdesk.store.db import close_database, db

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
HOSTILE = '<b>&"Peña"{{ 7*7 }}'


def cells(path: Path) -> list[dict[str, tuple[str, str]]]:
    """Each row of the first sheet: column letter → (cell type, text), as a spreadsheet
    reads them: t="s" (shared string), "inlineStr" or "str" are text; no t is a number."""
    with zipfile.ZipFile(path) as zf:
        shared: list[str] = []
        if "xl/sharedStrings.xml" in zf.namelist():
            root = ET.fromstring(zf.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
                      for si in root.findall("m:si", NS)]
        sheet = ET.fromstring(zf.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(f"{{{NS['m']}}}row"):
        out: dict[str, tuple[str, str]] = {}
        for c in row.findall("m:c", NS):
            column = re.sub(r"\d", "", c.get("r", ""))
            kind = c.get("t", "n")
            assert c.find("m:f", NS) is None, "no formula is ever written"
            if kind == "s":
                text = shared[int(c.findtext("m:v", "", NS))]
            elif kind == "inlineStr":
                text = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
            else:
                text = c.findtext("m:v", "", NS)
            out[column] = (kind, text)
        rows.append(out)
    return rows


def by_header(path: Path) -> list[dict[str, tuple[str, str]]]:
    head, *rows = cells(path)
    names = {col: text for col, (_kind, text) in head.items()}
    return [{names[col]: value for col, value in row.items()} for row in rows]


def _client() -> int:
    cid = customers.create(CustomerData(
        given_name=HOSTILE, family_name="=cmd|' /C calc'!A0", preferred_name="김민준",
        emails=[ContactPoint("home", "ana@example.es"), ContactPoint("work", "a@b.example")],
        phones=[ContactPoint("mobile", "+34 612 34 56 78"),
                ContactPoint("home", "+34 91 123 45 67")],
        addresses=[PostalAddress("home", "Hauptstr. 1", "Dresden", "", "01327", "DE"),
                   PostalAddress("work", "1 Main St", "Boston", "MA", "02108", "US")],
        notes="line one\nline two\x0c with a form feed"), "ES")
    loyalty_ledger.add_bonus(cid, 120, "Welcome")
    return cid


def test_text_stays_text_and_points_are_numbers(book: object, tmp_path: Path) -> None:
    cid = _client()
    out = tmp_path / "list.xlsx"
    assert xlsx_export.export_xlsx([cid], out) == 1
    assert out.stat().st_mode & 0o077 == 0  # client data: the owner's only
    (row,) = by_header(out)
    assert row["Address 1 - Postal Code"] == ("inlineStr", "01327") or \
        row["Address 1 - Postal Code"] == ("s", "01327")
    assert row["Address 2 - Postal Code"][1] == "02108"
    assert row["Phone 1 - Value"][1] == "+34 612 34 56 78"  # no anti-formula apostrophe
    assert row["Given Name"][1] == HOSTILE and row["Preferred Name"][1] == "김민준"
    assert row["Family Name"][1] == "=cmd|' /C calc'!A0"  # a text cell: shown, never run
    for column, (kind, _text) in row.items():
        assert kind in {"s", "inlineStr"} or column == "Points", column
    assert row["Points"] == ("n", "120")
    assert row["Notes"][1] == "line one\nline two with a form feed"
    assert row["E-mail 2 - Label"][1] == "work"
    entry = db.execute_sql("SELECT action, detail FROM audit_entry ORDER BY id DESC "
                           "LIMIT 1").fetchone()
    assert entry == ("export", "Spreadsheet list.xlsx")


def test_a_csv_loses_the_zeros_where_the_xlsx_keeps_them(book: object, tmp_path: Path) -> None:
    """What LibreOffice does with each file, when it is installed (Debian:
    libreoffice-calc-nogui): a double-clicked CSV turns "01327" into 1327; the .xlsx keeps
    it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (the cell types are checked above)")
    cid = _client()
    exporting.export_csv([cid], tmp_path / "list.csv")
    xlsx_export.export_xlsx([cid], tmp_path / "list.xlsx")
    back = tmp_path / "back"
    back.mkdir()
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    for name in ("list.csv", "list.xlsx"):
        # Read as LibreOffice opens the file (the CSV with its default import options), then
        # written out again as text: what the person would have seen in each cell.
        src = tmp_path / name
        dst = back / f"{src.stem}-{src.suffix[1:]}.csv"
        subprocess.run([soffice, profile, "--headless", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,"
                        "false,false", "--outdir", str(back), str(src)],
                       check=True, capture_output=True, timeout=180)
        produced = back / f"{src.stem}.csv"
        produced.rename(dst)
    csv_rows = list(csv.DictReader(io.StringIO((back / "list-csv.csv").read_text("utf-8"))))
    xlsx_rows = list(csv.DictReader(io.StringIO((back / "list-xlsx.csv").read_text("utf-8"))))
    assert csv_rows[0]["Address 1 - Postal Code"] == "1327"  # the CSV's loss, as filed
    assert xlsx_rows[0]["Address 1 - Postal Code"] == "01327"
    assert xlsx_rows[0]["Address 2 - Postal Code"] == "02108"
    assert xlsx_rows[0]["Phone 1 - Value"] == "+34 612 34 56 78"
    assert xlsx_rows[0]["Family Name"] == "=cmd|' /C calc'!A0"
    assert xlsx_rows[0]["Preferred Name"] == "김민준"


def test_many_rows_and_every_address(book: object, tmp_path: Path) -> None:
    ids = [customers.create(CustomerData(
        given_name=f"Ana{i}", family_name="Ruiz",
        addresses=[PostalAddress("home", "", "City", "", f"{i:05d}", "DE")] * (1 + i % 3)),
        "DE") for i in range(60)]
    out = tmp_path / "many.xlsx"
    steps: list[int] = []
    xlsx_export.export_xlsx(ids, out, lambda done, total: steps.append(done) or True)
    rows = by_header(out)
    assert len(rows) == 60 and rows[7]["Address 1 - Postal Code"][1] == "00007"
    assert rows[2]["Address 3 - Postal Code"][1] == "00002"


def test_cancel_leaves_no_file_and_a_receptionist_may_not(book: object,
                                                         tmp_path: Path) -> None:
    ids = [customers.create(CustomerData(given_name=f"A{i}", family_name="B"), "DE")
           for i in range(501)]
    out = tmp_path / "c.xlsx"
    with pytest.raises(exporting.ExportCancelled):
        xlsx_export.export_xlsx(ids, out, lambda done, total: False)
    assert not out.exists() and list(tmp_path.glob("*.xlsx*")) == []
    from tests.conftest import office

    office()
    access.sign_in("Rita", "rita-secret-1")
    with pytest.raises(access.AccessDenied):
        xlsx_export.export_xlsx(ids, out)
    assert not out.exists()


def test_cli_exports_xlsx(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "b.db")
    assert main(["add", "--db", path, "--given", "Jürgen", "--family", "Schneider",
                 "--json"]) == 0
    close_database()
    capsys.readouterr()
    out = tmp_path / "out.xlsx"
    assert main(["export", "--db", path, "--format", "xlsx", "--out", str(out)]) == 0
    assert "1 customers written" in capsys.readouterr().err or out.exists()
    (row,) = by_header(out)
    assert row["Given Name"][1] == "Jürgen"
