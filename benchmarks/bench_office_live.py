"""Live sync between two laptops, as the window's background worker does it: an edit saved
on laptop A is visible in laptop B's book (B's worker was woken by the hub's NOTIFY and
pulled), p95 target ≤ 2 s while both are online. Each laptop runs in its own process, on
a throw-away PostgreSQL (127.0.0.1, stopped at the end).

Printed beside the bare operations of the same run: one push + one pull done directly
(`sync.sync`, no waiting), and a bare LISTEN/NOTIFY round trip on the same server.

Run: .venv/bin/python benchmarks/bench_office_live.py [--edits 40] [--customers 500]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_customers import percentile  # noqa: E402

PEER = r"""
import json, sys, threading, time
from pathlib import Path
from crmdesk.store.book import open_book
from crmdesk.store.db import db
from crmdesk.services import sync_live
path, uid = Path(sys.argv[1]), sys.argv[2]
open_book(path)
def seen(st):
    if st.received:
        row = db.execute_sql("SELECT family_name FROM customer WHERE uid = ?", (uid,)).fetchone()
        print(json.dumps({"family": row[0] if row else None, "at": time.time()}), flush=True)
live = sync_live.LiveSync(path, seen)
threading.Thread(target=live.run, daemon=True).start()
print(json.dumps({"ready": True}), flush=True)
sys.stdin.readline()
live.stop()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--customers", type=int, default=500)
    args = parser.parse_args()

    from crmdesk.hub import client, office, testserver
    from crmdesk.services import access, customers, staff, sync, sync_live
    from crmdesk.services.customers import CustomerData
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database, db

    folder = Path(tempfile.mkdtemp(prefix="crmdesk-live-"))
    server = testserver.start()
    password = testserver.ADMIN_PASSWORD
    os.environ["PGPASSWORD"] = password
    peer = None
    try:
        import psycopg

        with psycopg.connect(server.url(), password=password, autocommit=True) as conn:
            conn.execute("CREATE DATABASE live")
        admin = server.url("live")
        url = f"postgresql://127.0.0.1:{server.port}/live"
        a_path, b_path = folder / "a.db", folder / "b.db"
        open_book(a_path)
        staff.add("Ana", "executive")
        for i in range(args.customers):
            customers.create(CustomerData(given_name=f"Given{i}", family_name=f"Family{i}"),
                             "US")
        office.init_office(admin, "manager", password, "Manager", a_path)
        conn = client.connect(admin, password=password)
        client.enrol(conn, "ana", password, "executive", "Ana")
        conn.close()
        close_database()
        access.reset()
        open_book(b_path)
        link_b = client.HubLink.open(url, "ana", password=password)
        office.join_office(link_b, url, "ana")
        link_b.close()
        close_database()
        access.reset()
        open_book(a_path)
        cid, uid = db.execute_sql("SELECT id, uid FROM customer ORDER BY id LIMIT 1").fetchone()

        # Bare operations, same server, same books: a direct push+pull, a NOTIFY round trip.
        link_a = client.HubLink.open(url, "manager", password=password)
        bare_sync: list[float] = []
        for i in range(args.edits // 2):
            data = customers.load(cid)
            data.occupation = f"bare {i}"
            customers.update(cid, data, "US")
            t0 = time.perf_counter()
            sync.sync(link_a, a_path)
            bare_sync.append(time.perf_counter() - t0)
        link_a.close()
        listen = psycopg.connect(url, user="ana", password=password, autocommit=True)
        listen.execute("LISTEN bench_ping")
        talk = psycopg.connect(url, user="ana", password=password, autocommit=True)
        bare_notify: list[float] = []
        for _ in range(args.edits):
            t0 = time.perf_counter()
            talk.execute("NOTIFY bench_ping")
            for _n in listen.notifies(timeout=5, stop_after=1):
                pass
            bare_notify.append(time.perf_counter() - t0)
        listen.close()
        talk.close()

        env = dict(os.environ)
        peer = subprocess.Popen([sys.executable, "-c", PEER, str(b_path), uid], env=env,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert peer.stdout is not None and peer.stdin is not None
        assert json.loads(peer.stdout.readline()) == {"ready": True}
        live_a = sync_live.LiveSync(a_path, lambda _st: None)
        threading.Thread(target=live_a.run, daemon=True).start()
        time.sleep(1.5)  # both workers connected and listening
        latencies: list[float] = []
        for i in range(args.edits):
            value = f"Live{i}-{time.time_ns()}"
            data = customers.load(cid)
            data.family_name = value
            customers.update(cid, data, "US")  # saved, as the window's Save does
            t0 = time.time()
            while True:
                got = json.loads(peer.stdout.readline())
                if got.get("family") == value:
                    latencies.append(got["at"] - t0)
                    break
            time.sleep(0.2)
        live_a.stop()
        peer.stdin.write("\n")
        peer.stdin.flush()
        peer.wait(10)
        print(f"{args.customers:,} customers, {args.edits} edits, two laptops in two "
              "processes")
        print(f"edit on A visible in B's book: median {statistics.median(latencies)*1000:.0f} "
              f"ms, p95 {percentile(latencies, 95)*1000:.0f} ms, max "
              f"{max(latencies)*1000:.0f} ms (target p95 ≤ 2000 ms)")
        print(f"  bare: one direct sync (push+pull) median "
              f"{statistics.median(bare_sync)*1000:.1f} ms, p95 "
              f"{percentile(bare_sync, 95)*1000:.1f} ms; LISTEN/NOTIFY round trip median "
              f"{statistics.median(bare_notify)*1000:.2f} ms")
        print(f"  (the live figure includes the worker's push delay of "
              f"{sync_live.PUSH_DELAY_S*1000:.0f} ms and outbox check every "
              f"{sync_live.TICK_S*1000:.0f} ms)")
    finally:
        if peer is not None and peer.poll() is None:
            peer.kill()
        close_database()
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
