"""An import: first a preview (new / updated / probable duplicate / rejected, with reasons),
then one transaction that can be undone as a whole afterwards.

New customers are written in bulk (plain INSERTs and the search index rows built here), not
one `customers.create` at a time: that is what makes 100,000 rows take seconds.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from crmdesk.services import access, audit, catalog, customers, search_index, texts
from crmdesk.services.customers import ContactPoint, CustomerData
from crmdesk.services.importing.contact import ImportedContact
from crmdesk.services.importing.speed import without_gc
from crmdesk.services.phone_fast import fast_e164
from crmdesk.services.search_index import fold
from crmdesk.services.texts import translate
from crmdesk.services.validation import InvalidValue, normalise_email, normalise_phone
from crmdesk.store.db import db
from crmdesk.store.models import utcnow

Progress = Callable[[int, int], bool]
importing = texts.Context("importing")  # the plurals (see services/texts.py)

NEW, UPDATE, DUPLICATE, REJECTED = "new", "update", "duplicate", "rejected"
KIND_LABELS = {NEW: "New", UPDATE: "Updates a customer", DUPLICATE: "Probable duplicate",
               REJECTED: "Rejected"}
# A plain ASCII address is checked here in a microsecond; anything else goes to
# email-validator (IDNA, quoted local parts, ...), which takes ~25 µs.
_PLAIN_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")


class ImportCancelled(Exception):
    """The person pressed Cancel: nothing was written."""


@dataclass
class PlanRow:
    contact: ImportedContact
    kind: str
    reason: str = ""
    match_id: int | None = None
    clean: CustomerData | None = None
    include: bool = True

    @property
    def warnings(self) -> list[str]:
        dropped = self.contact.dropped
        if not dropped:
            return self.contact.warnings
        shown = ", ".join(dropped[:8]) + ("…" if len(dropped) > 8 else "")
        return [*self.contact.warnings,
                translate("importing", "not kept: {fields}").format(fields=shown)]


@dataclass
class ImportPlan:
    source: str
    rows: list[PlanRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the file: encoding, skipped lines

    def count(self, kind: str) -> int:
        return sum(1 for r in self.rows if r.kind == kind)

    def summary(self) -> dict[str, int]:
        return {kind: self.count(kind) for kind in (NEW, UPDATE, DUPLICATE, REJECTED)}

    def dropped(self) -> dict[str, int]:
        """What the file held that the book does not keep, and in how many cards or rows."""
        counts: dict[str, int] = {}
        for row in self.rows:
            for what in row.contact.dropped:
                counts[what] = counts.get(what, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass
class ImportResult:
    import_id: int
    created: int
    updated: int
    skipped: int


def clean_phone(text: str, region: str) -> str:
    """E.164 for an imported number: the book's one phone rule, the profile's too
    (validation.normalise_phone), so whatever an import accepts can be saved again.
    What fails is kept as written. Plain numbers take phone_fast's path (the same answer
    in a seventh of the time); the others, and every refusal, go through the rule itself."""
    return fast_e164(text, region) or normalise_phone(text, region)


def clean_email(value: str) -> str:
    value = value.strip()
    if len(value) <= 254 and _PLAIN_EMAIL.match(value):
        local, domain = value.rsplit("@", 1)
        return f"{local}@{domain.lower()}"
    return normalise_email(value)


_ODD_SPACE = re.compile(r"\s\s|[^\S ]")  # two spaces running, or a tab, NBSP, newline…


def _squeeze(text: str) -> str:
    """Runs of white space as one space, ends trimmed, at most 200 characters."""
    if not text:
        return text
    if text == text.strip() and not _ODD_SPACE.search(text):
        return text[:200]  # nearly always: nothing to squeeze
    return " ".join(text.split())[:200]


def normalise(contact: ImportedContact, region: str,
              languages: frozenset[str] | None = None) -> CustomerData:
    """The contact as it will be stored. A value that does not check out is kept as typed
    (the profile shows what is wrong when it is next edited) and reported. The contact's
    own data is normalised in place (it belongs to this import)."""
    data = contact.data
    data.given_name = _squeeze(data.given_name)
    data.family_name = _squeeze(data.family_name)
    data.preferred_name = _squeeze(data.preferred_name)
    data.company = _squeeze(data.company)
    data.occupation = _squeeze(data.occupation)
    data.segment = _squeeze(data.segment)
    if languages is None:
        languages = frozenset(k for k, _ in catalog.LANGUAGES)
    if data.language not in languages:
        data.language = "en"
    emails: list[ContactPoint] = []
    taken: set[str] = set()
    for point in data.emails:
        try:
            value = clean_email(point.value)
        except InvalidValue:
            value = point.value.strip()[:254]
            contact.warnings.append(translate(
                "importing", "e-mail “{value}” does not look valid: kept as written").format(
                value=value))
        key = value.casefold()
        if key not in taken:
            taken.add(key)
            emails.append(ContactPoint(point.label or "home", value))
    phones: list[ContactPoint] = []
    numbers: set[str] = set()
    for point in data.phones:
        try:
            value = clean_phone(point.value, region)
        except InvalidValue:
            value = point.value.strip()[:40]
            contact.warnings.append(translate(
                "importing", "phone “{value}” is not a valid number (region {region}): kept as "
                "written").format(value=value, region=region))
        if value not in numbers:
            numbers.add(value)
            phones.append(ContactPoint(point.label or "mobile", value))
    data.emails, data.phones = emails, phones
    if contact.organisation:
        data.kind = "organisation"
        data.company = data.company or data.given_name
    if data.tags:
        data.tags = list(dict.fromkeys(t for t in data.tags if t))
    if len(contact.warnings) > 1:
        contact.warnings[:] = list(dict.fromkeys(contact.warnings))
    return data


def _name_key(data: CustomerData) -> str:
    return f"{fold(data.given_name)}|{fold(data.family_name)}"


def _book_keys() -> tuple[dict[str, int], dict[str, int], dict[str, int], set[int]]:
    emails = {k: cid for k, cid in db.execute_sql(
        "SELECT address_key, customer_id FROM customer_email")}
    phones = {n: cid for n, cid in db.execute_sql("SELECT e164, customer_id FROM customer_phone")}
    names: dict[str, int] = {}
    archived: set[int] = set()
    for cid, given, family, archived_at in db.execute_sql(
            "SELECT id, given_name, family_name, archived_at FROM customer"):
        names.setdefault(f"{fold(given)}|{fold(family)}", cid)
        if archived_at is not None:
            archived.add(cid)
    return emails, phones, names, archived


@without_gc
def plan(contacts: list[ImportedContact], source: str, region: str,
         progress: Progress | None = None) -> ImportPlan:
    """Sort every contact into new / update / probable duplicate / rejected."""
    result = ImportPlan(source)
    emails, phones, names, archived = _book_keys()
    seen_emails: dict[str, int] = {}
    seen_phones: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    languages = frozenset(k for k, _ in catalog.LANGUAGES)
    for n, contact in enumerate(contacts):
        if progress is not None and n % 2000 == 0 and not progress(n, len(contacts)):
            raise ImportCancelled
        if contact.error:
            result.rows.append(PlanRow(contact, REJECTED, contact.error, include=False))
            continue
        clean = normalise(contact, region, languages)
        row = PlanRow(contact, NEW, clean=clean)
        keys = [e.value.casefold() for e in clean.emails]
        match = next((emails[k] for k in keys if k in emails), None)
        earlier = next((seen_emails[k] for k in keys if k in seen_emails), None)
        name_key = ""  # (worked out below for every row that can be new)
        if match is not None:
            if match in archived:
                row.kind, row.reason = DUPLICATE, translate(
                    "importing", "same e-mail as customer {id} (in the Trash)").format(id=match)
            else:
                row.kind, row.reason = UPDATE, translate(
                    "importing", "same e-mail as customer {id}").format(id=match)
            row.match_id = match
        elif earlier is not None:
            row.kind, row.reason = DUPLICATE, translate(
                "importing", "same e-mail as {source}").format(source=contacts[earlier].source)
        else:
            phone = next((p.value for p in clean.phones
                          if p.value in phones or p.value in seen_phones), None)
            name_key = _name_key(clean)
            if phone is not None and phone in phones:
                row.kind, row.match_id = DUPLICATE, phones[phone]
                row.reason = translate("importing", "same phone as customer {id}").format(
                    id=phones[phone])
            elif phone is not None:
                row.kind = DUPLICATE
                row.reason = translate("importing", "same phone as {source}").format(
                    source=contacts[seen_phones[phone]].source)
            elif name_key in names:
                row.kind, row.match_id = DUPLICATE, names[name_key]
                row.reason = translate("importing", "same name as customer {id}").format(
                    id=names[name_key])
            elif name_key in seen_names:
                row.kind = DUPLICATE
                row.reason = translate("importing", "same name as {source}").format(
                    source=contacts[seen_names[name_key]].source)
        row.include = row.kind in (NEW, UPDATE)
        if row.kind == NEW:
            for k in keys:
                seen_emails.setdefault(k, n)
            for p in clean.phones:
                seen_phones.setdefault(p.value, n)
            seen_names.setdefault(name_key, n)
        result.rows.append(row)
    if progress is not None:
        progress(len(contacts), len(contacts))
    return result


# --- writing ------------------------------------------------------------------------------
@without_gc
def apply(import_plan: ImportPlan, progress: Progress | None = None,
          now: dt.datetime | None = None) -> ImportResult:
    """Write the included rows in one transaction (nothing is kept when cancelled)."""
    access.require("import")
    now = now or utcnow()
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    fresh = [r for r in import_plan.rows if r.include and r.clean is not None
             and (r.kind in (NEW, DUPLICATE) or r.match_id is None)]
    updates = [r for r in import_plan.rows if r.include and r.clean is not None
               and r.kind == UPDATE and r.match_id is not None]
    total = len(fresh) + len(updates)
    with db.atomic() as txn:
        conn = db.connection()
        import_id = conn.execute(
            "INSERT INTO import_batch (source, created_at) VALUES (?, ?)",
            (import_plan.source, stamp)).lastrowid
        first = conn.execute("SELECT coalesce(max(id), 0) FROM customer").fetchone()[0] + 1
        if len(fresh) > 10_000:  # one merge at the end beats thousands along the way
            conn.execute("INSERT INTO customer_fts(customer_fts, rank) VALUES('automerge', 0)")
        chunk = 5000
        set_aside = _set_counting_triggers_aside(conn) if len(fresh) >= BULK_COUNT else []
        indexes = _set_indexes_aside(conn, len(fresh), first - 1)
        for start in range(0, len(fresh), chunk):
            _insert_new(conn, fresh[start:start + chunk], first + start, import_id, stamp)
            if progress is not None and not progress(start + chunk, total):
                txn.rollback()  # the triggers and indexes set aside come back with the rest
                raise ImportCancelled
        _put_indexes_back(conn, indexes)
        _put_counting_triggers_back(conn, set_aside, first, len(fresh))
        for n, row in enumerate(updates):
            assert row.match_id is not None and row.clean is not None
            _merge_into(row.match_id, row.clean, row.contact, import_id, stamp)
            if progress is not None and n % 200 == 0 and \
                    not progress(len(fresh) + n, total):
                txn.rollback()
                raise ImportCancelled
        if fresh:
            link_contact_persons(conn, first, first + len(fresh) - 1)
        conn.execute("UPDATE import_batch SET created = ?, updated = ? WHERE id = ?",
                     (len(fresh), len(updates), import_id))
        audit.record("import", [None], f"{import_plan.source}: {len(fresh)} created, "
                     f"{len(updates)} updated (import {import_id})")
        if len(fresh) > 10_000:
            conn.execute("INSERT INTO customer_fts(customer_fts, rank) VALUES('automerge', 4)")
            conn.execute("INSERT INTO customer_fts(customer_fts, rank) VALUES('merge', 500)")
    return ImportResult(int(import_id), len(fresh), len(updates),
                        len(import_plan.rows) - total)


# AFTER INSERT triggers on customer that only count rows (the figures' change counter, the
# customer count): an import of 100,000 fires each 100,000 times, which was 3/4 of the time
# spent writing the customer rows (2.8 s → 0.6 s for 20,000, measured). A large import sets
# them aside inside its own write transaction (no other process can write meanwhile), adds
# their sum once, and puts them back before it commits; a rollback or a cancel restores
# them with everything else. A trigger whose text is not exactly the one known here (a
# later migration changed it) is left to fire row by row.
BULK_COUNT = 1_000
_COUNTING_TRIGGERS = {
    "customer_counted_insert": (
        "UPDATE change_counter SET n = n + 1 WHERE name = 'customer+';",
        "UPDATE change_counter SET n = n + :rows WHERE name = 'customer+'"),
    "customer_names_insert": (
        "UPDATE change_counter SET n = n + 1 WHERE name = 'customer_names';",
        "UPDATE change_counter SET n = n + :rows WHERE name = 'customer_names'"),
    "customer_count_insert": (
        "UPDATE customer_count SET n = n + 1 WHERE archived = (NEW.archived_at IS NOT NULL);",
        "UPDATE customer_count SET n = n + :rows WHERE archived = 0"),  # never archived
    # (the board's column counts, book schema 24: an upsert a row, 1.1 s of 100,000)
    "stage_count_insert": (
        "INSERT INTO stage_count (stage, n) SELECT coalesce(NEW.stage, ''), 1 "
        "WHERE NEW.archived_at IS NULL ON CONFLICT (stage) DO UPDATE SET n = n + 1;",
        "INSERT INTO stage_count (stage, n) SELECT coalesce(stage, ''), count(*) FROM customer "
        "WHERE id BETWEEN :first AND :last AND archived_at IS NULL GROUP BY 1 "
        "ON CONFLICT (stage) DO UPDATE SET n = n + excluded.n"),
}


def _set_counting_triggers_aside(conn: Any) -> list[tuple[str, str]]:
    """Drop the known counting triggers (in the open transaction); their (name, SQL)."""
    aside = []
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                  "AND tbl_name = 'customer'").fetchall():
        known = _COUNTING_TRIGGERS.get(name)
        if known is None or " ".join(str(sql).split()) != (
                f"CREATE TRIGGER {name} AFTER INSERT ON customer BEGIN {known[0]} END"):
            continue
        conn.execute(f'DROP TRIGGER "{name}"')
        aside.append((name, str(sql)))
    return aside


# The tables a large import fills, and their indexes (14 on customer): each row inserted
# updates every index at a random place, ~40 µs a customer (measured: 100,000 customers
# 4.7 s with the indexes, 0.4 s without, and 0.5 s to build them again once at the end). An
# import at least as large as what the book holds sets the indexes aside inside its own
# write transaction and builds them again, from their own SQL, before anything reads them
# (the updates, the contact persons, the commit); a cancel or a failure rolls them back
# with the rest. (Building an index reads the whole table, so a small import into a large
# book keeps them.) The indexes SQLite makes for UNIQUE and PRIMARY KEY stay.
BULK_INDEXES = 5_000
_INDEXED_TABLES = ("customer", "customer_email", "customer_phone", "customer_address",
                   "customer_tag", "import_item")


def _set_indexes_aside(conn: Any, rows: int, existing_max_id: int) -> list[tuple[str, str]]:
    if rows < BULK_INDEXES:
        return []
    held = conn.execute("SELECT count(*) FROM customer").fetchone()[0] if existing_max_id else 0
    if held > rows:
        return []
    marks = ",".join("?" * len(_INDEXED_TABLES))
    aside = [(str(name), str(sql)) for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name", _INDEXED_TABLES).fetchall()]
    for name, _sql in aside:
        conn.execute(f'DROP INDEX "{name}"')
    return aside


def _put_indexes_back(conn: Any, aside: list[tuple[str, str]]) -> None:
    for _name, sql in aside:
        conn.execute(sql)


def _put_counting_triggers_back(conn: Any, aside: list[tuple[str, str]], first: int,
                                rows: int) -> None:
    """Add what the triggers set aside would have counted for the `rows` customers imported
    from id `first` on, and put them back."""
    figures = {"rows": rows, "first": first, "last": first + rows - 1}
    for name, sql in aside:
        conn.execute(_COUNTING_TRIGGERS[name][1], figures)
        conn.execute(sql)


def link_contact_persons(conn: Any, first: int, last: int) -> None:
    """People just imported whose company is an organisation client of the book (imported
    now or before) become its contact persons; and people already in the book whose
    company is an organisation just imported. Names are compared without case.

    Matched in Python over one read of the organisations: a correlated subquery per person
    scanned the whole table for each of them (customer.kind has no index), 7 s for 5,000
    rows and most of an hour for 100,000."""
    orgs: dict[str, int] = {}
    for oid, company in conn.execute(
            "SELECT id, company FROM customer WHERE kind = 'organisation' "
            "AND archived_at IS NULL AND company != '' ORDER BY id"):
        orgs.setdefault(company.casefold(), int(oid))
    if not orgs:
        return
    new_orgs = {str(r[0]).casefold() for r in conn.execute(
        "SELECT company FROM customer WHERE kind = 'organisation' AND id BETWEEN ? AND ?",
        (first, last))}
    where = "" if new_orgs else " AND id BETWEEN ? AND ?"
    links = []
    for pid, company in conn.execute(
            "SELECT id, company FROM customer WHERE kind = 'person' AND organisation_id IS NULL "
            f"AND company != ''{where}", () if new_orgs else (first, last)):
        key = company.casefold()
        oid = orgs.get(key)
        if oid is not None and (first <= pid <= last or key in new_orgs):
            links.append((oid, pid))
    conn.executemany("UPDATE customer SET organisation_id = ? WHERE id = ?", links)


def _insert_new(conn: Any, rows: list[PlanRow], first_id: int, import_id: int,
                stamp: str) -> None:
    customer_rows, emails, phones, addresses, tags, photos, fts, items = ([] for _ in range(8))
    phone_search: list[tuple[int, str]] = []
    tokens = search_index.phone_tokens
    for offset, row in enumerate(rows):
        cid = first_id + offset
        d = row.clean
        assert d is not None
        customer_rows.append((
            cid, d.given_name, d.family_name, d.preferred_name, d.salutation, d.address_form,
            d.birthday.isoformat() if d.birthday else None, d.occupation, d.company,
            d.language, d.segment, d.notes, d.stage, d.relationship_type,
            search_index.sort_name(d.given_name, d.family_name), stamp, stamp, stamp,
            d.life_situation, d.kind))
        emails += [(cid, p.label, p.value, p.value.casefold(), i) for i, p in enumerate(d.emails)]
        phones += [(cid, p.label, p.value, i) for i, p in enumerate(d.phones)]
        addresses += [(cid, a.label, a.street, a.city, a.region, a.postcode, a.country, i)
                      for i, a in enumerate(d.addresses)]
        tags += [(cid, t) for t in d.tags]
        if row.contact.photo:
            photos.append((cid, row.contact.photo_mime, row.contact.photo))
        phone_text = " ".join(tokens(p.value) for p in d.phones)
        if phone_text:
            phone_search.append((cid, phone_text))
        fts.append((cid, f"{d.given_name} {d.family_name} {d.preferred_name}",
                    " ".join(p.value for p in d.emails),
                    phone_text,
                    f"{d.occupation} {d.company}", " ".join(d.tags), d.notes))
        items.append((import_id, cid, "new"))
    conn.executemany(
        """INSERT INTO customer (id, given_name, family_name, preferred_name, salutation,
           address_form, birthday, occupation, company, language, segment, notes, stage,
           relationship_type, sort_name, created_at, updated_at, stage_since, life_situation,
           kind) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", customer_rows)
    conn.executemany("INSERT INTO customer_email (customer_id, label, address, address_key, "
                     "position) VALUES (?,?,?,?,?)", emails)
    conn.executemany("INSERT INTO customer_phone (customer_id, label, e164, position) "
                     "VALUES (?,?,?,?)", phones)
    conn.executemany("INSERT INTO customer_address (customer_id, label, street, city, region, "
                     "postcode, country, position) VALUES (?,?,?,?,?,?,?,?)", addresses)
    conn.executemany("INSERT OR IGNORE INTO customer_tag (customer_id, tag) VALUES (?,?)", tags)
    conn.executemany("INSERT INTO customer_photo (customer_id, mime, data) VALUES (?,?,?)",
                     photos)
    # A search row left behind by a customer deleted outside crmdesk must not block the id.
    # (Nearly always there is none: FTS5 finds the largest rowid at once, and a range
    # delete costs ~10 ms per 5,000 ids.)
    last_id = first_id + len(rows) - 1
    if (conn.execute("SELECT coalesce(max(rowid), 0) FROM customer_fts").fetchone()[0]
            >= first_id):
        conn.execute("DELETE FROM customer_fts WHERE rowid BETWEEN ? AND ?",
                     (first_id, last_id))
    conn.executemany("INSERT INTO customer_fts (rowid, name, emails, phones, company, tags, "
                     "notes) VALUES (?,?,?,?,?,?,?)", fts)
    if (conn.execute("SELECT coalesce(max(rowid), 0) FROM customer_phone_search"
                     ).fetchone()[0] >= first_id):
        conn.execute("DELETE FROM customer_phone_search WHERE rowid BETWEEN ? AND ?",
                     (first_id, last_id))
    conn.executemany("INSERT INTO customer_phone_search (rowid, digits) VALUES (?, ?)",
                     phone_search)
    conn.executemany("INSERT INTO import_item (import_id, customer_id, action) VALUES (?,?,?)",
                     items)


def _merge_into(cid: int, new: CustomerData, contact: ImportedContact, import_id: int,
                stamp: str) -> None:
    """Fill what the customer's profile lacks; nothing already there is overwritten."""
    before = customers.load(cid)
    merged = replace(before)
    for name in ("preferred_name", "salutation", "company", "occupation", "segment"):
        if not getattr(merged, name) and getattr(new, name):
            setattr(merged, name, getattr(new, name))
    if merged.birthday is None:
        merged.birthday = new.birthday
    if new.notes and new.notes not in merged.notes:
        merged.notes = "\n\n".join(p for p in (merged.notes, new.notes) if p)
    if new.life_situation and new.life_situation not in merged.life_situation:
        merged.life_situation = "\n".join(
            p for p in (merged.life_situation, new.life_situation) if p)
    have = {e.value.casefold() for e in merged.emails}
    merged.emails += [e for e in new.emails if e.value.casefold() not in have]
    have = {p.value for p in merged.phones}
    merged.phones += [p for p in new.phones if p.value not in have]
    merged.addresses += [a for a in new.addresses if a not in merged.addresses]
    merged.tags = list(dict.fromkeys([*merged.tags, *new.tags]))
    customers.write_unchecked(cid, merged)
    if contact.photo and db.execute_sql("SELECT 1 FROM customer_photo WHERE customer_id = ?",
                                        (cid,)).fetchone() is None:
        db.execute_sql("INSERT INTO customer_photo (customer_id, mime, data) VALUES (?,?,?)",
                       (cid, contact.photo_mime, contact.photo))
    updated_at = db.execute_sql("SELECT updated_at FROM customer WHERE id = ?",
                                (cid,)).fetchone()[0]
    db.execute_sql("INSERT OR REPLACE INTO import_item (import_id, customer_id, action, "
                   "before_json, after_updated_at) VALUES (?, ?, 'updated', ?, ?)",
                   (import_id, cid, json.dumps(customers.to_json(before), ensure_ascii=False),
                    updated_at))
    del stamp


# --- undo ---------------------------------------------------------------------------------
@dataclass
class UndoReport:
    removed: int = 0
    to_trash: int = 0
    restored: int = 0
    kept: list[str] = field(default_factory=list)


@dataclass
class ImportInfo:
    id: int
    source: str
    created_at: dt.datetime
    created: int
    updated: int
    undone: bool

    @property
    def title(self) -> str:
        count = self.created + self.updated
        return importing.tr("import of {source}, {count} customer(s)", "", count).format(
            source=self.source, count=texts.integer(count))


def imports(include_undone: bool = False) -> list[ImportInfo]:
    where = "" if include_undone else "WHERE undone_at IS NULL"
    return [ImportInfo(r[0], r[1], dt.datetime.fromisoformat(r[2].replace("Z", "+00:00")),
                       r[3], r[4], r[5] is not None)
            for r in db.execute_sql(f"SELECT id, source, created_at, created, updated, "
                                    f"undone_at FROM import_batch {where} ORDER BY id DESC")]


_ATTACHED = ("interaction", "follow_up", "purchase", "points_entry", "stage_change")


def undo_import(import_id: int) -> UndoReport:
    """Take an import back as a whole, in one transaction. Customers created by it are
    deleted — or moved to the Trash when something was recorded for them since (or, in an
    office book, once they reached the hub); customers it updated get their earlier
    profile back unless they were edited since."""
    from crmdesk.services import sync

    access.require("import")
    report = UndoReport()
    with db.atomic():
        row = db.execute_sql("SELECT undone_at FROM import_batch WHERE id = ?",
                             (import_id,)).fetchone()
        if row is None:
            raise LookupError(translate("importing", "There is no import {id}.").format(
                id=import_id))
        if row[0] is not None:
            raise LookupError(translate("importing", "This import was already undone."))
        items = db.execute_sql("SELECT customer_id, action, before_json, after_updated_at "
                               "FROM import_item WHERE import_id = ?", (import_id,)).fetchall()
        delete: list[int] = []
        trash: list[int] = []
        for cid, action, before_json, after_updated_at in items:
            if action == "new":
                attached = any(db.execute_sql(
                    f"SELECT 1 FROM {table} WHERE customer_id = ? LIMIT 1", (cid,)).fetchone()
                    for table in _ATTACHED)
                # (A customer an office book already sent to the hub may have been
                # written to on another laptop since: to the Trash, never deleted.)
                (trash if attached or sync.pushed("customer", cid) else delete).append(cid)
            else:
                current = db.execute_sql("SELECT updated_at FROM customer WHERE id = ?",
                                         (cid,)).fetchone()
                if current and current[0] == after_updated_at:
                    customers.write_unchecked(cid, customers.from_json(json.loads(before_json)))
                    report.restored += 1
                else:
                    report.kept.append(translate(
                        "importing", "customer {id} was edited after the import: kept").format(
                        id=cid))
        for start in range(0, len(delete), 500):
            part = delete[start:start + 500]
            marks = ",".join("?" * len(part))
            db.execute_sql(f"DELETE FROM customer_fts WHERE rowid IN ({marks})", part)
            db.execute_sql(f"DELETE FROM customer_phone_search WHERE rowid IN ({marks})", part)
            db.execute_sql(f"DELETE FROM customer WHERE id IN ({marks})", part)
        if trash:
            customers.set_archived(trash, True)
        report.removed, report.to_trash = len(delete), len(trash)
        db.execute_sql("UPDATE import_batch SET undone_at = ? WHERE id = ?",
                       (utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"), import_id))
        audit.record("change", [None], f"import {import_id} undone: {len(delete)} removed, "
                     f"{len(trash)} to the Trash, {report.restored} restored")
    return report
