"""A laptop joining an office holds exactly what the office's first book uploaded."""

from __future__ import annotations

from crmdesk.services import demo, sync
from crmdesk.services.integrity import check_book
from crmdesk.store.db import db
from tests.hub.office_kit import Office
from tests.hub.test_stateful import _dump


def test_a_joined_laptop_equals_the_book_that_made_the_office(office: Office) -> None:
    manager = office.start(customers=0)
    with manager:
        demo.build_demo(60, seed=3)
    manager.sync()  # the demo's rows travel as ordinary writes
    ana = office.join("manager", "manager-laptop")  # the manager's second device sees all
    books = {}
    for key, lap in (("manager", manager), ("ana", ana)):
        with lap:
            assert check_book().ok, check_book().problems
            books[key] = (_dump(), db.execute_sql(
                "SELECT uid, points_balance, last_contact_at, next_follow_up_at FROM customer "
                "ORDER BY uid").fetchall(),
                db.execute_sql("SELECT count(*) FROM customer_fts").fetchone()[0],
                db.execute_sql("SELECT count(*) FROM interaction_fts").fetchone()[0],
                # (the bulk load drops the book's own triggers and indexes: all are back,
                # and the figures they keep are right)
                db.execute_sql("SELECT type, name, sql FROM sqlite_master WHERE type IN "
                               "('trigger', 'index') ORDER BY name").fetchall(),
                db.execute_sql("SELECT archived, n FROM customer_count ORDER BY archived"
                               ).fetchall())
            assert sync.unsent() == 0
    # the same rows, balances and search index
    assert books["manager"] == books["ana"]
    assert len(books["ana"][1]) == 60


def test_an_executive_laptop_never_receives_others_exclusive_profiles(office: Office) -> None:
    manager = office.start(customers=0)
    with manager:
        demo.build_demo(40, seed=5)
        exclusive = {r[0] for r in db.execute_sql(
            "SELECT c.uid FROM customer c JOIN staff s ON s.id = c.owner_id "
            "WHERE c.relationship_type = 'exclusive' AND s.name <> 'Ana'")}
        assert exclusive
    manager.sync()
    ana = office.join("ana")
    with ana:
        held = db.execute_sql("SELECT uid, company, notes, birthday FROM customer").fetchall()
        assert {u for u, *_ in held} >= exclusive  # the name and contact, yes
        assert all(c == "" and n == "" and b is None for u, c, n, b in held if u in exclusive)
        assert db.execute_sql("SELECT count(*) FROM interaction i JOIN customer c ON "
                              "c.id = i.customer_id WHERE c.uid IN ({})".format(",".join(
                                  "?" * len(exclusive))), list(exclusive)).fetchone()[0] == 0
