"""The relationship canvas and the dashboards in the window, driven as a person would."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from crmdesk.services import settings
from tests.unit import canvas_book
from tests.unit.canvas_book import SCOPE


def _canvas(make_window):  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.analytics.canvas is None  # nothing built before it is looked at
    window.nav.setCurrentItem(window.analytics.nav_canvas)
    page = window.analytics.canvas
    assert page is not None
    page.wait()
    page.bar.set_scope(SCOPE)
    assert page.wait()
    return window, page


def test_canvas_shows_each_segment_and_opens_the_customers_behind_a_figure(
        qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    ids = canvas_book.build()
    window, page = _canvas(make_window)
    text = page.browser.toPlainText()
    assert "VIP clients prefer phone; 60% of our contacts with them are e-mail." in text
    assert "57.08 USD" in text and "median 14.0 h, p90 22.0 h" in text
    assert "33% kept on time of 3 due" in text
    assert [r.label for r in page.result.rows] == ["VIP", "Premium", "Standard"]
    page.browser.anchorClicked.emit(QUrl("seg0/channel/email"))
    assert page.wait()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.splitter)
    customers = window.customers
    qtbot.waitUntil(lambda: customers.model.rowCount() == 1)
    assert customers.model.id_at(0) == ids["lola"]
    assert "VIP · contacted on · E-mail" in customers.restriction_label.text()
    assert customers.restriction_bar.isVisible()
    customers.show_all_button.click()
    qtbot.waitUntil(lambda: customers.model.rowCount() == 4)
    assert not customers.restriction_bar.isVisible()


def test_canvas_follows_the_owner_filter_and_book_changes(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.services import interactions
    from crmdesk.services.interactions import InteractionData

    ids = canvas_book.build()
    window, page = _canvas(make_window)
    page.bar.owner.setCurrentIndex(page.bar.owner.findData("Eva"))
    assert page.wait()
    assert [r.label for r in page.result.rows] == ["VIP"]
    before = page.result.rows[0].interactions
    interactions.log(InteractionData(ids["bob"], "phone", "out", "Called", canvas_book.at(
        "2026-06-10T10:00"), ids["staff_Eva"], 15))
    runs = []
    page.run = lambda *a, _run=page.run, **k: (runs.append(1), _run(*a, **k))  # type: ignore[method-assign]
    for _ in range(3):  # changes in quick succession: one recomputation once they settle
        window.hub.interactions_changed.emit([ids["bob"]])
    qtbot.waitUntil(lambda: bool(runs), timeout=5000)
    assert page.wait()
    assert page.result.rows[0].interactions == before + 1 and len(runs) == 1


def test_dashboard_chart_hover_click_and_copy(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    ids = canvas_book.build()
    window = make_window()
    window.nav.setCurrentItem(window.analytics.nav_dashboard)
    page = window.analytics.dashboard
    page.wait()
    page.bar.set_scope(SCOPE)
    page.wait()
    page.tabs.setCurrentIndex(3)  # satisfaction and channels
    assert page.wait()
    card = next(c for c in page.charts() if c.view.chart and
                c.view.chart.key == "interactions_channel")
    view = card.view
    qtbot.waitUntil(lambda: bool(view.hits))  # drawn
    email = next(h for h in view.hits
                 if view.chart.categories[h.category][0] == "email")
    assert view.tooltip_for(email).startswith("E-mail: 4")
    centre = email.rect.center().toPoint()
    QTest.mouseMove(view, centre)
    qtbot.waitUntil(lambda: view.hover is not None)
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert page.wait()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.splitter)
    shown = {window.customers.model.id_at(r) for r in range(window.customers.model.rowCount())}
    assert shown == {ids["lola"], ids["carla"]}  # not Eve, who is forgotten
    view.copy_image()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() >= view.width()
    assert "E-mail 4" in view.accessibleDescription()


def test_keyboard_moves_between_points_and_enter_opens(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    canvas_book.build()
    window = make_window()
    window.nav.setCurrentItem(window.analytics.nav_dashboard)
    page = window.analytics.dashboard
    page.bar.set_scope(SCOPE)
    assert page.wait()
    view = page.charts()[0].view  # the funnel
    view.setFocus()
    qtbot.waitUntil(lambda: bool(view.hits))
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert view.selected == 0
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert page.wait()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.splitter)
    assert "Funnel" in window.customers.restriction_label.text()


def test_receptionist_is_not_offered_the_pages(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    canvas_book.build(passwords=True)
    canvas_book.sign_in("Rita")
    window = make_window()
    analytics = window.analytics
    assert analytics.nav_canvas.isDisabled() and analytics.nav_dashboard.isDisabled()
    assert not analytics.actions["canvas"].isEnabled()
    assert not analytics.actions["costs"].isEnabled()
    page = analytics.ensure_canvas()
    page.reload()
    assert "not for your role (receptionist)" in page.refused.text()
    assert page.result is None


def test_costs_dialog_saves_the_book_settings(qtbot, book, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    canvas_book.build()
    window, page = _canvas(make_window)

    def run(dialog) -> bool:  # type: ignore[no-untyped-def]
        dialog.costs["receptionist"].setValue(60)
        dialog.minutes["email"].setValue(15)
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr(window, "run_dialog", run)
    page.costs_button.click()
    prefs = settings.canvas_settings()
    assert prefs.hourly_cost_cents["receptionist"] == 6_000
    assert prefs.channel_minutes["email"] == 15
    qtbot.waitUntil(lambda: page.task is not None or page.result.rows[0].cost_cents == 7_000)
    assert page.wait()
    assert page.result.rows[0].cost_cents == 7_000  # recomputed with the new costs


def test_window_start_does_not_load_the_canvas(tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from crmdesk.store.book import open_book\n"
        "from crmdesk.ui.main_window import MainWindow\n"
        f"w = MainWindow(open_book(__import__('pathlib').Path({str(tmp_path / 'b.db')!r})))\n"
        "w.show(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.startswith('crmdesk.') and "
        "any(k in m for k in ('canvas', 'dashboard', 'charts', 'views.analytics'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
                               "CRMDESK_NO_AUTO_BACKUP": "1"}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_chart_draws_in_the_dark_palette(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QPalette

    from crmdesk.services.dashboard import Chart, Series
    from crmdesk.ui.charts import ChartView
    from crmdesk.ui.theme import _dark_palette

    view = ChartView()
    qtbot.addWidget(view)
    view.resize(400, 260)
    view.setPalette(_dark_palette())
    view.set_chart(Chart("x", "X", "bar", [("a", "A"), ("b", "B")],
                         [Series("n", "Contacts", [3.0, 5.0])]))
    image = view.grab().toImage()
    base = _dark_palette().color(QPalette.ColorRole.Base)
    assert QColor(image.pixel(QPoint(2, 2))) == base
    assert len(view.hits) == 2
    assert view.hits[1].rect.height() > view.hits[0].rect.height()


def test_dashboard_tab_is_remembered(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    canvas_book.build()
    window = make_window()
    window.nav.setCurrentItem(window.analytics.nav_dashboard)
    page = window.analytics.dashboard
    page.tabs.setCurrentIndex(4)
    assert page.wait()
    window.close()
    again = make_window()
    again.nav.setCurrentItem(again.analytics.nav_dashboard)
    assert again.analytics.dashboard.tabs.currentIndex() == 4
    assert again.analytics.dashboard.wait()
    assert again.analytics.dashboard.loaded.get("loyalty") is not None


def test_first_reading_of_the_log_shows_progress(qtbot, book, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from crmdesk.services import canvas_columns, demo, figures_cache

    demo.build_demo(40, seed=4)
    monkeypatch.setattr(canvas_columns, "CHUNK", 25)
    canvas_columns.clear()
    figures_cache.clear()
    window = make_window()
    page = window.analytics.ensure_dashboard()
    texts: list[str] = []
    status = page.bar.status
    status.setText = lambda text: (texts.append(text), QLabel.setText(status, text))  # type: ignore[method-assign]
    window.nav.setCurrentItem(window.analytics.nav_dashboard)
    assert page.wait()
    reading = [t for t in texts if t.startswith("Reading the book's history")]
    assert reading and reading[-1].endswith("100%")
    assert status.text() == "" and page.boards  # done: the charts are shown


def test_canvas_cards_follow_a_resize_made_on_another_page(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    canvas_book.build()
    window, page = _canvas(make_window)
    window.show()
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: page._columns == 2)
    window.nav.setCurrentItem(window.analytics.nav_dashboard)
    window.resize(1920, 1080)  # maximised while the dashboards are shown
    qtbot.wait(50)
    window.nav.setCurrentItem(window.analytics.nav_canvas)
    qtbot.waitUntil(lambda: page._columns == 4)  # the cards laid out again, four abreast
