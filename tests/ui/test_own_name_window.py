"""The window records under the signed-in person's own name (the rule is the service's)."""

from __future__ import annotations

import contextlib
import re

from crmdesk.services import access, interactions
from crmdesk.store.db import db
from crmdesk.ui.dialogs.interaction_dialogs import LogInteractionDialog
from tests.conftest import add, office

_office = office


def test_log_interaction_dialog_credits_only_the_receptionist(qtbot, book) -> None:  # type: ignore[no-untyped-def]
    ids = _office()
    carla = add("Carla", "Ruiz")
    access.sign_in("Rita", "rita-secret-1")
    dialog = LogInteractionDialog(carla, "Carla Ruiz", ids["Eva"])  # the toolbar said Eva
    qtbot.addWidget(dialog)
    assert dialog.staff.currentData() == ids["Rita"] and not dialog.staff.isEnabled()
    dialog.notes.setPlainText("Asked for Eva")
    # Even a combo forced to Eva (a stale window) does not get past the service.
    dialog.staff.setCurrentIndex(dialog.staff.findData(ids["Eva"]))
    dialog.save()
    assert dialog.result() == 0 and "only under their own name" in dialog.error.text()
    assert db.execute_sql("SELECT count(*) FROM interaction").fetchone()[0] == 0
    dialog.staff.setCurrentIndex(dialog.staff.findData(ids["Rita"]))
    dialog.save()
    assert dialog.saved is not None
    assert interactions.load(dialog.saved[0]).staff_id == ids["Rita"]
    access.reset()
    access.sign_in("Marta", "marta-secret-1")  # a manager may log a call for Eva
    boss = LogInteractionDialog(carla, "Carla Ruiz", ids["Eva"])
    qtbot.addWidget(boss)
    assert boss.staff.isEnabled() and boss.staff.currentData() == ids["Eva"]
    access.reset()


def test_sign_in_dialog_waits_as_the_service_says(qtbot, book) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from crmdesk.ui.dialogs.sign_in import SignInDialog

    _office()
    for n in range(4):  # four failures elsewhere (the command line, another window)
        with contextlib.suppress(access.SignInFailed):
            access.sign_in("Rita", f"wrong-{n}")
    dialog = SignInDialog("book.db")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.who.setCurrentText("Rita")
    qtbot.keyClicks(dialog.password, "wrong-again")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    # 30 s from the fifth failure, counted down as the dialog shows it (a loaded machine may
    # take a second between the failure and the text)
    assert re.search(r"try again in (29|30) seconds", dialog.error.text()), dialog.error.text()
    assert not dialog.buttons.isEnabled() and not access.current().signed_in
    failed = db.execute_sql("SELECT count(*) FROM audit_entry WHERE action = 'sign_in_failed'"
                            " AND who = 'Rita'").fetchone()[0]
    assert failed == 5


def test_the_receptionists_list_search_finds_nobody_through_a_hidden_company(  # type: ignore[no-untyped-def]
        qtbot, book, make_window) -> None:
    _office()
    lola = add("Lola", "Peña", relationship_type="exclusive", owner="Eva", company="Banco Sur")
    carla = add("Carla", "Ruiz", company="Banco Sur")
    access.sign_in("Rita", "rita-secret-1")
    window = make_window()
    model = window.customers.model

    def shown() -> list[int]:
        return [model.id_at(r) for r in range(model.rowCount())]

    qtbot.keyClicks(window.customers.search, "banco")
    qtbot.waitUntil(lambda: shown() == [carla])
    window.customers.search.clear()
    qtbot.keyClicks(window.customers.search, "lola")
    qtbot.waitUntil(lambda: shown() == [lola])
    access.reset()


def test_a_paused_sign_in_dialog_closed_early_leaves_no_timer_behind(qtbot, book) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from crmdesk.ui.dialogs.sign_in import SignInDialog

    _office()
    for n in range(5):
        with contextlib.suppress(access.SignInFailed):
            access.sign_in("Rita", f"wrong-{n}")
    access.PAUSE_SECONDS, before = 2, access.PAUSE_SECONDS
    try:
        dialog = SignInDialog("book.db")
        dialog.show()
        dialog.who.setCurrentText("Rita")
        qtbot.keyClicks(dialog.password, "wrong-again")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert not dialog.buttons.isEnabled()
        dialog.deleteLater()
        QApplication.processEvents()
        del dialog
        qtbot.wait(2_300)  # the pause ends after the dialog is gone: nothing is raised
    finally:
        access.PAUSE_SECONDS = before
