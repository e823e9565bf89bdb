"""Which reader a file needs, by its content (a .txt holding vCards is still vCards)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from crmdesk.services.importing import csv_reader, vcard_reader
from crmdesk.services.importing.contact import ImportedContact

MAX_FILE = 1_000_000_000


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


def sniff_kind(raw: bytes, path: Path) -> str:
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \r\n\t").upper()
    if head.startswith(b"BEGIN:VCARD") or path.suffix.lower() in (".vcf", ".vcard"):
        return "vcard"
    return "csv"


def read_path(path: Path) -> ReadFile:
    from crmdesk.store import sidecar

    if sidecar.is_book_file(path):  # its handle, closed, would drop SQLite's locks
        raise UnreadableFile(f"{path.name} is the book itself: choose a vCard or CSV file.")
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise UnreadableFile(f"{path.name} is {size / 1e9:.1f} GB: too large to import.")
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"Cannot read {path}: {exc.strerror or exc}") from exc
    return read_bytes(raw, path)


def read_bytes(raw: bytes, path: Path) -> ReadFile:
    if not raw.strip():
        raise UnreadableFile(f"{path.name} is empty.")
    if sniff_kind(raw, path) == "vcard":
        contacts, encoding = vcard_reader.read_vcards(raw)
        if not contacts:
            raise UnreadableFile(f"{path.name} holds no vCard (BEGIN:VCARD … END:VCARD).")
        notes = [] if encoding == "utf-8" else [f"read as {encoding}"]
        return ReadFile(path, "vcard", contacts, notes)
    table = csv_reader.read_table(raw)
    if not table.headers:
        raise UnreadableFile(f"{path.name} is not a CSV file with a header row.")
    mapping = csv_reader.guess_mapping(table.headers)
    if not any(mapping):
        raise UnreadableFile(f"{path.name}: none of the columns ({', '.join(table.headers[:6])}"
                             f"…) is a name, e-mail or phone this program knows.")
    notes = [f"{table.layout} layout, {table.encoding}, delimiter "
             f"{'TAB' if table.delimiter == chr(9) else repr(table.delimiter)}", *table.skipped]
    return ReadFile(path, "csv", csv_reader.to_contacts(table, mapping), notes, table, mapping)


def remap(read: ReadFile, mapping: list[str]) -> ReadFile:
    """The same CSV file read again with the columns mapped as the person chose."""
    assert read.table is not None
    return ReadFile(read.path, "csv", csv_reader.to_contacts(read.table, mapping), read.notes,
                    read.table, mapping)
