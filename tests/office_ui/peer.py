"""A second crmdesk window in its own process (one book per process), for the tests.

`python -m tests.office_ui.peer BOOK SETTINGS.ini` opens the real main window on BOOK
(passphrase in $CRMDESK_PASSPHRASE; hub password from $PGPASSWORD), its sync worker
running, and obeys one JSON command per line on stdin, answering one JSON line each:

  {"op": "show", "uid": U}             -> {"family": <the profile's family-name field>}
  {"op": "edit", "uid": U, "family": F} -> edits the open profile and saves it (Ctrl+S)
  {"op": "status"}                      -> {"text": <the status item's text>}
  {"op": "quit"}
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication, QMessageBox


class _Inbox(QObject):
    command = Signal(dict)


def main() -> int:
    book_path, ini = Path(sys.argv[1]), sys.argv[2]
    app = QApplication(sys.argv[:1])
    from crmdesk.store.book import open_book
    from crmdesk.store.db import db
    from crmdesk.ui.main_window import MainWindow

    book = open_book(book_path, passphrase=os.environ.get("CRMDESK_PASSPHRASE") or None)
    MainWindow.ask_unsaved = lambda self: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window = MainWindow(book, QSettings(ini, QSettings.Format.IniFormat))
    window.show()

    def cid_of(uid: str) -> int:
        row = db.execute_sql("SELECT id FROM customer WHERE uid = ?", (uid,)).fetchone()
        return int(row[0]) if row else -1

    def answer(obj: dict) -> None:
        sys.stdout.write(json.dumps(obj) + "\n")
        sys.stdout.flush()

    def obey(cmd: dict) -> None:
        op = cmd.get("op")
        if op == "show":
            cid = cid_of(cmd["uid"])
            if cid < 0:
                answer({"family": None})
                return
            if window.profile.customer_id != cid:
                window.show_customer(cid)
            answer({"family": window.profile.family.text()})
        elif op == "edit":
            window.show_customer(cid_of(cmd["uid"]))
            window.profile.family.setText(cmd["family"])
            answer({"saved": window.save()})
        elif op == "cid":
            answer({"cid": cid_of(cmd["uid"])})
        elif op == "status":
            answer({"text": window.office.button.text()})
        elif op == "quit":
            answer({"bye": True})
            window.close()
            app.quit()

    inbox = _Inbox()
    inbox.command.connect(obey)

    def read() -> None:
        for line in sys.stdin:
            if line.strip():
                inbox.command.emit(json.loads(line))
        inbox.command.emit({"op": "quit"})

    threading.Thread(target=read, daemon=True).start()
    answer({"ready": True})
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
