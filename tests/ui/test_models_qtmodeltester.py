"""Every list and table model of the window passes pytest-qt's qtmodeltester: the models
behind each page (found by walking the window after every page was shown, so a page added
later is checked too), the loyalty tab's ledger and purchases, and the import preview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView

from crmdesk.services import interactions, lifecycle, loyalty_ledger
from crmdesk.services.interactions import InteractionData
from crmdesk.store.models import utcnow
from tests.conftest import add


def _book_with_everything() -> list[int]:
    ids = [add(f"Ana{i}", "Ruiz", emails=(f"ana{i}@example.es",), phones=("+34 612 345 678",),
               company="Peña & Hijos", tags=["golf"], stage=["knowledge", "growth"][i % 2])
           for i in range(30)]
    for n, cid in enumerate(ids[:12]):
        interactions.log(InteractionData(cid, "phone", "out", f"Call {n}",
                                         utcnow() - dt.timedelta(hours=n)))
        loyalty_ledger.record_purchase(cid, (n + 1) * 10_00, description=f"Dinner {n}")
    lifecycle.move([ids[0]], "retention", reason="Bench")
    return ids


def test_every_model_of_the_window_passes(qtbot, qtmodeltester, book, make_window) -> None:  # type: ignore[no-untyped-def]
    ids = _book_with_everything()
    window = make_window()
    window.show_customer(ids[0])  # the detail tabs: summary, profile, timeline, loyalty
    window.customers.search.setText("ana")
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 30)
    for i in range(window.nav.topLevelItemCount()):
        item = window.nav.topLevelItem(i)
        if not item.isDisabled():
            window.nav.setCurrentItem(item)
    window.show_customer(ids[1])
    # the models the window owns, and those of its views (a view's model may have no parent)
    found = [*window.findChildren(QAbstractItemModel),
             *(view.model() for view in window.findChildren(QAbstractItemView))]
    models = list({id(m): m for m in found
                   if m is not None and type(m).__module__.startswith("crmdesk.")}.values())
    names = {type(m).__name__ for m in models}
    # the customer list and Trash, the board's columns, the timeline, the interaction log,
    # the loyalty ledger and purchases
    assert {"CustomerTableModel", "ColumnModel", "TimelineModel", "InteractionTableModel",
            "RowsModel"} <= names, names
    checked = 0
    for model in models:
        qtmodeltester.check(model)
        checked += 1
    assert checked >= 10
    loyalty = window.loyalty
    assert loyalty.ledger_model.rowCount() >= 1 and loyalty.purchase_model.rowCount() == 1


def test_the_import_preview_passes_qtmodeltester(qtmodeltester, book, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.services.importing import contact_import, files
    from crmdesk.ui.dialogs.import_dialog import PreviewModel

    add("Ana", "Ruiz", emails=("ana@example.es",))
    raw = (b"First Name,Last Name,E-mail 1 - Value\nAna,Ruiz,ana@example.es\n"
           b"Ben,Bravo,not an address\nCleo,Castro,cleo@example.es\n")
    read = files.read_bytes(raw, tmp_path / "contacts.csv")
    plan = contact_import.plan(read.contacts, "contacts.csv", "US")
    model = PreviewModel()
    model.set_plan(plan)
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    for show in ("new", "warnings", "all"):
        model.set_plan(plan, show)
        qtmodeltester.check(model)
    model.set_plan(None)
    qtmodeltester.check(model)
