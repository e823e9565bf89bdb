"""'Record things only under your own name': in the services that write, whoever calls."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.services import access, capture, interactions, lifecycle, loyalty_ledger, staff
from crmdesk.services.access import AccessDenied
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.store.book import Book
from crmdesk.store.db import db
from tests.conftest import add


def _office() -> dict[str, int]:
    ids = {name: staff.add(name, role) for name, role in [
        ("Marta", "manager"), ("Eva", "executive"), ("Rita", "receptionist")]}
    for name, sid in ids.items():
        access.set_password(sid, f"{name.lower()}-secret-1")
    return ids


def _count(table: str) -> int:
    return int(db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_receptionist_records_only_under_her_own_name(book: Book) -> None:
    ids = _office()
    carla = add("Carla", "Ruiz", emails=("carla@example.com",))
    access.sign_in("Rita", "rita-secret-1")
    call = InteractionData(carla, "phone", "in", "Asked for Eva", staff_id=ids["Eva"])
    refusals = [
        lambda: interactions.log(call),
        lambda: capture.capture(None, "New Walkin", call, None, "US"),
        lambda: lifecycle.move([carla], "growth", ids["Eva"]),
        lambda: loyalty_ledger.record_purchase(carla, 10_00, staff_id=ids["Eva"]),
        lambda: loyalty_ledger.redeem(carla, 1, staff_id=ids["Eva"]),
    ]
    before = {t: _count(t) for t in ("interaction", "customer", "stage_change", "purchase")}
    for refused in refusals:
        with pytest.raises(AccessDenied, match="only under their own name"):
            refused()
    assert {t: _count(t) for t in before} == before  # nothing half-written (no prospect)
    # Under her own name (or none: then it is hers) all of it works, hand-over included.
    own = InteractionData(carla, "phone", "in", "Asked for Eva")
    hand_over = FollowUpData(carla, "Call Carla back", dt.datetime.now(dt.UTC),
                             assignee_id=ids["Eva"])
    iid, fid = interactions.log(own, hand_over)
    assert interactions.load(iid).staff_id == ids["Rita"] and fid
    _cid, iid2, _ = capture.capture(None, "New Walkin", InteractionData(
        0, "in_person", "in", "Walked in", staff_id=ids["Rita"]), None, "US")
    assert interactions.load(iid2).staff_id == ids["Rita"]
    lifecycle.move([carla], "growth")
    assert db.execute_sql("SELECT staff_id FROM stage_change").fetchone()[0] == ids["Rita"]
    # Changing the author of an interaction to someone else is refused too.
    with pytest.raises(AccessDenied):
        interactions.edit(iid, InteractionData(carla, "phone", "in", "x", staff_id=ids["Eva"]))
    access.reset()
    access.sign_in("Marta", "marta-secret-1")  # a manager records a call for Eva
    iid3, _ = interactions.log(call)
    assert interactions.load(iid3).staff_id == ids["Eva"]
    lifecycle.move([carla], "retention", ids["Eva"])
    access.reset()
