"""Screenshots of the relationship canvas and every dashboard tab, light and dark, at the
sizes given, from a real main window on a demo book (offscreen; for docs/ and for looking).

    .venv/bin/python benchmarks/shot_analytics.py [--book bench-out/book-3000.db]
        [--out docs] [--sizes 1024x600,1920x1080] [--themes light,dark]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CRMDESK_NO_DEMO_OFFER", "1")
os.environ.setdefault("CRMDESK_NO_AUTO_BACKUP", "1")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demo_book import demo_book  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--book", type=Path)
    parser.add_argument("--out", type=Path, default=Path("bench-out/shots"))
    parser.add_argument("--sizes", default="1024x600,1920x1080")
    parser.add_argument("--themes", default="light,dark")
    parser.add_argument("--only", default="", help="canvas or a dashboard tab key")
    args = parser.parse_args()
    book_path = args.book or demo_book(3000)
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from crmdesk.services.dashboard import GROUPS
    from crmdesk.store.book import open_book
    from crmdesk.ui.main_window import MainWindow
    from crmdesk.ui.theme import apply_theme

    QCoreApplication.setOrganizationName("crmdesk-shots")
    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "shots.ini"), QSettings.Format.IniFormat)
    book = open_book(book_path)

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    for theme in args.themes.split(","):
        apply_theme(app, theme)
        window = MainWindow(book, settings, offer_demo=False)
        window.show()
        for size in args.sizes.split(","):
            w, h = (int(v) for v in size.split("x"))
            window.resize(w, h)
            settle()
            targets = [("canvas", None)] + [(k, i) for i, (k, _l) in enumerate(GROUPS)]
            for name, tab in targets:
                if args.only and name != args.only:
                    continue
                if tab is None:
                    window.nav.setCurrentItem(window.analytics.nav_canvas)
                    page = window.analytics.canvas
                else:
                    window.nav.setCurrentItem(window.analytics.nav_dashboard)
                    page = window.analytics.dashboard
                    page.tabs.setCurrentIndex(tab)
                settle()
                page.wait(120_000)
                settle(0.5)
                path = args.out / f"{name}-{theme}-{w}x{h}.png"
                window.grab().save(str(path))
                print(path)
        window.close()
        settle()
    del book
    return 0


if __name__ == "__main__":
    sys.exit(main())
