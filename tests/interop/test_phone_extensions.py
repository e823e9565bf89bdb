"""Phone extensions are kept by the one phone rule: the profile, the CLI, vCard and CSV
imports, and they survive display and export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.cli import main
from crmdesk.services import customers, exporting
from crmdesk.services.customers import ContactPoint, CustomerData
from crmdesk.services.importing import files
from crmdesk.services.validation import InvalidValue, format_phone, normalise_phone
from crmdesk.store.db import close_database

WRITTEN = [("+1 212 555 1234 ext. 123", "+12125551234;ext=123"),
           ("212-555-1234 x123", "+12125551234;ext=123"),
           ("tel:+1-212-555-1234;ext=102", "+12125551234;ext=102"),
           ("(212) 555-1234 ext 7", "+12125551234;ext=7"),
           ("+44 20 7946 0018 #55", "+442079460018;ext=55")]


@pytest.mark.parametrize(("text", "stored"), WRITTEN)
def test_the_rule_keeps_extensions_and_reads_its_own_display(text: str, stored: str) -> None:
    assert normalise_phone(text, "US") == stored
    shown = format_phone(stored)
    assert stored.rsplit("=", 1)[1] in shown and normalise_phone(shown, "US") == stored


def test_profile_keeps_the_extension(book) -> None:  # type: ignore[no-untyped-def]
    cid = customers.create(CustomerData(given_name="Ana", family_name="Peña", phones=[
        ContactPoint("work", "212 555 1234 x102")]), "US")
    assert [p.value for p in customers.load(cid).phones] == ["+12125551234;ext=102"]


def test_cli_add_and_vcard_import_keep_the_extension(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "b.db")
    assert main(["add", "--db", db, "--given", "Ana", "--family", "Gil", "--phone",
                 "212 555 1234 ext. 9",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["phones"] == ["+12125551234;ext=9"]
    close_database()
    card = tmp_path / "c.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Eva Ruiz\r\nN:Ruiz;Eva;;;\r\n"
                    "TEL;TYPE=work;VALUE=uri:tel:+1-212-555-1234;ext=102\r\n"
                    "TEL;TYPE=home:+1 212 555 9876 x55\r\nEND:VCARD\r\n")
    read = files.read_path(card)
    assert [p.value for p in read.contacts[0].data.phones] == [
        "+1-212-555-1234;ext=102", "+1 212 555 9876 x55"]
    assert main(["import", "--db", db, str(card), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["files"][0]
    assert report["new"] == 1 and report["rows"][0]["warnings"] == []
    close_database()
    assert main(["search", "--db", db, "Ruiz", "--json"]) == 0
    out = capsys.readouterr().out
    assert "+12125551234;ext=102" in out and "+12125559876;ext=55" in out
    close_database()


def test_vcard_export_writes_the_extension_as_rfc3966() -> None:
    text = exporting.vcard(CustomerData(given_name="A", phones=[
        ContactPoint("work", "+12125551234;ext=102")]))
    assert "TEL;TYPE=work;VALUE=uri:tel:+12125551234;ext=102" in text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 +-().xext#;=", max_size=40))
def test_the_rule_never_raises_anything_but_invalid_value(text: str) -> None:
    try:
        stored = normalise_phone(text, "US")
    except InvalidValue:
        return
    assert normalise_phone(format_phone(stored), "US") == stored
