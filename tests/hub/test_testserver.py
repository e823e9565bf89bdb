"""The tests' PostgreSQL never outlives the process that started it, even when that
process is killed outright (SIGKILL: no atexit, no finally)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crmdesk.hub import testserver

pytestmark = pytest.mark.skipif(testserver.binaries() is None,
                                reason="PostgreSQL is not installed (apt-get install postgresql)")

_STARTER = """
import sys, time
from crmdesk.hub import testserver
server = testserver.start()
print(server.folder, flush=True)
time.sleep(600)
"""


def _running(folder: Path) -> bool:
    pid = folder / "data" / "postmaster.pid"
    if not pid.exists():
        return False
    try:
        os.kill(int(pid.read_text().split()[0]), 0)
    except (ProcessLookupError, ValueError):
        return False
    return True


def test_a_killed_test_process_leaves_no_server_running() -> None:
    starter = subprocess.Popen([sys.executable, "-c", _STARTER], stdout=subprocess.PIPE,
                               text=True)
    assert starter.stdout is not None
    folder = Path(starter.stdout.readline().strip())
    assert _running(folder)
    starter.send_signal(signal.SIGKILL)
    starter.wait()
    deadline = time.monotonic() + 60
    while (_running(folder) or folder.exists()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _running(folder) and not folder.exists()


def test_a_normal_stop_ends_the_watchdog_too() -> None:
    server = testserver.start()
    watchdog = server.watchdog
    assert watchdog is not None and watchdog.poll() is None
    server.stop()
    assert watchdog.poll() is not None and not server.folder.exists()
