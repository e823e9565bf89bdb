"""The relationship canvas and the dashboards at 100,000 customers / ~1,000,000
interactions, each figure beside a bare SQL aggregate over the same rows in the same run.

    .venv/bin/python benchmarks/bench_canvas.py [--dir bench-out]

The book is the 100,000-customer demo book with its interaction log copied back in time
(shifted by weeks) until it holds about a million interactions. Figures:

* computed: the figures computed (the interaction log, customers and purchases already in
  memory as columns, services/canvas_columns.py; the rest from SQL), nothing reused;
* other scope: another period, computed;
* after a call: one interaction logged, then the figures asked again (the new row is read
  alone, then they are computed);
* reused: asked again with the book unchanged (services/figures_cache.py);
* SQL only: the reference engine, everything from SQL each time;
* bare SQL: one GROUP BY over the period's interactions joined to their customers;
* bare numpy: one np.bincount by segment over the period's interactions in memory (the
  same columns the figures are computed from);
* first look: what the first look at a page costs once the log is in memory (the stage
  history and points entries some tabs need are read then);
* in the window: a tab computed by the dashboard page's worker, from the click to the
  charts shown, and the longest the GUI thread went without handling its events then;
* drawing: each chart painted by crmdesk.ui.charts, beside bare QPainter bars.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demo_book import demo_book  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TARGET = 1_000_000


def million_book(directory: Path) -> Path:
    path = (directory / "book-100000-1m.db").resolve()
    if path.exists():
        print(f"  reusing {path}")
        return path
    source = demo_book(100_000, directory)
    start = time.perf_counter()
    src, dst = sqlite3.connect(source), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    first_max = dst.execute("SELECT max(id) FROM interaction").fetchone()[0]
    n = dst.execute("SELECT count(*) FROM interaction").fetchone()[0]
    for weeks in range(2, 40, 3):
        if n >= TARGET:
            break
        dst.execute(
            """INSERT INTO interaction (customer_id, staff_id, channel, direction, happened_at,
                   duration_min, subject, notes, outcome, satisfaction, created_at)
               SELECT i.customer_id, i.staff_id, i.channel, i.direction,
                      strftime('%Y-%m-%dT%H:%M:%SZ', i.happened_at, ?), i.duration_min,
                      i.subject, i.notes, i.outcome, i.satisfaction, i.created_at
               FROM interaction i JOIN customer c ON c.id = i.customer_id
               WHERE i.id <= ? AND strftime('%Y-%m-%dT%H:%M:%SZ', i.happened_at, ?)
                     >= c.created_at""", (f"-{weeks * 7} days", first_max, f"-{weeks * 7} days"))
        dst.commit()
        n = dst.execute("SELECT count(*) FROM interaction").fetchone()[0]
    dst.execute("INSERT INTO interaction_fts (interaction_fts) VALUES ('rebuild')")
    dst.commit()
    dst.close()
    path.chmod(0o600)
    print(f"  {n:,} interactions, built in {time.perf_counter() - start:.0f} s")
    return path


def ms(fn, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=Path("bench-out"))
    args = parser.parse_args()
    path = million_book(args.dir)

    from crmdesk.services import (
        canvas,
        canvas_columns,
        dashboard,
        figures_cache,
        interactions,
    )
    from crmdesk.services.interactions import InteractionData
    from crmdesk.store.book import open_book
    from crmdesk.store.db import db

    start = time.perf_counter()
    open_book(path)  # migrates an older book once
    print(f"  opened in {time.perf_counter() - start:.1f} s")
    counts = db.execute_sql("SELECT (SELECT count(*) FROM customer), "
                            "(SELECT count(*) FROM interaction)").fetchone()
    print(f"book: {counts[0]:,} customers, {counts[1]:,} interactions")
    scope = canvas.Scope.default()
    lo, hi = scope.start_utc(), scope.end_utc()
    in_period = db.execute_sql("SELECT count(*) FROM interaction WHERE happened_at >= ? AND "
                               "happened_at < ?", (lo, hi)).fetchone()[0]
    print(f"period {scope.label()}: {in_period:,} interactions")

    def bare() -> None:
        db.execute_sql("SELECT c.segment, count(*), sum(i.duration_min) FROM interaction i "
                       "JOIN customer c ON c.id = i.customer_id WHERE i.happened_at >= ? "
                       "AND i.happened_at < ? GROUP BY 1", (lo, hi)).fetchall()

    bare()
    print("\nbare: one SQL GROUP BY segment over the period's interactions, and one numpy "
          "bincount by segment over the same rows in memory, measured right before each "
          "figure (the machine is shared: compare the ratios)")
    start = time.perf_counter()
    db.execute_sql("SELECT id, customer_id, happened_at, channel, direction, duration_min, "
                   "satisfaction, staff_id FROM interaction ORDER BY id").fetchall()
    bare_read = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    cols = canvas_columns.columns()
    print(f"columns read from the book (once per book and process): "
          f"{(time.perf_counter() - start) * 1000:,.0f} ms; bare: fetching the same rows "
          f"with sqlite3 {bare_read:,.0f} ms")
    start = time.perf_counter()
    canvas_columns.stage_columns(cols)
    canvas_columns.points_columns(cols)
    print(f"stage history and points entries read (first lifecycle, loyalty or value tab): "
          f"{(time.perf_counter() - start) * 1000:,.0f} ms")
    import numpy as np

    lo_s, hi_s = canvas_columns._epoch(lo), canvas_columns._epoch(hi)

    def bare_numpy() -> None:
        mask = (cols.i_when >= lo_s) & (cols.i_when < hi_s)
        seg = cols.c_segment[cols.i_cust[mask]]
        np.bincount(seg, minlength=len(cols.segments))
        np.bincount(seg, weights=np.maximum(cols.i_dur[mask], 0), minlength=len(cols.segments))

    other = canvas.Scope(scope.first.replace(day=1), scope.last, "")
    print(f"{'figures':<22}{'bare SQL':>9}{'numpy':>7}{'computed':>10}{'× numpy':>9}"
          f"{'× SQL':>7}{'other scope':>12}{'after a call':>13}{'reused':>9}{'SQL only':>10}")

    def log_one() -> None:
        cid = db.execute_sql("SELECT min(id) FROM customer WHERE archived_at IS NULL"
                             ).fetchone()[0]
        interactions.log(InteractionData(cid, "phone", "out", "Benchmark call"))

    def report(name: str, compute, on_other) -> None:  # type: ignore[no-untyped-def]
        bare_ms = ms(bare, runs=2)
        numpy_ms = ms(bare_numpy, runs=5)
        computed = ms(lambda: (figures_cache.clear(), compute()), runs=3)
        other_ms = ms(lambda: (figures_cache.clear(), on_other()), runs=1)
        log_one()
        after = ms(compute, runs=1)
        reused = ms(compute, runs=5)
        canvas.ENGINE = "sql"
        sql_ms = ms(lambda: (figures_cache.clear(), compute()), runs=1)
        canvas.ENGINE = "columns"
        print(f"{name:<22}{bare_ms:>9,.0f}{numpy_ms:>7,.0f}{computed:>10,.0f}"
              f"{computed / numpy_ms:>9.1f}{computed / bare_ms:>7.2f}"
              f"{other_ms:>12,.0f}{after:>13,.0f}{reused:>9,.2f}{sql_ms:>10,.0f}")

    report("canvas", lambda: canvas.compute(scope), lambda: canvas.compute(other))
    for group in dashboard.BUILDERS:
        report(f"dashboard {group}", lambda g=group: dashboard.compute(scope, only={g}),
               lambda g=group: dashboard.compute(other, only={g}))

    # The customers behind a figure (what a click runs).
    for figure, key in [("customers", ""), ("channel", "email"), ("promises_overdue", ""),
                        ("stage", "growth")]:
        t = ms(lambda f=figure, k=key: canvas.customers_behind(scope, "VIP", f, k), runs=3)
        print(f"customers behind VIP {figure} {key}: {t:,.0f} ms")

    # Drawing each chart.
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from crmdesk.ui.charts import ChartView

    app = QApplication.instance() or QApplication([])
    board = dashboard.compute(scope)

    def bare_paint() -> None:
        img = QImage(560, 300, QImage.Format.Format_ARGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        for i in range(36):
            p.fillRect(20 + i * 14, 280 - i * 6, 12, i * 6, QColor("#0072B2"))
        p.end()

    window_tabs(app, scope, bare_numpy)
    print(f"\nbare QPainter, 36 bars: {ms(bare_paint, 20):.2f} ms")
    view = ChartView()
    view.resize(560, 300)
    worst = 0.0
    for chart in board.charts:
        view.set_chart(chart)
        t = ms(lambda: view.grab(), 10)
        worst = max(worst, t)
        print(f"  draw {chart.key:<28}{t:8.2f} ms")
    print(f"slowest chart to draw: {worst:.2f} ms")
    del app
    return 0


def window_tabs(app, scope, bare_numpy) -> None:  # type: ignore[no-untyped-def]
    """Each tab as the window computes it: in the page's worker, from the request to the
    charts shown, with the longest gap between two ticks of a 5 ms GUI timer meanwhile."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    from crmdesk.services import figures_cache
    from crmdesk.ui.views.analytics import DashboardView

    page = DashboardView()
    page.resize(1366, 700)
    page.show()
    page.bar.set_scope(scope)
    page.wait()
    clock = QElapsedTimer()
    gaps: list[int] = []
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    print(f"\nin the window (bare numpy {ms(bare_numpy, 5):.0f} ms): tab, request to charts "
          "shown, longest GUI stall")
    from crmdesk.services import canvas_columns

    for n, index in enumerate([0, *range(page.tabs.count())]):
        first = n == 0
        if first:  # the very first look: the log read into memory, with its progress
            canvas_columns.clear()
        figures_cache.clear()
        page.loaded.clear()
        gaps.clear()
        clock.start()
        last[0] = 0
        timer.start()
        page.tabs.setCurrentIndex(index)
        page.reload()
        while page.task is not None and clock.elapsed() < 60_000:
            app.processEvents()  # as the event loop would: no blocking wait on the pool
            time.sleep(0.001)
        app.processEvents()
        shown = clock.elapsed()
        timer.stop()
        name = "first look (reads the log)" if first else page.tabs.tabText(index)
        print(f"  {name:<28}{shown:>7,} ms{max(gaps, default=0):>7,} ms")
    page.close()


if __name__ == "__main__":
    sys.exit(main())
