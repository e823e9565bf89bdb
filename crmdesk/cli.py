"""The command line: the GUI by default, and the same services for scripts."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from crmdesk import __version__, cli_args, cli_messages, paths
from crmdesk.services import access, audit, texts
from crmdesk.store.book import Book, open_book
from crmdesk.store.db import DB_ERRORS, BookError, describe_error


def _book_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if getattr(args, "db", None) else paths.default_book_path()


def _checked_book_path(args: argparse.Namespace) -> Path:
    """The book path, refused in one line unless it is a regular file or nothing yet (a
    pipe, a device, a folder, a symlink loop — also from $CRMDESK_DB)."""
    path = _book_path(args)
    try:
        cli_args.book(str(path))
    except argparse.ArgumentTypeError as exc:
        raise BookError(str(exc)) from None
    return path


def _read_secret(path: str) -> str:
    try:
        return cli_args.read_secret(path)
    except ValueError as exc:
        raise BookError(str(exc)) from None


def _given_passphrase(args: argparse.Namespace) -> str | None:
    """--passphrase-file, else $CRMDESK_PASSPHRASE (for scripts), else None."""
    if getattr(args, "passphrase_file", None):
        return _read_secret(args.passphrase_file)
    return os.environ.get("CRMDESK_PASSPHRASE") or None


def _prompt(label: str) -> str:
    import getpass

    if not sys.stdin.isatty():
        raise BookError("The book is encrypted (or is not a crmdesk book at all): give its "
                        "passphrase with --passphrase-file FILE or CRMDESK_PASSPHRASE.")
    return getpass.getpass(f"{label}: ")


def _open(args: argparse.Namespace, create: bool) -> Book:
    """Open the book; an encrypted one with the passphrase given, or asked on a terminal."""
    from crmdesk.services import keychain
    from crmdesk.store.db import PassphraseNeeded, WrongPassphrase, is_encrypted

    path = _checked_book_path(args)
    passphrase = _given_passphrase(args)
    # A passphrase given for a plain book is ignored (the book stays as it is).
    if passphrase is not None and path.exists() and path.stat().st_size and \
            not is_encrypted(path):
        passphrase = None
    typed = 0

    def prompt(label: str) -> str:
        nonlocal typed
        typed += 1
        return _prompt(label)

    # The keyring (slow to load) only once the book turns out to need a passphrase; a stale
    # one there still leaves two tries at the terminal.
    ask = keychain.keyring_first(path, prompt)
    for _attempt in range(4):
        try:
            book = open_book(path, create=create, passphrase=passphrase)
        except PassphraseNeeded:
            passphrase = ask(f"Passphrase for {path.name}")
            continue
        except WrongPassphrase:
            if _given_passphrase(args) is not None or typed >= 2:
                raise
            print("crmdesk: wrong passphrase.", file=sys.stderr)
            passphrase = prompt(f"Passphrase for {path.name}")
            continue
        for warning in book.warnings:  # e.g. a -wal of another copy, set aside
            print(f"crmdesk: warning: {warning}", file=sys.stderr)
        args.passphrase = book.passphrase
        _sign_in(args, book)
        return book
    raise BookError(f"Wrong passphrase for {path.name}.")


def _sign_in(args: argparse.Namespace, book: Book) -> None:
    """In a book with staff accounts every command runs as someone who proved who they are:
    --user NAME (or $CRMDESK_USER) and the password ($CRMDESK_PASSWORD, or typed)."""
    import getpass

    if not access.accounts_exist():
        return
    name = getattr(args, "user", None) or os.environ.get("CRMDESK_USER")
    if not name:
        raise BookError(f"{book.path.name} has staff accounts: sign in with --user NAME "
                        "(the password is asked, or read from CRMDESK_PASSWORD).")
    password = os.environ.get("CRMDESK_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise BookError(f"Give {name}'s password in CRMDESK_PASSWORD (no terminal to "
                            "ask it on).")
        password = getpass.getpass(f"Password for {name}: ")
    try:
        access.sign_in(name, password)
    except access.SignInFailed as exc:
        raise BookError(f"{exc} Nothing was done.") from exc


def _new_passphrase(args: argparse.Namespace) -> str:
    """The new passphrase of `encrypt` / `rekey`: a file, $CRMDESK_NEW_PASSPHRASE, or typed
    twice on a terminal."""
    if getattr(args, "new_passphrase_file", None):
        return _read_secret(args.new_passphrase_file)
    if os.environ.get("CRMDESK_NEW_PASSPHRASE"):
        return os.environ["CRMDESK_NEW_PASSPHRASE"]
    first = _prompt("New passphrase")
    if first != _prompt("The same passphrase again"):
        raise BookError("The two passphrases differ: nothing was changed.")
    return first


def cmd_encrypt(args: argparse.Namespace) -> int:
    from crmdesk.store import encryption
    from crmdesk.store.db import close_database, is_encrypted

    path = _checked_book_path(args)
    if not path.exists():
        raise BookError(f"No book at {path}.")
    if is_encrypted(path):
        raise BookError(f"{path.name} is already encrypted (use `crmdesk rekey` to change "
                        "its passphrase).")
    book = open_book(path, create=False)  # migrated, and known to be a crmdesk book
    _sign_in(args, book)
    access.require("encrypt")
    close_database()
    passphrase = (getattr(args, "passphrase_file", None) and _read_secret(args.passphrase_file)) \
        or os.environ.get("CRMDESK_PASSPHRASE") or _new_passphrase(args)
    encryption.encrypt_book(path, passphrase)
    print(f"{path} is encrypted. Keep the passphrase safe: without it the book cannot be "
          "opened. Backups made before now are not encrypted; delete them if the book must "
          "stay private.")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    from crmdesk.store import encryption
    from crmdesk.store.db import close_database

    book = _open(args, create=False)
    access.require("encrypt")
    old = book.passphrase
    if old is None:
        raise BookError(f"{book.path.name} is not encrypted (use `crmdesk encrypt`).")
    close_database()
    from crmdesk.services import keychain

    new = _new_passphrase(args)
    encryption.rekey_book(book.path, old, new)
    if keychain.get(book.path) is not None:
        keychain.remember(book.path, new)
    print(f"The passphrase of {book.path} was changed.")
    return 0


def _customer_json(cid: int, loaded: tuple[Any, Any] | None = None) -> dict[str, Any]:
    from crmdesk.services import customers, greeting

    data, seen = loaded or customers.load_visible(cid)
    return {
        "id": cid,
        "given_name": data.given_name,
        "family_name": data.family_name,
        "preferred_name": data.preferred_name,
        "salutation": data.salutation,
        "greeting": greeting.for_customer(data),
        "emails": [p.value for p in data.emails],
        "phones": [p.value for p in data.phones],
        "company": data.company,
        "kind": data.kind,
        "organisation_id": data.organisation_id,
        "stage": data.stage,
        "segment": data.segment,
        "relationship_type": data.relationship_type,
        "owner": data.owner,
        "tags": data.tags,
        "language": data.language,
        "notes": data.notes,
        "notes_private": data.notes_private,
        "shown": seen.name.lower(),
        "archived": data.archived_at is not None,
    }


def cmd_gui(args: argparse.Namespace) -> int:
    from crmdesk.app import run_gui

    return run_gui(_checked_book_path(args))


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
                                        segment=args.segment or "", sort=args.sort,
                                        descending=args.descending)
    if flt.stage and flt.stage not in catalog.STAGE_LABELS:
        raise BookError(f"Unknown stage “{flt.stage}” (one of: {', '.join(catalog.STAGE_LABELS)}).")
    ids = customer_query.customer_ids(flt, limit=args.limit)
    _did_you_mean(flt, len(ids))
    if args.json:  # whole profiles printed out: views in the audit trail
        from crmdesk.services import customers

        shown = customers.load_shown(ids)
        print(json.dumps([_customer_json(cid, shown[cid]) for cid in ids], ensure_ascii=False,
                         indent=2))
        return 0
    rows = customer_query.rows_by_id(ids)
    for cid in ids:
        r = rows[cid]
        name = f"{r[1]} {r[2]}".strip()
        print(f"{cid:>7}  {name:<32} {r[9] or '':<36} {r[10] or '':<16} {r[5]:<12} {r[6]}")
    print(f"{len(ids):,} found.", file=sys.stderr)
    return 0


def _did_you_mean(flt: Any, hits: int) -> None:
    """A search that found nothing or little suggests names of the book (on stderr)."""
    from crmdesk.services import spelling

    found = spelling.did_you_mean(flt, hits)
    if found:
        print("Did you mean: " + ", ".join(found) + "?", file=sys.stderr)


def cmd_add(args: argparse.Namespace) -> int:
    from crmdesk.services import customers, settings
    from crmdesk.services.customers import ContactPoint, CustomerData

    if args.organisation is None and (args.given is None or args.family is None):
        print("crmdesk add: the following arguments are required: --given, --family (or "
              "--organisation NAME) (see crmdesk add --help)", file=sys.stderr)
        return 2
    _open(args, create=True)
    organisation = args.organisation is not None
    data = CustomerData(
        given_name=args.organisation if organisation else args.given,
        family_name="" if organisation else args.family,
        kind="organisation" if organisation else "person",
        organisation_id=args.works_for, preferred_name=args.preferred or "",
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


def _parse_due(text: str) -> dt.datetime:
    """YYYY-MM-DD (end of that working day, 17:00 local) or YYYY-MM-DDTHH:MM (local)."""
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return dt.datetime(day.year, day.month, day.day, 17, 0).astimezone()
        return dt.datetime.fromisoformat(text).astimezone()
    except ValueError as exc:
        raise BookError(f"“{text}” is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM).") from exc


def cmd_agenda(args: argparse.Namespace) -> int:
    from crmdesk.services import agenda
    from crmdesk.services.calendar_export import write_ics
    from crmdesk.store.models import utcnow

    book = _open(args, create=False)
    if args.days < 0:
        raise BookError("--days cannot be negative.")
    now = utcnow()
    items = agenda.open_follow_ups(agenda.end_of_local_day(now, args.days), now)
    if args.ics:
        write_ics(items, Path(args.ics).expanduser(), book.path.stem)
        print(f"{len(items)} follow-ups written to {args.ics}", file=sys.stderr)
    if args.json:
        print(json.dumps([{
            "id": i.id, "customer_id": i.customer_id, "customer_name": i.customer_name,
            "what": i.what, "due": i.due_at.isoformat(), "promise": i.is_promise,
            "assignee": i.assignee, "overdue": i.overdue} for i in items],
            ensure_ascii=False, indent=2))
        return 0
    if not args.ics:
        for i in items:
            mark = "★" if i.is_promise else " "
            late = "OVERDUE " if i.overdue else ""
            who = f" [{i.assignee}]" if i.assignee else ""
            print(f"{mark} {i.due_at.astimezone():%Y-%m-%d %H:%M}  {late}{i.what} — "
                  f"{i.customer_name} (#{i.customer_id}){who}")
        print(f"{len(items)} open follow-ups.", file=sys.stderr)
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    from crmdesk.services import interactions, staff
    from crmdesk.services.customers import ValidationFailed
    from crmdesk.services.interactions import FollowUpData, InteractionData

    _open(args, create=False)
    if (args.follow_up is None) != (args.due is None):
        raise BookError("--follow-up and --due go together.")
    if (args.promise or args.assign) and args.follow_up is None:
        raise BookError("--promise and --assign describe a follow-up: add --follow-up TEXT.")
    try:
        author = staff.require(args.staff) if args.staff else access.current().staff_id
        assignee = staff.require(args.assign) if args.assign else None
    except ValueError as exc:
        raise BookError(str(exc)) from exc
    data = InteractionData(customer_id=args.customer, channel=args.channel,
                           direction=args.direction, notes=args.note, staff_id=author,
                           subject=args.subject or "")
    follow = None
    if args.follow_up is not None:
        follow = FollowUpData(customer_id=args.customer, what=args.follow_up,
                              due_at=_parse_due(args.due), is_promise=args.promise,
                              assignee_id=assignee)
    try:
        iid, fid = interactions.log(data, follow)
    except ValidationFailed as exc:
        for problem in exc.problems:
            print(f"crmdesk: {problem.message}", file=sys.stderr)
        return 1
    if follow is not None:
        for warning in interactions.validate_follow_up(follow)[1]:
            print(f"crmdesk: warning: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps({"interaction_id": iid, "follow_up_id": fid}))
    else:
        print(iid if fid is None else f"{iid} {fid}")
    return 0


def _stage_key(text: str) -> str:
    """A stage by key ('growth') or by its name in this book ('Growth')."""
    from crmdesk.services import lifecycle

    for key, label in lifecycle.stages():
        if text.casefold() in (key, label.casefold()):
            return key
    names = ", ".join(f"{key} ({label})" for key, label in lifecycle.stages())
    raise BookError(f"Unknown stage “{text}” (one of: {names}).")


def _parse_day(text: str, end: bool = False) -> dt.datetime:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise BookError(f"“{text}” is not a date (use YYYY-MM-DD).") from exc
    if end:
        day += dt.timedelta(days=1)
    return dt.datetime(day.year, day.month, day.day).astimezone()


def cmd_stage(args: argparse.Namespace) -> int:
    from crmdesk.services import lifecycle, staff

    _open(args, create=False)
    to = _stage_key(args.to)
    try:
        who = staff.require(args.staff) if args.staff else None
        moves = lifecycle.move([args.customer], to, who, args.reason or "")
    except (LookupError, ValueError) as exc:
        raise BookError(str(exc)) from exc
    if args.json:
        print(json.dumps({"customer_id": args.customer, "moved": bool(moves),
                          "from": moves[0].from_stage if moves else to, "to": to}))
    elif moves:
        print(f"Customer {args.customer}: {lifecycle.stage_label(moves[0].from_stage)} → "
              f"{lifecycle.stage_label(to)}")
    else:
        print(f"Customer {args.customer} is already in {lifecycle.stage_label(to)}.")
    return 0


def cmd_funnel(args: argparse.Namespace) -> int:
    from crmdesk.services import lifecycle

    _open(args, create=False)
    until = _parse_day(args.to or dt.date.today().isoformat(), end=True)
    since = _parse_day(args.since) if args.since else until - dt.timedelta(days=365)
    if since >= until:
        raise BookError("--from must be before --to.")
    rows = lifecycle.funnel(since, until)
    if args.json:
        print(json.dumps({"from": since.isoformat(), "to": until.isoformat(), "stages": [
            {"stage": r.stage, "label": r.label, "entered": r.entered,
             "moved_to_next": r.moved_on,
             "conversion": round(r.conversion, 4) if r.conversion is not None else None,
             "median_days": round(r.median_days, 1) if r.median_days is not None else None}
            for r in rows]}, ensure_ascii=False, indent=2))
        return 0
    print(f"Funnel {since.astimezone():%Y-%m-%d} – {until.astimezone():%Y-%m-%d}")
    print(f"{'stage':<16}{'entered':>9}{'to next':>9}{'rate':>8}{'median days':>13}")
    for r in rows:
        rate = f"{r.conversion:.0%}" if r.conversion is not None else "—"
        days = f"{r.median_days:.1f}" if r.median_days is not None else "—"
        print(f"{r.label:<16}{r.entered:>9,}{r.moved_on:>9,}{rate:>8}{days:>13}")
    return 0


# --- loyalty ---------------------------------------------------------------------------------
def _staff_id(name: str | None) -> int | None:
    from crmdesk.services import staff

    try:
        found = staff.require(name) if name else access.current().staff_id
    except ValueError as exc:
        raise BookError(str(exc)) from exc
    return found  # the service refuses a name other than one's own (unless a manager)


def _loyalty_json(cid: int) -> dict[str, Any]:
    from crmdesk.services import loyalty_ledger

    s = loyalty_ledger.summary(cid)
    return {"balance": s.balance, "tier": s.status.tier, "next_tier": s.status.next_tier,
            "points_to_next_tier": s.status.to_next, "expiring_90_days": s.expiring,
            "currency": s.currency, "lifetime_value": _amount(s.lifetime_cents),
            "last_12_months_value": _amount(s.last_12m_cents)}


def _amount(cents: int) -> str:
    """Exact decimal text of an amount in cents ('12.50', '-3.05')."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    return f"{sign}{units}.{rest:02d}"


def cmd_purchase(args: argparse.Namespace) -> int:
    from crmdesk.services import locale_text, loyalty_ledger, loyalty_programme
    from crmdesk.services.periods import BadPeriod, parse_day

    _open(args, create=False)
    try:
        cents = loyalty_programme.parse_amount(args.amount)
        day = parse_day(args.date) if args.date else None
        result = loyalty_ledger.record_purchase(
            args.customer, cents, on=day, currency=args.currency,
            description=args.description or "", staff_id=_staff_id(args.staff))
    except (loyalty_programme.LoyaltyError, BadPeriod) as exc:
        raise BookError(str(exc)) from exc
    info = _loyalty_json(args.customer)
    currency = args.currency.upper() if args.currency else info["currency"]
    if args.json:
        print(json.dumps({"purchase_id": result.purchase_id, "customer_id": args.customer,
                          "amount": _amount(cents), "amount_cents": cents,
                          "currency": currency, "points": result.points,
                          "first_purchase": result.first_purchase, **info},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"Purchase {result.purchase_id}: {locale_text.money(cents, currency)} for customer "
          f"{args.customer}, +{result.points:,} points (balance {info['balance']:,}, "
          f"{info['tier']}).")
    if result.first_purchase and result.stage in ("knowledge", "acquisition"):
        print(f"First purchase: to move them to Conversion, run  crmdesk stage --customer "
              f"{args.customer} --to conversion --reason 'First purchase'", file=sys.stderr)
    return 0


def cmd_redeem(args: argparse.Namespace) -> int:
    from crmdesk.services import loyalty_ledger, loyalty_programme

    _open(args, create=False)
    try:
        entry = loyalty_ledger.redeem(args.customer, args.points, args.reward or "",
                                      staff_id=_staff_id(args.staff))
    except loyalty_programme.LoyaltyError as exc:
        raise BookError(str(exc)) from exc
    info = _loyalty_json(args.customer)
    if args.json:
        print(json.dumps({"entry_id": entry, "customer_id": args.customer,
                          "points": args.points, "reward": args.reward or "", **info},
                         ensure_ascii=False, indent=2))
        return 0
    what = f" for “{args.reward}”" if args.reward else ""
    print(f"Redeemed {args.points:,} points{what}; balance {info['balance']:,}.")
    return 0


def cmd_adjust(args: argparse.Namespace) -> int:
    from crmdesk.services import loyalty_ledger, loyalty_programme

    _open(args, create=False)
    try:
        if args.bonus:
            entry = loyalty_ledger.add_bonus(args.customer, args.points, args.reason,
                                             _staff_id(args.staff))
        else:
            entry = loyalty_ledger.adjust(args.customer, args.points, args.reason,
                                          _staff_id(args.staff))
    except loyalty_programme.LoyaltyError as exc:
        raise BookError(str(exc)) from exc
    info = _loyalty_json(args.customer)
    if args.json:
        print(json.dumps({"entry_id": entry, "customer_id": args.customer,
                          "points": args.points, **info}, ensure_ascii=False, indent=2))
    else:
        print(f"{'Bonus' if args.bonus else 'Adjustment'} of {args.points:+,} points; "
              f"balance {info['balance']:,}.")
    return 0


def cmd_expire(args: argparse.Namespace) -> int:
    from crmdesk.services import loyalty_ledger

    _open(args, create=False)
    count = loyalty_ledger.expire_due()
    print(f"{count:,} customers had points expire.")
    return 0


def _period(args: argparse.Namespace) -> Any:
    from crmdesk.services import periods

    try:
        if args.period and (args.since or args.until):
            raise BookError("Give either --period or --from/--to, not both.")
        if args.period:
            return periods.parse_period(args.period)
        if args.since and args.until:
            return periods.between(periods.parse_day(args.since), periods.parse_day(args.until))
    except periods.BadPeriod as exc:
        raise BookError(str(exc)) from exc
    raise BookError("Say which period: --period 2026-10 (or 2026-Q3, 2026) "
                    "or --from DATE --to DATE.")


def cmd_statement(args: argparse.Namespace) -> int:
    from crmdesk.reports import statement_batch
    from crmdesk.services import loyalty_ledger

    _open(args, create=False)
    period = _period(args)
    if db_customer_missing(args.customer):
        raise BookError(f"There is no customer {args.customer} in this book.")
    loyalty_ledger.expire_due()
    out = Path(args.out).expanduser()
    if out.is_dir():
        out = out / statement_batch.statement_name(args.customer, period)
    statement_batch.write_one(args.customer, period, out)  # audited there
    print(out)
    return 0


def db_customer_missing(cid: int) -> bool:
    from crmdesk.store.db import db

    return db.execute_sql("SELECT 1 FROM customer WHERE id = ?", (cid,)).fetchone() is None


def cmd_statements(args: argparse.Namespace) -> int:
    import time

    from crmdesk.reports import statement_batch
    from crmdesk.services import customer_query, loyalty_ledger

    book = _open(args, create=False)
    period = _period(args)
    if args.jobs < 1:
        raise BookError("--jobs must be at least 1.")
    stage = _stage_key(args.stage) if args.stage else ""
    flt = customer_query.CustomerFilter(segment=args.segment or "", stage=stage)
    ids = customer_query.customer_ids(flt)
    if not ids:
        print("No customers match: nothing written.", file=sys.stderr)
        return 0
    loyalty_ledger.expire_due()
    out = Path(args.out).expanduser()
    started = time.perf_counter()
    if args.combined:
        if out.is_dir():
            out = out / f"{statement_batch.safe_stem(f'Statements {period.slug}')}.pdf"
        statement_batch.write_combined(ids, period, out)
        written = len(ids)
        where = str(out)
    else:
        if out.exists() and not out.is_dir():
            raise BookError(f"{out} is a file; --out needs a folder (or add --combined).")
        written = len(statement_batch.write_each_parallel(book.path, ids, period, out,
                                                          args.jobs,
                                                          passphrase=book.passphrase))
        where = str(out)
    elapsed = time.perf_counter() - started
    rate = written / elapsed if elapsed else 0.0
    print(f"{written:,} statements written to {where} in {elapsed:.1f} s ({rate:.0f}/s).",
          file=sys.stderr)
    return 0


# --- import / export / backups / duplicates ----------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    from crmdesk.services import settings
    from crmdesk.services.importing import contact_import, files

    _open(args, create=True)
    region = (args.region or settings.default_region()).upper()
    reports = []
    failed = False
    for name in args.files:
        path = Path(name).expanduser()
        book_report = _import_book_file(path, args.dry_run)
        if book_report is not None:
            reports.append(book_report)
            failed = failed or "error" in book_report
            continue
        try:
            read = files.read_path(path)
        except files.UnreadableFile as exc:
            print(f"crmdesk: {exc}", file=sys.stderr)
            reports.append({"file": str(path), "error": str(exc)})
            failed = True
            continue
        try:
            read = _mapped(read, args)
        except (ValueError, OSError, BookError) as exc:
            print(f"crmdesk: {path.name}: {exc}", file=sys.stderr)
            reports.append({"file": str(path), "error": str(exc)})
            failed = True
            continue
        plan = contact_import.plan(read.contacts, cli_args.storable(path.name), region)
        if args.include_duplicates:
            for row in plan.rows:
                if row.kind == contact_import.DUPLICATE:
                    row.include = True
        result = None if args.dry_run else contact_import.apply(plan)
        reports.append(_import_report(path, read, plan, result))
    if args.json:
        print(cli_args.storable(json.dumps({"dry_run": args.dry_run, "files": reports},
                                           ensure_ascii=False, indent=2)))
    else:
        for report in reports:
            if "error" in report:
                continue
            if "tables" in report:
                print(f"{report['file']}: whole book "
                      + ("checked" if args.dry_run else "imported") + ": "
                      + ", ".join(f"{n:,} {t}" for t, n in report["tables"].items() if n))
                continue
            verb = "would import" if args.dry_run else "imported"
            print(f"{report['file']}: {verb} {report['new']:,} new, {report['update']:,} "
                  f"updated; {report['duplicate']:,} probable duplicates "
                  f"{'included' if args.include_duplicates else 'left out'}, "
                  f"{report['rejected']:,} rejected"
                  + (f" (import {report['import_id']})" if report.get("import_id") else ""))
            if report.get("dropped"):
                print("  not kept: " + ", ".join(f"{what} ({n:,})" for what, n
                                                 in report["dropped"].items()))
            for row in report["rows"]:
                if row["kind"] in ("duplicate", "rejected") or row["warnings"]:
                    detail = "; ".join(filter(None, [row["reason"], *row["warnings"]]))
                    print(f"  {row['source']} {row['name']}: {row['kind']}: {detail}")
    return 1 if failed else 0


def _mapped(read: Any, args: argparse.Namespace) -> Any:
    """The file with the columns mapped by --mapping and --map, saved by --save-mapping."""
    from crmdesk.services.importing import mappings

    if read.kind != "csv":
        if args.map or args.mapping:
            raise ValueError("a vCard file has no columns to map (--map and --mapping are "
                             "for CSV files)")
        return read
    if args.mapping:
        read = mappings.apply(read, mappings.load(Path(args.mapping)), strict=False)
    if args.map:
        read = mappings.apply(read, dict(args.map))
    if args.save_mapping:
        mappings.save(Path(args.save_mapping), read)
    return read


MAX_BOOK_FILE = 1_000_000_000  # bytes of a whole-book JSON export read into memory


def _import_book_file(path: Path, dry_run: bool) -> dict[str, Any] | None:
    """A whole-book JSON export, or None for any other file."""
    from crmdesk.services import exporting
    from crmdesk.services.importing import files

    try:
        head = files.head(path, 200)
    except files.UnreadableFile:
        return None  # reported by the contact readers
    if not exporting.is_book_export(head):
        return None
    try:
        raw = files.read_regular(path, MAX_BOOK_FILE)
    except files.UnreadableFile as exc:
        print(f"crmdesk: {exc}", file=sys.stderr)
        return {"file": str(path), "error": str(exc)}
    try:
        if dry_run:
            counts = exporting.book_import.table_counts(raw)
        else:
            counts = exporting.import_book(raw, source=cli_args.storable(path.name))
    except RecursionError:
        exc = ValueError("the JSON is nested too deeply to be a crmdesk book")
        print(f"crmdesk: {path.name}: {exc}", file=sys.stderr)
        return {"file": str(path), "error": str(exc)}
    except (exporting.BookImportError, ValueError, TypeError, AttributeError,
            KeyError, IndexError) as exc:  # a damaged export: one line, nothing imported
        print(f"crmdesk: {path.name}: {cli_args.shown(str(exc), 200)}", file=sys.stderr)
        return {"file": str(path), "error": str(exc)}
    return {"file": str(path), "format": "crmdesk-book", "tables": counts}


def cmd_export(args: argparse.Namespace) -> int:
    from crmdesk.services import customer_query, exporting

    _open(args, create=False)
    out = Path(args.out).expanduser()
    if out.is_dir():
        raise BookError(f"{out} is a folder; --out needs a file name.")
    if args.format == "json":
        if args.query or args.stage or args.segment or args.tag or args.consent:
            raise BookError("The JSON export is always the whole book: leave out the filters.")
        counts = exporting.export_book(out)
        print(f"Whole book written to {out}: {counts['customer']:,} customers, "
              f"{counts['interaction']:,} interactions, {counts['points_entry']:,} points "
              "entries.", file=sys.stderr)
        return 0
    flt = customer_query.CustomerFilter(text=" ".join(args.query),
                                        stage=_stage_key(args.stage) if args.stage else "",
                                        segment=args.segment or "", tag=args.tag or "",
                                        consent=args.consent or "")
    ids = customer_query.customer_ids(flt)
    if args.format == "vcf":
        count = exporting.export_vcards(ids, out)
    elif args.format == "xlsx":
        from crmdesk.services import xlsx_export

        count = xlsx_export.export_xlsx(ids, out)
    else:
        count = exporting.export_csv(ids, out, layout={"google-csv": "google",
                                                       "outlook-csv": "outlook"}.get(
                                                           args.format, "crmdesk"))
    print(f"{count:,} customers written to {out}.", file=sys.stderr)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    import time

    from crmdesk.services import backups

    book = _open(args, create=False)
    started = time.perf_counter()
    target = backups.back_up(book.path, Path(args.to).expanduser() if args.to else None,
                             passphrase=book.passphrase)  # audited by the service
    print(target)
    print(f"Backed up in {time.perf_counter() - started:.1f} s ({backups.size_text(target)}).",
          file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from crmdesk.services import backups
    from crmdesk.store.db import close_database

    current = _open(args, create=False)
    path, passphrase = current.path, current.passphrase
    close_database()
    source = Path(args.file).expanduser()
    info = backups.check(source, passphrase)
    aside = backups.restore(path, source, passphrase=passphrase)
    book = open_book(path, create=False, passphrase=passphrase)  # audited by the service
    print(f"Restored {book.path} from {source} ({info.customers:,} customers, schema "
          f"{info.version}). The book it replaced was kept as {aside.resolve()}.")
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    from crmdesk.services import duplicates

    _open(args, create=False)
    pairs, total = duplicates.find_pairs(limit=args.limit)
    if args.json:
        print(json.dumps([{"keep": p.keep, "other": p.other, "score": p.score,
                           "reasons": p.reasons, "keep_name": p.keep_name,
                           "other_name": p.other_name} for p in pairs],
                         ensure_ascii=False, indent=2))
        return 0
    for p in pairs:
        print(f"{p.score:>3}%  #{p.keep} {p.keep_name}  ~  #{p.other} {p.other_name}  "
              f"({'; '.join(p.reasons)})")
    print(f"{total:,} probable duplicate pairs" + (f" ({len(pairs):,} shown)"
                                                  if total > len(pairs) else "") + ".",
          file=sys.stderr)
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from crmdesk.services import customers, duplicates

    _open(args, create=False)
    try:
        keep, other = customers.load(args.keep), customers.load(args.other)
        duplicates.merge(args.keep, args.other, duplicates.merged_profile(keep, other))
    except (LookupError, ValueError) as exc:
        raise BookError(str(exc)) from exc
    print(f"Merged #{args.other} {other.display_name} into #{args.keep} "
          f"{keep.display_name}; #{args.other} is in the Trash.")
    return 0


def cmd_privacy(args: argparse.Namespace) -> int:
    from crmdesk.services import customers, privacy

    _open(args, create=False)
    try:
        data = customers.load(args.customer)
    except LookupError as exc:
        raise BookError(str(exc)) from exc
    if args.action == "export":
        if not args.out:
            raise BookError("Say where: --out FOLDER.")
        json_path, pdf_path = privacy.write_pack(args.customer, Path(args.out).expanduser())
        print(json_path)
        print(pdf_path)
        return 0
    access.require("delete")
    access.require_level([args.customer], access.Level.FULL, "forget")
    if not args.yes:
        if not sys.stdin.isatty():
            raise BookError("Forgetting cannot be undone: add --yes to confirm.")
        answer = input(f"Erase everything that identifies {data.display_name} "
                       f"(#{args.customer})? This cannot be undone. Type yes: ")
        if answer.strip().lower() != "yes":
            print("Nothing was changed.")
            return 1
    report = privacy.forget(args.customer)
    privacy.purge_freed_space()
    print(f"Customer #{args.customer} was forgotten: personal data erased; kept anonymised "
          f"{report.interactions} interactions, {report.purchases} purchases and "
          f"{report.points_balance:,} points for the totals.")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    _open(args, create=False)
    if args.office:
        from crmdesk.sync_cli import cmd_office_audit

        return cmd_office_audit(args)
    if args.action == "verify":
        result = audit.verify()
        for problem in result.problems:
            print(f"crmdesk: {problem}", file=sys.stderr)
        if result.ok:
            print(f"The audit trail is intact ({result.entries:,} entries).")
            return 0
        print(f"The audit trail was tampered with: {len(result.problems)} problem(s).")
        return 1
    found = audit.entries(args.customer, args.who or "", args.limit)
    if args.json:
        print(json.dumps([{"id": e.id, "at": e.at.isoformat(), "who": e.who,
                           "action": e.action, "customer_id": e.customer_id,
                           "customer": e.customer, "detail": e.detail} for e in found],
                         ensure_ascii=False, indent=2))
        return 0
    for e in found:
        whom = f"#{e.customer_id} {e.customer}" if e.customer_id is not None else "the book"
        print(f"{e.at.astimezone():%Y-%m-%d %H:%M}  {e.who:<24} "
              f"{audit.ACTIONS.get(e.action, e.action):<18} {whom}  {e.detail}")
    return 0


def _new_secret(kind: str, env: str) -> str:
    """A new password or PIN: from the environment variable `env`, or typed twice."""
    import getpass

    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        raise BookError(f"Give the new {kind} in {env} (no terminal to ask it on).")
    first = getpass.getpass(f"New {kind}: ")
    if first != getpass.getpass(f"The same {kind} again: "):
        raise BookError(f"The two {kind}s differ: nothing was changed.")
    return first


def cmd_staff(args: argparse.Namespace) -> int:
    from crmdesk.services import staff

    if args.action != "list" and not args.name.strip():
        raise BookError(f"Say who: crmdesk staff {args.action} NAME.")
    _open(args, create=args.action == "add")
    try:
        if args.action == "add":
            sid = staff.add(args.name, args.role or "executive")
            print(f"Added {args.name} (#{sid}, {args.role or 'executive'}).")
        elif args.action in ("password", "pin"):
            sid = staff.require(args.name)
            if access.current().staff_id not in (None, sid):  # refuse before asking
                access.require("staff")
            if args.action == "password":
                access.set_password(sid, None if args.remove else _new_secret(
                    "password", "CRMDESK_NEW_PASSWORD"))
            else:
                access.set_pin(sid, None if args.remove else _new_secret("PIN",
                                                                         "CRMDESK_NEW_PIN"))
            what = "PIN" if args.action == "pin" else "password"
            print(f"{args.name}'s {what} was {'removed' if args.remove else 'set'}.")
        elif args.action == "role":
            if not args.role:
                raise BookError("Say which role: --role manager|executive|receptionist.")
            sid = staff.require(args.name)
            member = next(m for m in staff.list_staff(True) if m.id == sid)
            staff.update(sid, member.name, args.role, member.active)
            print(f"{member.name} is now {access.ROLE_LABELS[args.role].lower()}.")
    except (ValueError, LookupError) as exc:
        raise BookError(str(exc)) from exc
    if args.action == "list":
        found = access.accounts()
        if args.json:
            print(json.dumps([{"id": a.staff_id, "name": a.name, "role": a.role,
                               "active": a.active, "can_sign_in": a.has_password,
                               "pin": a.has_pin} for a in found], ensure_ascii=False, indent=2))
            return 0
        for a in found:
            state = "signs in" if a.has_password else "no password"
            print(f"{a.staff_id:>4}  {a.name:<24} {access.ROLE_LABELS.get(a.role, a.role):<16} "
                  f"{state}{', PIN' if a.has_pin else ''}{'' if a.active else ', inactive'}")
    return 0


def _import_report(path: Path, read: Any, plan: Any, result: Any) -> dict[str, Any]:
    rows = [{"source": r.contact.source, "kind": r.kind, "reason": r.reason,
             "name": " ".join(p for p in (r.contact.data.given_name,
                                          r.contact.data.family_name) if p),
             "customer_id": r.match_id, "included": r.include, "warnings": r.warnings,
             "dropped": r.contact.dropped}
            for r in plan.rows]
    report: dict[str, Any] = {"file": str(path), "format": read.kind, "notes": read.notes,
                              **plan.summary(), "dropped": plan.dropped(), "rows": rows}
    if result is not None:
        report.update(import_id=result.import_id, created=result.created,
                      updated=result.updated)
    return report


def _staff_and_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--staff", metavar="NAME", default=os.environ.get("CRMDESK_USER"),
                   help="who does it (default: $CRMDESK_USER)")
    p.add_argument("--json", action="store_true")


def _window_parser() -> argparse.ArgumentParser:
    """The options of `crmdesk` itself (the window); build_parser adds the commands."""
    parser = _Parser(
        prog="crmdesk", description="An offline-first desktop client book.")
    parser.add_argument("--db", metavar="PATH", default=None, type=cli_args.book,
                        help="the book file (default: $CRMDESK_DB or the user data dir)")
    parser.add_argument("--passphrase-file", metavar="FILE", default=None,
                        type=cli_args.secret_file,
                        help="the passphrase of an encrypted book (or $CRMDESK_PASSPHRASE)")
    parser.add_argument("--user", metavar="NAME", default=None,
                        help="sign in as NAME where the book has staff accounts (or "
                             "$CRMDESK_USER; password from $CRMDESK_PASSWORD or asked)")
    parser.add_argument("--version", action="version", version=f"crmdesk {__version__}")
    parser.set_defaults(func=cmd_gui)
    return parser


_WINDOW_OPTIONS = ("--db", "--passphrase-file", "--user")


def _opens_the_window(argv: Sequence[str]) -> bool:
    """Whether the command line only opens the window (`crmdesk [--db PATH] [--user NAME]
    [--passphrase-file FILE]`): then the ~45 ms of building every command's parser are not
    spent at start-up. Anything else (a command, --help, --version, a stray word) takes the
    whole parser."""
    words = list(argv)
    while words:
        word = words.pop(0)
        if word in _WINDOW_OPTIONS and words and not words[0].startswith("-"):
            words.pop(0)
        elif not any(word.startswith(f"{option}=") for option in _WINDOW_OPTIONS):
            return False
    return True


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, type=cli_args.book,
                        help="the book file (default: $CRMDESK_DB or the user data dir)")
    common.add_argument("--passphrase-file", metavar="FILE", default=argparse.SUPPRESS,
                        type=cli_args.secret_file,
                        help="the passphrase of an encrypted book (or $CRMDESK_PASSPHRASE)")
    common.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                        help="sign in as NAME where the book has staff accounts (or "
                             "$CRMDESK_USER; password from $CRMDESK_PASSWORD or asked)")
    parser = _window_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", parents=[common], help="build a realistic demo book")
    p.add_argument("--customers", type=cli_args.customers, default=500, metavar="N")
    p.add_argument("--seed", type=cli_args.seed, default=1, metavar="S")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("search", parents=[common], help="print matching customers")
    p.add_argument("query", nargs="*", default=[])
    p.add_argument("--stage", metavar="S")
    p.add_argument("--segment", metavar="S")
    p.add_argument("--limit", type=cli_args.limit, default=50, metavar="N")
    p.add_argument("--json", action="store_true")
    p.add_argument("--sort", choices=["relevance", "name", "company", "stage", "segment",
                                      "relationship", "owner", "created", "updated", "points"],
                   default="relevance",
                   help="order (default relevance: best match first, name order without text)")
    p.add_argument("--descending", action="store_true", help="reverse a column sort")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("add", parents=[common], help="create a customer")
    p.add_argument("--given", metavar="G", help="given name (required for a person)")
    p.add_argument("--family", metavar="F", help="family name (required for a person)")
    p.add_argument("--organisation", metavar="NAME", type=cli_args.text,
                   help="create an organisation client (a company) of this name instead")
    p.add_argument("--works-for", metavar="ID", type=cli_args.record_id,
                   help="the organisation client this person is a contact person of")
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

    p = sub.add_parser("agenda", parents=[common],
                       help="open follow-ups due in the next days (overdue included)")
    p.add_argument("--days", type=cli_args.days, default=7, metavar="N")
    p.add_argument("--json", action="store_true")
    p.add_argument("--ics", metavar="FILE", type=cli_args.out_file,
                   help="also write them as an iCalendar file")
    p.set_defaults(func=cmd_agenda)

    p = sub.add_parser("log", parents=[common], help="log an interaction with a customer")
    p.add_argument("--customer", type=cli_args.record_id, required=True, metavar="ID")
    p.add_argument("--channel", required=True, metavar="C",
                   help="in_person, phone, email, chat, video, social, letter, portal, "
                        "automated")
    p.add_argument("--direction", required=True, choices=["in", "out"])
    p.add_argument("--note", required=True, metavar="TEXT")
    p.add_argument("--subject", metavar="TEXT")
    p.add_argument("--staff", metavar="NAME", default=os.environ.get("CRMDESK_USER"),
                   help="who had the contact (default: $CRMDESK_USER)")
    p.add_argument("--follow-up", metavar="TEXT")
    p.add_argument("--due", metavar="DATE", type=cli_args.due)
    p.add_argument("--promise", action="store_true")
    p.add_argument("--assign", metavar="STAFF")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_log)

    p = sub.add_parser("stage", parents=[common], help="move a customer to another stage")
    p.add_argument("--customer", type=cli_args.record_id, required=True, metavar="ID")
    p.add_argument("--to", required=True, metavar="STAGE")
    p.add_argument("--reason", metavar="TEXT")
    p.add_argument("--staff", metavar="NAME", default=os.environ.get("CRMDESK_USER"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stage)

    p = sub.add_parser("funnel", parents=[common],
                       help="moves between stages, conversion and days per stage")
    p.add_argument("--from", dest="since", metavar="DATE", type=cli_args.day,
                   help="default: a year ago")
    p.add_argument("--to", metavar="DATE", type=cli_args.day, help="default: today (inclusive)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_funnel)

    p = sub.add_parser("purchase", parents=[common],
                       help="record a purchase (it earns loyalty points)")
    p.add_argument("--customer", type=cli_args.record_id, required=True, metavar="ID")
    p.add_argument("--amount", required=True, metavar="AMOUNT", help="e.g. 12.50")
    p.add_argument("--date", metavar="DATE", type=cli_args.day,
                   help="YYYY-MM-DD (default: today)")
    p.add_argument("--currency", metavar="CUR", help="default: the programme's currency")
    p.add_argument("--description", metavar="TEXT")
    _staff_and_json(p)
    p.set_defaults(func=cmd_purchase)

    p = sub.add_parser("redeem", parents=[common], help="spend loyalty points")
    p.add_argument("--customer", type=cli_args.record_id, required=True, metavar="ID")
    p.add_argument("--points", type=cli_args.points, required=True, metavar="N")
    p.add_argument("--reward", metavar="NAME", help="a reward of the catalogue")
    _staff_and_json(p)
    p.set_defaults(func=cmd_redeem)

    p = sub.add_parser("adjust", parents=[common],
                       help="correct a points balance (or --bonus) with a reason")
    p.add_argument("--customer", type=cli_args.record_id, required=True, metavar="ID")
    p.add_argument("--points", type=cli_args.points, required=True, metavar="N",
                   help="+N or -N")
    p.add_argument("--reason", required=True, metavar="TEXT")
    p.add_argument("--bonus", action="store_true", help="a bonus rather than a correction")
    _staff_and_json(p)
    p.set_defaults(func=cmd_adjust)

    p = sub.add_parser("expire", parents=[common],
                       help="write the points expiries that are due (safe to repeat)")
    p.set_defaults(func=cmd_expire)

    for name, helptext in (("statement", "one customer's loyalty statement as PDF"),
                           ("statements", "loyalty statements for many customers")):
        p = sub.add_parser(name, parents=[common], help=helptext)
        if name == "statement":
            p.add_argument("--customer", type=cli_args.record_id, required=True,
                           metavar="ID")
            p.add_argument("--out", required=True, metavar="FILE", type=cli_args.out_place)
        else:
            p.add_argument("--segment", metavar="S")
            p.add_argument("--stage", metavar="STAGE")
            p.add_argument("--out", required=True, metavar="DIR", type=cli_args.out_place)
            p.add_argument("--jobs", type=cli_args.jobs, default=1, metavar="N",
                           help="processes rendering in parallel")
            p.add_argument("--combined", action="store_true",
                           help="one PDF with every statement (--out may be a file)")
        p.add_argument("--period", metavar="P", type=cli_args.period,
                       help="YYYY-MM, YYYY-Qn or YYYY")
        p.add_argument("--from", dest="since", metavar="DATE", type=cli_args.day)
        p.add_argument("--to", dest="until", metavar="DATE", type=cli_args.day)
        p.set_defaults(func=cmd_statement if name == "statement" else cmd_statements)

    p = sub.add_parser("import", parents=[common],
                       help="import contacts from vCard (.vcf) or CSV files")
    p.add_argument("files", nargs="+", metavar="FILE", type=cli_args.path)
    p.add_argument("--dry-run", action="store_true", help="show what would happen only")
    p.add_argument("--include-duplicates", action="store_true",
                   help="also import probable duplicates as new customers")
    p.add_argument("--region", metavar="CC", help="region for phones without +country code")
    p.add_argument("--json", action="store_true")
    p.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                   type=cli_args.column_map,
                   help="map a CSV column to a field, e.g. 'Primary Email=email' (repeatable;"
                        " FIELD: email, phone, ignore, email:work, phone:home, notes, "
                        "note:LABEL…)")
    p.add_argument("--mapping", metavar="FILE", type=cli_args.in_file,
                   help="use a mapping saved with --save-mapping (--map wins over it)")
    p.add_argument("--save-mapping", metavar="FILE", type=cli_args.out_file,
                   help="save the CSV columns' mapping used, to pass to --mapping next time")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", parents=[common],
                       help="write customers as vCard 4.0 or CSV, or the whole book as JSON")
    p.add_argument("query", nargs="*", default=[], help="search text (vcf and csv)")
    p.add_argument("--format", required=True,
                   choices=["vcf", "csv", "google-csv", "outlook-csv", "xlsx", "json"],
                   help="csv: every e-mail, phone and address with labels; google-csv and "
                        "outlook-csv: those programs' layouts; xlsx: csv's layout as a "
                        "spreadsheet whose text cells stay text (postcodes keep their "
                        "leading zeros in LibreOffice and Excel)")
    p.add_argument("--out", required=True, metavar="FILE", type=cli_args.out_file)
    p.add_argument("--stage", metavar="S")
    p.add_argument("--segment", metavar="S")
    p.add_argument("--tag", metavar="T")
    p.add_argument("--consent", choices=["email", "phone", "sms", "post"],
                   help="only customers who agreed to marketing on this channel")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("backup", parents=[common],
                       help="copy the book safely, even while the app has it open")
    p.add_argument("--to", metavar="FILE", type=cli_args.out_file,
                   help="default: backups/ beside the book")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", parents=[common],
                       help="replace the book by a backup (the current one is kept aside)")
    p.add_argument("file", metavar="FILE", type=cli_args.in_file)
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("duplicates", parents=[common],
                       help="customers entered twice: same e-mail, same phone, similar name")
    p.add_argument("--limit", type=cli_args.limit, default=200, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_duplicates)

    p = sub.add_parser("merge", parents=[common],
                       help="merge a duplicate into the customer to keep")
    p.add_argument("--keep", type=cli_args.record_id, required=True, metavar="ID")
    p.add_argument("--other", type=cli_args.record_id, required=True, metavar="ID")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("encrypt", parents=[common],
                       help="encrypt the book (SQLCipher); asks for a new passphrase")
    p.add_argument("--new-passphrase-file", metavar="FILE", type=cli_args.secret_file,
                   help="read the passphrase from FILE (or $CRMDESK_PASSPHRASE)")
    p.set_defaults(func=cmd_encrypt)

    p = sub.add_parser("rekey", parents=[common], help="change an encrypted book's passphrase")
    p.add_argument("--new-passphrase-file", metavar="FILE", type=cli_args.secret_file,
                   help="read the new passphrase from FILE (or $CRMDESK_NEW_PASSPHRASE)")
    p.set_defaults(func=cmd_rekey)

    p = sub.add_parser("audit", parents=[common],
                       help="the audit trail: `verify` its chain, or `list` its entries")
    p.add_argument("action", choices=["verify", "list"])
    p.add_argument("--customer", type=cli_args.record_id, metavar="ID")
    p.add_argument("--who", metavar="NAME")
    p.add_argument("--limit", type=cli_args.limit, default=200, metavar="N")
    p.add_argument("--json", action="store_true")
    p.add_argument("--office", action="store_true",
                   help="an office book: every device's trail as the hub keeps it "
                        "(managers only)")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("privacy", parents=[common],
                       help="`export` everything about a customer, or `forget` them")
    p.add_argument("action", choices=["export", "forget"])
    p.add_argument("--customer", type=cli_args.record_id, required=True, metavar="ID")
    p.add_argument("--out", metavar="FOLDER", type=cli_args.out_place,
                   help="where export writes the JSON and PDF")
    p.add_argument("--yes", action="store_true", help="forget without asking")
    p.set_defaults(func=cmd_privacy)

    p = sub.add_parser("staff", parents=[common],
                       help="staff accounts: list, add, role, password, pin")
    p.add_argument("action", choices=["list", "add", "role", "password", "pin"])
    p.add_argument("name", nargs="?", default="", help="the staff member")
    p.add_argument("--role", choices=["manager", "executive", "receptionist"])
    p.add_argument("--remove", action="store_true",
                   help="take the password (or PIN) away instead of setting one")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_staff)

    p = sub.add_parser("check", parents=[common], help="run integrity and schema checks")
    p.set_defaults(func=cmd_check)
    cli_messages.add_commands(sub, common)  # message, messages, templates, brief

    from crmdesk import cli_myday

    cli_myday.register(sub, common)
    from crmdesk import cli_canvas  # the relationship canvas and dashboards
    cli_canvas.add_commands(sub, common)
    from crmdesk import sync_cli  # the office book: hub, join, sync, conflicts

    sync_cli.add_parsers(sub, common)
    return parser


EXIT_NOT_ALLOWED = 77  # sysexits' EX_NOPERM: the signed-in person's role does not allow it
EXIT_USAGE = 2        # a value on the command line is not acceptable (argparse's own code)
EXIT_INTERNAL = 70    # sysexits' EX_SOFTWARE: a bug; still one line, never a traceback


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors are one line (`crmdesk search: argument --limit: …`)."""

    def error(self, message: str) -> NoReturn:
        line = cli_args.shown(" ".join(message.split()), 300)
        self.exit(EXIT_USAGE, f"{self.prog}: {line} (see {self.prog} --help)\n")


def _option_names(parser: argparse.ArgumentParser, into: dict[str, str]) -> dict[str, str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _option_names(sub, into)
        elif action.dest not in into:
            into[action.dest] = action.option_strings[-1] if action.option_strings \
                else action.metavar if isinstance(action.metavar, str) else action.dest
    return into


TEXT_ENVIRONMENT = ("CRMDESK_USER", "CRMDESK_PASSWORD", "CRMDESK_PASSPHRASE",
                    "CRMDESK_NEW_PASSPHRASE", "CRMDESK_NEW_PASSWORD", "CRMDESK_NEW_PIN")


def _text_problem(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str | None:
    """Every text value (options, positionals, defaults from the environment) must be text
    SQLite can store: no lone surrogates (bytes that are not UTF-8), no NUL. Paths may hold
    any bytes a file name can."""
    for env in TEXT_ENVIRONMENT:
        problem = cli_args.text_problem(os.environ.get(env) or "")
        if problem:  # a secret's value is never shown
            return f"${env} {problem}"
    names: dict[str, str] | None = None
    for dest, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str) or isinstance(item, cli_args.PathArg):
                continue
            problem = cli_args.text_problem(item)
            if problem:
                names = names or _option_names(parser, {})
                return (f"argument {names.get(dest, dest)}: “{cli_args.shown(item)}” "
                        f"{problem}")
    return None


def _escape_undecodable(exc: UnicodeError) -> tuple[str | bytes, int]:
    """Output error handler: a file name's undecodable bytes go out as they were
    (surrogateescape), any other character the terminal cannot show as \\x.. text."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    chunk = exc.object[exc.start:exc.end]
    if all("\udc80" <= ch <= "\udcff" for ch in chunk):
        return bytes(ord(ch) - 0xDC00 for ch in chunk), exc.end
    return chunk.encode("ascii", "backslashreplace").decode("ascii"), exc.end


def _safe_output() -> None:
    codecs.register_error("crmdesk-escape", _escape_undecodable)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
            stream.reconfigure(errors="crmdesk-escape")  # type: ignore[union-attr]


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return cli_args.shown(f"{type(exc).__name__}: {text}", 300)


def main(argv: Sequence[str] | None = None) -> int:
    _safe_output()
    words = sys.argv[1:] if argv is None else argv
    parser = _window_parser() if _opens_the_window(words) else build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error (already one line)
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    problem = _text_problem(parser, args)
    if problem:
        print(f"crmdesk: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        access.reset()
        texts.reset()  # the CLI speaks English: its output is a contract
        audit.set_actor(getattr(args, "staff", None) or getattr(args, "user", None)
                        or os.environ.get("CRMDESK_USER"))
        return int(args.func(args))
    except BookError as exc:
        print(f"crmdesk: {exc}", file=sys.stderr)
        return 1
    except access.AccessDenied as exc:
        print(f"crmdesk: {exc}", file=sys.stderr)
        return EXIT_NOT_ALLOWED
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except tuple(e for e in DB_ERRORS if e is not OSError) as exc:
        print(f"crmdesk: {describe_error(exc, _book_path(args))}", file=sys.stderr)
        return 1
    except OSError as exc:
        if getattr(exc, "plain_message", False):
            print(f"crmdesk: {exc}", file=sys.stderr)
            return 1
        print(f"crmdesk: {exc.strerror or exc}: {exc.filename or _book_path(args)}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except RecursionError:
        print("crmdesk: the input is nested too deeply to be read; nothing was done.",
              file=sys.stderr)
        return 1
    except MemoryError:
        print("crmdesk: not enough memory for this; nothing was done.", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the last resort: one line, never a traceback
        if getattr(exc, "plain_message", False):  # the hub's and the sync engine's refusals
            print(f"crmdesk: {exc}", file=sys.stderr)
            return 1
        print(f"crmdesk: internal error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_INTERNAL
