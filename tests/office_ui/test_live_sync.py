"""Two windows on two books synced through one real hub (the test PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.office_ui.kit import Peer, uid_of


def test_an_edit_in_one_window_shows_in_the_other(office: Any, tmp_path: Path, qtbot: Any,
                                                  open_window: Any) -> None:
    mgr = office.start(customers=2)
    ana = office.join("ana")
    peer = Peer(ana.path, tmp_path / "peer.ini")
    try:
        window = open_window(mgr.path)
        qtbot.waitUntil(lambda: window.office.button.text().startswith("Synced"),
                        timeout=15000)
        cid, uid = uid_of("Given0")
        # A -> B: saved in this window, seen in the other window's profile.
        window.show_customer(cid)
        window.profile.family.setText("Peña-Live")
        assert window.save()
        got, seconds = peer.wait_for(lambda a: a["family"] == "Peña-Live", op="show",
                                     uid=uid)
        assert seconds < 10
        # B -> A: saved in the other window, seen here without losing the selection.
        assert peer.ask(op="edit", uid=uid, family="From-Ana") == {"saved": True}
        qtbot.waitUntil(lambda: window.profile.family.text() == "From-Ana", timeout=15000)
        assert window.customers.current_id() == cid
        assert window.office.button.text().startswith("Synced")
    finally:
        peer.close()


def test_an_edit_made_elsewhere_while_editing_merges_field_by_field(
        office: Any, tmp_path: Path, qtbot: Any, open_window: Any) -> None:
    mgr = office.start(customers=2)
    ana = office.join("ana")
    peer = Peer(ana.path, tmp_path / "peer.ini")
    try:
        window = open_window(mgr.path)
        qtbot.waitUntil(lambda: window.office.button.text().startswith("Synced"),
                        timeout=15000)
        cid, uid = uid_of("Given1")
        window.show_customer(cid)
        window.profile.preferred.setText("Gigi")  # typed here, not saved
        assert window.profile.is_dirty()
        assert peer.ask(op="edit", uid=uid, family="Changed-Elsewhere") == {"saved": True}
        qtbot.waitUntil(lambda: window.profile.family.text() == "Changed-Elsewhere",
                        timeout=15000)
        assert window.profile.preferred.text() == "Gigi"  # my unsaved field kept
        assert window.profile.is_dirty()
        assert not window.office.banner.isHidden()
        assert "Someone else changed this profile" in window.office.banner.text()
        assert window.office.merged_fields == ["family_name"]
        assert window.save()
        got, _s = peer.wait_for(lambda a: a["family"] == "Changed-Elsewhere", op="show",
                                uid=uid)
        from crmdesk.services import customers

        stored = customers.load(cid)
        assert (stored.family_name, stored.preferred_name) == ("Changed-Elsewhere", "Gigi")
    finally:
        peer.close()


def test_a_conflict_shows_in_the_status_item_and_is_settled_in_the_dialog(
        office: Any, tmp_path: Path, qtbot: Any, open_window: Any, drive: Any) -> None:
    from crmdesk.services import sync
    from crmdesk.ui.dialogs.conflicts_dialog import ConflictsDialog

    mgr = office.start(customers=2)
    ana = office.join("ana")
    peer = Peer(ana.path, tmp_path / "peer.ini")
    try:
        window = open_window(mgr.path)
        qtbot.waitUntil(lambda: window.office.button.text().startswith("Synced"),
                        timeout=15000)
        cid, uid = uid_of("Given0")
        window.office.stop()  # this laptop goes offline a moment
        window.show_customer(cid)
        window.profile.family.setText("Mine-Manager")
        assert window.save()
        assert peer.ask(op="edit", uid=uid, family="Theirs-Ana") == {"saved": True}
        peer.wait_for(lambda a: "waiting" not in a["text"], op="status")
        window.office.start()  # back online: the two edits meet on the hub
        qtbot.waitUntil(lambda: "1 to review" in window.office.button.text(), timeout=15000)
        assert window.statusBar().currentMessage().startswith("1 new conflict to review")

        seen: dict[str, Any] = {}

        def review(dialog: ConflictsDialog) -> None:
            assert dialog.table.rowCount() == 1
            mine, theirs = dialog.boxes[0], dialog.boxes[1]
            seen["mine"] = (mine[0].title(), mine[1].toPlainText(), mine[2].text())
            seen["theirs"] = (theirs[0].title(), theirs[1].toPlainText(), theirs[2].text())
            seen["sentence"] = dialog.sentence.text()
            qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
            seen["after"] = window.profile.family.text()
            seen["open_after"] = sync.open_conflicts()
            qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)  # undoable
            seen["undone"] = (window.profile.family.text(), sync.open_conflicts())
            qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
            dialog.accept()

        drive.append(review)
        qtbot.mouseClick(window.office.button, Qt.MouseButton.LeftButton)
        assert seen["mine"][:2] == ("Yours", "Mine-Manager")
        assert seen["theirs"][:2] == ("Theirs", "Theirs-Ana")
        assert seen["mine"][2].startswith("by ") and seen["theirs"][2].startswith("by ")
        assert "at about the same time" in seen["sentence"]
        assert seen["after"] == "Mine-Manager" and seen["open_after"] == 0
        assert seen["undone"] == ("Theirs-Ana", 1)
        assert window.profile.family.text() == "Mine-Manager"
        assert window.undo_stack.undoText().startswith("Keep mine")
        qtbot.waitUntil(lambda: "to review" not in window.office.button.text()
                        and "waiting" not in window.office.button.text(), timeout=15000)
        peer.wait_for(lambda a: a["family"] == "Mine-Manager", op="show", uid=uid)
    finally:
        peer.close()


def test_a_lost_connection_shows_offline_and_the_window_stays_responsive(
        office: Any, tmp_path: Path, qtbot: Any, open_window: Any) -> None:
    """The hub's address answers TCP but never speaks (the worst case: a connect that waits
    for its timeout): the status item says offline, the GUI thread never waits, edits are
    kept and counted, and they go out once the hub is back."""
    import socket
    import time

    from PySide6.QtCore import QTimer

    from crmdesk.services import sync, sync_live

    mgr = office.start(customers=2)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections in its backlog, never answers
    port = silent.getsockname()[1]
    try:
        window = open_window(mgr.path)
        qtbot.waitUntil(lambda: window.office.button.text().startswith("Synced"),
                        timeout=15000)
        real = sync.state().hub
        sync_live.set_hub_address(f"postgresql://127.0.0.1:{port}/{real.rsplit('/', 1)[1]}")
        window.office.start()
        gaps: list[float] = []
        last = [time.monotonic()]

        def tick() -> None:
            now = time.monotonic()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(20)
        cid, _uid = uid_of("Given0")
        window.show_customer(cid)
        window.profile.family.setText("Written-Offline")
        started = time.monotonic()
        assert window.save()  # at once: nothing waits on the hub
        assert time.monotonic() - started < 1.0
        gaps.clear()  # from here on the event loop alone: the worker tries the silent hub
        last[0] = time.monotonic()
        qtbot.waitUntil(lambda: window.office.button.text().startswith("Offline"),
                        timeout=15000)
        qtbot.wait(500)
        timer.stop()
        assert "waiting" in window.office.button.text()
        assert "cannot be reached" in window.office.button.toolTip() or \
            "keeps working" in window.office.button.toolTip()
        assert max(gaps) < 0.5, f"the window froze for {max(gaps):.2f} s"
        assert window.office.live is not None and window.office.live.retry_in > 0
        # The hub is back: the waiting edit goes out.
        sync_live.set_hub_address(real)
        window.office.start()
        qtbot.waitUntil(lambda: window.office.button.text().startswith("Synced")
                        and "waiting" not in window.office.button.text(), timeout=15000)
        assert sync.unsent() == 0
    finally:
        silent.close()


def test_a_command_line_write_on_one_laptop_reaches_the_other_windows_timeline(
        office: Any, tmp_path: Path, qtbot: Any, open_window: Any) -> None:
    """Laptop B's window runs; a script logs a call into B's book with `crmdesk log`. B's
    worker notices the outbox (whatever wrote it) and pushes; A's timeline and My day show
    the call and its promise without a reload."""
    import datetime as dt
    import os
    import subprocess
    import sys

    mgr = office.start(customers=2)
    ana = office.join("ana")
    peer = Peer(ana.path, tmp_path / "peer.ini")
    try:
        window = open_window(mgr.path)
        qtbot.waitUntil(lambda: window.office.button.text().startswith("Synced"),
                        timeout=15000)
        cid, uid = uid_of("Given0")
        window.show_customer(cid)
        before = window.timeline.model.rowCount()
        due_before = window.today.due_count
        b_cid = peer.ask(op="cid", uid=uid)["cid"]
        today = dt.date.today().isoformat()
        done = subprocess.run(
            [sys.executable, "-m", "crmdesk", "log", "--db", str(ana.path), "--customer",
             str(b_cid), "--channel", "phone", "--direction", "in", "--note",
             "Asked to be called back about the «Peña» account", "--staff", "Ana",
             "--follow-up", "Call Mrs Peña back", "--due", today],
            capture_output=True, text=True, env=dict(os.environ), timeout=60)
        assert done.returncode == 0, done.stderr
        qtbot.waitUntil(lambda: window.timeline.model.rowCount() > before, timeout=20000)
        qtbot.waitUntil(lambda: window.today.due_count == due_before + 1, timeout=5000)
        assert window.profile.customer_id == cid  # still on the same customer
    finally:
        peer.close()
