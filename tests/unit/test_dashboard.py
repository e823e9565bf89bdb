"""The dashboards' figures on the hand-made book (tests/unit/canvas_book.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crmdesk.services import dashboard
from crmdesk.services.access import AccessDenied
from crmdesk.services.canvas import Scope
from crmdesk.store.book import Book
from crmdesk.store.db import close_database
from tests.unit import canvas_book
from tests.unit.canvas_book import NOW, SCOPE
from tests.unit.test_canvas import _cli


def _values(chart: dashboard.Chart) -> dict[str, dict[str, float | None]]:
    """{series key: {category key: value}}, leaving out empty points."""
    return {s.key: {k: v for (k, _), v in zip(chart.categories, s.values, strict=True)
                    if v not in (None, 0)} for s in chart.series}


@pytest.fixture
def board(book: Book) -> dashboard.Dashboard:
    canvas_book.build()
    return dashboard.compute(SCOPE, NOW)


def test_funnel_entries_exits_and_days(board: dashboard.Dashboard) -> None:
    assert _values(board.chart("funnel"))["entered"] == _values(
        board.chart("stage_flows"))["entered"]
    funnel = _values(board.chart("stage_flows"))
    assert funnel["entered"] == {"conversion": 1, "retention": 1, "reactivation": 1}
    assert funnel["exited"] == {"acquisition": 1, "reactivation": 1, "growth": 1}
    assert funnel["moved_on"] == {"acquisition": 1}  # growth → reactivation skips a stage
    assert _values(board.chart("stage_days"))["median_days"] == {
        "acquisition": 26.0, "reactivation": 184.0, "growth": 170.0}
    trend = _values(board.chart("funnel_trend"))
    assert trend["conversion"] == {"2026-02": 1} and trend["reactivation"] == {"2026-03": 1}
    assert [k for k, _ in board.chart("funnel_trend").categories] == [
        "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]


def test_promises_per_person_and_month(board: dashboard.Dashboard) -> None:
    person = _values(board.chart("promises_person"))
    assert person["kept_on_time"] == {"Marta": 1}
    assert person["kept_late"] == {"Eva": 1} and person["overdue"] == {"Eva": 1}
    month = _values(board.chart("promises_month"))
    assert month == {"kept_on_time": {"2026-04": 1}, "kept_late": {"2026-03": 1},
                     "overdue": {"2026-06": 1}, "open": {}}
    assert "33% of those that fell due were kept on time" in board.chart(
        "promises_person").note


def test_response_times_by_channel_staff_and_target(board: dashboard.Dashboard) -> None:
    assert _values(board.chart("response_channel")) == {
        "median": {"email": 4.0, "phone": 24.0}, "p90": {"email": 4.0, "phone": 24.0}}
    assert _values(board.chart("response_channel_month")) == {
        "email": {"2026-03": 4.0}, "phone": {"2026-04": 24.0}}
    assert _values(board.chart("response_staff")) == {
        "Eva": {"2026-03": 4.0}, "Marta": {"2026-04": 24.0}}
    target = board.chart("response_target")
    assert target.series[0].values[:4] == [None, 0.0, 1.0, 1.0]  # Carla waits in February
    assert target.note.startswith("2 of 3 inbound contacts answered within 24 h")


def test_satisfaction_and_contacts(board: dashboard.Dashboard) -> None:
    assert _values(board.chart("satisfaction_month"))["satisfaction"] == {
        "2026-02": 3.0, "2026-03": 4.5, "2026-04": 5.0, "2026-05": 2.0}
    assert _values(board.chart("satisfaction_channel"))["satisfaction"] == {
        "email": 3.0, "phone": 5.0}
    assert _values(board.chart("interactions_channel"))["contacts"] == {
        "in_person": 1, "phone": 4, "email": 4}
    assert _values(board.chart("interactions_relationship"))["contacts"] == {
        "personal": 4, "exclusive": 4, "self_service": 1}


def test_loyalty_flows_tiers_and_liability(board: dashboard.Dashboard) -> None:
    points = _values(board.chart("points_month"))
    assert points["issued"] == {"2026-02": 300, "2026-03": 1000}  # Eve's stay counted
    assert _values(board.chart("tier_mix"))["customers"] == {"Member": 3, "Silver": 1}
    assert "Points outstanding 1,050 × 1 ¢ = liability 10.50 USD" in board.chart(
        "tier_mix").note


def test_quiet_reactivated_value_and_cohorts(board: dashboard.Dashboard) -> None:
    assert _values(board.chart("quiet_segment"))["quiet"] == {"VIP": 2, "Premium": 1}
    assert _values(board.chart("reactivation_month")) == {
        "quiet": {"2026-03": 1}, "back": {"2026-04": 1}}
    assert _values(board.chart("ltv_segment")) == {
        "lifetime": {"VIP": 105_000}, "last_12": {"VIP": 100_000}}
    cohorts = board.chart("cohorts")
    assert cohorts.series[0].values[0] == 0 and cohorts.note == "Customers added: Jan 2026 1"


def test_customers_behind_points_of_charts(book: Book) -> None:
    ids = canvas_book.build()

    def behind(chart: str, category: str, series: str = "") -> set[int]:
        return set(dashboard.customers_behind(SCOPE, chart, category, series, now=NOW))

    assert behind("funnel", "conversion", "entered") == {ids["carla"]}
    assert behind("stage_flows", "acquisition", "moved_on") == {ids["carla"]}
    assert behind("stage_flows", "growth", "exited") == {ids["finn"]}
    assert behind("funnel_trend", "2026-04", "retention") == {ids["bob"]}
    assert behind("promises_person", "Eva", "kept_late") == {ids["lola"]}
    assert behind("promises_month", "2026-06", "overdue") == {ids["bob"]}
    assert behind("response_channel", "phone") == {ids["bob"]}
    assert behind("response_channel_month", "2026-04", "phone") == {ids["bob"]}
    assert behind("response_channel_month", "2026-03", "phone") == set()
    assert behind("interactions_channel", "in_person") == set()  # Dan is in the Trash
    assert behind("interactions_relationship", "exclusive") == {ids["lola"], ids["finn"]}
    assert behind("points_month", "2026-03", "issued") == {ids["lola"]}
    assert behind("tier_mix", "Silver") == {ids["lola"]}
    assert behind("quiet_segment", "VIP") == {ids["lola"], ids["bob"]}
    assert behind("reactivation_month", "2026-03", "quiet") == {ids["finn"]}
    assert behind("ltv_segment", "VIP") == {ids["lola"], ids["bob"]}
    assert behind("cohorts", "2026-01") == {ids["carla"]}
    assert behind("satisfaction_month", "2026-05") == {ids["lola"]}


def test_roles_and_owner(book: Book) -> None:
    canvas_book.build(passwords=True)
    canvas_book.sign_in("Eva")
    board = dashboard.compute(SCOPE, NOW)
    assert _values(board.chart("interactions_relationship"))["contacts"]["exclusive"] == 3
    assert "Premium" not in _values(board.chart("quiet_segment"))["quiet"]
    canvas_book.sign_in("Rita")
    with pytest.raises(AccessDenied):
        dashboard.compute(SCOPE, NOW)
    with pytest.raises(AccessDenied):
        dashboard.customers_behind(SCOPE, "funnel", "conversion")
    canvas_book.sign_in("Marta")
    mine = dashboard.compute(Scope(SCOPE.first, SCOPE.last, "Eva"), NOW)
    assert _values(mine.chart("interactions_channel"))["contacts"] == {"phone": 2, "email": 3}


def test_cli_dashboard_json_and_pdf(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    canvas_book.build()
    path = str(book.path)
    close_database()
    code, out, err = _cli(capsys, "dashboard", "--db", path, "--from", "2026-01-01", "--to",
                          "2026-06-30", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["from"], data["to"], data["currency"]) == ("2026-01-01", "2026-06-30", "USD")
    charts = {c["key"]: c for c in data["charts"]}
    assert len(charts) == 21
    ltv = charts["ltv_segment"]
    assert ltv["series"][0]["values"] == ["1050.00"] and ltv["unit"] == "money"
    assert charts["funnel"]["categories"][0] == {"key": "knowledge", "label": "Knowledge"}
    code, out, err = _cli(capsys, "dashboard", "--db", path)
    assert code == 1 and "--out FILE.pdf" in err
    target = book.path.parent / "dash.csv"
    code, out, err = _cli(capsys, "dashboard", "--db", path, "--csv", str(target))
    assert code == 0 and out == f"Wrote {target} (21 charts).\n"
    assert target.read_text(encoding="utf-8-sig").startswith("chart,series,category,value")


def test_dashboard_csv_has_one_line_per_point(board: dashboard.Dashboard, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import csv
    import stat

    from crmdesk.services import canvas_export

    out = tmp_path / "dash.csv"
    canvas_export.write_dashboard_csv(board, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0] == ["chart", "series", "category", "value", "unit"]
    assert ["Lifetime value by segment (USD)", "Lifetime value", "VIP", "1050.00",
            "money"] in rows
    assert len(rows) == 1 + sum(len(c.categories) * len(c.series) for c in board.charts)


def _both_boards(scope: Scope, now) -> tuple[dict, dict]:  # type: ignore[no-untyped-def, type-arg]
    from crmdesk.services import canvas, figures_cache

    out = []
    for engine in ("sql", "columns"):
        figures_cache.clear()
        canvas.ENGINE = engine
        try:
            out.append(dashboard.to_json(dashboard.compute(scope, now)))
        finally:
            canvas.ENGINE = "columns"
    return out[0], out[1]


def test_columns_give_the_sql_charts(book: Book) -> None:
    import datetime as dt

    from crmdesk.services import demo, interactions
    from crmdesk.services.interactions import InteractionData
    from crmdesk.store.db import db

    demo.build_demo(300, seed=5)
    now = dt.datetime.now(dt.UTC)
    for scope in (Scope.default(), Scope(dt.date(2025, 3, 1), dt.date(2026, 2, 28))):
        sql, cols = _both_boards(scope, now)
        assert cols == sql
    cid = db.execute_sql("SELECT min(id) FROM customer").fetchone()[0]
    interactions.log(InteractionData(cid, "chat", "in", "Hello", now, None, None,
                                     satisfaction=2))
    sql, cols = _both_boards(Scope.default(), now)
    assert cols == sql


def test_columns_give_the_sql_charts_for_each_role(book: Book) -> None:
    canvas_book.build(passwords=True)
    for who in ("Marta", "Eva", "Tomás"):
        canvas_book.sign_in(who)
        sql, cols = _both_boards(SCOPE, NOW)
        assert cols == sql, who


def test_the_engine_comparison_covers_every_chart(book: Book) -> None:
    """The demo book the engines are compared on has figures in every chart (a comparison
    of empty charts could not fail)."""
    from crmdesk.services import demo

    demo.build_demo(300, seed=5)
    board = dashboard.compute(Scope.default())
    empty = [c.key for c in board.charts
             if not any(v not in (None, 0) for s in c.series for v in s.values)]
    assert empty == []


def test_columns_follow_stage_moves_points_and_archiving(book: Book) -> None:
    """The stage history, points and customers held as columns are read again after any
    write: each figure still equals the SQL one."""
    import datetime as dt

    from crmdesk.services import customers, demo, lifecycle, loyalty_ledger
    from crmdesk.store.db import db

    demo.build_demo(120, seed=3)
    now = dt.datetime.now(dt.UTC)
    sql, cols = _both_boards(Scope.default(), now)
    assert cols == sql
    ids = [r[0] for r in db.execute_sql("SELECT id FROM customer WHERE archived_at IS NULL "
                                        "ORDER BY id LIMIT 3")]
    lifecycle.move(ids[:2], "reactivation")
    loyalty_ledger.add_bonus(ids[2], 500, "Birthday")
    loyalty_ledger.redeem(ids[2], 100)
    customers.set_archived([ids[1]], True)
    later = dt.datetime.now(dt.UTC)
    sql, cols = _both_boards(Scope.default(), later)
    assert cols == sql
    charts = {c["key"]: c for c in cols["charts"]}
    assert {"key": "(no reward named)", "label": "(no reward named)"} in \
        charts["top_rewards"]["categories"]


def test_reading_the_log_reports_progress_and_can_be_stopped(book: Book, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.services import canvas_columns, demo

    demo.build_demo(60, seed=2)
    monkeypatch.setattr(canvas_columns, "CHUNK", 50)
    canvas_columns.clear()
    seen: list[tuple[int, int]] = []
    with canvas_columns.reporting(lambda done, total: seen.append((done, total)) or False), \
            pytest.raises(canvas_columns.Cancelled):
        canvas_columns.columns()
    assert len(seen) == 1 and seen[0][0] == 50
    seen.clear()
    with canvas_columns.reporting(lambda done, total: seen.append((done, total)) or True):
        cols = canvas_columns.columns()
    total = seen[-1][1]
    assert seen[-1][0] == total == len(cols.i_cust) > 100
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    # stopped half way, then read whole: the same figures as the SQL engine
    sql, col = _both_boards(Scope.default(), None)
    assert col == sql


def test_pdf_chart_note_wraps_onto_a_second_line(book: Book) -> None:
    from reportlab.graphics.shapes import String

    from crmdesk.reports import canvas_pdf
    from crmdesk.reports.statement_pdf import register_fonts

    register_fonts()
    note = ("Of those who left a stage, moved on to the next: Knowledge 100%, Acquisition "
            "100%, Conversion 97%, Growth 88%, Retention 100% <b>&\"Peña\"")
    chart = dashboard.Chart("stage_flows", "Entries and exits", "bar", [("a", "A")],
                            [dashboard.Series("n", "N", [3])], note=note)
    drawing = canvas_pdf.chart_drawing(chart, 380, 180)
    texts = [c.text for c in drawing.contents if isinstance(c, String)]
    notes = [t for t in texts if t not in ("Entries and exits",)]
    assert len(notes) == 2 and " ".join(notes) == note


def test_columns_given_to_a_worker_stay_whole_when_the_book_changes(book: Book) -> None:
    """Copy on write: the columns a computation holds are not changed under it by another
    thread bringing them up to date."""
    import datetime as dt

    from crmdesk.services import canvas_columns, demo, interactions
    from crmdesk.services.interactions import InteractionData
    from crmdesk.store.db import db

    demo.build_demo(30, seed=6)
    held = canvas_columns.columns()
    size = len(held.i_cust)
    assert canvas_columns.columns() is held  # nothing changed: the same
    cid = db.execute_sql("SELECT min(id) FROM customer").fetchone()[0]
    interactions.log(InteractionData(cid, "phone", "in", "Hello", dt.datetime.now(dt.UTC)))
    fresh = canvas_columns.columns()
    assert fresh is not held and len(fresh.i_cust) == size + 1
    assert len(held.i_cust) == len(held.i_when) == len(held.i_answer) == size


def test_pdf_chart_labels_draw_korean_and_japanese_names_in_a_cjk_font(
        book: Book, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A staff member or a reward named in Korean or Japanese shows in the dashboard PDF's
    axis and legend in the shipped CJK fonts (boxes before), the others in DejaVu."""
    from pypdf import PdfReader
    from reportlab.graphics import renderPDF

    from crmdesk.reports import canvas_pdf, cjk
    from crmdesk.reports.statement_pdf import FONT, register_fonts

    monkeypatch.setattr(cjk, "SYSTEM_FONTS", [])
    monkeypatch.delenv("CRMDESK_CJK_FONT", raising=False)
    cjk.embedded_fonts.cache_clear()
    register_fonts()
    try:
        chart = dashboard.Chart("promises_by_person", "Promises per person", "bar",
                                [("a", "김민준"), ("b", "Peña"), ("c", "山田花子")],
                                [dashboard.Series("kept", "約束", [3, 1, 2]),
                                 dashboard.Series("late", "Late", [1, 0, 1])])
        drawing = canvas_pdf.chart_drawing(chart, 380, 180)
        out = tmp_path / "chart.pdf"
        renderPDF.drawToFile(drawing, str(out))
    finally:
        cjk.embedded_fonts.cache_clear()
    plot = next(c for c in drawing.contents if hasattr(c, "categoryAxis"))
    fonts = [plot.categoryAxis.labels[i].fontName for i in range(3)]
    assert fonts[1] == FONT and FONT not in (fonts[0], fonts[2]), fonts
    reader = PdfReader(out)
    embedded = {str(ref.get_object()["/BaseFont"]).split("+")[-1]
                for page in reader.pages for ref in page["/Resources"]["/Font"].values()}
    assert {"crmdeskHangul", "DroidSansFallback"} <= embedded, embedded
    text = reader.pages[0].extract_text()
    assert "김민준" in text and "山田花子" in text and "Peña" in text and "約束" in text
