"""Phone numbers searched from their own trigram index (issue 17): the same numbers found
as when customer_fts held every digit suffix, on every path that writes a customer, and in
books written before the index existed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crmdesk.services import customers, integrity, privacy, search_index
from crmdesk.services.customer_query import CustomerFilter, customer_ids, matched_contacts
from crmdesk.services.importing import contact_import
from crmdesk.services.importing.contact import ImportedContact
from crmdesk.store import migrations
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db, open_database
from tests.conftest import add

NUMBERS = ["+19055551234", "+14165550100", "+442079460018", "+34612345678", "+4930123456",
           "+48501234567", "+84901234567", "+33612345678", "+12125551234;ext=123"]


def old_tokens(e164: str) -> list[str]:
    """What customer_fts's phone column held before: every digit suffix (3 digits or more)
    and the national form with its trunk prefix."""
    digits = "".join(ch for ch in e164 if ch.isdigit())
    tokens = [digits[i:] for i in range(len(digits) - 2)]
    national = search_index.trunk_national(e164, digits)
    return [*tokens, *([national] if national else [])]


def _old_finds(query: str, numbers: dict[int, str]) -> set[int]:
    digits = "".join(ch for ch in query if ch.isdigit())
    return {cid for cid, e164 in numbers.items()
            if any(t.startswith(digits) for t in old_tokens(e164))}


def _queries() -> list[str]:
    out = set()
    for e164 in NUMBERS:
        for token in old_tokens(e164):
            for size in (3, 4, 6, len(token)):
                out.add(token[:size])
    return sorted(out) + ["999", "0000", "905-555", "(416) 555"]


def test_every_run_of_digits_finds_what_the_suffixes_found(book: object) -> None:
    numbers = {add("Ana", f"Num{i}", phones=(n,)): customers.load(
        add("Ben", f"Other{i}")) and n for i, n in enumerate(NUMBERS)}
    stored = {cid: customers.load(cid).phones[0].value for cid in numbers}
    for query in _queries():
        found = set(customer_ids(CustomerFilter(text=query)))
        assert found == _old_finds(query, stored), query
    # the list shows the number that matched
    cid = next(c for c, n in stored.items() if n == "+442079460018")
    assert matched_contacts([cid], "020 7946") == {cid: (None, "+442079460018")}


def test_the_search_rows_follow_every_write(book: object, tmp_path: Path) -> None:
    ana = add("Ana", "Ruiz", phones=("+1 905 555 1234",))
    assert customer_ids(CustomerFilter(text="555 12")) == [ana]
    data = customers.load(ana)
    data.phones[0].value = "+1 416 555 0100"
    customers.update(ana, data, "US")
    assert customer_ids(CustomerFilter(text="555 12")) == []
    assert customer_ids(CustomerFilter(text="5550100")) == [ana]
    customers.set_archived([ana], True)  # the Trash is not in the index
    assert customer_ids(CustomerFilter(text="5550100")) == []
    assert customer_ids(CustomerFilter(text="5550100", archived=True)) == [ana]
    customers.set_archived([ana], False)
    assert customer_ids(CustomerFilter(text="5550100")) == [ana]
    assert not integrity.check_book().problems
    privacy.forget(ana)
    assert customer_ids(CustomerFilter(text="5550100")) == []
    assert db.execute_sql("SELECT count(*) FROM customer_phone_search").fetchone()[0] == 0
    # an import, and its undo
    plan = contact_import.plan([ImportedContact("row 2", customers.CustomerData(
        given_name="Eva", family_name="Gil", phones=[customers.ContactPoint(
            "mobile", "+34 612 34 56 78")]))], "people.csv", "ES")
    result = contact_import.apply(plan)
    eva = customer_ids(CustomerFilter(text="612 34"))
    assert len(eva) == 1 and customers.load(eva[0]).family_name == "Gil"
    assert not integrity.check_book().problems
    contact_import.undo_import(result.import_id)
    assert customer_ids(CustomerFilter(text="612 34")) == []
    assert not integrity.check_book().problems


def test_integrity_sees_a_stale_phone_row(book: object) -> None:
    add("Ana", "Ruiz", phones=("+1 905 555 1234",))
    db.execute_sql("DELETE FROM customer_phone_search")
    assert any("Phone search index out of step" in p for p in integrity.check_book().problems)


def test_the_office_rebuild_derives_the_phone_rows(book: object) -> None:
    from crmdesk.services import sync

    ana = add("Ana", "Ruiz", phones=("+44 20 7946 0018",))
    with db.atomic():
        db.execute_sql("DELETE FROM customer_phone_search")
        sync._bulk_fts()
    assert customer_ids(CustomerFilter(text="0207946")) == [ana]
    assert customer_ids(CustomerFilter(text="2079 46")) == [ana]
    assert not integrity.check_book().problems


@pytest.mark.parametrize("archived", [False, True])
def test_a_book_of_the_previous_schema_gets_its_phone_rows(tmp_path: Path,
                                                           archived: bool) -> None:
    path = tmp_path / "old.db"
    database = open_database(path)
    migrations.migrate(database, None, target=migrations.PHONE_SEARCH_VERSION - 1)
    close_database()
    raw = sqlite3.connect(path)
    with raw:
        raw.execute("INSERT INTO customer (id, given_name, family_name, sort_name, created_at, "
                    "updated_at, stage_since, archived_at) VALUES (7, 'Lola', 'Peña', "
                    "'pena lola', '', '', '', ?)", ("2026-01-01T00:00:00Z" if archived else None,))
        for pos, e164 in enumerate(("+442079460018", "+19055551234")):
            raw.execute("INSERT INTO customer_phone (customer_id, label, e164, position) "
                        "VALUES (7, 'mobile', ?, ?)", (e164, pos))
        if not archived:  # the old search row: every suffix
            raw.execute("INSERT INTO customer_fts (rowid, name, emails, phones, company, tags, "
                        "notes) VALUES (7, 'Lola Peña ', '', ?, ' ', '', '')",
                        (" ".join(old_tokens("+442079460018") + old_tokens("+19055551234")),))
    raw.close()
    open_book(path)
    try:
        assert migrations.current_version(db) == migrations.LATEST
        for query in ("0207946", "946 0018", "905-555", "5551234", "lola"):
            assert customer_ids(CustomerFilter(text=query)) == ([] if archived else [7]), query
        assert customer_ids(CustomerFilter(text="946 0018", archived=True)) == (
            [7] if archived else [])
        assert not integrity.check_book().problems
    finally:
        close_database()


@pytest.mark.parametrize("kept", ["+²³⁴ 5678", "+٣٤٦١٢٣٤٥", "+", "+999", "n/a 12", "n/a"])
def test_a_number_kept_as_written_gets_a_search_row_without_failing(book: object,
                                                                    kept: str) -> None:
    assert isinstance(search_index.phone_tokens(kept), str)
    assert search_index.phone_tokens("") == ""
    plan = contact_import.plan([ImportedContact("row 2", customers.CustomerData(
        given_name="Eva", family_name="Gil", phones=[customers.ContactPoint(
            "mobile", kept)]))], "people.csv", "US")
    contact_import.apply(plan)
    cid = customer_ids(CustomerFilter(text="eva gil"))[0]
    data = customers.load(cid)
    search_index.reindex([cid])
    assert [p.value for p in data.phones] == [kept]
    assert not integrity.check_book().problems


def test_an_encrypted_book_imports_in_bulk_and_finds_its_numbers(tmp_path: Path) -> None:
    path = tmp_path / "secret.db"
    open_book(path, passphrase="correct horse battery staple")
    try:
        people = [ImportedContact(f"row {i + 2}", customers.CustomerData(
            given_name=f"Eva{i}", family_name="Gil", phones=[customers.ContactPoint(
                "mobile", f"+44 20 7946 {i:04d}")])) for i in range(contact_import.BULK_INDEXES)]
        result = contact_import.apply(contact_import.plan(people, "people.csv", "US"))
        assert result.created == contact_import.BULK_INDEXES
        assert customer_ids(CustomerFilter(text="020 7946 0042")) == [
            customer_ids(CustomerFilter(text="eva42"))[0]]
        assert not integrity.check_book().problems
    finally:
        close_database()
    assert b"Eva42" not in path.read_bytes()
