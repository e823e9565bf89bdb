"""What staff roles cost: sign-in (argon2id), and the list, search and interaction log read
as a manager (no checks) and as a receptionist (levels looked up, rows cut down), on a copy
of the 100,000-customer demo book.

    .venv/bin/python benchmarks/bench_access.py
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

from crmdesk.services import access, customer_query, interaction_query, staff  # noqa: E402
from crmdesk.services.customer_query import CustomerFilter  # noqa: E402
from crmdesk.store.book import open_book  # noqa: E402
from crmdesk.store.db import close_database  # noqa: E402

TERMS = ["garcia", "lola", "peña", "smith", "5551", "nguyen", "anderson l", "maria", "jo",
         "müller"]


def ms(samples: list[float]) -> str:
    samples = sorted(samples)
    return (f"median {statistics.median(samples):7.2f} ms  "
            f"p95 {samples[int(len(samples) * 0.95) - 1]:7.2f} ms")


def reads() -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"list block (100 rows)": [], "search": [],
                                   "interaction log": []}
    ids = customer_query.customer_ids(CustomerFilter(), limit=20_000)
    for start in range(0, 20_000, 1_000):
        t0 = time.perf_counter()
        customer_query.rows_by_id(ids[start:start + 100])
        out["list block (100 rows)"].append((time.perf_counter() - t0) * 1000)
    for _ in range(3):
        for term in TERMS:
            t0 = time.perf_counter()
            customer_query.customer_ids(CustomerFilter(text=term), limit=200)
            out["search"].append((time.perf_counter() - t0) * 1000)
    for _ in range(5):
        t0 = time.perf_counter()
        interaction_query.interaction_ids(interaction_query.InteractionFilter())
        out["interaction log"].append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    source = demo_book(100_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.db"
        shutil.copy(source, path)
        open_book(path, create=False)
        os.environ.pop("CRMDESK_FAST_HASH_FOR_TESTS", None)
        boss = staff.find("Marta B") or staff.add("Marta B", "manager")
        desk = staff.find("Rita B") or staff.add("Rita B", "receptionist")
        access.set_password(boss, "manager-secret")
        access.set_password(desk, "reception-secret")
        signs = []
        for _ in range(5):
            t0 = time.perf_counter()
            access.sign_in("Rita B", "reception-secret")
            signs.append((time.perf_counter() - t0) * 1000)
        print(f"sign-in (argon2id verify + audit entry): {ms(signs)}")
        results = {}
        for who, secret in (("Marta B", "manager-secret"), ("Rita B", "reception-secret")):
            access.sign_in(who, secret)
            results[who] = reads()
        for name in results["Marta B"]:
            manager, desk_ms = results["Marta B"][name], results["Rita B"][name]
            ratio = statistics.median(desk_ms) / statistics.median(manager)
            print(f"{name:<24} manager {ms(manager)} | receptionist {ms(desk_ms)} "
                  f"| ×{ratio:.2f}")
        close_database()


if __name__ == "__main__":
    main()
