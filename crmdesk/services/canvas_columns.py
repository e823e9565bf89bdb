"""The interaction log, customers and purchases held in memory as numpy columns, so that the
relationship canvas is computed in tens of milliseconds for any period, owner or person,
instead of scanning and joining the log in SQL each time.

The columns are read once per book and kept up to date from the book's change counters
(store/migrations.py): rows added to the log are read alone; any other change to a table
reads that table again. The canvas asks for the same grouped rows the SQL queries return
(services/canvas.py), so both give the same figures (tests/unit/test_canvas.py compares
them)."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from crmdesk.services import catalog, figures_cache
from crmdesk.store.db import db

_lock = threading.RLock()
_held: dict[Any, Columns] = {}

CHANNELS = [k for k, _ in catalog.INTERACTION_CHANNELS]


def _case(column: str, keys: list[str]) -> str:
    """SQL turning a text column into the index of its value in `keys` (-1: another)."""
    whens = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(keys))
    return f"CASE {column} {whens} ELSE -1 END"


@dataclass
class Columns:
    identity: Any
    counters: dict[str, int] = field(default_factory=dict)
    # interactions, in id order
    i_max_id: int = 0
    i_cust: Any = None
    i_when: Any = None  # UTC epoch seconds
    i_channel: Any = None  # index into CHANNELS, -1 another
    i_in: Any = None  # inbound
    i_dur: Any = None  # minutes, -1 not logged
    i_sat: Any = None  # 1-5, 0 not rated
    i_staff: Any = None  # staff id, 0 nobody
    i_month: Any = None  # calendar month (UTC) since 1970-01
    i_answer: Any = None  # seconds to the first outbound at or after an inbound; -1 none
    i_responder: Any = None  # the staff id of that outbound contact (0: nobody, or none)
    other_channels: dict[int, str] = field(default_factory=dict)
    # customers, indexed by id
    c_segment: Any = None  # index into segments
    c_archived: Any = None
    segments: list[str] = field(default_factory=list)
    c_pref: Any = None  # the preferred channel as an index into CHANNELS (-1 another/none)
    c_has_pref: Any = None
    c_pref_raw: Any = None  # index into prefs
    prefs: list[str] = field(default_factory=list)
    c_rel: Any = None  # index into rels
    rels: list[str] = field(default_factory=list)
    c_stage: Any = None  # index into stages
    stages: list[str] = field(default_factory=list)
    c_points: Any = None
    c_created: Any = None  # UTC epoch seconds
    c_last: Any = None  # last contact (the newest interaction) or else created; lazily
    # stage changes (read when a dashboard first asks: see stage_columns)
    s_cust: Any = None
    s_from: Any = None  # index into s_names
    s_to: Any = None
    s_when: Any = None  # UTC epoch seconds
    s_stay: Any = None  # seconds in the stage left (where s_has_stay)
    s_has_stay: Any = None
    s_names: list[str] = field(default_factory=list)
    # loyalty points entries (see points_columns)
    e_cust: Any = None
    e_kind: Any = None  # index into e_kinds
    e_points: Any = None
    e_when: Any = None  # UTC epoch seconds
    e_reward: Any = None  # index into e_rewards
    e_kinds: list[str] = field(default_factory=list)
    e_rewards: list[str] = field(default_factory=list)
    # purchases
    p_cust: Any = None
    p_day: Any = None  # days since 1970-01-01
    p_amount: Any = None
    p_currency: Any = None  # index into currencies
    currencies: list[str] = field(default_factory=list)


def _rows(sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return list(db.execute_sql(sql, params))


class Cancelled(Exception):
    """The person stopped the reading (the columns are left as they were)."""


_reporting = threading.local()


@contextlib.contextmanager
def reporting(progress: Callable[[int, int], bool] | None) -> Iterator[None]:
    """While inside, reading the log reports `progress(rows read, rows to read)` in this
    thread; a False answer stops it (Cancelled)."""
    before = getattr(_reporting, "fn", None)
    _reporting.fn = progress
    try:
        yield
    finally:
        _reporting.fn = before


#: rows read and turned into numbers at a time: small enough that the GUI thread never
#: waits long for the interpreter (numpy holds it while it converts a list of rows)
CHUNK = 20_000


def _table(sql: str, params: tuple[Any, ...], width: int, total: int) -> Any:
    """The rows of `sql` (integers, `width` a row) as one int64 array, read CHUNK rows at a
    time; the thread's progress (reporting) is told after each, about `total` rows."""
    progress = getattr(_reporting, "fn", None)
    cursor = db.execute_sql(sql, params)
    parts = []
    done = 0
    while True:
        got = cursor.fetchmany(CHUNK)
        if not got:
            break
        parts.append(np.array(got, dtype=np.int64).reshape(-1, width))
        done += len(got)
        if progress is not None and total > CHUNK and not progress(min(done, total), total):
            cursor.close()
            raise Cancelled()
    return np.concatenate(parts) if parts else np.zeros((0, width), dtype=np.int64)


# customer, time, channel, inbound, duration, rating, staff: 22 bytes an interaction
_KINDS = [np.int32, np.int64, np.int16, np.bool_, np.int32, np.int8, np.int32]


def _load_interactions(cols: Columns, after_id: int = 0) -> None:
    expected = int(_rows("SELECT coalesce(max(id), 0) - ? FROM interaction",
                         (after_id,))[0][0])
    fetched = _table(
        f"""SELECT id, customer_id, CAST(strftime('%s', happened_at) AS INTEGER),
                   {_case('channel', CHANNELS)}, direction = 'in',
                   coalesce(duration_min, -1), coalesce(satisfaction, 0),
                   coalesce(staff_id, 0)
            FROM interaction WHERE id > ? ORDER BY id""", (after_id,), 8, expected)
    new: list[Any] = [fetched[:, k].astype(kind) for k, kind in enumerate(_KINDS, 1)]
    if after_id and cols.i_cust is not None:
        parts = [cols.i_cust, cols.i_when, cols.i_channel, cols.i_in, cols.i_dur, cols.i_sat,
                 cols.i_staff]
        (cols.i_cust, cols.i_when, cols.i_channel, cols.i_in, cols.i_dur, cols.i_sat,
         cols.i_staff) = [np.concatenate([old, add]) for old, add in zip(parts, new,
                                                                           strict=True)]
    else:
        (cols.i_cust, cols.i_when, cols.i_channel, cols.i_in, cols.i_dur, cols.i_sat,
         cols.i_staff) = new
        cols.i_answer = None
    added = months_of(new[1])
    cols.i_month = (np.concatenate([cols.i_month, added])
                    if after_id and cols.i_month is not None else added)
    if len(fetched):
        cols.i_max_id = int(fetched[-1, 0])
    if (cols.i_channel < 0).any():
        cols.other_channels = {}  # channels outside the catalogue: read by name
        names = sorted({r[0] for r in _rows("SELECT DISTINCT channel FROM interaction")}
                       - set(CHANNELS))
        cols.other_channels = {-(i + 2): n for i, n in enumerate(names)}
        if names:
            codes = _table(f"SELECT {_case('channel', CHANNELS + names)} "
                           "FROM interaction ORDER BY id", (), 1, 0)[:, 0]
            cols.i_channel = np.where(codes >= len(CHANNELS), -(codes - len(CHANNELS) + 2),
                                      codes)
    incremental = bool(after_id) and cols.i_answer is not None
    _answers(cols, np.unique(fetched[:, 1]) if incremental else None)


def months_of(when: Any) -> Any:
    """Calendar months (UTC) since 1970-01 of epoch seconds."""
    return (when // 86400).astype("datetime64[D]").astype("datetime64[M]").astype(np.int32)


def _answer_times(cust: Any, when: Any, inbound: Any, staff: Any) -> tuple[Any, Any]:
    """For each inbound contact, the seconds to the customer's first outbound contact at or
    after it and who made it (-1 and 0: none yet; -1 and 0 for outbound ones): one sort,
    then a reversed running minimum of the outbound rows' positions."""
    n = len(cust)
    answer = np.full(n, -1, dtype=np.int64)
    responder = np.zeros(n, dtype=np.int64)
    if n:
        order = np.lexsort((~inbound, when, cust))  # same second: inbound first, then by id
        c = cust[order]
        w = when[order].astype(np.int64)
        position = np.arange(n, dtype=np.int64)
        out_pos = np.where(inbound[order], n, position)
        nxt = np.minimum.accumulate(out_pos[::-1])[::-1]  # first outbound at or after
        found = nxt < n
        safe = np.where(found, nxt, 0)
        found &= c[safe] == c
        answer[order] = np.where(found, w[safe] - w, -1)
        responder[order] = np.where(found, staff[order][safe], 0)
    return np.where(inbound, answer, -1), np.where(inbound, responder, 0)


def _answers(cols: Columns, touched: Any = None) -> None:
    """Answer times of the whole log, or (new rows) of the customers in `touched` only."""
    if touched is None or cols.i_answer is None:
        cols.i_answer, cols.i_responder = _answer_times(cols.i_cust, cols.i_when, cols.i_in,
                                                        cols.i_staff)
        return
    grown = len(cols.i_cust) - len(cols.i_answer)
    if grown > 0:
        cols.i_answer = np.concatenate([cols.i_answer, np.full(grown, -1, dtype=np.int64)])
        cols.i_responder = np.concatenate([cols.i_responder,
                                           np.zeros(grown, dtype=np.int64)])
    rows = np.nonzero(np.isin(cols.i_cust, touched))[0]
    cols.i_answer[rows], cols.i_responder[rows] = _answer_times(
        cols.i_cust[rows], cols.i_when[rows], cols.i_in[rows], cols.i_staff[rows])


def _codes(values: list[str]) -> tuple[list[str], Any]:
    """The distinct values (sorted) and each value's index among them."""
    names = sorted(set(values))
    index = {v: i for i, v in enumerate(names)}
    return names, np.array([index[v] for v in values], dtype=np.int64)


def _load_customers(cols: Columns) -> None:
    rows = _rows("SELECT id, segment, archived_at IS NOT NULL, preferred_channel, "
                 "relationship_type, stage, points_balance, "
                 "coalesce(CAST(strftime('%s', created_at) AS INTEGER), 0) FROM customer")
    size = (max((r[0] for r in rows), default=0)) + 1
    chan_index = {c: i for i, c in enumerate(CHANNELS)}
    cols.c_segment = np.full(size, -1, dtype=np.int64)
    cols.c_archived = np.ones(size, dtype=bool)
    cols.c_pref = np.full(size, -1, dtype=np.int64)
    cols.c_has_pref = np.zeros(size, dtype=bool)
    cols.c_pref_raw = np.zeros(size, dtype=np.int64)
    cols.c_rel = np.zeros(size, dtype=np.int64)
    cols.c_stage = np.zeros(size, dtype=np.int64)
    cols.c_points = np.zeros(size, dtype=np.int64)
    cols.c_created = np.zeros(size, dtype=np.int64)
    cols.c_last = None
    cols.segments, segs = _codes([r[1] for r in rows])
    cols.prefs, prefs = _codes([r[3] for r in rows])
    cols.rels, rels = _codes([r[4] for r in rows])
    cols.stages, stages = _codes([r[5] for r in rows])
    if rows:
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        cols.c_segment[ids] = segs
        cols.c_archived[ids] = [bool(r[2]) for r in rows]
        cols.c_pref[ids] = [chan_index.get(r[3], -1) for r in rows]
        cols.c_has_pref[ids] = [r[3] != "" for r in rows]
        cols.c_pref_raw[ids] = prefs
        cols.c_rel[ids] = rels
        cols.c_stage[ids] = stages
        cols.c_points[ids] = [int(r[6]) for r in rows]
        cols.c_created[ids] = [int(r[7]) for r in rows]


def _load_purchases(cols: Columns) -> None:
    rows = _rows("SELECT customer_id, julianday(purchased_on) - 2440587.5, amount_cents, "
                 "currency FROM purchase")
    currencies = sorted({r[3] for r in rows})
    index = {c: i for i, c in enumerate(currencies)}
    cols.currencies = currencies
    cols.p_cust = np.array([r[0] for r in rows], dtype=np.int64)
    cols.p_day = np.array([round(r[1]) for r in rows], dtype=np.int64)
    cols.p_amount = np.array([r[2] for r in rows], dtype=np.int64)
    cols.p_currency = np.array([index[r[3]] for r in rows], dtype=np.int64)


def columns() -> Columns:
    """The open book's columns, brought up to date with the book."""
    identity = figures_cache._book_identity()
    counters = figures_cache.changes() or {}
    with _lock:
        held = _held.get(identity)
        cols = held or Columns(identity)
        changed = {k for k in set(counters) | set(cols.counters)
                   if counters.get(k) != cols.counters.get(k)} if cols.counters else None
        if held is not None and counters and changed == set():
            return held
        # Copy on write: a worker still computing from the columns it was given keeps
        # them whole; the copy is kept once brought up to date (not if the reading stops).
        cols = copy.copy(cols)
        if changed is None or not counters:
            cols.s_cust = cols.e_cust = None
            _load_interactions(cols)
            _load_customers(cols)
            _load_purchases(cols)
        else:
            if "interaction" in changed:
                _load_interactions(cols)
            elif "interaction+" in changed:
                _load_interactions(cols, after_id=cols.i_max_id)
            if changed & {"customer", "customer+"}:
                _load_customers(cols)
            if changed & {"purchase", "purchase+"}:
                _load_purchases(cols)
            if changed & {"interaction", "interaction+"}:
                cols.c_last = None
            if changed & {"stage_change", "stage_change+"}:
                cols.s_cust = None
            if changed & {"points_entry", "points_entry+"}:
                cols.e_cust = None
        cols.counters = counters
        _held.clear()
        _held[identity] = cols
        return cols


def _names_and_case(column: str, table: str) -> tuple[list[str], str]:
    names = sorted({str(r[0]) for r in _rows(f"SELECT DISTINCT {column} FROM {table}")})
    return names, _case(column, names)


def _last_id(table: str) -> int:
    """About how many rows `table` holds (its highest id), for the progress shown."""
    return int(_rows(f"SELECT coalesce(max(id), 0) FROM {table}")[0][0])


def stage_columns(cols: Columns) -> Columns:
    """`cols` with the stage history read (once, and again after it changes)."""
    with _lock:
        if cols.s_cust is None:
            names = sorted({str(r[0]) for r in _rows(
                "SELECT from_stage FROM stage_change UNION SELECT to_stage FROM stage_change")})
            fetched = _table(
                f"""SELECT customer_id, {_case('from_stage', names)}, {_case('to_stage', names)},
                           CAST(strftime('%s', changed_at) AS INTEGER),
                           coalesce(stay_seconds, 0), stay_seconds IS NOT NULL
                    FROM stage_change ORDER BY id""", (), 6, _last_id("stage_change"))
            cols.s_names = names
            (cols.s_cust, cols.s_from, cols.s_to, cols.s_when, cols.s_stay) = (
                fetched[:, k].copy() for k in range(5))
            cols.s_has_stay = fetched[:, 5].astype(bool)
        return cols


def points_columns(cols: Columns) -> Columns:
    """`cols` with the loyalty points entries read (once, and again after they change)."""
    with _lock:
        if cols.e_cust is None:
            kinds, kind_case = _names_and_case("kind", "points_entry")
            rewards, reward_case = _names_and_case("reward", "points_entry")
            fetched = _table(
                f"""SELECT customer_id, {kind_case}, points,
                           CAST(strftime('%s', happened_at) AS INTEGER), {reward_case}
                    FROM points_entry ORDER BY id""", (), 5, _last_id("points_entry"))
            cols.e_kinds, cols.e_rewards = kinds, rewards
            (cols.e_cust, cols.e_kind, cols.e_points, cols.e_when, cols.e_reward) = (
                fetched[:, k].copy() for k in range(5))
        return cols


def last_contact(cols: Columns) -> Any:
    """Each customer's last contact (epoch seconds): the newest interaction, or when they
    were added — what customer.last_contact_at holds by trigger, from the columns."""
    with _lock:
        if cols.c_last is None:
            size = len(cols.c_created)
            newest = np.full(size, np.iinfo(np.int64).min, dtype=np.int64)
            inside = cols.i_cust < size
            np.maximum.at(newest, cols.i_cust[inside], cols.i_when[inside])
            cols.c_last = np.where(newest > np.iinfo(np.int64).min, newest, cols.c_created)
        return cols.c_last


def clear() -> None:
    with _lock:
        _held.clear()


# --- the grouped rows the canvas' SQL returns ---------------------------------------------------
def _epoch(stamp: str) -> int:
    return int(dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp())


def _channel_name(cols: Columns, code: int) -> str:
    return CHANNELS[code] if code >= 0 else cols.other_channels.get(code, "")


def _month_names(months: Any) -> list[str]:
    return [f"{1970 + int(m) // 12:04d}-{int(m) % 12 + 1:02d}" for m in months]


def interaction_groups(cols: Columns, visible: Any, lo: str, hi: str, roles: dict[int, str]
                       ) -> Iterator[tuple[Any, ...]]:
    """(segment, channel, on preferred channel, has a preference, role, month, contacts,
    logged minutes, contacts without a duration, rating sum, ratings) for the period."""
    size = len(visible)
    cust = cols.i_cust
    ok = (cols.i_when >= _epoch(lo)) & (cols.i_when < _epoch(hi)) & (cust < size)
    idx = np.nonzero(ok)[0]
    idx = idx[visible[cust[idx]]]
    if not len(idx):
        return
    c = cust[idx]
    seg = cols.c_segment[c]
    chan = cols.i_channel[idx]
    on_pref = (cols.c_pref[c] == chan) & (chan >= 0)
    has_pref = cols.c_has_pref[c]
    staff_ids = sorted(roles)
    role_names = sorted(set(roles.values()) | {""})
    role_index = {r: i for i, r in enumerate(role_names)}
    staff_lookup = np.zeros(max(staff_ids, default=0) + 2, dtype=np.int64)
    for sid, name in roles.items():
        staff_lookup[sid] = role_index[name]
    staff = cols.i_staff[idx]
    staff = np.where(staff < len(staff_lookup), staff, 0)
    role = np.where(np.isin(staff, staff_ids), staff_lookup[staff], role_index[""])
    month = cols.i_month[idx].astype(np.int64)
    chan_lo = int(chan.min())
    month_lo = int(month.min())
    columns_ = [seg, chan - chan_lo, on_pref.astype(np.int64), has_pref.astype(np.int64),
                role, month - month_lo]
    dims = tuple(int(c.max()) + 1 for c in columns_)
    key = np.ravel_multi_index(columns_, dims)  # one small integer per group: no sorting
    space = int(np.prod(dims))
    dur = cols.i_dur[idx]
    sat = cols.i_sat[idx]
    count = np.bincount(key, minlength=space)
    logged = np.bincount(key, weights=np.where(dur >= 0, dur, 0), minlength=space)
    unlogged = np.bincount(key, weights=(dur < 0), minlength=space)
    sat_sum = np.bincount(key, weights=sat, minlength=space)
    rated = np.bincount(key, weights=(sat > 0), minlength=space)
    found = np.nonzero(count)[0]
    parts = [p.tolist() for p in np.unravel_index(found, dims)]
    months = {m: _month_names([m + month_lo])[0] for m in set(parts[5])}
    channels = {ch: _channel_name(cols, ch + chan_lo) for ch in set(parts[1])}
    for g, s, ch, op, hp, r, m in zip(found.tolist(), *parts, strict=True):
        yield (cols.segments[s], channels[ch], op, hp, role_names[r], months[m],
               int(count[g]), int(logged[g]), int(unlogged[g]), int(sat_sum[g]),
               int(rated[g]))


def response_groups(cols: Columns, visible: Any, lo: str, hi: str
                    ) -> dict[str, tuple[Any, int]]:
    """{segment: (hours to answer of the answered inbound contacts, how many wait)}."""
    size = len(visible)
    cust = cols.i_cust
    ok = ((cols.i_when >= _epoch(lo)) & (cols.i_when < _epoch(hi)) & cols.i_in
          & (cust < size))
    idx = np.nonzero(ok)[0]
    idx = idx[visible[cust[idx]]]
    out: dict[str, tuple[Any, int]] = {}
    seg = cols.c_segment[cust[idx]]
    answer = cols.i_answer[idx]
    for s in np.unique(seg):
        mine = answer[seg == s]
        done = mine[mine >= 0]
        out[cols.segments[int(s)]] = (done / 3600.0, int((mine < 0).sum()))
    return out


def purchase_groups(cols: Columns, visible: Any, year_ago: dt.date, first: dt.date,
                    last: dt.date) -> Iterator[tuple[Any, ...]]:
    """(segment, currency, archived, total, since a year ago, in the period) as the SQL."""
    size = len(visible)
    ok = cols.p_cust < size
    idx = np.nonzero(ok)[0]
    idx = idx[visible[cols.p_cust[idx]]]
    if not len(idx):
        return
    c = cols.p_cust[idx]
    epoch = dt.date(1970, 1, 1)
    day = cols.p_day[idx]
    amount = cols.p_amount[idx]
    dims = (len(cols.segments), max(1, len(cols.currencies)), 2)
    key = np.ravel_multi_index([cols.c_segment[c], cols.p_currency[idx],
                                cols.c_archived[c].astype(np.int64)], dims)
    space = int(np.prod(dims))
    recent = np.where(day > (year_ago - epoch).days, amount, 0)
    inside = np.where((day >= (first - epoch).days) & (day <= (last - epoch).days), amount, 0)
    seen = np.bincount(key, minlength=space)
    total = np.bincount(key, weights=amount, minlength=space)
    rec = np.bincount(key, weights=recent, minlength=space)
    ins = np.bincount(key, weights=inside, minlength=space)
    for g in np.nonzero(seen)[0]:
        s, cur, arch = (int(v) for v in np.unravel_index(int(g), dims))
        yield (cols.segments[s], cols.currencies[cur], arch, int(total[g]), int(rec[g]),
               int(ins[g]))


def customer_groups(cols: Columns, visible: Any) -> Iterator[tuple[Any, ...]]:
    """(segment, relationship type, stage, preferred channel, customers, points) of the
    customers in the book today that `visible` counts."""
    ok = visible & ~cols.c_archived[:len(visible)] & (cols.c_segment[:len(visible)] >= 0)
    ids = np.nonzero(ok)[0]
    if not len(ids):
        return
    dims = (len(cols.segments), len(cols.rels), len(cols.stages), len(cols.prefs))
    key = np.ravel_multi_index([cols.c_segment[ids], cols.c_rel[ids], cols.c_stage[ids],
                                cols.c_pref_raw[ids]], dims)
    space = int(np.prod(dims))
    count = np.bincount(key, minlength=space)
    points = np.bincount(key, weights=cols.c_points[ids], minlength=space)
    for g in np.nonzero(count)[0]:
        s, r, st, p = (int(v) for v in np.unravel_index(int(g), dims))
        yield (cols.segments[s], cols.rels[r], cols.stages[st], cols.prefs[p], int(count[g]),
               int(points[g]))


def contact_groups(cols: Columns, visible: Any, lo: str, hi: str) -> Iterator[tuple[Any, ...]]:
    """(month, channel, relationship type, contacts, rating sum, ratings) for the period, as
    the dashboards' SQL returns them."""
    size = len(visible)
    cust = cols.i_cust
    ok = (cols.i_when >= _epoch(lo)) & (cols.i_when < _epoch(hi)) & (cust < size)
    idx = np.nonzero(ok)[0]
    idx = idx[visible[cust[idx]]]
    if not len(idx):
        return
    c = cust[idx]
    chan = cols.i_channel[idx].astype(np.int64)
    month = cols.i_month[idx].astype(np.int64)
    chan_lo, month_lo = int(chan.min()), int(month.min())
    parts = [month - month_lo, chan - chan_lo, cols.c_rel[c]]
    dims = tuple(int(p.max()) + 1 for p in parts[:2]) + (max(1, len(cols.rels)),)
    key = np.ravel_multi_index(parts, dims)
    space = int(np.prod(dims))
    sat = cols.i_sat[idx]
    count = np.bincount(key, minlength=space)
    sat_sum = np.bincount(key, weights=sat, minlength=space)
    rated = np.bincount(key, weights=(sat > 0), minlength=space)
    for g in np.nonzero(count)[0]:
        m, ch, r = (int(v) for v in np.unravel_index(int(g), dims))
        yield (_month_names([m + month_lo])[0], _channel_name(cols, ch + chan_lo),
               cols.rels[r], int(count[g]), int(sat_sum[g]), int(rated[g]))
