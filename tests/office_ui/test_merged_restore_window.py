"""The window passes through the same rule as every caller: in an office book a
merged-away customer stays in the Trash (Restore says why in one line, nothing changes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crmdesk.services import customers, duplicates
from crmdesk.store.db import db
from tests.office_ui.kit import uid_of


def test_restore_of_a_merged_away_customer_is_refused_in_the_window(
        office: Any, tmp_path: Path, qtbot: Any, open_window: Any) -> None:
    mgr = office.start(customers=2)
    with mgr:
        keep, _ = uid_of("Given0")
        other, _ = uid_of("Given1")
        duplicates.merge(keep, other, duplicates.merged_profile(customers.load(keep),
                                                                customers.load(other)))
    window = open_window(mgr.path)
    window.nav.setCurrentItem(window.nav_trash)
    qtbot.waitUntil(lambda: window.trash.select_id(other))
    window.restore_selected()
    assert "merged into Given0" in window.last_error
    assert db.execute_sql("SELECT archived_at FROM customer WHERE id = ?",
                          (other,)).fetchone()[0] is not None
    assert window.undo_stack.count() == 0  # nothing to undo: nothing was done
