"""Import and backup benchmark: 100,000 contacts from CSV and from vCard into an empty book
(read, check, duplicate matching, one transaction, searchable at once), rows per second;
and a backup of a 100,000-customer demo book.

    .venv/bin/python benchmarks/bench_import.py [--rows 100000]

Targets (issues 6 and 17): ≥ 40,000 rows/s for CSV, ≥ 15,000 cards/s for vCard, each printed
beside the bare operation on the same file in the same run (a ratio holds on a shared machine
where a time does not); a backup of a 100k-customer book in ≤ 2 s.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from demo_book import demo_book  # noqa: E402

from crmdesk.services import backups, customer_query  # noqa: E402
from crmdesk.services.customer_query import CustomerFilter  # noqa: E402
from crmdesk.services.importing import contact_import, files  # noqa: E402
from crmdesk.services.search_index import fold  # noqa: E402
from crmdesk.store.book import open_book  # noqa: E402
from crmdesk.store.db import close_database  # noqa: E402

GIVEN = ["Ana", "Ben", "Chloé", "Dmitri", "Eve", "Farah", "José", "Łukasz", "María", "Noah",
         "Olivia", "Søren", "Thảo", "Yuki", "Zoë"]
FAMILY = ["García", "Smith", "Müller", "Nguyễn", "Kowalski", "Øster", "Rossi", "Dubois",
          "Peña", "O'Brien", "Haddad", "Sato", "Ivanova", "Silva", "Jensen"]
CITIES = ["Madrid", "Boston", "Kraków", "Lyon", "Hà Nội", "København", "Toronto"]


def contacts(n: int) -> list[dict[str, str]]:
    rng = random.Random(7)
    rows = []
    for i in range(n):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        rows.append({
            "First Name": given, "Last Name": f"{family}{i}", "E-mail Address":
            f"{fold(given)}.{fold(family).replace(chr(39), '')}{i}@example.com",
            "Mobile Phone": f"+1 {rng.choice(['416', '647', '905'])} {200 + i // 10000} "
                            f"{i % 10000:04d}",
            "Company": rng.choice(["Acme", "Globex", "Initech", ""]),
            "Home City": rng.choice(CITIES), "Notes": rng.choice(["", "Prefers e-mail", "VIP"])})
    return rows


def write_csv(rows: list[dict[str, str]], path: Path) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def write_vcf(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        for r in rows:
            fh.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{r['Last Name']};{r['First Name']};;;\r\n"
                     f"FN:{r['First Name']} {r['Last Name']}\r\nEMAIL;TYPE=home:"
                     f"{r['E-mail Address']}\r\nTEL;TYPE=cell:{r['Mobile Phone']}\r\n"
                     f"ORG:{r['Company']}\r\nADR;TYPE=home:;;;{r['Home City']};;;\r\n"
                     f"NOTE:{r['Notes']}\r\nEND:VCARD\r\n")


def run(path: Path, book: Path, rows: int) -> None:
    """Our import, stage by stage, beside the bare operation on the same file in the same
    run (bench_interop's: the file read by csv.reader or split into lines, and one
    executemany of the same names, e-mails and phones into an empty book)."""
    from bench_interop import _import_once

    open_book(book)
    t0, c0 = time.perf_counter(), time.process_time()
    read = files.read_path(path)
    t1 = time.perf_counter()
    plan = contact_import.plan(read.contacts, path.name, "US")
    t2 = time.perf_counter()
    result = contact_import.apply(plan)
    t3, c3 = time.perf_counter(), time.process_time()
    hits = customer_query.customer_ids(CustomerFilter(text=f"{read.contacts[0].data.family_name}"))
    close_database()
    del read, plan
    total, cpu = t3 - t0, c3 - c0
    print(f"  {path.suffix[1:]:<4} {rows:,} rows: {rows / total:,.0f} rows/s wall, "
          f"{rows / cpu:,.0f} CPU ({total:.1f} s: read {t1 - t0:.1f} s, check + duplicate "
          f"matching {t2 - t1:.1f} s, write + search index {t3 - t2:.1f} s); "
          f"{result.created:,} created, search finds {len(hits)} at once")
    work = book.parent / f"again-{path.suffix[1:]}"
    work.mkdir()
    ours, bare, ours_cpu, bare_cpu, _made, _search = _import_once(
        path.read_bytes(), path.name, work)
    print(f"       again beside the bare reader + executemany: ours {rows / ours:,.0f} rows/s "
          f"wall, {rows / ours_cpu:,.0f} CPU; bare {rows / bare:,.0f} wall, "
          f"{rows / bare_cpu:,.0f} CPU: {ours / bare:.1f}x wall, {ours_cpu / bare_cpu:.1f}x CPU")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path("bench-out"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="crmdesk-import-"))
    try:
        rows = contacts(args.rows)
        write_csv(rows, work / "contacts.csv")
        write_vcf(rows, work / "contacts.vcf")
        print(f"import of {args.rows:,} contacts into an empty book (region US):")
        run(work / "contacts.csv", work / "csv.db", args.rows)
        run(work / "contacts.vcf", work / "vcf.db", args.rows)
        book = demo_book(100_000, args.dir)
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            target = backups.back_up(book, work / "backup.db")
            times.append(time.perf_counter() - t0)
            target.unlink()
        size = book.stat().st_size / 1e6
        print(f"backup of the 100,000-customer demo book ({size:.0f} MB): "
              f"{min(times):.2f}–{max(times):.2f} s (target ≤ 2 s)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
