"""The sync worker's way back to the window (office_window._Reporter): once the window
has stopped the worker, a late report reaches no Qt object and the worker keeps none alive."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from PySide6.QtCore import QCoreApplication

from crmdesk.ui.office_window import _Bridge, _Reporter


def test_reports_arrive_until_closed_then_none_and_no_bridge_is_kept(qtbot: Any) -> None:
    bridge = _Bridge()
    got: list[object] = []
    bridge.status.connect(got.append)
    reporter = _Reporter(bridge)
    worker = threading.Thread(target=reporter, args=("online",))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: got == ["online"])

    reporter.close()
    late = threading.Thread(target=reporter, args=("late",))
    late.start()
    late.join()
    QCoreApplication.processEvents()
    assert got == ["online"]

    gone = weakref.ref(bridge)
    del bridge
    gc.collect()
    assert gone() is None  # the reporter (held by the worker) keeps no Qt object alive
