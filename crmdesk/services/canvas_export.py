"""The relationship canvas and the dashboards' figures as CSV: written atomically (a failed
write leaves nothing), readable by the owner only (0600), spreadsheet-safe cells."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import IO

from crmdesk.services import access, audit, canvas, dashboard
from crmdesk.services.exporting import atomic_file, safe_cell


def _private_fd(path: Path) -> int:
    """Create `path` for writing with mode 0600 from the start (never briefly readable by
    others, whatever the umask)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    return fd


def private_open(path: Path) -> IO[bytes]:
    return os.fdopen(_private_fd(path), "wb")


def private_text(path: Path) -> IO[str]:
    return os.fdopen(_private_fd(path), "w", encoding="utf-8-sig", newline="")


def write_rows(rows: list[list[object]], out: Path) -> None:
    with atomic_file(out, 0o600) as part, private_text(part) as fh:
        writer = csv.writer(fh)
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])


def write_csv(result: canvas.Canvas, out: Path) -> None:
    """The canvas: one line per segment and the total."""
    access.require("analytics")
    access.require("export")
    write_rows(canvas.csv_rows(result), out)
    audit.record("export", [None], f"relationship canvas CSV {out.name}")


def dashboard_rows(board: dashboard.Dashboard) -> list[list[object]]:
    """Every chart's figures, one line per point: chart, series, category, value."""
    rows: list[list[object]] = [["chart", "series", "category", "value", "unit"]]
    for chart in board.charts:
        for s in chart.series:
            for (_key, label), value in zip(chart.categories, s.values, strict=True):
                shown: object = "" if value is None else (
                    canvas.money(round(value)) if chart.unit == "money" else
                    round(value, 4) if isinstance(value, float) else value)
                rows.append([chart.title, s.name, label, shown, chart.unit])
    return rows


def write_dashboard_csv(board: dashboard.Dashboard, out: Path) -> None:
    access.require("analytics")
    access.require("export")
    write_rows(dashboard_rows(board), out)
    audit.record("export", [None], f"dashboards CSV {out.name}")
