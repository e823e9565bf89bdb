"""The window's purchase dialog reads the amount with the same strict service parser."""

from __future__ import annotations

from crmdesk.store.db import db
from tests.conftest import add


def test_purchase_dialog_refuses_malformed_amounts(qtbot, book) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.dialogs.loyalty_dialogs import PurchaseDialog

    cid = add("Lola", "Peña")
    dialog = PurchaseDialog(cid, "Lola Peña", None)
    qtbot.addWidget(dialog)
    dialog.show()
    for text in ("1e5", "1,2,3", "1_000"):
        dialog.amount.setText(text)
        assert dialog.error.isVisible() and "not an amount" in dialog.error.text(), text
        dialog.save()
        assert dialog.isVisible() and dialog.outcome is None
    assert db.execute_sql("SELECT count(*) FROM purchase").fetchone()[0] == 0
    dialog.amount.setText("1.234,50")
    assert not dialog.error.isVisible() and "earns" in dialog.hint.text()
    dialog.save()
    assert dialog.outcome is not None
    assert db.execute_sql("SELECT amount_cents FROM purchase").fetchone()[0] == 1234_50
