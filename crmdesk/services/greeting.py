"""How to address a person, from what the book knows: 'Dear Mrs Peña' or 'Hi Lola'."""

from __future__ import annotations

from crmdesk.services.customers import CustomerData

_FEMININE = {"mrs", "ms", "miss", "sra", "srta", "dra", "dña"}
_MASCULINE = {"mr", "sr", "don", "d"}
_ES_TITLES = {"mr": "Sr.", "mrs": "Sra.", "ms": "Sra.", "miss": "Srta.", "dr": "Dr."}


def _key(salutation: str) -> str:
    return salutation.strip().rstrip(".").casefold()


def first_name(data: CustomerData) -> str:
    return data.preferred_name or data.given_name or data.family_name


def greeting(data: CustomerData) -> str:
    """The opening of a letter or statement, in the customer's language and form of address."""
    spanish = data.language == "es"
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
