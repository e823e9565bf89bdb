"""Loyalty statements: statements per second on one core (database reads and file writes
included) for a typical two-page statement, and a batch of 1,000 with `--jobs 2`.

    .venv/bin/python benchmarks/bench_statements.py [--customers 1000] [--rows 55]

Targets (issue 5): ≥ 60 statements/s on one core; 1,000 statements in ≤ 10 s on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crmdesk.reports import statement_batch  # noqa: E402
from crmdesk.reports.statement_data import BatchContext  # noqa: E402
from crmdesk.services import periods  # noqa: E402
from crmdesk.store.book import open_book  # noqa: E402
from crmdesk.store.db import close_database, db  # noqa: E402

PERIOD = "2026-10"


def build(path: Path, customers: int, rows: int) -> None:
    """A demo book whose customers each have `rows` ledger lines in the period (≈ 2 pages)."""
    subprocess.run([sys.executable, "-m", "crmdesk", "demo", "--db", str(path), "--customers",
                    str(customers)], check=True, stdout=subprocess.DEVNULL)
    open_book(path)
    rng = random.Random(5)
    start = dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC)
    items = ["Advisory fee", "Safe deposit box", "Travel insurance", "Wine club",
             "Gift card for a colleague's retirement", "Concert tickets", ""]
    with db.atomic():
        conn = db.connection()
        pid = conn.execute("SELECT coalesce(max(id), 0) FROM purchase").fetchone()[0]
        for cid, in conn.execute("SELECT id FROM customer").fetchall():
            purchases, entries = [], []
            for _ in range(rows):
                pid += 1
                when = start + dt.timedelta(minutes=rng.randint(0, 30 * 24 * 60))
                stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
                cents = rng.randint(5_00, 900_00)
                purchases.append((pid, cid, when.date().isoformat(), cents, "USD",
                                  rng.choice(items), stamp))
                entries.append((cid, "earn", cents // 100, stamp, pid, stamp))
            conn.executemany("INSERT INTO purchase (id, customer_id, purchased_on, amount_cents, "
                             "currency, description, created_at) VALUES (?,?,?,?,?,?,?)",
                             purchases)
            conn.executemany("INSERT INTO points_entry (customer_id, kind, points, happened_at, "
                             "purchase_id, created_at) VALUES (?,?,?,?,?,?)", entries)
    close_database()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=55, help="ledger lines in the period")
    parser.add_argument("--single", type=int, default=300, help="statements on one core")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="crmdesk-bench-"))
    try:
        book = work / "book.db"
        t = time.perf_counter()
        build(book, args.customers, args.rows)
        print(f"book: {args.customers:,} customers × {args.rows} lines in {PERIOD} "
              f"({time.perf_counter() - t:.1f} s to build)")

        open_book(book, create=False)
        ids = [r[0] for r in db.execute_sql("SELECT id FROM customer ORDER BY id")]
        period = periods.parse_period(PERIOD)
        ctx = BatchContext.load()
        statement_batch.write_each(ids[:5], period, work / "warm", ctx=ctx)  # fonts, caches
        sample = ids[5:5 + args.single]
        t = time.perf_counter()
        written = statement_batch.write_each(sample, period, work / "single", ctx=ctx)
        elapsed = time.perf_counter() - t
        pages = [len(PdfReader(p).pages) for p in written[:20]]
        size = sum(p.stat().st_size for p in written) / len(written) / 1024
        print(f"one core: {len(written) / elapsed:.1f} statements/s "
              f"({elapsed / len(written) * 1000:.1f} ms each, pages {min(pages)}–{max(pages)}, "
              f"{size:.0f} KB each; target ≥ 60/s)")
        close_database()

        for jobs in (1, 2):
            out = work / f"batch{jobs}"
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "crmdesk", "statements", "--db", str(book),
                            "--period", PERIOD, "--out", str(out), "--jobs", str(jobs)],
                           check=True, stderr=subprocess.DEVNULL)
            elapsed = time.perf_counter() - t
            count = len(list(out.glob("*.pdf")))
            print(f"batch with --jobs {jobs}: {count:,} statements in {elapsed:.1f} s "
                  f"({count / elapsed:.0f}/s, whole command incl. start-up)"
                  + ("; target ≤ 10 s" if jobs == 2 else ""))
    finally:
        close_database()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
