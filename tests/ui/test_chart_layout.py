"""How the dashboard's charts lay out their labels, and what Copy as Image gives."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QGuiApplication, QPalette

from crmdesk.services.dashboard import Chart, Series
from crmdesk.ui import charts
from crmdesk.ui.charts import ChartView, category_layout

CHANNELS = [("in_person", "In person"), ("phone", "Phone"), ("email", "E-mail"),
            ("sms", "SMS / messaging"), ("video", "Video call"),
            ("portal", "Self-service portal"), ("letter", "Letter")]


def _view(qtbot, width: int, chart: Chart) -> ChartView:  # type: ignore[no-untyped-def]
    view = ChartView()
    qtbot.addWidget(view)
    view.resize(width, 300)
    view.set_chart(chart)
    view.grab()
    return view


def test_long_labels_wrap_onto_two_lines_before_any_is_left_out(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, 420, Chart("c", "Contacts", "bar", CHANNELS,
                                   [Series("n", "Contacts", [5, 4, 3, 2, 1, 2, 3])]))
    fm = QFontMetrics(view.font())
    labels = [label for _k, label in CHANNELS]
    wide = fm.horizontalAdvance("Self-service portal") + 10
    assert category_layout(fm, labels, wide) == (1, 1)
    half = fm.horizontalAdvance("Self-service") + 10  # "portal" goes to a second line
    assert category_layout(fm, labels, half) == (2, 1)
    # too narrow even wrapped: slanted, every label while they do not touch
    assert category_layout(fm, labels, fm.horizontalAdvance("Self") + 8) == (0, 1)
    lines, every = category_layout(fm, labels, 6)
    assert lines == 0 and every > 1
    view.resize(300, 300)  # drawn slanted: the bars keep their clicks
    view.grab()
    assert len(view.hits) == 7
    assert charts.slanted_height(fm, labels) < charts.SLANT_MAX_PX


def test_axis_labels_carry_hours_and_days(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert charts._axis_format(10, "h") == "10 h"
    assert charts._axis_format(0, "h") == "0"
    assert charts._axis_format(2.5, "days") == "2.5 d"
    assert charts._axis_format(1_500_000, "money") == "15 k"
    assert charts._axis_format(12, "") == "12"


def test_copy_as_image_has_the_title_and_keeps_the_points_for_the_mouse(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, 500, Chart("c", "Contacts by channel", "bar", CHANNELS[:3],
                                   [Series("n", "Contacts", [5, 4, 3])]))
    before = [h.rect for h in view.hits]
    view.copy_image()
    image = QGuiApplication.clipboard().image()
    assert image.height() > 2 * view.height()  # twice the size, and the title above
    assert [h.rect for h in view.hits] == before
    # the title's row is painted in the chart's base colour, with text on it
    base = view.palette().color(QPalette.ColorRole.Base).rgb()
    row = [image.pixel(x, 18) for x in range(0, 400)]
    assert row[0] == base and any(p != base for p in row)


def test_two_line_labels_break_alike(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, 400, Chart("m", "Months", "bar", [("a", "Dec 2025")],
                                   [Series("n", "N", [1])]))
    fm = QFontMetrics(view.font())
    assert charts.balanced(fm, "Dec 2025", 200) == "Dec\n2025"
    assert charts.balanced(fm, "Self-service portal", fm.horizontalAdvance("Self-service")
                           + 1) == "Self-service\nportal"
    assert charts.balanced(fm, "Self-service portal", 5) == "Self-service portal"


def test_dashboard_charts_stop_growing_on_a_large_screen(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    from tests.unit import canvas_book
    from tests.unit.canvas_book import SCOPE

    canvas_book.build()
    window = make_window()
    window.resize(1920, 1080)
    window.nav.setCurrentItem(window.analytics.nav_dashboard)
    page = window.analytics.dashboard
    page.bar.set_scope(SCOPE)
    page.tabs.setCurrentIndex(1)  # promises: two charts
    assert page.wait()
    window.show()
    qtbot.waitUntil(lambda: bool(page.cards["promises"]) and
                    page.cards["promises"][0].height() > 280)
    cards = page.cards["promises"]
    assert all(280 <= c.height() <= page.CARD_MAX_HEIGHT for c in cards)


def test_a_lone_bar_stays_a_bar(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, 900, Chart("r", "Top rewards", "bar", [("p", "Priority appointment")],
                                   [Series("n", "Redemptions", [300])]))
    (hit,) = view.hits
    assert hit.rect.width() <= charts.MAX_BAR_PX
    grouped = _view(qtbot, 900, Chart("g", "Two", "bar", [("a", "A")],
                                      [Series("x", "X", [2]), Series("y", "Y", [3])]))
    left, right = grouped.hits
    assert left.rect.right() <= right.rect.left() and right.rect.width() <= charts.MAX_BAR_PX


def test_dashboard_fits_a_small_screen_without_sideways_scrolling(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    from tests.unit import canvas_book
    from tests.unit.canvas_book import SCOPE

    canvas_book.build()
    window = make_window()
    window.resize(1024, 600)
    window.show()
    window.nav.setCurrentItem(window.analytics.nav_dashboard)
    page = window.analytics.dashboard
    page.bar.set_scope(SCOPE)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert page.wait()
        qtbot.wait(20)
        scroll = page.tabs.currentWidget()
        assert scroll.horizontalScrollBar().maximum() == 0, page.tabs.tabText(index)


def test_every_series_colour_stands_out_from_the_background(qtbot) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.theme import _dark_palette

    def luminance(c) -> float:  # type: ignore[no-untyped-def]
        def part(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * part(c.redF()) + 0.7152 * part(c.greenF()) + 0.0722 * part(c.blueF())

    series = [Series(f"s{i}", f"S{i}", [1]) for i in range(8)]
    view = _view(qtbot, 400, Chart("c", "C", "line", [("a", "A")], series))
    for palette in (view.palette(), _dark_palette()):
        view.setPalette(palette)
        base = luminance(palette.color(QPalette.ColorRole.Base))
        for i in range(8):
            fg = luminance(view.colour(i))
            ratio = (max(fg, base) + 0.05) / (min(fg, base) + 0.05)
            assert ratio >= 2.0, (i, view.colour(i).name(), ratio)
