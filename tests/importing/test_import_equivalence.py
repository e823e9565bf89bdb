"""A book imported by the fast paths is the book the plain paths make (issue 17): the same
plan (kinds, reasons, warnings, what is not kept), customers, e-mails, phones, addresses,
tags, search rows, search results, duplicates found, indexes, and the same after an undo.

The plain paths: every number through validation.normalise_phone, every name through
search_index.fold_slowly and a plain split, every vCard line through vobject, the indexes
kept while the rows go in."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path
from typing import Any

import pytest

from crmdesk.services import access, duplicates, search_index
from crmdesk.services.customer_query import CustomerFilter, customer_ids
from crmdesk.services.importing import contact_import, files, vcard_reader
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db

ROWS = 7_500  # above contact_import.BULK_INDEXES: the indexes are set aside
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
GIVEN = ["Ana", "José", "Łukasz", "Zoë", "Thảo", "Søren", "María José", "O'Neil", "Ana\xa0Belén"]
FAMILY = ["García", "Peña", "Müller", "Nguyễn", "Øster", "Smith", "de la Fuente", "Straße"]
PHONES = ["+1 416 {a} {b}", "(905) 555-{b}", "+44 20 7946 {b}", "020 7946 {b}",
          "+34 612 {a} {b}", "612 34 {b}", "+375 8138841776", "+39 06 6982 {b}", "12",
          "+1 212 555 {b} x12", "1-800-FLOWERS", "+49 30 {a}{b}", "+33 6 12 {a} {b}"]
QUERIES = ["ana", "garcia", "pena", "lukasz", "zoe", "5550", "7946", "020 79", "612",
           "oster", "thao", "straße", "strasse", "de la", "@example.com", "ana.garcia",
           "2079", "acme", "vip", "0612"]


def _rows() -> list[dict[str, str]]:
    rng = random.Random(17)
    out = []
    for i in range(ROWS):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        n = i % 7200  # the last rows repeat earlier ones: e-mail, phone or name
        phone = rng.choice(PHONES).format(a=f"{200 + n // 100:03d}", b=f"{n % 10000:04d}")
        out.append({
            "First Name": f"  {given} " if i % 7 == 0 else given,
            "Last Name": f"{family}{n if i % 40 else ''}",
            "E-mail Address": (f"{search_index.fold_slowly(given).replace(' ', '')}."
                               f"{n}@Example.COM") if i % 5 else "",
            "Mobile Phone": phone,
            "Company": rng.choice(["Acme", "Globex", "", "Peña & Hijos S.L."]),
            "Home City": rng.choice(["Madrid", "Kraków", "Hà Nội", ""]),
            "Notes": rng.choice(["", "VIP", "Prefers e-mail", "línea\nsegunda"]),
            "Web Page": "https://example.com" if i % 11 == 0 else "",
        })
    return out


def _csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def _vcf(rows: list[dict[str, str]]) -> bytes:
    cards = []
    for i, r in enumerate(rows):
        group = "item1." if i % 9 == 0 else ""
        cards.append(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{r['Last Name']};{r['First Name']};;;\r\n"
            f"FN:{r['First Name']} {r['Last Name']}\r\n"
            + (f"{group}EMAIL;TYPE=INTERNET,home:{r['E-mail Address']}\r\n"
               if r["E-mail Address"] else "")
            + f"TEL;TYPE=cell:{r['Mobile Phone']}\r\nORG:{r['Company']}\r\n"
            f"ADR;TYPE=home:;;;{r['Home City']};;;\r\nNOTE:{r['Notes']}\r\n"
            + ("X-EVOLUTION-SPOUSE:Ana\r\nTEL;TYPE=\"work\":+34 612 000 000\r\n"
               if i % 13 == 0 else "")
            + ("PHOTO;ENCODING=b;TYPE=JPEG:bm90IGFuIGltYWdl\r\n" if i % 50 == 0 else "")
            + "END:VCARD\r\n")
    return "".join(cards).encode()


def _plain_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(contact_import, "fast_e164", lambda text, region: None)
    monkeypatch.setattr(contact_import, "fold", search_index.fold_slowly)
    monkeypatch.setattr(search_index, "fold", search_index.fold_slowly)
    monkeypatch.setattr(contact_import, "_squeeze", lambda text: " ".join(text.split())[:200])
    monkeypatch.setattr(contact_import, "_set_indexes_aside", lambda *args: [])
    monkeypatch.setattr(vcard_reader, "fast_fields", lambda raw: None)


TABLES = {
    "customer": "SELECT * FROM customer ORDER BY id",
    "customer_email": "SELECT customer_id, label, address, address_key, position "
                      "FROM customer_email ORDER BY customer_id, position",
    "customer_phone": "SELECT customer_id, label, e164, position FROM customer_phone "
                      "ORDER BY customer_id, position",
    "customer_address": "SELECT customer_id, label, street, city, region, postcode, country, "
                        "position FROM customer_address ORDER BY customer_id, position",
    "customer_tag": "SELECT * FROM customer_tag ORDER BY customer_id, tag",
    "customer_photo": "SELECT customer_id, mime, length(data) FROM customer_photo "
                      "ORDER BY customer_id",
    "customer_fts": "SELECT rowid, * FROM customer_fts ORDER BY rowid",
    "customer_phone_search": "SELECT rowid, * FROM customer_phone_search ORDER BY rowid",
    "import_item": "SELECT import_id, customer_id, action FROM import_item "
                   "ORDER BY import_id, customer_id",
    "indexes": "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' "
               "ORDER BY name",
    "triggers": "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
    "counts": "SELECT * FROM customer_count ORDER BY archived",
}


def _import(path: Path, raw: bytes, name: str) -> dict[str, Any]:
    access.reset()
    open_book(path)
    try:
        read = files.read_bytes(raw, Path(name))
        plan = contact_import.plan(read.contacts, name, "US")
        for row in plan.rows:  # some duplicates are kept anyway, as a person may choose
            if row.kind == contact_import.DUPLICATE and row.contact.source.endswith("7"):
                row.include = True
        seen: dict[str, Any] = {
            "notes": read.notes,
            "plan": [(r.contact.source, r.kind, r.reason, r.match_id, r.warnings, r.include)
                     for r in plan.rows],
            "dropped": plan.dropped(), "summary": plan.summary()}
        result = contact_import.apply(plan, now=NOW)
        seen["result"] = (result.created, result.updated, result.skipped)
        seen.update({table: db.execute_sql(sql).fetchall() for table, sql in TABLES.items()})
        seen["found"] = {q: customer_ids(CustomerFilter(text=q)) for q in QUERIES}
        seen["duplicates"] = [(p.keep, p.other, p.score, p.reasons)
                              for p in duplicates.find_pairs(limit=100_000)[0]]
        contact_import.undo_import(result.import_id)
        seen["after undo"] = {t: db.execute_sql(TABLES[t]).fetchall()
                              for t in ("customer", "customer_fts", "customer_phone_search",
                                        "indexes", "counts")}
        return seen
    finally:
        close_database()
        access.reset()


@pytest.mark.parametrize("name", ["people.csv", "people.vcf"])
def test_the_fast_paths_make_the_same_book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           name: str) -> None:
    rows = _rows()
    raw = _csv(rows) if name.endswith(".csv") else _vcf(rows)
    fast = _import(tmp_path / "fast.db", raw, name)
    with monkeypatch.context() as patch:
        _plain_paths(patch)
        plain = _import(tmp_path / "plain.db", raw, name)
    assert fast["result"][0] >= contact_import.BULK_INDEXES  # the indexes were set aside
    assert any(r[1] == contact_import.DUPLICATE for r in fast["plan"])
    assert any("not a valid number" in " ".join(r[4]) for r in fast["plan"])
    assert fast["duplicates"]
    assert fast["found"]["7946"] and fast["found"]["pena"]
    for key in plain:
        assert fast[key] == plain[key], key
