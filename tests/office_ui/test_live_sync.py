"""Two windows on two books synced through one real hub (the test PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from tests.office_ui.kit import Peer, uid_of, window_on


def test_an_edit_in_one_window_shows_in_the_other(office: Any, tmp_path: Path, qtbot: Any,
                                                  qsettings: QSettings) -> None:
    mgr = office.start(customers=2)
    ana = office.join("ana")
    peer = Peer(ana.path, tmp_path / "peer.ini")
    try:
        window = window_on(qtbot, mgr.path, qsettings)
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
