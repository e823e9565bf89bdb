"""Customer list benchmark: builds N-customer books and prints the figures the foundation
issue asks for. Run: .venv/bin/python benchmarks/bench_customers.py [--sizes 100000 1000000]

Figures: store search p50/p95 over a set of terms, keystroke-to-repaint p50/p95 (offscreen Qt,
the real main window), process start to main window shown, scroll to the last row, peak RSS.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demo_book import demo_book  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CRMDESK_NO_DEMO_OFFER"] = "1"

# What people type: names and parts of names, e-mail and phone fragments, tags, notes.
TERMS = ["maria", "pena", "lola pe", "garcia", "gonz", "nguyen", "lukasz", "wisn", "sorensen",
         "5551", "612 3", "905 555 12", "maria.garcia", "maria.garcia1@", "@example.pl",
         "golf", "acme", "charity gala", "architect", "zzzz"]
# Single letters match most of the book; reported apart (they are the first keystroke).
BROAD = ["a", "m", "s", "ma"]
# Keys come this far apart (a fast typist, ~8 keys a second); background work runs between.
KEY_INTERVAL = 0.12


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


_TOTAL: list[int] = []


def list_query(flt: object) -> int:
    """What the customer list runs on a keystroke: the exact hit count, then either the
    first page (broad searches; the rest comes from a worker) or all the ids."""
    from crmdesk.services import customer_query as q
    from crmdesk.ui.models.customer_table import FIRST_PAGE

    if not _TOTAL:
        _TOTAL.append(q.count())  # the list keeps this figure until the next write
    q.forget_answers()  # (each query worked out: not the answer remembered from the last)
    hits = q.text_only_count(flt, _TOTAL[0])  # type: ignore[arg-type]
    if hits is not None and hits > q.FIRST_PAGE_THRESHOLD:
        if q.ranked(flt):  # type: ignore[arg-type]
            q.first_page_ranked(flt, FIRST_PAGE)  # type: ignore[arg-type]
        else:
            q.first_page(flt, FIRST_PAGE, hits, _TOTAL[0])  # type: ignore[arg-type]
        return hits
    return len(q.customer_ids(flt))  # type: ignore[arg-type]


def bare_match(flt: object) -> int:
    """The floor: the bare FTS5 MATCH of the same terms, every rowid fetched, no ordering
    (for phone digits the bare trigram MATCH of the numbers' index; for e-mail addresses,
    which do not go through FTS, the bare e-mail index range)."""
    from crmdesk.services import customer_query as q
    from crmdesk.store.db import db

    text = flt.text.strip()  # type: ignore[attr-defined]
    if "@" in text and not text.startswith("@"):
        key = text.casefold()
        return len(db.execute_sql(q.EMAIL_RANGE, (key, key + "\U0010ffff")).fetchall())
    match, clauses, params = q._where(flt)  # type: ignore[arg-type]
    if match is None and clauses[1:] == [f"c.id IN ({q.PHONE_HITS})"]:
        return len(db.execute_sql(q.PHONE_HITS, params).fetchall())  # the trigram MATCH
    if match is None:
        return 0
    return len(db.execute_sql("SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?",
                              (match,)).fetchall())


def store_search(path: Path) -> None:
    from crmdesk.services.customer_query import CustomerFilter, customer_ids
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database

    open_book(path)
    _TOTAL.clear()
    from crmdesk.services import name_order

    t0, c0 = time.perf_counter(), time.process_time()
    name_order.build()  # as the list does off the GUI thread, 2 s after it is made
    wall, cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000
    print(f"  name order read into memory (a worker, once until a name changes): "
          f"{wall:.0f} ms, CPU {cpu:.0f} ms")
    for label, terms in (("typical terms", TERMS), ("single letters", BROAD)):
        floor = cpu_floor = 0.0
        for what, run in (("bare FTS5 MATCH", bare_match),
                          ("list query", list_query),
                          ("all ids ranked", lambda f: len(customer_ids(f))),
                          ("all ids by name",
                           lambda f: len(customer_ids(CustomerFilter(text=f.text, sort="name"))))):
            times: list[float] = []
            cpus: list[float] = []
            hits = []
            for term in terms:
                for _ in range(15):
                    t0, c0 = time.perf_counter(), time.process_time()
                    found = run(CustomerFilter(text=term))
                    times.append((time.perf_counter() - t0) * 1000)
                    cpus.append((time.process_time() - c0) * 1000)
                hits.append(found)
            p95, cpu95 = percentile(times, 95), percentile(cpus, 95)
            floor = floor or p95
            cpu_floor = cpu_floor or cpu95
            print(f"  store search, {label:14} {what:15}: p50 {statistics.median(times):6.2f} ms,"
                  f" p95 {p95:6.2f} ms  = {p95 / max(floor, 1e-6):5.1f}x the bare MATCH p95"
                  f"; CPU p95 {cpu95:6.2f} ms = {cpu95 / max(cpu_floor, 1e-6):5.1f}x"
                  f"  (hits {min(hits):,}–{max(hits):,})")
    close_database()


def startup(path: Path, runs: int = 7) -> None:
    """Process start to the main window shown, to its first paint, and to the book's data
    read into it (My day filled), beside a bare PySide6 window with an empty table started
    the same way in the same run (shown, and first painted). Also the CPU time of each
    process (less sensitive to a loaded machine than the wall clock)."""
    # As installed (and as `make run` starts it): with the package byte-compiled. Without
    # .pyc files (an editable install under PYTHONDONTWRITEBYTECODE) every start would
    # compile every module first, ~200 ms more.
    import compileall

    import crmdesk

    compileall.compile_dir(str(Path(crmdesk.__file__).parent), quiet=1)
    env = dict(os.environ, CRMDESK_EXIT_AFTER_SHOW="1", XDG_CONFIG_HOME=str(path.parent / "cfg"))
    figures: dict[str, list[float]] = {k: [] for k in (
        "shown", "painted", "loaded", "bare shown", "bare painted", "cpu", "bare cpu",
        "cpu painted", "bare cpu painted", "cpu loaded")}
    keyring_loaded = False

    def run(argv: list[str]) -> tuple[str, float, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall0 = time.time()
        out = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return out, wall0, cpu

    def at(out: str, key: str, wall0: float) -> float:
        return float(out.split(f"{key}=")[1].split()[0]) - wall0

    for _ in range(runs):
        # The floor in the same run: a bare PySide6 window with an empty table.
        out, wall0, cpu = run([sys.executable, "-c", BARE_WINDOW])
        figures["bare shown"].append(at(out, "shown_at", wall0))
        figures["bare painted"].append(at(out, "painted_at", wall0))
        figures["bare cpu"].append(cpu)
        figures["bare cpu painted"].append(at(out, "cpu_painted", 0))
        out, wall0, cpu = run([sys.executable, "-m", "crmdesk", "--db", str(path)])
        assert "shown_at" in out, out
        keyring_loaded = keyring_loaded or "keyring_imported=False" not in out
        figures["shown"].append(at(out, "shown_at", wall0))
        figures["painted"].append(at(out, "painted_at", wall0))
        figures["loaded"].append(at(out, "loaded_at", wall0))
        figures["cpu"].append(cpu)
        figures["cpu painted"].append(at(out, "cpu_painted", 0))
        figures["cpu loaded"].append(at(out, "cpu_loaded", 0))
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    def med(key: str) -> float:
        return statistics.median(figures[key]) * 1000

    def low(key: str) -> float:
        return min(figures[key]) * 1000

    print(f"  process start to main window shown: median {med('shown'):.0f} ms, min "
          f"{low('shown'):.0f} ms  = {med('shown') / med('bare shown'):.1f}x the bare window"
          f" (min {low('shown') / low('bare shown'):.1f}x)")
    print(f"  process start to its first paint:   median {med('painted'):.0f} ms, min "
          f"{low('painted'):.0f} ms  = {med('painted') / med('bare painted'):.1f}x the bare "
          f"window's first paint (min {low('painted') / low('bare painted'):.1f}x)")
    print(f"  process start to My day filled (the book's data read after the first paint): "
          f"median {med('loaded'):.0f} ms, min {low('loaded'):.0f} ms")
    print(f"  CPU time of the process to its first paint (steadier than the wall clock on a "
          f"loaded machine): median {med('cpu painted'):.0f} ms = "
          f"{med('cpu painted') / med('bare cpu painted'):.1f}x the bare window's "
          f"{med('bare cpu painted'):.0f} ms; to My day filled {med('cpu loaded'):.0f} ms; the "
          f"whole run with exit {med('cpu'):.0f} ms (bare {med('bare cpu'):.0f} ms)")
    print(f"  a bare PySide6 window with an empty table, same run: shown median "
          f"{med('bare shown'):.0f} ms (min {low('bare shown'):.0f}), first paint median "
          f"{med('bare painted'):.0f} ms (min {low('bare painted'):.0f})")
    print(f"  peak RSS of those processes {rss:.0f} MB; keyring loaded: "
          f"{'yes' if keyring_loaded else 'no'}")


BARE_WINDOW = """
import time
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

painted = []

class Window(QMainWindow):
    def event(self, event):
        handled = super().event(event)
        if not painted and event.type() == QEvent.Type.UpdateRequest:
            painted.append(time.time())
            painted.append(time.process_time())
        return handled

app = QApplication([])
window = Window()
table = QTableView()
table.setModel(QStandardItemModel(0, 8))
window.setCentralWidget(table)
window.resize(1100, 700)
window.show()

def shown():
    print(f"shown_at={time.time():.4f}", flush=True)
    wait()

def wait():
    if not painted:
        QTimer.singleShot(2, wait)
        return
    print(f"painted_at={painted[0]:.4f} cpu_painted={painted[1]:.4f}", flush=True)
    app.quit()

QTimer.singleShot(0, shown)
app.exec()
"""


def bare_keystrokes(app: object, terms: list[str], idle: object) -> list[float]:
    """Keystroke to repainted table with nothing but Qt and a bare FTS5 MATCH."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

    from crmdesk.services.customer_query import fts_query
    from crmdesk.store.db import db

    class Rows(QAbstractTableModel):
        ids: list[int] = []

        def rowCount(self, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008, N802
            return 0 if parent.isValid() else len(self.ids)

        def columnCount(self, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008, N802
            return 0 if parent.isValid() else 8

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
            return f"{self.ids[index.row()]}" if role == Qt.ItemDataRole.DisplayRole else None

    model = Rows()
    page = QWidget()
    box, table = QLineEdit(), QTableView()
    table.setModel(model)
    layout = QVBoxLayout(page)
    layout.addWidget(box)
    layout.addWidget(table)
    page.resize(1366, 768)
    page.show()

    def search(text: str) -> None:
        match = fts_query(text)
        model.beginResetModel()
        model.ids = [r[0] for r in db.execute_sql(
            "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? LIMIT 300", (match,))
        ] if match else []
        model.endResetModel()

    box.textChanged.connect(search)
    latencies = []
    for term in terms:
        box.clear()
        idle(0.3)  # type: ignore[operator]
        for ch in term:
            t0 = time.perf_counter()
            QTest.keyClicks(box, ch)
            table.viewport().repaint()
            latencies.append((time.perf_counter() - t0) * 1000)
            idle(KEY_INTERVAL - latencies[-1] / 1000)  # type: ignore[operator]
    page.close()
    return latencies


def gui(path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from crmdesk.store.book import open_book
    from crmdesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    book = open_book(path)
    settings = QSettings(str(path.parent / "bench.ini"), QSettings.Format.IniFormat)
    window = MainWindow(book, settings)
    window.resize(1366, 768)
    window.show()
    window.nav.setCurrentItem(window.nav_customers)  # the app starts on Today
    app.processEvents()
    search, table = window.customers.search, window.customers.table

    slowest: list[tuple[float, str]] = []

    def idle(seconds: float) -> None:
        """Let the event loop run (background fetches land) as between a person's keys."""
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    def keystroke_latencies(terms: list[str]) -> list[float]:
        latencies = []
        for term in terms:
            search.clear()
            idle(0.3)
            for i, ch in enumerate(term):
                t0 = time.perf_counter()
                QTest.keyClicks(search, ch)  # textChanged -> SQL -> model reset
                table.viewport().repaint()  # paint the visible rows (fetches their block)
                latencies.append((time.perf_counter() - t0) * 1000)
                slowest.append((latencies[-1], term[: i + 1]))
                idle(KEY_INTERVAL - latencies[-1] / 1000)
        return latencies

    from crmdesk.services import name_order

    t0 = time.perf_counter()
    while name_order.places() is None and time.perf_counter() - t0 < 60:
        idle(0.05)  # the list reads the name order in a worker 2 s after it is made
    print(f"  name order in memory {time.perf_counter() - t0:.1f} s after the list was shown "
          "(read by a worker while the window idles)")
    ascii_terms = [t for t in TERMS if t.isascii()]
    from crmdesk.services import customer_query

    # Each answer worked out afresh (the list remembers none), then as the window runs: the
    # first letters of a new search, typed again, are answered from memory until a write.
    remember = customer_query.REMEMBER_MOST
    customer_query.REMEMBER_MOST = 0
    fresh = keystroke_latencies(ascii_terms)
    fresh_slowest = sorted(slowest)[-6:]
    slowest.clear()
    customer_query.REMEMBER_MOST = remember
    customer_query.forget_answers()
    typed = keystroke_latencies(ascii_terms)
    print(f"  keystroke to repainted table ({len(typed)} keystrokes, "
          f"{KEY_INTERVAL * 1000:.0f} ms apart), each answer worked out afresh: "
          f"p50 {statistics.median(fresh):.1f} ms, p95 {percentile(fresh, 95):.1f} ms, "
          f"max {max(fresh):.1f} ms")
    print("    slowest: " + ", ".join(f"{t!r} {ms:.0f} ms" for ms, t in fresh_slowest))
    print(f"  the same keystrokes as the window runs them (a search typed again is answered "
          f"from memory until the book changes): p50 {statistics.median(typed):.1f} ms, "
          f"p95 {percentile(typed, 95):.1f} ms, max {max(typed):.1f} ms")
    print("    slowest: " + ", ".join(f"{t!r} {ms:.0f} ms" for ms, t in sorted(slowest)[-6:]))
    bare = bare_keystrokes(app, ascii_terms, idle)
    print(f"  the bare operation, same keys in the same run (a QLineEdit whose every key runs "
          f"the bare FTS5 MATCH, first 300 rowids, into a plain table model, repainted in a "
          f"QTableView of the same size): p50 {statistics.median(bare):.1f} ms, p95 "
          f"{percentile(bare, 95):.1f} ms; the list's p95 = "
          f"{percentile(fresh, 95) / max(percentile(bare, 95), 1e-6):.1f}x afresh, "
          f"{percentile(typed, 95) / max(percentile(bare, 95), 1e-6):.1f}x as the window runs")
    customer_query.REMEMBER_MOST = 0  # (a first letter worked out, not remembered)
    firsts = keystroke_latencies(["a", "m", "s"])
    customer_query.REMEMBER_MOST = remember
    print(f"  first keystroke of a search (one letter, most of the book matches): "
          f"median {statistics.median(firsts):.1f} ms, max {max(firsts):.1f} ms")
    search.clear()
    app.processEvents()
    scrolls = []
    for _ in range(5):
        table.scrollToTop()
        table.viewport().repaint()
        t0 = time.perf_counter()
        table.scrollToBottom()
        table.viewport().repaint()
        scrolls.append((time.perf_counter() - t0) * 1000)
    last = window.customers.model.rowCount()
    print(f"  scroll to the last row ({last:,} rows): median {statistics.median(scrolls):.1f} ms")
    for _ in range(200):  # wander around the list to fill the row cache
        table.verticalScrollBar().setValue(
            int(table.verticalScrollBar().maximum() * (_ / 200)))
        table.viewport().repaint()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS of the GUI process after searching and scrolling: {rss:.0f} MB")
    window.profile._dirty = False
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--dir", type=Path, default=Path("bench-out"))
    parser.add_argument("--part", choices=["all", "store", "startup", "gui"], default="all")
    parser.add_argument("--gui-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.gui_only:
        gui(args.gui_only)
        sys.stdout.flush()
        os._exit(0)  # skip interpreter teardown: PySide6 may crash collecting Qt objects
    args.dir.mkdir(exist_ok=True)
    for size in args.sizes:
        print(f"{size:,} customers")
        path = demo_book(size, args.dir)
        if args.part in ("all", "store"):
            store_search(path)
        if args.part in ("all", "startup"):
            startup(path)
        if args.part in ("all", "gui"):
            # In a child process so its peak RSS is the GUI's alone.
            subprocess.run([sys.executable, __file__, "--gui-only", str(path)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
