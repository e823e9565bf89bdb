"""The cost of encryption: open a book and search it, plain and encrypted (SQLCipher), on a
copy of the 100,000-customer demo book.

    .venv/bin/python benchmarks/bench_encryption.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from demo_book import demo_book  # noqa: E402

from crmdesk.services import customer_query  # noqa: E402
from crmdesk.services.customer_query import CustomerFilter  # noqa: E402
from crmdesk.store import encryption  # noqa: E402
from crmdesk.store.book import open_book  # noqa: E402
from crmdesk.store.db import close_database  # noqa: E402

TERMS = ["garcia", "lola", "peña", "smith", "5551", "@example.es", "nguyen", "anderson l",
         "oster", "kowal", "maria", "jo", "VIP golf", "retired", "müller"]


def measure(path: Path, passphrase: str | None) -> tuple[float, float, float]:
    opens = []
    for _ in range(5):
        t0 = time.perf_counter()
        open_book(path, create=False, passphrase=passphrase)
        customer_query.count()
        opens.append((time.perf_counter() - t0) * 1000)
        close_database()
    open_book(path, create=False, passphrase=passphrase)
    times = []
    for _ in range(3):
        for term in TERMS:
            flt = CustomerFilter(text=term)
            t0 = time.perf_counter()
            total = customer_query.count()
            hits = customer_query.text_only_count(flt, total)
            if hits is not None and hits > customer_query.FIRST_PAGE_THRESHOLD:
                customer_query.first_page(flt, 300, hits, total)
            else:
                customer_query.customer_ids(flt)
            times.append((time.perf_counter() - t0) * 1000)
    close_database()
    times.sort()
    return statistics.median(opens), statistics.median(times), times[int(len(times) * 0.95)]


def main() -> None:
    source = demo_book(100_000, Path("bench-out"))
    work = Path(tempfile.mkdtemp(prefix="crmdesk-enc-"))
    try:
        plain = work / "plain.db"
        open_book(source, create=False)
        close_database()
        shutil.copy(source, plain)
        secret = work / "secret.db"
        shutil.copy(source, secret)
        t0 = time.perf_counter()
        encryption.encrypt_book(secret, "a long passphrase")
        print(f"encrypting the 100,000-customer book: {time.perf_counter() - t0:.1f} s")
        p_open, p50, p95 = measure(plain, None)
        e_open, e50, e95 = measure(secret, "a long passphrase")
        print(f"open (to first count):  plain {p_open:6.1f} ms, encrypted {e_open:6.1f} ms "
              f"(× {e_open / p_open:.2f})")
        print(f"search per keystroke:   plain p50 {p50:.2f} / p95 {p95:.2f} ms, encrypted "
              f"p50 {e50:.2f} / p95 {e95:.2f} ms (× {e50 / p50:.2f} / × {e95 / p95:.2f})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
