"""Messages for a segment: 1,000 personalised letters (PDF) and 10,000 e-mail drafts (.eml),
each written, logged as an interaction and audited - beside the bare operation on the same
data in the same run (bare ReportLab for the letters, the bare `email` package for the
drafts) and the statement rate of the same book.

    .venv/bin/python benchmarks/bench_messages.py [--customers 10000] [--letters 1000]

Targets (issue 15): letters at the statement rate; e-mails ≥ 500/s.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crmdesk.services import messaging  # noqa: E402
from crmdesk.store.book import open_book  # noqa: E402
from crmdesk.store.db import close_database, db  # noqa: E402


def build(path: Path, customers: int) -> None:
    """A demo book where every customer has an e-mail, a postal address and both consents
    (so the whole segment gets the message)."""
    subprocess.run([sys.executable, "-m", "crmdesk", "demo", "--db", str(path), "--customers",
                    str(customers)], check=True, stdout=subprocess.DEVNULL)
    open_book(path)
    with db.atomic():
        db.execute_sql("UPDATE customer SET preferred_channel = '', segment = 'Everyone'")
        for channel in ("email", "post"):
            db.execute_sql("INSERT OR IGNORE INTO customer_consent (customer_id, channel, "
                           "given_on) SELECT id, ?, '2026-01-01' FROM customer", (channel,))
        db.execute_sql("INSERT INTO customer_email (customer_id, label, address, address_key, "
                       "position) SELECT id, 'home', 'c' || id || '@example.com', "
                       "'c' || id || '@example.com', 0 FROM customer WHERE id NOT IN "
                       "(SELECT customer_id FROM customer_email)")
        db.execute_sql("INSERT INTO customer_address (customer_id, label, street, city, "
                       "postcode, country) SELECT id, 'home', 'Calle Mayor ' || id, 'Madrid', "
                       "'28001', 'España' FROM customer WHERE id NOT IN "
                       "(SELECT customer_id FROM customer_address)")
    close_database()


class Clock:
    """Wall and CPU time of a block: on a shared machine the CPU time (this process only)
    holds where the wall time does not."""

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def rates(n: int, ours: Clock, bare: Clock) -> str:
    return (f"wall {n / ours.wall:,.0f}/s vs bare {n / bare.wall:,.0f}/s "
            f"(×{ours.wall / bare.wall:.2f}); CPU {n / ours.cpu:,.0f}/s vs bare "
            f"{n / bare.cpu:,.0f}/s (×{ours.cpu / bare.cpu:.2f})")


def bare_letters(drafts: list[messaging.Draft], folder: Path) -> Clock:
    """The same texts as plain ReportLab documents: one paragraph per block, the same font,
    no database, no letterhead logic."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from crmdesk.reports import statement_pdf

    statement_pdf.register_fonts()
    style = ParagraphStyle("b", fontName=statement_pdf.FONT, fontSize=10.5, leading=15)
    folder.mkdir()
    with Clock() as clock:
        for n, d in enumerate(drafts):
            story = [Paragraph(escape(line), style) for line in d.address_lines]
            story += [Paragraph(escape(block).replace("\n", "<br/>"), style)
                      for block in d.body.split("\n\n")]
            SimpleDocTemplate(str(folder / f"{n}.pdf"), pagesize=A4, invariant=1).build(story)
    return clock


def bare_emails(drafts: list[messaging.Draft], folder: Path) -> Clock:
    """The same texts as MIME messages (the email package's fastest way, UTF-8 quoted-
    printable, encoded headers) written to files: no template, no database, no HTML part."""
    from email.charset import QP, Charset
    from email.header import Header
    from email.mime.text import MIMEText
    from email.utils import formataddr

    folder.mkdir()
    utf8 = Charset("utf-8")
    utf8.body_encoding = QP
    with Clock() as clock:
        for n, d in enumerate(drafts):
            msg = MIMEText(d.body, "plain", utf8)  # type: ignore[arg-type]
            msg["To"] = formataddr((d.to_name, d.to_address), charset="utf-8")
            msg["Subject"] = Header(d.subject, "utf-8")  # type: ignore[assignment]
            (folder / f"{n}.eml").write_bytes(msg.as_bytes())
    return clock


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--letters", type=int, default=1_000)
    parser.add_argument("--statements", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="crmdesk-bench-msg-"))
    try:
        book = work / "book.db"
        t = time.perf_counter()
        build(book, args.customers)
        print(f"book: {args.customers:,} customers ({time.perf_counter() - t:.1f} s to build)")
        open_book(book, create=False)
        ids = [r[0] for r in db.execute_sql("SELECT id FROM customer ORDER BY id")]
        shared = messaging.Shared.load()

        # --- letters -------------------------------------------------------------------
        letter_ids = ids[:args.letters]
        plan = messaging.plan_many(letter_ids, "Thank you", "letter")
        assert len(plan.included) == len(letter_ids), plan.excluded[:3]
        with Clock() as ours:
            result = messaging.write_many(letter_ids, "Thank you", "letter", work / "letters",
                                          shared=shared)
        assert len(result.written) == len(letter_ids)
        drafts = [messaging.compose(cid, "Thank you", "letter", shared=shared)
                  for cid in letter_ids]
        bare = bare_letters(drafts, work / "bare-letters")
        from crmdesk.reports import statement_batch
        from crmdesk.reports.statement_data import BatchContext
        from crmdesk.services import periods

        period = periods.parse_period("2026-10")
        some = ids[:args.statements]
        ctx = BatchContext.load()
        with Clock() as stmt:
            statement_batch.write_each(some, period, work / "statements", ctx=ctx)
        n = len(letter_ids)
        print(f"letters:    {n:,} written, logged and audited in {ours.wall:.1f} s; "
              f"{rates(n, ours, bare)} (bare ReportLab on the same texts)")
        print(f"            statements of this book: wall {len(some) / stmt.wall:,.0f}/s, "
              f"CPU {len(some) / stmt.cpu:,.0f}/s (letters/statements, CPU: "
              f"{(n / ours.cpu) / (len(some) / stmt.cpu):.2f})")

        # --- e-mails -------------------------------------------------------------------
        with Clock() as planning:
            plan = messaging.plan_many(ids, "Follow-up", "email")
        assert len(plan.included) == len(ids), plan.excluded[:3]
        print(f"consent:    who gets it among {len(ids):,} clients: {planning.wall * 1e3:,.0f} "
              f"ms (the composer's list of those left out)")
        with Clock() as ours:
            result = messaging.write_many(ids, "Follow-up", "email", work / "emails",
                                          shared=shared)
        assert len(result.written) == len(ids)
        drafts = [messaging.compose(cid, "Follow-up", "email", shared=shared) for cid in ids]
        bare = bare_emails(drafts, work / "bare-emails")
        with Clock() as mbox:
            messaging.write_many(ids, "Birthday", "email", work / "all.mbox", combined=True,
                                 shared=shared)
        n = len(ids)
        print(f"e-mails:    {n:,} .eml rendered, written, logged and audited in "
              f"{ours.wall:.1f} s; {rates(n, ours, bare)} (bare email package, same texts)")
        print(f"            one mbox of {n:,}: wall {n / mbox.wall:,.0f}/s, "
              f"CPU {n / mbox.cpu:,.0f}/s")
        logged = db.execute_sql("SELECT count(*) FROM message_log").fetchone()[0]
        print(f"logged:     {logged:,} messages, each one outbound interaction")
        close_database()
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
