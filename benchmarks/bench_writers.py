"""Several programs writing one book at once: a window-like process (the book open all the
time, writes from its main thread and a worker thread), a process calling the services,
and command-line writers (`crmdesk log`, `crmdesk backup` through the CLI's main, each
command opening and closing the book). Prints failures, lost writes and the wait per write.

    .venv/bin/python benchmarks/bench_writers.py [--writes 200] [--writers 4] [--json]

Every writer counts a write as acknowledged when the call returned (exit code 0 for the
command line); at the end each acknowledged write is looked up in the book.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = ("window", "service", "cli", "cli-backup")


def _timed(samples: list[float], func):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    try:
        return func()
    finally:
        samples.append((time.perf_counter() - started) * 1000)


def worker(kind: str, path: Path, writes: int, wid: int) -> dict[str, object]:
    """One writer process: `writes` writes; what it acknowledged and what failed."""
    from crmdesk.cli import main
    from crmdesk.services import customers, interactions
    from crmdesk.services.customers import CustomerData
    from crmdesk.services.interactions import InteractionData
    from crmdesk.store.book import open_book
    from crmdesk.store.db import DB_ERRORS, BookError, close_database, describe_error

    acked: list[str] = []
    failures: list[str] = []
    waits: list[float] = []
    backups = 0

    def service_write(tag: str) -> None:
        try:
            if len(acked) % 2:
                _timed(waits, lambda: customers.create(CustomerData(given_name=tag,
                                                                    family_name="Writer"), "US"))
            else:
                _timed(waits, lambda: interactions.log(InteractionData(
                    customer_id=1, channel="phone", direction="in", notes=tag)))
            acked.append(tag)
        except (BookError, *DB_ERRORS) as exc:
            failures.append(describe_error(exc, path))

    if kind in ("window", "service"):
        open_book(path, create=False)
        if kind == "window":  # the main thread and a worker thread, one book open meanwhile
            def in_thread() -> None:
                from crmdesk.store.db import db

                for i in range(writes // 2):
                    service_write(f"w{wid}-t{i}")
                db.close()

            thread = threading.Thread(target=in_thread)
            thread.start()
            for i in range(writes - writes // 2):
                service_write(f"w{wid}-m{i}")
            thread.join()
        else:
            for i in range(writes):
                service_write(f"w{wid}-s{i}")
        close_database()
    else:
        for i in range(writes):
            tag = f"w{wid}-c{i}"
            err = io.StringIO()
            if kind == "cli-backup" and i % 10 == 5:
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
                    code = _timed(waits, lambda: main(["backup", "--db", str(path)]))
                if code == 0:
                    backups += 1
                else:
                    failures.append("backup: " + err.getvalue().strip())
                continue
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
                code = _timed(waits, lambda tag=tag: main(
                    ["log", "--db", str(path), "--customer", "1", "--channel", "phone",
                     "--direction", "in", "--note", tag]))
            if code == 0:
                acked.append(tag)
            else:
                failures.append(err.getvalue().strip())
    return {"kind": kind, "acked": acked, "failures": failures, "waits_ms": waits,
            "backups": backups}


def run(writers: int, writes: int, folder: Path) -> dict[str, object]:
    from crmdesk.services import customers
    from crmdesk.services.customers import CustomerData
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database, db

    path = folder / "book.db"
    open_book(path)
    customers.create(CustomerData(given_name="First", family_name="Customer"), "US")
    close_database()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CRMDESK_BUSY_TIMEOUT_MS": "5000"}
    procs = [subprocess.Popen([sys.executable, __file__, "--worker", KINDS[i % len(KINDS)],
                               str(path), str(writes), str(i)], stdout=subprocess.PIPE,
                              text=True, env=env) for i in range(writers)]
    results = []
    for proc in procs:
        out, _ = proc.communicate(timeout=900)
        results.append(json.loads(out.strip().splitlines()[-1]))
    open_book(path, create=False)
    notes = {r[0] for r in db.execute_sql("SELECT notes FROM interaction")}
    names = {r[0] for r in db.execute_sql("SELECT given_name FROM customer")}
    audited = db.execute_sql("SELECT count(*) FROM audit_entry WHERE action = 'backup'"
                             ).fetchone()[0]
    integrity = db.execute_sql("PRAGMA integrity_check").fetchone()[0]
    close_database()
    acked = [tag for r in results for tag in r["acked"]]
    lost = [tag for tag in acked if tag not in notes and tag not in names]
    waits = sorted(w for r in results for w in r["waits_ms"])
    return {
        "writers": writers, "writes_each": writes, "attempted": writers * writes,
        "acknowledged": len(acked),
        "failures": sum(len(r["failures"]) for r in results),
        "failure_messages": sorted({m for r in results for m in r["failures"]})[:5],
        "lost": len(lost),
        "backups": sum(r["backups"] for r in results), "backups_audited": audited,
        "integrity": integrity,
        "wait_p50_ms": round(statistics.median(waits), 1) if waits else None,
        "wait_p95_ms": round(waits[int(len(waits) * 0.95) - 1], 1) if waits else None,
        "wait_max_ms": round(waits[-1], 1) if waits else None,
    }


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", nargs=4, metavar=("KIND", "PATH", "N", "ID"))
    args = parser.parse_args()
    if args.worker:
        kind, path, n, wid = args.worker
        print(json.dumps(worker(kind, Path(path), int(n), int(wid))))
        return
    with tempfile.TemporaryDirectory(prefix="crmdesk-writers-") as tmp:
        started = time.perf_counter()
        figures = run(args.writers, args.writes, Path(tmp))
        figures["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:>18}: {value}")


if __name__ == "__main__":
    cli()
