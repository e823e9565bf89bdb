"""The customer lifecycle: stages (named and ordered by the book's settings), every move
recorded, the board's columns, time in stage, the funnel report and suggestions."""

from __future__ import annotations

import datetime as dt
import json
import statistics
from dataclasses import dataclass, replace
from typing import Any

from crmdesk.services import (
    access,
    audit,
    catalog,
    customer_query,
    loyalty_ledger,
    loyalty_programme,
    settings,
)
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.services.texts import translate
from crmdesk.store import migration_funnel, migration_stage_counts
from crmdesk.store.db import db, on_two_connections
from crmdesk.store.models import utcnow

REACTIVATION_DAYS = 180


def _ts(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


# --- stages ---------------------------------------------------------------------------------
_cache: dict[str, Any] = {}


def stages() -> list[tuple[str, str]]:
    """(key, label) in board order. Keys are fixed; labels and order come from settings
    (read once per open book: lists and cards ask for labels all the time)."""
    if _cache.get("book") == id(db.obj):
        return list(_cache["stages"])
    text = settings.get("stages", "")
    ordered = list(catalog.STAGES)
    if text:
        known = dict(catalog.STAGES)
        stored = [(str(k), str(v)) for k, v in json.loads(text)]
        ordered = [(k, v or known[k]) for k, v in stored if k in known]
        ordered += [(k, v) for k, v in catalog.STAGES if k not in dict(ordered)]
    _cache.update(book=id(db.obj), stages=ordered)
    return list(ordered)


def set_stages(ordered: list[tuple[str, str]]) -> None:
    """Rename and/or reorder the stages (every default key must appear once)."""
    access.require("settings")
    keys = [k for k, _ in ordered]
    if sorted(keys) != sorted(catalog.STAGE_LABELS):
        raise ValueError(translate("lifecycle", "Every stage must appear exactly once."))
    clean = []
    for key, label in ordered:
        label = " ".join(label.split())
        if not label:
            raise ValueError(translate("lifecycle", "A stage needs a name."))
        clean.append((key, label))
    if len({label.casefold() for _, label in clean}) != len(clean):
        raise ValueError(translate("lifecycle", "Two stages have the same name."))
    settings.put("stages", json.dumps(clean, ensure_ascii=False))
    _cache.clear()


def stage_label(key: str) -> str:
    return dict(stages()).get(key, key)


def neighbour(key: str, step: int) -> str | None:
    """The stage `step` places after (or before, if negative) `key` on the board."""
    keys = [k for k, _ in stages()]
    index = keys.index(key) + step
    return keys[index] if 0 <= index < len(keys) else None


# --- moves ----------------------------------------------------------------------------------
@dataclass
class Move:
    customer_id: int
    from_stage: str
    from_since: str | None
    to_stage: str
    change_id: int


def record_change(cid: int, from_stage: str, to_stage: str, staff_id: int | None,
                  reason: str, when: dt.datetime | None = None) -> int:
    """Write one stage change and the customer's new stage (inside the caller's transaction)."""
    moment = when or utcnow()
    stamp = _ts(moment)
    since = db.execute_sql("SELECT coalesce(stage_since, created_at) FROM customer "
                           "WHERE id = ?", (cid,)).fetchone()
    stay = int((moment - _parse(since[0])).total_seconds()) if since and since[0] else None
    db.execute_sql("UPDATE customer SET stage = ?, stage_since = ?, updated_at = ? "
                   "WHERE id = ?", (to_stage, stamp, stamp, cid))
    cursor = db.execute_sql(
        "INSERT INTO stage_change (customer_id, from_stage, to_stage, changed_at, from_since, "
        "stay_seconds, staff_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (cid, from_stage, to_stage, stamp, since[0] if since else None, stay, staff_id,
         " ".join(reason.split())))
    return int(cursor.lastrowid)


def move(ids: list[int], to_stage: str, staff_id: int | None = None,
         reason: str = "") -> list[Move]:
    """Move customers to `to_stage` in one transaction; those already there are skipped."""
    if to_stage not in catalog.STAGE_LABELS:
        raise ValueError(translate(
            "lifecycle", "Unknown stage “{to_stage}” (one of: {value}).").format(
            to_stage=to_stage, value=', '.join((k for k, _ in stages()))))
    staff_id = access.own_name(staff_id)
    moves = []
    with db.atomic():
        for cid in ids:
            row = db.execute_sql("SELECT stage, stage_since FROM customer WHERE id = ?",
                                 (cid,)).fetchone()
            if row is None:
                raise LookupError(translate(
                    "lifecycle", "Customer {cid} does not exist.").format(cid=cid))
            if row[0] == to_stage:
                continue
            change = record_change(cid, row[0], to_stage, staff_id, reason)
            moves.append(Move(cid, row[0], row[1], to_stage, change))
        for m in moves:
            audit.record("change", [m.customer_id], f"stage {m.from_stage} → {to_stage}")
    return moves


UNDO_REASON = "undo"


def undo_moves(moves: list[Move]) -> None:
    """Put customers back where they were; the undone moves leave no history — unless an
    office book already sent a move to the hub (colleagues' books hold it): then the undo
    is a move back, recorded as such (a compensating event; nobody's history loses a row)."""
    from crmdesk.services import sync

    with db.atomic():
        for m in moves:
            if sync.pushed("stage_change", m.change_id):
                staff = db.execute_sql("SELECT staff_id FROM stage_change WHERE id = ?",
                                       (m.change_id,)).fetchone()
                record_change(m.customer_id, m.to_stage, m.from_stage,
                              staff[0] if staff else None, UNDO_REASON)
                db.execute_sql("UPDATE customer SET stage_since = ? WHERE id = ?",
                               (m.from_since, m.customer_id))
                continue
            db.execute_sql("UPDATE customer SET stage = ?, stage_since = ? WHERE id = ?",
                           (m.from_stage, m.from_since, m.customer_id))
            db.execute_sql("DELETE FROM stage_change WHERE id = ?", (m.change_id,))


def redo_moves(moves: list[Move], staff_id: int | None = None) -> list[Move]:
    """Apply the same moves again (after an undo); returns them with their new history ids."""
    staff_id = access.own_name(staff_id)
    redone = []
    with db.atomic():
        for m in moves:
            change = record_change(m.customer_id, m.from_stage, m.to_stage, staff_id, "")
            redone.append(replace(m, change_id=change))
    return redone


# --- the board ------------------------------------------------------------------------------
def _filter_sql(flt: CustomerFilter) -> tuple[str, list[Any]]:
    """WHERE clauses (on customer c) for everything in the filter except the stage."""
    plain = replace(flt, stage="", archived=False)
    match, clauses, params = customer_query._where(plain)
    if match is not None:
        clauses.append("c.id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)")
        params = [*params, match]
    return " AND ".join(clauses), params


OVERDUE = "SELECT customer_id FROM follow_up WHERE status = 'open' AND due_at < ?"


def column_ids(stage: str, flt: CustomerFilter, offset: int = 0, limit: int = 60,
               now: dt.datetime | None = None) -> list[int]:
    """One column's cards, most urgent first: those with an overdue follow-up (a short
    list), then the longest in stage (a walk of the stage index, never a sort of the
    whole column)."""
    where, params = _filter_sql(flt)
    stamp = _ts(now or utcnow())
    # The overdue cards: those whose next follow-up (kept by triggers, proved by `crmdesk
    # check`) is past, from their own index, in the column's order. (From the follow-ups
    # themselves each card's row was read: 6,400 overdue, 45 ms a column at a million.)
    urgent = [r[0] for r in db.execute_sql(
        f"""SELECT c.id FROM customer c INDEXED BY customer_follow_up_due
            WHERE c.stage = ? AND c.next_follow_up_at < ? AND c.archived_at IS NULL
            AND c.next_follow_up_at IS NOT NULL AND {where}
            ORDER BY c.stage_since, c.id""", [stage, stamp, *params])]
    page = urgent[offset:offset + limit]
    if len(page) < limit:
        rest_offset = max(0, offset - len(urgent))
        page += [r[0] for r in db.execute_sql(
            f"""SELECT c.id FROM customer c INDEXED BY customer_stage_since
                WHERE c.stage = ? AND {where}
                AND NOT coalesce(c.next_follow_up_at < ?, 0)
                ORDER BY c.stage_since, c.id LIMIT ? OFFSET ?""",
            [stage, *params, stamp, limit - len(page), rest_offset])]
    return page


def column_counts(flt: CustomerFilter) -> dict[str, int]:
    """How many customers each column holds: with nothing but the stage narrowing them, the
    trigger-kept stage_count rows (six rows at any size); else a count of the matches."""
    where, params = _filter_sql(flt)
    counts = {k: 0 for k, _ in stages()}
    if where == "c.archived_at IS NULL" and not params and migration_stage_counts.present(db):
        counts.update(migration_stage_counts.kept(db))
        return counts
    rows = db.execute_sql(f"SELECT c.stage, count(*) FROM customer c INDEXED BY "
                          f"customer_stage_since WHERE {where} GROUP BY c.stage", params)
    counts.update({r[0]: r[1] for r in rows})
    return counts


@dataclass
class Card:
    id: int
    name: str
    segment: str
    owner: str
    stage: str
    days_in_stage: int
    next_follow_up: str
    overdue: bool
    tier: str = ""
    points: int = 0
    next_due: dt.datetime | None = None  # the next open follow-up: when, and what
    next_what: str = ""


def cards(ids: list[int], now: dt.datetime | None = None) -> dict[int, Card]:
    if not ids:
        return {}
    now = now or utcnow()
    prog = loyalty_programme.programme()
    window = _ts(loyalty_ledger.add_months(now, -prog.tier_window_months))
    marks = ",".join("?" * len(ids))
    rows = db.execute_sql(
        f"""SELECT c.id, c.given_name || ' ' || c.family_name, c.segment, coalesce(s.name, ''),
                   c.stage, coalesce(c.stage_since, c.created_at),
                   (SELECT f.due_at || '|' || f.what
                    FROM follow_up f INDEXED BY follow_up_customer
                    WHERE f.customer_id = c.id AND f.status = 'open'
                    ORDER BY f.due_at LIMIT 1),
                   c.points_balance,
                   (SELECT coalesce(sum(points), 0) FROM points_entry e
                    WHERE e.customer_id = c.id AND e.happened_at > ?
                    AND e.kind IN ('earn', 'bonus'))
            FROM customer c LEFT JOIN staff s ON s.id = c.owner_id
            WHERE c.id IN ({marks})""", [window, *ids])
    found = {}
    for cid, name, segment, owner, stage, since, follow, points, qualifying in rows:
        next_text, overdue, when, what = "", False, None, ""
        if follow:
            due, what = follow.split("|", 1)
            when = _parse(due)
            overdue = when < now
            next_text = f"{what} ({when.astimezone():%d %b})"
        found[cid] = Card(cid, name.strip(), segment, owner, stage,
                          max(0, (now - _parse(since)).days), next_text, overdue,
                          loyalty_programme.tier_for(int(qualifying), prog).tier, int(points),
                          when, what)
    for cid in access.restricted_ids(found):  # others' exclusive clients: name and stage
        card = found[cid]
        card.segment, card.tier, card.points, card.next_follow_up = "", "", 0, ""
        card.next_due, card.next_what = None, ""
    return found


# --- insight --------------------------------------------------------------------------------
@dataclass
class StageStay:
    stage: str
    entered: dt.datetime
    left: dt.datetime | None
    days: int


def time_in_stage(cid: int, now: dt.datetime | None = None) -> list[StageStay]:
    """Each stage the customer went through, oldest first, with how long they stayed."""
    now = now or utcnow()
    created = db.execute_sql("SELECT created_at FROM customer WHERE id = ?", (cid,)).fetchone()
    if created is None:
        raise LookupError(translate("lifecycle", "Customer {cid} does not exist.").format(cid=cid))
    changes = db.execute_sql("SELECT from_stage, to_stage, changed_at FROM stage_change "
                             "WHERE customer_id = ? ORDER BY changed_at, id", (cid,)).fetchall()
    stays: list[StageStay] = []
    entered = _parse(created[0])
    current = changes[0][0] if changes else db.execute_sql(
        "SELECT stage FROM customer WHERE id = ?", (cid,)).fetchone()[0]
    for _from, to, when in changes:
        left = _parse(when)
        stays.append(StageStay(current, entered, left, (left - entered).days))
        current, entered = to, left
    stays.append(StageStay(current, entered, None, (now - entered).days))
    return stays


@dataclass
class FunnelRow:
    stage: str
    label: str
    entered: int  # customers who came into the stage in the period (moved there or added)
    moved_on: int  # of those, how many then moved to the next stage before the period ended
    conversion: float | None  # moved_on / entered (never above 1)
    median_days: float | None  # median stay of those who left the stage in the period


def funnel(since: dt.datetime, until: dt.datetime) -> list[FunnelRow]:
    """For each stage, the customers who entered it in the period (moved into it, or added in
    it), how many of them then moved on to the next stage before the period ended (so the
    rate is at most 100 %), and the median days spent in the stage by those who left it in
    the period.

    A customer counts once per stage, from the first time they entered it in the period; they
    moved on when their last move from that stage to the next one in the period came after
    that. Counted from index ranges of `stage_step`, the history's steps kept ahead by
    triggers (store/migration_funnel.py); `funnel_by_walk` walks the history instead."""
    lo, hi = _ts(since), _ts(until)
    order = stages()
    nxt = {key: order[i + 1][0] for i, (key, _) in enumerate(order[:-1])}
    if not migration_funnel.present(db):
        return funnel_by_walk(since, until)

    def count(sql: str, params: tuple[str, ...]) -> int:
        return int(db.execute_sql(sql, params).fetchone()[0])

    def entered(stage: str) -> int:
        # (One range of an index per stage: a GROUP BY over the period would sort it.)
        # Moves into the stage in the period that were the customer's first entry there...
        return (count("SELECT count(*) FROM stage_step INDEXED BY stage_step_entered "
                      "WHERE to_stage = ? AND changed_at >= ? AND changed_at < ? "
                      "AND (prev_entry IS NULL OR prev_entry < ?)", (stage, lo, hi, lo))
                # ...and the customers added in the period who are in it now...
                + count("SELECT count(*) FROM customer INDEXED BY customer_created_stage "
                        "WHERE stage = ? AND created_at >= ? AND created_at < ?",
                        (stage, lo, hi))
                # ...except that those who moved since count in the stage they were added
                # in (their first move's from_stage).
                - count("SELECT count(*) FROM stage_step INDEXED BY stage_step_added_now "
                        "WHERE now_stage = ? AND added_at >= ? AND added_at < ? "
                        "AND added_at IS NOT NULL", (stage, lo, hi))
                + count("SELECT count(*) FROM stage_step INDEXED BY stage_step_added "
                        "WHERE from_stage = ? AND added_at >= ? AND added_at < ? "
                        "AND added_at IS NOT NULL", (stage, lo, hi)))

    def moved(stage: str) -> int:
        # Moved on from a stay that began in the period, once a customer: their first such
        # move unless the one before it also began in the period.
        return count(
            "SELECT count(*) FROM stage_step INDEXED BY stage_step_moved "
            "WHERE from_stage = ? AND to_stage = ? AND changed_at >= ? AND changed_at < ? "
            "AND stay_start >= ? AND stay_start <= changed_at "
            "AND (prev_same_start IS NULL OR prev_same_start < ?)",
            (stage, nxt[stage], lo, hi, lo, lo)) if stage in nxt else 0

    # Some forty index ranges over the period's stage changes (~5 million entries at a
    # million customers), on two cores: 0.7 s where one took 1.3 s. The longest first, so
    # that both end together.
    keys = [k for k, _ in order]
    jobs: list[Any] = [*(lambda s=s: moved(s) for s in keys),
                       *(lambda s=s: _median_stay(s, lo, hi) for s in keys),
                       *(lambda s=s: entered(s) for s in keys)]
    figures = on_two_connections(jobs)
    n = len(keys)
    rows = []
    for i, (stage, label) in enumerate(order):
        moved_on, median, came = figures[i], figures[n + i], figures[2 * n + i]
        rows.append(FunnelRow(stage, label, came, moved_on,
                              moved_on / came if came and stage in nxt else None, median))
    return rows


def funnel_by_walk(since: dt.datetime, until: dt.datetime) -> list[FunnelRow]:
    """The same cohort as `funnel`, walked in Python from the stage history itself (two range
    reads; ~7 s at 1,000,000 customers): what `funnel` is checked against."""
    lo, hi = _ts(since), _ts(until)
    order = stages()
    nxt = {key: order[i + 1][0] for i, (key, _) in enumerate(order[:-1])}
    entered_at: dict[tuple[int, str], str] = {}
    moved_at: dict[tuple[int, str], str] = {}
    # Added in the period: in their first stage (the first move's from_stage, else the
    # stage they are in now).
    for cid, stage, at in db.execute_sql(
            "SELECT c.id, coalesce((SELECT f.from_stage FROM stage_change f "
            "WHERE f.customer_id = c.id ORDER BY f.changed_at, f.id LIMIT 1), c.stage), "
            "c.created_at FROM customer c WHERE c.created_at >= ? AND c.created_at < ?",
            (lo, hi)):
        entered_at[(cid, stage)] = at
    for cid, a, b, at in db.execute_sql(
            "SELECT customer_id, from_stage, to_stage, changed_at FROM stage_change "
            "WHERE changed_at >= ? AND changed_at < ?", (lo, hi)):
        key = (cid, b)
        first = entered_at.get(key)
        if first is None or at < first:
            entered_at[key] = at
        if nxt.get(a) == b and moved_at.get((cid, a), "") < at:
            moved_at[(cid, a)] = at
    entered = dict.fromkeys((k for k, _ in order), 0)
    moved_on = dict(entered)
    for (cid, stage), first in entered_at.items():
        entered[stage] = entered.get(stage, 0) + 1
        if moved_at.get((cid, stage), "") >= first:
            moved_on[stage] = moved_on.get(stage, 0) + 1
    rows = []
    for stage, label in order:
        came, moved = entered[stage], moved_on[stage] if stage in nxt else 0
        rows.append(FunnelRow(stage, label, came, moved,
                              moved / came if came and stage in nxt else None,
                              _median_stay(stage, lo, hi)))
    return rows


def _median_stay(stage: str, lo: str, hi: str) -> float | None:
    """Median days in `stage` of those who left it in [lo, hi): each change keeps how long
    the customer had stayed (stay_seconds), so SQLite sorts one index range."""
    where = ("FROM stage_change INDEXED BY stage_change_from WHERE from_stage = ? "
             "AND changed_at >= ? AND changed_at < ? AND stay_seconds IS NOT NULL")
    n = db.execute_sql(f"SELECT count(*) {where}", (stage, lo, hi)).fetchone()[0]
    if not n:
        return None
    # The middle one or two, walking the stage's stays in order (no sort of the period's):
    walk = where.replace("stage_change_from", "stage_change_stay")
    if not migration_funnel.present(db):
        walk = where
    middle = [r[0] for r in db.execute_sql(
        f"SELECT stay_seconds {walk} ORDER BY stay_seconds LIMIT ? OFFSET ?",
        (stage, lo, hi, 2 - n % 2, (n - 1) // 2))]
    return float(statistics.fmean(middle)) / 86400


# --- suggestions ----------------------------------------------------------------------------
def reactivation_days() -> int:
    """Days without an interaction after which Reactivation is proposed (a book setting)."""
    return int(settings.get("reactivation_days", str(REACTIVATION_DAYS)))


def set_reactivation_days(days: int) -> None:
    access.require("settings")
    if not 1 <= days <= 3650:
        raise ValueError(translate("lifecycle", "Choose between 1 and 3,650 days."))
    settings.put("reactivation_days", str(int(days)))


def save_settings(ordered: list[tuple[str, str]], days: int) -> None:
    """Stage names and order, and the Reactivation delay, in one transaction."""
    access.require("settings")
    with db.atomic():
        set_stages(ordered)
        set_reactivation_days(days)


def reactivation_suggestions(now: dt.datetime | None = None, days: int | None = None,
                             limit: int = 50) -> tuple[list[int], int]:
    """Customers with no interaction for `days` days (default: the book's setting) who are
    not in Reactivation and whose suggestion was not dismissed since their last contact:
    (first `limit` ids, total)."""
    days = days if days is not None else reactivation_days()
    cutoff = _ts((now or utcnow()) - dt.timedelta(days=days))
    where = """c.archived_at IS NULL AND c.stage != 'reactivation'
               AND coalesce(c.last_contact_at, c.created_at) < ?
               AND NOT EXISTS (SELECT 1 FROM suggestion_dismissal d
                               WHERE d.customer_id = c.id AND d.kind = 'reactivation'
                               AND d.dismissed_at > coalesce(c.last_contact_at, ''))"""
    source = "customer c INDEXED BY customer_last_contact"
    total = db.execute_sql(f"SELECT count(*) FROM {source} WHERE {where}",
                           (cutoff,)).fetchone()[0]
    ids = [r[0] for r in db.execute_sql(
        f"SELECT c.id FROM {source} WHERE {where} "
        "ORDER BY coalesce(c.last_contact_at, c.created_at) LIMIT ?", (cutoff, limit))]
    return ids, int(total)


def dismiss(cid: int, kind: str = "reactivation") -> None:
    # (An upsert, not INSERT OR REPLACE: a replaced row would take a new global id in an
    # office book, and the hub would keep the old one.)
    db.execute_sql("INSERT INTO suggestion_dismissal (customer_id, kind, dismissed_at) "
                   "VALUES (?, ?, ?) ON CONFLICT (customer_id, kind) DO UPDATE SET "
                   "dismissed_at = excluded.dismissed_at", (cid, kind, _ts(utcnow())))


def undismiss(cid: int, kind: str = "reactivation") -> None:
    db.execute_sql("DELETE FROM suggestion_dismissal WHERE customer_id = ? AND kind = ?",
                   (cid, kind))

