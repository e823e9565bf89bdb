"""Command line for messages and meeting briefs: `message`, `messages`, `templates`, `brief`.

Added to the parser by `add_commands` (one call in cli.build_parser); the commands use the
same services as the window, so every rule (roles, consent, logging, audit) holds here too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

from crmdesk import cli_args
from crmdesk.store.db import BookError


def _cli() -> Any:
    from crmdesk import cli

    return cli


def _fail(exc: Exception) -> BookError:
    from crmdesk.services.customers import ValidationFailed

    if isinstance(exc, ValidationFailed):
        return BookError("; ".join(p.message for p in exc.problems))
    text = str(exc.args[0]) if isinstance(exc, LookupError | KeyError) and exc.args else str(exc)
    return BookError(text)


def _staff() -> int | None:
    return _cli()._staff_id(os.environ.get("CRMDESK_USER") or None)


def _channel_for(out: Path, given: str | None) -> str | None:
    from crmdesk.services import messaging

    if given:
        return given
    return messaging.CHANNEL_OF_EXTENSION.get(out.suffix.lower())


def cmd_message(args: argparse.Namespace) -> int:
    from crmdesk.services import access, messaging
    from crmdesk.services.customers import ValidationFailed

    _cli()._open(args, create=False)
    out = Path(args.out).expanduser()
    try:
        staff_id = _staff()
        draft = messaging.compose(args.customer, args.template,
                                  _channel_for(out, args.channel), args.language)
        if out.is_dir():
            out = out / messaging.file_name(draft)
        elif out.suffix.lower() != messaging.EXTENSION[draft.channel]:
            out = out.with_name(out.name + messaging.EXTENSION[draft.channel]) \
                if not out.suffix else out
        if not out.parent.is_dir():
            raise BookError(f"The folder {out.parent} does not exist.")
        done = messaging.deliver(draft, out, staff_id=staff_id)
    except access.AccessDenied:
        raise
    except (messaging.MessageError, LookupError, ValidationFailed, ValueError) as exc:
        raise _fail(exc) from exc
    for warning in draft.warnings:
        print(f"crmdesk: warning: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps({"customer_id": draft.customer_id, "channel": draft.channel,
                          "language": draft.language, "subject": draft.subject,
                          "body": draft.body, "file": str(out),
                          "interaction_id": done.interaction_id}, ensure_ascii=False))
    else:
        print(out)
        if draft.channel == "sms":
            print(f"{draft.length.describe()}", file=sys.stderr)
    return 0


def cmd_messages(args: argparse.Namespace) -> int:
    import time

    from crmdesk.services import access, customer_query, messaging
    from crmdesk.services import message_templates as templates
    from crmdesk.services.customers import ValidationFailed

    _cli()._open(args, create=False)
    stage = _cli()._stage_key(args.stage) if args.stage else ""
    flt = customer_query.CustomerFilter(segment=args.segment or "", stage=stage,
                                        tag=args.tag or "")
    out = Path(args.out).expanduser()
    started = time.perf_counter()
    try:
        staff_id = _staff()
        ids = customer_query.customer_ids(flt)
        plan = messaging.plan_many(ids, args.template, args.channel)
        target = out
        if args.combined:
            suffix = {"letter": ".pdf", "email": ".mbox", "sms": ".txt"}[plan.channel]
            if out.is_dir() or not out.suffix:
                out.mkdir(parents=True, exist_ok=True, mode=0o700)
                from crmdesk.reports.statement_batch import safe_stem

                stamp = dt.date.today().isoformat()
                target = out / f"{safe_stem(f'{plan.template} {stamp}')}{suffix}"
        elif out.exists() and not out.is_dir():
            raise BookError(f"{out} is a file; --out needs a folder (or add --combined).")
        result = messaging.write_many(plan.included, plan.template, plan.channel, target,
                                      combined=args.combined, staff_id=staff_id) \
            if plan.included else messaging.BulkResult([], [])
    except access.AccessDenied:
        raise
    except (messaging.MessageError, LookupError, ValidationFailed, ValueError) as exc:
        raise _fail(exc) from exc
    elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps({
            "template": plan.template, "channel": plan.channel,
            "combined": str(target) if args.combined and plan.included else None,
            "written": [{"customer_id": d.customer_id, "file": str(d.file),
                         "interaction_id": d.interaction_id} for d in result.delivered],
            "skipped": [{"customer_id": e.customer_id, "name": e.name, "reason": e.reason}
                        for e in plan.excluded]}, ensure_ascii=False))
    else:
        for e in plan.excluded:
            print(f"skipped: {e.name} (#{e.customer_id}) {e.reason}", file=sys.stderr)
        for path in result.written:
            print(path)
    what = templates.CHANNELS[plan.channel].lower()
    print(f"{len(result.delivered):,} written ({what}) in {elapsed:.1f} s, "
          f"{len(plan.excluded):,} left out.", file=sys.stderr)
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    from crmdesk.services import message_templates as templates

    _cli()._open(args, create=False)
    if args.action == "list":
        infos = templates.list_templates()
        if args.json:
            print(json.dumps([{"name": i.name, "purpose": i.purpose, "channel": i.channel,
                               "languages": i.languages} for i in infos], ensure_ascii=False))
        else:
            for i in infos:
                print(f"{i.name:<24} {templates.CHANNELS[i.channel]:<11} "
                      f"{templates.PURPOSES.get(i.purpose, i.purpose):<22} "
                      f"{', '.join(i.languages)}")
        return 0
    if not args.name:
        raise BookError("templates show needs the template's NAME.")
    found = templates.versions(args.name)
    if not found:
        try:
            templates.find(args.name, "en")
        except LookupError as exc:
            raise _fail(exc) from exc
    if args.json:
        print(json.dumps([templates.to_json(t) for t in found.values()], ensure_ascii=False))
    else:
        for t in found.values():
            print(f"# {t.name} ({templates.LANGUAGES[t.language]}, "
                  f"{templates.CHANNELS[t.channel]})")
            if t.subject:
                print(f"Subject: {t.subject}")
            print(t.body)
            print()
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    from crmdesk.reports import brief_pdf
    from crmdesk.services import access, meeting_brief

    _cli()._open(args, create=False)
    out = Path(args.out).expanduser()
    try:
        if out.is_dir():
            out = out / meeting_brief.file_name(args.customer)
        meeting_brief.write([args.customer], out, brief_pdf.render)
    except access.AccessDenied:
        raise
    except (LookupError, ValueError) as exc:
        raise _fail(exc) from exc
    print(out)
    return 0


def cmd_briefs(args: argparse.Namespace) -> int:
    from crmdesk.reports import brief_pdf
    from crmdesk.services import meeting_brief

    _cli()._open(args, create=False)
    ids = meeting_brief.tomorrow_ids()
    if not ids:
        print("Nothing is due tomorrow: no briefs written.", file=sys.stderr)
        return 0
    out = Path(args.out).expanduser()
    if out.is_dir():
        out = out / f"Briefs {dt.date.today() + dt.timedelta(days=1)}.pdf"
    try:
        meeting_brief.write(ids, out, brief_pdf.render)
    except (LookupError, ValueError) as exc:
        raise _fail(exc) from exc
    print(out)
    print("1 brief (one page)." if len(ids) == 1 else f"{len(ids):,} briefs (one page each).",
          file=sys.stderr)
    return 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("message", parents=[common],
                       help="write one message from a template (.eml, .pdf or .txt) and log it")
    p.add_argument("--customer", type=cli_args.record_id, required=True, metavar="ID")
    p.add_argument("--template", required=True, metavar="NAME", type=cli_args.text)
    p.add_argument("--channel", choices=["email", "letter", "sms"],
                   help="default: from --out's extension, else the client's preferred "
                        "channel, else the template's")
    p.add_argument("--language", choices=["en", "es"], help="default: the client's")
    p.add_argument("--out", required=True, metavar="FILE", type=cli_args.out_place)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_message)

    p = sub.add_parser("messages", parents=[common],
                       help="one message per client of a segment, stage or tag (consent kept)")
    p.add_argument("--template", required=True, metavar="NAME", type=cli_args.text)
    p.add_argument("--segment", metavar="S", type=cli_args.text)
    p.add_argument("--stage", metavar="S", type=cli_args.text)
    p.add_argument("--tag", metavar="T", type=cli_args.text)
    p.add_argument("--channel", choices=["email", "letter", "sms"],
                   help="default: the template's")
    p.add_argument("--out", required=True, metavar="DIR", type=cli_args.out_place)
    p.add_argument("--combined", action="store_true",
                   help="one file: a PDF of every letter, an mbox of every e-mail")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_messages)

    p = sub.add_parser("templates", parents=[common],
                       help="the message templates: `list`, or `show NAME`")
    p.add_argument("action", choices=["list", "show"])
    p.add_argument("name", nargs="?", default="", metavar="NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("brief", parents=[common],
                       help="a one-page meeting brief of a customer (PDF)")
    p.add_argument("--customer", type=cli_args.record_id, required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.pdf", type=cli_args.out_place)
    p.set_defaults(func=cmd_brief)

    p = sub.add_parser("briefs", parents=[common],
                       help="one-page briefs of everyone with something due tomorrow (PDF)")
    p.add_argument("--tomorrow", action="store_true", required=True,
                   help="the customers with an open follow-up due tomorrow")
    p.add_argument("--out", required=True, metavar="FILE.pdf", type=cli_args.out_place)
    p.set_defaults(func=cmd_briefs)
