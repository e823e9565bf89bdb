"""Demo book benchmark: customers per second that `crmdesk demo` builds, beside the bare
operation on the same data in the same run (SQLite copying the very rows the demo wrote,
table by table, into an empty book of the same schema, search index included): the ratio is
what generating a consistent story costs on top of writing it.

    .venv/bin/python benchmarks/bench_demo.py [--customers 20000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crmdesk.services import demo  # noqa: E402
from crmdesk.store.book import open_book  # noqa: E402
from crmdesk.store.db import close_database, db  # noqa: E402

TABLES = ["staff", "customer", "customer_email", "customer_phone", "customer_address",
          "customer_consent", "customer_tag", "stage_change", "interaction", "follow_up",
          "purchase", "points_entry"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source, copy = Path(tmp) / "demo.db", Path(tmp) / "copy.db"
        open_book(source)
        start = time.perf_counter()
        demo.build_demo(args.customers, seed=1)
        built = time.perf_counter() - start
        rows = {t: db.execute_sql(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        close_database()

        open_book(copy)
        conn = db.connection()
        conn.execute("ATTACH DATABASE ? AS src", (os.fspath(source),))
        start = time.perf_counter()
        with db.atomic():
            for table in TABLES:
                conn.execute(f"DELETE FROM main.{table}")
                conn.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}")
            conn.execute("INSERT INTO main.customer_fts (rowid, name, emails, phones, company, "
                         "tags, notes) SELECT rowid, name, emails, phones, company, tags, notes "
                         "FROM src.customer_fts")
        bare = time.perf_counter() - start
        conn.execute("DETACH DATABASE src")
        close_database()
    n = args.customers
    print(f"demo book, {n:,} customers ({rows['interaction']:,} contacts, "
          f"{rows['follow_up']:,} follow-ups, {rows['purchase']:,} purchases):")
    print(f"  crmdesk demo      {built:6.2f} s  {n / built:9,.0f} customers/s")
    print(f"  bare SQLite copy  {bare:6.2f} s  {n / bare:9,.0f} customers/s "
          "(the same rows, INSERT … SELECT)")
    print(f"  ratio             {built / bare:6.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
