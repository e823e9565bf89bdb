"""The dashboards: the figures behind each chart (funnel, promises, response times,
satisfaction, channels, loyalty, quiet and reactivated clients, lifetime value and cohorts),
and the customers behind any point of a chart. Plain SQL; no Qt.

Every chart uses the canvas' scope (period, owner) and counting rules (services/canvas.py):
who may see what, customers today for the "now" figures, everything that happened in the
period for the period figures. Months are calendar months of the period (UTC)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from crmdesk.services import (
    access,
    agenda,
    canvas,
    catalog,
    lifecycle,
    loyalty_ledger,
    loyalty_programme,
    settings,
    texts,
)
from crmdesk.services.canvas import Scope, Where, customer_where
from crmdesk.services.texts import QT_TRANSLATE_NOOP, translate
from crmdesk.store.db import db

NOBODY = "(nobody)"


def _person(name: str) -> str:
    """A staff member's name as a chart shows it: "(nobody)" in the window's language."""
    return translate("dashboard", "(nobody)") if name == NOBODY else name


@dataclass
class Series:
    key: str
    name: str
    values: list[float | None]


@dataclass
class Chart:
    key: str
    title: str
    kind: str  # bar (grouped), stacked, line or funnel
    categories: list[tuple[str, str]]  # (key, label) along the x axis
    series: list[Series]
    unit: str = ""  # '', 'h', 'days', '%', 'money', 'points', 'score'
    note: str = ""
    group: str = ""  # which dashboard tab it belongs to

    def value(self, series: int, category: int) -> float | None:
        return self.series[series].values[category]


#: the dashboards' tabs (labels in English; `texts.translate("dashboard", label)` shows one)
GROUPS = [("lifecycle", QT_TRANSLATE_NOOP("dashboard", "Lifecycle")),
          ("promises", QT_TRANSLATE_NOOP("dashboard", "Promises")),
          ("response", QT_TRANSLATE_NOOP("dashboard", "Response times")),
          ("contacts", QT_TRANSLATE_NOOP("dashboard", "Satisfaction and channels")),
          ("loyalty", QT_TRANSLATE_NOOP("dashboard", "Loyalty")),
          ("value", QT_TRANSLATE_NOOP("dashboard", "Quiet clients and value"))]


@dataclass
class Dashboard:
    scope: Scope
    currency: str
    charts: list[Chart] = field(default_factory=list)
    computed_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def chart(self, key: str) -> Chart:
        for c in self.charts:
            if c.key == key:
                return c
        raise KeyError(key)


def months(scope: Scope) -> list[str]:
    out, year, month = [], scope.first.year, scope.first.month
    while (year, month) <= (scope.last.year, scope.last.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_label(key: str) -> str:
    year, month = key.split("-")
    if texts.language() == "es":  # the window in Spanish: "dic 2026"
        from crmdesk.services.locale_text import MONTHS

        return f"{MONTHS['es'][int(month) - 1][:3]} {int(year)}"
    return f"{dt.date(int(year), int(month), 1):%b %Y}"


def _month_categories(scope: Scope) -> list[tuple[str, str]]:
    return [(m, month_label(m)) for m in months(scope)]


def _period(scope: Scope) -> tuple[str, str]:
    return scope.start_utc(), scope.end_utc()


def compute(scope: Scope, now: dt.datetime | None = None,
            only: set[str] | None = None) -> Dashboard:
    """Every chart (or those of the groups named in `only`); each group is computed once
    and reused until the book changes (services/figures_cache.py)."""
    from crmdesk.services import figures_cache

    where = customer_where(scope)
    moment = figures_cache.moment(now)
    at = now or dt.datetime.now(dt.UTC)
    board = Dashboard(scope, loyalty_programme.programme().currency, computed_at=at)
    for key, builder in BUILDERS.items():
        if only is None or key in only:
            board.charts.extend(figures_cache.cached(
                f"dashboard:{key}", (scope, moment),
                lambda b=builder: b(scope, where, at)))  # type: ignore[misc]
    return board


# --- lifecycle ----------------------------------------------------------------------------
def _funnel(scope: Scope, where: Where, now: dt.datetime) -> list[Chart]:
    lo, hi = _period(scope)
    order = [(k, texts.vocabulary(label)) for k, label in lifecycle.stages()]
    keys = [k for k, _ in order]
    if canvas.ENGINE == "columns":
        from crmdesk.services import canvas_columns, dashboard_columns

        visible = canvas._visible_mask(where, len(canvas_columns.columns().c_segment))
        figures = dashboard_columns.funnel(visible, lo, hi, keys)
        entered, exited, to_next = figures["entered"], figures["exited"], figures["to_next"]
        trend, median_days = figures["trend"], figures["median_days"]
    else:
        entered, exited, to_next, trend, median_days = _funnel_sql(lo, hi, keys, where)
    cats = list(order)
    funnel = Chart("funnel", translate("dashboard", "Funnel: customers entering each stage"),
                   "funnel", cats, [
        Series("entered", translate("dashboard", "Entered"),
               [entered.get(k, 0) for k in keys])], group="lifecycle")
    flows = Chart("stage_flows", translate("dashboard", "Entries and exits per stage"),
                  "bar", cats, [
        Series("entered", translate("dashboard", "Entered"), [entered.get(k, 0) for k in keys]),
        Series("exited", translate("dashboard", "Left"), [exited.get(k, 0) for k in keys]),
        Series("moved_on", translate("dashboard", "Moved on to the next stage"),
               [to_next.get(k, 0) for k in keys]),
    ], group="lifecycle")
    conv = [f"{label} {to_next.get(k, 0) / exited[k]:.0%}" for k, label in order[:-1]
            if exited.get(k)]
    flows.note = translate("dashboard", "Of those who left a stage, moved on to the next: "
                           "{shares}").format(shares=", ".join(conv)) if conv else ""
    month_cats = _month_categories(scope)
    trend_chart = Chart("funnel_trend", translate("dashboard", "Entries per stage, month by month"),
                        "line",
                        month_cats, [Series(k, label, [trend.get((k, m), 0)
                                                       for m, _ in month_cats])
                                     for k, label in order], group="lifecycle")
    days = Chart("stage_days", translate(
        "dashboard", "Median days in each stage (of those who left it)"), "bar",
                 cats, [Series("median_days", translate("dashboard", "Median days"),
                               [median_days.get(k) for k in keys])],
                 unit="days", group="lifecycle")
    return [funnel, flows, trend_chart, days]


def _funnel_sql(lo: str, hi: str, keys: list[str], where: Where) -> tuple[Any, ...]:
    entered: dict[str, int] = {}
    exited: dict[str, int] = {}
    to_next: dict[str, int] = {}
    trend: dict[tuple[str, str], int] = {}
    stays: dict[str, list[float]] = {}
    for frm, to, month, n in db.execute_sql(
            f"""SELECT s.from_stage, s.to_stage, substr(s.changed_at, 1, 7), count(*)
                FROM stage_change s JOIN customer c ON c.id = s.customer_id
                WHERE s.changed_at >= ? AND s.changed_at < ? AND {where.sql}
                GROUP BY 1, 2, 3""", [lo, hi, *where.params]):
        entered[to] = entered.get(to, 0) + n
        exited[frm] = exited.get(frm, 0) + n
        trend[(to, month)] = trend.get((to, month), 0) + n
        if frm in keys and keys.index(frm) + 1 < len(keys) and keys[keys.index(frm) + 1] == to:
            to_next[frm] = to_next.get(frm, 0) + n
    for frm, seconds in db.execute_sql(
            f"""SELECT s.from_stage, s.stay_seconds
                FROM stage_change s JOIN customer c ON c.id = s.customer_id
                WHERE s.changed_at >= ? AND s.changed_at < ? AND s.stay_seconds IS NOT NULL
                  AND {where.sql}""", [lo, hi, *where.params]):
        stays.setdefault(frm, []).append(seconds / 86400)
    median_days = {k: canvas._quantile(v, 0.5) for k, v in stays.items()}
    return entered, exited, to_next, trend, median_days


# --- promises -------------------------------------------------------------------------------
PROMISE_SERIES = [("kept_on_time", QT_TRANSLATE_NOOP("dashboard", "Kept on time")),
                  ("kept_late", QT_TRANSLATE_NOOP("dashboard", "Kept late")),
                  ("overdue", QT_TRANSLATE_NOOP("dashboard", "Overdue")),
                  ("open", QT_TRANSLATE_NOOP("dashboard", "Not due yet"))]


POINT_SERIES = [("issued", QT_TRANSLATE_NOOP("dashboard", "Issued")),
                ("redeem", QT_TRANSLATE_NOOP("dashboard", "Redeemed")),
                ("expire", QT_TRANSLATE_NOOP("dashboard", "Expired"))]


def _promises(scope: Scope, where: Where, now: dt.datetime) -> list[Chart]:
    by_person = canvas.promise_counts(scope, where, now,
                                      group=f"coalesce((SELECT name FROM staff WHERE "
                                            f"staff.id = f.assignee_id), '{NOBODY}')")
    by_month = canvas.promise_counts(scope, where, now, group="substr(f.due_at, 1, 7)")
    people = sorted(by_person, key=lambda n: (n == NOBODY, str(n).casefold()))
    person = Chart("promises_person", translate(
        "dashboard", "Promises due in the period, per person"), "stacked",
                   [(p, _person(p)) for p in people],
                   [Series(k, translate("dashboard", label),
                           [getattr(by_person[p], k) for p in people])
                    for k, label in PROMISE_SERIES], group="promises")
    total = canvas.Promises()
    for p in by_person.values():
        total.add(p)
    share = total.on_time_share
    person.note = translate(
        "dashboard", "{due} promises due; {share:.0%} of those that fell due were kept on "
        "time").format(due=texts.integer(total.due), share=share) if share is not None \
        else translate("dashboard", "No promise fell due.")
    month_cats = _month_categories(scope)
    month = Chart("promises_month", translate("dashboard", "Promises by the month they were due"),
                  "stacked",
                  month_cats, [Series(k, translate("dashboard", label),
                                      [getattr(by_month.get(m, canvas.Promises()), k)
                                       for m, _ in month_cats])
                               for k, label in PROMISE_SERIES], group="promises")
    return [person, month]


# --- response times -------------------------------------------------------------------------
@dataclass
class _Answer:
    channel: str
    month: str
    hours: float | None
    responder: str


def _answers(scope: Scope, where: Where) -> list[_Answer]:
    lo, hi = _period(scope)
    names = {sid: name for sid, name in db.execute_sql("SELECT id, name FROM staff")}
    out = []
    for channel, month, start, answer in db.execute_sql(
            f"""SELECT i.channel, substr(i.happened_at, 1, 7),
                       CAST(strftime('%s', i.happened_at) AS INTEGER),
                       (SELECT strftime('%s', o.happened_at) || '|' || coalesce(o.staff_id, '')
                        FROM interaction o INDEXED BY interaction_answer
                        WHERE o.customer_id = i.customer_id AND o.direction = 'out'
                          AND o.happened_at >= i.happened_at
                        ORDER BY o.happened_at LIMIT 1)
                FROM interaction i INDEXED BY interaction_canvas
                JOIN customer c ON c.id = i.customer_id
                WHERE i.happened_at >= ? AND i.happened_at < ? AND i.direction = 'in'
                  AND {where.sql}""", [lo, hi, *where.params]):
        if answer is None:
            out.append(_Answer(channel, month, None, ""))
            continue
        when, sid = answer.split("|")
        out.append(_Answer(channel, month, (int(when) - start) / 3600,
                           names.get(int(sid), NOBODY) if sid else NOBODY))
    return out


def _answer_figures(scope: Scope, where: Where, target: float) -> dict[str, Any]:
    """What the response charts are drawn from (see dashboard_columns.answers), from SQL."""
    answers = _answers(scope, where)
    by_channel: dict[str, list[float]] = {}
    channel_month: dict[tuple[str, str], list[float]] = {}
    staff_month: dict[tuple[str, str], list[float]] = {}
    asked: dict[str, int] = {}
    in_time: dict[str, int] = {}
    for a in answers:
        asked[a.month] = asked.get(a.month, 0) + 1
        if a.hours is not None:
            by_channel.setdefault(a.channel, []).append(a.hours)
            channel_month.setdefault((a.channel, a.month), []).append(a.hours)
            staff_month.setdefault((a.responder, a.month), []).append(a.hours)
            if a.hours <= target:
                in_time[a.month] = in_time.get(a.month, 0) + 1
    return {"by_channel": {k: [canvas._quantile(v, 0.5), canvas._quantile(v, 0.9)]
                           for k, v in by_channel.items()},
            "people": sorted({p for p, _ in staff_month},
                             key=lambda n: (n == NOBODY, n.casefold())),
            "staff_month": {k: canvas._quantile(v, 0.5) for k, v in staff_month.items()},
            "channel_month": {k: canvas._quantile(v, 0.5) for k, v in channel_month.items()},
            "asked": asked, "in_time": in_time, "inbound": len(answers)}


def _response(scope: Scope, where: Where, now: dt.datetime) -> list[Chart]:
    target = settings.canvas_settings().answer_target_hours
    if canvas.ENGINE == "columns":
        from crmdesk.services import canvas_columns, dashboard_columns

        lo, hi = _period(scope)
        names = {int(sid): str(name) for sid, name in db.execute_sql(
            "SELECT id, name FROM staff")}
        visible = canvas._visible_mask(where, len(canvas_columns.columns().c_segment))
        figures = dashboard_columns.answers(visible, lo, hi, names, NOBODY, target)
    else:
        figures = _answer_figures(scope, where, target)
    by_channel = figures["by_channel"]
    channels = [(k, texts.vocabulary(label)) for k, label in catalog.INTERACTION_CHANNELS
                if k in by_channel]
    channel_chart = Chart("response_channel", translate(
        "dashboard", "Time to answer, by the channel the client used"), "bar", channels, [
                              Series("median", translate("dashboard", "Median"), [by_channel[k][0]
                                                          for k, _ in channels]),
                              Series("p90", translate("dashboard", "90th percentile"),
                                     [by_channel[k][1] for k, _ in channels])],
                          unit="h", group="response")
    month_cats = _month_categories(scope)
    channel_month = figures["channel_month"]
    channel_trend = Chart("response_channel_month", translate(
        "dashboard", "Median time to answer per channel, month by month"), "line", month_cats,
                          [Series(k, label, [channel_month.get((k, m)) for m, _ in month_cats])
                           for k, label in channels], unit="h", group="response")
    staff_month = figures["staff_month"]
    staff_chart = Chart("response_staff", translate(
        "dashboard", "Median time to answer, per staff member"),
                        "line", month_cats,
                        [Series(p, _person(p), [staff_month.get((p, m)) for m, _ in month_cats])
                         for p in figures["people"]],
                        unit="h", group="response")
    asked, in_time = figures["asked"], figures["in_time"]
    within: list[float | None] = [in_time.get(m, 0) / asked[m] if asked.get(m) else None
                                  for m, _ in month_cats]
    total_ok = sum(in_time.values())
    share = Chart("response_target", translate(
        "dashboard", "Share answered within {target} h").format(target=target), "line",
                  month_cats, [Series("within", translate(
                      "dashboard", "Within {target} h").format(target=target), within)], unit="%",
                  group="response")
    share.note = translate(
        "dashboard", "{answered} of {inbound} inbound contacts answered within {target} h").format(
        answered=texts.integer(total_ok), inbound=texts.integer(figures["inbound"]),
        target=target) if figures["inbound"] \
        else translate("dashboard", "No inbound contact in the period.")
    return [channel_chart, channel_trend, staff_chart, share]


# --- satisfaction and channels --------------------------------------------------------------
def _contacts(scope: Scope, where: Where, now: dt.datetime) -> list[Chart]:
    lo, hi = _period(scope)
    by_month: dict[str, tuple[int, int]] = {}
    by_channel: dict[str, list[int]] = {}  # channel -> [contacts, rating sum, ratings]
    by_relationship: dict[str, int] = {}
    rows: Any
    if canvas.ENGINE == "columns":
        from crmdesk.services import canvas_columns

        cols = canvas_columns.columns()
        rows = canvas_columns.contact_groups(
            cols, canvas._visible_mask(where, len(cols.c_segment)), lo, hi)
    else:
        rows = db.execute_sql(
            f"""SELECT substr(i.happened_at, 1, 7), i.channel, c.relationship_type, count(*),
                       coalesce(sum(i.satisfaction), 0), count(i.satisfaction)
                FROM interaction i INDEXED BY interaction_canvas
                JOIN customer c ON c.id = i.customer_id
                WHERE i.happened_at >= ? AND i.happened_at < ? AND {where.sql}
                GROUP BY 1, 2, 3""", [lo, hi, *where.params])
    for month, channel, relationship, n, rating_sum, ratings in rows:
        s0, n0 = by_month.get(month, (0, 0))
        by_month[month] = (s0 + rating_sum, n0 + ratings)
        row = by_channel.setdefault(channel, [0, 0, 0])
        row[0] += n
        row[1] += rating_sum
        row[2] += ratings
        by_relationship[relationship] = by_relationship.get(relationship, 0) + n
    month_cats = _month_categories(scope)
    sat_month = Chart("satisfaction_month", translate(
        "dashboard", "Satisfaction (1–5), month by month"), "line",
                      month_cats, [Series("satisfaction",
                                          translate("dashboard", "Average rating"), [
                          by_month[m][0] / by_month[m][1] if by_month.get(m, (0, 0))[1]
                          else None for m, _ in month_cats])], unit="score", group="contacts")
    channels = [(k, texts.vocabulary(label)) for k, label in catalog.INTERACTION_CHANNELS
                if k in by_channel]
    sat_channel = Chart("satisfaction_channel", translate("dashboard", "Satisfaction by channel"),
                        "bar", channels,
                        [Series("satisfaction", translate("dashboard", "Average rating"), [
                            by_channel[k][1] / by_channel[k][2] if by_channel[k][2] else None
                            for k, _ in channels])], unit="score", group="contacts")
    count_channel = Chart("interactions_channel", translate("dashboard", "Contacts by channel"),
                          "bar", channels,
                          [Series("contacts", translate("dashboard", "Contacts"), [by_channel[k][0]
                                                           for k, _ in channels])],
                          group="contacts")
    rels = [(k, texts.vocabulary(label)) for k, label in catalog.RELATIONSHIP_TYPES
            if k in by_relationship]
    count_rel = Chart("interactions_relationship", translate(
        "dashboard", "Contacts by relationship type"), "bar",
                      rels, [Series("contacts", translate("dashboard", "Contacts"),
                                    [by_relationship[k]
                                                             for k, _ in rels])],
                      group="contacts")
    return [sat_month, sat_channel, count_channel, count_rel]


# --- loyalty --------------------------------------------------------------------------------
def _loyalty(scope: Scope, where: Where, now: dt.datetime) -> list[Chart]:
    lo, hi = _period(scope)
    visible = _visible(where)
    flows: dict[tuple[str, str], int] = {}
    if visible is not None:
        from crmdesk.services import dashboard_columns

        flows = dashboard_columns.point_flows(visible, lo, hi)
    else:
        for month, kind, points in db.execute_sql(
                f"""SELECT substr(p.happened_at, 1, 7),
                           CASE WHEN p.kind IN ('redeem', 'expire') THEN p.kind
                                WHEN p.points > 0 THEN 'issued' ELSE 'taken_back' END,
                           sum(p.points)
                    FROM points_entry p JOIN customer c ON c.id = p.customer_id
                    WHERE p.happened_at >= ? AND p.happened_at < ? AND {where.sql}
                    GROUP BY 1, 2""", [lo, hi, *where.params]):
            flows[(month, kind)] = abs(int(points))
    month_cats = _month_categories(scope)
    points = Chart("points_month", translate(
        "dashboard", "Points issued, redeemed and expired per month"), "bar",
                   month_cats, [Series(k, translate("dashboard", label),
                                       [flows.get((m, k), 0) for m, _ in month_cats])
                                for k, label in POINT_SERIES],
                   unit="points", group="loyalty")
    prog = loyalty_programme.programme()
    tiers = tier_counts(where, now, prog, visible)
    names = [prog.base_tier] + [t.name for t in prog.tiers]
    tier_chart = Chart("tier_mix", translate("dashboard", "Customers in each tier today"), "bar",
                       [(n, n) for n in names],
                       [Series("customers", translate("dashboard", "Customers"),
                               [tiers.get(n, 0) for n in names])],
                       group="loyalty")
    if visible is not None:
        from crmdesk.services import dashboard_columns

        outstanding = dashboard_columns.points_outstanding(visible)
    else:
        outstanding = int(db.execute_sql(
            f"SELECT coalesce(sum(c.points_balance), 0) FROM customer c "
            f"WHERE c.archived_at IS NULL AND {where.sql}", where.params).fetchone()[0])
    value = settings.canvas_settings().point_value_cents
    liability = round(outstanding * value)
    tier_chart.note = translate(
        "dashboard", "Points outstanding {points} × {value} ¢ = liability {money} {currency}")\
        .format(points=texts.integer(outstanding), value=value,
                money=canvas.money_text(liability), currency=prog.currency)
    if visible is not None:
        from crmdesk.services import dashboard_columns

        found = dashboard_columns.top_rewards(visible, lo, hi)
    else:
        found = [(str(name), int(n)) for name, n in db.execute_sql(
            f"""SELECT p.reward, count(*) FROM points_entry p
                JOIN customer c ON c.id = p.customer_id
                WHERE p.kind = 'redeem' AND p.happened_at >= ? AND p.happened_at < ?
                  AND {where.sql} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10""",
            [lo, hi, *where.params])]
    rewards = [(name or "(no reward named)", n) for name, n in found]
    top = Chart("top_rewards", translate("dashboard", "Top rewards redeemed in the period"), "bar",
                [(r, r) for r, _ in rewards], [Series("redemptions", translate(
                    "dashboard", "Redemptions"),
                                                      [n for _, n in rewards])],
                group="loyalty")
    return [points, tier_chart, top]


def _visible(where: Where) -> Any:
    """The customers the figures count as a mask over the columns, or None (SQL engine)."""
    if canvas.ENGINE != "columns":
        return None
    from crmdesk.services import canvas_columns

    return canvas._visible_mask(where, len(canvas_columns.columns().c_segment))


def tier_counts(where: Where, now: dt.datetime, prog: loyalty_programme.Programme,
                visible: Any = None) -> dict[str, int]:
    """How many customers (in the book today) are in each tier."""
    since = loyalty_ledger.ts(loyalty_ledger.add_months(now, -prog.tier_window_months))
    counts: dict[str, int] = {}
    if visible is not None:
        from crmdesk.services import dashboard_columns

        for qualifying, n in dashboard_columns.qualifying_points(
                visible, since, loyalty_ledger.ts(now)).items():
            tier = loyalty_programme.tier_for(max(0, qualifying), prog).tier
            counts[tier] = counts.get(tier, 0) + n
        return counts
    for qualifying, n in db.execute_sql(
            f"""SELECT q, count(*) FROM (
                  SELECT coalesce((SELECT sum(p.points) FROM points_entry p
                                   WHERE p.customer_id = c.id AND p.kind IN ('earn', 'bonus')
                                     AND p.happened_at > ? AND p.happened_at <= ?), 0) AS q
                  FROM customer c WHERE c.archived_at IS NULL AND {where.sql})
                GROUP BY q""", [since, loyalty_ledger.ts(now), *where.params]):
        tier = loyalty_programme.tier_for(max(0, int(qualifying)), prog).tier
        counts[tier] = counts.get(tier, 0) + int(n)
    return counts


# --- quiet clients and value ----------------------------------------------------------------
def _value(scope: Scope, where: Where, now: dt.datetime) -> list[Chart]:
    lo, hi = _period(scope)
    rules = agenda.cadence()
    cutoffs = {segment: canvas._stamp(now - dt.timedelta(days=days))
               for segment, days in rules.items()}
    currency = loyalty_programme.programme().currency
    year_ago_day = canvas._add_months(now.astimezone().date(), -12)
    visible = _visible(where)
    if visible is not None:
        from crmdesk.services import dashboard_columns

        quiet = dashboard_columns.quiet(visible, cutoffs)
        moves = dashboard_columns.moves(visible, lo, hi)
        ltv = dashboard_columns.lifetime_value(visible, currency, year_ago_day)
        cohort = dashboard_columns.cohorts(visible, currency, lo, hi)
    else:
        quiet, moves, ltv, cohort = _value_sql(where, cutoffs, lo, hi, currency,
                                               year_ago_day.isoformat())
    segs = list(rules)
    quiet_chart = Chart("quiet_segment", translate(
        "dashboard", "Clients gone quiet today (past their segment's contact cadence)"),
                        "bar", [(s, s) for s in segs],
                        [Series("quiet", translate("dashboard", "Gone quiet"),
                                [quiet[s] for s in segs])],
                        group="value")
    quiet_chart.note = ", ".join(translate("dashboard", "{segment}: every {days} days").format(
        segment=s, days=d) for s, d in rules.items())
    month_cats = _month_categories(scope)
    react = Chart("reactivation_month", translate(
        "dashboard", "Moved to Reactivation, and reactivated, per month"),
                  "line", month_cats,
                  [Series("quiet", translate("dashboard", "Moved to Reactivation"),
                          [moves.get((m, "quiet"), 0)
                                                             for m, _ in month_cats]),
                   Series("back", translate("dashboard", "Reactivated"), [moves.get((m, "back"), 0)
                                                  for m, _ in month_cats])], group="value")
    known = {name: i for i, name in enumerate(catalog.DEFAULT_SEGMENTS)}
    segments = sorted(ltv, key=lambda s: (not s, known.get(s, len(known)), s.casefold()))
    ltv_chart = Chart("ltv_segment", translate(
        "dashboard", "Lifetime value by segment ({currency})").format(currency=currency), "bar",
                      [(s, s or translate("dashboard", "(no segment)")) for s in segments],
                      [Series("lifetime", translate("dashboard", "Lifetime value"),
                              [ltv[s][0] for s in segments]),
                       Series("last_12", translate("dashboard", "Last 12 months"),
                              [ltv[s][1] for s in segments])],
                      unit="money", group="value")
    cohorts = Chart("cohorts", translate(
        "dashboard", "Lifetime value per customer, by the month they were added"),
                    "bar", month_cats,
                    [Series("average", translate("dashboard", "Average lifetime value"),
                            [round(cohort[m][1] / cohort[m][0]) if cohort.get(m) else None
                             for m, _ in month_cats])], unit="money", group="value")
    cohorts.note = translate("dashboard", "Customers added: {months}").format(months=", ".join(
        f"{month_label(m)} {texts.integer(cohort[m][0])}" for m, _ in month_cats if m in cohort))
    return [quiet_chart, react, ltv_chart, cohorts]


def _value_sql(where: Where, cutoffs: dict[str, str], lo: str, hi: str, currency: str,
               year_ago: str) -> tuple[Any, ...]:
    quiet: dict[str, int] = {}
    for segment, cutoff in cutoffs.items():
        quiet[segment] = int(db.execute_sql(
            f"SELECT count(*) FROM customer c WHERE c.archived_at IS NULL AND c.segment = ? "
            f"AND coalesce(c.last_contact_at, c.created_at) < ? AND {where.sql}",
            [segment, cutoff, *where.params]).fetchone()[0])
    moves: dict[tuple[str, str], int] = {}
    for month, kind, n in db.execute_sql(
            f"""SELECT substr(s.changed_at, 1, 7),
                       CASE WHEN s.to_stage = 'reactivation' THEN 'quiet' ELSE 'back' END,
                       count(*)
                FROM stage_change s JOIN customer c ON c.id = s.customer_id
                WHERE s.changed_at >= ? AND s.changed_at < ? AND {where.sql}
                  AND (s.to_stage = 'reactivation' OR s.from_stage = 'reactivation')
                GROUP BY 1, 2""", [lo, hi, *where.params]):
        moves[(month, kind)] = int(n)
    ltv: dict[str, list[int]] = {}
    for segment, total, recent in db.execute_sql(
            f"""SELECT c.segment, sum(p.amount_cents),
                       sum(CASE WHEN p.purchased_on > ? THEN p.amount_cents ELSE 0 END)
                FROM customer c JOIN purchase p ON p.customer_id = c.id
                WHERE c.archived_at IS NULL AND p.currency = ? AND {where.sql}
                GROUP BY 1""", [year_ago, currency, *where.params]):
        ltv[segment] = [int(total), int(recent)]
    cohort: dict[str, list[int]] = {}
    for month, n, total in db.execute_sql(
            f"""SELECT substr(c.created_at, 1, 7), count(*),
                       coalesce(sum((SELECT sum(p.amount_cents) FROM purchase p
                                     WHERE p.customer_id = c.id AND p.currency = ?)), 0)
                FROM customer c WHERE c.archived_at IS NULL
                  AND c.created_at >= ? AND c.created_at < ? AND {where.sql}
                GROUP BY 1""", [currency, lo, hi, *where.params]):
        cohort[month] = [int(n), int(total)]
    return quiet, moves, ltv, cohort


BUILDERS = {"lifecycle": _funnel, "promises": _promises, "response": _response,
            "contacts": _contacts, "loyalty": _loyalty, "value": _value}


# --- the customers behind a point of a chart --------------------------------------------------
def customers_behind(scope: Scope, chart: str, category: str, series: str = "",
                     now: dt.datetime | None = None, limit: int = 100_000) -> list[int]:
    """The customers (in the book today) behind one bar or point: `category` is the key
    along the x axis (a stage, month, person, channel…), `series` the series' key."""
    now = now or dt.datetime.now(dt.UTC)
    where = customer_where(scope)
    lo, hi = _period(scope)
    month_lo, month_hi = (f"{category}-01T00:00:00Z", _next_month(category)) \
        if len(category) == 7 and category[4] == "-" else (lo, hi)
    # The part of the period inside the month (for the month-by-month charts).
    m_lo, m_hi = max(lo, month_lo), min(hi, month_hi)
    cond: str
    params: list[Any]
    inter = ("c.id IN (SELECT i.customer_id FROM interaction i INDEXED BY interaction_canvas "
             "WHERE i.happened_at >= ? AND i.happened_at < ?")
    if chart in ("funnel", "stage_flows"):
        column = {"entered": "s.to_stage = ?", "exited": "s.from_stage = ?",
                  "moved_on": "s.from_stage = ? AND s.to_stage = ?"}.get(series,
                                                                         "s.to_stage = ?")
        params = [lo, hi, category]
        if series == "moved_on":
            params.append(lifecycle.neighbour(category, 1) or "")
        cond = ("c.id IN (SELECT s.customer_id FROM stage_change s WHERE "
                f"s.changed_at >= ? AND s.changed_at < ? AND {column})")
    elif chart == "funnel_trend":
        cond = ("c.id IN (SELECT s.customer_id FROM stage_change s WHERE "
                "s.changed_at >= ? AND s.changed_at < ? AND s.to_stage = ?)")
        params = [m_lo, m_hi, series]
    elif chart == "stage_days":
        cond = ("c.id IN (SELECT s.customer_id FROM stage_change s WHERE "
                "s.changed_at >= ? AND s.changed_at < ? AND s.from_stage = ?)")
        params = [lo, hi, category]
    elif chart in ("promises_person", "promises_month"):
        status = {"kept_on_time": "f.status = 'done' AND f.completed_at <= f.due_at",
                  "kept_late": "f.status = 'done' AND (f.completed_at IS NULL OR "
                               "f.completed_at > f.due_at)",
                  "overdue": "f.status = 'open' AND f.due_at < ?",
                  "open": "f.status = 'open' AND f.due_at >= ?"}.get(series, "1")
        if chart == "promises_person":
            who = ("f.assignee_id IS NULL" if category == NOBODY else
                   "f.assignee_id = (SELECT id FROM staff WHERE name = ?)")
            params = [lo, hi] + ([] if category == NOBODY else [category])
        else:
            who = "1"
            params = [m_lo, m_hi]
        if series in ("overdue", "open"):
            params.append(canvas._stamp(now))
        cond = ("c.id IN (SELECT f.customer_id FROM follow_up f WHERE "
                f"f.is_promise AND f.due_at >= ? AND f.due_at < ? AND {who} AND {status})")
    elif chart == "response_channel":
        cond = f"{inter} AND i.direction = 'in' AND i.channel = ?)"
        params = [lo, hi, category]
    elif chart == "response_channel_month":
        cond = f"{inter} AND i.direction = 'in' AND i.channel = ?)"
        params = [m_lo, m_hi, series]
    elif chart in ("response_staff", "response_target"):
        cond = f"{inter} AND i.direction = 'in')"
        params = [m_lo, m_hi]
    elif chart == "satisfaction_month":
        cond = f"{inter} AND i.satisfaction IS NOT NULL)"
        params = [m_lo, m_hi]
    elif chart == "satisfaction_channel":
        cond = f"{inter} AND i.satisfaction IS NOT NULL AND i.channel = ?)"
        params = [lo, hi, category]
    elif chart == "interactions_channel":
        cond = f"{inter} AND i.channel = ?)"
        params = [lo, hi, category]
    elif chart == "interactions_relationship":
        cond = f"c.relationship_type = ? AND {inter})"
        params = [category, lo, hi]
    elif chart == "points_month":
        kind = {"issued": "p.points > 0 AND p.kind NOT IN ('redeem', 'expire')",
                "redeem": "p.kind = 'redeem'", "expire": "p.kind = 'expire'"}.get(series, "1")
        cond = ("c.id IN (SELECT p.customer_id FROM points_entry p WHERE "
                f"p.happened_at >= ? AND p.happened_at < ? AND {kind})")
        params = [m_lo, m_hi]
    elif chart == "tier_mix":
        return _tier_members(where, category, now, limit)
    elif chart == "top_rewards":
        cond = ("c.id IN (SELECT p.customer_id FROM points_entry p WHERE "
                "p.kind = 'redeem' AND p.happened_at >= ? AND p.happened_at < ? AND "
                "p.reward = ?)")
        params = [lo, hi, "" if category == "(no reward named)" else category]
    elif chart == "quiet_segment":
        days = agenda.cadence().get(category, 0)
        cond = "c.segment = ? AND coalesce(c.last_contact_at, c.created_at) < ?"
        params = [category, canvas._stamp(now - dt.timedelta(days=days))]
    elif chart == "reactivation_month":
        side = "s.to_stage" if series == "quiet" else "s.from_stage"
        cond = ("c.id IN (SELECT s.customer_id FROM stage_change s WHERE "
                f"s.changed_at >= ? AND s.changed_at < ? AND {side} = 'reactivation')")
        params = [m_lo, m_hi]
    elif chart == "ltv_segment":
        cond = "c.segment = ?"
        params = ["" if category == canvas.NO_SEGMENT else category]
    elif chart == "cohorts":
        cond = "c.created_at >= ? AND c.created_at < ?"
        params = [m_lo, m_hi]
    else:
        raise canvas.ScopeError(translate(
            "dashboard", "“{chart}” is not a chart of the dashboard.").format(chart=chart))
    return [int(r[0]) for r in db.execute_sql(
        f"SELECT c.id FROM customer c WHERE c.archived_at IS NULL AND {where.sql} AND {cond} "
        "ORDER BY +c.sort_name LIMIT ?", [*where.params, *params, limit])]


def _next_month(key: str) -> str:
    year, month = int(key[:4]), int(key[5:7])
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return f"{year:04d}-{month:02d}-01T00:00:00Z"


def _tier_members(where: Where, tier: str, now: dt.datetime, limit: int) -> list[int]:
    prog = loyalty_programme.programme()
    since = loyalty_ledger.ts(loyalty_ledger.add_months(now, -prog.tier_window_months))
    out = []
    for cid, qualifying in db.execute_sql(
            f"""SELECT c.id, coalesce((SELECT sum(p.points) FROM points_entry p
                                       WHERE p.customer_id = c.id
                                         AND p.kind IN ('earn', 'bonus')
                                         AND p.happened_at > ? AND p.happened_at <= ?), 0)
                FROM customer c WHERE c.archived_at IS NULL AND {where.sql}
                ORDER BY c.sort_name""", [since, loyalty_ledger.ts(now), *where.params]):
        if loyalty_programme.tier_for(max(0, int(qualifying)), prog).tier == tier:
            out.append(int(cid))
            if len(out) >= limit:
                break
    return out


# --- JSON -----------------------------------------------------------------------------------
def _plain(value: float | None, unit: str) -> Any:
    if value is None:
        return None
    if unit == "money":
        return canvas.money(round(value))
    if isinstance(value, float):
        return round(value, 4 if unit == "%" else 2)
    return value


def to_json(board: Dashboard) -> dict[str, Any]:
    """{"from", "to", "owner", "currency", "charts": [{key, title, kind, unit, note,
    categories: [{key, label}], series: [{key, name, values}]}]}; money as decimal text."""
    access.require("analytics")
    return {
        "from": board.scope.first.isoformat(), "to": board.scope.last.isoformat(),
        "owner": board.scope.owner or None, "currency": board.currency,
        "charts": [{
            "key": c.key, "title": c.title, "kind": c.kind, "unit": c.unit, "note": c.note,
            "group": c.group,
            "categories": [{"key": k, "label": label} for k, label in c.categories],
            "series": [{"key": s.key, "name": s.name,
                        "values": [_plain(v, c.unit) for v in s.values]} for s in c.series],
        } for c in board.charts]}
