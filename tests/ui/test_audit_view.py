"""The audit trail in the window: profiles shown are recorded once per person and customer,
and the Audit Trail dialog lists, filters and verifies."""

from __future__ import annotations

from crmdesk.services import audit, staff
from tests.conftest import add


def test_views_are_recorded_and_the_dialog_verifies(qtbot, book, make_window, drive) -> None:  # type: ignore[no-untyped-def]
    eve = staff.add("Eve Okafor", "receptionist")
    ana = add("Ana", "Ruiz")
    ben = add("Ben", "Carter")
    window = make_window()
    window.user_combo.setCurrentIndex(window.user_combo.findData(eve))
    window.show_customer(ana)
    window.show_customer(ben)
    window.show_customer(ana)  # again within ten minutes: not a new entry
    views = [(e.who, e.customer_id) for e in audit.entries() if e.action == "view"]
    assert sorted(views) == [("Eve Okafor", ana), ("Eve Okafor", ben)]

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.customer.value() == ana  # opened on the customer shown
        assert dialog.table.rowCount() == 2   # created, viewed
        assert dialog.table.item(0, 1).text() == "Eve Okafor"
        assert dialog.table.item(0, 2).text() == "Viewed"
        dialog.customer.setValue(0)
        assert dialog.table.rowCount() == 4
        dialog.person.setCurrentIndex(dialog.person.findData("Eve Okafor"))
        assert dialog.table.rowCount() == 2
        dialog.verify()
        assert dialog.verdict.text().startswith("The trail is intact: 4 entries")
        dialog.accept()

    drive.append(look)
    qtbot.wait(400)  # let the list's deferred selection work finish before a dialog opens
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.actions["audit"].trigger()
