"""A random book → vCard → a new book, and → each CSV layout → a new book: names, every
e-mail, phones with labels and extensions, addresses, birthday, anniversary and spouse, notes,
organisation. Plus the CSV cells a spreadsheet sees."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from crmdesk.services import customers, exporting
from crmdesk.services.customers import ContactPoint, CustomerData, PostalAddress
from crmdesk.services.importing import contact_import, files
from crmdesk.store.db import db

WORD = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzñéöüßÅ"), min_size=2,
               max_size=10).map(str.capitalize)
NAME_TEXT = st.builds(lambda a, b: f"{a} {b}", WORD, WORD)
LABELS = st.sampled_from(["home", "work", "other", "postal", "custom"])
PHONE_LABELS = st.sampled_from(["mobile", "home", "work", "other", "main", "fax", "work fax",
                                "pager", "custom"])
EMAIL = st.builds(lambda a, b, n: f"{a.lower()}{n}@{b.lower()}.example", st.text(
    "abcdefgh", min_size=1, max_size=6), st.text("abcdefgh", min_size=1, max_size=6),
    st.integers(0, 999))
PHONE = st.builds(lambda n, ext: f"+1212555{n:04d}" + (f";ext={ext}" if ext else ""),
                  st.integers(1000, 9999), st.one_of(st.none(), st.integers(1, 9999)))
ADDRESS = st.builds(lambda label, street, city, pc, country: PostalAddress(
    label, street, city, "", pc, country), LABELS, NAME_TEXT, WORD,
    st.text("0123456789", min_size=5, max_size=5), st.sampled_from(["ES", "DE", "US", "JP"]))
NOTES = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60).map(
    str.strip)


@st.composite
def client(draw: st.DrawFn) -> CustomerData:
    anniversary = draw(st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2024, 12, 31))))
    spouse = draw(st.one_of(st.none(), NAME_TEXT))
    life = "\n".join(x for x in (f"Spouse: {spouse}" if spouse else "",
                                 f"Anniversary: {anniversary.day} "
                                 f"{anniversary.strftime('%B')} {anniversary.year}"
                                 if anniversary else "") if x)
    emails = draw(st.lists(EMAIL, max_size=4, unique=True))
    phones = draw(st.lists(PHONE, max_size=5, unique_by=lambda p: p.split(";")[0]))
    return CustomerData(
        given_name=draw(WORD), family_name=draw(WORD), company=draw(st.one_of(st.just(""), WORD)),
        birthday=draw(st.one_of(st.none(), st.dates(dt.date(1930, 1, 1), dt.date(2005, 1, 1)))),
        notes=draw(NOTES), life_situation=life,
        emails=[ContactPoint(draw(LABELS.filter(lambda x: x != "postal")), e) for e in emails],
        phones=[ContactPoint(draw(PHONE_LABELS), p) for p in phones],
        addresses=draw(st.lists(ADDRESS, max_size=3, unique_by=lambda a: a.street)))


def essentials(d: CustomerData, *, labels: bool = True) -> tuple[object, ...]:
    return (d.given_name, d.family_name, d.company, d.birthday, d.notes, d.life_situation,
            [(p.label if labels else "", p.value) for p in d.emails],
            [(p.label if labels else "", p.value) for p in d.phones],
            [(a.label if labels else "", a.street, a.city, a.postcode, a.country)
             for a in d.addresses])


def reimport(path: Path) -> list[CustomerData]:
    db.execute_sql("DELETE FROM customer")
    read = files.read_path(path)
    plan = contact_import.plan(read.contacts, path.name, "US")
    contact_import.apply(plan)
    ids = [r[0] for r in db.execute_sql("SELECT id FROM customer ORDER BY id")]
    return [customers.load(i) for i in ids]


def _book(people: list[CustomerData]) -> list[int]:
    db.execute_sql("DELETE FROM customer")
    return [customers.create(p, "US") for p in people]


@pytest.mark.parametrize("fmt", ["vcf", "crmdesk"])
@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(client(), min_size=1, max_size=4,
                       unique_by=lambda c: (c.given_name, c.family_name)))
def test_a_random_book_comes_back_whole(book, tmp_path: Path, fmt: str,  # type: ignore[no-untyped-def]
                                        people: list[CustomerData]) -> None:
    phones = [p.value.split(";")[0] for d in people for p in d.phones]
    emails = [e.value for d in people for e in d.emails]
    assume(len(set(phones)) == len(phones) and len(set(emails)) == len(emails))
    assume(len({d.family_name for d in people}) == len(people))  # else probable duplicates
    ids = _book(people)
    stored = [customers.load(i) for i in ids]
    out = tmp_path / ("out.vcf" if fmt == "vcf" else "out.csv")
    if fmt == "vcf":
        exporting.export_vcards(ids, out)
    else:
        exporting.export_csv(ids, out)
    back = reimport(out)
    assert [essentials(d) for d in back] == [essentials(d) for d in stored]


def test_google_and_outlook_layouts_come_back(book, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    person = CustomerData(
        given_name="Dolores", family_name="Peña", company="Banco", salutation="Sra",
        birthday=dt.date(1970, 3, 2), notes="Likes tea", tags=["VIP"],
        life_situation="Spouse: Javier Ruiz\nAnniversary: 12 June 2010",
        emails=[ContactPoint("home", "lola@example.es"), ContactPoint("work", "l@banco.example"),
                ContactPoint("other", "lola@other.example")],
        phones=[ContactPoint("mobile", "+34612345678"), ContactPoint("work", "+34911234567;ext=12"),
                ContactPoint("home fax", "+34911234568")],
        addresses=[PostalAddress("home", "Calle Mayor 1", "Madrid", "", "01327", "ES"),
                   PostalAddress("work", "Castellana 100", "Madrid", "", "28046", "ES")])
    [cid] = _book([person])
    for layout in ("google", "outlook"):
        out = tmp_path / f"{layout}.csv"
        exporting.export_csv([cid], out, layout=layout)
        read = files.read_path(out)
        assert layout in read.notes[0]
        [back] = reimport(out)
        assert (back.given_name, back.family_name, back.company, back.birthday) == (
            "Dolores", "Peña", "Banco", dt.date(1970, 3, 2))
        assert [e.value for e in back.emails] == [e.value for e in person.emails]
        # Outlook has a column per kind of phone: the order is Outlook's, the labels stay
        assert sorted((p.label, p.value) for p in back.phones) == sorted(
            (p.label, p.value) for p in person.phones)
        assert sorted((a.label, a.street, a.postcode) for a in back.addresses) == [
            ("home", "Calle Mayor 1", "01327"), ("work", "Castellana 100", "28046")]
        assert "Spouse: Javier Ruiz" in back.life_situation
        assert "Anniversary: 12 June 2010" in back.life_situation
        assert back.tags == ["VIP"]
        [cid] = _book([person])
    google = (tmp_path / "google.csv").read_text(encoding="utf-8-sig")
    assert "E-mail 3 - Value" in google and '"Other","lola@other.example"' in google


def test_csv_cells_for_spreadsheets(book, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    person = CustomerData(
        given_name="Ana", family_name="Ruiz",
        emails=[ContactPoint("home", f"a{n}@example.com") for n in range(3)],
        phones=[ContactPoint(label, f"+3461234567{n}") for n, label in
                enumerate(["mobile", "work", "other", "main"])],
        addresses=[PostalAddress("home", "Calle 1", "Madrid", "", "01327", "ES")])
    [cid] = _book([person])
    out = tmp_path / "out.csv"
    exporting.export_csv([cid], out)
    raw = out.read_text(encoding="utf-8-sig")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        header, row = list(csv.reader(fh))
    cell = dict(zip(header, row, strict=True))
    assert cell["Phone 1 - Value"] == "+34 612 34 56 70"  # no apostrophe before a phone
    assert [cell[f"Phone {n} - Label"] for n in range(1, 5)] == ["mobile", "work", "other",
                                                                 "main"]
    assert cell["E-mail 3 - Value"] == "a2@example.com"
    assert '"01327"' in raw  # quoted: a spreadsheet told to keep quoted text keeps the zero
    assert exporting.safe_cell("+1 212-555-1234 ext. 12") == "+1 212-555-1234 ext. 12"
    assert exporting.safe_cell("+A1*2") == "'+A1*2"
    assert exporting.safe_cell("+1+cmd|' /C calc'!A0") == "'+1+cmd|' /C calc'!A0"


def test_cli_exports_google_and_outlook_layouts(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.cli import main
    from crmdesk.store.db import close_database

    db_path = str(tmp_path / "b.db")
    assert main(["add", "--db", db_path, "--given", "Ana", "--family", "Peña", "--email",
                 "ana@example.es", "--phone", "+34 612 34 56 78"]) == 0
    close_database()
    for fmt, column in (("google-csv", "E-mail 1 - Value"), ("outlook-csv", "Mobile Phone")):
        out = tmp_path / f"{fmt}.csv"
        assert main(["export", "--db", db_path, "--format", fmt, "--out", str(out)]) == 0
        close_database()
        with out.open(encoding="utf-8-sig", newline="") as fh:
            header, row = list(csv.reader(fh))
        assert dict(zip(header, row, strict=True))[column] in ("ana@example.es",
                                                               "+34 612 34 56 78")
    capsys.readouterr()

