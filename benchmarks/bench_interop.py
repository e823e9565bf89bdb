"""Reading other programs' contact files, each figure beside the bare operation on the same
bytes in the same run: a 20,000-row Thunderbird CSV (bare: csv.reader over the decoded text),
20,000 Evolution-style vCards (bare: vobject's parseLine on every content line), and the
per-card decoding of a vCard file with one Windows-1252 byte (bare: one UTF-8 decode).

Then the import itself (issue 17: CSV >= 40,000 rows/s, vCard >= 15,000 cards/s at 100,000,
into a searchable book with duplicate matching on): read + check + duplicate matching +
write with the search index, beside the bare operation on the same file in the same run:
csv.reader (or a split of the cards into lines) and one executemany of the same names,
e-mails and phones into an empty book's tables, in one transaction.

    .venv/bin/python benchmarks/bench_interop.py [--rows 100000] [--only import]
"""

from __future__ import annotations

import csv
import gc
import io
import time
from collections.abc import Callable
from pathlib import Path

from vobject.base import parseLine  # type: ignore[import-untyped]

from crmdesk.services.importing import files, text_encoding

N = 20_000
FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "interop" / "fixtures"
CARD = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Peña{i};José;María;Dr.;\r\nFN:José Peña{i}\r\n"
        "EMAIL;TYPE=HOME:jose{i}@example.es\r\nTEL;TYPE=CELL:+34 612 34 56 78\r\n"
        "ADR;TYPE=HOME:;;Gran Vía 7;Madrid;;28013;España\r\nX-EVOLUTION-SPOUSE:Ana\r\n"
        "URL:https://example.es\r\nEND:VCARD\r\n")


def best(work: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def _import_once(raw: bytes, name: str, work: Path
                 ) -> tuple[float, float, float, float, int, float]:
    """(ours, bare: wall s, then CPU s of this process; customers created, search time in s),
    each on a fresh book. The CPU time holds better than the wall time on a machine shared by
    many: there the process waits for a core most of the time."""
    from crmdesk.services import customer_query
    from crmdesk.services.customer_query import CustomerFilter
    from crmdesk.services.importing import contact_import
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database, db

    book = work / f"{name}.db"
    open_book(book)
    start, cpu = time.perf_counter(), time.process_time()
    read = files.read_bytes(raw, Path(name))
    made = contact_import.apply(contact_import.plan(read.contacts, name, "US")).created
    ours, ours_cpu = time.perf_counter() - start, time.process_time() - cpu
    start = time.perf_counter()
    found = customer_query.customer_ids(CustomerFilter(text=read.contacts[-1].data.family_name))
    search = time.perf_counter() - start
    assert found, "the import is searchable at once"
    close_database()
    del read, found
    gc.collect()  # the bare operation must not walk our 100,000 contacts in its collections
    book2 = work / f"{name}-bare.db"
    open_book(book2)
    conn = db.connection()
    start, cpu = time.perf_counter(), time.process_time()
    if name.endswith(".csv"):
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))[1:]
        people = [(r[0], r[1]) for r in rows]
        mails = [r[2] for r in rows]
        phones = [r[3] for r in rows]
    else:
        people, mails, phones = [], [], []
        for card in raw.decode("utf-8").split("END:VCARD"):
            lines = card.split("\r\n")
            for line in lines:
                if line.startswith("N:"):
                    family, given = line[2:].split(";")[:2]
                    people.append((given, family))
                elif line.startswith("EMAIL"):
                    mails.append(line.partition(":")[2])
                elif line.startswith("TEL"):
                    phones.append(line.partition(":")[2])
    with db.atomic():
        first = 1
        conn.executemany("INSERT INTO customer (id, given_name, family_name, created_at, "
                         "updated_at, stage_since) VALUES (?, ?, ?, '', '', '')",
                         [(first + i, g, f) for i, (g, f) in enumerate(people)])
        conn.executemany("INSERT INTO customer_email (customer_id, label, address, address_key,"
                         " position) VALUES (?, 'home', ?, ?, 0)",
                         [(first + i, m, m.casefold()) for i, m in enumerate(mails)])
        conn.executemany("INSERT INTO customer_phone (customer_id, label, e164, position) "
                         "VALUES (?, 'mobile', ?, 0)",
                         [(first + i, p) for i, p in enumerate(phones)])
    bare, bare_cpu = time.perf_counter() - start, time.process_time() - cpu
    close_database()
    for path in work.glob(f"{name}*"):
        path.unlink()
    return ours, bare, ours_cpu, bare_cpu, made, search


def import_figures(n: int) -> None:
    import shutil
    import sys
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_import import contacts, write_csv, write_vcf

    work = Path(tempfile.mkdtemp(prefix="crmdesk-interop-"))
    try:
        rows = contacts(n)
        write_csv(rows, work / "contacts.csv")
        write_vcf(rows, work / "contacts.vcf")
        print(f"import of {n:,} contacts into an empty book (region US), duplicate matching "
              "on, searchable at once:")
        for name, target in (("contacts.csv", 40_000), ("contacts.vcf", 15_000)):
            raw = (work / name).read_bytes()
            ours, bare, ours_cpu, bare_cpu, made, search = _import_once(raw, name, work)
            print(f"  {name[-3:]}: {n / ours:,.0f} rows/s wall, {n / ours_cpu:,.0f} rows/s CPU "
                  f"({ours:.1f} s wall, {ours_cpu:.1f} s CPU; {made:,} created, search after "
                  f"{search * 1e3:.0f} ms; target {target:,}/s); bare reader + executemany "
                  f"{n / bare:,.0f} rows/s wall, {n / bare_cpu:,.0f} CPU ({bare:.1f} s, "
                  f"{bare_cpu:.1f} s CPU): {ours / bare:.1f}x wall, {ours_cpu / bare_cpu:.1f}x "
                  "CPU")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--only", choices=["read", "import"])
    args = parser.parse_args()
    if args.only != "read":
        import_figures(args.rows)
    if args.only == "import":
        return
    header, row = (FIXTURES / "thunderbird.csv").read_text(encoding="utf-8").splitlines()[:2]
    rows = [row.replace("Schneider", f"Schneider{i}").replace("juergen@", f"juergen{i}@")
            for i in range(N)]
    raw_csv = ("\r\n".join([header, *rows]) + "\r\n").encode()
    raw_vcf = "".join(CARD.format(i=i) for i in range(N)).encode()
    half = len(raw_vcf) // 2
    bad_vcf = raw_vcf[:half] + "Peña".encode("cp1252") + raw_vcf[half:]
    lines = [x for x in raw_vcf.decode().split("\r\n") if x and not x.startswith(("BEGIN",
                                                                                   "END"))]

    bare_csv = best(lambda: list(csv.reader(io.StringIO(raw_csv.decode(), newline=""))))
    ours_csv = best(lambda: files.read_bytes(raw_csv, Path("thunderbird.csv")))
    bare_vcf = best(lambda: [parseLine(x) for x in lines], 1)
    ours_vcf = best(lambda: files.read_bytes(raw_vcf, Path("cards.vcf")), 1)
    bare_dec = best(lambda: raw_vcf.decode("utf-8"))
    ours_dec = best(lambda: text_encoding.decode_vcards(bad_vcf))
    print(f"Thunderbird CSV, {N:,} rows: read and mapped {ours_csv * 1e3:,.0f} ms; "
          f"bare csv.reader {bare_csv * 1e3:,.0f} ms ({ours_csv / bare_csv:.1f}x)")
    print(f"vCard, {N:,} cards: read {ours_vcf * 1e3:,.0f} ms; bare parseLine "
          f"{bare_vcf * 1e3:,.0f} ms ({ours_vcf / bare_vcf:.1f}x)")
    print(f"per-card decoding, one bad byte: {ours_dec * 1e3:,.0f} ms; bare UTF-8 decode "
          f"{bare_dec * 1e3:,.1f} ms ({ours_dec / bare_dec:.0f}x)")


if __name__ == "__main__":
    main()
