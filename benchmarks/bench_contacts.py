"""Contacts benchmark: the interaction log, Today, a 10,000-entry timeline and quick-capture
matching on a demo book. Run after bench_customers.py (it reuses its 100,000-customer book):
    .venv/bin/python benchmarks/bench_contacts.py [--size 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demo_book import demo_book  # noqa: E402


def timed(label: str, func, runs: int = 5) -> object:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = func()
        times.append((time.perf_counter() - t0) * 1000)
    print(f"  {label:58} median {statistics.median(times):8.1f} ms  (max {max(times):.1f})")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path("bench-out"))
    args = parser.parse_args()
    source = demo_book(args.size, args.dir)
    book = source.with_name(f"contacts-{args.size}.db")
    for leftover in book.parent.glob(book.name + "*"):
        leftover.unlink()
    import sqlite3

    with sqlite3.connect(source) as con:  # a copy: the 10,000 extra entries stay out of it
        con.execute("VACUUM INTO ?", (str(book),))

    from crmdesk.services import agenda, capture, interaction_query, response_times, timeline
    from crmdesk.services.interaction_query import InteractionFilter
    from crmdesk.store.book import open_book
    from crmdesk.store.db import db

    open_book(book)
    total, inbound = db.execute_sql(
        "SELECT count(*), sum(direction = 'in') FROM interaction").fetchone()
    print(f"{args.size:,} customers, {total:,} interactions ({inbound:,} inbound)")
    now = dt.datetime.now(dt.UTC)
    rows = [(7, None, "phone", "in" if n % 3 else "out",
             (now - dt.timedelta(minutes=37 * n)).strftime("%Y-%m-%dT%H:%M:%SZ"),
             f"Call {n}", "2026-01-01T00:00:00Z") for n in range(10_000)]
    with db.atomic():
        db.cursor().executemany(
            "INSERT INTO interaction (customer_id, staff_id, channel, direction, happened_at, "
            "notes, created_at) VALUES (?,?,?,?,?,?,?)", rows)
    keys = timed("timeline of a customer with 10,000 entries: all keys",
                 lambda: timeline.entry_keys(7))
    timed("timeline: first block of 100 entries", lambda: timeline.entries(keys[:100]))  # type: ignore[index]
    timed("timeline header: this customer's response times",
          lambda: response_times.per_customer(7))
    timed("interaction log: ids of every interaction, newest first",
          lambda: interaction_query.interaction_ids(InteractionFilter()))
    timed("interaction log: text filter 'mortgage'",
          lambda: interaction_query.interaction_ids(InteractionFilter(text="mortgage")))
    timed("Today: follow-ups due (promises first, 200 shown)",
          lambda: agenda.due_today(limit=200))
    timed("Today: birthdays in the next 7 days (200 shown)", lambda: agenda.birthdays())
    timed("Today: clients gone quiet (200 shown + count)", lambda: agenda.quiet_customers())
    timed("response times per staff over the whole log (worker)",
          response_times.per_staff, runs=2)
    capture._names_cache.clear()
    timed("quick capture: first fuzzy match (loads the name list)",
          lambda: capture.find_matches("lukas wisniewsky"), runs=1)
    for text in ("5551", "lukas wisniewsky", "dolores castano", "maria.garcia1"):
        timed(f"quick capture matches for {text!r}", lambda t=text: capture.find_matches(t))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
