"""Which reader a file needs, by its content (a .txt holding vCards is still vCards)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from crmdesk.services import texts
from crmdesk.services.importing import csv_reader, text_encoding, vcard_reader
from crmdesk.services.importing.contact import ImportedContact
from crmdesk.services.importing.speed import without_gc
from crmdesk.services.texts import QT_TRANSLATE_NOOP, translate

MAX_FILE = 256_000_000  # bytes of a vCard or CSV file (100,000 contacts are ~30 MB)
HEAD = 65_536           # what is looked at before a file is read whole
MAX_CONTACTS = 250_000  # cards or rows of one file (a book is made for 100,000 customers)
_NOT_TEXT = [(b"\x89PNG\r\n\x1a\n", QT_TRANSLATE_NOOP("importing", "a PNG image")),
             (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("importing", "a JPEG image")),
             (b"GIF8", QT_TRANSLATE_NOOP("importing", "a GIF image")),
             (b"%PDF", QT_TRANSLATE_NOOP("importing", "a PDF document")),
             (b"PK\x03\x04", QT_TRANSLATE_NOOP(
                 "importing", "a ZIP archive (a spreadsheet? save it as CSV first)")),
             (b"\x1f\x8b", QT_TRANSLATE_NOOP("importing", "a gzip archive")),
             (b"SQLite format 3\x00", QT_TRANSLATE_NOOP(
                 "importing", "a database (a book is opened, not imported)")),
             (b"\xd0\xcf\x11\xe0", QT_TRANSLATE_NOOP(
                 "importing", "an Office document (save it as CSV first)")),
             (b"\x7fELF", QT_TRANSLATE_NOOP("importing", "a program")),
             (b"MZ", QT_TRANSLATE_NOOP("importing", "a program"))]


class UnreadableFile(ValueError):
    """The file cannot be imported at all (the message says why)."""


@dataclass
class ReadFile:
    path: Path
    kind: str                               # "vcard" or "csv"
    contacts: list[ImportedContact]
    notes: list[str] = field(default_factory=list)
    table: csv_reader.CsvTable | None = None
    mapping: list[str] = field(default_factory=list)


def not_text(head: bytes) -> str | None:
    """What a file that is no contact list looks like ('a PNG image'), from its first bytes;
    None when it may be text."""
    for magic, what in _NOT_TEXT:
        if head.startswith(magic):
            return what
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte order mark
        return None
    if text_encoding.utf16_without_bom(head):  # UTF-16 without one
        return None
    return QT_TRANSLATE_NOOP("importing", "binary data") if b"\x00" in head[:HEAD] else None


def _refuse_binary(raw: bytes, path: Path) -> None:
    what = not_text(raw[:HEAD])
    if what:
        raise UnreadableFile(translate(
            "importing", "{file} is not a vCard or CSV file: it looks like {what}.").format(
            file=path.name, what=translate("importing", what)))


def sniff_kind(raw: bytes, path: Path) -> str:
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \r\n\t").upper()
    if head.startswith(b"BEGIN:VCARD") or path.suffix.lower() in (".vcf", ".vcard"):
        return "vcard"
    return "csv"


def _open_regular(path: Path) -> int:
    """A descriptor of `path` opened for reading without ever blocking (a pipe or a device
    is refused by fstat before anything is read)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise UnreadableFile(translate("importing", "Cannot read {file}: {reason}.").format(
            file=path, reason=exc.strerror or exc)) from exc
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = QT_TRANSLATE_NOOP("importing", "a folder") if stat.S_ISDIR(mode) \
            else QT_TRANSLATE_NOOP("importing", "a pipe") if stat.S_ISFIFO(mode) \
            else QT_TRANSLATE_NOOP("importing", "a device or socket")
        raise UnreadableFile(translate("importing", "{file} is {kind}, not a file to import.")
                             .format(file=path, kind=translate("importing", kind)))
    return fd


def read_regular(path: Path, limit: int = MAX_FILE) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or UnreadableFile (one line)."""
    fd = _open_regular(path)
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise UnreadableFile(translate(
                "importing", "{file} is {size}: too large to import (at most {limit}).").format(
                file=path.name, size=_size(size), limit=_size(limit)))
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        raise UnreadableFile(translate("importing", "Cannot read {file}: {reason}.").format(
            file=path, reason=exc.strerror or exc)) from exc
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise UnreadableFile(translate(
            "importing", "{file} is larger than {limit}: too large to import.").format(
            file=path.name, limit=_size(limit)))
    return raw


def head(path: Path, size: int = 4096) -> bytes:
    """The first bytes of a regular file (refused like read_regular)."""
    fd = _open_regular(path)
    try:
        return os.read(fd, size)
    except OSError as exc:
        raise UnreadableFile(translate("importing", "Cannot read {file}: {reason}.").format(
            file=path, reason=exc.strerror or exc)) from exc
    finally:
        os.close(fd)


def _size(n: int) -> str:
    return f"{n / 1e9:.1f} GB" if n >= 1e9 else f"{n / 1e6:.0f} MB" if n >= 1e6 \
        else f"{n:,} bytes"


def read_path(path: Path) -> ReadFile:
    """A vCard or CSV file, refused in one line — before it is read whole — when it is not
    a regular file, is too large, or looks like an image, an archive or other binary."""
    from crmdesk.store import sidecar

    if sidecar.is_book_file(path):  # its handle, closed, would drop SQLite's locks
        raise UnreadableFile(translate(
            "importing", "{file} is the book itself: choose a vCard or CSV file.").format(
            file=path.name))
    first = head(path, HEAD)
    size = os.stat(path).st_size
    if size > MAX_FILE:
        raise UnreadableFile(translate(
            "importing", "{file} is {size}: too large to import (at most {limit}; split it).")
            .format(file=path.name, size=_size(size), limit=_size(MAX_FILE)))
    _refuse_binary(first, path)
    return read_bytes(read_regular(path), path)


@without_gc
def read_bytes(raw: bytes, path: Path) -> ReadFile:
    if not raw.strip():
        raise UnreadableFile(translate("importing", "{file} is empty.").format(file=path.name))
    _refuse_binary(raw, path)
    wide = None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or text_encoding.utf16_without_bom(raw):
        # UTF-16 (Outlook, Windows address books): read as the UTF-8 it stands for
        text, wide = text_encoding.unicode_text(raw) or ("", None)
        raw = text.lstrip("\ufeff").encode("utf-8")
    if sniff_kind(raw, path) == "vcard":
        no_card = translate("importing", "{file} holds no vCard (BEGIN:VCARD … END:VCARD).")
        if b"BEGIN:VCARD" not in raw[:HEAD].upper():
            raise UnreadableFile(no_card.format(file=path.name))
        if raw.count(b"BEGIN:VCARD") + raw.count(b"begin:vcard") > MAX_CONTACTS:
            raise UnreadableFile(translate(
                "importing", "{file} holds more than {count} cards: too many to import at once "
                "(split it).").format(file=path.name, count=texts.integer(MAX_CONTACTS)))
        contacts, encoding = vcard_reader.read_vcards(raw)
        if not contacts:
            raise UnreadableFile(no_card.format(file=path.name))
        encoding = wide or encoding
        notes = [] if encoding == "utf-8" else [
            translate("importing", "read as {encoding}").format(encoding=encoding)]
        return ReadFile(path, "vcard", contacts, notes)
    table = csv_reader.read_table(raw, known_columns_only=True, max_rows=MAX_CONTACTS)
    if table.too_many:
        raise UnreadableFile(translate(
            "importing", "{file} holds more than {count} rows: too many to import at once "
            "(split it).").format(file=path.name, count=texts.integer(MAX_CONTACTS)))
    if not table.headers:
        raise UnreadableFile(translate(
            "importing", "{file} is not a CSV file with a header row.").format(file=path.name))
    mapping = csv_reader.mapping_for(table)
    if not any(mapping):
        raise UnreadableFile(translate(
            "importing", "{file}: none of the columns ({columns}…) is a name, e-mail or phone "
            "this program knows.").format(file=path.name,
                                          columns=", ".join(table.headers[:6])))
    if wide:
        table.encoding = wide
    notes = [translate("importing", "{layout} layout, {encoding}, delimiter {delimiter}").format(
        layout=table.program or table.layout, encoding=table.encoding,
        delimiter="TAB" if table.delimiter == chr(9) else repr(table.delimiter)), *table.skipped]
    return ReadFile(path, "csv", csv_reader.to_contacts(table, mapping), notes, table, mapping)


@without_gc
def remap(read: ReadFile, mapping: list[str]) -> ReadFile:
    """The same CSV file read again with the columns mapped as the person chose."""
    assert read.table is not None
    return ReadFile(read.path, "csv", csv_reader.to_contacts(read.table, mapping), read.notes,
                    read.table, mapping)
