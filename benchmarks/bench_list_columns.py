"""What the customer list's Last contact / Next follow-up columns cost, each figure beside
the bare operation on the same book in the same run (the machines are shared: the ratio
holds where a time does not).

Run: .venv/bin/python benchmarks/bench_list_columns.py [--size 100000]

- a block of 50 list rows (rows_by_id) with the two columns, beside the same query without
  them;
- the first 300 ids sorted by last contact / next follow-up (from their indexes), beside the
  sort by name;
- keystroke to repainted table in the real window with the two columns shown, beside the
  same keys with the columns hidden (interleaved, term by term).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demo_book import demo_book  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CRMDESK_NO_DEMO_OFFER"] = "1"
os.environ["CRMDESK_NO_AUTO_BACKUP"] = "1"

TERMS = ["maria", "pena", "garcia", "gonz", "nguyen", "5551", "golf", "acme", "m", "s"]


def _median_ms(run, repeat: int = 30) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def store(path: Path) -> None:
    from crmdesk.services import customer_query as q
    from crmdesk.services.customer_query import CustomerFilter
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database, db

    open_book(path)
    ids = q.customer_ids(CustomerFilter(), limit=5000)
    blocks = [ids[i:i + 50] for i in range(0, 5000, 50)]
    pos = iter(range(10**9))

    def with_columns() -> None:
        q.rows_by_id(blocks[next(pos) % len(blocks)], "EUR", "2025-01-01", "2025-01-01")

    def bare() -> None:
        block = blocks[next(pos) % len(blocks)]
        marks = ",".join("?" * len(block))
        db.execute_sql(
            f"""SELECT c.id, c.given_name, c.family_name, c.preferred_name, c.company,
                   c.stage, c.segment, c.relationship_type, s.name,
                   (SELECT address FROM customer_email e WHERE e.customer_id = c.id
                    ORDER BY position LIMIT 1),
                   (SELECT e164 FROM customer_phone p WHERE p.customer_id = c.id
                    ORDER BY position LIMIT 1),
                   c.updated_at,
                   (SELECT group_concat(tag, ', ') FROM customer_tag t
                    WHERE t.customer_id = c.id),
                   c.points_balance,
                   (SELECT sum(amount_cents) FROM purchase p
                    WHERE p.customer_id = c.id AND p.currency = ?),
                   (SELECT coalesce(sum(points), 0) FROM points_entry e
                    WHERE e.customer_id = c.id AND e.happened_at > ?
                    AND e.kind IN ('earn', 'bonus')),
                   (SELECT sum(amount_cents) FROM purchase p
                    WHERE p.customer_id = c.id AND p.currency = ? AND p.purchased_on > ?)
            FROM customer c LEFT JOIN staff s ON s.id = c.owner_id
            WHERE c.id IN ({marks})""",
            ["EUR", "2025-01-01", "EUR", "2025-01-01", *block]).fetchall()

    for _ in range(len(blocks)):  # every block read once, so neither side reads cold pages
        bare()
    first: list[float] = []
    second: list[float] = []
    for _ in range(10):  # interleaved, each over every block
        first.append(_median_ms(with_columns, len(blocks)))
        second.append(_median_ms(bare, len(blocks)))
    a, b = statistics.median(first), statistics.median(second)
    print(f"  50 list rows with the two columns: {a:.2f} ms; the same query without them "
          f"(bare): {b:.2f} ms; ratio {a / b:.2f}")
    for key in ("last_contact", "next_follow_up"):
        for descending in (False, True):
            flt = CustomerFilter(sort=key, descending=descending)
            name = CustomerFilter(sort="name", descending=descending)
            s = _median_ms(lambda f=flt: q.customer_ids(f, limit=300))
            n = _median_ms(lambda f=name: q.customer_ids(f, limit=300))
            print(f"  first 300 ids by {key:<14} {'desc' if descending else 'asc ':4}: "
                  f"{s:.2f} ms; by name (bare index walk): {n:.2f} ms")
    full = _median_ms(lambda: q.customer_ids(CustomerFilter(sort="next_follow_up")), 5)
    byname = _median_ms(lambda: q.customer_ids(CustomerFilter(sort="name")), 5)
    print(f"  all ids by next follow-up: {full:.1f} ms; all ids by name: {byname:.1f} ms")
    close_database()


def gui(path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from crmdesk.store.book import open_book
    from crmdesk.ui.main_window import MainWindow
    from crmdesk.ui.models.customer_table import COLUMNS

    app = QApplication.instance() or QApplication([])
    book = open_book(path)
    settings = QSettings(str(path.parent / "bench-columns.ini"), QSettings.Format.IniFormat)
    window = MainWindow(book, settings)
    window.resize(1366, 768)
    window.show()
    window.nav.setCurrentItem(window.nav_customers)
    app.processEvents()
    search, table = window.customers.search, window.customers.table
    header = table.horizontalHeader()
    new = [len(COLUMNS) - 2, len(COLUMNS) - 1]

    def idle(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    def type_term(term: str) -> list[float]:
        out = []
        search.clear()
        idle(0.3)
        for ch in term:
            t0 = time.perf_counter()
            QTest.keyClicks(search, ch)
            table.viewport().repaint()
            out.append((time.perf_counter() - t0) * 1000)
            idle(0.12 - out[-1] / 1000)
        return out

    shown: list[float] = []
    hidden: list[float] = []
    def typed_with(visible: bool, term: str) -> list[float]:
        for column in new:
            header.setSectionHidden(column, not visible)
        return type_term(term)

    # Each term typed twice, once each way; which goes first alternates, so neither side
    # always meets the pages the other has just read.
    for i, term in enumerate(TERMS * 2):
        order = (True, False) if i % 2 == 0 else (False, True)
        for visible in order:
            (shown if visible else hidden).extend(typed_with(visible, term))
    print(f"  keystroke to repainted table, the two columns shown: p50 "
          f"{statistics.median(shown):.1f} ms; hidden (bare list), same keys interleaved: "
          f"p50 {statistics.median(hidden):.1f} ms; ratio "
          f"{statistics.median(shown) / statistics.median(hidden):.2f}")
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path("bench-out"))
    args = parser.parse_args()
    path = demo_book(args.size, args.dir)
    print(f"{args.size:,} customers")
    store(path)
    gui(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
