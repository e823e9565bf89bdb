"""The rows of a CSV export in three layouts: crmdesk's own (every e-mail, phone and address in
numbered columns with their labels, read back whole by the importer), Google Contacts' and
Outlook's (so the file goes straight into those programs).

Cells are text for the spreadsheet: phones are written in their international form
("+34 612 34 56 78", "+1 212-555-1234 ext. 12"), which no spreadsheet takes for a number or a
formula; anything else a spreadsheet could run is defused with an apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from crmdesk.services.customers import CustomerData
from crmdesk.services.validation import format_phone

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A phone in international form: '+' and digits, spaces, dots, dashes, brackets, an extension.
_PHONE_LIKE = re.compile(r"\+[0-9][0-9 ().\-]*(?: (?:ext\.|x) ?[0-9]+)?")
LAYOUTS = ("crmdesk", "google", "outlook")


def safe_cell(value: object) -> object:
    """Numbers stay numbers; text a spreadsheet would run as a formula is defused with a
    leading apostrophe (OWASP: =, +, -, @, tab, carriage return), except a phone number in
    international form: digits after '+' cannot call anything."""
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(FORMULA_START) and not _PHONE_LIKE.fullmatch(text):
        return "'" + text
    return text


def _phone(value: str) -> str:
    return format_phone(value) if value.startswith("+") else value


def _life_lines(data: CustomerData) -> dict[str, str]:
    """'Label: value' lines of the life situation (Spouse, Anniversary, Children…)."""
    out: dict[str, str] = {}
    for line in data.life_situation.splitlines():
        label, sep, value = line.partition(":")
        if sep and label.strip() and value.strip() and len(label) <= 40:
            out.setdefault(label.strip(), value.strip())
    return out


# --- crmdesk's own layout -------------------------------------------------------------------
def crmdesk_header(emails: int, phones: int, addresses: int) -> list[str]:
    header = ["Given Name", "Family Name", "Preferred Name", "Salutation", "Company",
              "Job Title"]
    for n in range(1, emails + 1):
        header += [f"E-mail {n} - Label", f"E-mail {n} - Value"]
    for n in range(1, phones + 1):
        header += [f"Phone {n} - Label", f"Phone {n} - Value"]
    for n in range(1, addresses + 1):
        header += [f"Address {n} - {part}" for part in
                   ("Label", "Street", "City", "Region", "Postal Code", "Country")]
    return header + ["Birthday", "Life Situation", "Segment", "Stage", "Tags", "Notes",
                     "Points", "Kind"]


def crmdesk_row(data: CustomerData, points: int, emails: int, phones: int,
                addresses: int) -> list[object]:
    row: list[object] = [data.given_name, data.family_name, data.preferred_name,
                         data.salutation, data.company, data.occupation]
    for n in range(emails):
        e = data.emails[n] if n < len(data.emails) else None
        row += [e.label, e.value] if e else ["", ""]
    for n in range(phones):
        p = data.phones[n] if n < len(data.phones) else None
        row += [p.label, _phone(p.value)] if p else ["", ""]
    for n in range(addresses):
        a = data.addresses[n] if n < len(data.addresses) else None
        row += [a.label, a.street, a.city, a.region, a.postcode, a.country] if a \
            else [""] * 6
    return row + [data.birthday.isoformat() if data.birthday else "", data.life_situation,
                  data.segment, data.stage, ", ".join(data.tags), data.notes, points,
                  data.kind]


# --- Google Contacts ------------------------------------------------------------------------
_GOOGLE_LABEL = {"home": "Home", "work": "Work", "mobile": "Mobile", "other": "Other",
                 "main": "Main", "fax": "Work Fax", "work fax": "Work Fax",
                 "home fax": "Home Fax", "pager": "Pager"}


def google_header(emails: int, phones: int, addresses: int) -> list[str]:
    header = ["First Name", "Middle Name", "Last Name", "Name Prefix", "Name Suffix",
              "Nickname", "Organization Name", "Organization Title", "Birthday", "Notes",
              "Labels"]
    for n in range(1, emails + 1):
        header += [f"E-mail {n} - Label", f"E-mail {n} - Value"]
    for n in range(1, phones + 1):
        header += [f"Phone {n} - Label", f"Phone {n} - Value"]
    for n in range(1, addresses + 1):
        header += [f"Address {n} - {part}" for part in
                   ("Label", "Formatted", "Street", "City", "Region", "Postal Code",
                    "Country")]
    return header + ["Relation 1 - Label", "Relation 1 - Value", "Event 1 - Label",
                     "Event 1 - Value"]


def _google_label(label: str) -> str:
    return _GOOGLE_LABEL.get(label, label[:1].upper() + label[1:])


def google_row(data: CustomerData, points: int, emails: int, phones: int,
               addresses: int) -> list[object]:
    del points
    labels = " ::: ".join(["* myContacts", *data.tags])
    row: list[object] = [data.given_name, "", data.family_name, data.salutation, "",
                         data.preferred_name, data.company, data.occupation,
                         data.birthday.isoformat() if data.birthday else "", data.notes,
                         labels]
    for n in range(emails):
        e = data.emails[n] if n < len(data.emails) else None
        row += [_google_label(e.label), e.value] if e else ["", ""]
    for n in range(phones):
        p = data.phones[n] if n < len(data.phones) else None
        row += [_google_label(p.label), _phone(p.value)] if p else ["", ""]
    for n in range(addresses):
        a = data.addresses[n] if n < len(data.addresses) else None
        if a:
            formatted = "\n".join(x for x in (a.street, " ".join(
                x for x in (a.postcode, a.city) if x), a.region, a.country) if x)
            row += [_google_label(a.label), formatted, a.street, a.city, a.region,
                    a.postcode, a.country]
        else:
            row += [""] * 7
    life = _life_lines(data)
    spouse = life.get("Spouse", "")
    anniversary = life.get("Anniversary", "")
    return row + ["Spouse" if spouse else "", spouse,
                  "Anniversary" if anniversary else "", anniversary]


# --- Outlook --------------------------------------------------------------------------------
OUTLOOK_HEADER = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Nickname", "Company",
    "Department", "Job Title", "Business Street", "Business City", "Business State",
    "Business Postal Code", "Business Country/Region", "Home Street", "Home City",
    "Home State", "Home Postal Code", "Home Country/Region", "Other Street", "Other City",
    "Other State", "Other Postal Code", "Other Country/Region", "Assistant's Phone",
    "Business Fax", "Business Phone", "Business Phone 2", "Car Phone", "Company Main Phone",
    "Home Fax", "Home Phone", "Home Phone 2", "Mobile Phone", "Other Phone", "Pager",
    "Anniversary", "Birthday", "Categories", "E-mail Address", "E-mail 2 Address",
    "E-mail 3 Address", "Notes", "Spouse"]
_OUTLOOK_PHONE = {"assistant": ["Assistant's Phone"], "fax": ["Business Fax"],
                  "work fax": ["Business Fax"], "work": ["Business Phone", "Business Phone 2"],
                  "car": ["Car Phone"], "main": ["Company Main Phone"],
                  "home fax": ["Home Fax"], "home": ["Home Phone", "Home Phone 2"],
                  "mobile": ["Mobile Phone"], "pager": ["Pager"], "other": ["Other Phone"]}
_OUTLOOK_ADDRESS = {"work": "Business", "home": "Home"}


def outlook_row(data: CustomerData, points: int) -> list[object]:
    """One Outlook row: Outlook has fixed slots (three e-mails, a phone per kind, three
    addresses); what finds no slot is written into the notes, never dropped."""
    del points
    cells: dict[str, str] = {"Title": data.salutation, "First Name": data.given_name,
                             "Last Name": data.family_name, "Nickname": data.preferred_name,
                             "Company": data.company, "Job Title": data.occupation,
                             "Birthday": data.birthday.isoformat() if data.birthday else "",
                             "Categories": ";".join(data.tags)}
    overflow: list[str] = []
    for n, e in enumerate(data.emails):
        column = ["E-mail Address", "E-mail 2 Address", "E-mail 3 Address"][n] if n < 3 \
            else ""
        if column:
            cells[column] = e.value
        else:
            overflow.append(f"E-mail ({e.label}): {e.value}")
    for p in data.phones:
        free = [c for c in _OUTLOOK_PHONE.get(p.label, []) + ["Other Phone"]
                if not cells.get(c)]
        if free:
            cells[free[0]] = _phone(p.value)
        else:
            overflow.append(f"Phone ({p.label}): {_phone(p.value)}")
    for a in data.addresses:
        prefix = _OUTLOOK_ADDRESS.get(a.label, "Other")
        if cells.get(f"{prefix} Street") or cells.get(f"{prefix} City"):
            prefix = "Other" if not (cells.get("Other Street") or cells.get("Other City")) \
                else ""
        if prefix:
            for part, value in (("Street", a.street), ("City", a.city), ("State", a.region),
                                ("Postal Code", a.postcode), ("Country/Region", a.country)):
                cells[f"{prefix} {part}"] = value
        else:
            overflow.append(f"Address ({a.label}): " + ", ".join(
                x for x in (a.street.replace("\n", ", "), a.postcode, a.city, a.region,
                            a.country) if x))
    life = _life_lines(data)
    cells["Spouse"] = life.get("Spouse", "")
    cells["Anniversary"] = life.get("Anniversary", "")
    cells["Notes"] = "\n".join(x for x in (data.notes, *overflow) if x)
    return [cells.get(column, "") for column in OUTLOOK_HEADER]


def header(layout: str, counts: Sequence[int]) -> list[str]:
    if layout == "outlook":
        return list(OUTLOOK_HEADER)
    emails, phones, addresses = counts
    return google_header(emails, phones, addresses) if layout == "google" \
        else crmdesk_header(emails, phones, addresses)


def row(layout: str, data: CustomerData, points: int, counts: Sequence[int]) -> list[Any]:
    if layout == "outlook":
        return outlook_row(data, points)
    emails, phones, addresses = counts
    make = google_row if layout == "google" else crmdesk_row
    return make(data, points, emails, phones, addresses)
