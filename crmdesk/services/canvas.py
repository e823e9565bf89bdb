"""The relationship canvas: for each customer segment, who they are, which channels reach
them and which they prefer, the relationship we keep with them — and what it costs against
what they bring. Plain SQL aggregates; no Qt.

What counts (the same in the window, the CLI, the PDF and the CSV):

* *Customers* figures (how many, relationship types, preferred channels, stages, lifetime
  value, last 12 months, points outstanding) count the customers in the book today — not
  the Trash, so not archived or forgotten ones.
* *Period* figures (channels used, response times, satisfaction, promises, staff time,
  cost, value bought in the period) count what happened in the period with every customer
  of the segment, archived and forgotten ones included: that work was done, and a
  forgotten customer keeps their counts so that totals stay true.
* The owner filter keeps the customers an owner looks after (by their current owner).
* Who sees what (services/access.py): managers see every customer; an executive's
  figures leave out other executives' exclusive clients; a receptionist is refused.
* Money is in the loyalty programme's currency, as integer cents; purchases in another
  currency are shown apart (the book has no exchange rates) and never added in.
* Staff time is each interaction's logged duration, or the channel's default duration
  (a book setting) where none was logged; cost is that time × the hourly cost of the role
  of the staff member who logged it (an interaction nobody logged costs an executive's
  hour).
"""

from __future__ import annotations

import datetime as dt
import math
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from crmdesk.services import access, catalog, lifecycle, loyalty_programme, settings, texts
from crmdesk.services.texts import translate
from crmdesk.store.db import db

NO_SEGMENT = "(no segment)"
UNKNOWN_ROLE = "executive"  # whose hourly cost an interaction nobody logged is charged at


class ScopeError(ValueError):
    """A period or owner the canvas cannot use (the message says why)."""


@dataclass(frozen=True)
class Scope:
    """Which period and whose customers: days `first`..`last` (both included, local time)."""

    first: dt.date
    last: dt.date
    owner: str = ""  # a staff member's name; '' = every owner

    @classmethod
    def default(cls, today: dt.date | None = None, owner: str = "") -> Scope:
        """The last 12 months up to today."""
        today = today or dt.date.today()
        return cls(_add_months(today, -12) + dt.timedelta(days=1), today, owner)

    def start_utc(self) -> str:
        return _stamp(_local_midnight(self.first))

    def end_utc(self) -> str:
        return _stamp(_local_midnight(self.last + dt.timedelta(days=1)))

    def label(self) -> str:
        if self.owner:
            return translate("canvas", "{first} – {last}, customers of {owner}").format(
                first=self.first.isoformat(), last=self.last.isoformat(), owner=self.owner)
        return f"{self.first.isoformat()} – {self.last.isoformat()}"


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day).astimezone().astimezone(dt.UTC)


def _stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def shown(text: str, limit: int = 40) -> str:
    """User input quoted in a message: control characters escaped, long text cut."""
    clean = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)
    return clean if len(clean) <= limit else clean[:limit - 1] + "…"


def check_scope(scope: Scope) -> None:
    if scope.last < scope.first:
        raise ScopeError(translate(
            "canvas", "The period ends ({last}) before it starts ({first}).").format(
            last=scope.last, first=scope.first))


@dataclass
class Where:
    """The SQL conditions of a scope on customer `c` (owner and who may see whom)."""

    sql: str
    params: list[Any]


def customer_where(scope: Scope, alias: str = "c") -> Where:
    """Access check, then the conditions every canvas and dashboard query puts on the
    customer: who the current person may count, and the owner filter."""
    access.require("analytics")
    check_scope(scope)
    clauses = [access.analytics_scope_sql(alias)]
    params: list[Any] = []
    if scope.owner:
        row = db.execute_sql("SELECT id FROM staff WHERE name = ?",
                             (" ".join(scope.owner.split()),)).fetchone()
        if row is None:
            raise ScopeError(translate(
                "canvas", "There is no staff member called “{shown}”.").format(
                shown=shown(scope.owner)))
        clauses.append(f"{alias}.owner_id = ?")
        params.append(int(row[0]))
    return Where(" AND ".join(clauses), params)


# --- the figures ------------------------------------------------------------------------------
@dataclass
class Promises:
    due: int = 0  # promises due in the period
    kept_on_time: int = 0
    kept_late: int = 0
    overdue: int = 0  # still open and past due
    open: int = 0  # still open, not due yet
    cancelled: int = 0

    @property
    def on_time_share(self) -> float | None:
        """Of the promises that fell due (kept, late or still overdue), those kept on time."""
        settled = self.kept_on_time + self.kept_late + self.overdue
        return self.kept_on_time / settled if settled else None

    def add(self, other: Promises) -> None:
        for name in ("due", "kept_on_time", "kept_late", "overdue", "open", "cancelled"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class SegmentRow:
    segment: str
    customers: int = 0
    relationship_types: dict[str, int] = field(default_factory=dict)
    channels_preferred: dict[str, int] = field(default_factory=dict)
    stages: dict[str, int] = field(default_factory=dict)
    points_outstanding: int = 0
    lifetime_value_cents: int = 0
    last_12_months_cents: int = 0
    other_currencies_cents: dict[str, int] = field(default_factory=dict)
    # period figures
    interactions: int = 0
    channels_used: dict[str, int] = field(default_factory=dict)
    on_preferred_channel: int = 0  # contacts on the customer's preferred channel
    with_preference: int = 0  # contacts with customers who have a preferred channel
    response_hours: array[float] = field(default_factory=lambda: array("d"), repr=False)
    unanswered: int = 0
    satisfaction_sum: int = 0
    satisfaction_count: int = 0
    satisfaction_months: dict[str, tuple[int, int]] = field(default_factory=dict)
    promises: Promises = field(default_factory=Promises)
    staff_minutes: int = 0
    minutes_defaulted: int = 0  # the part of staff_minutes that came from channel defaults
    cost_cents: int = 0
    bought_in_period_cents: int = 0

    @property
    def label(self) -> str:
        return self.segment or NO_SEGMENT

    _sorted: Any = field(default=None, repr=False, compare=False)

    def _ordered(self) -> Any:
        """The response hours sorted (numpy, once: a segment may hold a million)."""
        import numpy as np

        if self._sorted is None or len(self._sorted) != len(self.response_hours):
            self._sorted = np.sort(np.frombuffer(self.response_hours, dtype=np.float64)
                                   if len(self.response_hours) else np.zeros(0))
        return self._sorted

    @property
    def response_median_hours(self) -> float | None:
        return _quantile_sorted(self._ordered(), 0.5)

    @property
    def response_p90_hours(self) -> float | None:
        return _quantile_sorted(self._ordered(), 0.9)

    def answered_within(self, hours: float) -> float | None:
        import numpy as np

        total = len(self.response_hours) + self.unanswered
        if not total:
            return None
        return int(np.searchsorted(self._ordered(), hours, side="right")) / total

    @property
    def satisfaction(self) -> float | None:
        return self.satisfaction_sum / self.satisfaction_count if self.satisfaction_count \
            else None

    @property
    def satisfaction_trend(self) -> float | None:
        """The average of the second half of the period's rated months minus the first
        half's (positive: improving); None with fewer than two rated months."""
        months = sorted(self.satisfaction_months.items())
        if len(months) < 2:
            return None
        half = len(months) // 2
        first, second = months[:half], months[half:]

        def mean(items: list[tuple[str, tuple[int, int]]]) -> float:
            return sum(s for _m, (s, _n) in items) / sum(n for _m, (_s, n) in items)

        return mean(second) - mean(first)

    @property
    def staff_hours(self) -> float:
        return self.staff_minutes / 60

    @property
    def cost_per_customer_cents(self) -> int | None:
        return round(self.cost_cents / self.customers) if self.customers else None

    @property
    def stage_shares(self) -> dict[str, float]:
        total = sum(self.stages.values())
        return {k: n / total for k, n in self.stages.items()} if total else {}

    @property
    def top_preferred(self) -> str | None:
        return _top(self.channels_preferred)

    @property
    def top_used(self) -> str | None:
        return _top(self.channels_used)

    def mismatch(self) -> str | None:
        """“VIP clients prefer phone; 62 % of our contacts with them are e-mail.”, when the
        channel most of them prefer is not the one we use most."""
        preferred, used = self.top_preferred, self.top_used
        if not preferred or not used or preferred == used or not self.interactions:
            return None
        share = self.channels_used[used] / self.interactions
        return translate("canvas", "{segment} clients prefer {preferred}; {share:.0%} of our "
                         "contacts with them are {used}.").format(
            segment=self.label, preferred=texts.vocabulary(channel_label(preferred)).lower(),
            share=share, used=texts.vocabulary(channel_label(used)).lower())


def _top(counts: dict[str, int]) -> str | None:
    best = sorted(((-n, k) for k, n in counts.items() if k and n), key=lambda t: t)
    return best[0][1] if best else None


def _quantile(values: Sequence[float], q: float) -> float | None:
    """The q-quantile with linear interpolation (the median of an even count is the mean
    of the middle two)."""
    if not values:
        return None
    return _quantile_sorted(sorted(values), q)


def _quantile_sorted(ordered: Any, q: float) -> float | None:
    if not len(ordered):
        return None
    pos = (len(ordered) - 1) * q
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return float(ordered[low] + (ordered[high] - ordered[low]) * (pos - low))


def channel_label(key: str) -> str:
    return (catalog.INTERACTION_CHANNEL_LABELS.get(key)
            or catalog.CONTACT_CHANNEL_LABELS.get(key) or key)


@dataclass
class Canvas:
    scope: Scope
    currency: str
    rows: list[SegmentRow]
    total: SegmentRow
    settings: settings.CanvasSettings
    computed_at: dt.datetime

    @property
    def point_value_cents(self) -> float:
        return float(self.settings.point_value_cents)


def compute(scope: Scope, now: dt.datetime | None = None) -> Canvas:
    """The canvas for `scope`: one row per segment (segments with customers today or with
    activity in the period), best-known segments first, and the total. Computed once and
    reused until the book changes (services/figures_cache.py)."""
    from crmdesk.services import figures_cache

    customer_where(scope)  # refuse before looking in the cache
    return figures_cache.cached("canvas", (scope, figures_cache.moment(now)),
                                lambda: _compute(scope, now))


def _compute(scope: Scope, now: dt.datetime | None) -> Canvas:
    now = now or dt.datetime.now(dt.UTC)
    where = customer_where(scope)
    prefs = settings.canvas_settings()
    currency = loyalty_programme.programme().currency
    rows: dict[str, SegmentRow] = {}

    def row(segment: str) -> SegmentRow:
        if segment not in rows:
            rows[segment] = SegmentRow(segment)
        return rows[segment]

    cols = visible = None
    if ENGINE == "columns":
        from crmdesk.services import canvas_columns

        cols = canvas_columns.columns()
        visible = _visible_mask(where, len(cols.c_segment))
        people: Iterable[tuple[Any, ...]] = canvas_columns.customer_groups(cols, visible)
    else:
        people = db.execute_sql(
            f"""SELECT c.segment, c.relationship_type, c.stage, c.preferred_channel, count(*),
                       sum(c.points_balance)
                FROM customer c WHERE c.archived_at IS NULL AND {where.sql}
                GROUP BY 1, 2, 3, 4""", where.params)
    # Customers in the book today.
    for segment, relationship, stage, preferred, n, points in people:
        r = row(segment)
        r.customers += n
        r.relationship_types[relationship] = r.relationship_types.get(relationship, 0) + n
        r.stages[stage] = r.stages.get(stage, 0) + n
        if preferred:
            r.channels_preferred[preferred] = r.channels_preferred.get(preferred, 0) + n
        r.points_outstanding += int(points or 0)

    # Value: lifetime and last 12 months (customers today), and bought in the period.
    year_ago_day = _add_months(now.astimezone().date(), -12)
    year_ago = year_ago_day.isoformat()
    if cols is not None:
        purchases: Iterable[tuple[Any, ...]] = canvas_columns.purchase_groups(
            cols, visible, year_ago_day, scope.first, scope.last)
    else:
        purchases = db.execute_sql(
            f"""SELECT c.segment, p.currency, c.archived_at IS NOT NULL, sum(p.amount_cents),
                       sum(CASE WHEN p.purchased_on > ? THEN p.amount_cents ELSE 0 END),
                       sum(CASE WHEN p.purchased_on BETWEEN ? AND ? THEN p.amount_cents
                           ELSE 0 END)
                FROM customer c JOIN purchase p ON p.customer_id = c.id
                WHERE {where.sql} GROUP BY 1, 2, 3""",
            [year_ago, scope.first.isoformat(), scope.last.isoformat(), *where.params])
    for segment, cur, archived, total, recent, in_period in purchases:
        r = row(segment)
        if cur == currency:
            if not archived:
                r.lifetime_value_cents += int(total)
                r.last_12_months_cents += int(recent)
            r.bought_in_period_cents += int(in_period)
        elif not archived:
            r.other_currencies_cents[cur] = r.other_currencies_cents.get(cur, 0) + int(total)

    # Contacts in the period: channels, time spent and what it cost, satisfaction.
    lo, hi = scope.start_utc(), scope.end_utc()
    costs = prefs.hourly_cost_cents
    cost_exact: dict[str, float] = {}
    if cols is not None:
        roles = {int(sid): str(role) for sid, role in db.execute_sql(
            "SELECT id, role FROM staff")}
        groups: Iterable[tuple[Any, ...]] = canvas_columns.interaction_groups(
            cols, visible, lo, hi, roles)
    else:
        groups = db.execute_sql(
            f"""SELECT c.segment, i.channel, c.preferred_channel = i.channel,
                       c.preferred_channel != '', coalesce(s.role, ''),
                       substr(i.happened_at, 1, 7), count(*), coalesce(sum(i.duration_min), 0),
                       count(*) - count(i.duration_min), coalesce(sum(i.satisfaction), 0),
                       count(i.satisfaction)
                FROM interaction i INDEXED BY interaction_canvas
                JOIN customer c ON c.id = i.customer_id
                LEFT JOIN staff s ON s.id = i.staff_id
                WHERE i.happened_at >= ? AND i.happened_at < ? AND {where.sql}
                GROUP BY 1, 2, 3, 4, 5, 6""", [lo, hi, *where.params])
    for segment, channel, on_pref, has_pref, role, month, n, logged, unlogged, sat, rated \
            in groups:
        r = row(segment)
        r.interactions += n
        r.channels_used[channel] = r.channels_used.get(channel, 0) + n
        if has_pref:
            r.with_preference += n
            if on_pref:
                r.on_preferred_channel += n
        defaulted = unlogged * prefs.channel_minutes.get(channel, 0)
        minutes = int(logged) + defaulted
        r.staff_minutes += minutes
        r.minutes_defaulted += defaulted
        hourly = costs.get(role) if role in costs else costs.get(UNKNOWN_ROLE, 0)
        cost_exact[segment] = cost_exact.get(segment, 0.0) + minutes * (hourly or 0) / 60
        r.satisfaction_sum += int(sat)
        r.satisfaction_count += int(rated)
        if rated:
            s0, n0 = r.satisfaction_months.get(month, (0, 0))
            r.satisfaction_months[month] = (s0 + int(sat), n0 + int(rated))
    for segment, exact in cost_exact.items():
        rows[segment].cost_cents = round(exact)
    # Response times: each inbound contact of the period, to our first answer after it.
    if cols is not None:
        for segment, (hours, waiting) in canvas_columns.response_groups(
                cols, visible, lo, hi).items():
            r = row(segment)
            r.response_hours.extend(hours.tolist())
            r.unanswered += waiting
    else:
        for segment, hours_or_none in response_hours(scope, where):
            r = row(segment)
            if hours_or_none is None:
                r.unanswered += 1
            else:
                r.response_hours.append(hours_or_none)

    # Promises that fell due in the period.
    for segment, promises in promise_counts(scope, where, now).items():
        row(segment).promises.add(promises)

    ordered = sorted(rows.values(), key=_segment_order)
    total = _total(ordered)
    for r in [*ordered, total]:
        r._ordered()  # sorted here, in the worker, not when the window draws the cards
    return Canvas(scope, currency, ordered, total, prefs, now)


#: "columns": the log, customers and purchases held in memory (services/canvas_columns.py);
#: "sql": everything from SQL each time (the reference the tests compare with)
ENGINE = "columns"


def _visible_mask(where: Where, size: int) -> Any:
    """Which customer ids the current person's figures count (the rules are SQL from
    services/access.py, applied to the customer table once)."""
    import numpy as np

    mask = np.zeros(size, dtype=bool)
    if where.sql == "NOT (0)" and not where.params:
        mask[:] = True
        return mask
    ids = [r[0] for r in db.execute_sql(f"SELECT c.id FROM customer c WHERE {where.sql}",
                                        where.params)]
    if ids:
        mask[np.array(ids, dtype=np.int64)] = True
    return mask


def _segment_order(r: SegmentRow) -> tuple[int, int, str]:
    known = {name: i for i, name in enumerate(catalog.DEFAULT_SEGMENTS)}
    return (0 if r.segment else 1, known.get(r.segment, len(known)), r.segment.casefold())


def _total(rows: Iterable[SegmentRow]) -> SegmentRow:
    total = SegmentRow("(all segments)")
    for r in rows:
        for name in ("customers", "points_outstanding", "lifetime_value_cents",
                     "last_12_months_cents", "interactions", "on_preferred_channel",
                     "with_preference", "unanswered", "satisfaction_sum", "satisfaction_count",
                     "staff_minutes", "minutes_defaulted", "cost_cents",
                     "bought_in_period_cents"):
            setattr(total, name, getattr(total, name) + getattr(r, name))
        for name in ("relationship_types", "channels_preferred", "stages", "channels_used",
                     "other_currencies_cents"):
            mine = getattr(total, name)
            for k, v in getattr(r, name).items():
                mine[k] = mine.get(k, 0) + v
        for month, (s, n) in r.satisfaction_months.items():
            s0, n0 = total.satisfaction_months.get(month, (0, 0))
            total.satisfaction_months[month] = (s0 + s, n0 + n)
        total.response_hours.extend(r.response_hours)
        total.promises.add(r.promises)
    return total


def response_hours(scope: Scope, where: Where, group: str = "c.segment"
                   ) -> list[tuple[Any, float | None]]:
    """(group, hours to the first answer) for every inbound contact of the period; hours is
    None when nobody has answered yet. The answer is the customer's first outbound contact
    at or after the inbound one (whoever made it, in whatever period)."""
    lo, hi = scope.start_utc(), scope.end_utc()
    out: list[tuple[Any, float | None]] = []
    for key, seconds in db.execute_sql(
            f"""SELECT {group},
                       (SELECT CAST(strftime('%s', min(o.happened_at)) AS INTEGER)
                               - CAST(strftime('%s', i.happened_at) AS INTEGER)
                        FROM interaction o INDEXED BY interaction_answer
                        WHERE o.customer_id = i.customer_id AND o.direction = 'out'
                          AND o.happened_at >= i.happened_at)
                FROM interaction i INDEXED BY interaction_canvas
                JOIN customer c ON c.id = i.customer_id
                WHERE i.happened_at >= ? AND i.happened_at < ? AND i.direction = 'in'
                  AND {where.sql}""", [lo, hi, *where.params]):
        out.append((key, None if seconds is None else max(0.0, seconds) / 3600))
    return out


def promise_counts(scope: Scope, where: Where, now: dt.datetime,
                   group: str = "c.segment") -> dict[Any, Promises]:
    """Promises (follow-ups marked as a promise to the client) due in the period, by group:
    kept on time (done by the due time), kept late, overdue (open, past due), open."""
    lo, hi = scope.start_utc(), scope.end_utc()
    found: dict[Any, Promises] = {}
    for key, status, due_at, completed_at in db.execute_sql(
            f"""SELECT {group}, f.status, f.due_at, f.completed_at
                FROM follow_up f JOIN customer c ON c.id = f.customer_id
                WHERE f.is_promise AND f.due_at >= ? AND f.due_at < ? AND {where.sql}""",
            [lo, hi, *where.params]):
        p = found.setdefault(key, Promises())
        p.due += 1
        if status == "done":
            if completed_at is not None and completed_at <= due_at:
                p.kept_on_time += 1
            else:
                p.kept_late += 1
        elif status == "cancelled":
            p.cancelled += 1
        elif _parse(due_at) < now:
            p.overdue += 1
        else:
            p.open += 1
    return found


# --- the customers behind a figure -----------------------------------------------------------
FIGURES = ("customers", "relationship", "stage", "preferred", "channel", "in_touch", "inbound",
           "promises_overdue", "promises_late", "rated", "unanswered", "bought")


def customers_behind(scope: Scope, segment: str | None, figure: str, key: str = "",
                     now: dt.datetime | None = None, limit: int = 100_000) -> list[int]:
    """The ids of the customers behind one figure of the canvas (for the customer list):
    `segment` None means every segment; `key` is the relationship type, stage or channel
    for the figures that have one. Only customers in the book today (not the Trash)."""
    if figure not in FIGURES:
        raise ScopeError(translate(
            "canvas", "“{shown}” is not a figure of the canvas.").format(shown=shown(figure)))
    where = customer_where(scope)
    now = now or dt.datetime.now(dt.UTC)
    lo, hi = scope.start_utc(), scope.end_utc()
    clauses = ["c.archived_at IS NULL", where.sql]
    params: list[Any] = list(where.params)
    if segment is not None:
        clauses.append("c.segment = ?")
        params.append("" if segment == NO_SEGMENT else segment)
    period = "i.happened_at >= ? AND i.happened_at < ?"
    if figure == "relationship":
        clauses.append("c.relationship_type = ?")
        params.append(key)
    elif figure == "stage":
        clauses.append("c.stage = ?")
        params.append(key)
    elif figure == "preferred":
        clauses.append("c.preferred_channel = ?")
        params.append(key)
    elif figure in ("channel", "in_touch", "inbound", "rated", "unanswered"):
        # Driven from the period's range of the covering index, not customer by customer.
        extra = {"channel": " AND i.channel = ?", "in_touch": "",
                 "inbound": " AND i.direction = 'in'",
                 "rated": " AND i.satisfaction IS NOT NULL",
                 "unanswered": " AND i.direction = 'in' AND NOT EXISTS (SELECT 1 FROM "
                 "interaction o INDEXED BY interaction_answer WHERE o.customer_id = "
                 "i.customer_id AND o.direction = 'out' AND o.happened_at >= i.happened_at)"
                 }[figure]
        clauses.append("c.id IN (SELECT i.customer_id FROM interaction i INDEXED BY "
                       f"interaction_canvas WHERE {period}{extra})")
        params += [lo, hi] + ([key] if figure == "channel" else [])
    elif figure in ("promises_overdue", "promises_late"):
        cond = ("f.status = 'open' AND f.due_at < ?" if figure == "promises_overdue" else
                "f.status = 'done' AND (f.completed_at IS NULL OR f.completed_at > f.due_at)")
        clauses.append("c.id IN (SELECT f.customer_id FROM follow_up f WHERE f.is_promise "
                       f"AND f.due_at >= ? AND f.due_at < ? AND {cond})")
        params += [lo, hi] + ([_stamp(now)] if figure == "promises_overdue" else [])
    elif figure == "bought":
        clauses.append("c.id IN (SELECT p.customer_id FROM purchase p WHERE "
                       "p.purchased_on BETWEEN ? AND ? AND p.currency = ?)")
        params += [scope.first.isoformat(), scope.last.isoformat(),
                   loyalty_programme.programme().currency]
    return [int(r[0]) for r in db.execute_sql(
        f"SELECT c.id FROM customer c WHERE {' AND '.join(clauses)} ORDER BY +c.sort_name "
        f"LIMIT ?", [*params, limit])]


# --- plain data for JSON and CSV -------------------------------------------------------------
def money(cents: int | None) -> str | None:
    """Exact decimal text of an amount in cents: 123456 -> '1234.56'."""
    if cents is None:
        return None
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(int(cents)), 100)
    return f"{sign}{whole}.{part:02d}"


def money_text(cents: int | None) -> str:
    """An amount for people: 1234567 -> '12,345.67' (exact, from the cents)."""
    if cents is None:
        return "—"
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(int(cents)), 100)
    return f"{sign}{whole:,}.{part:02d}"


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def row_json(r: SegmentRow, canvas: Canvas) -> dict[str, Any]:
    prefs = canvas.settings
    liability = round(r.points_outstanding * prefs.point_value_cents)
    stage_labels = dict(lifecycle.stages())
    return {
        "segment": r.label,
        "customers": r.customers,
        "relationship_types": dict(sorted(r.relationship_types.items())),
        "stages": {k: r.stages.get(k, 0) for k in stage_labels},
        "stage_shares": {k: round(v, 4) for k, v in r.stage_shares.items()},
        "channels_used": dict(sorted(r.channels_used.items(), key=lambda kv: -kv[1])),
        "channels_preferred": dict(sorted(r.channels_preferred.items(),
                                          key=lambda kv: -kv[1])),
        "on_preferred_channel_share": _round(
            r.on_preferred_channel / r.with_preference if r.with_preference else None, 4),
        "mismatch": r.mismatch(),
        "interactions": r.interactions,
        "response_median_hours": _round(r.response_median_hours),
        "response_p90_hours": _round(r.response_p90_hours),
        "answered_within_target": _round(r.answered_within(prefs.answer_target_hours), 4),
        "unanswered": r.unanswered,
        "satisfaction": _round(r.satisfaction),
        "satisfaction_trend": _round(r.satisfaction_trend),
        "satisfaction_ratings": r.satisfaction_count,
        "promises_kept_on_time": _round(r.promises.on_time_share, 4),
        "promises": {"due": r.promises.due, "kept_on_time": r.promises.kept_on_time,
                     "kept_late": r.promises.kept_late, "overdue": r.promises.overdue,
                     "open": r.promises.open, "cancelled": r.promises.cancelled},
        "staff_hours": round(r.staff_hours, 2),
        "staff_hours_defaulted": round(r.minutes_defaulted / 60, 2),
        "cost": money(r.cost_cents),
        "cost_per_customer": money(r.cost_per_customer_cents),
        "bought_in_period": money(r.bought_in_period_cents),
        "lifetime_value": money(r.lifetime_value_cents),
        "last_12_months": money(r.last_12_months_cents),
        "other_currencies": {k: money(v) for k, v in sorted(r.other_currencies_cents.items())},
        "points_outstanding": r.points_outstanding,
        "points_liability": money(liability),
        "currency": canvas.currency,
    }


CSV_COLUMNS = ["segment", "customers", "relationship_types", "channels_used",
               "channels_preferred", "mismatch", "interactions", "response_median_hours",
               "response_p90_hours", "answered_within_target", "satisfaction",
               "satisfaction_trend", "promises_kept_on_time", "staff_hours", "cost",
               "cost_per_customer", "bought_in_period", "lifetime_value", "last_12_months",
               "points_outstanding", "points_liability", "currency"]


def csv_rows(canvas: Canvas) -> list[list[object]]:
    """The canvas as a table (one line per segment, then the total)."""
    out: list[list[object]] = [list(CSV_COLUMNS)]
    for r in [*canvas.rows, canvas.total]:
        data = row_json(r, canvas)
        line: list[object] = []
        for col in CSV_COLUMNS:
            value = data[col]
            if isinstance(value, dict):
                value = "; ".join(f"{k} {v}" for k, v in value.items())
            line.append("" if value is None else value)
        out.append(line)
    return out
