"""Which reader a file needs, by its content (a .txt holding vCards is still vCards)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from crmdesk.services.importing import csv_reader, text_encoding, vcard_reader
from crmdesk.services.importing.contact import ImportedContact
from crmdesk.services.importing.speed import without_gc

MAX_FILE = 256_000_000  # bytes of a vCard or CSV file (100,000 contacts are ~30 MB)
HEAD = 65_536           # what is looked at before a file is read whole
MAX_CONTACTS = 250_000  # cards or rows of one file (a book is made for 100,000 customers)
_NOT_TEXT = [(b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
             (b"GIF8", "a GIF image"), (b"%PDF", "a PDF document"),
             (b"PK\x03\x04", "a ZIP archive (a spreadsheet? save it as CSV first)"),
             (b"\x1f\x8b", "a gzip archive"), (b"SQLite format 3\x00",
                                              "a database (a book is opened, not imported)"),
             (b"\xd0\xcf\x11\xe0", "an Office document (save it as CSV first)"),
             (b"\x7fELF", "a program"), (b"MZ", "a program")]


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
    return "binary data" if b"\x00" in head[:HEAD] else None


def _refuse_binary(raw: bytes, path: Path) -> None:
    what = not_text(raw[:HEAD])
    if what:
        raise UnreadableFile(f"{path.name} is not a vCard or CSV file: it looks like {what}.")


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
        raise UnreadableFile(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = "a folder" if stat.S_ISDIR(mode) else "a pipe" if stat.S_ISFIFO(mode) \
            else "a device or socket"
        raise UnreadableFile(f"{path} is {kind}, not a file to import.")
    return fd


def read_regular(path: Path, limit: int = MAX_FILE) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or UnreadableFile (one line)."""
    fd = _open_regular(path)
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise UnreadableFile(f"{path.name} is {_size(size)}: too large to import "
                                 f"(at most {_size(limit)}).")
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        raise UnreadableFile(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise UnreadableFile(f"{path.name} is larger than {_size(limit)}: too large to import.")
    return raw


def head(path: Path, size: int = 4096) -> bytes:
    """The first bytes of a regular file (refused like read_regular)."""
    fd = _open_regular(path)
    try:
        return os.read(fd, size)
    except OSError as exc:
        raise UnreadableFile(f"Cannot read {path}: {exc.strerror or exc}.") from exc
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
        raise UnreadableFile(f"{path.name} is the book itself: choose a vCard or CSV file.")
    first = head(path, HEAD)
    size = os.stat(path).st_size
    if size > MAX_FILE:
        raise UnreadableFile(f"{path.name} is {_size(size)}: too large to import "
                             f"(at most {_size(MAX_FILE)}; split it).")
    _refuse_binary(first, path)
    return read_bytes(read_regular(path), path)


@without_gc
def read_bytes(raw: bytes, path: Path) -> ReadFile:
    if not raw.strip():
        raise UnreadableFile(f"{path.name} is empty.")
    _refuse_binary(raw, path)
    wide = None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or text_encoding.utf16_without_bom(raw):
        # UTF-16 (Outlook, Windows address books): read as the UTF-8 it stands for
        text, wide = text_encoding.unicode_text(raw) or ("", None)
        raw = text.lstrip("\ufeff").encode("utf-8")
    if sniff_kind(raw, path) == "vcard":
        if b"BEGIN:VCARD" not in raw[:HEAD].upper():
            raise UnreadableFile(f"{path.name} holds no vCard (BEGIN:VCARD … END:VCARD).")
        if raw.count(b"BEGIN:VCARD") + raw.count(b"begin:vcard") > MAX_CONTACTS:
            raise UnreadableFile(f"{path.name} holds more than {MAX_CONTACTS:,} cards: too "
                                 "many to import at once (split it).")
        contacts, encoding = vcard_reader.read_vcards(raw)
        if not contacts:
            raise UnreadableFile(f"{path.name} holds no vCard (BEGIN:VCARD … END:VCARD).")
        encoding = wide or encoding
        notes = [] if encoding == "utf-8" else [f"read as {encoding}"]
        return ReadFile(path, "vcard", contacts, notes)
    table = csv_reader.read_table(raw, known_columns_only=True, max_rows=MAX_CONTACTS)
    if table.too_many:
        raise UnreadableFile(f"{path.name} holds more than {MAX_CONTACTS:,} rows: too many to "
                             "import at once (split it).")
    if not table.headers:
        raise UnreadableFile(f"{path.name} is not a CSV file with a header row.")
    mapping = csv_reader.mapping_for(table)
    if not any(mapping):
        raise UnreadableFile(f"{path.name}: none of the columns ({', '.join(table.headers[:6])}"
                             f"…) is a name, e-mail or phone this program knows.")
    if wide:
        table.encoding = wide
    notes = [f"{table.program or table.layout} layout, {table.encoding}, delimiter "
             f"{'TAB' if table.delimiter == chr(9) else repr(table.delimiter)}", *table.skipped]
    return ReadFile(path, "csv", csv_reader.to_contacts(table, mapping), notes, table, mapping)


@without_gc
def remap(read: ReadFile, mapping: list[str]) -> ReadFile:
    """The same CSV file read again with the columns mapped as the person chose."""
    assert read.table is not None
    return ReadFile(read.path, "csv", csv_reader.to_contacts(read.table, mapping), read.notes,
                    read.table, mapping)
