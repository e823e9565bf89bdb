"""An organisation client is greeted as a company: through its contact person ('Dear Mr
Ruiz', 'Attn. Mr Juan Ruiz' on the envelope) or 'Dear Sir or Madam', never 'Dear Banco
Ejemplo' — in statements, letters, messages, the profile, the brief and the CLI."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from pypdf import PdfReader

from crmdesk.cli import main
from crmdesk.reports import statement_pdf
from crmdesk.reports.statement_data import BatchContext, gather
from crmdesk.services import customers, greeting, meeting_brief, messaging, summary
from crmdesk.services.customers import ContactPoint, CustomerData, PostalAddress
from crmdesk.services.periods import parse_period
from crmdesk.store.db import close_database

NOW = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 1)
BANK_ADDRESS = PostalAddress("work", "Paseo de la Castellana 1", "Madrid", "", "28046", "ES")


def _bank(language: str = "en", **extra: object) -> int:
    return customers.create(CustomerData(
        given_name="Banco Ejemplo", kind="organisation", language=language,
        emails=[ContactPoint("work", "info@banco.example")], addresses=[BANK_ADDRESS],
        consents={"email": TODAY, "post": TODAY, "sms": TODAY}, **extra), "ES")  # type: ignore[arg-type]


def _ruiz(bank: int, **extra: object) -> int:
    fields: dict[str, object] = dict(given_name="Juan", family_name="Ruiz", salutation="Mr",
                                     organisation_id=bank)
    fields.update(extra)
    return customers.create(CustomerData(**fields), "ES")  # type: ignore[arg-type]


def test_greeting_of_an_organisation_with_and_without_a_contact() -> None:
    bank = CustomerData(given_name="Banco Ejemplo", kind="organisation")
    assert greeting.greeting(bank) == "Dear Sir or Madam"
    assert messaging.greeting_line(CustomerData(given_name="Banco Ejemplo", kind="organisation",
                                                language="es")) == "Estimados señores:"
    juan = CustomerData(given_name="Juan", family_name="Ruiz", salutation="Mr", language="en")
    assert greeting.greeting(bank, juan) == "Dear Mr Ruiz"
    spanish = CustomerData(given_name="Banco Ejemplo", kind="organisation", language="es")
    # The letter is in the organisation's language, whatever the contact's own is.
    assert greeting.greeting(spanish, juan) == "Estimado Sr. Ruiz"
    assert greeting.attention_line(spanish, juan) == "A la atención de Sr. Juan Ruiz"
    assert greeting.attention_line(bank, juan) == "Attn. Mr Juan Ruiz"
    assert greeting.attention_line(bank, None) == ""
    informal = CustomerData(given_name="Ana", family_name="Gil", address_form="informal")
    assert greeting.greeting(bank, informal) == "Hi Ana"
    assert greeting.first_name(bank, informal) == "Ana"
    # A person is greeted as before, a contact given or not.
    person = CustomerData(given_name="Dolores", family_name="Peña", salutation="Mrs")
    assert greeting.greeting(person, juan) == "Dear Mrs Peña"
    assert greeting.attention_line(person, juan) == ""


def test_addressee_is_the_first_listed_named_contact_person(book: object) -> None:
    bank = _bank()
    assert greeting.addressee(customers.load(bank)) is None
    assert greeting.for_customer(customers.load(bank)) == "Dear Sir or Madam"
    _ruiz(bank)
    _ruiz(bank, given_name="Ana", family_name="Abad", salutation="Ms")
    other = _bank()
    _ruiz(other, given_name="Zoe", family_name="Aaron")
    found = greeting.addressee(customers.load(bank))
    assert found is not None and (found.given_name, found.family_name) == ("Ana", "Abad")
    assert greeting.for_customer(customers.load(bank)) == "Dear Ms Abad"
    person = customers.load(_ruiz(None, given_name="Eva", family_name="Gil"))
    assert greeting.addressee(person) is None


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_statement_of_an_organisation_greets_and_addresses_its_contact(book: object) -> None:
    bank = _bank("es")
    out = io.BytesIO()
    statement_pdf.render_one(gather(bank, parse_period("2026-10"), BatchContext.load(NOW)), out)
    text = _pdf_text(out.getvalue())
    assert "Estimados señores:" in text or "Estimados señores," in text
    assert "Banco Ejemplo" in text and "Estimado/a Banco" not in text
    _ruiz(bank)
    data = gather(bank, parse_period("2026-10"), BatchContext.load(NOW))
    assert data.greeting == "Estimado Sr. Ruiz"
    assert data.address_lines[:2] == ["Banco Ejemplo", "A la atención de Sr. Juan Ruiz"]
    assert "Paseo de la Castellana 1" in data.address_lines
    out = io.BytesIO()
    statement_pdf.render_one(data, out)
    text = _pdf_text(out.getvalue())
    assert "Estimado Sr. Ruiz" in text and "A la atención de Sr. Juan Ruiz" in text


def test_letters_and_messages_to_an_organisation(book: object, tmp_path: Path) -> None:
    bank = _bank()
    _ruiz(bank)
    mail = messaging.compose(bank, "Follow-up", "email")
    assert mail.body.startswith("Dear Mr Ruiz,\n") and "Banco Ejemplo" not in mail.body[:20]
    assert mail.to_address == "info@banco.example"
    letter = messaging.compose(bank, "Thank you", "letter")
    assert letter.body.startswith("Dear Mr Ruiz,")
    assert letter.address_lines[:2] == ["Banco Ejemplo", "Attn. Mr Juan Ruiz"]
    messaging.deliver(letter, tmp_path / "letter.pdf")
    text = _pdf_text((tmp_path / "letter.pdf").read_bytes())
    assert "Attn. Mr Juan Ruiz" in text and "Dear Mr Ruiz," in text
    alone = _bank()
    assert messaging.compose(alone, "Follow-up", "email").body.startswith("Dear Sir or Madam,")


def test_profile_brief_and_cli_address_the_organisation_properly(book: object,
                                                                 capsys) -> None:  # type: ignore[no-untyped-def]
    bank = _bank()
    assert summary.summary(bank).greeting == "Dear Sir or Madam"
    _ruiz(bank)
    assert summary.summary(bank).greeting == "Dear Mr Ruiz"
    assert meeting_brief.gather(bank).address_as == "Dear Mr Ruiz"
    path = str(book.path)  # type: ignore[attr-defined]
    close_database()
    assert main(["search", "--db", path, "Banco", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    greetings = {c["id"]: c["greeting"] for c in found}  # the bank and its contact person
    assert greetings[bank] == "Dear Mr Ruiz" and len(greetings) == 2
