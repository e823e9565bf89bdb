"""Choosing the dashboards' charts: import time, drawing time and install size of crmdesk's
own QPainter charts (crmdesk/ui/charts.py), QtCharts and QtGraphs (PySide6-Addons) and
pyqtgraph, each beside the bare operation (importing QtWidgets, painting the same bars with
bare QPainter calls) in the same run.

    .venv/bin/python benchmarks/bench_charts.py                # crmdesk's own charts
    /tmp/chartvenv/bin/python benchmarks/bench_charts.py       # a venv with the others
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]
SERIES = {"Issued": [1200 + 90 * i for i in range(12)],
          "Redeemed": [400 + 50 * (i % 5) for i in range(12)],
          "Expired": [30 * (i % 3) for i in range(12)]}
W, H = 800, 400


def _import_ms(code: str, runs: int = 5) -> float | None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code], capture_output=True)
        if done.returncode:
            return None
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _size_mb(*distributions: str) -> float:
    """What pip installed for these distributions (their RECORD), in MB."""
    from importlib import metadata

    total = 0
    for name in distributions:
        for f in metadata.distribution(name).files or []:
            path = Path(str(f.locate()))
            if path.is_file():
                total += path.stat().st_size
    return total / 1e6


def _timed(draw, runs: int = 30) -> float:  # type: ignore[no-untyped-def]
    draw()  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        draw()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])

    def bare() -> None:
        img = QImage(W, H, QImage.Format.Format_ARGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        for si, values in enumerate(SERIES.values()):
            for i, v in enumerate(values):
                p.fillRect(40 + i * 60 + si * 16, H - 30 - v // 10, 14, v // 10,
                           QColor(["#0072B2", "#E69F00", "#009E73"][si]))
        p.end()

    base_import = _import_ms("import PySide6.QtWidgets")
    print(f"bare: import QtWidgets {base_import:.0f} ms; paint 36 bars {_timed(bare):.2f} ms")

    try:
        from crmdesk.services.dashboard import Chart, Series
        from crmdesk.ui.charts import ChartView

        chart = Chart("points", "Points", "bar", [(m, m) for m in MONTHS],
                      [Series(k, k, list(map(float, v))) for k, v in SERIES.items()],
                      unit="points")
        view = ChartView()
        view.resize(W, H)
        view.set_chart(chart)
        ms = _timed(lambda: view.grab())
        imp = _import_ms("import PySide6.QtWidgets, crmdesk.ui.charts")
        print(f"crmdesk.ui.charts (with the dashboard service): import {imp:.0f} ms "
              f"(+{imp - base_import:.0f}), "
              f"draw {ms:.2f} ms, install 0 MB extra")
    except ImportError:
        print("crmdesk.ui.charts: not installed in this venv")

    try:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView

        def qtcharts() -> None:
            series = QBarSeries()
            for name, values in SERIES.items():
                bar = QBarSet(name)
                bar.append([float(v) for v in values])
                series.append(bar)
            chart = QChart()
            chart.addSeries(series)
            axis = QBarCategoryAxis()
            axis.append(MONTHS)
            chart.addAxis(axis, __import__("PySide6.QtCore").QtCore.Qt.AlignmentFlag.AlignBottom)
            series.attachAxis(axis)
            chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
            view = QChartView(chart)
            view.resize(W, H)
            view.grab()

        imp = _import_ms("import PySide6.QtWidgets, PySide6.QtCharts")
        print(f"QtCharts: import {imp:.0f} ms (+{imp - base_import:.0f}), build+draw "
              f"{_timed(qtcharts, 10):.2f} ms, install PySide6-Addons "
              f"{_size_mb('PySide6_Addons'):.0f} MB (one wheel; PySide6-Essentials is "
              f"{_size_mb('PySide6_Essentials'):.0f} MB)")
    except ImportError:
        print("QtCharts: PySide6-Addons not installed")

    try:
        import PySide6.QtGraphsWidgets  # noqa: F401

        imp = _import_ms("import PySide6.QtWidgets, PySide6.QtGraphs, PySide6.QtGraphsWidgets")
        print(f"QtGraphs: import {imp:.0f} ms (+{imp - base_import:.0f}); its widgets need "
              "Qt Quick (QQuickWidget + a scene graph), not drawn offscreen here")
    except ImportError:
        print("QtGraphs: PySide6-Addons not installed")

    try:
        import pyqtgraph as pg

        def pyqtgraph_draw() -> None:
            plot = pg.PlotWidget()
            plot.resize(W, H)
            for si, values in enumerate(SERIES.values()):
                plot.addItem(pg.BarGraphItem(x=[i + si * 0.25 for i in range(12)],
                                             height=values, width=0.25,
                                             brush=["#0072B2", "#E69F00", "#009E73"][si]))
            plot.grab()

        imp = _import_ms("import PySide6.QtWidgets, pyqtgraph")
        print(f"pyqtgraph: import {imp:.0f} ms (+{imp - base_import:.0f}), build+draw "
              f"{_timed(pyqtgraph_draw, 10):.2f} ms, install "
              f"{_size_mb('pyqtgraph', 'numpy'):.0f} MB (with numpy)")
    except ImportError:
        print("pyqtgraph: not installed")
    del app


if __name__ == "__main__":
    main()
