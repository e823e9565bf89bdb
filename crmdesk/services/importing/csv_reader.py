"""CSV files → ImportedContact: encoding and delimiter detected, columns mapped to fields
(Outlook and Google Contacts layouts recognised by their headers, and crmdesk's own)."""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass, field

from crmdesk.services.customers import ContactPoint, PostalAddress
from crmdesk.services.importing import layouts, text_encoding
from crmdesk.services.importing.contact import (
    MAX_CARD,
    SYSTEM_GROUPS,
    ImportedContact,
    clip,
    ensure_name,
    finish_extras,
    keep_extra,
)
from crmdesk.services.importing.vcard_reader import parse_birthday
from crmdesk.services.texts import Context, translate

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
TARGETS.update(layouts.EXTRA_TARGETS)

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
    "primary phone": "phone:other", "business fax": "phone:work fax",
    "home fax": "phone:home fax",
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
for _key, _target in layouts.aliases().items():
    _ALIASES.setdefault(_key, _target)
# Google Contacts numbers its repeated fields: "E-mail 1 - Label" / "E-mail 1 - Value".
importing = Context("importing")  # the plurals (see services/texts.py)

_GOOGLE = re.compile(r"^(e-mail|phone|address|relation|event|website|im) (\d+) - (label|type|"
                     r"value|street|city|region|postal code|country|formatted|po box|"
                     r"extended address|service)$")


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
    headerless: bool = False  # no header row: columns numbered, `guessed` from the values
    guessed: list[str] = field(default_factory=list)
    program: str = ""         # the program that wrote it, when its headers say so


def decode(raw: bytes) -> tuple[str, str]:
    """Text and encoding: a BOM decides, else UTF-8 line by line (a line that is not is read
    as Windows-1252, the others stay UTF-8), else Windows-1252."""
    text, encoding, _bad = text_encoding.decode_lines(raw)
    return text, encoding


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
    text, encoding, bad_lines = text_encoding.decode_lines(raw)
    delimiter = sniff_delimiter(text[:65536])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    skipped: list[str] = []
    if bad_lines:
        shown = ", ".join(str(n) for n in bad_lines[:10]) + ("…" if len(bad_lines) > 10 else "")
        skipped.append(importing.tr(
            "line(s) {lines} not UTF-8: read as Windows-1252 (check their accents)", "",
            len(bad_lines)).format(lines=shown))
    start, headerless, width = _header_position(text, delimiter)
    try:
        for _ in range(start):
            next(reader)
        headers = [f"Column {n}" for n in range(1, width + 1)] if headerless \
            else [h.strip()[:200] for h in next(reader)]
    except (StopIteration, csv.Error):
        return CsvTable([], [], encoding, delimiter,
                        skipped=[translate("importing", "the file has no header row")])
    if start:
        skipped.append(importing.tr("%n line(s) of notes before the header row skipped", "",
                                    start))
    rows: list[list[str]] = []
    numbers: list[int] = []
    problems: dict[int, str] = {}
    if known_columns_only and not headerless and not any(guess_mapping(headers)):
        return CsvTable(headers, rows, encoding, delimiter)
    record = start + (0 if headerless else 1)
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
                     problems=problems, headerless=headerless,
                     program=layouts.program(headers))
    if headerless:
        table.guessed = guess_from_values(rows, width)
        table.skipped.append(translate(
            "importing", "no header row: the columns are numbered and their fields guessed "
            "from the values (check the mapping)"))
    keys = {h.lower() for h in headers}
    if {"e-mail address", "business phone"} & keys and "first name" in keys:
        table.layout = "outlook"
    elif any(_GOOGLE.match(h.lower()) for h in headers):
        table.layout = "google"
    return table


def guess_mapping(headers: list[str]) -> list[str]:
    """A target key for every column ("" when nothing fits)."""
    mapping = []
    overrides = layouts.for_headers(headers)
    for header in headers:
        key = " ".join(header.strip().lower().replace("_", " ").split())
        match = _GOOGLE.match(key)
        section = layouts.GMAIL_SECTION.match(key)
        if match:
            kind, n, part = match.groups()
            mapping.append(f"google:{kind}:{n}:{part}")
        elif section:
            mapping.append(f"section:{section.group(1)}:{section.group(2)}")
        else:
            mapping.append(overrides.get(key) or _ALIASES.get(key, ""))
    return mapping


def mapping_for(table: CsvTable) -> list[str]:
    """The mapping a file gets before the person changes it."""
    return list(table.guessed) if table.headerless else guess_mapping(table.headers)


_HEADER_SCAN = 30  # records looked at for a header row below notes (LinkedIn)


def _header_position(text: str, delimiter: str) -> tuple[int, bool, int]:
    """(records before the header row, no header row at all, columns) of a CSV text.

    The header is the first row naming a known column, two when it is not the first row
    (a line of notes may name one by chance). No such row in the first ones: the file has
    no header row when its first row holds an e-mail address, a phone number or a date,
    else the first row is taken as the header (and reported when nothing is known)."""
    reader = csv.reader(io.StringIO(text[:262144], newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        for row in reader:
            records.append(row)
            if len(records) >= _HEADER_SCAN:
                break
    except csv.Error:
        pass
    for index, row in enumerate(records):
        known = sum(1 for target in guess_mapping([c for c in row]) if target)
        if known >= (1 if index == 0 else 2) and (index == 0 or len(row) > 1) \
                and not any(_value_kind(c) for c in row):  # a header holds no e-mail
            return index, False, len(row)
    width = max((len(r) for r in records), default=0)
    if records and any(_value_kind(c) for c in records[0]):
        return 0, True, width
    return 0, False, width


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().\-/]{6,}(?:\s*(?:x|ext\.?|;ext=)\s*\d+)?$", re.IGNORECASE)
_DATE = re.compile(r"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4})$")


def _value_kind(value: str) -> str:
    value = value.strip()
    if _EMAIL.match(value):
        return "email"
    if _DATE.match(value):
        return "date"
    if _PHONE.match(value) and sum(ch.isdigit() for ch in value) >= 6:
        return "phone"
    return ""


def guess_from_values(rows: list[list[str]], width: int) -> list[str]:
    """A mapping for columns without headers, from what their values look like: e-mails,
    phones, a date (birthday), and the names: two columns whose values make up a third
    ("Ana" "Peña" → "Ana Peña") are given and family name, else the first text column is
    the full name."""
    sample = [r for r in rows if r][:200]
    if width >= 14 and sample and all(
            len(r) >= 9 and (not r[8].strip() or _value_kind(r[8]) == "email") for r in sample) \
            and any(r[8].strip() for r in sample):
        return (layouts.PALM + [""] * width)[:width]
    kinds: list[str] = []
    for col in range(width):
        values = [r[col].strip() for r in sample if col < len(r) and r[col].strip()]
        found = [_value_kind(v) for v in values]
        best = max(("email", "phone", "date"), key=found.count) if values else ""
        kinds.append(best if values and found.count(best) * 2 > len(values) else
                     "text" if values else "")
    mapping = [""] * width
    emails = phones = 0
    for col, kind in enumerate(kinds):
        if kind == "email":
            mapping[col] = "email:home" if emails == 0 else "email:other"
            emails += 1
        elif kind == "phone":
            mapping[col] = "phone:mobile" if phones == 0 else "phone:other"
            phones += 1
        elif kind == "date" and "birthday" not in mapping:
            mapping[col] = "birthday"
    text_cols = [c for c, k in enumerate(kinds) if k == "text"]
    for full in text_cols:
        for a in text_cols:
            for b in text_cols:
                if len({full, a, b}) < 3:
                    continue
                hits = sum(1 for r in sample if max(full, a, b) < len(r) and r[full].strip()
                           and r[full].strip() == f"{r[a].strip()} {r[b].strip()}")
                if hits * 2 > len(sample):
                    mapping[a], mapping[b] = "given_name", "family_name"
                    return mapping
    if text_cols:
        mapping[text_cols[0]] = "full_name"
    return mapping


def _google_label(text: str) -> str:
    label = text.replace("*", "").split(":::")[0].strip().lower()
    return {"mobile": "mobile", "cell": "mobile", "home": "home", "work": "work",
            "main": "main", "other": "other", "": "other", "work fax": "work fax",
            "home fax": "home fax"}.get(label, label)


def to_contacts(table: CsvTable, mapping: list[str]) -> list[ImportedContact]:
    numbers = table.numbers or list(range(2, len(table.rows) + 2))
    ops = _ops(mapping)  # split once for the whole file, not once per cell
    return [ImportedContact(f"row {n}", error=table.problems[i]) if i in table.problems
            else row_contact(n, row, table.headers, mapping, ops)
            for i, (n, row) in enumerate(zip(numbers, table.rows, strict=True))]


def _ops(mapping: list[str]) -> list[tuple[str, str, str]]:
    return [_op(target) if target else ("", "", "") for target in mapping]


_EMAIL_SPLIT = re.compile(r"\s*:::\s*|\s*;\s*")


def row_contact(number: int, row: list[str], headers: list[str],
                mapping: list[str],
                ops: list[tuple[str, str, str]] | None = None) -> ImportedContact:
    if ops is None:
        ops = _ops(mapping)
    contact = ImportedContact(f"row {number}")
    data = contact.data
    full_name = ""
    department = ""
    addresses: dict[str, dict[str, str]] = {}
    google: dict[tuple[str, str], dict[str, str]] = {}
    sections: dict[str, dict[str, str]] = {}
    birth: dict[str, str] = {}
    try:
        for col, (value, target) in enumerate(zip(row, mapping, strict=False)):
            value = value.strip()
            if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
                value = value[1:]  # defused by a spreadsheet-safe export (crmdesk's own)
            if not value:
                continue
            header = headers[col] if col < len(headers) else f"Column {col + 1}"
            if not target:
                if header not in contact.dropped:
                    contact.dropped.append(header)
                continue
            op, a, b = ops[col]
            if op == "google":
                google.setdefault((a, b.split(":")[0]), {})[b.split(":")[1]] = value
            elif op == "section":
                sections.setdefault(a, {})[b] = value
            elif op == "email":
                if ";" not in value and ":::" not in value:  # one address, nearly always
                    data.emails.append(ContactPoint(a, value))
                    continue
                for address in _EMAIL_SPLIT.split(value):
                    if address:
                        data.emails.append(ContactPoint(a, address))
            elif op == "phone":
                data.phones.append(ContactPoint(a, value))
            elif op == "address":
                parts = addresses.setdefault(a, {})
                parts[b] = f"{parts[b]}\n{value}" if b == "street" and parts.get(b) \
                    else parts.get(b) or value
            elif op == "birth":
                birth[a] = value
            elif op in ("note", "life"):
                keep_extra(contact, op, header if a == "column" else a, value)
            elif op == "full_name":
                full_name = value
            elif op == "middle_name":
                keep_extra(contact, "note", "Middle name", value)
            elif op == "name_suffix":
                keep_extra(contact, "note", "Name suffix", value)
            elif op == "department":
                department = value
            elif op == "birthday":
                data.birthday = parse_birthday(value, contact)
            elif op == "tags":
                for tag in re.split(r"\s*(?::::|;|,)\s*", value):
                    tag = tag.lstrip("* ").strip()
                    if tag and tag.casefold() not in SYSTEM_GROUPS:
                        data.tags.append(tag[:100])
            elif op == "notes":
                data.notes = clip(value.replace("\r\n", "\n"), "notes", contact)
            elif op in ("given_name", "family_name", "preferred_name", "salutation",
                        "company", "occupation", "segment"):
                setattr(data, op, value[:200])
            elif op == "kind":
                contact.organisation = value.strip().lower() in ("organisation",
                                                                 "organization", "company")
            elif op == "life_situation":
                data.life_situation = clip(value.replace("\r\n", "\n"), "life situation",
                                           contact)
        for (kind, _n), parts in sorted(google.items()):
            _google_point(kind, parts, contact)
        for _n, parts in sorted(sections.items()):
            _section(parts, contact)
        if birth:
            _birth_parts(birth, contact)
        for where, parts in addresses.items():
            address = PostalAddress(where, parts.get("street", ""), parts.get("city", ""),
                                    parts.get("region", ""), parts.get("postcode", ""),
                                    parts.get("country", ""))
            if not address.is_blank():
                data.addresses.append(address)
    except (ValueError, TypeError, IndexError) as exc:
        contact.error = translate("importing", "unreadable row ({reason})").format(reason=exc)
        return contact
    if department:
        data.occupation = ", ".join(p for p in (data.occupation, department) if p)[:200]
    finish_extras(contact)
    if contact.organisation and data.company and not data.given_name:
        data.given_name = data.company
    ensure_name(contact, full_name, "row", "company")
    if data.salutation:
        bare = data.salutation.rstrip(".")
        from crmdesk.services import catalog

        data.salutation = bare if bare in catalog.SALUTATIONS else data.salutation[:30]
    return contact


@functools.lru_cache(maxsize=512)
def _op(target: str) -> tuple[str, str, str]:
    """A mapping target split once: ('email', 'home', ''), ('address', 'home', 'street'),
    ('google', 'e-mail', '1:value'), ('note', 'Web page', ''), ('given_name', '', '')."""
    op, _sep, rest = target.partition(":")
    if op == "google":
        kind, n, part = rest.split(":")
        return op, kind, f"{n}:{part}"
    if op in ("section", "address"):
        a, _sep, b = rest.partition(":")
        return op, a, b
    return op, rest, ""


def _birth_parts(birth: dict[str, str], contact: ImportedContact) -> None:
    """Thunderbird's Birth Year / Month / Day columns: one birthday (a day without a year
    goes to the notes, as a vCard's --MMDD does)."""
    year, month, day = (birth.get(k, "").strip() for k in ("year", "month", "day"))
    if not (month and day):
        if year:
            keep_extra(contact, "note", "Birth year", year)
        return
    if year:
        contact.data.birthday = parse_birthday(f"{year}-{month.zfill(2)}-{day.zfill(2)}",
                                               contact)
    else:
        parse_birthday(f"--{month.zfill(2)}{day.zfill(2)}", contact)


def _section(parts: dict[str, str], contact: ImportedContact) -> None:
    """One "Section n - …" group of an old Gmail export; its Description labels it."""
    data = contact.data
    description = parts.get("description", "").lower()
    where = "work" if description in ("work", "business", "office") else \
        "home" if description in ("personal", "home", "") else "other"
    for address in re.split(r"\s*:::\s*|\s*;\s*", parts.get("email", "")):
        if address:
            data.emails.append(ContactPoint(where, address))
    for key, label in (("phone", where), ("mobile", "mobile"), ("pager", "pager"),
                       ("fax", "fax")):
        if parts.get(key):
            data.phones.append(ContactPoint(label, parts[key]))
    if parts.get("company") and not data.company:
        data.company = parts["company"][:200]
    if parts.get("title") and not data.occupation:
        data.occupation = parts["title"][:200]
    if parts.get("address"):
        lines = [x.strip() for x in parts["address"].splitlines() if x.strip()]
        data.addresses.append(PostalAddress(where, "\n".join(lines)))
    if parts.get("im"):
        keep_extra(contact, "note", "IM", parts["im"])
    if parts.get("other"):
        keep_extra(contact, "note", "Other", parts["other"])


def _google_point(kind: str, parts: dict[str, str], contact: ImportedContact) -> None:
    raw_label = parts.get("label", parts.get("type", ""))
    label = _google_label(raw_label)
    data = contact.data
    if kind == "e-mail" and parts.get("value"):
        for address in re.split(r"\s*:::\s*", parts["value"]):
            data.emails.append(ContactPoint("home" if not raw_label.strip() else label,
                                            address))
    elif kind == "phone" and parts.get("value"):
        for number in re.split(r"\s*:::\s*", parts["value"]):
            data.phones.append(ContactPoint(label, number))
    elif kind == "address":
        street = parts.get("street") or parts.get("formatted", "")
        address = PostalAddress(label if raw_label.strip() else "home", street,
                                parts.get("city", ""), parts.get("region", ""),
                                parts.get("postal code", ""), parts.get("country", ""))
        if not address.is_blank():
            data.addresses.append(address)
    elif kind in ("relation", "event") and parts.get("value"):
        text = raw_label.replace("*", "").strip() or kind.capitalize()
        text = text[:1].upper() + text[1:]
        life = kind == "event" or text.lower() in ("spouse", "partner", "child", "children",
                                                   "mother", "father", "parent")
        keep_extra(contact, "life" if life else "note", text, parts["value"])
    elif kind == "website" and parts.get("value"):
        keep_extra(contact, "note", "Web page", parts["value"])
    elif kind == "im" and parts.get("value"):
        keep_extra(contact, "note", "IM", parts["value"])
