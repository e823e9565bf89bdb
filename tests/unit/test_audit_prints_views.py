"""Prints and profile views are audited in the services that make them, whoever calls."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.services import audit, customers, periods
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db
from tests.conftest import add


def _entries(action: str) -> list[tuple[int | None, str]]:
    return db.execute_sql("SELECT customer_id, detail FROM audit_entry WHERE action = ? "
                          "ORDER BY id", (action,)).fetchall()


def test_statements_are_printed_entries_from_the_service(book, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.reports import statement_batch

    ids = [add("Ana", "Ruiz"), add("Bea", "Gil"), add("Cris", "Paz")]
    period = periods.parse_period("2026-10")
    statement_batch.write_one(ids[0], period, tmp_path / "one.pdf")
    assert _entries("print") == [(ids[0], "loyalty statement 2026-10")]
    statement_batch.write_each(ids, period, tmp_path / "each")
    assert [cid for cid, _ in _entries("print")[1:]] == ids
    statement_batch.write_combined(ids[:2], period, tmp_path / "all.pdf")
    assert [cid for cid, _ in _entries("print")[4:]] == ids[:2]
    # A batch stopped after the first statement records only what was written.
    statement_batch.write_each(ids, period, tmp_path / "stopped", lambda n, total: False)
    assert [cid for cid, _ in _entries("print")[6:]] == ids[:1]
    # A cancelled combined PDF leaves no file and no entry.
    assert statement_batch.write_combined(ids, period, tmp_path / "no.pdf",
                                          lambda n, total: False) is None
    assert len(_entries("print")) == 7


def test_the_cli_statement_is_one_print_entry(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "b.db"
    open_book(path)
    cid = add("Ana", "Ruiz")
    close_database()
    assert main(["statement", "--db", str(path), "--customer", str(cid), "--period",
                 "2026-10", "--out", str(tmp_path / "s.pdf")]) == 0
    close_database()
    assert main(["statements", "--db", str(path), "--period", "2026-10", "--out",
                 str(tmp_path / "many")]) == 0
    close_database()
    open_book(path)
    assert _entries("print") == [(cid, "loyalty statement 2026-10"),
                                 (cid, "loyalty statements 2026-10")]
    close_database()


def test_search_json_dumps_are_views_throttled_in_the_book(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "b.db"
    open_book(path)
    ids = [add("Ana", "Ruiz"), add("Ana", "Gil")]
    close_database()
    assert main(["search", "--db", str(path), "ana"]) == 0  # a list of rows: no view
    close_database()
    open_book(path)
    assert _entries("view") == []
    close_database()
    for _ in range(2):  # the second dump within ten minutes adds nothing
        assert main(["search", "--db", str(path), "ana", "--json"]) == 0
        close_database()
    open_book(path)
    assert sorted(cid for cid, _ in _entries("view")) == sorted(ids)
    assert audit.verify().ok
    close_database()


def test_load_shown_is_a_view_per_person(book) -> None:  # type: ignore[no-untyped-def]
    cid = add("Ana", "Ruiz")
    audit.set_actor("Ana Desk")
    try:
        customers.load_shown([cid])
        customers.load_shown([cid])
        audit.set_actor("Ben Desk")
        customers.load_shown([cid])
    finally:
        audit.set_actor(None)
    who = [r[0] for r in db.execute_sql("SELECT who FROM audit_entry WHERE action = 'view'")]
    assert who == ["Ana Desk", "Ben Desk"]


def test_parallel_statements_are_recorded_once_by_the_parent(tmp_path: Path) -> None:
    from crmdesk.reports import statement_batch

    path = tmp_path / "b.db"
    book = open_book(path)
    ids = [add("Client", f"Number{i}") for i in range(40)]
    written = statement_batch.write_each_parallel(book.path, ids, periods.parse_period("2026"),
                                                  tmp_path / "out", jobs=2)
    assert len(written) == 40
    assert sorted(cid for cid, _ in _entries("print")) == ids
    assert audit.verify().ok
    close_database()
