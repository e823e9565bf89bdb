"""Who receives what when access changes: a client made exclusive to an executive leaves the
receptionist's and the other executives' laptops (all but name and contact) at their next
pull, file included; made ordinary again, it comes back; an offline write is judged by the
access its author had when making it."""

from __future__ import annotations

import datetime as dt

from crmdesk.services import customers, interactions, sync
from crmdesk.services.integrity import check_book
from crmdesk.services.interactions import InteractionData
from crmdesk.store.db import db
from tests.hub.office_kit import Laptop, Office

MARK_COMPANY = "Zafiro Capital Privado"
MARK_NOTE = "herencia de la tía Carmen"
MARK_CALL = "talked about the Marbella villa"


def _cid(family: str) -> int:
    row = db.execute_sql("SELECT id FROM customer WHERE family_name = ?", (family,)).fetchone()
    return int(row[0])


def _profile(lap: Laptop, family: str = "Family0") -> dict[str, object]:
    with lap:
        cid = _cid(family)
        data = customers.load(cid)
        return {
            "name": data.given_name, "emails": [e.value for e in data.emails],
            "company": data.company, "notes": data.notes,
            "calls": [r[0] for r in db.execute_sql(
                "SELECT notes FROM interaction WHERE customer_id = ?", (cid,))],
            "ok": check_book().ok, "unsent": sync.unsent(),
        }


def _in_file(lap: Laptop, text: str) -> bool:
    with lap:
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    data = b"".join(p.read_bytes() for p in lap.path.parent.glob(lap.path.name + "*"))
    return text.encode() in data


def _set(family: str, **fields: object) -> None:
    cid = _cid(family)
    data = customers.load(cid)
    for k, v in fields.items():
        setattr(data, k, v)
    customers.update(cid, data, "US")


def _call(family: str, note: str) -> None:
    interactions.log(InteractionData(customer_id=_cid(family), channel="phone",
                                     direction="in", notes=note,
                                     happened_at=dt.datetime(2026, 11, 30, 10, 0,
                                                             tzinfo=dt.UTC)))


def test_made_exclusive_it_leaves_the_receptionists_laptop_and_comes_back(
        office: Office) -> None:
    manager = office.start()
    rita = office.join("rita")
    ben = office.join("ben")
    ana = office.join("ana")
    with manager:
        _set("Family0", company=MARK_COMPANY, notes=MARK_NOTE)
        _call("Family0", MARK_CALL)
    manager.sync()
    for lap in (rita, ben, ana):
        lap.sync()
        seen = _profile(lap)
        assert (seen["company"], seen["notes"], seen["calls"]) == (
            MARK_COMPANY, MARK_NOTE, [MARK_CALL])
    with manager:
        _set("Family0", relationship_type="exclusive", owner="Ana")
    manager.sync()
    for lap in (rita, ben):  # the next pull takes it away: name and contact stay
        lap.sync()
        seen = _profile(lap)
        assert seen == {"name": "Given0", "emails": ["c0@example.com"], "company": "",
                        "notes": "", "calls": [], "ok": True, "unsent": 0}, lap.login
        for mark in (MARK_COMPANY, MARK_NOTE, MARK_CALL):
            assert not _in_file(lap, mark), (lap.login, mark)
    ana.sync()  # the owner keeps all of it
    assert _profile(ana)["calls"] == [MARK_CALL]
    assert _profile(ana)["company"] == MARK_COMPANY
    with manager:  # made an ordinary client again: it all comes back
        _set("Family0", relationship_type="personal", owner="")
    manager.sync()
    for lap in (rita, ben):
        lap.sync()
        seen = _profile(lap)
        assert (seen["company"], seen["notes"], seen["calls"], seen["ok"]) == (
            MARK_COMPANY, MARK_NOTE, [MARK_CALL], True), lap.login
    rita.sync()  # nothing more to take again
    assert _profile(rita)["calls"] == [MARK_CALL]


def test_an_offline_edit_made_before_the_client_became_exclusive_is_kept(
        office: Office) -> None:
    """Rita corrects the company of a client offline; meanwhile the manager makes the client
    exclusive to Ana. Rita had standard access when she wrote: her edit is kept (on the hub
    and on Ana's laptop), and then leaves Rita's laptop with the rest."""
    manager = office.start()
    rita = office.join("rita")
    ana = office.join("ana")
    with rita:
        _set("Family0", company="Peña & Hijos")
    with manager:
        _set("Family0", relationship_type="exclusive", owner="Ana")
    manager.sync()
    rita.sync()
    ana.sync()
    assert _profile(ana)["company"] == "Peña & Hijos"
    assert _profile(rita)["company"] == ""
    with manager:
        assert not [c for c in sync.conflicts(include_resolved=True) if c.field == "company"]


def test_a_write_beyond_what_the_author_ever_had_is_refused(office: Office) -> None:
    """The client was exclusive before Rita's laptop pulled it: her company edit (at contact
    level, which a changed app might still send) is refused into conflicts, not dropped."""
    manager = office.start()
    with manager:
        _set("Family0", relationship_type="exclusive", owner="Ana")
    manager.sync()
    rita = office.join("rita")
    with rita:
        cid = _cid("Family0")
        db.execute_sql("UPDATE customer SET company = 'Hostile' WHERE id = ?", (cid,))
    rita.sync()
    manager.sync()
    with manager:
        assert customers.load(_cid("Family0")).company == ""
        refused = [c for c in sync.conflicts(include_resolved=True) if c.field == "company"]
        assert refused and "contact level" in refused[0].reason


def test_a_refusal_does_not_tell_what_the_author_may_not_see(office: Office) -> None:
    """A hostile laptop pushes a write to the company of a client exclusive to Ana: the hub
    refuses it and its answer carries no value (it used to carry the company it holds)."""
    import json
    import time

    from crmdesk.hub import client
    from tests.hub.office_kit import PASSWORD

    manager = office.start()
    with manager:
        _set("Family0", company=MARK_COMPANY, relationship_type="exclusive", owner="Ana")
        uid = db.execute_sql("SELECT uid FROM customer WHERE family_name = 'Family0'"
                             ).fetchone()[0]
    manager.sync()
    rita = office.join("rita")
    with rita:
        device = sync.require_state().device
    conn = client.connect(office.url, "rita", password=PASSWORD)
    try:
        stamp = f"{int(time.time() * 1000)}-0000000001-{device}"
        item = {"k": "customer.standard", "u": uid, "c": "company", "x": "Hostile",
                "h": stamp, "q": 0, "cu": uid}
        answer = conn.execute("SELECT crm.push(1, %s, %s::jsonb)",
                              (device, json.dumps([item]))).fetchone()[0]
    finally:
        conn.close()
    [result] = answer["results"]
    assert result["r"] == "refused"
    assert MARK_COMPANY not in json.dumps(answer)
