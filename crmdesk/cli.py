"""The command line: the GUI by default, and the same services for scripts."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import peewee

from crmdesk import __version__, paths
from crmdesk.store.book import Book, open_book
from crmdesk.store.db import BookError, describe_error


def _book_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if getattr(args, "db", None) else paths.default_book_path()


def _open(args: argparse.Namespace, create: bool) -> Book:
    return open_book(_book_path(args), create=create)


def _customer_json(cid: int) -> dict[str, Any]:
    from crmdesk.services import customers, greeting

    data = customers.load(cid)
    return {
        "id": cid,
        "given_name": data.given_name,
        "family_name": data.family_name,
        "preferred_name": data.preferred_name,
        "salutation": data.salutation,
        "greeting": greeting.greeting(data),
        "emails": [p.value for p in data.emails],
        "phones": [p.value for p in data.phones],
        "company": data.company,
        "stage": data.stage,
        "segment": data.segment,
        "relationship_type": data.relationship_type,
        "owner": data.owner,
        "tags": data.tags,
        "language": data.language,
        "archived": data.archived_at is not None,
    }


def cmd_gui(args: argparse.Namespace) -> int:
    from crmdesk.app import run_gui

    return run_gui(_book_path(args))


def cmd_demo(args: argparse.Namespace) -> int:
    from crmdesk.services import customer_query, demo

    if args.customers < 1:
        raise BookError("--customers must be at least 1.")
    book = _open(args, create=True)
    existing = customer_query.count() + customer_query.count(archived=True)
    if existing:
        raise BookError(f"{book.path} already holds {existing:,} customers; "
                        "choose a new file for the demo book.")
    made = demo.build_demo(args.customers, seed=args.seed)
    print(f"Demo book {book.path}: {made:,} customers.")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from crmdesk.services import catalog, customer_query

    _open(args, create=False)
    flt = customer_query.CustomerFilter(text=" ".join(args.query), stage=args.stage or "",
                                        segment=args.segment or "")
    if flt.stage and flt.stage not in catalog.STAGE_LABELS:
        raise BookError(f"Unknown stage “{flt.stage}” (one of: {', '.join(catalog.STAGE_LABELS)}).")
    ids = customer_query.customer_ids(flt, limit=args.limit)
    if args.json:
        print(json.dumps([_customer_json(cid) for cid in ids], ensure_ascii=False, indent=2))
        return 0
    rows = customer_query.rows_by_id(ids)
    for cid in ids:
        r = rows[cid]
        name = f"{r[1]} {r[2]}".strip()
        print(f"{cid:>7}  {name:<32} {r[9] or '':<36} {r[10] or '':<16} {r[5]:<12} {r[6]}")
    print(f"{len(ids):,} found.", file=sys.stderr)
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from crmdesk.services import customers, settings
    from crmdesk.services.customers import ContactPoint, CustomerData

    _open(args, create=True)
    data = CustomerData(
        given_name=args.given, family_name=args.family, preferred_name=args.preferred or "",
        segment=args.segment or "", stage=args.stage or "knowledge",
        emails=[ContactPoint("home" if i else "", e) for i, e in enumerate(args.email or [])],
        phones=[ContactPoint("mobile" if i == 0 else "", p)
                for i, p in enumerate(args.phone or [])],
        tags=args.tag or [], company=args.company or "",
    )
    region = args.region or settings.default_region()
    try:
        cid = customers.create(data, region)
    except customers.ValidationFailed as exc:
        for problem in exc.problems:
            print(f"crmdesk: {problem.message}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(_customer_json(cid), ensure_ascii=False, indent=2))
    else:
        print(cid)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from crmdesk.services.integrity import check_book

    book = _open(args, create=False)
    report = check_book()
    print(f"Book {book.path}")
    for line in report.findings:
        print(f"  ok: {line}")
    for line in report.problems:
        print(f"  PROBLEM: {line}")
    print("No problems found." if report.ok else f"{len(report.problems)} problem(s) found.")
    return 0 if report.ok else 1


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="the book file (default: $CRMDESK_DB or the user data dir)")
    parser = argparse.ArgumentParser(
        prog="crmdesk", description="An offline-first desktop client book.")
    parser.add_argument("--db", metavar="PATH", default=None,
                        help="the book file (default: $CRMDESK_DB or the user data dir)")
    parser.add_argument("--version", action="version", version=f"crmdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", parents=[common], help="build a realistic demo book")
    p.add_argument("--customers", type=int, default=500, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("search", parents=[common], help="print matching customers")
    p.add_argument("query", nargs="*", default=[])
    p.add_argument("--stage", metavar="S")
    p.add_argument("--segment", metavar="S")
    p.add_argument("--limit", type=int, default=50, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("add", parents=[common], help="create a customer")
    p.add_argument("--given", required=True, metavar="G")
    p.add_argument("--family", required=True, metavar="F")
    p.add_argument("--preferred", metavar="P")
    p.add_argument("--email", action="append", metavar="E")
    p.add_argument("--phone", action="append", metavar="P")
    p.add_argument("--segment", metavar="S")
    p.add_argument("--stage", metavar="S")
    p.add_argument("--company", metavar="C")
    p.add_argument("--tag", action="append", metavar="T")
    p.add_argument("--region", metavar="CC", help="region for phones without +country code")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("check", parents=[common], help="run integrity and schema checks")
    p.set_defaults(func=cmd_check)
    parser.set_defaults(func=cmd_gui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BookError as exc:
        print(f"crmdesk: {exc}", file=sys.stderr)
        return 1
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        print(f"crmdesk: {describe_error(exc, _book_path(args))}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"crmdesk: {exc.strerror or exc}: {exc.filename or _book_path(args)}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
