"""The column headers of the contact programs' CSV exports, as each documents or writes them.

Thunderbird (English, German, French, Spanish), Outlook 2007 and older, Yahoo, KAddressBook,
Roundcube, old Gmail ("Section 1 - …") and LinkedIn's Connections.csv. Each maps a header
(lower case) to a target key of csv_reader.TARGETS. What a client book keeps beyond the
profile's own fields goes to the notes ("Web page: …") or the life situation ("Spouse: …",
"Anniversary: …"): a private banker reads both.
"""

from __future__ import annotations

import re

# Extra targets: a value kept in the notes or the life situation under a label.
EXTRA_TARGETS: dict[str, str] = {
    "life_situation": "Life situation", "kind": "Person or organisation",
    "birth:year": "Birth year", "birth:month": "Birth month", "birth:day": "Birth day",
    "name_suffix": "Name suffix (notes)",
    "phone:pager": "Phone (pager)", "phone:main": "Phone (main)",
    "phone:assistant": "Phone (assistant)", "phone:car": "Phone (car)",
    "phone:work fax": "Phone (work fax)", "phone:home fax": "Phone (home fax)",
    "note:Web page": "Web page (notes)", "note:IM": "IM handle (notes)",
    "note:Connected on": "Connected on (notes)", "note:Assistant": "Assistant (notes)",
    "note:Manager": "Manager (notes)",
    "note:column": "Notes, as “Column: value”",
    "life:Spouse": "Spouse (life situation)", "life:Partner": "Partner (life situation)",
    "life:Children": "Children (life situation)",
    "life:Anniversary": "Anniversary (life situation)",
}


def _address(prefix: str, where: str, street: str = "street", city: str = "city",
             region: str = "state", postcode: str = "postal code",
             country: str = "country") -> dict[str, str]:
    return {f"{prefix}{street}": f"address:{where}:street",
            f"{prefix}{city}": f"address:{where}:city",
            f"{prefix}{region}": f"address:{where}:region",
            f"{prefix}{postcode}": f"address:{where}:postcode",
            f"{prefix}{country}": f"address:{where}:country"}


THUNDERBIRD: dict[str, str] = {
    "primary email": "email:home", "secondary email": "email:other",
    "mobile number": "phone:mobile", "work phone": "phone:work", "home phone": "phone:home",
    "fax number": "phone:fax", "pager number": "phone:pager", "screen name": "note:IM",
    "home address": "address:home:street", "home address 2": "address:home:street",
    "home city": "address:home:city", "home state": "address:home:region",
    "home zipcode": "address:home:postcode", "home country": "address:home:country",
    "work address": "address:work:street", "work address 2": "address:work:street",
    "work city": "address:work:city", "work state": "address:work:region",
    "work zipcode": "address:work:postcode", "work country": "address:work:country",
    "organization": "company", "web page 1": "note:Web page", "web page 2": "note:Web page",
    "birth year": "birth:year", "birth month": "birth:month", "birth day": "birth:day",
    "custom 1": "note:column", "custom 2": "note:column", "custom 3": "note:column",
    "custom 4": "note:column",
    # German
    "vorname": "given_name", "nachname": "family_name", "anzeigename": "full_name",
    "spitzname": "preferred_name", "primäre e-mail-adresse": "email:home",
    "sekundäre e-mail-adresse": "email:other", "tel. dienstlich": "phone:work",
    "tel. privat": "phone:home", "fax-nummer": "phone:fax", "pager-nummer": "phone:pager",
    "mobil-tel.-nr.": "phone:mobile", "privat: adresse": "address:home:street",
    "privat: adresszusatz": "address:home:street", "privat: ort": "address:home:city",
    "privat: bundesland": "address:home:region", "privat: plz": "address:home:postcode",
    "privat: land": "address:home:country", "dienstlich: adresse": "address:work:street",
    "dienstlich: adresszusatz": "address:work:street", "dienstlich: ort": "address:work:city",
    "dienstlich: bundesland": "address:work:region", "dienstlich: plz": "address:work:postcode",
    "dienstlich: land": "address:work:country", "arbeitstitel": "occupation",
    "abteilung": "department", "organisation": "company", "webseite 1": "note:Web page",
    "webseite 2": "note:Web page", "geburtsjahr": "birth:year", "geburtsmonat": "birth:month",
    "geburtstag": "birth:day", "notizen": "notes", "handy": "phone:mobile",
    "firma": "company", "telefon": "phone:mobile",
    # French
    "prénom": "given_name", "nom de famille": "family_name", "nom à afficher": "full_name",
    "surnom": "preferred_name", "adresse électronique principale": "email:home",
    "adresse électronique secondaire": "email:other", "tél. professionnel": "phone:work",
    "tél. personnel": "phone:home", "fax": "phone:fax", "pager": "phone:pager",
    "portable": "phone:mobile", "adresse privée": "address:home:street",
    "ville": "address:home:city", "code postal": "address:home:postcode",
    "pays/région (domicile)": "address:home:country", "profession": "occupation",
    "service": "department", "société": "company", "année de naissance": "birth:year",
    "mois de naissance": "birth:month", "jour de naissance": "birth:day",
    # Spanish
    "nombre mostrado": "full_name", "apodo": "preferred_name",
    "correo electrónico principal": "email:home",
    "correo electrónico secundario": "email:other", "teléfono del trabajo": "phone:work",
    "teléfono particular": "phone:home", "número de fax": "phone:fax",
    "número del buscapersonas": "phone:pager", "número de móvil": "phone:mobile",
    "dirección particular": "address:home:street", "ciudad particular": "address:home:city",
    "código postal particular": "address:home:postcode", "puesto de trabajo": "occupation",
    "departamento": "department", "organización": "company", "notas": "notes",
}

OUTLOOK_OLD: dict[str, str] = {
    "middle name": "middle_name", "suffix": "name_suffix", "e-mail display name": "",
    "business street 2": "address:work:street", "business street 3": "address:work:street",
    "home street 2": "address:home:street", "home street 3": "address:home:street",
    "other street 2": "address:other:street", "other street 3": "address:other:street",
    "business country": "address:work:country", "home country": "address:home:country",
    "other country": "address:other:country", "business po box": "address:work:street",
    "home po box": "address:home:street", "pager": "phone:pager", "car phone": "phone:car",
    "assistant's phone": "phone:assistant", "company main phone": "phone:main",
    "callback": "phone:other", "isdn": "phone:other", "radio phone": "phone:other",
    "tty/tdd phone": "phone:other", "other fax": "phone:fax", "telex": "phone:other",
    "web page": "note:Web page", "anniversary": "life:Anniversary", "spouse": "life:Spouse",
    "children": "life:Children", "assistant's name": "note:Assistant",
    "manager's name": "note:Manager", "user 1": "note:column", "user 2": "note:column",
}

YAHOO: dict[str, str] = {
    "first": "given_name", "middle": "middle_name", "last": "family_name",
    "email": "email:home", "alternate email 1": "email:other",
    "alternate email 2": "email:other", "category": "tags", "messenger id": "note:IM",
    "home": "phone:home", "work": "phone:work", "pager": "phone:pager", "fax": "phone:fax",
    "mobile": "phone:mobile", "other": "phone:other", "yahoo! phone": "phone:other",
    "primary": "phone:main", "personal website": "note:Web page",
    "business website": "note:Web page", "title": "occupation",
    "work address": "address:work:street", "work city": "address:work:city",
    "work state": "address:work:region", "work zip": "address:work:postcode",
    "work country": "address:work:country", "home address": "address:home:street",
    "home city": "address:home:city", "home state": "address:home:region",
    "home zip": "address:home:postcode", "home country": "address:home:country",
    "anniversary": "life:Anniversary", "comments": "notes",
}

KADDRESSBOOK: dict[str, str] = {
    "formatted name": "full_name", "additional names": "middle_name",
    "honorific prefixes": "salutation", "honorific suffixes": "name_suffix",
    "nick name": "preferred_name",
    **_address("home address ", "home", region="region"),
    **_address("business address ", "work", region="region"),
    **_address("other address ", "other", region="region"),
    "mobile phone": "phone:mobile", "car phone": "phone:car", "isdn": "phone:other",
    "pager": "phone:pager", "email address": "email:home", "role": "occupation",
    "organization": "company", "note": "notes", "homepage": "note:Web page",
    "url": "note:Web page", "anniversary": "life:Anniversary", "spouse": "life:Spouse",
    "assistant's name": "note:Assistant", "manager's name": "note:Manager",
}

ROUNDCUBE: dict[str, str] = {
    "email home": "email:home", "email work": "email:work", "email other": "email:other",
    "phone home": "phone:home", "phone work": "phone:work", "phone mobile": "phone:mobile",
    "phone other": "phone:other", "phone main": "phone:main", "phone pager": "phone:pager",
    "fax home": "phone:fax", "fax work": "phone:fax",
    **_address("home ", "home", street="street", postcode="zip"),
    **_address("work ", "work", street="street", postcode="zip"),
    "website": "note:Web page", "website homepage": "note:Web page",
    "im": "note:IM", "spouse": "life:Spouse", "anniversary": "life:Anniversary",
    "assistant": "note:Assistant", "manager": "note:Manager",
}

CRMDESK: dict[str, str] = {"life situation": "life_situation", "stage": "", "points": "",
                           "kind": "kind"}

LINKEDIN: dict[str, str] = {
    "position": "occupation", "connected on": "note:Connected on", "url": "note:Web page",
}

# Palm Desktop writes no header row: its columns, in order (Custom 1-4 and the note follow).
PALM: list[str] = [
    "family_name", "given_name", "occupation", "company", "phone:work", "phone:home",
    "phone:fax", "phone:other", "email:home", "address:home:street", "address:home:city",
    "address:home:region", "address:home:postcode", "address:home:country",
    "note:column", "note:column", "note:column", "note:column", "notes"]

# Old Gmail: "Section 1 - Email", "Section 2 - Mobile"… with "Section n - Description".
GMAIL_SECTION = re.compile(r"^section (\d+) - (description|email|im|phone|mobile|pager|fax|"
                           r"company|title|other|address)$")


def aliases() -> dict[str, str]:
    """Every program's headers; the first program to name a header wins a clash, and
    context-dependent ones (Yahoo's "Title", "Home") are settled by `for_headers`."""
    merged: dict[str, str] = {}
    for table in (CRMDESK, THUNDERBIRD, OUTLOOK_OLD, KADDRESSBOOK, ROUNDCUBE, LINKEDIN):
        for key, value in table.items():
            merged.setdefault(key, value)
    return merged


def program(headers: list[str]) -> str:
    """Which program wrote the file, from its header row ("" when none is recognised)."""
    keys = {h.strip().lower() for h in headers}
    if {"primary email", "mobile number", "primäre e-mail-adresse",
            "adresse électronique principale", "correo electrónico principal"} & keys:
        return "thunderbird"
    if {"first", "last"} <= keys:
        return "yahoo"
    if {"connected on", "position"} <= keys:
        return "linkedin"
    if any(GMAIL_SECTION.match(k) for k in keys):
        return "gmail (old)"
    if {"formatted name", "given name"} <= keys:
        return "kaddressbook"
    if {"email home", "email work"} & keys:
        return "roundcube"
    if "business country" in keys or "pager" in keys and "business phone" in keys:
        return "outlook (2007 or older)"
    return ""


def for_headers(headers: list[str]) -> dict[str, str]:
    """Overrides for a file whose program reads a header differently from the rest."""
    name = program(headers)
    if name == "yahoo":
        return YAHOO
    if name == "kaddressbook":
        return {"title": "occupation"}
    return {}
