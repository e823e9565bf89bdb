"""CSV layouts, encodings and delimiters; the preview's sorting; undo of an import; and
fuzzing: whatever bytes arrive, the readers report and never raise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmdesk.cli import main
from crmdesk.services import customers, interactions
from crmdesk.services.importing import contact_import, csv_reader, files, vcard_reader
from crmdesk.services.interactions import InteractionData
from crmdesk.store.db import close_database, db
from tests.conftest import add

OUTLOOK = (
    '"First Name","Middle Name","Last Name","Title","Suffix","Nickname","E-mail Address",'
    '"E-mail 2 Address","Business Phone","Home Phone","Mobile Phone","Company","Job Title",'
    '"Department","Birthday","Notes","Categories","Home Street","Home City","Home State",'
    '"Home Postal Code","Home Country/Region"\r\n'
    '"José","","Peña","Sr.","","Pepe","jose.pena@example.es","","","","+34 612 34 56 78",'
    '"Banco Ñandú","Director","Ventas","3/10/1970","Prefiere café\r\nSin azúcar",'
    '"VIP;My Contacts","Gran Vía 7","Madrid","","28013","Spain"\r\n')
GOOGLE = (
    "First Name,Middle Name,Last Name,Name Prefix,Nickname,Organization Name,"
    "Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,"
    "E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Label,"
    "Address 1 - Street,Address 1 - City,Address 1 - Postal Code,Address 1 - Country\n"
    "Łukasz,,Wiśniewski,,,Øster ApS,CEO,1985-02-14,Likes sailing,* myContacts ::: Golf,"
    "* Work,lukasz@oster.dk,Home,lw@example.pl,Mobile,+48 601 234 567,Home,"
    "ul. Długa 5,Gdańsk,80-831,Poland\n")


def plan_for(raw: bytes, name: str = "contacts.csv") -> contact_import.ImportPlan:
    read = files.read_bytes(raw, Path(name))
    return contact_import.plan(read.contacts, name, "US")


def test_outlook_csv_in_windows_1252_with_crlf(book: object) -> None:
    raw = OUTLOOK.encode("cp1252")
    table = csv_reader.read_table(raw)
    assert (table.layout, table.encoding, table.delimiter) == ("outlook", "cp1252", ",")
    plan = plan_for(raw)
    [row] = plan.rows
    assert row.kind == contact_import.NEW and row.clean is not None
    c = row.clean
    assert (c.salutation, c.given_name, c.family_name, c.preferred_name) == \
        ("Sr.", "José", "Peña", "Pepe")
    assert (c.company, c.occupation) == ("Banco Ñandú", "Director, Ventas")
    assert [(p.label, p.value) for p in c.phones] == [("mobile", "+34612345678")]
    assert c.tags == ["VIP"] and c.notes == "Prefiere café\nSin azúcar"
    assert c.birthday is not None and (c.birthday.month, c.birthday.day) == (3, 10)
    assert (c.addresses[0].street, c.addresses[0].city) == ("Gran Vía 7", "Madrid")


def test_google_csv_with_bom_and_numbered_fields(book: object) -> None:
    raw = b"\xef\xbb\xbf" + GOOGLE.encode("utf-8")
    table = csv_reader.read_table(raw)
    assert (table.layout, table.encoding) == ("google", "utf-8-sig")
    [row] = plan_for(raw).rows
    c = row.clean
    assert c is not None
    assert (c.given_name, c.family_name, c.company, c.occupation) == \
        ("Łukasz", "Wiśniewski", "Øster ApS", "CEO")
    assert [(p.label, p.value) for p in c.emails] == [("work", "lukasz@oster.dk"),
                                                      ("home", "lw@example.pl")]
    assert [(p.label, p.value) for p in c.phones] == [("mobile", "+48601234567")]
    assert c.tags == ["Golf"] and c.addresses[0].city == "Gdańsk"


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_delimiters_are_detected(book: object, delimiter: str) -> None:
    raw = (f"Name{delimiter}Email{delimiter}Phone\n"
           f"Ana Ruiz{delimiter}ana@example.com{delimiter}+1 905 555 1234\n").encode()
    [row] = plan_for(raw).rows
    assert row.clean is not None
    assert (row.clean.given_name, row.clean.family_name) == ("Ana", "Ruiz")
    assert row.clean.emails[0].value == "ana@example.com"


def test_preview_sorts_rows_and_apply_is_one_undoable_transaction(book: object) -> None:
    lola = add("Dolores", "Peña", emails=("lola@example.com",))
    ana = add("Ana", "Ruiz", phones=("+1 905 555 1234",))
    raw = ("Given Name,Family Name,E-mail,Phone,Notes\n"
           "Lola,Peña,LOLA@example.com,,Prefers mornings\n"       # update by e-mail
           "Annie,R.,,+1 (905) 555-1234,\n"                         # same phone: duplicate
           "Ana,Ruiz,,,\n"                                          # same name: duplicate
           ",,,,\n"                                                 # blank: ignored
           ",,,,only a note\n"                                      # rejected
           "Max,Weber,max@example.de,,\n"                           # new
           "Maxi,Weber,max@example.de,,\n").encode()                # same e-mail as a row
    plan = plan_for(raw)
    kinds = [(r.contact.source, r.kind) for r in plan.rows]
    assert kinds == [("row 2", "update"), ("row 3", "duplicate"), ("row 4", "duplicate"),
                     ("row 6", "rejected"), ("row 7", "new"), ("row 8", "duplicate")]
    assert plan.rows[1].match_id == ana and plan.rows[2].match_id == ana
    assert plan.rows[3].reason == "no name, e-mail or company"
    assert plan.rows[5].reason == "same e-mail as row 7"
    before = customers.load(lola)
    result = contact_import.apply(plan)
    assert (result.created, result.updated) == (1, 1)
    assert customers.load(lola).notes == "Prefers mornings"
    count = db.execute_sql("SELECT count(*) FROM customer").fetchone()[0]
    assert count == 3
    [info] = contact_import.imports()
    assert info.title == "import of contacts.csv, 2 customers"
    report = contact_import.undo_import(result.import_id)
    assert (report.removed, report.restored) == (1, 1)
    assert customers.load(lola) == before
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 2
    assert db.execute_sql("SELECT count(*) FROM customer_fts").fetchone()[0] == 2
    with pytest.raises(LookupError, match="already undone"):
        contact_import.undo_import(result.import_id)


def test_undo_keeps_what_was_worked_on_since(book: object) -> None:
    raw = b"Name,Email\nKeep Me,keep@example.com\nDrop Me,drop@example.com\n"
    result = contact_import.apply(plan_for(raw))
    keep = db.execute_sql("SELECT customer_id FROM customer_email WHERE address = ?",
                          ("keep@example.com",)).fetchone()[0]
    interactions.log(InteractionData(keep, "phone", "in", "Called about the import"))
    report = contact_import.undo_import(result.import_id)
    assert (report.removed, report.to_trash) == (1, 1)
    assert customers.load(keep).archived_at is not None  # in the Trash, with its history


def test_cancelled_apply_leaves_nothing(book: object) -> None:
    raw = ("Name,Email\n" + "".join(f"P{i} Q,p{i}@example.com\n" for i in range(12_000))).encode()
    plan = plan_for(raw)
    with pytest.raises(contact_import.ImportCancelled):
        contact_import.apply(plan, progress=lambda done, total: done < 5000)
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0
    assert db.execute_sql("SELECT count(*) FROM import_batch").fetchone()[0] == 0


def test_cli_import_dry_run_then_for_real(book, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    close_database()
    path = tmp_path / "people.csv"
    path.write_bytes(GOOGLE.encode())
    bad = tmp_path / "empty.csv"
    bad.write_bytes(b"")
    db_path = str(tmp_path / "cli.db")
    code = main(["import", "--db", db_path, str(path), "--dry-run", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["dry_run"] and report["files"][0]["new"] == 1
    assert "import_id" not in report["files"][0]
    code = main(["import", "--db", db_path, str(path), str(bad)])
    out, err = capsys.readouterr()
    assert code == 1 and "imported 1 new" in out and "empty.csv is empty" in err
    close_database()


_text = st.text(st.characters(codec="utf-8"), max_size=80)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(
    st.sampled_from(["BEGIN:VCARD", "END:VCARD", "VERSION:2.1", "VERSION:4.0", "N:a;b;;;",
                     "FN:x", "EMAIL;TYPE=work:a@b.c", "TEL;CELL:123", "PHOTO;ENCODING=b:@@@",
                     "NOTE;ENCODING=QUOTED-PRINTABLE:=C3=", "ADR:;;;", "BDAY:--13-45",
                     " folded", "=C3=91", "item1.X-ABLabel:_$!<x>!$_", "BDAY:0000-00-00"]),
    _text.map(lambda t: t.replace("\r", ""))), max_size=40))
def test_vcard_reader_never_raises(lines: list[str]) -> None:
    raw = "\r\n".join(lines).encode("utf-8", errors="surrogatepass")
    contacts, _encoding = vcard_reader.read_vcards(raw)
    for contact in contacts:
        assert contact.error or contact.data.given_name or contact.data.family_name


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_csv_and_vcard_readers_take_any_bytes(raw: bytes) -> None:
    for name in ("x.csv", "x.vcf"):
        try:
            read = files.read_bytes(raw, Path(name))
        except files.UnreadableFile:
            continue
        for contact in read.contacts:
            assert contact.error or contact.data.given_name or contact.data.family_name


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_text, min_size=1, max_size=6), min_size=1, max_size=8))
def test_mangled_csv_rows_are_planned_without_raising(book: object,
                                                      rows: list[list[str]]) -> None:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Name", "Email", "Phone", "Birthday", "Tags", "Notes"])
    writer.writerows(rows)
    try:
        read = files.read_bytes(out.getvalue().encode("utf-8", "surrogatepass"), Path("f.csv"))
    except files.UnreadableFile:
        return
    plan = contact_import.plan(read.contacts, "f.csv", "US")
    assert len(plan.rows) == len(read.contacts)
