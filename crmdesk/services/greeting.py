"""How to address a person, from what the book knows: 'Dear Mrs Peña' or 'Hi Lola'.

An organisation client (a company) is not a person: a letter, statement or message to it
greets its contact person — the first one its profile lists — by that person's form of
address ('Dear Mr Ruiz', in the organisation's language), and is addressed to them on the
envelope ('Attn. Mr Juan Ruiz'). An organisation without a contact person is greeted as
business letters greet a company: 'Dear Sir or Madam' / 'Estimados señores'."""

from __future__ import annotations

from dataclasses import replace

from crmdesk.services.customers import CustomerData

_FEMININE = {"mrs", "ms", "miss", "sra", "srta", "dra", "dña"}
_MASCULINE = {"mr", "sr", "don", "d"}
_ES_TITLES = {"mr": "Sr.", "mrs": "Sra.", "ms": "Sra.", "miss": "Srta.", "dr": "Dr."}


def _key(salutation: str) -> str:
    return salutation.strip().rstrip(".").casefold()


def gender(data: CustomerData, contact: CustomerData | None = None) -> str:
    """"f" or "m" where the form of address says it (Mrs, Sra., Mr, Don…), else "" (a
    letter then uses a neutral wording); an organisation: its contact person's."""
    if data.kind == "organisation":
        return gender(contact) if contact is not None and contact.kind != "organisation" \
            else ""
    key = _key(data.salutation)
    return "f" if key in _FEMININE else "m" if key in _MASCULINE else ""


def first_name(data: CustomerData, contact: CustomerData | None = None) -> str:
    """The name a message uses for the client (an organisation: its contact's, else its
    own name)."""
    if data.kind == "organisation" and contact is not None:
        return first_name(contact)
    return data.preferred_name or data.given_name or data.family_name


def greeting(data: CustomerData, contact: CustomerData | None = None) -> str:
    """The opening of a letter or statement, in the customer's language and form of address.
    For an organisation, `contact` is the person the letter is addressed to (addressee())."""
    spanish = data.language == "es"
    if data.kind == "organisation":
        if contact is not None and (contact.given_name or contact.family_name):
            return greeting(replace(contact, language=data.language, kind="person"))
        if data.address_form == "informal":
            return "Hola" if spanish else "Hello"
        return "Estimados señores" if spanish else "Dear Sir or Madam"
    if not first_name(data):  # no name at all (an erased customer): still a greeting
        if data.address_form == "informal":
            return "Hola" if spanish else "Hello"
        return "Estimado/a cliente" if spanish else "Dear client"
    if data.address_form == "informal" or not (data.family_name or data.given_name):
        name = first_name(data)
        return f"Hola {name}" if spanish else f"Hi {name}"
    surname = data.family_name or data.given_name
    key = _key(data.salutation)
    if spanish:
        title = _ES_TITLES.get(key, data.salutation.strip())
        if key in _FEMININE:
            opening = "Estimada"
        elif key in _MASCULINE or key == "dr":
            opening = "Estimado"
        else:
            opening = "Estimado/a"
        return " ".join(p for p in (opening, title, surname) if p)
    if data.salutation.strip():
        return f"Dear {data.salutation.strip()} {surname}"
    full = " ".join(p for p in (data.given_name, data.family_name) if p)
    return f"Dear {full}"


def addressee(data: CustomerData) -> CustomerData | None:
    """The person a letter to organisation `data` is addressed to: the first of its contact
    persons as its profile lists them (by family name), None for a person, an organisation
    without contact persons, or a record not in the book."""
    if data.kind != "organisation" or data.id is None:
        return None
    from crmdesk.store.db import db

    if db.obj is None:
        return None
    row = db.execute_sql(
        "SELECT id, given_name, family_name, preferred_name, salutation, address_form "
        "FROM customer WHERE organisation_id = ? AND archived_at IS NULL "
        "AND (given_name <> '' OR family_name <> '') "
        "ORDER BY family_name COLLATE NOCASE, given_name LIMIT 1", (data.id,)).fetchone()
    if row is None:
        return None
    return CustomerData(given_name=row[1], family_name=row[2], preferred_name=row[3],
                        salutation=row[4], address_form=row[5], language=data.language,
                        id=int(row[0]))


def attention_line(data: CustomerData, contact: CustomerData | None) -> str:
    """The envelope's line naming the contact person of an organisation: 'Attn. Mr Juan
    Ruiz' / 'A la atención de Sr. Juan Ruiz'; '' for a person or without a contact."""
    if data.kind != "organisation" or contact is None:
        return ""
    title = contact.salutation.strip()
    if data.language == "es":
        title = _ES_TITLES.get(_key(title), title)
    name = " ".join(p for p in (title, contact.given_name, contact.family_name) if p)
    if not name:
        return ""
    return f"A la atención de {name}" if data.language == "es" else f"Attn. {name}"


def for_customer(data: CustomerData) -> str:
    """greeting() with the organisation's contact person looked up in the book."""
    return greeting(data, addressee(data))
