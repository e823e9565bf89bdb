"""Background work on a QThreadPool: the task never touches a widget, results come back
to the GUI thread through signals. Each pool thread uses its own database connection."""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from crmdesk.store.db import close_thread_connections, db, pinned_book

ProgressFn = Callable[[int, int], bool]


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """Runs `func(progress)`; `progress(done, total)` returns False once cancelled."""

    def __init__(self, func: Callable[[ProgressFn], Any], uses_book: bool = True):
        super().__init__()
        self.func = func
        self.uses_book = uses_book  # False: work on files only (the book may be closed)
        # The book open when the task is made: the task's `db` even if the window opens
        # another meanwhile (an import never carries on into the next book).
        self._book = db.open_book() if uses_book else None
        self.signals = _Signals()
        self.cancelled = False
        self._connection: Any = None
        self.setAutoDelete(False)

    def cancel(self) -> None:
        """Stop as soon as possible: a queued task never starts, a running query is
        interrupted (sqlite3's interrupt is safe to call from another thread)."""
        self.cancelled = True
        QThreadPool.globalInstance().tryTake(self)
        connection = self._connection
        if connection is not None:
            connection.interrupt()

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        # RuntimeError: the receiver went away (window closed while this ran).
        with contextlib.suppress(RuntimeError):
            signal.emit(value)

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progress.emit(done, total)
        return not self.cancelled

    def run(self) -> None:
        if self.cancelled:
            return
        try:
            with pinned_book(self._book):
                if self.uses_book and db.obj is not None:
                    self._connection = db.connection()
                result = self.func(self._progress)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI as a message
            if not self.cancelled:
                traceback.print_exc()
                self._emit(self.signals.failed, exc)
        else:
            if not self.cancelled:
                self._emit(self.signals.finished, result)
        finally:
            self._connection = None
            # This thread's own connections, on the book open now or one left since.
            close_thread_connections()


def start(task: Task) -> Task:
    """Queue `task` on the shared pool (each pool thread has its own database connection)."""
    QThreadPool.globalInstance().start(task)
    return task
