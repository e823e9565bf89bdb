"""Each program's CSV export, field by field, as its own documented layout writes it
(tests/interop/fixtures/*.csv were written from those layouts)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest

from crmdesk.cli import main
from crmdesk.services.importing import csv_reader, files
from crmdesk.services.importing.contact import ImportedContact
from crmdesk.store.db import close_database
from tests.interop.conftest import FIXTURES


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    close_database()


def read(name: str) -> tuple[files.ReadFile, list[ImportedContact]]:
    got = files.read_path(FIXTURES / name)
    assert all(c.error is None for c in got.contacts), [c.error for c in got.contacts]
    return got, got.contacts


def points(values: list) -> list[tuple[str, str]]:
    return [(p.label, p.value) for p in values]


def test_thunderbird_every_email_phone_address_birthday_and_web_page() -> None:
    got, (jurgen, ana) = read("thunderbird.csv")
    assert "thunderbird layout" in got.notes[0]
    d = jurgen.data
    assert (d.given_name, d.family_name, d.preferred_name) == ("Jürgen", "Schneider", "Jü")
    assert points(d.emails) == [("home", "juergen@example.de"),
                                ("other", "j.schneider@work.example")]
    assert points(d.phones) == [("work", "+49 30 901820"), ("home", "030 1234567"),
                                ("mobile", "+49 151 23456789")]
    home, work = d.addresses
    assert (home.label, home.street, home.city, home.postcode, home.country) == (
        "home", "Hauptstraße 5\nHinterhaus", "Berlin", "10115", "Germany")
    assert (work.label, work.street, work.postcode) == ("work", "Unter den Linden 1", "10117")
    assert d.birthday == dt.date(1961, 4, 23)
    assert (d.company, d.occupation) == ("Beispiel AG", "Director, Private Banking")
    assert "Web page: https://example.de" in d.notes and "IM: jschneider" in d.notes
    assert "Custom 1: VIP" in d.notes and d.notes.startswith("Prefers mornings")
    assert jurgen.dropped == []
    assert ana.data.birthday is None and "Birthday: 7 March (year unknown)" in ana.data.notes


def test_thunderbird_german_headers() -> None:
    _got, (grete,) = read("thunderbird-de.csv")
    d = grete.data
    assert (d.given_name, d.family_name, d.company, d.notes) == (
        "Grete", "Müller", "Müller GmbH", "Stammkundin")
    assert points(d.emails) == [("home", "grete@example.de")]
    assert points(d.phones) == [("work", "+49 89 123456"), ("mobile", "+49 170 1234567")]
    assert (d.addresses[0].city, d.addresses[0].postcode) == ("München", "80331")


def test_linkedin_notes_before_the_header_position_and_connected_on() -> None:
    got, (maria, li) = read("linkedin-connections.csv")
    assert "3 lines of notes before the header row skipped" in got.notes
    assert maria.source == "row 5"
    d = maria.data
    assert (d.given_name, d.family_name, d.company, d.occupation) == (
        "Maria", "Garcia", "Banco Ejemplo", "Head of Wealth Management")
    assert points(d.emails) == [("home", "maria@example.com")]
    assert "Connected on: 14 Mar 2023" in d.notes
    assert "Web page: https://www.linkedin.com/in/mariagarcia" in d.notes
    assert li.data.occupation == "Analyst" and li.data.emails == []


def test_outlook_2003_country_pager_spouse_anniversary_middle_name() -> None:
    _got, (robert,) = read("outlook-2003.csv")
    d = robert.data
    assert (d.salutation, d.given_name, d.family_name) == ("Mr", "Robert", "Miller")
    assert d.addresses[0].country == "United States of America"
    assert d.addresses[0].street == "1 Microsoft Way\nBuilding 9"
    assert ("pager", "(425) 555-0177") in points(d.phones)
    assert ("assistant", "(425) 555-0199") in points(d.phones)
    assert points(d.emails) == [("home", "robert@contoso.example"),
                                ("other", "bob@home.example")]
    assert "Spouse: Linda" in d.life_situation and "Anniversary: 6/15/2001" in d.life_situation
    for kept in ("Middle name: James", "Name suffix: Jr.", "Assistant: Jane Doe",
                 "Manager: Sam Boss", "Web page: http://contoso.example/robert"):
        assert kept in d.notes
    assert d.birthday == dt.date(1970, 3, 2)
    assert robert.dropped == ["E-mail Display Name"]


def test_yahoo_first_last_title_and_addresses() -> None:
    _got, (carol,) = read("yahoo.csv")
    d = carol.data
    assert (d.given_name, d.family_name, d.preferred_name) == ("Carol", "Nguyen", "Caz")
    assert (d.occupation, d.company, d.salutation) == ("Architect", "Nguyen Design", "")
    assert points(d.phones) == [("home", "+1 212 555 0101"), ("work", "+1 212 555 0102"),
                                ("mobile", "+1 917 555 0103")]
    assert [(a.label, a.street, a.postcode) for a in d.addresses] == [
        ("work", "5 Broadway", "10004"), ("home", "77 Park Ave", "10016")]
    assert d.tags == ["Friends"] and d.birthday == dt.date(1980, 5, 12)
    assert "Anniversary: 9/1/2005" in d.life_situation


def test_kaddressbook_addresses_and_prefix() -> None:
    _got, (klaus,) = read("kaddressbook.csv")
    d = klaus.data
    assert (d.salutation, d.given_name, d.family_name) == ("Dr", "Klaus", "Wagner")
    a = d.addresses[0]
    assert (a.street, a.city, a.region, a.postcode, a.country) == (
        "Königsallee 10", "Düsseldorf", "NRW", "40212", "Germany")
    assert (d.company, d.occupation) == ("Uni Düsseldorf", "Professor, Physik")
    assert d.birthday == dt.date(1955, 8, 30)
    assert points(d.phones) == [("home", "+49 211 123456"), ("mobile", "+49 160 9876543")]


def test_roundcube_email_home_work_other() -> None:
    _got, (sofia,) = read("roundcube.csv")
    assert points(sofia.data.emails) == [("home", "sofia@home.example"),
                                         ("work", "sofia@work.example"),
                                         ("other", "sofia@other.example")]
    assert sofia.data.addresses[0].postcode == "00184"


def test_old_gmail_sections() -> None:
    _got, (peter,) = read("gmail-old.csv")
    d = peter.data
    assert points(d.emails) == [("home", "peter@gmail.example"), ("home", "peter.p@example.com"),
                                ("work", "peter@firm.example")]
    assert ("mobile", "+44 7700 900123") in points(d.phones)
    assert ("work", "+44 20 7946 0999") in points(d.phones)
    assert [a.label for a in d.addresses] == ["home", "work"]


def test_palm_without_header_row_is_mapped_by_its_layout() -> None:
    got, (john, jane) = read("palm-noheader.csv")
    assert got.table is not None and got.table.headerless
    assert any("no header row" in n for n in got.notes)
    assert john.source == "row 1"
    assert (john.data.given_name, john.data.family_name, john.data.company) == (
        "John", "Doe", "Acme Corp")
    assert points(john.data.emails) == [("home", "john.doe@acme.example")]
    assert jane.data.addresses[0].postcode == "62565"


def test_headerless_names_guessed_from_a_display_name_column() -> None:
    got, contacts = read("thunderbird-old-noheader.csv")
    assert got.mapping[:2] == ["given_name", "family_name"] and got.mapping[4] == "email:home"
    assert [(c.data.given_name, c.data.family_name) for c in contacts] == [
        ("Ana", "Peña"), ("Luis", "Gómez"), ("Eva", "Ruiz")]


def test_guess_from_values_emails_phones_dates() -> None:
    rows = [["x@example.com", "+34 600 111 222", "1980-01-02", "Ana"],
            ["y@example.com", "+34 600 111 333", "1981-02-03", "Eva"]]
    assert csv_reader.guess_from_values(rows, 4) == ["email:home", "phone:mobile", "birthday",
                                                     "full_name"]


def test_import_json_reports_what_was_not_kept(tmp_path, capsys) -> None:
    db = str(tmp_path / "b.db")
    assert main(["import", "--db", db, str(FIXTURES / "outlook-2003.csv"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["files"][0]
    assert report["new"] == 1
    assert report["dropped"] == {"E-mail Display Name": 1}
    assert report["rows"][0]["dropped"] == ["E-mail Display Name"]
    assert "not kept: E-mail Display Name" in report["rows"][0]["warnings"]


def test_import_text_report_says_what_was_not_kept(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "b.db")
    assert main(["import", "--db", db, str(FIXTURES / "outlook-2003.csv"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would import 1 new" in out and "  not kept: E-mail Display Name (1)" in out
