"""Export: vCard 4.0 and CSV of a list, the whole book as JSON, and the ways back in."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmdesk.services import customers, demo, exporting, loyalty_ledger
from crmdesk.services.customers import PostalAddress
from crmdesk.services.importing import contact_import, files
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db
from tests.conftest import add


def _tables() -> dict[str, list[tuple[object, ...]]]:
    return {t: sorted(db.execute_sql(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in exporting.BOOK_TABLES}


def test_whole_book_round_trip_through_json_is_identical(tmp_path: Path) -> None:
    open_book(tmp_path / "a.db")
    demo.build_demo(60, seed=3)
    cid = add("Zoë", "Øster", notes='Line one\n"quoted" <b>bold</b>')
    db.execute_sql("INSERT INTO customer_photo (customer_id, mime, data) VALUES (?, ?, ?)",
                   (cid, "image/png", b"\x89PNG\r\n\x1a\n\x00\xff binary"))
    loyalty_ledger.record_purchase(cid, 12_34)
    before = _tables()
    exporting.export_book(tmp_path / "book.json")
    close_database()
    open_book(tmp_path / "b.db")
    counts = exporting.import_book((tmp_path / "book.json").read_bytes())
    assert counts["customer"] == 61
    after = _tables()
    imported = after["audit_entry"].pop()  # the import itself is audited
    assert imported[3] == "import" and imported[4] is None
    for tables in (before, after):  # each book has its own id (its audit anchor's key)
        tables["setting"] = [row for row in tables["setting"] if row[0] != "book_id"]
    assert after == before
    assert loyalty_ledger.check_balances() == []
    from crmdesk.services import customer_query
    from crmdesk.services.customer_query import CustomerFilter

    assert cid in customer_query.customer_ids(CustomerFilter(text="zoe"))
    with pytest.raises(exporting.BookImportError, match="empty book"):
        exporting.import_book((tmp_path / "book.json").read_bytes())
    close_database()


def test_json_import_refuses_other_files(book: object) -> None:
    with pytest.raises(exporting.BookImportError):
        exporting.import_book(b'{"format": "something else"}')
    with pytest.raises(exporting.BookImportError):
        exporting.import_book(b"\xff\xfe not json")


def test_vcard_export_then_import_keeps_the_person(book: object, tmp_path: Path) -> None:
    cid = add("María José", "Peña; Ruiz", emails=("mj@example.es",),
              phones=("+34 612 34 56 78",), preferred_name="Pepa", salutation="Sra.",
              company="Café, Ñandú", occupation="Directora", birthday=dt.date(1970, 3, 10),
              notes="Prefiere llamadas\npor la mañana, nunca\\nunca", tags=["VIP", "golf"],
              addresses=[PostalAddress("home", "Gran Vía 7\n3º", "Madrid", "", "28013",
                                       "Spain")], language="es")
    out = tmp_path / "out.vcf"
    exporting.export_vcards([cid], out)
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    db.execute_sql("DELETE FROM customer")
    read = files.read_path(out)
    plan = contact_import.plan(read.contacts, out.name, "US")
    contact_import.apply(plan)
    new_id = db.execute_sql("SELECT id FROM customer").fetchone()[0]
    c = customers.load(new_id)
    original = (("María José", "Peña; Ruiz", "Pepa", "Sra.", "Café, Ñandú", "Directora"),
                ["mj@example.es"], ["+34612345678"], dt.date(1970, 3, 10),
                "Prefiere llamadas\npor la mañana, nunca\\nunca", ["VIP", "golf"], "es")
    assert ((c.given_name, c.family_name, c.preferred_name, c.salutation, c.company,
             c.occupation), [e.value for e in c.emails], [p.value for p in c.phones],
            c.birthday, c.notes, sorted(c.tags), c.language) == original
    assert (c.addresses[0].street, c.addresses[0].postcode) == ("Gran Vía 7\n3º", "28013")


def test_csv_export_defuses_formulas_and_keeps_numbers(book: object, tmp_path: Path) -> None:
    cid = add("=HYPERLINK(\"http://evil\")", "+cmd", company="@SUM(A1)",
              notes="-2+3", phones=("+1 905 555 1234",))
    loyalty_ledger.record_purchase(cid, 250_00)
    out = tmp_path / "out.csv"
    exporting.export_csv([cid], out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        header, row = list(csv.reader(fh))
    cell = dict(zip(header, row, strict=True))
    assert cell["Given Name"] == "'=HYPERLINK(\"http://evil\")"
    assert cell["Family Name"] == "'+cmd" and cell["Company"] == "'@SUM(A1)"
    assert cell["Notes"] == "'-2+3" and cell["Phone 1 - Value"] == "+1 905-555-1234"
    assert cell["Points"] == "250"
    raw = out.read_bytes()
    assert b",250,\"person\"\r\n" in raw  # points written as a number, not quoted text
    # ...and crmdesk reads its own export back as it was.
    db.execute_sql("DELETE FROM customer")
    read = files.read_path(out)
    [row_plan] = contact_import.plan(read.contacts, "out.csv", "US").rows
    assert row_plan.clean is not None
    assert row_plan.clean.given_name == "=HYPERLINK(\"http://evil\")"
    assert [p.value for p in row_plan.clean.phones] == ["+19055551234"]


def test_cli_export_formats_and_filters(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.cli import main

    path = str(tmp_path / "c.db")
    for first, segment in (("Ana", "VIP"), ("Ben", "Standard")):
        main(["add", "--db", path, "--given", first, "--family", "X", "--segment", segment])
        close_database()
    assert main(["export", "--db", path, "--format", "vcf", "--segment", "VIP", "--out",
                 str(tmp_path / "v.vcf")]) == 0
    close_database()
    assert (tmp_path / "v.vcf").read_text().count("BEGIN:VCARD") == 1
    assert main(["export", "--db", path, "--format", "json", "--segment", "VIP", "--out",
                 str(tmp_path / "b.json")]) == 1
    close_database()
    assert "always the whole book" in capsys.readouterr().err


_names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                 min_size=1, max_size=30).map(lambda t: " ".join(t.split())).filter(bool)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_names, _names, st.text(max_size=200).map(lambda t: t.replace("\r", "").strip()))
def test_vcard_writer_and_reader_agree(book: object, given_name: str, family: str,
                                       notes: str) -> None:
    """Whatever the names and notes (commas, semicolons, backslashes, newlines, any script),
    a card written by the exporter reads back to the same values."""
    from crmdesk.services.customers import CustomerData
    from crmdesk.services.importing import vcard_reader

    data = CustomerData(given_name=given_name, family_name=family, notes=notes)
    text = exporting.vcard(data)
    [contact], _encoding = vcard_reader.read_vcards(text.encode("utf-8"))
    assert contact.error is None
    assert (contact.data.given_name, contact.data.family_name) == (given_name, family)
    assert contact.data.notes == notes.replace("\r", "")
