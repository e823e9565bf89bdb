"""vCard 2.1, 3.0 and 4.0 files → ImportedContact, one card at a time.

Each card is read on its own and each property inside it too, so a broken card or line is
reported and skipped without losing the rest. vobject's parser reads each content line
(name, group, parameters, value); unfolding, quoted-printable with charsets, base64 photos
and the escapes are handled here, tolerantly: real exports bend the rules (soft line breaks
missing, bad base64 padding, bytes in no charset at all).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import quopri
import re
from dataclasses import dataclass
from typing import Any

from crmdesk.services import catalog
from crmdesk.services.customers import ContactPoint, PostalAddress
from crmdesk.services.importing import text_encoding
from crmdesk.services.importing.contact import (
    MAX_CARD,
    MAX_PHOTO,
    SYSTEM_GROUPS,
    ImportedContact,
    clip,
    ensure_name,
    finish_extras,
    image_mime,
    keep_extra,
)
from crmdesk.services.texts import translate

_QP_CONTINUES = re.compile(r"^=[0-9A-Fa-f]{2}")
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_BDAY_FORMS = ("%Y-%m-%d", "%Y%m%d", "%Y.%m.%d", "%d.%m.%Y", "%m/%d/%Y")


def decode_file(raw: bytes) -> tuple[str, str]:
    """The text of a file and the encoding it was read with (UTF-8, else Windows-1252)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


@dataclass
class _Line:
    group: str
    name: str
    types: set[str]
    params: dict[str, str]
    value: str


def _is_qp(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head


def logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded lines with the number of their first physical line."""
    out: list[tuple[int, str]] = []
    for number, physical in enumerate(text.replace("\r\n", "\n").replace("\r", "\n")
                                      .split("\n"), 1):
        if out:
            previous = out[-1][1]
            if (previous.endswith("=") or physical[:1] == "=" and _QP_CONTINUES.match(physical)) \
                    and _is_qp(previous):
                joined = previous[:-1] if previous.endswith("=") else previous
                out[-1] = (out[-1][0], joined + physical.lstrip(" \t"))
                continue
            if physical[:1] in (" ", "\t"):
                out[-1] = (out[-1][0], previous + physical[1:])
                continue
        if physical.strip():
            out.append((number, physical))
    return out


def split_cards(text: str) -> list[tuple[int, list[str]]]:
    """Cards as (first line number, their content lines without BEGIN/END)."""
    cards: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    start = 0
    depth = 0
    for number, line in logical_lines(text):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            depth += 1
            if depth == 1:
                current, start = [], number
                continue
        elif upper == "END:VCARD":
            depth = max(0, depth - 1)
            if depth == 0 and current is not None:
                cards.append((start, current))
                current = None
                continue
        if current is not None and depth == 1:
            current.append(line)
    if current:  # a last card without END:VCARD still has its properties
        cards.append((start, current))
    return cards


def _split(value: str, sep: str) -> list[str]:
    """Split on `sep` unless escaped with a backslash."""
    if "\\" not in value:  # nearly every value: nothing is escaped
        return value.split(sep)
    parts, buf, escaped = [], [], False
    for ch in value:
        if escaped:
            buf.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == sep:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf) + ("\\" if escaped else ""))
    return parts


_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def _unescaped(match: re.Match[str]) -> str:
    ch = match.group(1)
    return "\n" if ch in "nN" else ch


def unescape(value: str) -> str:
    """vCard text unescaped: \\n or \\N is a line break, \\x is x; a lone backslash at
    the end stays."""
    if "\\" not in value:  # nearly every value
        return value
    return _ESCAPED.sub(_unescaped, value)


@functools.lru_cache(maxsize=1)
def _vobject_base() -> Any:
    """vobject (with dateutil's time zones) takes ~200 ms to import: it loads when a vCard is
    first read, not when the window starts."""
    import vobject.base  # type: ignore[import-untyped]

    return vobject.base


_NAME = re.compile(r"[A-Za-z0-9_-]+\Z")  # vobject's name: group, property, parameter


def fast_fields(raw: str) -> tuple[str, list[list[str]], str, str | None] | None:
    """vobject.base.parseLine(raw) for a plain content line — no quotes before the value,
    names of letters, digits, '-' and '_' — or None (then vobject reads it). Its regular
    expression costs ~10 µs a line, a third of reading a card; this split ~2 µs. A property
    test (tests/importing/test_import_speed.py) holds both to the same answer."""
    head, colon, value = raw.partition(":")
    if not colon or '"' in head:
        return None
    parts = head.split(";")
    group, dot, name = parts[0].rpartition(".")
    if dot and not _NAME.match(group):
        return None
    if not _NAME.match(name):
        return None
    params: list[list[str]] = []
    for part in parts[1:]:
        key, equals, values = part.partition("=")
        if not _NAME.match(key):
            return None
        params.append([key, *(v for v in values.split(",") if v)] if equals else [key])
    return name.replace("_", "-"), params, value, group if dot else None


def vobject_fields(raw: str) -> tuple[str, list[list[str]], str, str | None]:
    fields: tuple[str, list[list[str]], str, str | None] = _vobject_base().parseLine(raw)
    return fields


#: What the head of a plain content line (before its ':') says, read once: a file's cards
#: repeat a few dozen heads ('EMAIL;TYPE=home', 'TEL;TYPE=cell'), and working each out
#: again was a third of reading a card. (The sets and dicts are shared: nothing changes
#: a line's types or parameters once read.)
_HEADS: dict[str, tuple[str, str, set[str], dict[str, str]]] = {}
HEADS_MOST = 4096


def _parse_line(raw: str) -> _Line:
    head, colon, value = raw.partition(":")
    known = _HEADS.get(head) if colon else None
    if known is not None:
        return _Line(known[0], known[1], known[2], known[3], value)
    fast = fast_fields(raw)
    line = _interpret(*(fast or vobject_fields(raw)))
    if fast is not None and len(head) <= 200 and len(_HEADS) < HEADS_MOST:
        _HEADS[head] = (line.group, line.name, line.types, line.params)
    return line


def _interpret(name: str, params: list[list[str]], value: str, group: str | None) -> _Line:
    types: set[str] = set()
    named: dict[str, str] = {}
    for param in params:
        if len(param) == 1:  # a bare 2.1 parameter: TEL;CELL;VOICE
            types.add(param[0].lower())
            continue
        key = param[0].upper()
        values = [str(v) for v in param[1:]]
        if key == "TYPE":
            for v in values:
                types.update(t.strip().lower() for t in v.split(",") if t.strip())
        else:
            named[key] = ",".join(values)
    if "quoted-printable" in types:
        named.setdefault("ENCODING", "QUOTED-PRINTABLE")
    if "base64" in types:
        named.setdefault("ENCODING", "BASE64")
    return _Line((group or "").lower(), name.upper(), types, named, value)


def _decode_text(line: _Line, contact: ImportedContact) -> str:
    if line.params.get("ENCODING", "").upper() != "QUOTED-PRINTABLE":
        return line.value
    data = quopri.decodestring(line.value.encode("latin-1", errors="replace"))
    charset = line.params.get("CHARSET", "utf-8")
    for encoding in (charset, "utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    contact.warnings.append(translate("importing", "{field}: unreadable characters replaced")
                            .format(field=line.name))
    return data.decode("utf-8", errors="replace")


def _decode_binary(value: str) -> bytes | None:
    text = re.sub(r"\s+", "", value)
    if text.lower().startswith("data:"):
        text = text.split(",", 1)[1] if "," in text else ""
    for candidate in (text, text + "=" * (-len(text) % 4), text[: len(text) - len(text) % 4]):
        try:
            return base64.b64decode(candidate, validate=False)
        except (binascii.Error, ValueError):
            continue
    return None


def _label(line: _Line, labels: dict[str, str], kind: str) -> str:
    custom = labels.get(line.group, "")
    if custom:
        match = _APPLE_LABEL.match(custom)
        text = (match.group(1) if match else custom).strip()
        mapped = {"assistantphone": "assistant", "homepage": "home page", "other": "other",
                  "mobile": "mobile", "main": "main", "work": "work", "home": "home"}
        return mapped.get(text.lower().replace(" ", ""), text.lower())
    types = line.types - {"pref", "internet", "voice", "x400", "msg", "text"}
    if kind == "tel":
        if types & {"cell", "mobile", "iphone"}:
            return "mobile"
        if "fax" in types:
            where = "work " if "work" in types else "home " if "home" in types else ""
            return f"{where}fax"
        if types & {"main-number", "x-evolution-company", "company"}:
            return "main"
        for t in ("pager", "main", "assistant", "work", "home", "car", "video", "other"):
            if t in types:
                return t
        return "other" if types else "mobile"
    for t in ("home", "work"):
        if t in types:
            return t
    if kind == "adr" and types & {"postal", "dom", "intl", "parcel"}:
        return "postal"
    return "other" if types else "home"


def parse_birthday(text: str, contact: ImportedContact) -> dt.date | None:
    value = text.strip()
    if value.startswith("--"):  # no year (vCard 4.0): kept in the notes, not as a date
        digits = value[2:].replace("-", "")
        if len(digits) == 4 and digits.isdigit():
            month, day = int(digits[:2]), int(digits[2:])
            if 1 <= month <= 12 and 1 <= day <= 31:
                from crmdesk.services import locale_text

                contact.data.notes = "\n".join(filter(None, [
                    contact.data.notes,
                    f"Birthday: {day} {locale_text.month_name(month)} (year unknown)"]))
                return None
    day_part = value.split("T", 1)[0]
    if len(day_part) == 10 and day_part[4] == "-":  # ISO, the usual case: no strptime
        try:
            iso = dt.date.fromisoformat(day_part)
        except ValueError:
            iso = None
        if iso is not None and dt.date(1850, 1, 1) <= iso <= dt.date.today():
            return iso
    for form in _BDAY_FORMS:
        try:
            parsed = dt.datetime.strptime(day_part, form).date()
        except ValueError:
            continue
        if dt.date(1850, 1, 1) <= parsed <= dt.date.today():
            return parsed
    contact.warnings.append(translate("importing", "birthday “{text}” not understood").format(
        text=text[:40]))
    return None


def read_card(lines: list[str], source: str) -> ImportedContact:
    contact = ImportedContact(source)
    data = contact.data
    parsed: list[_Line] = []
    for raw in lines:
        try:
            parsed.append(_parse_line(raw))
        except (_vobject_base().ParseError, ValueError, IndexError, AttributeError):
            contact.warnings.append(translate("importing", "unreadable line “{text}” skipped")
                                    .format(text=raw[:40]))
    labels = {p.group: _decode_text(p, contact) for p in parsed
              if p.name == "X-ABLABEL" and p.group}
    full_name = ""
    notes: list[str] = []
    title = department = ""
    has_n = False
    life_text = ""
    for line in parsed:
        name = line.name
        if name == "PHOTO":
            _photo(line, contact)
            continue
        if name in _IGNORED:
            continue
        value = _decode_text(line, contact) if line.params else line.value
        if name in _EXTRA_NAMES and _extra(line, name, unescape(value).strip(), labels,
                                           contact):
            continue
        if name == "N":
            # Each component may list several values separated by unescaped commas.
            if "\\" in value or "," in value:
                parts = [" ".join(v for v in (unescape(x).strip() for x in _split(raw, ","))
                                  if v) for raw in _split(value, ";")] + [""] * 5
            else:  # nearly always: nothing escaped, one value per component
                parts = [p.strip() for p in value.split(";")] + [""] * 5
            family, given, middle, prefix, suffix = parts[:5]
            data.family_name = clip(family, "family name", contact)
            data.given_name = clip(given, "given name", contact)
            data.salutation = _salutation(prefix)
            keep_extra(contact, "note", "Middle name", middle)
            keep_extra(contact, "note", "Name suffix", suffix)
            has_n = bool(family or given)
        elif name == "FN":
            full_name = unescape(value).strip()
        elif name == "NICKNAME":
            for nick in (unescape(n).strip() for n in _split(value, ",")):
                if nick and not data.preferred_name:
                    data.preferred_name = nick[:200]
                elif nick and nick != data.preferred_name:
                    keep_extra(contact, "note", "Nickname", nick)
        elif name == "ORG":
            parts = [unescape(p).strip() for p in _split(value, ";")]
            data.company = clip(parts[0], "organisation", contact, 200)
            department = ", ".join(p for p in parts[1:] if p)
        elif name == "TITLE" or (name == "ROLE" and not title):
            title = unescape(value).strip()
        elif name == "EMAIL":
            address = unescape(value).strip()
            if address:
                data.emails.append(ContactPoint(_label(line, labels, "email"), address))
        elif name == "TEL":
            number = unescape(value).strip()
            if number.lower().startswith("tel:"):  # RFC 3966: keep ;ext=, drop the rest
                head, *params = number[4:].split(";")
                number = head + "".join(f";{p}" for p in params
                                        if p.lower().startswith("ext="))
            if number:
                data.phones.append(ContactPoint(_label(line, labels, "tel"), number))
        elif name == "ADR":
            parts = [unescape(p).strip() for p in _split(value, ";")] + [""] * 7
            pobox, extended, street, city, region, postcode, country = parts[:7]
            street = "\n".join(p for p in (street, extended, pobox) if p)
            postal = PostalAddress(_label(line, labels, "adr"), street, city, region,
                                   postcode, country)
            if not postal.is_blank():
                data.addresses.append(postal)
        elif name == "BDAY":
            data.birthday = parse_birthday(unescape(value), contact)
        elif name == "NOTE":
            notes.append(unescape(value).strip())
        elif name == "CATEGORIES":
            for tag in _split(value, ","):
                tag = unescape(tag).strip()
                if tag and tag.casefold() not in SYSTEM_GROUPS:
                    data.tags.append(tag[:100])
        elif name == "LANG":
            if unescape(value).strip().lower().startswith("es"):
                data.language = "es"
        elif name == "X-CRMDESK-LIFE-SITUATION":
            life_text = unescape(value).strip()
        elif name == "KIND":
            contact.organisation = unescape(value).strip().lower() in ("org", "organization")
        elif name == "X-ABSHOWAS":
            contact.organisation = unescape(value).strip().upper() == "COMPANY"
        elif name not in contact.dropped:
            contact.dropped.append(name)
    data.occupation = ", ".join(p for p in (title, department) if p)[:200]
    text = "\n\n".join(p for p in [data.notes, *notes] if p)
    data.notes = clip(text.replace("\r\n", "\n").replace("\r", "\n"), "notes", contact)
    if life_text:  # crmdesk's own export: the whole text, not the lines made from it
        data.life_situation = clip(life_text, "life situation", contact)
        contact.extra_life = []
    finish_extras(contact)
    if data.company and not has_n and (not full_name or full_name == data.company):
        contact.organisation = True  # an ORG without a person's name: Outlook, Gmail
    if contact.organisation and data.company:
        # The company's whole name, never split into a given and a family name.
        data.given_name, data.family_name = data.company, ""
    ensure_name(contact, full_name, "card", "organisation")
    return contact


# Properties with nothing a client book keeps (keys, sounds, sync identifiers).
_IGNORED = frozenset({"KEY", "SOUND", "X-ABLABEL", "VERSION", "PRODID", "REV", "UID",
                      "X-ABUID", "CLIENTPIDMAP", "SOURCE", "NAME", "PROFILE", "MAILER",
                      "X-EVOLUTION-FILE-AS", "X-EVOLUTION-BLOG-URL", "X-MOZILLA-HTML",
                      "X-MS-OL-DEFAULT-POSTAL-ADDRESS", "X-MS-CARDPICTURE", "X-PHONETIC-FIRST-NAME",
                      "X-PHONETIC-LAST-NAME", "SORT-STRING", "X-ABADR", "LABEL", "CLASS",
                      "X-WAB-GENDER", "X-GENERATOR", "X-ANDROID-CUSTOM", "X-ABEXT",
                      "X-MS-OL-DESIGN", "X-MS-TEL", "XML", "GENDER", "MEMBER", "FBURL",
                      "CALURI", "CALADRURI", "TZ", "GEO", "LOGO"})
_IM = ("IMPP", "X-AIM", "X-JABBER", "X-SKYPE", "X-SKYPE-USERNAME", "X-ICQ", "X-MSN",
       "X-YAHOO", "X-GOOGLE-TALK", "X-GTALK", "X-TWITTER", "X-QQ", "X-GADUGADU",
       "X-GROUPWISE", "X-MS-IMADDRESS", "X-SIP", "X-KADDRESSBOOK-X-IMADDRESS")
_RELATED = {"X-SPOUSE": "Spouse", "X-MS-SPOUSE": "Spouse", "X-EVOLUTION-SPOUSE": "Spouse",
            "X-KADDRESSBOOK-X-SPOUSENAME": "Spouse", "X-ASSISTANT": "Assistant",
            "X-EVOLUTION-ASSISTANT": "Assistant", "X-MS-ASSISTANT": "Assistant",
            "X-KADDRESSBOOK-X-ASSISTANTSNAME": "Assistant", "X-MANAGER": "Manager",
            "X-EVOLUTION-MANAGER": "Manager", "X-MS-MANAGER": "Manager",
            "X-KADDRESSBOOK-X-MANAGERSNAME": "Manager", "X-MS-CHILD": "Children",
            "X-CHILDREN": "Children"}
_LIFE = {"spouse", "partner", "child", "children", "parent", "father", "mother", "sibling",
         "brother", "sister", "kin", "friend"}
_ANNIVERSARY = ("ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY",
                "X-KADDRESSBOOK-X-ANNIVERSARY")


#: Every property _extra keeps (the others are not looked at there).
_EXTRA_NAMES = frozenset({"URL", *_IM, *_ANNIVERSARY, *_RELATED, "RELATED",
                          "X-ABRELATEDNAMES", "X-ABDATE"})


def _day_text(text: str) -> str:
    """An anniversary as the book shows days ('15 June 2001'), or as written."""
    from crmdesk.services import locale_text

    value = text.strip().split("T", 1)[0]
    for form in _BDAY_FORMS:
        try:
            day = dt.datetime.strptime(value, form).date()
        except ValueError:
            continue
        return f"{day.day} {locale_text.month_name(day.month)} {day.year}"
    return text.strip()


def _extra(line: _Line, name: str, value: str, labels: dict[str, str],
           contact: ImportedContact) -> bool:
    """Properties kept in the notes or the life situation; True when handled."""
    if name == "URL":
        keep_extra(contact, "note", "Web page", value)
    elif name in _IM:
        keep_extra(contact, "note", "IM", value)
    elif name in _ANNIVERSARY:
        keep_extra(contact, "life", "Anniversary", _day_text(value))
    elif name in _RELATED:
        label = _RELATED[name]
        keep_extra(contact, "life" if label in ("Spouse", "Children") else "note", label, value)
    elif name in ("RELATED", "X-ABRELATEDNAMES", "X-ABDATE"):
        custom = labels.get(line.group, "")
        match = _APPLE_LABEL.match(custom)
        kind = ((match.group(1) if match else custom) or
                next(iter(sorted(line.types - {"pref", "text", "uri"})), "related")).strip()
        label = kind if custom and not match else kind[:1].upper() + kind[1:].lower()
        if name == "X-ABDATE":
            keep_extra(contact, "life", label or "Date", _day_text(value))
        else:
            text = value[4:] if value.lower().startswith("urn:") else value
            where = "life" if kind.lower() in _LIFE else "note"
            keep_extra(contact, where, label, text)
    else:
        return False
    return True


def _salutation(prefix: str) -> str:
    prefix = prefix.strip()
    bare = prefix.rstrip(".")
    return bare if bare in catalog.SALUTATIONS else prefix[:30]


def _photo(line: _Line, contact: ImportedContact) -> None:
    if contact.photo is not None:
        return
    value = line.value
    if value.lower().startswith(("http:", "https:")):
        contact.warnings.append(translate("importing", "photo is a web link: not downloaded"))
        return
    data = _decode_binary(value)
    mime = image_mime(data) if data else None
    if not data or mime is None:
        contact.warnings.append(translate("importing", "photo unreadable: left out"))
        return
    if len(data) > MAX_PHOTO:
        contact.warnings.append(translate("importing", "photo larger than {size} MB: left out")
                                .format(size=MAX_PHOTO // 1_000_000))
        return
    contact.photo, contact.photo_mime = data, mime


def read_vcards(raw: bytes, name: str = "") -> tuple[list[ImportedContact], str]:
    """Every card of a file (unusable ones carry an error), and the text encoding used."""
    text, encoding, odd = text_encoding.decode_vcards(raw)
    contacts = []
    for n, (line_no, lines) in enumerate(split_cards(text), 1):
        source = f"card {n} (line {line_no})"
        if sum(len(x) for x in lines) > MAX_CARD:
            contacts.append(ImportedContact(source, error="card larger than 5 MB"))
            continue
        try:
            contact = read_card(lines, source)
            how = odd.get(n - 1)
            if how == "cp1252":
                contact.warnings.insert(0, "this card is not UTF-8: read as Windows-1252 "
                                           "(check its accents)")
            elif how:
                contact.warnings.insert(0, "folded inside a character: unfolded and read as "
                                           "UTF-8")
            contacts.append(contact)
        except Exception as exc:  # noqa: BLE001 - one bad card must not stop the file
            contacts.append(ImportedContact(source, error=f"unreadable card ({exc})"[:200]))
    return contacts, encoding
