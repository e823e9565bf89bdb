"""`crmdesk canvas` and `crmdesk dashboard`: the relationship canvas and the dashboards'
figures on the command line (JSON for scripts, PDF and CSV for people)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from crmdesk.cli import _open
from crmdesk.store.db import BookError


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("canvas", parents=[common],
                       help="the relationship canvas: per segment, channels, response "
                            "times, satisfaction, promises, what it costs and brings")
    _scope_arguments(p)
    p.add_argument("--json", action="store_true", help="one object per segment")
    p.add_argument("--csv", metavar="FILE", help="also write the canvas as CSV")
    p.add_argument("--out", metavar="FILE.pdf", help="also write the canvas as PDF")
    p.set_defaults(func=cmd_canvas)

    p = sub.add_parser("dashboard", parents=[common],
                       help="the dashboards: funnel, promises, response times, "
                            "satisfaction, channels, loyalty, quiet clients, cohorts")
    _scope_arguments(p)
    p.add_argument("--out", metavar="FILE.pdf", help="write every chart to a PDF")
    p.add_argument("--csv", metavar="FILE", help="write the figures behind every chart as CSV")
    p.add_argument("--json", action="store_true", help="the figures behind each chart")
    p.set_defaults(func=cmd_dashboard)


def _scope_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="since", metavar="DATE",
                   help="first day (YYYY-MM-DD; default: a year before --to)")
    p.add_argument("--to", metavar="DATE", help="last day, included (default: today)")
    p.add_argument("--owner", metavar="NAME", default="",
                   help="only the customers this staff member looks after")


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        from crmdesk.services.canvas import shown

        raise BookError(f"“{shown(text)}” is not a date (use YYYY-MM-DD).") from exc


def scope_from(args: argparse.Namespace) -> Any:
    from crmdesk.services.canvas import Scope, check_scope

    last = _day(args.to) if args.to else dt.date.today()
    default = Scope.default(last, args.owner or "")
    scope = Scope(_day(args.since) if args.since else default.first, last, args.owner or "")
    try:
        check_scope(scope)
    except ValueError as exc:
        raise BookError(str(exc)) from exc
    return scope


@contextlib.contextmanager
def _writing(target: str) -> Iterator[None]:
    """A file that cannot be written is named as the user gave it, in one line."""
    try:
        yield
    except OSError as exc:
        from crmdesk.services.exporting import OutputRefused

        if isinstance(exc, OutputRefused):  # already one sentence naming the file
            raise BookError(str(exc)) from exc
        raise BookError(f"Cannot write {target}: {exc.strerror or exc}.") from exc


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} h"


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def cmd_canvas(args: argparse.Namespace) -> int:
    from crmdesk.services import canvas

    _open(args, create=False)
    scope = scope_from(args)
    try:
        result = canvas.compute(scope)
    except canvas.ScopeError as exc:
        raise BookError(str(exc)) from exc
    if args.csv:
        from crmdesk.services import canvas_export

        with _writing(args.csv):
            canvas_export.write_csv(result, Path(args.csv))
    if args.out:
        from crmdesk.reports import canvas_pdf

        with _writing(args.out):
            canvas_pdf.write_canvas_pdf(result, Path(args.out))
    if args.json:
        print(json.dumps([canvas.row_json(r, result) for r in result.rows],
                         ensure_ascii=False, indent=2))
        return 0
    print(f"Relationship canvas {scope.label()} (money in {result.currency})")
    head = (f"{'segment':<16}{'customers':>10}{'contacts':>10}{'median':>9}{'p90':>9}"
            f"{'satisf.':>8}{'kept':>6}{'hours':>9}{'cost':>12}{'last 12 m':>13}")
    print(head)
    for r in [*result.rows, result.total]:
        sat = "—" if r.satisfaction is None else f"{r.satisfaction:.1f}"
        print(f"{r.label[:15]:<16}{r.customers:>10,}{r.interactions:>10,}"
              f"{_hours(r.response_median_hours):>9}{_hours(r.response_p90_hours):>9}"
              f"{sat:>8}{_share(r.promises.on_time_share):>6}{r.staff_hours:>9,.1f}"
              f"{canvas.money(r.cost_cents):>12}{canvas.money(r.last_12_months_cents):>13}")
    for r in result.rows:
        if r.mismatch():
            print(r.mismatch())
    return 0


def cmd_dashboard(args: argparse.Namespace) -> int:
    from crmdesk.services import canvas, dashboard

    _open(args, create=False)
    scope = scope_from(args)
    if not args.out and not args.json and not args.csv:
        raise BookError("Say what to make: --out FILE.pdf, --csv FILE or --json.")
    try:
        charts = dashboard.compute(scope)
    except canvas.ScopeError as exc:
        raise BookError(str(exc)) from exc
    if args.out:
        from crmdesk.reports import canvas_pdf

        with _writing(args.out):
            canvas_pdf.write_dashboard_pdf(charts, Path(args.out))
    if args.csv:
        from crmdesk.services import canvas_export

        with _writing(args.csv):
            canvas_export.write_dashboard_csv(charts, Path(args.csv))
    if args.json:
        print(json.dumps(dashboard.to_json(charts), ensure_ascii=False, indent=2))
    else:
        written = " and ".join(f for f in (args.out, args.csv) if f)
        print(f"Wrote {written} ({len(charts.charts)} charts).")
    return 0
