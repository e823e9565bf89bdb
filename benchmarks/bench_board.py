"""Lifecycle board benchmark on a demo book (default 100,000 customers, with their stage
history): first paint of the board, a move round-trip (drop -> stored -> both columns
updated), and the funnel report. Run: .venv/bin/python benchmarks/bench_board.py
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path("bench-out"))
    args = parser.parse_args()
    path = demo_book(args.size, args.dir)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from crmdesk.services import lifecycle
    from crmdesk.store.book import open_book
    from crmdesk.store.db import db
    from crmdesk.ui.main_window import MainWindow

    app = QApplication([])
    book = open_book(path)
    changes = db.execute_sql("SELECT count(*) FROM stage_change").fetchone()[0]
    print(f"{args.size:,} customers, {changes:,} stage changes in the history")
    window = MainWindow(book, QSettings(str(path.parent / "bench.ini"),
                                        QSettings.Format.IniFormat))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    board = window.board
    paints = []
    for _ in range(5):
        t0 = time.perf_counter()
        window.nav.setCurrentItem(window.nav_board)  # reads counts and every column's page
        for _header, view, _model in board.columns.values():
            view.viewport().repaint()
        paints.append((time.perf_counter() - t0) * 1000)
        window.nav.setCurrentItem(window.nav_today)
        app.processEvents()
    print(f"  board first paint (6 columns, counts, first cards): median "
          f"{statistics.median(paints):.0f} ms, max {max(paints):.0f} ms")
    window.nav.setCurrentItem(window.nav_board)
    app.processEvents()
    moves = []
    for n in range(10):
        source = "growth" if n % 2 == 0 else "retention"
        target = "retention" if n % 2 == 0 else "growth"
        model = board.columns[source][2]
        cid = model.id_at(0)
        t0 = time.perf_counter()
        board.move_requested.emit([cid], target)  # what a drop or Ctrl+→ emits
        for stage in (source, target):
            board.columns[stage][1].viewport().repaint()
        moves.append((time.perf_counter() - t0) * 1000)
    print(f"  move round-trip (stored, history written, both columns repainted): median "
          f"{statistics.median(moves):.1f} ms, max {max(moves):.1f} ms")
    now = dt.datetime.now(dt.UTC)
    since = now - dt.timedelta(days=365)
    lo, hi = since.strftime("%Y-%m-%dT%H:%M:%SZ"), now.strftime("%Y-%m-%dT%H:%M:%SZ")

    def timed(run, n=5):  # type: ignore[no-untyped-def]
        times, cpus, result = [], [], None
        for _ in range(n):
            t0, c0 = time.perf_counter(), time.process_time()
            result = run()
            times.append((time.perf_counter() - t0) * 1000)
            cpus.append((time.process_time() - c0) * 1000)
        return statistics.median(times), statistics.median(cpus), result

    wall, cpu, rows = timed(lambda: lifecycle.funnel(since, now))
    two_cores = lifecycle.on_two_connections
    lifecycle.on_two_connections = lambda jobs: [job() for job in jobs]  # type: ignore[assignment]
    one_wall, one_cpu, one_rows = timed(lambda: lifecycle.funnel(since, now))
    lifecycle.on_two_connections = two_cores  # type: ignore[assignment]
    moved = sum(r.moved_on for r in rows)
    bare_wall, bare_cpu, in_period = timed(lambda: db.execute_sql(
        "SELECT count(*) FROM stage_change INDEXED BY stage_change_when "
        "WHERE changed_at >= ? AND changed_at < ?", (lo, hi)).fetchone()[0])
    walk_wall, walk_cpu, walked = timed(lambda: lifecycle.funnel_by_walk(since, now), 2)
    same = [(r.entered, r.moved_on) for r in rows] == [(r.entered, r.moved_on) for r in walked]
    print(f"  funnel report over the last 12 months ({moved:,} entered a stage and moved on), "
          f"from the kept steps: median {wall:.0f} ms (CPU {cpu:.0f} ms, both threads); "
          f"on one connection {one_wall:.0f} ms (CPU {one_cpu:.0f} ms), same figures: "
          f"{'yes' if one_rows == rows else 'NO'}")
    print(f"    the bare operation, same run: a count of the period's {in_period:,} stage "
          f"changes on their index: {bare_wall:.0f} ms (CPU {bare_cpu:.0f} ms) -> the funnel "
          f"= {wall / max(bare_wall, 1e-6):.1f}x; the walk of the history it replaces "
          f"(funnel_by_walk): {walk_wall:.0f} ms (CPU {walk_cpu:.0f} ms), same figures: "
          f"{'yes' if same else 'NO'}")
    for _ in range(len(moves)):
        window.undo_stack.undo()  # leave the benchmark book as it was
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
