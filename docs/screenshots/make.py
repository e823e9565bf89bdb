"""Screenshots of every page and the main dialogs, for docs/screenshots (issue 20).

    .venv/bin/python docs/screenshots/make.py --db demo.db --out docs/screenshots \
        --size 1024x600 --theme light [--scale 2] [--lang es]

Runs the real window on Qt's offscreen platform with a screen of the given size (and
device-pixel ratio), shows each page and dialog in turn and saves what it draws
(`QWidget.grab`). The book is opened read-write but nothing is changed: dialogs are only
shown, then closed. `/work/shared/tools/xshot` takes the same pictures through a real X
server, for a check now and then."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--theme", default="light", choices=["light", "dark"])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", default="", help="comma-separated shot names")
    parser.add_argument("--lang", default="en", choices=["en", "es"],
                        help="the interface language (es: file names end in -es)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    screen = Path(tempfile.mkdtemp(prefix="crmdesk-shots-")) / "screen.json"
    screen.write_text(json.dumps({"screens": [{
        "name": "shots", "x": 0, "y": 0, "width": int(width * args.scale),
        "height": int(height * args.scale), "logicalDpi": 96, "logicalBaseDpi": 96,
        "dpr": 1}]}))
    if args.scale != 1:  # 200 %: Qt scales everything, as QT_SCALE_FACTOR=2 does on a desktop
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    os.environ.setdefault("CRMDESK_NO_AUTO_BACKUP", "1")
    os.environ.setdefault("CRMDESK_NO_DEMO_OFFER", "1")
    os.environ["XDG_CONFIG_HOME"] = str(screen.parent)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setApplicationName("crmdesk-shots")
    from crmdesk.store.book import open_book
    from crmdesk.ui.main_window import MainWindow
    from crmdesk.ui.theme import apply_theme

    from crmdesk import i18n

    i18n.install(app, args.lang)
    apply_theme(app, args.theme)
    book = open_book(args.db)
    qsettings = QSettings(str(screen.parent / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(book, qsettings)
    window.show()
    app.processEvents()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = f"{width}x{height}-{args.theme}" + (f"@{args.scale:g}x" if args.scale != 1 else "")
    suffix += "" if args.lang == "en" else f"-{args.lang}"
    only = {s for s in args.only.split(",") if s}

    def settle(ms: int = 400) -> None:
        from PySide6.QtCore import QEventLoop, QThreadPool, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        QThreadPool.globalInstance().waitForDone(3000)
        app.processEvents()

    def save(name: str, widget: object) -> None:
        if only and name not in only:
            return
        settle()
        path = args.out / f"{name}-{suffix}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        print(path)

    nav = window.nav

    def page(item: object, name: str) -> None:
        nav.setCurrentItem(item)  # type: ignore[arg-type]
        save(name, window)

    settle(800)
    page(window.nav_today, "myday")
    page(window.nav_agenda, "agenda")
    nav.setCurrentItem(window.nav_customers)
    settle()
    window.customers.table.selectRow(0)
    window.customers.table.setFocus()
    settle()
    for tab, name in ((0, "customers-summary"), (1, "customers-profile"), (2, "timeline"),
                      (3, "loyalty")):
        window.detail_tabs.setCurrentIndex(tab)
        save(name, window)
    window.detail_tabs.setCurrentIndex(0)
    page(window.nav_board, "board")
    page(window.nav_interactions, "interactions")
    page(window.analytics.nav_canvas, "canvas")
    page(window.analytics.nav_dashboard, "dashboards")
    page(window.nav_trash, "trash")
    nav.setCurrentItem(window.nav_customers)
    window.customers.table.selectRow(0)
    settle()

    from PySide6.QtWidgets import QDialog

    def dialog_shot(name: str, trigger: str) -> None:
        if only and name not in only:
            return
        shown: list[QDialog] = []

        def run_dialog(dialog: QDialog) -> bool:
            from crmdesk.ui import screen_fit

            screen_fit.prepare(dialog)
            dialog.show()
            shown.append(dialog)
            save(name, dialog)
            dialog.reject()
            return False

        window.run_dialog = run_dialog  # type: ignore[method-assign]
        window.actions[trigger].trigger()
        settle(200)
        if not shown:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QDialog) and widget.isVisible():
                    save(name, widget)
                    widget.close()

    for name, trigger in (("quick-capture", "quick_capture"), ("log", "log_interaction"),
                          ("follow-up", "add_follow_up"), ("composer", "write_to"),
                          ("staff", "staff"), ("duplicates", "duplicates"),
                          ("loyalty-programme", "loyalty_programme"), ("help", "help"),
                          ("shortcuts", "shortcuts"), ("about", "about")):
        dialog_shot(name, trigger)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
