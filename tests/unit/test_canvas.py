"""The relationship canvas on a hand-made book where every figure is known."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.services import access, canvas, settings
from crmdesk.services.access import AccessDenied
from crmdesk.services.canvas import Scope, ScopeError
from crmdesk.store import migrations
from crmdesk.store.book import Book
from crmdesk.store.db import close_database, db
from tests.unit import canvas_book
from tests.unit.canvas_book import NOW, SCOPE


def _rows(scope: Scope = SCOPE) -> dict[str, canvas.SegmentRow]:
    return {r.segment: r for r in canvas.compute(scope, NOW).rows}


def test_customers_today_leave_out_archived_and_forgotten(book: Book) -> None:
    canvas_book.build()
    rows = _rows()
    assert list(rows) == ["VIP", "Premium", "Standard"]
    vip, std = rows["VIP"], rows["Standard"]
    assert (vip.customers, std.customers, rows["Premium"].customers) == (2, 1, 1)
    assert vip.relationship_types == {"exclusive": 1, "personal": 1}
    assert vip.channels_preferred == {"phone": 2}
    assert vip.stages == {"growth": 1, "retention": 1}
    assert vip.stage_shares == {"growth": 0.5, "retention": 0.5}
    assert std.stages == {"conversion": 1}  # Dan (archived) and Eve (forgotten) are gone


def test_period_figures_count_work_done_for_archived_and_forgotten(book: Book) -> None:
    canvas_book.build()
    rows = _rows()
    vip, std = rows["VIP"], rows["Standard"]
    assert vip.interactions == 5  # the December call is before the period
    assert vip.channels_used == {"email": 3, "phone": 2}
    assert vip.mismatch() == "VIP clients prefer phone; 60% of our contacts with them " \
                             "are e-mail."
    assert (vip.on_preferred_channel, vip.with_preference) == (2, 5)
    assert vip.staff_minutes == 75 and vip.minutes_defaulted == 15
    assert vip.staff_hours == 1.25
    # 5 min × 25.00/h + 20 × 45.00 + 10 × 45.00 + 10 × 60.00 + 30 × 45.00 = 57.0833
    assert vip.cost_cents == 5708
    assert vip.cost_per_customer_cents == 2854
    assert std.interactions == 3 and std.staff_minutes == 75
    # nobody logged Carla's e-mail: an executive's hour; 5 × 45 + 60 × 45 + 10 × 25
    assert std.cost_cents == 5292


def test_response_times_and_target(book: Book) -> None:
    canvas_book.build()
    rows = _rows()
    vip, std = rows["VIP"], rows["Standard"]
    assert sorted(vip.response_hours) == [4.0, 24.0]
    assert vip.response_median_hours == 14.0
    assert vip.response_p90_hours == pytest.approx(22.0)
    assert vip.answered_within(24) == 1.0 and vip.answered_within(5) == 0.5
    assert std.response_median_hours is None and std.unanswered == 1
    assert std.answered_within(24) == 0.0


def test_satisfaction_average_and_trend(book: Book) -> None:
    canvas_book.build()
    vip = _rows()["VIP"]
    assert vip.satisfaction == pytest.approx(11 / 3)
    # March 4 | April 5, May 2 -> 3.5 - 4
    assert vip.satisfaction_trend == pytest.approx(-0.5)


def test_promises_one_kept_a_day_late(book: Book) -> None:
    canvas_book.build()
    rows = _rows()
    p = rows["VIP"].promises
    assert (p.due, p.kept_on_time, p.kept_late, p.overdue, p.open) == (3, 1, 1, 1, 0)
    assert p.on_time_share == pytest.approx(1 / 3)
    assert rows["Standard"].promises.due == 0  # Carla's is due in September


def test_value_in_the_programme_currency_and_other_currencies_apart(book: Book) -> None:
    canvas_book.build()
    c = canvas.compute(SCOPE, NOW)
    rows = {r.segment: r for r in c.rows}
    vip, std = rows["VIP"], rows["Standard"]
    assert c.currency == "USD"
    assert vip.lifetime_value_cents == 105_000
    assert vip.last_12_months_cents == 100_000  # March 2025 is more than a year ago
    assert vip.other_currencies_cents == {"EUR": 20_000}
    assert vip.bought_in_period_cents == 100_000
    assert vip.points_outstanding == 1_050  # 1 point per dollar, none for euros
    assert std.lifetime_value_cents == 0  # Eve is forgotten
    assert std.bought_in_period_cents == 30_000  # ... but what she bought stays counted
    data = canvas.row_json(vip, c)
    assert data["lifetime_value"] == "1050.00" and data["other_currencies"] == {"EUR": "200.00"}
    assert data["points_liability"] == "10.50"  # a point is worth a cent by default
    assert c.total.customers == 4 and c.total.cost_cents == 5708 + 5292 + 750


def test_settings_change_the_cost(book: Book) -> None:
    canvas_book.build()
    prefs = settings.canvas_settings()
    prefs.hourly_cost_cents["receptionist"] = 6_000
    prefs.channel_minutes["email"] = 15
    settings.save_canvas_settings(prefs)
    vip = _rows()["VIP"]
    assert vip.staff_minutes == 85  # Lola's first e-mail now counts 15 minutes
    # 15 min × 60.00/h + 15.00 + 7.50 + 10.00 + 22.50
    assert vip.cost_cents == 7000
    prefs.answer_target_hours = 0
    with pytest.raises(ValueError, match="answer target"):
        settings.save_canvas_settings(prefs)
    settings.put("canvas_settings", "{not json")
    assert settings.canvas_settings() == settings.CanvasSettings()


def test_owner_filter_and_period(book: Book) -> None:
    canvas_book.build()
    rows = _rows(Scope(SCOPE.first, SCOPE.last, "Eva"))
    assert list(rows) == ["VIP"]  # Eve was Eva's, but forgetting took the owner away
    assert rows["VIP"].interactions == 5
    march = _rows(Scope(dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
    assert march["VIP"].interactions == 2 and list(march["VIP"].response_hours) == [4.0]
    with pytest.raises(ScopeError, match="no staff member"):
        canvas.compute(Scope(SCOPE.first, SCOPE.last, "Nobody"), NOW)
    with pytest.raises(ScopeError, match="before it starts"):
        canvas.compute(Scope(SCOPE.last, SCOPE.first), NOW)


def test_roles_executive_counts_what_she_may_see_receptionist_is_refused(book: Book) -> None:
    canvas_book.build(passwords=True)
    canvas_book.sign_in("Marta")
    assert "Premium" in _rows()
    canvas_book.sign_in("Eva")
    rows = _rows()
    assert "Premium" not in rows  # Tomás's exclusive client
    assert rows["VIP"].customers == 2  # her own exclusive client counts
    canvas_book.sign_in("Tomás")
    assert _rows()["VIP"].customers == 1 and "Premium" in _rows()  # not Lola
    canvas_book.sign_in("Rita")
    with pytest.raises(AccessDenied, match="relationship canvas"):
        canvas.compute(SCOPE, NOW)
    with pytest.raises(AccessDenied):
        canvas.customers_behind(SCOPE, "VIP", "customers")


def test_customers_behind_each_figure(book: Book) -> None:
    ids = canvas_book.build()

    def behind(segment: str | None, figure: str, key: str = "") -> set[int]:
        return set(canvas.customers_behind(SCOPE, segment, figure, key, now=NOW))

    assert behind("VIP", "customers") == {ids["lola"], ids["bob"]}
    assert behind(None, "customers") == {ids["lola"], ids["bob"], ids["carla"], ids["finn"]}
    assert behind("VIP", "relationship", "exclusive") == {ids["lola"]}
    assert behind("VIP", "stage", "growth") == {ids["lola"]}
    assert behind("VIP", "preferred", "phone") == {ids["lola"], ids["bob"]}
    assert behind("VIP", "channel", "email") == {ids["lola"]}
    assert behind("VIP", "promises_late") == {ids["lola"]}
    assert behind("VIP", "promises_overdue") == {ids["bob"]}
    assert behind("Standard", "unanswered") == {ids["carla"]}
    assert behind("VIP", "inbound") == {ids["lola"], ids["bob"]}
    assert behind("VIP", "bought") == {ids["lola"]}
    assert behind("Standard", "in_touch") == {ids["carla"]}  # not the Trash
    with pytest.raises(ScopeError):
        behind("VIP", "nonsense")


def test_csv_rows_have_every_segment_and_the_total(book: Book) -> None:
    canvas_book.build()
    table = canvas.csv_rows(canvas.compute(SCOPE, NOW))
    assert table[0][0] == "segment" and [r[0] for r in table[1:]] == [
        "VIP", "Premium", "Standard", "(all segments)"]
    header = table[0]
    assert table[1][header.index("cost")] == "57.08"
    assert table[1][header.index("channels_used")] == "email 3; phone 2"


def test_canvas_indexes_migration_applies_to_an_older_book(tmp_path: Path) -> None:
    from crmdesk.store.db import open_database

    path = tmp_path / "old.db"
    database = open_database(path)
    migrations.migrate(database, None, target=migrations.CANVAS_INDEXES_VERSION - 1)
    close_database()
    from crmdesk.store.book import open_book

    open_book(path)
    names = {r[0] for r in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"interaction_canvas", "interaction_answer"} <= names
    assert migrations.current_version(db) >= migrations.CANVAS_INDEXES_VERSION
    close_database()


# --- the command line -------------------------------------------------------------------------
def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    close_database()
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_canvas_json(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    canvas_book.build()
    path = str(book.path)
    close_database()
    code, out, err = _cli(capsys, "canvas", "--db", path, "--from", "2026-01-01", "--to",
                          "2026-06-30", "--json")
    assert code == 0, err
    rows = {r["segment"]: r for r in json.loads(out)}
    vip = rows["VIP"]
    for key in ("segment", "customers", "relationship_types", "channels_used",
                "channels_preferred", "response_median_hours", "satisfaction",
                "promises_kept_on_time", "staff_hours", "cost", "lifetime_value",
                "last_12_months"):
        assert key in vip
    assert (vip["customers"], vip["staff_hours"], vip["cost"]) == (2, 1.25, "57.08")
    assert vip["response_median_hours"] == 14.0 and vip["satisfaction"] == 3.67
    assert vip["promises_kept_on_time"] == 0.3333
    assert vip["channels_used"] == {"email": 3, "phone": 2}
    code, out, _ = _cli(capsys, "canvas", "--db", path, "--from", "2026-01-01", "--to",
                        "2026-06-30", "--owner", "Eva", "--json")
    assert [r["segment"] for r in json.loads(out)] == ["VIP"]
    code, out, _ = _cli(capsys, "canvas", "--db", path, "--from", "2026-01-01", "--to",
                        "2026-06-30")
    assert code == 0 and "VIP" in out and "57.08" in out


def test_cli_canvas_bad_input_and_roles(book: Book, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    canvas_book.build(passwords=True)
    path = str(book.path)
    close_database()
    access.reset()
    monkeypatch.setenv("CRMDESK_PASSWORD", "rita-secret-1")
    code, out, err = _cli(capsys, "--user", "Rita", "canvas", "--db", path)
    assert code == 77 and out == ""
    assert err.strip() == ("crmdesk: Rita (receptionist) may not see the relationship "
                           "canvas and dashboards.")
    monkeypatch.setenv("CRMDESK_PASSWORD", "marta-secret-1")
    for args, message in [(["--from", "2026-13-01"], "not a date"),
                          (["--from", "2026-06-01", "--to", "2026-01-01"], "before"),
                          (["--owner", "Nobody"], "no staff member")]:
        code, out, err = _cli(capsys, "--user", "Marta", "canvas", "--db", path, *args)
        assert code == 1 and out == "" and message in err and len(err.splitlines()) == 1


def test_pdf_and_csv_exports_are_private_and_escape_nothing(
        book: Book, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import stat

    from pypdf import PdfReader

    from crmdesk.services import business

    canvas_book.build()
    business.save(business.Business("Banco <b>Sur</b> & Peña", "Calle Mayor 1\nMadrid"))
    db.execute_sql("UPDATE customer SET segment = '<i>Élite</i> {{ 7*7 }}' WHERE segment = "
                   "'Premium'")
    path = str(book.path)
    close_database()
    pdf, out_csv = tmp_path / "canvas.pdf", tmp_path / "canvas.csv"
    dash = tmp_path / "dash.pdf"
    code, _, err = _cli(capsys, "canvas", "--db", path, "--from", "2026-01-01", "--to",
                        "2026-06-30", "--out", str(pdf), "--csv", str(out_csv))
    assert code == 0, err
    code, _, err = _cli(capsys, "dashboard", "--db", path, "--from", "2026-01-01", "--to",
                        "2026-06-30", "--out", str(dash))
    assert code == 0, err
    for f in (pdf, out_csv, dash):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert not list(tmp_path.glob(".*.part"))
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Banco <b>Sur</b> & Peña" in text and "Relationship canvas" in text
    assert "<i>Élite</i> {{ 7*7 }}" in text and "57.08" in text and "page 1 of" in text
    words = " ".join(text.split())  # the notes wrap, never cut: the last words are there
    assert "period figures include archived and forgotten customers." in words
    dash_text = "".join(p.extract_text() for p in PdfReader(dash).pages)
    assert "Funnel: customers entering each stage" in dash_text and "Marta" in dash_text
    rows = list(csv.reader(out_csv.open(encoding="utf-8-sig")))
    assert rows[0][0] == "segment" and rows[1][0] == "VIP"
    assert "<i>Élite</i> {{ 7*7 }}" in [r[0] for r in rows]


def test_figures_are_reused_until_anyone_writes_the_book(book: Book) -> None:
    import sqlite3

    from crmdesk.services import dashboard, figures_cache

    canvas_book.build()
    first = canvas.compute(SCOPE, NOW)
    assert canvas.compute(SCOPE, NOW) is first  # nothing changed: the same figures
    charts = dashboard.compute(SCOPE, NOW, only={"contacts"}).charts
    assert dashboard.compute(SCOPE, NOW, only={"contacts"}).charts == charts
    before = figures_cache.book_version()
    other = sqlite3.connect(book.path)  # another process writing the book
    other.execute("UPDATE customer SET segment = 'VIP' WHERE segment = 'Premium'")
    other.commit()
    other.close()
    assert figures_cache.book_version() > before
    again = canvas.compute(SCOPE, NOW)
    assert again is not first and "Premium" not in [r.segment for r in again.rows]
    assert _rows()["VIP"].customers == 3



def test_cli_unwritable_export_is_one_line(book: Book, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    canvas_book.build()
    path = str(book.path)
    close_database()
    target = tmp_path / "missing" / "canvas.pdf"
    for command, option in (("canvas", "--out"), ("canvas", "--csv"), ("dashboard", "--out")):
        code, out, err = _cli(capsys, command, "--db", path, option, str(target))
        assert code == 1 and out == ""
        assert err == f"crmdesk: Cannot write {target}: No such file or directory.\n"
    assert not target.parent.exists()


Figures = list[dict[str, object]]


def _both(scope: Scope, now: dt.datetime) -> tuple[Figures, Figures]:
    from crmdesk.services import figures_cache

    out = []
    for engine in ("sql", "columns"):
        figures_cache.clear()
        canvas.ENGINE = engine
        try:
            result = canvas.compute(scope, now)
        finally:
            canvas.ENGINE = "columns"
        out.append([canvas.row_json(r, result) for r in [*result.rows, result.total]])
    return out[0], out[1]


def test_columns_give_the_sql_figures_on_a_demo_book(book: Book) -> None:
    from crmdesk.services import demo, interactions, staff
    from crmdesk.services.interactions import InteractionData

    demo.build_demo(400, seed=3)
    now = dt.datetime.now(dt.UTC)
    names = [m.name for m in staff.list_staff()]
    scopes = [Scope.default(), Scope(dt.date(2025, 1, 1), dt.date(2026, 12, 31)),
              Scope(now.date().replace(day=1), now.date()), Scope.default(owner=names[0])]
    for scope in scopes:
        sql, cols = _both(scope, now)
        assert cols == sql, scope
    # new rows are read alone; an edit reads the log again
    cid = db.execute_sql("SELECT min(id) FROM customer WHERE archived_at IS NULL").fetchone()[0]
    interactions.log(InteractionData(cid, "email", "in", "Question", now, None, None))
    sql, cols = _both(Scope.default(), now)
    assert cols == sql
    assert sql[-1]["unanswered"] >= 1
    waiting = sql[-1]["unanswered"]
    interactions.log(InteractionData(cid, "phone", "out", "Answer", now, None, 5))
    sql, cols = _both(Scope.default(), now)
    assert cols == sql and sql[-1]["unanswered"] < waiting  # answered, read alone
    db.execute_sql("UPDATE interaction SET channel = 'video' WHERE id = (SELECT max(id) FROM "
                   "interaction)")
    db.execute_sql("UPDATE customer SET segment = 'VIP' WHERE id = ?", (cid,))
    sql, cols = _both(Scope.default(), now)
    assert cols == sql


def test_columns_give_the_sql_figures_for_an_executive(book: Book) -> None:
    canvas_book.build(passwords=True)
    for who in ("Marta", "Eva", "Tomás"):
        canvas_book.sign_in(who)
        sql, cols = _both(SCOPE, NOW)
        assert cols == sql, who


def test_canvas_pdf_prints_korean_and_japanese_names(
        book: Book, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The letterhead, the segment names and the notes draw CJK text in the shipped fonts
    (on a machine with no CJK font of its own), not as boxes."""
    from pypdf import PdfReader

    from crmdesk.reports import canvas_pdf, cjk
    from crmdesk.services import business

    monkeypatch.setattr(cjk, "SYSTEM_FONTS", [])
    monkeypatch.delenv("CRMDESK_CJK_FONT", raising=False)
    cjk.embedded_fonts.cache_clear()
    canvas_book.build()
    business.save(business.Business("서울 프라이빗 뱅킹", "세종대로 110\n서울"))
    db.execute_sql("UPDATE customer SET segment = '優良顧客' WHERE segment = 'Premium'")
    out = tmp_path / "canvas.pdf"
    canvas_pdf.write_canvas_pdf(canvas.compute(SCOPE, NOW), out)
    cjk.embedded_fonts.cache_clear()
    reader = PdfReader(out)
    fonts = {str(ref.get_object()["/BaseFont"]).split("+")[-1]
             for page in reader.pages for ref in page["/Resources"]["/Font"].values()}
    assert {"crmdeskHangul", "DroidSansFallback"} <= fonts, fonts
    text = "".join(p.extract_text() for p in reader.pages)
    assert "서울 프라이빗 뱅킹" in text and "優良顧客" in text
