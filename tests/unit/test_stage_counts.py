"""The board's column counts kept by triggers (stage_count): equal to a count of the customers
after every kind of write (added, moved, moves undone, archived, restored, deleted, merged,
imported, the demo's bulk load), after an upgrade of a book of the previous schema; the
board reads them when nothing but the stage narrows it; `check` proves them."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmdesk.services import customers, integrity, lifecycle
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.services.customers import ValidationFailed
from crmdesk.store import migration_stage_counts, migrations
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db
from tests.conftest import add, old_book

STAGES = ["knowledge", "acquisition", "conversion", "growth", "retention", "reactivation"]


def _counted() -> dict[str, int]:
    return {str(s): int(n) for s, n in db.execute_sql(
        "SELECT stage, count(*) FROM customer WHERE archived_at IS NULL GROUP BY stage")}


_ops = st.lists(st.tuples(st.sampled_from(["add", "move", "undo", "archive", "restore",
                                           "delete", "merge"]),
                          st.integers(0, 9), st.integers(0, 9), st.sampled_from(STAGES)),
                max_size=25)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=_ops)
def test_the_kept_counts_are_a_count_of_the_customers(book: object,
                                                      ops: list[tuple[str, int, int, str]]
                                                      ) -> None:
    from crmdesk.services import duplicates

    ids = [add("Ana", f"Seed{i}", stage=STAGES[i % 6]) for i in range(3)]
    undo: list[list[lifecycle.Move]] = []
    for what, a, b, stage in ops:
        one, other = ids[a % len(ids)], ids[b % len(ids)]
        if what == "add":
            ids.append(add("Bo", f"N{len(ids)}", stage=stage))
        elif what == "move":
            undo.append(lifecycle.move([one], stage))
        elif what == "undo" and undo:
            lifecycle.undo_moves(undo.pop())
        elif what in ("archive", "restore"):
            with contextlib.suppress(ValidationFailed):  # a merged-away one stays away
                customers.set_archived([one], what == "archive")
        elif what == "delete" and len(ids) > 1:
            db.execute_sql("DELETE FROM customer WHERE id = ?", (one,))
            ids.remove(one)
        elif what == "merge" and one != other:
            duplicates.merge(other, one, customers.load(other))
    assert migration_stage_counts.kept(db) == _counted()
    assert migration_stage_counts.out_of_step(db) == {}
    flt = CustomerFilter()
    expected = {k: 0 for k, _ in lifecycle.stages()}
    expected.update(_counted())
    assert lifecycle.column_counts(flt) == expected
    db.execute_sql("DELETE FROM customer")


def test_the_board_reads_the_kept_counts_only_without_a_filter(book: object) -> None:
    add("Ana", "Uno", stage="growth")
    add("Bo", "Dos", stage="growth", segment="VIP")
    db.execute_sql("UPDATE stage_count SET n = 99 WHERE stage = 'growth'")  # told apart
    assert lifecycle.column_counts(CustomerFilter())["growth"] == 99
    assert lifecycle.column_counts(CustomerFilter(segment="VIP"))["growth"] == 1
    assert lifecycle.column_counts(CustomerFilter(text="uno"))["growth"] == 1
    report = integrity.check_book()
    assert any(p.startswith("Stage counts out of step: growth 99 recorded, 2 counted")
               for p in report.problems), report.problems
    migration_stage_counts.rebuild(db)
    assert lifecycle.column_counts(CustomerFilter())["growth"] == 2
    assert "Stage counts: ok" in integrity.check_book().findings


def test_an_import_and_the_demo_keep_them(book: object, tmp_path: Path) -> None:
    from crmdesk.services import demo
    from crmdesk.services.importing import contact_import, files

    demo.build_demo(150, seed=4)
    assert migration_stage_counts.out_of_step(db) == {}
    csv = tmp_path / "people.csv"
    csv.write_text("First name,Last name,E-mail\n" + "".join(
        f"P{i},Imported,p{i}@example.com\n" for i in range(1200)), encoding="utf-8")
    read = files.read_path(csv)
    contact_import.apply(contact_import.plan(read.contacts, csv.name, "US"))
    assert migration_stage_counts.out_of_step(db) == {}
    assert sum(migration_stage_counts.kept(db).values()) >= 1350


def test_a_book_of_the_previous_schema_gets_its_counts(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    database = old_book(path, migrations.STAGE_COUNTS_VERSION - 1)
    assert not migration_stage_counts.present(database)
    stamp = "2026-01-05T10:00:00Z"
    for i, (stage, archived) in enumerate([("growth", None), ("growth", None),
                                           ("knowledge", None), ("growth", stamp)]):
        database.execute_sql(
            "INSERT INTO customer (given_name, family_name, sort_name, stage, created_at, "
            "updated_at, stage_since, archived_at) VALUES (?, 'Old', ?, ?, ?, ?, ?, ?)",
            (f"V{i}", f"old v{i}", stage, stamp, stamp, stamp, archived))
    database.close()
    open_book(path)
    try:
        assert migrations.current_version(db) == migrations.LATEST
        assert migration_stage_counts.kept(db) == {"growth": 2, "knowledge": 1}
        counts = lifecycle.column_counts(CustomerFilter())
        assert counts["growth"] == 2 and counts["knowledge"] == 1 and counts["retention"] == 0
    finally:
        close_database()
