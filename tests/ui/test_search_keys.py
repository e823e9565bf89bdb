"""The search box as a new user tries it: best match first, Down into the list, Enter opens
the first hit, Esc clears, "Did you mean …?" with one key to accept, the sort choice."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crmdesk.services import demo
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.ui.models.customer_table import FIRST_PAGE, CustomerTableModel
from tests.conftest import add


def _names(view) -> list[str]:  # type: ignore[no-untyped-def]
    model = view.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _seed() -> dict[str, int]:
    ids = {f"staff{i}": add(given, "Abad", company="Peña & Hijos S.L.")
           for i, given in enumerate(["Aaron", "Abel", "Adela"])}
    ids["dolores"] = add("Dolores", "Díaz", preferred_name="Lola", company="Peña & Hijos")
    ids["lola"] = add("Lola", "Peña", emails=("lola@example.com",))
    ids["zoe"] = add("Zoe", "Peñalba")
    return ids


def test_best_match_first_then_a_column_sort(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    _seed()
    window = make_window()
    view = window.customers
    assert view.order.currentText() == "Best match"
    qtbot.keyClicks(view.search, "pena")
    assert _names(view)[:2] == ["Peña, Lola", "Peñalba, Zoe"]
    qtbot.keyClicks(view.search, " ")
    view.search.setText("lola pena")
    assert _names(view)[:2] == ["Peña, Lola", "Díaz, Dolores"]
    view.order.setCurrentIndex(view.order.findData("name"))
    assert _names(view) == ["Díaz, Dolores", "Peña, Lola"]
    assert view.table.horizontalHeader().sortIndicatorSection() == 0
    view.order.setCurrentIndex(view.order.findData("relevance"))
    assert _names(view)[0] == "Peña, Lola"
    assert view.table.horizontalHeader().sortIndicatorSection() == -1


def test_down_enters_the_list_enter_opens_the_first_esc_clears(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    ids = _seed()
    window = make_window()
    window.show()
    view = window.customers
    view.search.setFocus()
    qtbot.keyClicks(view.search, "pena")
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.table.hasFocus()
    assert view.current_id() == ids["lola"]
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.current_id() == ids["zoe"]
    view.search.setFocus()
    view.search.setText("lola pena")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert window.profile.customer_id == ids["lola"]
    assert window.profile.given.hasFocus()
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == ""
    assert view.model.rowCount() == 6


def test_did_you_mean_and_enter_accepts_it(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    ids = _seed()
    window = make_window()
    window.show()
    view = window.customers
    view.search.setFocus()
    qtbot.keyClicks(view.search, "penalva")
    assert view.model.rowCount() == 0
    assert not view.suggestion.isVisible()  # the list is repainted first...
    qtbot.waitUntil(view.suggestion.isVisible)  # ...the suggestion comes right after
    assert "Peñalba" in view.suggestion.text()
    qtbot.keyClick(view.search, Qt.Key.Key_Return)  # one key accepts it
    assert view.search.text() == "Peñalba"
    assert view.model.rowCount() == 1 and view.model.id_at(0) == ids["zoe"]
    assert not view.suggestion.isVisible()
    # a name with markup is shown as text in the suggestion, never as markup
    add("Zoë", "<b>Ñandú</b>")
    view.search.setText("nandi")
    qtbot.waitUntil(view.suggestion.isVisible)
    assert "<b>" not in view.suggestion.text().replace("&lt;b&gt;", "")
    view.search.setText("xqzwv")
    assert not view.suggestion.isVisible()  # what was offered for another text goes at once
    qtbot.wait(50)
    assert not view.suggestion.isVisible()
    # Enter right after typing takes the suggestion even before it is shown
    view.search.setText("penalva")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.search.text() == "Peñalba"


def test_ranked_broad_search_first_page_then_the_rest(qtbot, qtmodeltester, book) -> None:  # type: ignore[no-untyped-def]
    # Enough customers that "a" has more hits than the first-page threshold (some 70 % of
    # demo clients have a word starting with "a").
    demo.build_demo(3400, seed=3)
    from crmdesk.services import customer_query
    assert customer_query.text_only_count(CustomerFilter(text="a"), 3400) > \
        customer_query.FIRST_PAGE_THRESHOLD
    model = CustomerTableModel(CustomerFilter(text="a"))
    model.reload()
    qtmodeltester.check(model)
    assert not model.complete and len(model._ids) == FIRST_PAGE
    first = list(model._ids)
    with qtbot.waitSignal(model.completed, timeout=10_000):
        pass
    assert model.complete and model._ids[:FIRST_PAGE] == first
    from crmdesk.services.customer_query import customer_ids
    assert model._ids == customer_ids(CustomerFilter(text="a"))
    qtmodeltester.check(model)


def test_matched_words_are_marked_accent_insensitively() -> None:
    from crmdesk.ui.widgets.highlight import matched_spans

    assert matched_spans("Peña, Lola", ["pena"]) == [(0, 4)]
    assert matched_spans("Peña, Lola", ["lo", "pe"]) == [(0, 2), (6, 8)]
    assert matched_spans("Straße Nord", ["strass"]) == [(0, 5)]
    assert matched_spans("Ana", ["pena"]) == []
    assert matched_spans("+1 905-555-1234", [], "5551") == [(7, 12)]
    assert matched_spans("+1 905-555-1234", [], "777") == []


def test_the_matched_email_and_phone_are_shown_and_drawn(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    add("Lola", "Peña", emails=("lola@home.example", "l.pena@work-mail.example"),
        phones=("+1 905-555-1234", "+1 416-777-8899"))
    window = make_window()
    window.resize(1200, 500)
    window.show()
    view = window.customers
    email_col = next(i for i, c in enumerate(view.model.headerData(i, Qt.Orientation.Horizontal)
                                              for i in range(view.model.columnCount()))
                     if c == "E-mail")
    phone_col = email_col + 1
    view.search.setText("work")
    assert view.model.index(0, email_col).data() == "l.pena@work-mail.example"
    view.search.setText("lola")
    assert view.model.index(0, email_col).data() == "lola@home.example"
    view.search.setText("777 88")
    assert "777" in view.model.index(0, phone_col).data()
    view.search.setText("l.pena@w")
    assert view.model.index(0, email_col).data() == "l.pena@work-mail.example"
    # the delegate draws the marked cells (and plain ones) without error
    image = QImage(view.table.viewport().size(), QImage.Format.Format_ARGB32)
    view.search.setText("pena")
    view.table.selectRow(0)
    view.table.viewport().render(image)
    assert view.highlight.words == ["pena"]


def test_the_list_reads_the_name_order_in_a_worker_and_sorts_by_it(  # type: ignore[no-untyped-def]
        qtbot, book, make_window) -> None:
    """Once the window has read the name order (a worker, after start-up and after a name
    changed), a search by phone digits lists its hits in name order from memory; a rename
    is listed at its new place at once (SQL answers until the order is read again)."""
    from crmdesk.services import customers, name_order

    name_order.forget()
    ids = [add(given, family, phones=(f"+1 905-555-{1000 + n}",))
           for n, (given, family) in enumerate([("Zoe", "Zapata"), ("Ana", "Abad"),
                                                ("Mia", "Moreno"), ("Bo", "Baker")])]
    window = make_window()
    view = window.customers
    view.search.setText("905 555")
    qtbot.waitUntil(lambda: name_order.places() is not None, timeout=10_000)
    view.search.setText("")
    view.search.setText("905 555")
    assert _names(view) == ["Abad, Ana", "Baker, Bo", "Moreno, Mia", "Zapata, Zoe"]
    data = customers.load(ids[0])
    data.family_name = "Aalto"
    customers.update(ids[0], data, "US")
    assert name_order.places() is None
    view.search.setText("905 5551")
    view.search.setText("905 555")
    assert _names(view)[0] == "Aalto, Zoe"
    qtbot.waitUntil(lambda: name_order.places() is not None, timeout=10_000)
    view.search.setText("905 5551")
    view.search.setText("905 555")
    assert _names(view) == ["Aalto, Zoe", "Abad, Ana", "Baker, Bo", "Moreno, Mia"]
