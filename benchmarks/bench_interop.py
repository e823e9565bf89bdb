"""Reading other programs' contact files, each figure beside the bare operation on the same
bytes in the same run: a 20,000-row Thunderbird CSV (bare: csv.reader over the decoded text),
20,000 Evolution-style vCards (bare: vobject's parseLine on every content line), and the
per-card decoding of a vCard file with one Windows-1252 byte (bare: one UTF-8 decode).

    .venv/bin/python benchmarks/bench_interop.py
"""

from __future__ import annotations

import csv
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


def main() -> None:
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
