"""CSV files → ImportedContact: encoding and delimiter detected, columns mapped to fields
(Outlook and Google Contacts layouts recognised by their headers, and crmdesk's own)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from crmdesk.services.customers import ContactPoint, PostalAddress
from crmdesk.services.importing.contact import (
    MAX_CARD,
    SYSTEM_GROUPS,
    ImportedContact,
    clip,
    ensure_name,
)
from crmdesk.services.importing.vcard_reader import parse_birthday

# The csv module reads a whole record, however long; a record over MAX_CARD is then reported
# as rejected (a field limit would make csv.Error cut it short and lose track of the rows).
csv.field_size_limit(2**31 - 1)

# The fields a column can go to (key → what the mapping step shows).
TARGETS: dict[str, str] = {
    "": "(ignore)",
    "given_name": "Given name", "middle_name": "Middle name", "family_name": "Family name",
    "full_name": "Full name", "preferred_name": "Preferred name / nickname",
    "salutation": "Salutation", "company": "Company", "occupation": "Job title",
    "department": "Department", "birthday": "Birthday", "notes": "Notes", "tags": "Tags",
    "segment": "Segment",
    "email:home": "E-mail (home)", "email:work": "E-mail (work)", "email:other": "E-mail (other)",
    "phone:mobile": "Phone (mobile)", "phone:home": "Phone (home)", "phone:work": "Phone (work)",
    "phone:fax": "Phone (fax)", "phone:other": "Phone (other)",
}
for _where in ("home", "work", "other"):
    for _part, _label in (("street", "street"), ("city", "city"), ("region", "region"),
                          ("postcode", "postcode"), ("country", "country")):
        TARGETS[f"address:{_where}:{_part}"] = f"Address ({_where}) {_label}"

_ALIASES: dict[str, str] = {
    # generic spreadsheets and crmdesk's own export
    "given name": "given_name", "first name": "given_name", "firstname": "given_name",
    "forename": "given_name", "nombre": "given_name",
    "middle name": "middle_name", "additional name": "middle_name",
    "family name": "family_name", "last name": "family_name", "lastname": "family_name",
    "surname": "family_name", "apellidos": "family_name",
    "name": "full_name", "full name": "full_name", "display name": "full_name",
    "preferred name": "preferred_name", "nickname": "preferred_name",
    "title": "salutation", "salutation": "salutation", "name prefix": "salutation",
    "company": "company", "organization": "company", "organisation": "company",
    "organization name": "company", "organization 1 - name": "company",
    "job title": "occupation", "occupation": "occupation", "organization title": "occupation",
    "organization 1 - title": "occupation",
    "department": "department", "organization department": "department",
    "organization 1 - department": "department",
    "birthday": "birthday", "date of birth": "birthday", "birth date": "birthday",
    "notes": "notes", "note": "notes", "comments": "notes",
    "categories": "tags", "labels": "tags", "group membership": "tags", "tags": "tags",
    "segment": "segment",
    "email": "email:home", "e-mail": "email:home", "email address": "email:home",
    "e-mail address": "email:home", "e-mail 2 address": "email:other",
    "e-mail 3 address": "email:other", "work email": "email:work", "home email": "email:home",
    "e-mail 2": "email:other", "email 2": "email:other", "phone 2": "phone:other",
    "phone": "phone:mobile", "telephone": "phone:mobile", "mobile": "phone:mobile",
    "mobile phone": "phone:mobile", "cell": "phone:mobile", "home phone": "phone:home",
    "home phone 2": "phone:home", "business phone": "phone:work",
    "business phone 2": "phone:work", "work phone": "phone:work", "other phone": "phone:other",
    "primary phone": "phone:other", "business fax": "phone:fax", "home fax": "phone:fax",
    "home street": "address:home:street", "home city": "address:home:city",
    "home state": "address:home:region", "home postal code": "address:home:postcode",
    "home country/region": "address:home:country",
    "business street": "address:work:street", "business city": "address:work:city",
    "business state": "address:work:region", "business postal code": "address:work:postcode",
    "business country/region": "address:work:country",
    "other street": "address:other:street", "other city": "address:other:city",
    "other state": "address:other:region", "other postal code": "address:other:postcode",
    "other country/region": "address:other:country",
    "street": "address:home:street", "city": "address:home:city",
    "region": "address:home:region", "state": "address:home:region",
    "postcode": "address:home:postcode", "postal code": "address:home:postcode",
    "zip": "address:home:postcode", "country": "address:home:country",
}
# Google Contacts numbers its repeated fields: "E-mail 1 - Label" / "E-mail 1 - Value".
_GOOGLE = re.compile(r"^(e-mail|phone|address) (\d+) - (label|type|value|street|city|"
                     r"region|postal code|country|formatted|po box|extended address)$")


@dataclass
class CsvTable:
    headers: list[str]
    rows: list[list[str]]
    encoding: str
    delimiter: str
    layout: str = "generic"   # "outlook", "google" or "generic"
    skipped: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # each row's number in the file
    problems: dict[int, str] = field(default_factory=dict)  # index in rows → why unusable
    too_many: bool = False    # stopped reading at max_rows


def decode(raw: bytes) -> tuple[str, str]:
    """Text and encoding: a BOM decides, else UTF-8 when it decodes, else Windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def sniff_delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sample.split("\n", 1)[0].count(d) for d in ",;\t|"}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_table(raw: bytes, known_columns_only: bool = False,
               max_rows: int | None = None) -> CsvTable:
    """The rows of a CSV file. A row that cannot be used (over MAX_CARD, or broken CSV) is
    kept as an empty row with its reason in `problems`, so it is reported as rejected with
    its row and line numbers. `known_columns_only`: stop after the header row when no column
    is one this program knows, and `max_rows`: stop beyond that many rows (the file is
    refused without reading it all)."""
    text, encoding = decode(raw)
    delimiter = sniff_delimiter(text[:65536])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    skipped: list[str] = []
    try:
        headers = [h.strip()[:200] for h in next(reader)]
    except (StopIteration, csv.Error):
        return CsvTable([], [], encoding, delimiter, skipped=["the file has no header row"])
    rows: list[list[str]] = []
    numbers: list[int] = []
    problems: dict[int, str] = {}
    if known_columns_only and not any(guess_mapping(headers)):
        return CsvTable(headers, rows, encoding, delimiter)
    record = 1
    while True:
        if max_rows is not None and len(rows) > max_rows:
            return CsvTable(headers, [], encoding, delimiter, too_many=True)
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            record += 1
            problems[len(rows)] = f"unreadable row (line {line}: {exc})"[:200]
            rows.append([])
            numbers.append(record)
            continue
        record += 1
        size = sum(len(cell) for cell in row)
        if size > MAX_CARD:
            problems[len(rows)] = (f"row larger than {MAX_CARD // 1_000_000} MB "
                                   f"({size / 1e6:.1f} MB from line {line}): left out")
            rows.append([])
            numbers.append(record)
        elif any(cell.strip() for cell in row):
            rows.append(row)
            numbers.append(record)
    table = CsvTable(headers, rows, encoding, delimiter, skipped=skipped, numbers=numbers,
                     problems=problems)
    keys = {h.lower() for h in headers}
    if {"e-mail address", "business phone"} & keys and "first name" in keys:
        table.layout = "outlook"
    elif any(_GOOGLE.match(h.lower()) for h in headers):
        table.layout = "google"
    return table


def guess_mapping(headers: list[str]) -> list[str]:
    """A target key for every column ("" when nothing fits)."""
    mapping = []
    for header in headers:
        key = header.strip().lower().replace("_", " ")
        match = _GOOGLE.match(key)
        if match:
            kind, n, part = match.groups()
            mapping.append(f"google:{kind}:{n}:{part}")
        else:
            mapping.append(_ALIASES.get(key, ""))
    return mapping


def _google_label(text: str) -> str:
    label = text.replace("*", "").split(":::")[0].strip().lower()
    return {"mobile": "mobile", "cell": "mobile", "home": "home", "work": "work",
            "main": "main", "other": "other", "": "other"}.get(label, label)


def to_contacts(table: CsvTable, mapping: list[str]) -> list[ImportedContact]:
    numbers = table.numbers or list(range(2, len(table.rows) + 2))
    return [ImportedContact(f"row {n}", error=table.problems[i]) if i in table.problems
            else row_contact(n, row, table.headers, mapping)
            for i, (n, row) in enumerate(zip(numbers, table.rows, strict=True))]


def row_contact(number: int, row: list[str], headers: list[str],
                mapping: list[str]) -> ImportedContact:
    contact = ImportedContact(f"row {number}")
    data = contact.data
    full_name = ""
    department = ""
    addresses: dict[str, dict[str, str]] = {}
    google: dict[tuple[str, str], dict[str, str]] = {}
    try:
        for value, target in zip(row, mapping, strict=False):
            value = value.strip()
            if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
                value = value[1:]  # defused by a spreadsheet-safe export (crmdesk's own)
            if not value or not target:
                continue
            if target.startswith("google:"):
                _kind, kind, n, part = target.split(":")
                google.setdefault((kind, n), {})[part] = value
            elif target.startswith("email:"):
                for address in re.split(r"\s*:::\s*|\s*;\s*", value):
                    if address:
                        data.emails.append(ContactPoint(target[6:], address))
            elif target.startswith("phone:"):
                data.phones.append(ContactPoint(target[6:], value))
            elif target.startswith("address:"):
                _a, where, part = target.split(":")
                addresses.setdefault(where, {})[part] = value
            elif target == "full_name":
                full_name = value
            elif target == "middle_name":
                continue
            elif target == "department":
                department = value
            elif target == "birthday":
                data.birthday = parse_birthday(value, contact)
            elif target == "tags":
                for tag in re.split(r"\s*(?::::|;|,)\s*", value):
                    tag = tag.lstrip("* ").strip()
                    if tag and tag.casefold() not in SYSTEM_GROUPS:
                        data.tags.append(tag[:100])
            elif target == "notes":
                data.notes = clip(value.replace("\r\n", "\n"), "notes", contact)
            elif target in ("given_name", "family_name", "preferred_name", "salutation",
                            "company", "occupation", "segment"):
                setattr(data, target, value[:200])
        for (kind, _n), parts in sorted(google.items()):
            _google_point(kind, parts, contact)
        for where, parts in addresses.items():
            address = PostalAddress(where, parts.get("street", ""), parts.get("city", ""),
                                    parts.get("region", ""), parts.get("postcode", ""),
                                    parts.get("country", ""))
            if not address.is_blank():
                data.addresses.append(address)
    except (ValueError, TypeError, IndexError) as exc:
        contact.error = f"unreadable row ({exc})"
        return contact
    if department:
        data.occupation = ", ".join(p for p in (data.occupation, department) if p)[:200]
    ensure_name(contact, full_name, "row", "company")
    if data.salutation:
        bare = data.salutation.rstrip(".")
        from crmdesk.services import catalog

        data.salutation = bare if bare in catalog.SALUTATIONS else data.salutation[:30]
    return contact


def _google_point(kind: str, parts: dict[str, str], contact: ImportedContact) -> None:
    label = _google_label(parts.get("label", parts.get("type", "")))
    data = contact.data
    if kind == "e-mail" and parts.get("value"):
        for address in re.split(r"\s*:::\s*", parts["value"]):
            data.emails.append(ContactPoint("home" if label == "other" else label, address))
    elif kind == "phone" and parts.get("value"):
        for number in re.split(r"\s*:::\s*", parts["value"]):
            data.phones.append(ContactPoint(label, number))
    elif kind == "address":
        street = parts.get("street") or parts.get("formatted", "")
        address = PostalAddress(label if label != "other" else "home", street,
                                parts.get("city", ""), parts.get("region", ""),
                                parts.get("postal code", ""), parts.get("country", ""))
        if not address.is_blank():
            data.addresses.append(address)
