"""What a reader makes of one card or row, before any check against the book."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crmdesk.services import texts
from crmdesk.services.customers import CustomerData
from crmdesk.services.texts import QT_TRANSLATE_NOOP, translate

MAX_FIELD = 100_000          # characters kept of any one value (notes are the long ones)
MAX_PHOTO = 2_000_000        # bytes
MAX_CARD = 5_000_000         # bytes of one card or row, photo included
IMAGE_MAGIC = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png",
               b"GIF87a": "image/gif", b"GIF89a": "image/gif"}


@dataclass
class ImportedContact:
    """One contact as read from a file: the profile, a photo, and what was odd about it."""

    source: str                      # "card 3" / "row 12", for the report
    data: CustomerData = field(default_factory=CustomerData)
    photo: bytes | None = None
    photo_mime: str = ""
    warnings: list[str] = field(default_factory=list)
    error: str | None = None         # set when the card or row cannot be used at all
    dropped: list[str] = field(default_factory=list)  # what the file held that is not kept
    extra_notes: list[str] = field(default_factory=list)
    extra_life: list[str] = field(default_factory=list)
    organisation: bool = False       # the card or row is a company, not a person

    @property
    def label(self) -> str:
        name = " ".join(p for p in (self.data.given_name, self.data.family_name) if p)
        return f"{self.source} ({name})" if name else self.source


def image_mime(data: bytes) -> str | None:
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return next((mime for magic, mime in IMAGE_MAGIC.items() if data.startswith(magic)), None)


def clip(text: str, what: str, contact: ImportedContact, limit: int = MAX_FIELD) -> str:
    if len(text) > limit:
        contact.warnings.append(translate("importing", "{field} cut to {limit} characters")
                                .format(field=translate("importing", what),
                                        limit=texts.integer(limit)))
        return text[:limit]
    return text


#: the fields `clip` may cut, for lupdate (translated in the warning)
CLIPPED_FIELDS = [QT_TRANSLATE_NOOP("importing", "notes"),
                  QT_TRANSLATE_NOOP("importing", "life situation"),
                  QT_TRANSLATE_NOOP("importing", "family name"),
                  QT_TRANSLATE_NOOP("importing", "given name"),
                  QT_TRANSLATE_NOOP("importing", "organisation")]
#: a contact named from something else, or unusable: (named after its e-mail, named after
#: its company, no name at all), for a vCard's card and a CSV file's row
_NO_NAME = {
    "card": (QT_TRANSLATE_NOOP("importing", "no name in the card: named after its e-mail address"),
             QT_TRANSLATE_NOOP("importing", "no name in the card: named after its organisation"),
             QT_TRANSLATE_NOOP("importing", "no name, e-mail or organisation")),
    "row": (QT_TRANSLATE_NOOP("importing", "no name in the row: named after its e-mail address"),
            QT_TRANSLATE_NOOP("importing", "no name in the row: named after its company"),
            QT_TRANSLATE_NOOP("importing", "no name, e-mail or company")),
}

_SPLIT = re.compile(r"[._\-+]+")


def name_from_email(address: str) -> tuple[str, str]:
    """'john.doe@company.com' → ('John', 'Doe'): a card with no name at all is named after
    its e-mail address rather than refused."""
    local = address.split("@", 1)[0]
    parts = [p.capitalize() for p in _SPLIT.split(local) if p and not p.isdigit()]
    if not parts:
        return local or address, ""
    return (" ".join(parts[:-1]), parts[-1]) if len(parts) > 1 else (parts[0], "")


def split_full_name(full: str) -> tuple[str, str]:
    """'Greg Dartmouth' → ('Greg', 'Dartmouth'); a single word is a given name."""
    words = full.split()
    if len(words) <= 1:
        return full.strip(), ""
    return " ".join(words[:-1]), words[-1]


def ensure_name(contact: ImportedContact, full_name: str, unit: str, company: str) -> None:
    """A contact without given or family name is named from its full name, its e-mail or its
    company (with a warning), or marked unusable."""
    data = contact.data
    if data.given_name or data.family_name:
        return
    if full_name:
        data.given_name, data.family_name = split_full_name(full_name)
    elif data.emails:
        data.given_name, data.family_name = name_from_email(data.emails[0].value)
        contact.warnings.append(_no_name(unit, company, 0))
    elif data.company:
        data.given_name = data.company
        contact.warnings.append(_no_name(unit, company, 1))
    if not data.given_name and not data.family_name:
        contact.error = _no_name(unit, company, 2)


def _no_name(unit: str, company: str, which: int) -> str:
    """The warning (or error) for a card or row without a name; `company` is what the
    format calls the organisation (a vCard's "organisation", a CSV file's "company")."""
    return translate("importing", _NO_NAME["card" if unit == "card" else "row"][which])


SYSTEM_GROUPS = {"my contacts", "mycontacts", "starred in android", "starred"}


def keep_extra(contact: ImportedContact, where: str, label: str, value: str) -> None:
    """A value the profile has no field for, kept as a "Label: value" line of the notes or
    (where == "life") of the life situation."""
    value = " ".join(value.split())
    if value:
        target = contact.extra_life if where == "life" else contact.extra_notes
        line = f"{label}: {value}"[:2000]
        if line not in target:
            target.append(line)


def finish_extras(contact: ImportedContact) -> None:
    """Append the kept extras to the notes and the life situation (once)."""
    data = contact.data
    if contact.extra_notes:
        data.notes = "\n".join(p for p in (data.notes, *contact.extra_notes) if p)
    if contact.extra_life:
        data.life_situation = "\n".join(
            p for p in (data.life_situation, *contact.extra_life) if p)[:MAX_FIELD]
    contact.extra_notes, contact.extra_life = [], []
