"""The customer list's Last contact / Next follow-up columns, My clients, the empty search."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt

from crmdesk.services import interactions, staff
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.store.models import utcnow
from crmdesk.ui.models.customer_table import COLUMNS
from tests.conftest import add

LAST = next(i for i, c in enumerate(COLUMNS) if c[0] == "Last contact")
NEXT = next(i for i, c in enumerate(COLUMNS) if c[0] == "Next follow-up")


def _names(view) -> list[str]:  # type: ignore[no-untyped-def]
    return [view.model.index(r, 0).data() for r in range(view.model.rowCount())]


def _click_header(qtbot, view, column: int) -> None:  # type: ignore[no-untyped-def]
    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(column) + 10, 5))


def test_new_columns_show_beside_the_name_and_sort(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    a, b, c = add("Ann", "Never"), add("Ben", "Recent"), add("Cid", "Longago")
    interactions.log(InteractionData(b, "phone", "out", "x", utcnow() - dt.timedelta(days=1)))
    interactions.log(InteractionData(c, "phone", "out", "x", utcnow() - dt.timedelta(days=90)))
    interactions.add_follow_up(FollowUpData(c, "late", utcnow() - dt.timedelta(hours=1)))
    interactions.add_follow_up(FollowUpData(a, "later", utcnow() + dt.timedelta(days=9)))
    window = make_window()
    view = window.customers
    header = view.table.horizontalHeader()
    assert (header.visualIndex(LAST), header.visualIndex(NEXT)) == (1, 2)
    _click_header(qtbot, view, LAST)
    assert _names(view) == ["Never, Ann", "Longago, Cid", "Recent, Ben"]
    from crmdesk.ui import when

    assert view.model.index(1, LAST).data() == when.date_text(utcnow() - dt.timedelta(days=90))
    assert view.model.index(2, LAST).data() == "yesterday"  # relative where it helps
    _click_header(qtbot, view, LAST)
    assert _names(view) == ["Recent, Ben", "Longago, Cid", "Never, Ann"]
    _click_header(qtbot, view, NEXT)
    assert _names(view) == ["Longago, Cid", "Never, Ann", "Recent, Ben"]
    assert view.model.index(0, NEXT).data().startswith("overdue since ") or \
        view.model.index(0, NEXT).data() == "1 day overdue"
    assert view.model.index(2, NEXT).data() == ""
    # Logging a follow-up updates the column (the trigger keeps the figure).
    interactions.add_follow_up(FollowUpData(b, "now", utcnow() + dt.timedelta(minutes=30)))
    window.hub.interactions_changed.emit([b])
    window.hub.customers_changed.emit([b])
    assert _names(view)[1] == "Recent, Ben"


def test_my_clients_and_an_empty_search(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    staff.add("Ana Ruiz", "executive")
    add("Lola", "Peña", owner="Ana Ruiz")
    add("Bob", "Smith")
    window = make_window()
    view = window.customers
    view.mine.setChecked(True)  # nobody chosen under You: yet
    assert not view.mine.isChecked() and "You:" in view.mine.toolTip()
    window.user_combo.setCurrentIndex(window.user_combo.findText("Ana Ruiz"))
    view.mine.setChecked(True)
    assert _names(view) == ["Peña, Lola"] and view.owner.currentData() == "Ana Ruiz"
    qtbot.keyClicks(view.search, "smith")
    assert view.model.rowCount() == 0
    assert view.no_match_bar.isVisible()
    assert view.no_match.text() == "No customers on the list match “smith”, owner Ana Ruiz."
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 2 and not view.mine.isChecked()
    assert not view.no_match_bar.isVisible() and view.search.text() == ""
