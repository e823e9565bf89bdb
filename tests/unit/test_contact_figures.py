"""Last contact and next follow-up, kept per customer by triggers (schema CONTACT_FIGURES)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crmdesk.services import customer_query, interactions
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.store import migrations
from crmdesk.store.book import Book, open_book
from crmdesk.store.db import close_database, db
from crmdesk.store.models import utcnow
from tests.conftest import add
from tests.unit.test_store import _book_at


def _figures(cid: int) -> tuple[str | None, str | None]:
    row = db.execute_sql("SELECT last_contact_at, next_follow_up_at FROM customer WHERE id = ?",
                         (cid,)).fetchone()
    return row[0], row[1]


def test_book_of_the_previous_schema_gets_the_figures(tmp_path: Path) -> None:
    path = _book_at(
        tmp_path / "old.db", migrations.CONTACT_FIGURES - 1,
        "INSERT INTO customer (id, given_name, family_name, sort_name, created_at, updated_at,"
        " stage_since) VALUES (4, 'Olga', 'Old', 'old olga', '2024-01-01T00:00:00Z', "
        "'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
        "INSERT INTO interaction (customer_id, channel, direction, happened_at, notes, "
        "created_at) VALUES (4, 'phone', 'in', '2025-03-01T10:00:00Z', 'a', "
        "'2025-03-01T10:00:00Z'), (4, 'email', 'out', '2025-05-01T10:00:00Z', 'b', "
        "'2025-05-01T10:00:00Z')",
        "INSERT INTO follow_up (customer_id, what, due_at, status, created_at) VALUES "
        "(4, 'done one', '2025-01-01T10:00:00Z', 'done', '2025-01-01T10:00:00Z'), "
        "(4, 'later', '2027-06-01T10:00:00Z', 'open', '2025-01-01T10:00:00Z'), "
        "(4, 'sooner', '2027-02-01T10:00:00Z', 'open', '2025-01-01T10:00:00Z')")
    book = open_book(path)
    try:
        assert book.backup is not None
        assert migrations.current_version(db) == migrations.LATEST
        assert _figures(4) == ("2025-05-01T10:00:00Z", "2027-02-01T10:00:00Z")
    finally:
        close_database()


def test_triggers_follow_every_write(book: Book) -> None:
    cid = add("Ana", "Ruiz")
    other = add("Bea", "Other")
    assert _figures(cid) == (None, None)
    when = utcnow() - dt.timedelta(days=2)
    iid, fid = interactions.log(
        InteractionData(cid, "phone", "out", "Called", when),
        FollowUpData(cid, "Send the offer", utcnow() + dt.timedelta(days=3)))
    assert fid is not None
    last, nxt = _figures(cid)
    assert last == when.strftime("%Y-%m-%dT%H:%M:%SZ") and nxt is not None
    sooner = interactions.add_follow_up(FollowUpData(cid, "Sooner", utcnow() +
                                                     dt.timedelta(hours=1)))
    assert (_figures(cid)[1] or "9999") < nxt
    interactions.set_follow_up_status(sooner, "done")
    assert _figures(cid)[1] == nxt
    interactions.set_follow_up_status(fid, "cancelled")
    assert _figures(cid)[1] is None
    # An interaction moved to another customer (as a merge does) moves the figure too.
    db.execute_sql("UPDATE interaction SET customer_id = ? WHERE id = ?", (other, iid))
    assert _figures(cid)[0] is None and _figures(other)[0] is not None
    db.execute_sql("DELETE FROM interaction WHERE id = ?", (iid,))
    assert _figures(other)[0] is None
    from crmdesk.services.integrity import check_book

    assert check_book().ok
    db.execute_sql("UPDATE customer SET next_follow_up_at = '2030-01-01T00:00:00Z'")
    assert "out of step for 2 customers" in " ".join(check_book().problems)


def test_the_list_sorts_by_the_new_columns(book: Book) -> None:
    a, b, c = add("A", "Never"), add("B", "Recent"), add("C", "Long ago")
    interactions.log(InteractionData(b, "phone", "out", "x", utcnow() - dt.timedelta(days=1)))
    interactions.log(InteractionData(c, "phone", "out", "x", utcnow() - dt.timedelta(days=90)))
    interactions.add_follow_up(FollowUpData(c, "soon", utcnow() + dt.timedelta(days=1)))
    interactions.add_follow_up(FollowUpData(a, "later", utcnow() + dt.timedelta(days=9)))
    ids = customer_query.customer_ids
    assert ids(CustomerFilter(sort="last_contact")) == [a, c, b]
    assert ids(CustomerFilter(sort="last_contact", descending=True)) == [b, c, a]
    assert ids(CustomerFilter(sort="next_follow_up")) == [c, a, b]  # none last
    plan = " ".join(str(r) for r in db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT c.id FROM customer c WHERE c.archived_at IS NULL "
        "ORDER BY coalesce(c.next_follow_up_at, '9999'), c.id LIMIT 50"))
    assert "customer_by_next_follow_up" in plan


def test_a_demo_load_keeps_the_triggers_and_the_figures(book: Book) -> None:
    from crmdesk.services import demo
    from crmdesk.services.integrity import check_book

    names = {n for n, _sql in migrations.CONTACT_TRIGGERS}

    def triggers() -> set[str]:
        return {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type = "
                                             "'trigger'")} & names

    assert demo.build_demo(5, progress=lambda done, total: False) == 0  # cancelled
    assert triggers() == names
    assert demo.build_demo(60) == 60
    assert triggers() == names and check_book().ok
    cid = add("After", "Demo")
    interactions.log(InteractionData(cid, "phone", "out", "x", utcnow()))
    assert _figures(cid)[0] is not None  # the triggers work again
