"""The office book's commands: hub init / check / enrol, join, sync, conflicts.

Kept apart from cli.py (which only registers them) so that a book that never uses a hub
never imports psycopg."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

EXIT_OFFLINE = 75  # sysexits' EX_TEMPFAIL: the hub cannot be reached now; try later


def _cli() -> Any:
    from crmdesk import cli

    return cli


def _ask(label: str) -> str | None:
    from crmdesk.hub.client import terminal_password

    return terminal_password(label)


def _new_hub_password(who: str) -> str:
    from crmdesk.hub.client import HubError

    given = os.environ.get("CRMDESK_HUB_NEW_PASSWORD")
    if given:
        return given
    first = _ask(f"New hub password for {who}")
    if first is None:
        raise HubError(f"Give {who}'s new hub password in CRMDESK_HUB_NEW_PASSWORD (no "
                       "terminal to ask it on).")
    if first != _ask("The same password again"):
        raise HubError("The two passwords differ: nothing was changed.")
    return first


def _admin(args: argparse.Namespace) -> Any:
    from crmdesk.hub import client

    return client.connect(args.hub, ask=_ask)


def cmd_hub(args: argparse.Namespace) -> int:
    from crmdesk.hub import client, office
    from crmdesk.services import access

    if args.action == "check":
        conn = _admin(args)
        try:
            rep = client.check(conn)
        finally:
            conn.close()
        if args.json:
            print(json.dumps(rep.as_json(), indent=2, ensure_ascii=False))
        else:
            print(f"Hub {client.redact(args.hub)}")
            for line in rep.findings:
                print(f"  ok: {line}")
            for d in rep.devices:
                print(f"  device {d['name'] or d['device']} ({d['login']}): "
                      f"{d['behind']} change(s) not pulled yet, last push "
                      f"{d['last_push'] or 'never'}")
            for line in rep.problems:
                print(f"  PROBLEM: {line}")
            print("No problems found." if rep.ok else f"{len(rep.problems)} problem(s) found.")
        return 0 if rep.ok else 1
    if args.action in ("revoke", "reset-password"):
        if not args.name:
            raise client.HubError(f"Name the person: crmdesk hub {args.action} NAME --hub URL.")
        conn = _admin(args)
        try:
            if client.schema_version(conn) == 0:
                raise client.HubError("No crmdesk hub here yet: run `crmdesk hub init`.")
            if args.action == "revoke":
                login = client.revoke(conn, args.name)
                text = (f"{login} can no longer connect to the hub (their next connection is "
                        "refused); what they sent is kept. `crmdesk hub enrol` gives access "
                        "back.")
            else:
                login, _revoked = client.find_login(conn, args.name)
                client.reset_password(conn, login, _new_hub_password(login))
                text = f"{login} has a new hub password."
        finally:
            conn.close()
        if args.json:
            print(json.dumps({"login": login, "action": args.action}))
        else:
            print(text)
        return 0
    if args.action == "upgrade":
        conn = _admin(args)
        try:
            if client.schema_version(conn) == 0:
                raise client.HubError("No crmdesk hub here yet: run `crmdesk hub init`.")
            before = client.schema_version(conn)
            after = client.migrate(conn)
        finally:
            conn.close()
        if args.json:
            print(json.dumps({"from": before, "to": after}))
        else:
            print(f"Hub schema {before} -> {after}." if after != before
                  else f"The hub is at schema {after} already.")
        return 0
    if args.action == "enrol":
        if not args.name:
            raise client.HubError("Name the person to enrol: crmdesk hub enrol NAME --hub URL.")
        login = client.login_name(args.name)
        conn = _admin(args)
        try:
            if client.schema_version(conn) == 0:
                raise client.HubError("No crmdesk hub here yet: run `crmdesk hub init`.")
            client.migrate(conn)
            client.enrol(conn, login, _new_hub_password(login), args.role or "executive",
                         args.name)
        finally:
            conn.close()
        print(f"{args.name} can now join as {login}: crmdesk join --hub URL --user {login} "
              "--db PATH")
        return 0
    # init
    cli = _cli()
    book = cli._open(args, create=False)
    access.require("settings")
    me = access.current()
    staff = args.staff or me.name or "Manager"
    login = args.login or client.login_name(staff)
    password = _new_hub_password(login)
    rep = office.init_office(args.hub, login, password, staff, book.path, ask=_ask)
    if args.json:
        print(json.dumps({"office": rep.office, "device": rep.device, "login": rep.login,
                          "records": rep.records, "seconds": round(rep.seconds, 2)}))
    else:
        print(f"{book.path.name} is now an office book on {client.redact(args.hub)}: "
              f"{rep.records:,} records uploaded in {rep.seconds:.1f} s; this book syncs "
              f"as {rep.login}.")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from crmdesk.hub import client, office
    from crmdesk.store.book import open_book
    from crmdesk.store.db import BookError, close_database

    cli = _cli()
    path = Path(args.db).expanduser()
    if path.exists() and path.stat().st_size:
        raise BookError(f"{path} already exists: join into a new file.")
    login = args.user
    typed: list[str] = []

    def ask(label: str) -> str | None:
        answer = _ask(label)
        if answer:
            typed.append(answer)
        return answer

    link = client.HubLink.open(args.hub, login, ask=ask)
    # (the hub password becomes this laptop's sign-in; from a pgpass file it is not known)
    password = typed[-1] if typed else os.environ.get("PGPASSWORD") or None
    passphrase = cli._given_passphrase(args)
    created = not path.exists()
    try:
        book = open_book(path, passphrase=passphrase)
        report = office.join_office(link, args.hub, login, password)
        counts = {t: db_count(t) for t in ("customer", "interaction", "points_entry")}
        book.close()
    except BaseException:
        close_database()
        if created:
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    finally:
        link.close()
    if args.json:
        print(json.dumps({"db": str(path), "records": report.received,
                          "waiting": report.waiting, "cursor": report.cursor, **counts,
                          "encrypted": passphrase is not None,
                          "sign_in": report.sign_in or None}))
    else:
        print(f"Joined: {path} holds {counts['customer']:,} customers "
              f"({report.received:,} records){' — encrypted' if passphrase else ''}.")
        if report.sign_in:
            print(f"On this laptop {report.sign_in} signs in with their hub password "
                  f"(--user \"{report.sign_in}\").")
        elif password is None:
            print("No sign-in on this laptop: the hub password came from a pgpass file.")
        else:
            print(f"No sign-in on this laptop: {login} is not a staff member of the office "
                  "book yet (a manager adds them under Settings ▸ Staff Members).")
    return 0


def db_count(table: str) -> int:
    from crmdesk.store.db import db

    return int(db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0])


def _link_for_book() -> Any:
    from crmdesk.hub import client
    from crmdesk.services import sync

    st = sync.require_state()
    return client.HubLink.open(st.hub, st.login, ask=_ask)


def cmd_sync(args: argparse.Namespace) -> int:
    from crmdesk.hub.client import HubError
    from crmdesk.services import sync

    cli = _cli()
    book = cli._open(args, create=False)
    if args.action == "status":
        st = sync.status()
        if args.json:
            print(json.dumps(st, ensure_ascii=False))
        else:
            held = f" · {st['waiting']} received, held back" if st["waiting"] else ""
            print(f"Hub {st['hub']} as {st['login']} · {st['unsent']} waiting to be sent · "
                  f"{st['conflicts']} to review{held} · last sync "
                  f"{st['last_sync'] or 'never'}")
        return 0
    try:
        link = _link_for_book()
    except HubError as exc:
        print(f"crmdesk: {exc} ({sync.unsent()} change(s) waiting to be sent)",
              file=sys.stderr)
        return EXIT_OFFLINE
    try:
        rep = sync.sync(link, book.path)
    except HubError as exc:
        print(f"crmdesk: {exc} ({sync.unsent()} change(s) waiting to be sent)",
              file=sys.stderr)
        return EXIT_OFFLINE
    finally:
        link.close()
    if args.json:
        print(json.dumps(rep.as_json()))
    else:
        p = rep.pushed
        print(f"Sent {p.sent} change(s) ({p.lost} lost to a later edit, {p.refused} refused), "
              f"received {rep.pulled.received}; {rep.conflicts} conflict(s) to review.")
    return 0


def cmd_office_audit(args: argparse.Namespace) -> int:
    """`crmdesk audit verify|list --office`: the office's trail, every device's chain."""
    from crmdesk.hub.client import HubError
    from crmdesk.services import access, sync

    access.require("audit")
    try:
        link = _link_for_book()
        try:
            trail = sync.office_audit(link)
        finally:
            link.close()
    except HubError as exc:
        print(f"crmdesk: {exc}", file=sys.stderr)
        return EXIT_OFFLINE
    if args.action == "verify":
        for problem in trail.problems:
            print(f"crmdesk: {problem}", file=sys.stderr)
        if args.json:
            print(json.dumps({"ok": not trail.problems, "devices": trail.devices,
                              "entries": len(trail.entries), "problems": trail.problems}))
        elif not trail.problems:
            print(f"Every device's audit trail is intact ({trail.devices} device(s), "
                  f"{len(trail.entries):,} entries).")
        else:
            print(f"The office's audit trail was tampered with: {len(trail.problems)} "
                  "problem(s).")
        return 0 if not trail.problems else 1
    uid = None
    if args.customer is not None:
        from crmdesk.store.db import db

        row = db.execute_sql("SELECT uid FROM customer WHERE id = ?", (args.customer,)
                             ).fetchone()
        uid = row[0] if row else ""
    shown = [e for e in trail.entries
             if (not args.who or e["who"] == args.who)
             and (uid is None or e["customer_uid"] == uid)][-args.limit:]
    if args.json:
        print(json.dumps(shown, ensure_ascii=False, indent=2))
        return 0
    for e in shown:
        whom = e["customer"] or (e["customer_uid"] or "the book")
        print(f"{e['at']}  {e['device_name'] or e['device']:<16} {e['who'] or '':<20} "
              f"{e['action']:<14} {whom}  {e['detail']}")
    return 0


def _show(value: Any) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, bool):
        return "deleted" if value else "present"
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if k != "_del") or "(row)"
    text = str(value).replace("\n", " ")
    return text if len(text) <= 60 else text[:57] + "…"


def cmd_conflicts(args: argparse.Namespace) -> int:
    from crmdesk.services import sync

    _cli()._open(args, create=False)
    if args.action == "resolve":
        if args.id is None or not args.keep:
            raise sync.SyncError("Usage: crmdesk conflicts resolve ID --keep mine|theirs.")
        con = sync.resolve(args.id, args.keep)
        print(f"Conflict {con.id} settled: kept {args.keep}; the next sync tells everyone.")
        return 0
    found = sync.conflicts(include_resolved=args.all)
    if args.json:
        print(json.dumps([c.as_json() for c in found], ensure_ascii=False))
        return 0
    if not found:
        print("No conflicts to review.")
        return 0
    for c in found:
        who = c.customer or "(no customer)"
        if c.reason.startswith("overdrawn"):
            print(f"#{c.id} points · {who}: {c.reason} (the last by {c.other_by} at "
                  f"{c.other_at})")
        elif c.reason:
            print(f"#{c.id} {c.table} · {who} · {c.field}: the hub refused "
                  f"{_show(c.other)} by {c.other_by} at {c.other_at} ({c.reason}); "
                  f"it holds {_show(c.kept)}")
        else:
            print(f"#{c.id} {c.table} · {who} · {c.field}: kept {_show(c.kept)} by "
                  f"{c.kept_by} at {c.kept_at}; other {_show(c.other)} by {c.other_by} at "
                  f"{c.other_at}" + (f" [settled: {c.resolution}]" if c.resolved_at else ""))
    return 0


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register the office book's commands on cli.py's subparsers."""
    p = sub.add_parser("hub", parents=[common],
                       help="the office hub (PostgreSQL): init, check, enrol, revoke, "
                            "reset-password, upgrade")
    p.add_argument("action", choices=["init", "check", "enrol", "revoke", "reset-password",
                                      "upgrade"])
    p.add_argument("name", nargs="?", default="",
                   help="enrol / revoke / reset-password: the staff member's name or login")
    p.add_argument("--hub", required=True, metavar="URL",
                   help="libpq string or postgresql:// URL of an administrator (no password:"
                        " $PGPASSWORD, ~/.pgpass, or asked)")
    p.add_argument("--login", metavar="NAME", help="init: the manager's hub login")
    p.add_argument("--staff", metavar="NAME", help="init: the manager's staff name")
    p.add_argument("--role", choices=["manager", "executive", "receptionist"],
                   help="enrol: the person's role (default executive)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_hub)

    p = sub.add_parser("join", help="create a new local book filled from an office hub")
    p.add_argument("--hub", required=True, metavar="URL")
    p.add_argument("--user", required=True, metavar="NAME", help="your hub login")
    p.add_argument("--db", required=True, metavar="PATH", help="the new book file")
    p.add_argument("--passphrase-file", metavar="FILE", default=None,
                   help="encrypt the new book with this passphrase (or $CRMDESK_PASSPHRASE)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_join)

    p = sub.add_parser("sync", parents=[common],
                       help="push this book's changes to the hub and pull the others'")
    p.add_argument("action", nargs="?", choices=["status"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("conflicts", parents=[common],
                       help="concurrent edits that lost and writes the hub refused")
    p.add_argument("action", nargs="?", choices=["resolve"])
    p.add_argument("id", nargs="?", type=int)
    p.add_argument("--keep", choices=["mine", "theirs"])
    p.add_argument("--all", action="store_true", help="include settled ones")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts)
