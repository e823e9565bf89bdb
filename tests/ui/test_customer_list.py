"""The customer list driven as a person would: typing, filtering, sorting, saved views."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QInputDialog

from crmdesk.services import customer_query, demo
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.ui.models.customer_table import CustomerTableModel
from tests.conftest import add


def _names(view) -> list[str]:  # type: ignore[no-untyped-def]
    model = view.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester, book) -> None:  # type: ignore[no-untyped-def]
    demo.build_demo(450, seed=2)
    model = CustomerTableModel(CustomerFilter())
    model.reload()
    qtmodeltester.check(model)
    model.set_filter(CustomerFilter(text="pe", segment="VIP"))
    qtmodeltester.check(model)


def test_model_fetches_rows_in_blocks_not_all(book) -> None:  # type: ignore[no-untyped-def]
    demo.build_demo(1000, seed=2)
    model = CustomerTableModel(CustomerFilter())
    model.reload()
    assert model.rowCount() == 1000
    assert len(model._cache) == 0
    model.index(950, 0).data()
    assert 0 < len(model._cache) <= 200


def test_typing_in_search_filters_rows_and_count(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    demo.build_demo(300, seed=4)
    lola = add("Dolores", "Peñalver", preferred_name="Lola", phones=("+1 905-555-1234",))
    window = make_window()
    view = window.customers
    assert view.count_label.text() == "301 customers"
    qtbot.keyClicks(view.search, "penalv")  # accents are folded
    assert _names(view) == ["Peñalver, Dolores"]
    assert view.count_label.text() == "1 of 301 customers"
    view.search.clear()
    qtbot.keyClicks(view.search, "5551")
    assert lola in [view.model.id_at(r) for r in range(view.model.rowCount())]
    assert view.model.rowCount() == len(customer_query.customer_ids(CustomerFilter(text="5551")))
    view.search.clear()
    assert view.model.rowCount() == 301


def test_ctrl_f_focuses_search(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.customers.table.setFocus()
    qtbot.keyClick(window.customers.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.customers.search.hasFocus()


def test_filters_and_header_sort(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    add("Ana", "Zapata", segment="VIP", stage="growth", owner="Ben Carter", tags=["golf"])
    add("Berta", "Alba", segment="VIP", stage="knowledge")
    add("Carla", "Mora", segment="Standard", stage="growth", tags=["golf"])
    window = make_window()
    view = window.customers
    view.segment.setCurrentIndex(view.segment.findData("VIP"))
    assert _names(view) == ["Alba, Berta", "Zapata, Ana"]
    view.stage.setCurrentIndex(view.stage.findData("growth"))
    assert _names(view) == ["Zapata, Ana"]
    view.segment.setCurrentIndex(0)
    view.tag.setCurrentIndex(view.tag.findData("golf"))
    assert _names(view) == ["Mora, Carla", "Zapata, Ana"]
    view.stage.setCurrentIndex(0)
    view.tag.setCurrentIndex(0)
    view.owner.setCurrentIndex(view.owner.findData("Ben Carter"))
    assert _names(view) == ["Zapata, Ana"]
    view.owner.setCurrentIndex(0)
    header = view.table.horizontalHeader()
    # Best match first by default (no column sorted); a first click sorts by name, a second
    # click reverses it.
    assert header.sortIndicatorSection() == -1 and view.order.currentData() == "relevance"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 10, 5))
    assert view.order.currentData() == "name"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 10, 5))
    assert _names(view) == ["Zapata, Ana", "Mora, Carla", "Alba, Berta"]
    stage_col = 5
    view.table.sortByColumn(stage_col, Qt.SortOrder.AscendingOrder)
    assert _names(view)[0] == "Alba, Berta"


def test_saved_view_from_nav_pane(qtbot, book, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add("Ana", "Zapata", segment="VIP")
    add("Carla", "Mora", segment="Standard")
    window = make_window()
    view = window.customers
    view.segment.setCurrentIndex(view.segment.findData("VIP"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("My VIPs", True))
    window.actions["save_view"].trigger()
    assert window.nav_customers.childCount() == 1
    view.segment.setCurrentIndex(0)
    assert view.model.rowCount() == 2
    window.nav.setCurrentItem(window.nav_customers.child(0))
    assert view.segment.currentData() == "VIP"
    assert _names(view) == ["Zapata, Ana"]
    window.actions["delete_view"].trigger()
    assert window.nav_customers.childCount() == 0


def test_broad_search_shows_first_page_then_the_rest(qtbot, qtmodeltester, book, make_window,
                                                     monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.models import customer_table

    demo.build_demo(400, seed=6)
    monkeypatch.setattr(customer_query, "FIRST_PAGE_THRESHOLD", 20)
    monkeypatch.setattr(customer_table, "FIRST_PAGE", 7)
    window = make_window()
    view = window.customers
    expected = customer_query.customer_ids(CustomerFilter(text="a"))
    assert len(expected) > 20
    qtbot.keyClicks(view.search, "a")
    model = view.model
    assert model.rowCount() == len(expected)  # the exact count at once
    assert not model.complete and model._ids == expected[:7]
    assert view.count_label.text() == f"{len(expected)} of 400 customers"
    qtmodeltester.check(model)
    qtbot.waitUntil(lambda: model.complete, timeout=5000)
    assert [model.id_at(r) for r in range(model.rowCount())] == expected
    assert model.index(len(expected) - 1, 0).data()  # rows past the first page show data


def test_row_past_first_page_is_fetched_on_demand(book, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.models import customer_table

    demo.build_demo(300, seed=6)
    monkeypatch.setattr(customer_query, "FIRST_PAGE_THRESHOLD", 20)
    monkeypatch.setattr(customer_table, "FIRST_PAGE", 5)
    monkeypatch.setattr(customer_table.workers, "start", lambda task: task)  # never runs
    model = CustomerTableModel(CustomerFilter(text="e"))
    model.reload()
    expected = customer_query.customer_ids(CustomerFilter(text="e"))
    assert not model.complete
    assert model.index(len(expected) - 1, 0).data(customer_table.ID_ROLE) == expected[-1]
    assert model.complete


def test_esc_in_search_clears_it(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    add("Ana", "Zapata")
    add("Carla", "Mora")
    window = make_window()
    view = window.customers
    view.search.setFocus()
    qtbot.keyClicks(view.search, "zap")
    assert view.model.rowCount() == 1
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == "" and view.model.rowCount() == 2


def test_consent_combo_in_the_list(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    from tests.unit.test_consent import _people

    ana, _ben, _cleo = _people()
    window = make_window()
    combo = window.customers.consent
    combo.setCurrentIndex(combo.findData("email"))
    model = window.customers.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.id_at(0) == ana and window.customers.current_filter().consent == "email"
