"""A tampered whole-book JSON export is refused with one clear line, or what it brings in
is sound: `crmdesk check` passes, balances are the sum of the ledger, statements render."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from crmdesk.services import (
    access,
    exporting,
    integrity,
    interactions,
    lifecycle,
    loyalty_ledger,
    periods,
)
from crmdesk.services.interactions import InteractionData
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db
from tests.conftest import add

_EXPORT: dict[str, Any] = {}


def _valid_export() -> dict[str, Any]:
    if not _EXPORT:
        with tempfile.TemporaryDirectory() as tmp:
            access.reset()
            open_book(Path(tmp) / "source.db")
            a = add("Lola", "Peña", emails=("lola@example.es",), segment="VIP")
            b = add("Bob", "Smith", stage="growth")
            loyalty_ledger.record_purchase(a, 120_00)
            loyalty_ledger.redeem(a, 10)
            interactions.log(InteractionData(b, "phone", "in", "Called"))
            lifecycle.move([a], "conversion")
            exporting.export_book(Path(tmp) / "book.json")
            _EXPORT.update(json.loads((Path(tmp) / "book.json").read_text(encoding="utf-8")))
            close_database()
    return copy.deepcopy(_EXPORT)


ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2 ** 70), max_value=2 ** 70),
    st.floats(allow_nan=True), st.text(max_size=20),
    st.sampled_from(["abc", "", "-5", "1e9", "2026-13-45", "2026-01-01T00:00:00Z", "unknown",
                     "growth", "exclusive", "redeem", "manager"]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(),
                                                         max_size=2),
    st.just({"base64": "!!!"}), st.just([[[[[[[[[[[[1]]]]]]]]]]]]))


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, Any]:
    spec = _valid_export()
    tables = spec["tables"]
    kind = draw(st.sampled_from(["value", "value", "value", "drop_column", "drop_table",
                                 "drop_key", "points", "balance", "nest"]))
    names = sorted(t for t in tables if tables[t]["rows"])
    table = draw(st.sampled_from(names))
    part = tables[table]
    if kind == "value":
        row = draw(st.integers(0, len(part["rows"]) - 1))
        col = draw(st.integers(0, len(part["columns"]) - 1))
        part["rows"][row][col] = draw(ODD_VALUES)
    elif kind == "drop_column":
        col = draw(st.integers(0, len(part["columns"]) - 1))
        del part["columns"][col]
        for row in part["rows"]:
            del row[col]
    elif kind == "drop_table":
        del tables[table]
    elif kind == "drop_key":
        del spec[draw(st.sampled_from(["tables", "schema", "format"]))]
    elif kind == "points":
        points = tables["points_entry"]
        col = points["columns"].index("points")
        points["rows"][draw(st.integers(0, len(points["rows"]) - 1))][col] = draw(
            st.integers(-10_000, 10_000))
    elif kind == "balance":
        customers = tables["customer"]
        col = customers["columns"].index("points_balance")
        customers["rows"][0][col] = draw(st.integers(-10_000, 10_000))
    else:
        return "raw", b'{"format": "crmdesk-book", "tables": ' + b"[" * 100_000 + b"]" * 100_000 \
            + b"}"
    return kind, json.dumps(spec).encode()


def _sound(tmp: Path) -> None:
    assert integrity.check_book().ok, integrity.check_book().problems
    assert loyalty_ledger.check_balances() == []
    assert db.execute_sql("SELECT count(*) FROM customer WHERE points_balance < 0"
                          ).fetchone()[0] == 0
    from crmdesk.reports import statement_batch

    ids = [r[0] for r in db.execute_sql("SELECT id FROM customer")]
    statement_batch.write_each(ids, periods.parse_period("2026"), tmp / "statements")


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutations())
def test_a_tampered_export_is_refused_or_sound(mutation: tuple[str, Any]) -> None:
    _kind, raw = mutation
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        access.reset()
        open_book(tmp / "book.db")
        try:
            try:
                exporting.import_book(raw)
            except exporting.BookImportError as exc:
                event("refused")
                message = str(exc)
                assert message and "\n" not in message and len(message) < 300, message
                assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0
                assert db.execute_sql("SELECT count(*) FROM staff").fetchone()[0] == 0
                return
            event("accepted")
            _sound(tmp)
        finally:
            close_database()


@pytest.mark.parametrize(("table", "column", "value", "says"), [
    ("purchase", "amount_cents", "12.50", "not a whole number"),
    ("customer", "stage", "limbo", "unknown value"),
    ("points_entry", "points", -5000, "below zero"),
    ("customer", "points_balance", 7, "not the sum of the ledger"),
    ("interaction", "happened_at", "yesterday", "not a date and time"),
])
def test_the_testers_tampered_values_are_refused(tmp_path: Path, table: str, column: str,
                                                 value: object, says: str) -> None:
    spec = _valid_export()
    part = spec["tables"][table]
    part["rows"][0][part["columns"].index(column)] = value
    access.reset()
    open_book(tmp_path / "book.db")
    with pytest.raises(exporting.BookImportError, match=says):
        exporting.import_book(json.dumps(spec).encode())
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0
    close_database()


def test_the_cli_reports_a_deeply_nested_file_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from crmdesk.cli import main

    bad = tmp_path / "book.json"
    bad.write_bytes(b'{"format": "crmdesk-book", "tables": ' + b"[" * 100_000 + b"]" * 100_000
                    + b"}")
    for extra in ([], ["--dry-run"]):
        main(["import", str(bad), "--db", str(tmp_path / "b.db"), *extra])
        close_database()
        err = capsys.readouterr().err
        assert "nests too deeply" in err and "Traceback" not in err, err
