"""Office book benchmark: a 100,000-customer book made an office book on a throw-away
PostgreSQL (started as a non-root user on 127.0.0.1, stopped at the end), then the figures
issue 13 asks for, each beside the bare operation on the same data in the same run.

Run: .venv/bin/python benchmarks/bench_sync.py [--size 100000] [--no-gui]
       [--role executive|receptionist|manager] [--encrypted] [--bootstrap-only]

--role: whose laptop joins and pulls (issue 14: a receptionist's bootstrap and the pull
cost with row-level security, each beside the same SELECT as the superuser, no RLS).
--encrypted: the laptop's book is encrypted, as the window's Join always makes it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_customers import percentile, store_search  # noqa: E402
from demo_book import demo_book  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CRMDESK_NO_DEMO_OFFER"] = "1"
os.environ.setdefault("CRMDESK_NO_AUTO_BACKUP", "1")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def book_bytes() -> int:
    from crmdesk.store.db import db

    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    free = db.execute_sql("PRAGMA freelist_count").fetchone()[0]
    size = db.execute_sql("PRAGMA page_size").fetchone()[0]
    return int((pages - free) * size)


def edit_profiles(count: int, start: int = 1, field: str = "occupation") -> None:
    """`count` profile saves through the service, as the window makes them."""
    from crmdesk.services import customers
    from crmdesk.store.db import db

    size = int(db.execute_sql("SELECT max(id) FROM customer").fetchone()[0])
    for i in range(count):
        cid = 1 + (start + i) % size
        data = customers.load(cid)
        setattr(data, field, f"{field} edit {time.time_ns()}")
        customers.update(cid, data, "US")


#: The laptop that joins, by role: its login (the manager's is their second device).
LOGINS = {"executive": "ana", "receptionist": "rita", "manager": "manager"}


def copy_seconds(conn: object, sql: str, params: tuple[object, ...] = (), *,
                 snapshot: bool = True) -> tuple[float, int]:
    """Seconds to read a COPY of `sql` to the end (raw blocks, nothing parsed), and how
    many bytes came."""
    t0 = time.perf_counter()
    size = 0
    with conn.transaction(), conn.cursor() as cur:  # type: ignore[attr-defined]
        if snapshot:
            cur.execute("SET LOCAL jit = off")  # as the snapshot does
        with cur.copy(f"COPY ({sql}) TO STDOUT", params) as copy:
            for block in copy:
                size += len(block)
    return time.perf_counter() - t0, size


def explain(conn: object, label: str, sql: str, params: tuple[object, ...]) -> None:
    """EXPLAIN ANALYZE of `sql` on `conn`, printed indented (the plan's nodes and times)."""
    with conn.transaction(), conn.cursor() as cur:  # type: ignore[attr-defined]
        cur.execute("SET LOCAL jit = off")  # (as the snapshot, and crm.pull, run)
        rows = cur.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params).fetchall()
    print(f"    EXPLAIN ANALYZE, {label}:")
    for (line,) in rows:
        print(f"      {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path("bench-out"))
    parser.add_argument("--no-gui", action="store_true", help="skip the keystroke runs")
    parser.add_argument("--role", choices=sorted(LOGINS), default="executive",
                        help="the role of the laptop that joins and pulls")
    parser.add_argument("--encrypted", action="store_true",
                        help="the laptop's book is encrypted (as the window's Join makes it)")
    parser.add_argument("--bootstrap-only", action="store_true",
                        help="stop after the bootstrap and pull figures")
    parser.add_argument("--explain", action="store_true",
                        help="print EXPLAIN ANALYZE of the snapshot and of a pull page, "
                             "as the role (RLS) and as the superuser")
    args = parser.parse_args()

    from crmdesk.hub import client, office, testserver
    from crmdesk.services import access, sync
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database, db

    args.dir.mkdir(exist_ok=True)
    print(f"{args.size:,} customers")
    plain = demo_book(args.size, args.dir)
    manager = args.dir / f"sync-manager-{args.size}.db"
    laptop = args.dir / f"sync-ana-{args.size}.db"
    for path in (manager, laptop):
        for suffix in ("", "-wal", "-shm", ".sync-lock"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.copy(plain, manager)
    server = testserver.start()
    password = testserver.ADMIN_PASSWORD
    os.environ["PGPASSWORD"] = password  # the admin's (the benchmark's own server)
    try:
        admin = server.url()
        url = f"postgresql://127.0.0.1:{server.port}/postgres"
        open_book(manager)
        t0 = time.perf_counter()
        rep = office.init_office(admin, "manager", password, "Manager", manager)
        print(f"  hub init (uids, triggers, upload of {rep.records:,} records): "
              f"{time.perf_counter() - t0:.1f} s")
        close_database()
        conn = client.connect(admin, password=password)
        login = LOGINS[args.role]
        laptop_key = "bench passphrase" if args.encrypted else None
        if login != "manager":
            client.enrol(conn, login, password, args.role, login.title())
        role_conn = client.connect(url, login, password=password)
        snapshot_sql = client.SNAPSHOT_SQL
        kinds: tuple[object, ...] = ()
        if args.explain:
            explain(conn, "snapshot as the superuser", snapshot_sql, kinds)
            explain(role_conn, f"snapshot as {login}", snapshot_sql, kinds)
        # (Each read twice, alternately, the faster kept: the machine is shared.)
        reads = [(copy_seconds(conn, snapshot_sql, kinds),
                  copy_seconds(role_conn, snapshot_sql, kinds)) for _ in range(2)]
        bare_read, bare_bytes = min(r[0] for r in reads)
        rls_read, rls_bytes = min(r[1] for r in reads)

        # Bootstrap of a laptop.
        link = client.HubLink.open(url, login, password=password)
        access.reset()
        open_book(laptop, passphrase=laptop_key)
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        pulled = office.join_office(link, url, login)
        boot = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
        count = db.execute_sql("SELECT count(*) FROM customer").fetchone()[0]
        kind_of_book = "encrypted" if args.encrypted else "plain"
        print(f"  bootstrap of a {args.role}'s laptop ({kind_of_book} book; join: "
              f"{pulled.received:,} records, {count:,} customers, search index built): "
              f"{boot:.1f} s (this process's CPU {cpu:.1f} s)   [target <= 60 s]")
        print(f"    bare: the same snapshot read to the end with COPY as the superuser (no RLS): "
              f"{bare_read:.1f} s ({bare_bytes / 1e6:.0f} MB); as {login} (with RLS): "
              f"{rls_read:.1f} s ({rls_bytes / 1e6:.0f} MB)  =  {boot / bare_read:.1f}x "
              "the bare read")
        print("    of which: " + ", ".join(f"{k} {v:.1f} s" for k, v in sorted(
            pulled.phases.items(), key=lambda kv: -kv[1]) if v >= 0.1))
        close_database()

        # The pull cost with row-level security: one full page from an old cursor, as the
        # role (crm.pull, RLS applied) and as the superuser (the same SELECT, no RLS).
        old = max(0, int(pulled.cursor) // 2)
        page_sql = ("SELECT r.seq, r.kind, r.uid, r.cust, r.data, r.v, r.deleted FROM crm.rec "
                    "r WHERE r.seq > %s ORDER BY r.seq LIMIT %s")
        if args.explain:
            explain(conn, "a pull page as the superuser", page_sql, (old, sync.PULL_PAGE))
            explain(role_conn, f"a pull page as {login} (the SELECT crm.pull runs)", page_sql,
                    (old, sync.PULL_PAGE))
        as_role, bare_page = [], []
        for _ in range(20):  # alternately; raw COPY blocks, so nothing but the SQL is timed
            as_role.append(copy_seconds(role_conn, "SELECT * FROM crm.pull(%s, %s)",
                                        (old, sync.PULL_PAGE), snapshot=False)[0])
            bare_page.append(copy_seconds(conn, page_sql, (old, sync.PULL_PAGE),
                                          snapshot=False)[0])
        print(f"  a pull page of {sync.PULL_PAGE:,} records as {login} (crm.pull, RLS): p50 "
              f"{ms(statistics.median(as_role))}, p95 {ms(percentile(as_role, 95))}")
        print(f"    bare: the same SELECT as the superuser (no RLS): p50 "
              f"{ms(statistics.median(bare_page))}, p95 {ms(percentile(bare_page, 95))}")
        role_conn.close()
        if args.bootstrap_only:
            link.close()
            conn.close()
            return 0

        # Push of one change, of 500 changes (the manager's book).
        mlink = client.HubLink.open(url, "manager", password=password)
        open_book(manager)
        sync.hello(mlink)  # as `sync` does: each push then carries the save's audit entry too
        one = []
        for i in range(40):
            edit_profiles(1, start=1000 + i)
            t0 = time.perf_counter()
            sync.push(mlink)
            one.append(time.perf_counter() - t0)
        bare_rt = []
        for _ in range(40):
            t0 = time.perf_counter()
            conn.execute("SELECT 1").fetchone()
            bare_rt.append(time.perf_counter() - t0)
        print(f"  push of one change (a profile save): p50 {ms(statistics.median(one))}, "
              f"p95 {ms(percentile(one, 95))}   [target p95 <= 50 ms]")
        print(f"    bare: one round trip (SELECT 1): p95 {ms(percentile(bare_rt, 95))}")
        with db.atomic():
            for cid in range(2000, 2500):
                db.execute_sql("UPDATE customer SET occupation = ? WHERE id = ?",
                               (f"bulk {cid}", cid))
        items = len(sync.fold(db.execute_sql(
            "SELECT id, tbl, uid, cust, op, col, val, hlc_ms, cur FROM sync_outbox "
            "ORDER BY id").fetchall(), "x"))
        t0 = time.perf_counter()
        sync.push(mlink)
        push500 = time.perf_counter() - t0
        conn.execute("CREATE TEMP TABLE bare (k text, u text, c text, x jsonb, h text)")
        rows = [("customer", f"u{i}", "occupation", '"x"', "h") for i in range(500)]
        t0 = time.perf_counter()
        with conn.transaction(), conn.cursor() as cur:
            cur.executemany("INSERT INTO bare VALUES (%s, %s, %s, %s, %s)", rows)
        bare500 = time.perf_counter() - t0
        print(f"  push of 500 changes ({items} field writes): {ms(push500)}   "
              f"[target <= 1 s]")
        print(f"    bare: inserting 500 rows into a plain hub table: {ms(bare500)}")

        # Incremental pull after 10 changes (the laptop pulls what the manager pushed, as
        # its login: row-level security applies).
        pulls = []
        bare_pull = []
        phases: dict[str, float] = {}
        for rnd in range(-1, 20):  # (round -1 warms up: the phone-number library loads)
            edit_profiles(10, start=3000 + rnd * 10, field="interests")
            sync.push(mlink)
            close_database()
            open_book(laptop, passphrase=laptop_key)
            head = db.execute_sql("SELECT cursor FROM sync_state").fetchone()[0]
            t0 = time.perf_counter()
            got = sync.pull(link)
            took = time.perf_counter() - t0
            if rnd >= 0:
                pulls.append(took)
                for k, v in got.phases.items():
                    phases[k] = phases.get(k, 0.0) + v
            close_database()
            t0 = time.perf_counter()
            conn.execute("SELECT * FROM crm.rec WHERE seq > %s ORDER BY seq LIMIT 5000",
                         (head,)).fetchall()
            if rnd >= 0:
                bare_pull.append(time.perf_counter() - t0)
            open_book(manager)
        print(f"  incremental pull after 10 changes ({got.received} records): p50 "
              f"{ms(statistics.median(pulls))}, p95 {ms(percentile(pulls, 95))}   "
              "[target p95 <= 50 ms]")
        print(f"    bare: selecting the same records as the superuser (no RLS): p95 "
              f"{ms(percentile(bare_pull, 95))}")
        print("    of which (all rounds): " + ", ".join(
            f"{k} {v * 1000 / len(pulls):.1f} ms" for k, v in phases.items()))

        # Growth of the outbox per 1,000 edits (while offline: nothing is pushed).
        before = book_bytes()
        rows_before = sync.unsent()
        edit_profiles(1000, start=10_000, field="needs")
        after = book_bytes()
        rows_after = sync.unsent()
        print(f"  outbox growth per 1,000 profile saves offline: {rows_after - rows_before:,} "
              f"rows, {(after - before) / 1024:.0f} KiB of book; sync_field: none (per-field "
              "versions live on the hub; the outbox carries the pull cursor of each write)")
        sync.push(mlink)
        close_database()
        plain_copy = args.dir / f"plain-edits-{args.size}.db"
        shutil.copy(plain, plain_copy)
        open_book(plain_copy)
        before = book_bytes()
        edit_profiles(1000, start=10_000, field="needs")
        print(f"    bare: the same 1,000 saves in a book that never joined: "
              f"{(book_bytes() - before) / 1024:.0f} KiB")
        t0 = time.perf_counter()
        edit_profiles(200, start=20_000, field="needs")
        plain_save = (time.perf_counter() - t0) / 200
        close_database()
        plain_copy.unlink()
        open_book(manager)
        t0 = time.perf_counter()
        edit_profiles(200, start=20_000, field="needs")
        synced_save = (time.perf_counter() - t0) / 200
        close_database()
        print(f"  a profile save: {ms(synced_save)} in the office book, {ms(plain_save)} in "
              "the same book never joined (the capture triggers' cost)")
        mlink.close()
        link.close()
        conn.close()
    finally:
        close_database()
        server.stop()

    print("  search, same data, without sync (the demo book) and with (the office book):")
    for label, path in (("without sync", plain), ("office book", manager)):
        print(f"   {label}:")
        store_search(path)
    if not args.no_gui:
        for label, path in (("without sync", plain), ("office book", manager)):
            print(f"   keystrokes, {label}:")
            subprocess.run([sys.executable, str(Path(__file__).parent / "bench_customers.py"),
                            "--gui-only", str(path)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
