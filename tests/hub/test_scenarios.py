"""Scenarios a person would recognise, on real books and a real PostgreSQL hub."""

from __future__ import annotations

import datetime as dt

from crmdesk.services import customers, interactions, loyalty_ledger, sync, timeline
from crmdesk.services.interactions import InteractionData
from crmdesk.store.db import db
from tests.hub.office_kit import Office


def _one(sql: str, *args: object) -> object:
    row = db.execute_sql(sql, args).fetchone()
    return row[0] if row else None


def _cid(family: str) -> int:
    return int(_one("SELECT id FROM customer WHERE family_name = ?", family))  # type: ignore[arg-type]


def test_two_colleagues_edit_the_same_client_offline(office: Office) -> None:
    manager = office.start()
    ana = office.join("ana")
    ben = office.join("ben")
    with ana:  # on a plane: company
        cid = _cid("Family0")
        data = customers.load(cid)
        data.company = "Peña Seguros"
        data.notes = "Ana's note"
        customers.update(cid, data, "US")
    with ben:  # in a café: the preferred name, and the note too
        cid = _cid("Family0")
        data = customers.load(cid)
        data.preferred_name = "Lola"
        data.notes = "Ben's note"
        customers.update(cid, data, "US")
    ana.sync()
    ben.sync()
    ana.sync()
    manager.sync()
    seen = []
    for lap in (ana, ben, manager):
        with lap:
            data = customers.load(_cid("Family0"))
            seen.append((data.company, data.preferred_name, data.notes))
            assert sync.status()["unsent"] == 0
    assert seen[0] == seen[1] == seen[2]
    assert seen[0][:2] == ("Peña Seguros", "Lola")  # different fields: both survive
    # the same field: one wins, the other is kept in conflicts on every replica
    with manager:
        found = [c for c in sync.conflicts() if c.field == "notes"]
        assert len(found) == 1
        assert {found[0].kept, found[0].other} == {"Ana's note", "Ben's note"}
        assert found[0].kept == seen[0][2]
        assert {found[0].kept_by, found[0].other_by} == {"ana", "ben"}


def test_receptionist_walk_in_reaches_the_executive_after_the_flight(office: Office) -> None:
    office.start()
    ana = office.join("ana")
    rita = office.join("rita")
    ana.link.offline = True
    with rita:
        cid = _cid("Family1")
        interactions.log(InteractionData(customer_id=cid, channel="in_person", direction="in",
                                         notes="Walked in: call Mrs Peña back",
                                         staff_id=rita.staff_id("Rita")))
    rita.sync()
    with ana:  # still flying: the sync fails with one line, the book keeps working
        try:
            sync.sync(ana.link, ana.path)
        except Exception as exc:  # noqa: BLE001
            assert "cannot be reached" in str(exc)
        else:
            raise AssertionError("an offline sync must fail")
    ana.link.offline = False
    ana.sync()
    with ana:
        cid = _cid("Family1")
        keys = timeline.entry_keys(cid)
        shown = timeline.entries(keys)
        assert [shown[k].kind for k in keys] == ["interaction"]  # in her timeline
        logged = db.execute_sql("SELECT notes, staff_id FROM interaction WHERE customer_id = ?",
                                (cid,)).fetchall()
        assert logged == [("Walked in: call Mrs Peña back", ana.staff_id("Rita"))]
        hits = db.execute_sql("SELECT count(*) FROM interaction_fts WHERE interaction_fts "
                              "MATCH 'walked'").fetchone()[0]
        assert hits == 1


def test_two_offline_redemptions_overdraw_and_a_manager_sees_it(office: Office) -> None:
    manager = office.start()
    with manager:
        cid = _cid("Family0")
        loyalty_ledger.record_purchase(cid, 10_000, on=dt.date.today())
        earned = loyalty_ledger.balance(cid)
    manager.sync()
    ana = office.join("ana")
    ben = office.join("ben")
    for lap in (ana, ben):
        with lap:
            assert loyalty_ledger.balance(_cid("Family0")) == earned
            loyalty_ledger.redeem(_cid("Family0"), earned)
    ana.sync()
    ben.sync()
    ana.sync()
    manager.sync()
    for lap in (ana, ben, manager):
        with lap:
            cid = _cid("Family0")
            assert loyalty_ledger.balance(cid) == -earned  # both redemptions happened
            assert _one("SELECT sum(points) FROM points_entry WHERE customer_id = ?",
                        cid) == -earned
            assert _one("SELECT count(*) FROM points_entry WHERE customer_id = ? AND "
                        "kind = 'earn'", cid) == 1
    with manager:
        overdrafts = [c for c in sync.conflicts() if "overdrawn" in c.reason]
        assert len(overdrafts) == 1


def test_two_offline_adds_of_the_same_number_collapse_into_one(office: Office) -> None:
    office.start()
    ana = office.join("ana")
    ben = office.join("ben")
    for lap in (ana, ben):
        with lap:
            cid = _cid("Family0")
            data = customers.load(cid)
            data.phones.append(customers.ContactPoint("mobile", "+34 600 111 222"))
            customers.update(cid, data, "US")
    ana.sync()
    ben.sync()
    ana.sync()
    for lap in (ana, ben):
        with lap:
            cid = _cid("Family0")
            assert [p.value for p in customers.load(cid).phones] == ["+34600111222"]
            assert [e.value for e in customers.load(cid).emails] == ["c0@example.com"]
            assert sync.conflicts() == []
