"""Loading a whole-book JSON export into a new, empty book.

A manager's act (it brings in every client, the settings and the audit trail), audited. The
accounts of the book it goes into are never touched: imported staff members whose name the
book already has become those members, the others are added — without a password or PIN
when the book already has accounts (a manager gives them one). Every value of every table is
checked first (types, ranges, known values, references, the points ledger), and nothing is
written unless all of it is sound."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from crmdesk.services import access, audit, catalog, search_index, texts
from crmdesk.services.texts import translate
from crmdesk.store import migrations
from crmdesk.store.db import db

Progress = Callable[[int, int], bool]
BOOK_FORMAT = "crmdesk-book"
MAX_DEPTH = 8  # a value of a row is a scalar or {"base64": ...}: nothing nests deeper
MAX_TEXT = 1_000_000

ENUMS: dict[tuple[str, str], set[str]] = {
    ("staff", "role"): set(catalog.STAFF_ROLES),
    ("customer", "stage"): {k for k, _ in catalog.STAGES},
    ("customer", "relationship_type"): {k for k, _ in catalog.RELATIONSHIP_TYPES},
    ("customer", "address_form"): {"formal", "informal"},
    ("customer", "language"): {k for k, _ in catalog.LANGUAGES},
    ("customer", "preferred_channel"): {k for k, _ in catalog.CONTACT_CHANNELS},
    ("customer", "kind"): {"person", "organisation"},
    ("customer_consent", "channel"): {k for k, _ in catalog.CONSENT_CHANNELS},
    ("interaction", "channel"): {k for k, _ in catalog.INTERACTION_CHANNELS},
    ("interaction", "direction"): {k for k, _ in catalog.DIRECTIONS},
    ("follow_up", "status"): {"open", "done", "cancelled"},
    ("stage_change", "from_stage"): {k for k, _ in catalog.STAGES} | {""},
    ("stage_change", "to_stage"): {k for k, _ in catalog.STAGES},
    ("points_entry", "kind"): {"earn", "bonus", "redeem", "expire", "adjust"},
    ("import_item", "action"): {"new", "updated"},
    ("audit_entry", "action"): set(audit.ACTIONS),
}
DATES = {("customer", "birthday"), ("purchase", "purchased_on"),
         ("customer_consent", "given_on")}
TIMESTAMP_SUFFIXES = ("_at", "_since")
BOOLEANS = {("staff", "active"), ("customer", "notes_private"), ("reward", "active"),
            ("follow_up", "promise"), ("audit_entry", "erased")}
NON_NEGATIVE = {("customer", "points_balance"), ("interaction", "duration_minutes"),
                ("stage_change", "stay_seconds"), ("import_batch", "created"),
                ("import_batch", "updated")}


class BookImportError(ValueError):
    """The JSON file is not a sound crmdesk book, or the target book is not empty."""


def _columns(table: str) -> list[tuple[str, str, bool, bool]]:
    """(name, declared type, required, has a default) of each column of `table`."""
    return [(r[1], str(r[2]).upper(), (bool(r[3]) and r[4] is None) or bool(r[5]),
             r[4] is not None) for r in db.execute_sql(f"PRAGMA table_info({table})")]


def _depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """How deep `value` nests (stops counting past `limit`), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > limit:
            return level
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def _parse(raw: bytes) -> dict[str, Any]:
    try:
        spec = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise BookImportError(translate(
            "book_import", "Not a crmdesk book export: the JSON nests too deeply.")) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BookImportError(translate(
            "book_import", "Not a readable JSON file: {exc}").format(exc=exc)) from None
    if not isinstance(spec, dict) or spec.get("format") != BOOK_FORMAT:
        raise BookImportError(translate(
            "book_import", "This JSON file is not a crmdesk book export."))
    schema = spec.get("schema", 0)
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise BookImportError(translate(
            "book_import", "The export does not say which version of crmdesk wrote it."))
    if schema > migrations.LATEST:
        raise BookImportError(translate(
            "book_import", "The export comes from a newer crmdesk; please upgrade."))
    tables = spec.get("tables")
    if not isinstance(tables, dict):
        raise BookImportError(translate("book_import", "The export holds no tables."))
    anchor = spec.get("audit_anchor")
    part = tables.get("audit_entry")
    rows = part.get("rows") if isinstance(part, dict) else None
    if isinstance(anchor, dict) and isinstance(rows, list) and \
            anchor.get("entries") != len(rows):
        raise BookImportError(translate(
            "book_import", "The export's audit trail holds {count} entries, its header says "
            "{header}: it was cut, so it cannot be trusted.").format(
            count=texts.integer(len(rows)), header=anchor.get('entries')))
    return tables


def table_counts(raw: bytes) -> dict[str, int]:
    """Rows per table of an export (for a dry run), or a BookImportError."""
    return {t: len(v.get("rows", [])) if isinstance(v, dict) else 0
            for t, v in _parse(raw).items()}


def _scalar(table: str, n: int, column: str, kind: str, value: Any) -> Any:
    """The value to store, or a BookImportError that names the row and column."""
    where = f"{table}, row {n + 1}, {column}"
    if isinstance(value, dict):
        data = value.get("base64") if set(value) == {"base64"} else None
        if kind != "BLOB" or not isinstance(data, str):
            raise BookImportError(translate(
                "book_import", "{where}: a value of the wrong kind.").format(where=where))
        try:
            return base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise BookImportError(translate(
                "book_import", "{where}: not valid base64.").format(where=where)) from None
    if isinstance(value, list):
        raise BookImportError(translate(
            "book_import", "{where}: a list where a single value belongs.").format(where=where))
    if value is None:
        return None
    if kind == "INTEGER":
        if isinstance(value, bool) or not isinstance(value, int):
            raise BookImportError(translate(
                "book_import", "{where}: {value!r:.40} is not a whole number.").format(
                where=where, value=value))
        if not -(2 ** 63) <= value < 2 ** 63:
            raise BookImportError(translate(
                "book_import", "{where}: {value} is too large.").format(where=where, value=value))
        if (table, column) in BOOLEANS and value not in (0, 1):
            raise BookImportError(translate(
                "book_import", "{where}: {value} is not 0 or 1.").format(where=where, value=value))
        if (table, column) in NON_NEGATIVE and value < 0:
            raise BookImportError(translate(
                "book_import", "{where}: {value} cannot be negative.").format(
                where=where, value=value))
        return value
    if kind == "BLOB":
        raise BookImportError(translate(
            "book_import", "{where}: binary data must be given as base64.").format(where=where))
    if kind in ("REAL", "NUMERIC"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise BookImportError(translate(
                "book_import", "{where}: {value!r:.40} is not a number.").format(
                where=where, value=value))
        return value
    if not isinstance(value, str):
        raise BookImportError(translate(
            "book_import", "{where}: {value!r:.40} is not text.").format(where=where, value=value))
    if len(value) > MAX_TEXT or "\x00" in value:
        raise BookImportError(translate(
            "book_import", "{where}: the text is too long or holds a NUL character.").format(
            where=where))
    allowed = ENUMS.get((table, column))
    if allowed is not None and value not in allowed:
        raise BookImportError(translate(
            "book_import", "{where}: unknown value “{value}”.").format(
            where=where, value=value[:40]))
    try:
        if (table, column) in DATES:
            dt.date.fromisoformat(value)
        elif column.endswith(TIMESTAMP_SUFFIXES):
            stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            if stamp.tzinfo is None and table != "setting":
                raise ValueError
    except ValueError:
        raise BookImportError(translate(
            "book_import", "{where}: “{value}” is not a date and time.").format(
            where=where, value=value[:40])) from None
    return value


def _rows(tables: dict[str, Any], table: str) -> tuple[list[str], list[list[Any]]]:
    """The checked rows of `table` in the target's column order (missing columns take
    their default)."""
    part = tables.get(table)
    if part is None:
        return [], []
    if not isinstance(part, dict) or not isinstance(part.get("columns"), list) \
            or not isinstance(part.get("rows"), list):
        raise BookImportError(translate(
            "book_import", "{table}: not a table of the export format.").format(table=table))
    given: list[Any] = part["columns"]
    if not all(isinstance(c, str) for c in given) or len(set(given)) != len(given):
        raise BookImportError(translate(
            "book_import", "{table}: the column names are not a list of names.").format(
            table=table))
    known = _columns(table)
    names = [name for name, *_ in known]
    for name, _kind, required, _default in known:
        if required and name not in given:
            raise BookImportError(translate(
                "book_import", "{table}: the column {name} is missing.").format(
                table=table, name=name))
    columns = [name for name in names if name in given]
    index = [given.index(c) for c in columns]
    kinds = {name: kind for name, kind, _required, _default in known}
    notnull = {r[1] for r in db.execute_sql(f"PRAGMA table_info({table})") if r[3] or r[5]}
    checks = [(_checker(table, column, kinds[column], column in notnull), i)
              for column, i in zip(columns, index, strict=True)]
    out: list[list[Any]] = []
    width = len(given)
    for n, row in enumerate(part["rows"]):
        if type(row) is not list or len(row) != width:
            raise BookImportError(translate(
                "book_import", "{table}, row {value}: not a row of {width} values.").format(
                table=table, value=n + 1, width=width))
        out.append([check(row[i], n) for check, i in checks])
    return columns, out


def _checker(table: str, column: str, kind: str, notnull: bool) -> Callable[[Any, int], Any]:
    """A check of one column's values: the common, sound values pass at once, anything
    else goes through `_scalar` (which says what is wrong)."""
    key = (table, column)

    def full(value: Any, n: int) -> Any:
        checked = _scalar(table, n, column, kind, value)
        if checked is None and notnull:
            raise BookImportError(translate(
                "book_import", "{table}, row {value}, {column}: a value is needed.").format(
                table=table, value=n + 1, column=column))
        return checked

    if key in ENUMS and kind == "TEXT":
        allowed = ENUMS[key]

        def known(value: Any, n: int) -> Any:
            if type(value) is str and value in allowed or value is None and not notnull:
                return value
            return full(value, n)
        return known
    if column.endswith(TIMESTAMP_SUFFIXES) and key not in DATES and kind == "TEXT" \
            and table != "setting":
        parse = dt.datetime.fromisoformat

        def stamp(value: Any, n: int) -> Any:
            if value is None and not notnull:
                return None
            if type(value) is str and len(value) == 20 and value[-1] == "Z":
                try:
                    parse(value[:-1] + "+00:00")
                    return value
                except ValueError:
                    pass
            return full(value, n)
        return stamp
    special = key in ENUMS or key in DATES or column.endswith(TIMESTAMP_SUFFIXES) \
        or key in BOOLEANS or key in NON_NEGATIVE
    if special:
        return full
    if kind == "INTEGER":
        def integer(value: Any, n: int) -> Any:
            if type(value) is int and -(2 ** 63) <= value < 2 ** 63 or value is None \
                    and not notnull:
                return value
            return full(value, n)
        return integer
    if kind not in ("BLOB", "REAL", "NUMERIC"):
        def text(value: Any, n: int) -> Any:
            if type(value) is str and len(value) <= MAX_TEXT and "\x00" not in value \
                    or value is None and not notnull:
                return value
            return full(value, n)
        return text
    return full


def _staff_map(columns: list[str], rows: list[list[Any]], keep_secrets: bool
               ) -> tuple[dict[int, int], list[list[Any]]]:
    """How the export's staff ids map onto this book's, and the staff rows to add."""
    at = {c: i for i, c in enumerate(columns)}
    existing = {r[1]: int(r[0]) for r in db.execute_sql("SELECT id, name FROM staff")}
    taken = set(existing.values())
    mapping: dict[int, int] = {}
    added: list[list[Any]] = []
    next_id = max(taken | {int(r[at["id"]]) for r in rows if r[at["id"]] is not None} | {0}) + 1
    for row in rows:
        old, name = row[at["id"]], " ".join(str(row[at["name"]]).split())
        if old is None or old in mapping:
            raise BookImportError(translate(
                "book_import", "staff: every staff member needs their own id."))
        if name in existing:
            mapping[old] = existing[name]
            continue
        new = old if old not in taken else next_id
        next_id = max(next_id, new + 1)
        taken.add(new)
        mapping[old] = new
        row = list(row)
        row[at["id"]] = new
        row[at["name"]] = name
        if not keep_secrets:
            for secret in ("password_hash", "pin_hash"):
                if secret in at:
                    row[at[secret]] = None
        existing[name] = new
        added.append(row)
    return mapping, added


def _staff_columns(table: str) -> list[str]:
    return [r[3] for r in db.execute_sql(f"PRAGMA foreign_key_list({table})") if r[2] == "staff"]


def _check_chain(columns: list[str], rows: list[list[Any]]) -> None:
    """The export's own audit trail must verify before it joins this book's."""
    at = {c: i for i, c in enumerate(columns)}
    prev = audit.GENESIS
    for n, row in enumerate(sorted(rows, key=lambda r: r[at["id"]] or 0)):
        stored = {c: row[at[c]] if c in at else None for c in
                  ("at", "who", "action", "customer_id", "detail", "prev_hash", "hash",
                   "detail_hash", "erased")}
        text = str(stored["detail"] or "")
        text_ok = text == "" if stored["erased"] else (
            stored["detail_hash"] is None or audit.detail_digest(text) == stored["detail_hash"])
        if stored["prev_hash"] != prev or not text_ok or \
                audit.entry_hash(stored) != stored["hash"]:
            raise BookImportError(translate(
                "book_import", "audit_entry, row {value}: the export's audit trail was "
                "changed, so it cannot be trusted.").format(value=n + 1))
        prev = stored["hash"]


def _check_ledger(tables: dict[str, tuple[list[str], list[list[Any]]]]) -> None:
    ccols, crows = tables["customer"]
    pcols, prows = tables["points_entry"]
    if not crows:
        return
    cid_at = ccols.index("id")
    balance_at = ccols.index("points_balance") if "points_balance" in ccols else None
    sums: dict[int, int] = {}
    if prows:
        who, pts = pcols.index("customer_id"), pcols.index("points")
        for row in prows:
            sums[row[who]] = sums.get(row[who], 0) + int(row[pts])
    for row in crows:
        total = sums.get(row[cid_at], 0)
        if total < 0:
            raise BookImportError(translate(
                "book_import", "points_entry: customer {customer}'s points add up to {total}, "
                "below zero.").format(customer=row[cid_at], total=total))
        if balance_at is not None and row[balance_at] != total:
            raise BookImportError(translate(
                "book_import", "customer {customer}: the points balance {balance} is not the sum "
                "of the ledger ({total}).").format(
                customer=row[cid_at], balance=row[balance_at], total=total))


def _sound_after_insert() -> None:
    """What SQLite checks best once the rows are in (inside the transaction)."""
    bad = db.execute_sql("PRAGMA foreign_key_check").fetchone()
    if bad:
        raise BookImportError(translate(
            "book_import", "{table}, row id {id}: it refers to a {kind} that the export does "
            "not hold.").format(table=bad[0], id=bad[1], kind=bad[2]))
    row = db.execute_sql("SELECT p.id FROM purchase p JOIN purchase o ON o.id = p.reverses_id "
                         "WHERE p.customer_id != o.customer_id LIMIT 1").fetchone()
    if row:
        raise BookImportError(translate(
            "book_import", "purchase, row id {id}: reverses another client's purchase.").format(
            id=row[0]))


def import_book(raw: bytes, progress: Progress | None = None, source: str = ""
                ) -> dict[str, int]:
    """Load a whole-book export into this (empty) book, in one transaction."""
    access.require("import_book")
    tables = _parse(raw)
    if db.execute_sql("SELECT count(*) FROM customer").fetchone()[0]:
        raise BookImportError(translate(
            "book_import", "A whole book can only be imported into an empty book: create a new "
            "book first (File ▸ New Book…)."))
    from crmdesk.services.exporting import BOOK_TABLES

    checked = {table: _rows(tables, table) for table in BOOK_TABLES}
    _check_ledger(checked)
    acols, arows = checked["audit_entry"]
    if arows:
        _check_chain(acols, arows)
    keep_secrets = not access.accounts_exist()
    counts: dict[str, int] = {}
    try:
        with db.atomic("IMMEDIATE"):
            mapping, staff_rows = _staff_map(*checked["staff"], keep_secrets)
            checked["staff"] = (checked["staff"][0], staff_rows)
            scols, srows = checked["setting"]
            if srows:  # this book keeps its own id (its audit anchor is keyed by it)
                checked["setting"] = (scols, [r for r in srows
                                              if r[scols.index("key")] != "book_id"])
            db.execute_sql("DELETE FROM setting WHERE key NOT IN ('book_id')")
            if checked["message_template"][1]:  # the export's library, not the starter set
                db.execute_sql("DELETE FROM message_template")
            for n, table in enumerate(BOOK_TABLES):
                columns, rows = checked[table]
                if not columns or not rows:
                    continue
                if table == "audit_entry":
                    _append_trail(columns, rows)
                    counts[table] = len(rows)
                    continue
                for column in _staff_columns(table):
                    if column in columns:
                        i = columns.index(column)
                        for row in rows:
                            if row[i] is not None:
                                if row[i] not in mapping:
                                    raise BookImportError(
                                        translate(
                                        "book_import", "{table}: {column} {value} is not a staff "
                                        "member of the export.").format(
                                        table=table, column=column, value=row[i]))
                                row[i] = mapping[row[i]]
                marks = ",".join("?" * len(columns))
                names = ",".join(f'"{c}"' for c in columns)
                verb = "INSERT OR IGNORE" if table == "setting" else "INSERT"
                db.connection().executemany(
                    f"{verb} INTO {table} ({names}) VALUES ({marks})", rows)
                counts[table] = len(rows)
                if progress is not None and not progress(n + 1, len(BOOK_TABLES) + 1):
                    from crmdesk.services.exporting import ExportCancelled

                    raise ExportCancelled  # Cancel: the transaction is rolled back
            _sound_after_insert()
            # The balance triggers counted every entry again on top of the stored balance.
            db.execute_sql("UPDATE customer SET points_balance = (SELECT coalesce(sum(points), "
                           "0) FROM points_entry WHERE customer_id = customer.id)")
            # Last contact / next follow-up are derived: computed from the rows imported,
            # never taken from the file (a tampered or partial export cannot set them).
            from crmdesk.store import migrations

            for sql in migrations.CONTACT_FIGURES_BACKFILL:
                db.execute_sql(sql)
            ids = [r[0] for r in db.execute_sql("SELECT id FROM customer")]
            search_index.reindex(ids)
            db.execute_sql("INSERT INTO interaction_fts (rowid, subject, notes, outcome) "
                           "SELECT id, subject, notes, outcome FROM interaction")
            audit.record("import", [None], f"whole book {source}".strip()
                         + f": {counts.get('customer', 0):,} customers")
    except BookImportError:
        raise
    except (ValueError, TypeError, OverflowError) as exc:
        raise BookImportError(translate(
            "book_import", "The export holds a value this book refuses: {exc}").format(
            exc=exc)) from None
    except Exception as exc:  # an IntegrityError from a CHECK, UNIQUE or trigger
        if type(exc).__name__ not in ("IntegrityError", "OperationalError", "DataError"):
            raise
        raise BookImportError(translate(
            "book_import", "The export holds a value this book refuses: {exc}").format(
            exc=exc)) from None
    return counts


def _append_trail(columns: list[str], rows: list[list[Any]]) -> None:
    """The export's entries, in order, chained on after this book's own."""
    at = {c: i for i, c in enumerate(columns)}
    head = db.execute_sql("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    prev = head[0] if head else audit.GENESIS
    for row in sorted(rows, key=lambda r: r[at["id"]] or 0):
        entry = {c: row[at[c]] if c in at else None for c in
                 ("at", "who", "action", "customer_id", "detail", "detail_hash", "erased")}
        entry["prev_hash"] = prev
        entry["detail"] = entry["detail"] or ""
        erased = 1 if entry["erased"] else 0
        if not erased:
            entry["detail_hash"] = audit.detail_digest(str(entry["detail"]))
        digest = audit.entry_hash(entry)
        db.execute_sql("INSERT INTO audit_entry (at, who, action, customer_id, detail, "
                       "prev_hash, hash, detail_hash, erased) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (entry["at"], entry["who"], entry["action"], entry["customer_id"],
                        entry["detail"], prev, digest, entry["detail_hash"], erased))
        prev = digest
