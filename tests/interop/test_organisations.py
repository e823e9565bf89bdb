"""Organisation clients: a company with contact persons, through the services, the CLI,
imports, the vCard export, the window, and a book of the schema before them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import peewee
import pytest

from crmdesk.cli import main
from crmdesk.services import customers, exporting
from crmdesk.services.customers import CustomerData, ValidationFailed
from crmdesk.services.importing import contact_import, files
from crmdesk.store import migrations
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db
from tests.interop.conftest import FIXTURES


def test_a_person_works_for_an_organisation_client(book: object) -> None:
    bank = customers.create(CustomerData(given_name="Banco Ejemplo", kind="organisation"), "ES")
    ana = customers.create(CustomerData(given_name="Ana", family_name="Ruiz",
                                        organisation_id=bank), "ES")
    assert customers.load(bank).company == "Banco Ejemplo"
    assert customers.load(ana).organisation_id == bank
    assert customers.load(ana).company == "Banco Ejemplo"
    assert customers.contact_persons(bank) == [(ana, "Ana Ruiz")]
    assert customers.organisations() == [(bank, "Banco Ejemplo")]
    with pytest.raises(ValidationFailed, match="is not an organisation"):
        customers.create(CustomerData(given_name="Eva", family_name="Gil",
                                      organisation_id=ana), "ES")
    db.execute_sql("PRAGMA foreign_keys = ON")
    db.execute_sql("DELETE FROM customer WHERE id = ?", (bank,))
    assert customers.load(ana).organisation_id is None  # the link goes, the person stays


def test_import_makes_organisation_cards_clients_and_links_their_people(book: object,
                                                                       tmp_path: Path) -> None:
    people = tmp_path / "people.vcf"
    people.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Cook;Tim;;;\r\nORG:Apple Computer AG\r\n"
                      "END:VCARD\r\n")
    for path in (FIXTURES / "apple-company.vcf", people):
        read = files.read_path(path)
        contact_import.apply(contact_import.plan(read.contacts, path.name, "CH"))
    rows = db.execute_sql("SELECT given_name, family_name, kind, organisation_id FROM customer "
                          "ORDER BY id").fetchall()
    assert rows[:3] == [("Apple Computer AG", "", "organisation", None),
                        ("Banco Ejemplo S.A.", "", "organisation", None),
                        ("Siemens Aktiengesellschaft", "", "organisation", None)]
    assert rows[3] == ("Tim", "Cook", "person", 1)


def test_vcard_export_writes_kind_org_and_reads_it_back(book: object) -> None:
    text = exporting.vcard(CustomerData(given_name="Banco Ejemplo", company="Banco Ejemplo",
                                        kind="organisation"))
    assert "KIND:org" in text and "ORG:Banco Ejemplo" in text and "N:;;;;" in text


def test_cli_add_organisation_and_contact_person(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db_path = str(tmp_path / "b.db")
    assert main(["add", "--db", db_path, "--organisation", "Banco Ejemplo", "--json"]) == 0
    org = json.loads(capsys.readouterr().out)
    close_database()
    assert (org["kind"], org["given_name"], org["company"]) == (
        "organisation", "Banco Ejemplo", "Banco Ejemplo")
    assert main(["add", "--db", db_path, "--given", "Ana", "--family", "Ruiz", "--works-for",
                 str(org["id"]), "--json"]) == 0
    ana = json.loads(capsys.readouterr().out)
    close_database()
    assert ana["organisation_id"] == org["id"] and ana["kind"] == "person"
    assert main(["add", "--db", db_path, "--given", "Eva", "--family", "Gil", "--works-for",
                 str(ana["id"])]) == 1
    assert "is not an organisation of this book" in capsys.readouterr().err
    close_database()
    assert main(["add", "--db", db_path, "--given", "Eva"]) == 2
    assert "--given, --family (or --organisation NAME)" in capsys.readouterr().err


def test_a_book_of_the_previous_schema_gets_organisation_clients(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    database = peewee.SqliteDatabase(str(path))
    db.initialize(database)
    migrations.migrate(database, None, target=migrations.ORGANISATION_SCHEMA - 1)
    database.execute_sql("INSERT INTO customer (given_name, family_name, created_at, "
                         "updated_at) VALUES ('Ana', 'Ruiz', '2026-01-01T00:00:00Z', "
                         "'2026-01-01T00:00:00Z')")
    database.close()
    open_book(path)
    try:
        assert migrations.current_version(db) == migrations.LATEST
        ana = customers.load(1)
        assert (ana.given_name, ana.kind, ana.organisation_id) == ("Ana", "person", None)
        org = customers.create(CustomerData(given_name="Acme", kind="organisation"), "US")
        ana.organisation_id = org
        customers.update(1, ana, "US")
        assert customers.contact_persons(org) == [(1, "Ana Ruiz")]
    finally:
        close_database()
    backups = list(tmp_path.glob("*.db*"))
    assert any(p != path for p in backups)  # the old book was copied aside first
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT kind FROM customer WHERE id = 1").fetchone() == ("person",)


def test_csv_export_keeps_an_organisation_an_organisation(book: object, tmp_path: Path) -> None:
    bank = customers.create(CustomerData(given_name="Banco Ejemplo", kind="organisation"), "ES")
    out = tmp_path / "o.csv"
    exporting.export_csv([bank], out)
    db.execute_sql("DELETE FROM customer")
    read = files.read_path(out)
    contact_import.apply(contact_import.plan(read.contacts, out.name, "ES"))
    assert db.execute_sql("SELECT given_name, kind FROM customer").fetchall() == [
        ("Banco Ejemplo", "organisation")]


def test_whole_book_export_and_import_keep_organisations(book: object, tmp_path: Path) -> None:
    bank = customers.create(CustomerData(given_name="Banco", kind="organisation"), "ES")
    customers.create(CustomerData(given_name="Ana", family_name="Ruiz", organisation_id=bank),
                     "ES")
    out = tmp_path / "book.json"
    exporting.export_book(out)
    raw = out.read_bytes()
    close_database()
    open_book(tmp_path / "fresh.db")
    exporting.import_book(raw)
    assert db.execute_sql("SELECT given_name, kind, organisation_id FROM customer "
                          "ORDER BY id").fetchall() == [("Banco", "organisation", None),
                                                         ("Ana", "person", bank)]
    bad = raw.replace(b'"organisation"', b'"robot"')
    close_database()
    open_book(tmp_path / "other.db")
    with pytest.raises(exporting.BookImportError):
        exporting.import_book(bad)


def test_the_receptionist_sees_that_a_client_is_an_organisation() -> None:
    from crmdesk.services import access

    org = CustomerData(given_name="Banco", company="Banco", kind="organisation",
                       notes="secret")
    shown = customers.redact(org, access.Level.CONTACT)
    assert (shown.given_name, shown.kind, shown.company, shown.notes) == (
        "Banco", "organisation", "", "")
    person = CustomerData(given_name="Ana", organisation_id=7, company="Banco")
    assert customers.redact(person, access.Level.CONTACT).organisation_id is None
    kept = customers.keep_hidden(person, customers.redact(person, access.Level.CONTACT),
                                 access.Level.CONTACT)
    assert kept.organisation_id == 7 and kept.company == "Banco"
