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
    qtbot.waitUntil(lambda: got == [(reporter, "online")])  # with who sent it

    reporter.close()
    late = threading.Thread(target=reporter, args=("late",))
    late.start()
    late.join()
    QCoreApplication.processEvents()
    assert got == [(reporter, "online")]

    gone = weakref.ref(bridge)
    del bridge
    gc.collect()
    assert gone() is None  # the reporter (held by the worker) keeps no Qt object alive


def test_a_report_of_the_worker_before_is_not_taken_for_the_current_one(make_window: Any,
                                                                        qtbot: Any) -> None:
    """A status queued by the old book's worker just before a switch arrives after the next
    worker started: the window ignores it (it would show the old book's conflicts)."""
    from crmdesk.services.sync_live import LiveStatus

    window = make_window()
    office = window.office
    old, current = _Reporter(office.bridge), _Reporter(office.bridge)
    office.live = object()  # (as if a worker were running: only `is None` is asked)
    office.reporter = current
    try:
        old(LiveStatus(online=False, error="the old book's hub", conflicts=3))
        QCoreApplication.processEvents()
        assert office.last is None
        current(LiveStatus(online=True, last_sync="2026-12-03T10:00:00Z"))
        qtbot.waitUntil(lambda: office.last is not None)
        assert office.last.online and office.last.conflicts == 0
    finally:
        office.live = office.reporter = None


def test_records_held_back_show_on_the_status_button(make_window: Any, qtbot: Any) -> None:
    from crmdesk.services.sync_live import LiveStatus

    window = make_window()
    office = window.office
    current = _Reporter(office.bridge)
    office.live = object()
    office.reporter = current
    office.joined = lambda: True  # type: ignore[method-assign]
    try:
        current(LiveStatus(online=True, held=2))
        qtbot.waitUntil(lambda: office.last is not None)
        assert office.button.text() == "Online · 2 held back"
        assert "2 records from the hub wait here" in office.button.toolTip()
        current(LiveStatus(online=True))
        qtbot.waitUntil(lambda: office.last is not None and not office.last.held)
        assert "held back" not in office.button.text()
        assert "wait here" not in office.button.toolTip()
    finally:
        office.live = office.reporter = None
