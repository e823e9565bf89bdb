"""Merging duplicates in an office book: an edit made offline to the customer merged away
lands on the one kept, on every replica; the merged-away customer never comes back; two
opposite merges made offline: the first to reach the hub stands, the other is refused into
conflicts."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest

from crmdesk.hub import schema
from crmdesk.services import customers, duplicates, interactions, sync
from crmdesk.services.customers import ContactPoint
from crmdesk.services.integrity import check_book
from crmdesk.services.interactions import InteractionData
from crmdesk.store.db import db
from tests.hub.helpers import run_json
from tests.hub.office_kit import PASSWORD, Laptop, Office


def _cid(family: str) -> int:
    row = db.execute_sql("SELECT id FROM customer WHERE family_name = ?", (family,)).fetchone()
    return int(row[0])


def _merge(keep_family: str, other_family: str) -> None:
    keep, other = _cid(keep_family), _cid(other_family)
    chosen = duplicates.merged_profile(customers.load(keep), customers.load(other))
    duplicates.merge(keep, other, chosen)


def _state(lap: Laptop) -> dict[str, object]:
    with lap:
        keep, other = _cid("Family0"), _cid("Family1")
        data, gone = customers.load(keep), customers.load(other)
        return {
            "company": data.company, "interests": data.interests,
            "phones": sorted(p.value for p in data.phones),
            "emails": sorted(e.value for e in data.emails), "tags": sorted(data.tags),
            "keep_archived": bool(db.execute_sql("SELECT archived_at FROM customer WHERE id = "
                                                 "?", (keep,)).fetchone()[0]),
            "other_archived": bool(db.execute_sql("SELECT archived_at FROM customer WHERE id "
                                                  "= ?", (other,)).fetchone()[0]),
            "other_company": gone.company,
            "notes": sorted(n for (n,) in db.execute_sql(
                "SELECT notes FROM interaction WHERE customer_id = ?", (keep,))),
            "left_on_other": db.execute_sql(
                "SELECT (SELECT count(*) FROM interaction WHERE customer_id = ?) + "
                "(SELECT count(*) FROM customer_phone WHERE customer_id = ?) + "
                "(SELECT count(*) FROM customer_tag WHERE customer_id = ?)",
                (other, other, other)).fetchone()[0],
            "aliases": db.execute_sql("SELECT count(*) FROM customer_alias").fetchone()[0],
            "unsent": sync.unsent(),
        }


def test_an_offline_edit_of_the_merged_away_customer_lands_on_the_kept_one(
        office: Office) -> None:
    manager = office.start()
    ana = office.join("ana")
    ben = office.join("ben")
    with ben:  # on a plane: works on Given1 Family1, not knowing it is a duplicate
        other = _cid("Family1")
        data = customers.load(other)
        data.company = "Ben's company"
        data.phones = [*data.phones, ContactPoint("mobile", "+34 600 111 222")]
        data.tags = [*data.tags, "golf"]
        customers.update(other, data, "US")
        interactions.log(InteractionData(customer_id=other, channel="in_person", direction="in",
                                         notes="Ben met them",
                                         happened_at=dt.datetime.now(dt.UTC)))
    with ana:  # meanwhile, in the office: the two are one person
        keep = _cid("Family0")
        data = customers.load(keep)
        data.tags = ["golf"]
        data.interests = "sailing"
        customers.update(keep, data, "US")
        _merge("Family0", "Family1")
    ana.sync()
    ben.sync()
    ana.sync()
    manager.sync()
    seen = [_state(lap) for lap in (ana, ben, manager)]
    assert seen[0] == seen[1] == seen[2]
    s = seen[0]
    assert s["company"] == "Ben's company"  # the offline edit, on the kept customer
    assert s["interests"] == "sailing"
    assert "+34600111222" in str(s["phones"]).replace(" ", "")
    assert s["tags"] == ["golf"]  # one tag, though both added it
    assert s["emails"] == ["c0@example.com", "c1@example.com"]
    assert s["notes"] == ["Ben met them"]  # the walk-in, in the kept customer's timeline
    assert s["left_on_other"] == 0
    assert s["other_archived"] and not s["keep_archived"]
    assert s["other_company"] == ""  # the merged-away customer got nothing back
    assert s["aliases"] == 1 and s["unsent"] == 0
    for lap in (ana, ben, manager):
        with lap:
            assert sync.check()[1] == []


def test_the_merged_away_customer_never_comes_back(office: Office) -> None:
    office.start()
    ana = office.join("ana")
    ben = office.join("ben")
    with ana:
        _merge("Family0", "Family1")
    ana.sync()
    ben.sync()
    with ben:  # tries to restore the merged-away customer from the Trash: refused here
        with pytest.raises(customers.ValidationFailed, match="merged into"):
            customers.set_archived([_cid("Family1")], False)
        # an older build or a modified client writes it anyway: the hub refuses it too
        with db.atomic():
            db.execute_sql("UPDATE customer SET archived_at = NULL WHERE id = ?",
                           (_cid("Family1"),))
    report = ben.sync()
    assert report.pushed.refused == 1
    ana.sync()
    for lap in (ana, ben):
        state = _state(lap)
        assert state["other_archived"] and not state["keep_archived"]
    with ben:
        refused = [c for c in sync.conflicts() if c.field == "archived_at"]
        assert refused and "merged into another customer" in refused[0].reason


def test_two_opposite_offline_merges_the_first_stands(office: Office) -> None:
    manager = office.start()
    ana = office.join("ana")
    ben = office.join("ben")
    with ana:
        _merge("Family0", "Family1")
    with ben:
        _merge("Family1", "Family0")
    ana.sync()
    report = ben.sync()
    assert report.pushed.refused >= 1
    ana.sync()
    manager.sync()
    ben.sync()
    seen = [_state(lap) for lap in (ana, ben, manager)]
    assert seen[0] == seen[1] == seen[2]
    assert not seen[0]["keep_archived"] and seen[0]["other_archived"]
    assert seen[0]["aliases"] == 1
    with ben:
        refused = [c for c in sync.conflicts() if c.table == "customer_alias"]
        assert len(refused) == 1 and refused[0].reason.startswith("merge:")
    with psycopg.connect(office.admin_url, password=PASSWORD) as conn:
        assert conn.execute("SELECT count(*) FROM crm.rec WHERE kind = 'customer_alias' AND "
                            "NOT deleted").fetchone()[0] == 1


def _set_photo(cid: int, shade: int) -> None:
    """A photo for the customer, written as the profile writes it (one per customer)."""
    picture = bytes([shade]) * 40 + b"\x00\xff"
    with db.atomic():
        if db.execute_sql("UPDATE customer_photo SET data = ? WHERE customer_id = ?",
                          (picture, cid)).rowcount == 0:
            db.execute_sql("INSERT INTO customer_photo (customer_id, mime, data) "
                           "VALUES (?, 'image/png', ?)", (cid, picture))


@pytest.mark.parametrize("kept_first", [True, False])
def test_a_photo_given_to_the_merged_away_customer_when_the_kept_one_has_one(
        office: Office, kept_first: bool) -> None:
    """Found by the state machine at 1,000 examples: a merge, a photo for the kept customer,
    then one for the merged-away customer, pushed together. The hub redirected the second
    photo to the kept customer, who then had two, and every pull failed on the book's one
    photo per customer (UNIQUE constraint failed: customer_photo.customer_id)."""
    manager = office.start()
    ana = office.join("ana")
    with manager:
        keep, other = _cid("Family0"), _cid("Family1")
        _merge("Family0", "Family1")
        for cid, shade in ([(keep, 1), (other, 2)] if kept_first else [(other, 2), (keep, 1)]):
            _set_photo(cid, shade)
    manager.sync()
    ana.sync()
    manager.sync()
    for lap in (manager, ana):
        with lap:
            keep = _cid("Family0")
            rows = db.execute_sql("SELECT customer_id, data FROM customer_photo").fetchall()
            # one photo: the first to reach the hub (the other is in conflicts)
            first = b"\x01" if kept_first else b"\x02"
            assert [(r[0], bytes(r[1])[:1]) for r in rows] == [(keep, first)]
            assert sync.check()[1] == []
            assert sync.unsent() == 0
    with manager:  # the photo that could not land is not dropped silently
        listed = [c for c in sync.conflicts(include_resolved=True)
                  if c.table == "customer_photo"]
        assert listed, "the refused photo is listed in conflicts"


def test_restoring_the_merged_away_customer_on_the_merging_laptop_is_refused(
        office: Office) -> None:
    """Found by the state machine at 1,000 examples: a merge, then a restore of the
    merged-away customer from the Trash on the same laptop before it synced. The restore
    replaced the merge's archive in the outbox, reached the hub before the merge, and the
    merged-away customer was back on every replica. In an office book the service refuses
    it (restore the kept one); a book that never joined a hub may still restore it."""
    manager = office.start()
    ana = office.join("ana")
    with manager:
        other = _cid("Family1")
        _merge("Family0", "Family1")
        with pytest.raises(customers.ValidationFailed, match="merged into"):
            customers.set_archived([other], False)
    manager.sync()
    ana.sync()
    for lap in (manager, ana):
        with lap:
            assert db.execute_sql("SELECT archived_at FROM customer WHERE id = ?",
                                  (_cid("Family1"),)).fetchone()[0] is not None


def _works_for(cid: int, oid: int) -> None:
    org = customers.load(oid)
    if org.kind != "organisation":
        org.kind, org.organisation_id = "organisation", None
        customers.update(oid, org, "US")
    data = customers.load(cid)
    data.kind, data.organisation_id = "person", oid
    customers.update(cid, data, "US")


def _organisations() -> list[tuple[str, str, str | None]]:
    return [(r[0], r[1], r[2]) for r in db.execute_sql(
        "SELECT c.family_name, c.kind, o.family_name FROM customer c LEFT JOIN customer o "
        "ON o.id = c.organisation_id WHERE c.archived_at IS NULL ORDER BY c.family_name")]


def test_a_client_merged_with_the_organisation_they_worked_for(office: Office) -> None:
    """Ana, offline, makes Family1 an organisation Family0 works for; the manager merges the
    two as one client. Through the merge Family0 would work for themselves: the hub clears
    that "works for" on every replica and keeps it in conflicts, saying why."""
    manager = office.start()
    ana = office.join("ana")
    with manager:
        _merge("Family0", "Family1")
    manager.sync()
    with ana:
        _works_for(_cid("Family0"), _cid("Family1"))
    ana.sync()
    manager.sync()
    for lap in (manager, ana):
        with lap:
            keep = db.execute_sql("SELECT organisation_id FROM customer WHERE family_name = "
                                  "'Family0'").fetchone()
            assert keep == (None,)
            assert check_book().ok, check_book().problems
            assert sync.unsent() == 0
    with manager:
        why = [c.reason for c in sync.conflicts(include_resolved=True)
               if c.field == "organisation_id"]
        assert why and "cannot work for themselves" in why[0]


def test_an_organisation_made_a_contact_person_on_another_laptop(office: Office) -> None:
    """Ana makes Family1 an organisation; offline meanwhile, Ben makes Family1 a contact
    person of Family2. Merged field by field that would be an organisation working for
    someone: the organisation stands, Ben's "works for" is in conflicts."""
    manager = office.start(customers=3)
    ana = office.join("ana")
    ben = office.join("ben")
    with ana:
        org = customers.load(_cid("Family1"))
        org.kind = "organisation"
        customers.update(_cid("Family1"), org, "US")
    with ben:
        _works_for(_cid("Family1"), _cid("Family2"))
    ana.sync()
    ben.sync()
    ana.sync()
    manager.sync()
    expected = [("Family0", "person", None), ("Family1", "organisation", None),
                ("Family2", "organisation", None)]
    for lap in (manager, ana, ben):
        with lap:
            assert _organisations() == expected
            assert check_book().ok, check_book().problems
    with manager:
        why = [c.reason for c in sync.conflicts(include_resolved=True)
               if c.field == "organisation_id"]
        assert why and "an organisation works for no one" in why[0]


# --- merges of merges (hub schema 7) ----------------------------------------------------
def _edit_company(family: str, company: str) -> None:
    cid = _cid(family)
    data = customers.load(cid)
    data.company = company
    customers.update(cid, data, "US")


def _everyone(*laps: Laptop) -> None:
    for lap in (*laps, *laps[:-1]):
        lap.sync()


def _by_family(family: str) -> tuple[str, bool]:
    row = db.execute_sql("SELECT company, archived_at FROM customer WHERE family_name = ?",
                         (family,)).fetchone()
    return str(row[0]), row[1] is not None


def test_an_edit_on_the_hub_before_a_merge_its_author_had_not_seen_moves_to_the_kept_one(
        office: Office) -> None:
    """Ben's edit of Family1 reached the hub; Ana, who had not pulled it, merges Family1 into
    Family0. Her merge had not seen Ben's company: it moves to the kept customer (it stayed
    on the merged-away one, in the Trash, where nobody looks)."""
    manager = office.start()
    ana = office.join("ana")
    ben = office.join("ben")
    with ben:
        _edit_company("Family1", "Ben's company")
    ben.sync()
    with ana:
        _merge("Family0", "Family1")
    _everyone(ana, ben, manager)
    for lap in (manager, ana, ben):
        with lap:
            assert _by_family("Family0") == ("Ben's company", False), lap.login
            assert _by_family("Family1")[1], lap.login
            assert sync.unsent() == 0 and check_book().ok


def test_an_edit_landing_in_the_middle_of_a_chain_of_merges_reaches_the_end(
        office: Office) -> None:
    """The state machine's defect: Ana, offline, merges Family1 into Family0; the manager
    merges Family2 into Family1 and syncs, then edits Family2 (redirected to Family1 by the
    hub). When Ana's merge arrives, the edit must end on Family0 — B into C, C into A: a
    write to B lands on A — not stay on Family1, in the Trash."""
    manager = office.start(customers=3)
    ana = office.join("ana")
    with ana:
        _merge("Family0", "Family1")
    with manager:
        _merge("Family1", "Family2")
    manager.sync()
    with manager:
        _edit_company("Family2", "Peña & Co")
    manager.sync()
    _everyone(manager, ana)
    for lap in (manager, ana):
        with lap:
            assert _by_family("Family0") == ("Peña & Co", False), lap.login
            assert _by_family("Family1")[1] and _by_family("Family2")[1], lap.login
            assert sync.unsent() == 0 and check_book().ok
    with psycopg.connect(office.admin_url, password=PASSWORD) as conn:
        targets = {r[0] for r in conn.execute(
            "SELECT data ->> 'new_id' FROM crm.rec WHERE kind = 'customer_alias' AND NOT "
            "deleted")}
    with manager:
        assert targets == {db.execute_sql("SELECT uid FROM customer WHERE family_name = "
                                          "'Family0'").fetchone()[0]}


def test_a_later_value_of_the_kept_customer_stays_when_the_merge_moves_fields(
        office: Office) -> None:
    """What moves with a merge follows the per-field rule: Ben's older edit of Family1
    reached the hub first, the manager then gave Family0 a company; Ana's merge arrives.
    The kept customer's later company stays; Ben's is kept in conflicts, not dropped."""
    manager = office.start()
    ana = office.join("ana")
    ben = office.join("ben")
    with ben:
        _edit_company("Family1", "Ben's company")
    ben.sync()
    with manager:
        _edit_company("Family0", "Manager's company")
    manager.sync()
    with ana:
        _merge("Family0", "Family1")
    _everyone(ana, ben, manager)
    for lap in (manager, ana, ben):
        with lap:
            assert _by_family("Family0") == ("Manager's company", False), lap.login
            lost = {(c.field, c.other) for c in sync.conflicts(include_resolved=True)}
            assert ("company", "Ben's company") in lost, lap.login


def test_a_merge_is_final_though_a_refused_opposite_merge_restored_its_customer(
        office: Office) -> None:
    """The state machine's second defect: Ben, offline, merges Family1 into Family0; the
    manager merges Family2 into Family1 and syncs; Ana, offline, merges Family1 into Family2
    — refused at the hub (the other way round already), so her laptop takes Family1 back out
    of the Trash, a later stamp than Ben's archive of it. Ben's merge then reaches the hub:
    it is taken, and Family1 must be in the Trash on every replica, not back."""
    manager = office.start(customers=3)
    ana = office.join("ana")
    ben = office.join("ben")
    with ben:
        _merge("Family0", "Family1")
    with manager:
        _merge("Family1", "Family2")
    manager.sync()
    with ana:
        _merge("Family2", "Family1")
    report = ana.sync()
    assert report.pushed.refused >= 1
    ben.sync()
    _everyone(manager, ana, ben)
    for lap in (manager, ana, ben):
        with lap:
            assert not _by_family("Family0")[1], lap.login
            assert _by_family("Family1")[1] and _by_family("Family2")[1], lap.login
            assert sync.unsent() == 0 and check_book().ok
    with psycopg.connect(office.admin_url, password=PASSWORD) as conn:
        back = conn.execute(
            "SELECT count(*) FROM crm.rec a JOIN crm.rec c ON c.kind = 'customer' AND "
            "c.uid = a.data ->> 'old_id' WHERE a.kind = 'customer_alias' AND NOT a.deleted "
            "AND jsonb_typeof(c.data -> 'archived_at') IS DISTINCT FROM 'string'"
        ).fetchone()[0]
    assert back == 0, "a merged-away customer is out of the Trash on the hub"


def test_a_hub_of_schema_6_upgraded_moves_what_a_merge_had_not_seen(
        office: Office, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """An office made by the previous crmdesk (hub schema 6) with an edit already on it:
    `crmdesk hub upgrade` brings it to 7, and a merge arriving afterwards moves that edit."""
    with monkeypatch.context() as old:
        old.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:6])
        old.setattr(schema, "LATEST", 6)
        manager = office.start()
        ana = office.join("ana")
        ben = office.join("ben")
        with ben:
            _edit_company("Family1", "Ben's company")
        ben.sync()
    assert schema.LATEST == 7
    done = run_json(capsys, "hub", "upgrade", "--hub", office.admin_url, "--json")
    assert done == {"from": 6, "to": 7}
    with ana:
        _merge("Family0", "Family1")
    _everyone(ana, ben, manager)
    for lap in (manager, ana, ben):
        with lap:
            assert _by_family("Family0") == ("Ben's company", False), lap.login
            assert _by_family("Family1")[1], lap.login
