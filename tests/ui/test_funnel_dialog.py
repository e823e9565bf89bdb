"""View ▸ Funnel Report shows the same cohort as the service and the CLI."""

from __future__ import annotations

from PySide6.QtCore import QDate

from tests.unit.test_funnel import _hand_made_book


def test_funnel_dialog_counts_the_cohort(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    _hand_made_book()
    window = make_window()
    window.actions["funnel"].trigger()
    dialog = window.last_dialog
    dialog.since.setDate(QDate(2026, 3, 1))
    dialog.until.setDate(QDate(2026, 3, 30))
    model = dialog.model
    rows = {model.index(r, 0).data(): [model.index(r, c).data() for c in range(1, 4)]
            for r in range(model.rowCount())}
    assert rows["Knowledge"] == ["2", "2", "100%"]
    assert rows["Acquisition"] == ["5", "2", "40%"]
    assert rows["Conversion"] == ["3", "0", "0%"]
    assert rows["Growth"] == ["0", "0", "—"]
    dialog.close()
