"""Privacy rights: everything the book holds about a customer (a JSON + PDF pack), and
forgetting a customer — personal data erased, anonymised aggregates kept so that the
statistics (counts, ledger totals) stay true."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crmdesk.services import access, audit, customers
from crmdesk.services.search_index import fold
from crmdesk.store.db import db
from crmdesk.store.models import utcnow

FORGOTTEN = "Forgotten"
_CHILD_QUERIES = {
    "interactions": "SELECT id, channel, direction, happened_at, duration_min, subject, notes, "
                    "outcome, satisfaction FROM interaction WHERE customer_id = ? ORDER BY "
                    "happened_at",
    "follow_ups": "SELECT id, what, due_at, is_promise, status, completed_at FROM follow_up "
                  "WHERE customer_id = ? ORDER BY due_at",
    "stage_history": "SELECT from_stage, to_stage, changed_at, reason FROM stage_change "
                     "WHERE customer_id = ? ORDER BY changed_at",
    "purchases": "SELECT id, purchased_on, amount_cents, currency, description FROM purchase "
                 "WHERE customer_id = ? ORDER BY purchased_on",
    "points": "SELECT happened_at, kind, points, reward, reason FROM points_entry "
              "WHERE customer_id = ? ORDER BY happened_at, id",
    "audit_trail": "SELECT at, who, action, detail FROM audit_entry WHERE customer_id = ? "
                   "ORDER BY id",
}


def subject_access(cid: int) -> dict[str, Any]:
    """Everything about one customer, as plain JSON-ready data."""
    data = customers.load(cid)
    pack: dict[str, Any] = {
        "customer_id": cid, "exported_at": utcnow().isoformat(),
        "profile": customers.to_json(data),
        "created_at": data.created_at.isoformat() if data.created_at else None,
        "has_photo": customers.photo(cid) is not None,
    }
    for name, sql in _CHILD_QUERIES.items():
        cursor = db.execute_sql(sql, (cid,))
        columns = [c[0] for c in cursor.description]
        pack[name] = [dict(zip(columns, row, strict=True)) for row in cursor]
    return pack


def write_pack(cid: int, folder: Path) -> tuple[Path, Path]:
    """The subject-access pack: `… data.json` and a readable `… data.pdf`, in `folder`."""
    access.require("export")
    access.require_level([cid], access.Level.FULL, "export everything about")
    from crmdesk.reports import statement_batch
    from crmdesk.reports.subject_access_pdf import render_pack
    from crmdesk.services.exporting import atomic_file

    pack = subject_access(cid)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # file names name clients
    stem = statement_batch.safe_stem(f"{pack['profile']['family_name']} "
                                     f"{pack['profile']['given_name']} {cid:06d} data")
    json_path, pdf_path = folder / f"{stem}.json", folder / f"{stem}.pdf"
    with atomic_file(json_path, mode=0o600) as part:
        part.write_text(json.dumps(pack, ensure_ascii=False, indent=2, default=str),
                        encoding="utf-8")
    with atomic_file(pdf_path, mode=0o600) as part:
        render_pack(pack, part)
    audit.record("export", [cid], "subject-access pack (everything held)")
    return json_path, pdf_path


@dataclass
class ForgetReport:
    interactions: int
    purchases: int
    points_balance: int


def forget(cid: int) -> ForgetReport:
    """Erase what identifies the customer, in one transaction. Kept: the customer number,
    segment, stage and relationship type, dates, channels of the interactions, amounts of
    purchases and the points ledger — so counts and totals stay true."""
    access.require("delete")
    access.require_level([cid], access.Level.FULL, "forget")
    stamp = utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
    with db.atomic():
        person = customers.load(cid)  # LookupError when there is none
        _erase_from_audit_trail(cid, person)
        db.execute_sql(
            """UPDATE customer SET given_name = ?, family_name = '', preferred_name = '',
                   salutation = '', birthday = NULL, life_situation = '', interests = '',
                   needs = '', occupation = '', company = '', preferred_channel = '',
                   best_time = '', notes = '', owner_id = NULL, sort_name = ?,
                   archived_at = coalesce(archived_at, ?), updated_at = ?
               WHERE id = ?""", (FORGOTTEN, f"forgotten {cid:09d}", stamp, stamp, cid))
        for table in ("customer_email", "customer_phone", "customer_address",
                      "customer_consent", "customer_tag", "customer_photo",
                      "suggestion_dismissal"):
            db.execute_sql(f"DELETE FROM {table} WHERE customer_id = ?", (cid,))
        db.execute_sql("DELETE FROM customer_fts WHERE rowid = ?", (cid,))
        db.execute_sql("DELETE FROM customer_phone_search WHERE rowid = ?", (cid,))
        ids = [r[0] for r in db.execute_sql("SELECT id FROM interaction WHERE customer_id = ?",
                                            (cid,))]
        db.execute_sql("UPDATE interaction SET subject = '', notes = '', outcome = '' "
                       "WHERE customer_id = ?", (cid,))
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            db.execute_sql(f"DELETE FROM interaction_fts WHERE rowid IN "
                           f"({','.join('?' * len(part))})", part)
        db.execute_sql("UPDATE follow_up SET what = '(forgotten)' WHERE customer_id = ?", (cid,))
        db.execute_sql("UPDATE stage_change SET reason = '' WHERE customer_id = ?", (cid,))
        db.execute_sql("UPDATE purchase SET description = '' WHERE customer_id = ?", (cid,))
        # (An adjustment must keep a reason: it says the text was erased.)
        db.execute_sql("UPDATE points_entry SET reward = '', reason = CASE kind WHEN 'adjust' "
                       "THEN '(erased)' ELSE '' END WHERE customer_id = ?", (cid,))
        # Earlier imports kept the profile as it was before they changed it.
        db.execute_sql("UPDATE import_item SET before_json = NULL WHERE customer_id = ?", (cid,))
        purchases = db.execute_sql("SELECT count(*) FROM purchase WHERE customer_id = ?",
                                   (cid,)).fetchone()[0]
        balance = db.execute_sql("SELECT points_balance FROM customer WHERE id = ?",
                                 (cid,)).fetchone()[0]
        audit.record("forget", [cid], "personal data erased on request")
    return ForgetReport(len(ids), int(purchases), int(balance))


def _words(text: str) -> str:
    """Folded text with every run of other characters as one space, padded with spaces."""
    return " " + " ".join(re.findall(r"[^\W_]+", fold(text))) + " "


def _identifiers(data: customers.CustomerData) -> tuple[list[str], list[str]]:
    """The person's names (as word sequences) and the digits of their phones."""
    given, family, preferred = (n.strip() for n in (data.given_name, data.family_name,
                                                     data.preferred_name))
    names = {f"{a} {b}" for a, b in ((given, family), (family, given), (preferred, family),
                                      (family, preferred)) if a and b}
    names |= {p.value.split("@")[0] for p in data.emails if len(p.value.split("@")[0]) >= 4}
    names |= {p.value for p in data.emails}
    words = [w for w in (_words(n) for n in names) if w.strip()]
    digits = ["".join(ch for ch in p.value if ch.isdigit()) for p in data.phones]
    return words, [d[-9:] for d in digits if len(d) >= 6]


def _erase_from_audit_trail(cid: int, data: customers.CustomerData) -> int:
    """Blank the detail of every audit entry that names the person (a file named after
    them, an address, a phone): the entry stays, marked erased, and the chain still
    verifies (it covers a digest of the detail, not the text)."""
    words, digits = _identifiers(data)
    if not words and not digits:
        return 0
    erase = []
    for entry_id, detail in db.execute_sql(
            "SELECT id, detail FROM audit_entry WHERE detail != '' AND erased = 0 "
            "AND detail_hash IS NOT NULL"):
        folded = _words(detail)
        plain = "".join(ch for ch in detail if ch.isdigit())
        if any(w in folded for w in words) or any(d in plain for d in digits):
            erase.append(entry_id)
    for start in range(0, len(erase), 500):
        part = erase[start:start + 500]
        db.execute_sql(f"UPDATE audit_entry SET detail = '', erased = 1 WHERE id IN "
                       f"({','.join('?' * len(part))})", part)
    return len(erase)


def purge_freed_space() -> None:
    """Rewrite the file so that erased data does not linger: the search indexes keep deleted
    words in older segments until they are merged, then free pages and the journal."""
    db.execute_sql("INSERT INTO customer_fts(customer_fts) VALUES('optimize')")
    db.execute_sql("INSERT INTO interaction_fts(interaction_fts) VALUES('optimize')")
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute_sql("VACUUM")
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def age(when: dt.datetime | None) -> str:
    return when.isoformat() if when else ""
