"""Start-up and profile queries are driven by an index, never by a walk of every customer
(at a million customers a walk is a tenth of a second or more), and an older book gets the
indexes they need."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from crmdesk.services import customers, myday
from crmdesk.store import migrations
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db
from tests.conftest import add


def _plans(run: Callable[[], Any]) -> list[tuple[str, str]]:
    """(statement, query plan) of each SELECT that `run` sends to the book."""
    statements: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(statements.append)
    try:
        run()
    finally:
        connection.set_trace_callback(None)
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            rows = db.execute_sql(f"EXPLAIN QUERY PLAN {sql}").fetchall()
            plans.append((sql, "\n".join(str(r[-1]) for r in rows)))
    return plans


def _scans_customers(plan: str) -> bool:
    return any(line.startswith("SCAN c") or "SCAN customer" in line
               or "customer USING INDEX customer_by_next_follow_up (archived_at=?)" in line
               or "c USING COVERING INDEX customer_by_next_follow_up (archived_at=?)" in line
               for line in plan.splitlines())


def test_organisations_come_from_their_own_index(book: object) -> None:
    org = customers.create(customers.CustomerData(given_name="Peña & Hijos", kind="organisation"),
                           "ES")
    add("Ana", "Ruiz")
    assert customers.organisations() == [(org, "Peña & Hijos")]
    plans = _plans(customers.organisations)
    assert plans and all("customer_organisations" in plan for _sql, plan in plans), plans


def test_meetings_of_the_day_start_from_the_interactions(book: object) -> None:
    add("Ana", "Ruiz")
    plans = _plans(lambda: myday.meetings_today("team", None))
    assert plans
    for sql, plan in plans:
        assert not _scans_customers(plan), (sql, plan)
        assert plan.splitlines()[0].startswith("SEARCH i"), (sql, plan)


def test_a_book_of_the_previous_schema_gets_the_indexes(tmp_path: Path) -> None:
    import peewee

    from crmdesk.store.db import db as proxy

    path = tmp_path / "old.db"
    database = peewee.SqliteDatabase(str(path))
    proxy.initialize(database)
    migrations.migrate(database, None, target=migrations.PERF_INDEXES_VERSION - 1)
    database.execute_sql(
        "INSERT INTO customer (given_name, family_name, sort_name, kind, created_at, updated_at)"
        " VALUES ('Acme', '', 'acme', 'organisation', '2023-01-01T00:00:00Z', "
        "'2023-01-01T00:00:00Z')")
    database.close()
    open_book(path)
    try:
        assert migrations.current_version(db) == migrations.LATEST
        names = {r[0] for r in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "customer_organisations" in names
        assert [name for _id, name in customers.organisations()] == ["Acme"]
    finally:
        close_database()


def test_a_plain_book_opens_without_the_sync_engine(tmp_path: Path) -> None:
    """Opening a book that never joined an office does not load the sync engine (start-up
    time); an office book gets this build's capture triggers on opening (tests/unit/
    test_sync_local.py)."""
    import subprocess
    import sys

    code = ("import sys; from crmdesk.store.book import open_book; "
            f"open_book({str(tmp_path / 'plain.db')!r}); "
            "print('crmdesk.services.sync' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_an_office_book_gets_this_builds_capture_on_opening(tmp_path: Path) -> None:
    from crmdesk.services import sync

    path = tmp_path / "office.db"
    open_book(path)
    try:
        with db.atomic():
            sync.start(device="dev-1", office="office", hub="postgresql://127.0.0.1/x",
                       login="eva")
        db.execute_sql("UPDATE sync_state SET capture = 'an older build'")
    finally:
        close_database()
    open_book(path)
    try:
        row = db.execute_sql("SELECT capture FROM sync_state WHERE id = 1").fetchone()
        assert row[0] == sync.capture_version()
    finally:
        close_database()


def test_the_preferred_name_is_the_whole_name_in_ascii_and_not(book: object) -> None:
    """Tier 0 compares the folded preferred name: SQLite's lower() for plain ASCII, the
    Python fold for the rest; both find the person first, in the full list and first page."""
    from crmdesk.services.customer_query import CustomerFilter, customer_ids, first_page_ranked

    for i in range(5):
        add(f"Lolita{i}", "Abad")
    upper = add("Dolores", "Díaz", preferred_name="LOLA")
    accented = add("Josefa", "Ruiz", preferred_name="Peñí")
    add("Pení", "Zafra")  # a given name: tier 1, after the preferred name
    for text, first in (("lola", upper), ("peni", accented), ("PEÑÍ", accented),
                        ("lola diaz", upper)):
        flt = CustomerFilter(text=text)
        assert customer_ids(flt)[0] == first, text
        assert first_page_ranked(flt, 3)[0] == first, text


def test_each_pull_looks_for_merged_away_rows_from_the_merges_not_every_customer(
        book: object) -> None:
    """Every pull of an office book asks which merged-away customers still hold rows: from
    the few merges, never a walk of every customer (50 ms a pull at 100,000, measured)."""
    from crmdesk.services import sync

    for i in range(3):
        add(f"Given{i}", f"Family{i}")
    plans = _plans(sync._stale_merged)
    assert plans
    for sql, plan in plans:
        assert not _scans_customers(plan), (sql, plan)
