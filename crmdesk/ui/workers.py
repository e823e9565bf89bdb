"""Background work on a QThreadPool: the task never touches a widget, results come back
to the GUI thread through signals. Each pool thread uses its own database connection."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from crmdesk.store.db import db

ProgressFn = Callable[[int, int], bool]


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """Runs `func(progress)`; `progress(done, total)` returns False once cancelled."""

    def __init__(self, func: Callable[[ProgressFn], Any]):
        super().__init__()
        self.func = func
        self.signals = _Signals()
        self.cancelled = False
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self.cancelled = True

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progress.emit(done, total)
        return not self.cancelled

    def run(self) -> None:
        try:
            result = self.func(self._progress)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI as a message
            traceback.print_exc()
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            if db.obj is not None and not db.is_closed():
                db.close()  # this thread's own connection


def start(task: Task) -> Task:
    QThreadPool.globalInstance().start(task)
    return task
