"""A pull keeps the search index exact, and touches it only for what it is made of (a
pulled change of interests, say, leaves it alone: the incremental pull's biggest cost)."""

from __future__ import annotations

import datetime as dt

from crmdesk.services import customers, interactions, search_index, sync
from crmdesk.services.customers import ContactPoint
from crmdesk.services.interactions import InteractionData
from crmdesk.store.db import db
from tests.hub.office_kit import Office


def _cid(family: str) -> int:
    return int(db.execute_sql("SELECT id FROM customer WHERE family_name = ?",
                              (family,)).fetchone()[0])


def _index() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    return (db.execute_sql("SELECT rowid, name, emails, phones, company, tags, notes FROM "
                           "customer_fts ORDER BY rowid").fetchall(),
            db.execute_sql("SELECT rowid, subject, notes, outcome FROM interaction_fts "
                           "ORDER BY rowid").fetchall())


def _rebuilt() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with db.atomic():
        search_index.reindex([r[0] for r in db.execute_sql("SELECT id FROM customer")])
        db.execute_sql("DELETE FROM interaction_fts")
        db.execute_sql("INSERT INTO interaction_fts (rowid, subject, notes, outcome) "
                       "SELECT id, subject, notes, outcome FROM interaction")
    return _index()


def test_pulled_changes_keep_the_search_index_exact(office: Office) -> None:
    manager = office.start()
    ana = office.join("ana")
    with ana:
        iid, _ = interactions.log(InteractionData(customer_id=_cid("Family1"), channel="phone",
                                                  direction="in", notes="about the boat",
                                                  happened_at=dt.datetime.now(dt.UTC)))
    ana.sync()
    manager.sync()
    with manager:
        data = customers.load(_cid("Family0"))
        data.emails = [ContactPoint("work", "lola.new@example.com")]
        data.phones = [ContactPoint("mobile", "+34 600 111 222")]
        data.tags = ["golf"]
        data.company = "Peña Seguros"
        customers.update(_cid("Family0"), data, "US")
        other = customers.load(_cid("Family1"))
        other.emails = []
        customers.update(_cid("Family1"), other, "US")
        db.execute_sql("DELETE FROM interaction WHERE notes = 'about the boat'")
    manager.sync()
    ana.sync()
    with ana:
        before = _index()
        assert before == _rebuilt()
        assert any("lola.new@example.com" in str(r[2]) for r in before[0])
        assert before[1] == []
    # A change of what the index is not made of: nothing of it is rewritten.
    with manager:
        data = customers.load(_cid("Family0"))
        data.interests = "sailing"
        customers.update(_cid("Family0"), data, "US")
    manager.sync()
    with ana:
        calls: list[object] = []
        real = search_index.reindex
        search_index.reindex = lambda ids: (calls.append(list(ids)), real(ids))[1]  # type: ignore[assignment]
        try:
            got = sync.pull(ana.link)
        finally:
            search_index.reindex = real  # type: ignore[assignment]
        assert got.received > 0 and calls == [[]]
        assert customers.load(_cid("Family0")).interests == "sailing"
        assert _index() == _rebuilt()
    del iid
