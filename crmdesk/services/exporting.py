"""Taking the book out: vCard 4.0 and CSV of a list of customers, and the whole book as JSON
that another crmdesk imports back with nothing lost."""

from __future__ import annotations

import base64
import contextlib
import csv
import datetime as dt
import json
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from crmdesk.services import access, audit, book_import, csv_layouts, customers
from crmdesk.services.customers import CustomerData
from crmdesk.services.texts import translate
from crmdesk.store import migrations
from crmdesk.store.db import db
from crmdesk.store.models import utcnow

Progress = Callable[[int, int], bool]
BOOK_FORMAT = "crmdesk-book"
# Tables of a whole-book export, parents before children. Search indexes are rebuilt.
BOOK_TABLES = ["setting", "staff", "customer", "customer_email", "customer_phone",
               "customer_address", "customer_consent", "customer_tag", "customer_photo",
               "saved_view", "interaction", "follow_up", "stage_change",
               "suggestion_dismissal", "purchase", "reward", "points_entry", "import_batch",
               "import_item", "audit_entry", "message_template", "message_log"]


class ExportCancelled(Exception):
    """Cancel was pressed: no file was left behind."""


class OutputRefused(OSError):
    """The place to write is not a regular file (a device, a pipe, a folder): nothing is
    written and it is left as it was. str() is one sentence."""

    plain_message = True

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "The output was refused."


def check_output(target: Path) -> None:
    """Refuse an output path that exists and is not a regular file (a symlink is followed:
    one to /dev/null is a device). A symlink loop or an unreadable folder is one sentence."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputRefused(translate(
            "exporting", "Cannot write {target}: {value}.").format(
            target=target, value=exc.strerror or exc)) from exc
    if stat.S_ISDIR(st.st_mode):
        raise OutputRefused(translate(
            "exporting", "{target} is a folder, not a regular file: give a file name.").format(
            target=target))
    if not stat.S_ISREG(st.st_mode):
        kind = "a pipe" if stat.S_ISFIFO(st.st_mode) else "a socket" \
            if stat.S_ISSOCK(st.st_mode) else "a device"
        raise OutputRefused(translate(
            "exporting", "{target} is {kind}, not a regular file: nothing was written.").format(
            target=target, kind=kind))


@contextlib.contextmanager
def atomic_file(target: Path, mode: int = 0o600) -> Iterator[Path]:
    """A temporary file beside `target` that becomes it only when everything was written
    (a cancelled or failed write leaves nothing behind). The temporary file exists, empty
    and 0600, before anything is written into it (writers that open it by name keep that
    mode), and the final file is `mode` (0600: client data is nobody else's to read).
    A target that exists and is not a regular file is refused (OutputRefused), and so is
    the open book itself."""
    from crmdesk.store import sidecar
    from crmdesk.store.db import BookError

    target = Path(target)
    if sidecar.is_book_file(target, anywhere=True):
        raise BookError(translate(
            "exporting", "{name} is an open crmdesk book: choose another file name.").format(
            name=target.name))
    check_output(target)
    part = target.with_name(f".{target.name}.part")
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISREG(os.lstat(part).st_mode):
            raise OutputRefused(translate(
                "exporting", "{part} is in the way and is not a regular file.").format(part=part))
        part.unlink()  # left over from a crash
    try:
        fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY | _NOFOLLOW, 0o600)
    except OSError as exc:
        raise OutputRefused(translate(
            "exporting", "Cannot write {target}: {value}.").format(
            target=target, value=exc.strerror or exc)) from exc
    try:
        os.fchmod(fd, 0o600)  # whatever the umask
    finally:
        os.close(fd)
    try:
        yield part
        _fsync(part)
        check_output(target)  # it may have changed meanwhile
        os.replace(part, target)
        os.chmod(target, mode)
    finally:
        part.unlink(missing_ok=True)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _step(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise ExportCancelled


# --- vCard 4.0 ----------------------------------------------------------------------------
def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines of at most 75 octets, never cutting a UTF-8 character (RFC 6350 3.2)."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > (75 if not out else 74):
            out.append("".join(current))
            current, size = [], 0
        current.append(ch)
        size += width
    out.append("".join(current))
    return "\r\n ".join(out)


_TEL_TYPES = {"mobile": "cell", "home": "home", "work": "work", "fax": "fax",
              "home fax": "home,fax", "work fax": "work,fax", "pager": "pager"}


def vcard(data: CustomerData, photo: tuple[str, bytes] | None = None) -> str:
    lines = ["BEGIN:VCARD", "VERSION:4.0",
             f"FN:{_escape(' '.join(p for p in (data.given_name, data.family_name) if p))}"]
    if data.kind == "organisation":  # a company client: KIND:org and its ORG, no person's N
        lines += ["KIND:org", "N:;;;;"]
        data = replace(data, company=data.company or data.given_name)
    else:
        lines.append(f"N:{_escape(data.family_name)};{_escape(data.given_name)};;"
                     f"{_escape(data.salutation)};")
    if data.preferred_name:
        lines.append(f"NICKNAME:{_escape(data.preferred_name)}")
    if data.company:
        lines.append(f"ORG:{_escape(data.company)}")
    if data.occupation:
        lines.append(f"TITLE:{_escape(data.occupation)}")
    item = 0

    def labelled(prop: str, label: str, standard: str, rest: str) -> None:
        """A property with its label: a standard TYPE where vCard has one, else grouped
        with an X-ABLabel (as Apple and Google write them), so no label is lost."""
        nonlocal item
        if standard or not label:
            params = f';TYPE="{standard}"' if "," in standard else \
                f";TYPE={standard}" if standard else ""
            lines.append(f"{prop}{params}{rest}")
            return
        item += 1
        lines.append(f"item{item}.{prop}{rest}")
        lines.append(f"item{item}.X-ABLabel:{_escape(label)}")

    for point in data.emails:
        labelled("EMAIL", point.label, point.label if point.label in ("home", "work") else "",
                 f":{point.value}")
    for point in data.phones:
        value = f"tel:{point.value}" if point.value.startswith("+") else _escape(point.value)
        uri = ";VALUE=uri" if point.value.startswith("+") else ""
        labelled("TEL", point.label, _TEL_TYPES.get(point.label, ""), f"{uri}:{value}")
    for address in data.addresses:
        parts = ["", "", address.street, address.city, address.region, address.postcode,
                 address.country]
        labelled("ADR", address.label,
                 address.label if address.label in ("home", "work") else "",
                 ":" + ";".join(_escape(p) for p in parts))
    if data.birthday:
        lines.append(f"BDAY:{data.birthday:%Y%m%d}")
    if data.language != "en":
        lines.append(f"LANG:{data.language}")
    if data.tags:
        lines.append("CATEGORIES:" + ",".join(_escape(t) for t in data.tags))
    if data.notes:
        lines.append(f"NOTE:{_escape(data.notes)}")
    lines += _life_properties(data)
    if photo:
        mime, blob = photo
        lines.append(f"PHOTO:data:{mime};base64,{base64.b64encode(blob).decode('ascii')}")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _life_properties(data: CustomerData) -> list[str]:
    """The life situation: whole, for crmdesk (X-CRMDESK-LIFE-SITUATION), and its spouse and
    anniversary lines as vCard 4.0 RELATED and ANNIVERSARY, for every other program."""
    if not data.life_situation:
        return []
    from crmdesk.services import locale_text

    lines = [f"X-CRMDESK-LIFE-SITUATION:{_escape(data.life_situation)}"]
    months = {locale_text.month_name(m).lower(): m for m in range(1, 13)}
    for raw in data.life_situation.splitlines():
        label, _sep, value = raw.partition(":")
        label, value = label.strip().lower(), value.strip()
        if not value:
            continue
        if label in ("spouse", "partner", "child", "parent", "sibling", "assistant",
                     "manager"):
            lines.append(f"RELATED;TYPE={label};VALUE=text:{_escape(value)}")
        elif label == "anniversary":
            words = value.split()
            if len(words) == 3 and words[0].isdigit() and words[2].isdigit() \
                    and words[1].lower() in months:
                lines.append(f"ANNIVERSARY:{int(words[2]):04d}{months[words[1].lower()]:02d}"
                             f"{int(words[0]):02d}")
    return lines


def _photo(cid: int) -> tuple[str, bytes] | None:
    row = db.execute_sql("SELECT mime, data FROM customer_photo WHERE customer_id = ?",
                         (cid,)).fetchone()
    return (row[0], bytes(row[1])) if row else None


def export_vcards(ids: list[int], out: Path, progress: Progress | None = None) -> int:
    access.require("export")
    access.require_level(ids, access.Level.STANDARD, "export")
    with atomic_file(out) as part, part.open("w", encoding="utf-8", newline="") as fh:
        for n, cid in enumerate(ids, 1):
            fh.write(vcard(customers.load_visible(cid)[0], _photo(cid)))
            if n % 200 == 0:
                _step(progress, n, len(ids))
    audit.record("export", ids, f"vCard {out.name}")
    return len(ids)


# --- CSV ----------------------------------------------------------------------------------
FORMULA_START = csv_layouts.FORMULA_START
safe_cell = csv_layouts.safe_cell


def _most(table: str, ids: list[int]) -> int:
    """The most rows of `table` (e-mails, phones, addresses) one of these customers has."""
    most = 0
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        marks = ",".join("?" * len(chunk))
        found = db.execute_sql(
            f"SELECT max(n) FROM (SELECT count(*) AS n FROM {table} "
            f"WHERE customer_id IN ({marks}) GROUP BY customer_id)", chunk).fetchone()[0]
        most = max(most, int(found or 0))
    return most


def export_csv(ids: list[int], out: Path, progress: Progress | None = None,
               layout: str = "crmdesk") -> int:
    """A CSV of these customers in crmdesk's layout (every e-mail, phone and address, with
    labels, in numbered columns), Google Contacts' or Outlook's. Text cells are quoted."""
    access.require("export")
    access.require_level(ids, access.Level.STANDARD, "export")
    if layout not in csv_layouts.LAYOUTS:
        raise ValueError(translate(
            "exporting", "unknown CSV layout {layout!r}").format(layout=layout))
    counts = [max(1, _most(t, ids)) for t in ("customer_email", "customer_phone",
                                               "customer_address")]
    with atomic_file(out) as part, part.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC)
        writer.writerow(csv_layouts.header(layout, counts))
        for n, cid in enumerate(ids, 1):
            points = db.execute_sql("SELECT points_balance FROM customer WHERE id = ?",
                                    (cid,)).fetchone()[0]
            data = customers.load_visible(cid)[0]  # private notes only for those who may
            writer.writerow([safe_cell(v) for v in csv_layouts.row(layout, data, points,
                                                                   counts)])
            if n % 500 == 0:
                _step(progress, n, len(ids))
    shown = {"crmdesk": "CSV", "google": "Google CSV", "outlook": "Outlook CSV"}[layout]
    audit.record("export", ids, f"{shown} {out.name}")
    return len(ids)


# --- the whole book as JSON ---------------------------------------------------------------
def _columns(table: str) -> list[str]:
    return [r[1] for r in db.execute_sql(f"PRAGMA table_info({table})")]


def export_book(out: Path, progress: Progress | None = None) -> dict[str, int]:
    """Every table of the book (photos as base64); returns the row count per table."""
    access.require("export_book")
    counts: dict[str, int] = {}
    with atomic_file(out) as part, part.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"format": BOOK_FORMAT, "version": 1,
                             "schema": migrations.current_version(db.obj),
                             "exported_at": utcnow().isoformat(),
                             "audit_anchor": audit.head()})[:-1])
        fh.write(', "tables": {')
        for n, table in enumerate(BOOK_TABLES):
            columns = _columns(table)
            fh.write(("" if n == 0 else ", ") + json.dumps(table) + ': {"columns": '
                     + json.dumps(columns) + ', "rows": [')
            count = 0
            for row in db.execute_sql(f"SELECT * FROM {table}"):
                values = [{"base64": base64.b64encode(v).decode("ascii")}
                          if isinstance(v, bytes) else v for v in row]
                fh.write(("," if count else "") + json.dumps(values, ensure_ascii=False))
                count += 1
            fh.write("]}")
            counts[table] = count
            _step(progress, n + 1, len(BOOK_TABLES))
        fh.write("}}\n")
    audit.record("export", [None], f"whole book as JSON {out.name}")
    return counts


BookImportError = book_import.BookImportError


def is_book_export(raw: bytes) -> bool:
    head = raw[:200].lstrip()
    return head.startswith(b"{") and BOOK_FORMAT.encode() in head


def import_book(raw: bytes, progress: Progress | None = None, source: str = ""
                ) -> dict[str, int]:
    """Load a whole-book export into this (empty) book: see `book_import.import_book`."""
    return book_import.import_book(raw, progress, source)


def stamp() -> str:
    return dt.datetime.now().strftime("%Y-%m-%d")
