"""Customer service: validation, writes in one transaction, archive/restore, FTS in step."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.services import customers
from crmdesk.services.customer_query import CustomerFilter, customer_ids
from crmdesk.services.customers import ContactPoint, CustomerData, PostalAddress, ValidationFailed
from crmdesk.services.greeting import greeting
from crmdesk.store.db import db
from tests.conftest import add


def _fts_row(cid: int) -> tuple[str, ...]:
    return db.execute_sql("SELECT name, emails, phones, company, tags, notes FROM customer_fts "
                          "WHERE rowid = ?", (cid,)).fetchone()


def test_create_and_load_round_trip_every_field(book: object) -> None:
    data = CustomerData(
        given_name=" Dolores ", family_name="Peña", preferred_name="Lola", salutation="Mrs",
        address_form="informal", birthday=dt.date(1970, 5, 17), life_situation="Married",
        interests="Opera", needs="Pension", occupation="Architect", company="Peña & Hijos",
        preferred_channel="phone", best_time="Mornings", language="es", segment="VIP",
        relationship_type="exclusive", owner="Ana Ruiz", notes="<b>&\"x\"</b>", stage="growth",
        emails=[ContactPoint("work", "Lola@Example.COM"), ContactPoint("home", "")],
        phones=[ContactPoint("mobile", "(905) 555-1234"), ContactPoint("home", "+34 612 34 56 78")],
        addresses=[PostalAddress("home", "Calle Mayor 1", "Madrid", "", "28013", "ES"),
                   PostalAddress("work")],
        consents={"email": dt.date(2025, 1, 2), "bogus": dt.date(2025, 1, 2)},
        tags=["opera", " Opera ", "wine"])
    cid = customers.create(data, "US")
    got = customers.load(cid)
    assert got.given_name == "Dolores"
    assert got.emails == [ContactPoint("work", "Lola@example.com")]
    assert [p.value for p in got.phones] == ["+19055551234", "+34612345678"]
    assert got.addresses == [PostalAddress("home", "Calle Mayor 1", "Madrid", "", "28013", "ES")]
    assert got.consents == {"email": dt.date(2025, 1, 2)}
    assert got.tags == ["opera", "wine"]
    assert got.owner == "Ana Ruiz" and got.relationship_type == "exclusive"
    assert got.notes == "<b>&\"x\"</b>"
    assert got.created_at is not None and got.created_at.tzinfo is not None
    name, emails, phones, company, tags, notes = _fts_row(cid)
    assert "Peña" in name and "Lola@example.com" in emails
    # the numbers: their digits in customer_fts, any run of them in customer_phone_search
    assert phones.split() == ["19055551234", "34612345678"]
    assert db.execute_sql("SELECT digits FROM customer_phone_search WHERE rowid = ?",
                          (cid,)).fetchone()[0] == "19055551234 34612345678"
    assert company == "Architect Peña & Hijos" and tags == "opera wine"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("emails", [ContactPoint("home", "lola@@example")], "not a valid e-mail"),
    ("phones", [ContactPoint("mobile", "12")], "phone"),
    ("phones", [ContactPoint("mobile", "+1 555 0000 000 000")], "phone"),
    ("birthday", dt.date.today() + dt.timedelta(days=3), "future"),
    ("stage", "nowhere", "Unknown stage"),
])
def test_invalid_values_are_refused_and_nothing_is_written(
        book: object, field: str, value: object, message: str) -> None:
    data = CustomerData(given_name="Ana", family_name="Bad", **{field: value})  # type: ignore[arg-type]
    with pytest.raises(ValidationFailed) as info:
        customers.create(data, "US")
    assert message in str(info.value)
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0
    assert db.execute_sql("SELECT count(*) FROM customer_fts").fetchone()[0] == 0


def test_a_name_is_required(book: object) -> None:
    with pytest.raises(ValidationFailed, match="given or a family name"):
        customers.create(CustomerData(given_name="  "), "US")


def test_update_replaces_children_and_reindexes(book: object) -> None:
    cid = add("Ana", "Ruiz", emails=("ana@example.com",), phones=("+1 905 555 1234",))
    data = customers.load(cid)
    data.emails = [ContactPoint("work", "ana.ruiz@work.example")]
    data.phones = []
    data.tags = ["golf"]
    before = customers.load(cid).updated_at
    customers.update(cid, data, "US")
    assert customer_ids(CustomerFilter(text="ana.ruiz@work")) == [cid]
    assert customer_ids(CustomerFilter(text="ana@example")) == []
    assert customer_ids(CustomerFilter(text="5551234")) == []
    assert customer_ids(CustomerFilter(text="golf")) == [cid]
    after = customers.load(cid)
    assert after.updated_at is not None and before is not None and after.updated_at >= before


def test_failed_write_leaves_no_half_record(book: object, monkeypatch: pytest.MonkeyPatch) -> None:
    cid = add("Ana", "Ruiz", emails=("ana@example.com",))
    data = customers.load(cid)
    data.family_name = "Changed"
    data.emails = [ContactPoint("home", "new@example.com")]

    def boom(_ids: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(customers.search_index, "reindex", boom)
    with pytest.raises(RuntimeError):
        customers.update(cid, data, "US")
    stored = customers.load(cid)
    assert stored.family_name == "Ruiz"
    assert [e.value for e in stored.emails] == ["ana@example.com"]


def test_archive_and_restore(book: object) -> None:
    a = add("Ana", "Ruiz")
    b = add("Ben", "Carter")
    assert customers.set_archived([a], True) == 1
    assert customers.set_archived([a], True) == 0  # already archived
    assert customer_ids(CustomerFilter()) == [b]
    assert customer_ids(CustomerFilter(archived=True)) == [a]
    assert customers.load(a).archived_at is not None
    assert customers.set_archived([a], False) == 1
    assert customer_ids(CustomerFilter()) == [b, a]  # Carter before Ruiz


def test_update_of_missing_customer(book: object) -> None:
    with pytest.raises(LookupError):
        customers.update(999, CustomerData(given_name="X"), "US")
    with pytest.raises(LookupError):
        customers.load(999)


@pytest.mark.parametrize(("fields", "expected"), [
    ({"salutation": "Mrs", "family_name": "Peña", "given_name": "Dolores"}, "Dear Mrs Peña"),
    ({"address_form": "informal", "given_name": "Dolores", "preferred_name": "Lola"}, "Hi Lola"),
    ({"given_name": "Ana", "family_name": "Ruiz"}, "Dear Ana Ruiz"),
    ({"language": "es", "salutation": "Sra.", "family_name": "Peña"}, "Estimada Sra. Peña"),
    ({"language": "es", "salutation": "Mr", "family_name": "Díaz"}, "Estimado Sr. Díaz"),
    ({"language": "es", "family_name": "Díaz"}, "Estimado/a Díaz"),
    ({"language": "es", "address_form": "informal", "given_name": "Dolores",
      "preferred_name": "Lola"}, "Hola Lola"),
])
def test_greeting(fields: dict[str, str], expected: str) -> None:
    assert greeting(CustomerData(**fields)) == expected  # type: ignore[arg-type]
