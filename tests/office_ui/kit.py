"""Helpers: a window on a given book in this process, a peer window in another."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from crmdesk.services import access
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db
from crmdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def window_on(qtbot: Any, path: Path, qsettings: QSettings,
              passphrase: str | None = None) -> MainWindow:
    close_database()
    access.reset()
    book = open_book(path, passphrase=passphrase)
    window = MainWindow(book, qsettings)
    window.nav.setCurrentItem(window.nav_customers)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def uid_of(given: str) -> tuple[int, str]:
    row = db.execute_sql("SELECT id, uid FROM customer WHERE given_name = ?",
                         (given,)).fetchone()
    return int(row[0]), str(row[1])


class Peer:
    """The other laptop's window, in its own process."""

    def __init__(self, book: Path, ini: Path, passphrase: str | None = None):
        env = dict(os.environ)
        if passphrase:
            env["CRMDESK_PASSPHRASE"] = passphrase
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.office_ui.peer", str(book), str(ini)],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.ask_raw() == {"ready": True}

    def ask_raw(self) -> Any:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, "the peer window ended"
        return json.loads(line)

    def ask(self, **cmd: Any) -> Any:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()
        return self.ask_raw()

    def wait_for(self, check: Any, timeout: float = 15.0, **cmd: Any) -> tuple[Any, float]:
        """Ask until `check(answer)`; the answer and the seconds it took."""
        started = time.monotonic()
        while True:
            got = self.ask(**cmd)
            if check(got):
                return got, time.monotonic() - started
            assert time.monotonic() - started < timeout, f"still {got} after {timeout} s"
            time.sleep(0.05)

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.ask(op="quit")
                self.proc.wait(10)
            except (AssertionError, OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(5)
