"""The office book's menu items on a book that never joined a hub (no PostgreSQL needed)."""

from __future__ import annotations

from typing import Any

from crmdesk.services import access
from tests.conftest import office as office_staff


def test_make_office_book_is_for_managers_and_sync_items_wait_for_a_hub(
        book: Any, make_window: Any) -> None:
    office_staff()
    access.sign_in("Rita", "rita-secret-1")
    window = make_window()
    actions = window.office.actions
    assert not actions["make"].isEnabled()
    assert "Only a manager" in actions["make"].toolTip()
    assert actions["join"].isEnabled()
    for name in ("sync_now", "review", "settings", "hub_password"):
        assert not actions[name].isEnabled()
    assert not window.office.button.isVisible() and window.office.live is None
    access.sign_in("Marta", "marta-secret-1")
    window.apply_permissions()  # as switching user does
    assert actions["make"].isEnabled()
