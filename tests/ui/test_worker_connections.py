"""A background task never leaves a book connection behind in its pool thread.

The pool thread's Python state is made for each task and cleared after it; an encrypted
book's connection still open there is freed on that teardown, and sqlcipher3 then aborts
the whole process (seen as a suite that died with SIGABRT after the office window tests,
whose joined book is encrypted). The task here outlives the book it started on: the window
switched to another book while it ran."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent("""
    import os, sys, threading
    os.environ["CRMDESK_TEST_KDF_ITER"] = "4000"
    os.environ["PYTEST_CURRENT_TEST"] = "worker-connections"
    from PySide6.QtCore import QCoreApplication, QThreadPool
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database, db
    from crmdesk.ui import workers

    app = QCoreApplication([])
    folder = sys.argv[1]
    kept = []  # (as a window that has not been freed yet keeps the book it left)
    for round in range(5):
        kept.append(open_book(os.path.join(folder, f"secret-{round}.db"),
                              passphrase="correct horse 1"))
        started, switched = threading.Event(), threading.Event()

        def job(progress):
            db.execute_sql("SELECT count(*) FROM customer").fetchone()  # opens this thread's
            started.set()
            switched.wait(10)
            return None

        task = workers.start(workers.Task(job))
        started.wait(10)
        close_database()  # the window leaves the book while the task still runs
        open_book(os.path.join(folder, f"plain-{round}.db"))
        switched.set()
        QThreadPool.globalInstance().waitForDone(10000)
        close_database()
    print("ok")
""")


def test_a_task_outliving_its_encrypted_book_leaves_no_connection(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
