"""A background task never leaves a book connection behind in its pool thread.

The pool thread's Python state is made for each task and cleared after it; an encrypted
book's connection still open there is freed on that teardown, and sqlcipher3 then aborts
the whole process (seen as a suite that died with SIGABRT after the office window tests,
whose joined book is encrypted). The task here outlives the book it started on: the window
switched to another book while it ran, and kept or freed the book it left."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

SCRIPT = textwrap.dedent("""
    import gc, os, sys, threading
    os.environ["CRMDESK_TEST_KDF_ITER"] = "4000"
    os.environ["PYTEST_CURRENT_TEST"] = "worker-connections"
    from PySide6.QtCore import QCoreApplication, QThreadPool
    from crmdesk.store import sidecar
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database, db
    from crmdesk.ui import workers

    app = QCoreApplication([])
    folder, keep = sys.argv[1], sys.argv[2] == "keep"
    kept = []  # (a window not freed yet keeps the book it left)
    for round in range(4):
        secret = os.path.join(folder, f"secret-{round}.db")
        book = open_book(secret, passphrase="correct horse 1")
        if keep:
            kept.append(book)
        started, switched = threading.Event(), threading.Event()

        def job(progress):
            db.execute_sql("SELECT count(*) FROM customer").fetchone()  # this thread's own
            started.set()
            switched.wait(10)
            return None

        workers.start(workers.Task(job))
        started.wait(10)
        close_database()  # the window leaves the book while the task still runs
        del book
        gc.collect()
        open_book(os.path.join(folder, f"plain-{round}.db"))
        switched.set()
        QThreadPool.globalInstance().waitForDone(10000)
        # The task's connection to the book it was started on is closed, the book's
        # shared lock given back: nothing of this process holds it any more.
        print("left open:", sidecar.connections(secret))
        close_database()
    print("ok")
""")


@pytest.mark.parametrize("kept", ["keep", "free"])
def test_a_task_outliving_its_encrypted_book_leaves_no_connection(tmp_path: Path, kept: str
                                                                  ) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path), kept], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[-2:] == ["ok", ""]
    assert done.stdout.count("left open: 0") == 4, done.stdout


def test_a_task_keeps_to_the_book_it_was_started_on(qtbot: Any, tmp_path: Path) -> None:
    """A background write still running when the window opens another book (an import, say)
    finishes in the book it was started on, never in the next one."""
    import threading

    from PySide6.QtCore import QThreadPool

    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database, db
    from crmdesk.ui import workers

    first = open_book(tmp_path / "first.db")
    go = threading.Event()
    done: list[str] = []

    def job(_progress: Any) -> None:
        go.wait(10)
        with db.atomic():
            db.execute_sql("INSERT INTO setting (key, value) VALUES ('late-write', 'x')")
        done.append(str(db.database))

    workers.start(workers.Task(job))
    close_database()
    second = open_book(tmp_path / "second.db")
    go.set()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert done == [str(first.path)]
    assert db.execute_sql("SELECT count(*) FROM setting WHERE key = 'late-write'"
                          ).fetchone()[0] == 0
    close_database()
    open_book(first.path)
    assert db.execute_sql("SELECT count(*) FROM setting WHERE key = 'late-write'"
                          ).fetchone()[0] == 1
    close_database()
    assert second.path != first.path


def test_the_second_reader_of_a_pinned_thread_reads_its_book(tmp_path: Path) -> None:
    """store.db.on_two_connections from a task still on the book it started on: its helper
    thread reads that book too, not the one the window has open now."""
    import threading

    from crmdesk.store.book import open_book
    from crmdesk.store.db import (
        close_database,
        close_thread_connections,
        db,
        on_two_connections,
        pinned_book,
    )

    first = open_book(tmp_path / "first.db")
    database = db.open_book()
    close_database()
    open_book(tmp_path / "second.db")
    seen: list[list[str]] = []

    def task() -> None:
        with pinned_book(database):
            seen.append(on_two_connections([
                lambda: db.execute_sql("PRAGMA database_list").fetchone()[2],
                lambda: db.execute_sql("PRAGMA database_list").fetchone()[2]]))
        close_thread_connections()

    thread = threading.Thread(target=task)
    thread.start()
    thread.join(10)
    close_database()
    assert seen == [[str(first.path), str(first.path)]]
