"""A manager reads the office's audit trail from the window's audit dialog: every device's
entries and the verdict on each chain, read off the GUI thread; anyone else is told why."""

from __future__ import annotations

from typing import Any

from crmdesk.services import customers
from crmdesk.store.db import db


def test_the_office_trail_in_the_audit_dialog(office: Any, qtbot: Any,
                                              open_window: Any) -> None:
    from crmdesk.ui.dialogs.audit_dialog import AuditDialog

    mgr = office.start(customers=2)
    ana = office.join("ana")
    with ana:
        cid = int(db.execute_sql("SELECT id FROM customer WHERE family_name = 'Family0'"
                                 ).fetchone()[0])
        data = customers.load(cid)
        data.notes = "Ana called"
        customers.update(cid, data, "US")
    ana.sync()
    mgr.sync()
    window = open_window(mgr.path)
    dialog = AuditDialog(None, window)
    qtbot.addWidget(dialog)
    assert dialog.office_button.isVisibleTo(dialog)
    dialog.office_button.click()
    qtbot.waitUntil(lambda: "intact" in dialog.verdict.text(), timeout=15000)
    assert "2 devices" in dialog.verdict.text()
    rows = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert rows and all(" on " in text for text in rows)  # who, on which device
    assert len(rows) >= 2  # the entries of both devices
    whats = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert "Given0 Family0" in whats
    dialog.close()


def test_the_office_trail_is_refused_to_an_executive(office: Any, qtbot: Any,
                                                      open_window: Any) -> None:
    from crmdesk.ui.dialogs.audit_dialog import AuditDialog

    office.start(customers=1)
    ana = office.join("ana")
    window = open_window(ana.path)
    dialog = AuditDialog(None, window)
    qtbot.addWidget(dialog)
    dialog.office_button.click()
    qtbot.waitUntil(lambda: "could not be read" in dialog.verdict.text(), timeout=15000)
    assert "only a manager" in dialog.verdict.text()
    assert dialog.office_button.isEnabled()
    dialog.close()
