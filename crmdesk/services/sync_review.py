"""Settling sync conflicts in a way that can be taken back (the window's Undo).

`settle` is `sync.resolve` (the very call `crmdesk conflicts resolve` makes) plus a note of
what the field held before, so that `unsettle` can write it back and reopen the conflict.
Both are ordinary local writes: the capture triggers send them on the next sync, so the
reopened conflict and the restored value reach every replica like any other edit."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from crmdesk.services import sync
from crmdesk.services.sync_spec import HUB_KINDS
from crmdesk.services.texts import translate
from crmdesk.store.db import db


@dataclass
class Settled:
    conflict: sync.Conflict
    keep: str
    table: str
    row_uid: str
    column: str
    before: Any  # the field's local value before settling (a row: its values; None: absent)
    existed: bool


def explain(con: sync.Conflict) -> str:
    """One sentence for people: what happened and what the book holds now."""
    who_other = con.other_by or "another device"
    who_kept = con.kept_by or "another device"
    if con.reason.startswith("overdrawn"):
        return (f"Points were redeemed on two devices while offline and the balance went "
                f"below zero ({con.reason}); both redemptions happened, so both are kept.")
    if con.reason:
        return (f"The hub refused {who_other}'s change: {con.reason.rstrip('.')}. "
                "The book holds the value the hub kept.")
    return (f"{who_kept} and {who_other} changed this at about the same time; the later "
            f"change ({who_kept}'s) is in the book, the other is kept here for you to choose.")


def _current(table_name: str, row_uid: str, column: str) -> tuple[Any, bool]:
    table = HUB_KINDS_BY_TABLE.get(table_name)
    if table is None:
        return None, False
    cols = list(table.columns) if column in ("*", "_del") else [column]
    if any(c not in table.columns for c in cols):
        return None, False
    row = db.execute_sql(f"SELECT {', '.join(cols)} FROM {table_name} WHERE uid = ?",
                         (row_uid,)).fetchone()
    if row is None:
        return None, False
    if column in ("*", "_del"):
        return dict(zip(cols, row, strict=True)), True
    return row[0], True


HUB_KINDS_BY_TABLE = {t.name: t for t, _p in HUB_KINDS.values()}


def settle(conflict_id: int, keep: str) -> Settled:
    """Keep 'mine' or 'theirs' (the same call as `crmdesk conflicts resolve`)."""
    row = db.execute_sql("SELECT kind, row_uid, col FROM sync_conflict WHERE id = ?",
                         (conflict_id,)).fetchone()
    if row is None:
        raise sync.SyncError(translate(
            "sync_review", "There is no conflict {conflict_id}.").format(conflict_id=conflict_id))
    kind, row_uid, col = row
    table = HUB_KINDS[kind][0].name if kind in HUB_KINDS else str(kind).split(".")[0]
    before, existed = _current(table, row_uid, col)
    con = sync.resolve(conflict_id, keep)
    if table == "customer":
        _reindex(row_uid)
    return Settled(con, keep, table, row_uid, col, before, existed)


def _reindex(customer_uid: str) -> None:
    from crmdesk.services import search_index

    found = db.execute_sql("SELECT id FROM customer WHERE uid = ?",
                           (customer_uid,)).fetchone()
    if found:
        search_index.reindex([int(found[0])])


def unsettle(done: Settled) -> None:
    """Undo a `settle`: the field holds again what it held, the conflict is open again."""
    table = HUB_KINDS_BY_TABLE.get(done.table)
    with db.atomic():
        if table is not None and done.existed:
            now, still = _current(done.table, done.row_uid, done.column)
            if still and now != done.before:
                values = done.before if isinstance(done.before, dict) else \
                    {done.column: done.before}
                sets = ", ".join(f"{c} = ?" for c in values)
                db.execute_sql(f"UPDATE {done.table} SET {sets} WHERE uid = ?",
                               [*values.values(), done.row_uid])
        db.execute_sql("UPDATE sync_conflict SET resolved_at = NULL, resolution = NULL "
                       "WHERE id = ?", (done.conflict.id,))
    if done.table == "customer":
        _reindex(done.row_uid)


def shown(value: Any) -> str:
    """A value as the dialog shows it."""
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "deleted" if value else "present"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items() if k != "_del" and v
                         not in (None, "")) or "(row)"
    if isinstance(value, list | tuple):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
