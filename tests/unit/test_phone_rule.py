"""One phone rule for the profile, the importer, quick capture and the CLI (issue item 8):
any number of a possible length in its country's plan, whatever kind of line it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.services import customers
from crmdesk.services.customers import ContactPoint, CustomerData
from crmdesk.services.importing import contact_import
from crmdesk.services.importing.contact import ImportedContact
from crmdesk.services.validation import InvalidValue, format_phone, normalise_phone
from crmdesk.store.db import close_database

ACCEPTED = [("905-111-1234", "US", "+19051111234"),      # a pager (exchange 111): iPhone vCard
            ("555 555 1111", "US", "+15555551111"),      # Gmail's sample number
            ("905-555-1234", "US", "+19055551234"),
            ("+34 612 345 678", "US", "+34612345678"),
            ("0049 30 123456", "ES", "+4930123456"),
            ("+44 20 7946 0958", "US", "+442079460958")]
REFUSED = [("123456", "US", "“123456” is not a valid phone number for region US (too short)."),
           ("(111) 555-1111", "US", "“(111) 555-1111” is not a valid phone number for region US."),
           ("612 34 56 78", "US",
            "“612 34 56 78” is not a valid phone number for region US (too short)."),
           ("call me", "US", "“call me” is not a phone number (not a number).")]


@pytest.mark.parametrize(("text", "region", "e164"), ACCEPTED)
def test_the_profile_and_the_importer_accept_the_same_numbers(text, region, e164) -> None:  # type: ignore[no-untyped-def]
    assert normalise_phone(text, region) == e164
    assert contact_import.clean_phone(text, region) == e164
    clean, problems = customers.validate(
        CustomerData(given_name="A", phones=[ContactPoint("pager", text)]), region)
    assert problems == [] and clean.phones == [ContactPoint("pager", e164)]


@pytest.mark.parametrize(("text", "region", "reason"), REFUSED)
def test_the_profile_and_the_importer_refuse_the_same_numbers(text, region, reason) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidValue) as refused:
        normalise_phone(text, region)
    assert str(refused.value) == reason
    with pytest.raises(InvalidValue):
        contact_import.clean_phone(text, region)


def test_what_an_import_accepts_can_be_saved_again(book: object) -> None:
    contact = ImportedContact(source="card 1", data=CustomerData(
        given_name="John", family_name="Doe",
        phones=[ContactPoint("pager", "905-111-1234"), ContactPoint("home", "123456")]))
    plan = contact_import.plan([contact], "cards.vcf", "US")
    result = contact_import.apply(plan)
    assert result.created == 1
    cid = 1
    stored = customers.load(cid)
    assert [(p.label, p.value) for p in stored.phones] == [("pager", "+19051111234"),
                                                          ("home", "123456")]
    assert any("123456" in w for w in plan.rows[0].contact.warnings)
    # the pager is fine in the profile; the number kept as written is the one reason refused
    clean, problems = customers.validate(stored, "US")
    assert [(p.field, p.index) for p in problems] == [("phones", 1)]
    stored.phones = stored.phones[:1]
    customers.update(cid, stored, "US")
    assert [p.value for p in customers.load(cid).phones] == ["+19051111234"]


def test_showing_a_number_and_reading_it_back_changes_nothing() -> None:
    for stored in ("+19051111234", "+15555551111", "123456", "+1905111"):
        shown = format_phone(stored)
        try:
            again = normalise_phone(shown, "US")
        except InvalidValue:
            again = shown
        assert again == stored
    assert format_phone("+19051111234") == "+1 905-111-1234"


def test_the_cli_takes_a_pager_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code = main(["add", "--db", str(tmp_path / "b.db"), "--given", "A", "--family", "B",
                 "--phone", "905-111-1234", "--json"])
    close_database()
    assert code == 0
    assert json.loads(capsys.readouterr().out)["phones"] == ["+19051111234"]
