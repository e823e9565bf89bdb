"""The dashboards' figures from the in-memory columns (services/canvas_columns.py): the same
numbers the SQL in services/dashboard.py gives (tests/unit/test_dashboard.py compares them on
demo books and for each role), in tens of milliseconds at a million interactions instead of
seconds. Each function returns the plain figures a chart is drawn from; dashboard.py builds
the charts from either source."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from crmdesk.services import canvas_columns
from crmdesk.services.canvas_columns import Columns, _epoch, _month_names


def _in(when: Any, lo: str, hi: str) -> Any:
    return (when >= _epoch(lo)) & (when < _epoch(hi))


def _seen(cust: Any, visible: Any) -> Any:
    """Which rows belong to a customer `visible` counts (ids past the mask: none)."""
    size = len(visible)
    inside = cust < size
    out = np.zeros(len(cust), dtype=bool)
    out[inside] = visible[cust[inside]]
    return out


def _months(when: Any) -> Any:
    """Calendar months (UTC) since 1970-01 of epoch seconds."""
    return canvas_columns.months_of(when).astype(np.int64)


def group_quantiles(groups: Any, values: Any, qs: tuple[float, ...], scale: float = 1.0
                    ) -> dict[int, list[float]]:
    """{group: [the q-quantile of its values / scale, for each q]} for every group at once,
    with the arithmetic of canvas._quantile over the scaled values (linear interpolation
    between the sorted ones). `values` are integers (seconds): group and value are packed
    into one int64 and sorted once, several times faster than sorting pairs."""
    out: dict[int, list[float]] = {}
    if not len(values):
        return out
    groups = np.asarray(groups, dtype=np.int64)
    values = np.asarray(values, dtype=np.int64)
    g_lo, v_lo = int(groups.min()), int(values.min())
    bits = max(1, (int(values.max()) - v_lo).bit_length())
    if bits + (int(groups.max()) - g_lo).bit_length() < 63:
        key = ((groups - g_lo) << bits) | (values - v_lo)
        key.sort()
        g, v = (key >> bits) + g_lo, (key & ((1 << bits) - 1)) + v_lo
    else:  # too wide to pack: sort the pairs
        order = np.lexsort((values, groups))
        g, v = groups[order], values[order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    counts = np.diff(np.r_[starts, len(g)])
    found = []
    for q in qs:
        pos = (counts - 1) * q
        low = np.floor(pos).astype(np.int64)
        high = np.minimum(low + 1, counts - 1)
        a, b = v[starts + low] / scale, v[starts + high] / scale
        found.append(a + (b - a) * (pos - low))
    for k, key_ in enumerate(g[starts].tolist()):
        out[int(key_)] = [float(f[k]) for f in found]
    return out


# --- lifecycle ------------------------------------------------------------------------------
def funnel(visible: Any, lo: str, hi: str, keys: list[str]) -> dict[str, Any]:
    """entered / exited / to_next by stage, trend by (stage, month) and the median days in
    each stage left, of the stage changes in the period."""
    cols = canvas_columns.stage_columns(canvas_columns.columns())
    sel = np.nonzero(_in(cols.s_when, lo, hi) & _seen(cols.s_cust, visible))[0]
    names = cols.s_names
    n = max(1, len(names))
    frm, to = cols.s_from[sel], cols.s_to[sel]
    entered = np.bincount(to, minlength=n)
    exited = np.bincount(frm, minlength=n)
    code = {name: i for i, name in enumerate(names)}
    nxt = np.full(n, -2, dtype=np.int64)
    for i, k in enumerate(keys[:-1]):
        if k in code and keys[i + 1] in code:
            nxt[code[k]] = code[keys[i + 1]]
    to_next = np.bincount(frm[to == nxt[frm]], minlength=n)
    month = _months(cols.s_when[sel])
    trend: dict[tuple[str, str], int] = {}
    if len(sel):
        m_lo = int(month.min())
        key = to * (int(month.max()) - m_lo + 1) + (month - m_lo)
        width = int(month.max()) - m_lo + 1
        counts = np.bincount(key)
        for g in np.nonzero(counts)[0].tolist():
            trend[(names[g // width], _month_names([g % width + m_lo])[0])] = int(counts[g])
    stay = sel[cols.s_has_stay[sel]]
    medians = group_quantiles(cols.s_from[stay], cols.s_stay[stay], (0.5,), 86400)

    def named(counts: Any) -> dict[str, int]:
        return {names[i]: int(c) for i, c in enumerate(counts.tolist()) if c}

    return {"entered": named(entered), "exited": named(exited), "to_next": named(to_next),
            "trend": trend, "median_days": {names[k]: v[0] for k, v in medians.items()}}


def moves(visible: Any, lo: str, hi: str) -> dict[tuple[str, str], int]:
    """{(month, 'quiet' | 'back'): changes} to and from Reactivation in the period."""
    cols = canvas_columns.stage_columns(canvas_columns.columns())
    if "reactivation" not in cols.s_names:
        return {}
    r = cols.s_names.index("reactivation")
    sel = np.nonzero(_in(cols.s_when, lo, hi) & _seen(cols.s_cust, visible)
                     & ((cols.s_to == r) | (cols.s_from == r)))[0]
    out: dict[tuple[str, str], int] = {}
    if not len(sel):
        return out
    month = _months(cols.s_when[sel])
    m_lo = int(month.min())
    back = (cols.s_to[sel] != r).astype(np.int64)
    counts = np.bincount((month - m_lo) * 2 + back)
    for k in np.nonzero(counts)[0].tolist():
        out[(_month_names([k // 2 + m_lo])[0], "back" if k % 2 else "quiet")] = int(counts[k])
    return out


# --- loyalty --------------------------------------------------------------------------------
def _today(cols: Columns, visible: Any) -> Any:
    """The ids of the customers in the book today that `visible` counts."""
    size = len(visible)
    return np.nonzero(visible & ~cols.c_archived[:size] & (cols.c_segment[:size] >= 0))[0]


def point_flows(visible: Any, lo: str, hi: str) -> dict[tuple[str, str], int]:
    """{(month, issued | redeem | expire | taken_back): points} in the period."""
    cols = canvas_columns.points_columns(canvas_columns.columns())
    sel = np.nonzero(_in(cols.e_when, lo, hi) & _seen(cols.e_cust, visible))[0]
    out: dict[tuple[str, str], int] = {}
    if not len(sel):
        return out
    kinds = ["issued", "redeem", "expire", "taken_back"]
    code = {k: i for i, k in enumerate(cols.e_kinds)}
    kind = cols.e_kind[sel]
    points = cols.e_points[sel]
    cls = np.where(points > 0, 0, 3)
    for name in ("redeem", "expire"):
        if name in code:
            cls = np.where(kind == code[name], kinds.index(name), cls)
    month = _months(cols.e_when[sel])
    m_lo = int(month.min())
    key = (month - m_lo) * 4 + cls
    seen = np.bincount(key)
    total = np.bincount(key, weights=points)
    for k in np.nonzero(seen)[0].tolist():
        out[(_month_names([k // 4 + m_lo])[0], kinds[k % 4])] = abs(int(total[k]))
    return out


def qualifying_points(visible: Any, since: str, until: str) -> dict[int, int]:
    """{qualifying points: customers}: each customer in the book today, the points earned
    (earn, bonus) after `since` up to `until`."""
    cols = canvas_columns.points_columns(canvas_columns.columns())
    ids = _today(cols, visible)
    size = len(visible)
    wanted = [i for i, k in enumerate(cols.e_kinds) if k in ("earn", "bonus")]
    sel = (np.isin(cols.e_kind, wanted) & (cols.e_when > _epoch(since))
           & (cols.e_when <= _epoch(until)) & (cols.e_cust < size))
    per = np.bincount(cols.e_cust[sel], weights=cols.e_points[sel], minlength=size)
    values, counts = np.unique(per[ids].astype(np.int64), return_counts=True)
    return {int(v): int(n) for v, n in zip(values.tolist(), counts.tolist(), strict=True)}


def points_outstanding(visible: Any) -> int:
    cols = canvas_columns.columns()
    return int(cols.c_points[_today(cols, visible)].sum())


def top_rewards(visible: Any, lo: str, hi: str, limit: int = 10) -> list[tuple[str, int]]:
    cols = canvas_columns.points_columns(canvas_columns.columns())
    if "redeem" not in cols.e_kinds:
        return []
    sel = (_in(cols.e_when, lo, hi) & _seen(cols.e_cust, visible)
           & (cols.e_kind == cols.e_kinds.index("redeem")))
    counts = np.bincount(cols.e_reward[sel], minlength=len(cols.e_rewards))
    found = [(cols.e_rewards[k], int(counts[k])) for k in np.nonzero(counts)[0].tolist()]
    return sorted(found, key=lambda r: (-r[1], r[0]))[:limit]


# --- quiet clients and value ----------------------------------------------------------------
def quiet(visible: Any, cutoffs: dict[str, str]) -> dict[str, int]:
    """{segment: customers in the book today whose last contact is before its cutoff}."""
    cols = canvas_columns.columns()
    last = canvas_columns.last_contact(cols)
    ids = _today(cols, visible)
    seg, when = cols.c_segment[ids], last[ids]
    out = {}
    for segment, cutoff in cutoffs.items():
        if segment not in cols.segments:
            out[segment] = 0
            continue
        code = cols.segments.index(segment)
        out[segment] = int(((seg == code) & (when < _epoch(cutoff))).sum())
    return out


def lifetime_value(visible: Any, currency: str, year_ago: dt.date) -> dict[str, list[int]]:
    """{segment: [lifetime value, since a year ago]} of the customers in the book today, in
    `currency` (segments with a purchase in it)."""
    cols = canvas_columns.columns()
    if currency not in cols.currencies:
        return {}
    cust = cols.p_cust
    sel = (_seen(cust, visible) & (cols.p_currency == cols.currencies.index(currency)))
    sel[sel] &= ~cols.c_archived[cust[sel]]
    c = cust[sel]
    seg = cols.c_segment[c]
    amount = cols.p_amount[sel]
    recent = np.where(cols.p_day[sel] > (year_ago - dt.date(1970, 1, 1)).days, amount, 0)
    n = max(1, len(cols.segments))
    seen = np.bincount(seg, minlength=n)
    total = np.bincount(seg, weights=amount, minlength=n)
    rec = np.bincount(seg, weights=recent, minlength=n)
    return {cols.segments[k]: [int(total[k]), int(rec[k])] for k in np.nonzero(seen)[0]}


def cohorts(visible: Any, currency: str, lo: str, hi: str) -> dict[str, list[int]]:
    """{month added: [customers, their lifetime value in `currency`]} of the customers in the
    book today added in the period."""
    cols = canvas_columns.columns()
    size = len(visible)
    ids = _today(cols, visible)
    ids = ids[_in(cols.c_created[ids], lo, hi)]
    out: dict[str, list[int]] = {}
    if not len(ids):
        return out
    spent: Any = np.zeros(size, dtype=np.float64)
    if currency in cols.currencies:
        sel = (cols.p_currency == cols.currencies.index(currency)) & (cols.p_cust < size)
        spent = np.bincount(cols.p_cust[sel], weights=cols.p_amount[sel], minlength=size)
    month = _months(cols.c_created[ids])
    m_lo = int(month.min())
    count = np.bincount(month - m_lo)
    total = np.bincount(month - m_lo, weights=spent[ids])
    for k in np.nonzero(count)[0].tolist():
        out[_month_names([k + m_lo])[0]] = [int(count[k]), int(total[k])]
    return out


# --- response times -------------------------------------------------------------------------
def answers(visible: Any, lo: str, hi: str, names: dict[int, str], nobody: str,
            target_hours: float) -> dict[str, Any]:
    """The response charts' figures: median and p90 hours by channel, median hours by
    (channel, month) and by (responder, month), and by month the inbound contacts and
    those answered in time."""
    cols = canvas_columns.columns()
    sel = np.nonzero(_in(cols.i_when, lo, hi) & cols.i_in & _seen(cols.i_cust, visible))[0]
    answer = cols.i_answer[sel]
    done = answer >= 0
    seconds = answer[done]
    chan = cols.i_channel[sel].astype(np.int64)
    month = cols.i_month[sel].astype(np.int64)
    by_channel = {canvas_columns._channel_name(cols, k): v for k, v in group_quantiles(
        chan[done], seconds, (0.5, 0.9), 3600).items()}
    # responders by name (two staff members may share one), nobody last
    people = sorted({names.get(int(s), nobody) for s in np.unique(cols.i_responder[sel][done])},
                    key=lambda n: (n == nobody, n.casefold()))
    person_code = {p: i for i, p in enumerate(people)}
    responder = cols.i_responder[sel][done]
    table = np.zeros(int(responder.max()) + 1 if len(responder) else 1, dtype=np.int64)
    for s in np.unique(responder).tolist():
        table[s] = person_code[names.get(int(s), nobody)]
    who = table[responder]
    staff_month: dict[tuple[str, str], float] = {}
    m_lo = int(month.min()) if len(month) else 0
    width = (int(month.max()) - m_lo + 1) if len(month) else 1
    for key, (median,) in group_quantiles(who * width + (month[done] - m_lo), seconds,
                                          (0.5,), 3600).items():
        staff_month[(people[key // width], _month_names([key % width + m_lo])[0])] = median
    channel_month: dict[tuple[str, str], float] = {}
    c_lo = int(chan.min()) if len(chan) else 0
    for key, (median,) in group_quantiles((chan[done] - c_lo) * width + (month[done] - m_lo),
                                          seconds, (0.5,), 3600).items():
        channel_month[(canvas_columns._channel_name(cols, key // width + c_lo),
                       _month_names([key % width + m_lo])[0])] = median
    asked = np.bincount(month - m_lo, minlength=width) if len(month) else np.zeros(0)
    ok = done & (answer / 3600 <= target_hours)
    in_time = np.bincount((month - m_lo)[ok], minlength=width) if len(month) else asked
    month_names = _month_names(range(m_lo, m_lo + width)) if len(month) else []
    return {"by_channel": by_channel, "people": people, "staff_month": staff_month,
            "channel_month": channel_month,
            "asked": {m: int(asked[k]) for k, m in enumerate(month_names) if asked[k]},
            "in_time": {m: int(in_time[k]) for k, m in enumerate(month_names) if in_time[k]},
            "inbound": int(len(sel))}
