"""Undo after sync: a stage move or an import that already reached the hub (colleagues'
books hold it) is undone by a compensating event, never by removing what others hold."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crmdesk.services import interactions, lifecycle, sync
from crmdesk.services.importing import contact_import, files
from crmdesk.services.interactions import InteractionData
from crmdesk.store.db import db
from tests.hub.office_kit import Office


def _cid(family: str) -> int:
    row = db.execute_sql("SELECT id FROM customer WHERE family_name = ?", (family,)).fetchone()
    return int(row[0])


def _history(family: str) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in db.execute_sql(  # type: ignore[misc]
        "SELECT from_stage, to_stage, reason FROM stage_change WHERE customer_id = ? "
        "ORDER BY changed_at, id", (_cid(family),))]


def test_undo_of_a_pushed_stage_move_is_a_move_back(office: Office) -> None:
    manager = office.start()
    ana = office.join("ana")
    with manager:
        moves = lifecycle.move([_cid("Family0")], "growth")
    manager.sync()
    ana.sync()
    with manager:
        assert sync.pushed("stage_change", moves[0].change_id)
        lifecycle.undo_moves(moves)
        assert db.execute_sql("SELECT stage FROM customer WHERE id = ?",
                              (_cid("Family0"),)).fetchone()[0] == "knowledge"
    manager.sync()
    ana.sync()
    for lap in (manager, ana):
        with lap:
            assert _history("Family0") == [("knowledge", "growth", ""),
                                           ("growth", "knowledge", lifecycle.UNDO_REASON)]
            assert db.execute_sql("SELECT stage FROM customer WHERE id = ?",
                                  (_cid("Family0"),)).fetchone()[0] == "knowledge"


def test_undo_of_a_move_not_yet_sent_leaves_no_history(office: Office) -> None:
    manager = office.start()
    ana = office.join("ana")
    with manager:
        moves = lifecycle.move([_cid("Family0")], "growth")
        assert not sync.pushed("stage_change", moves[0].change_id)
        lifecycle.undo_moves(moves)
    manager.sync()
    ana.sync()
    for lap in (manager, ana):
        with lap:
            assert _history("Family0") == []


def _import(tmp: Path) -> int:
    card = tmp / "new.vcf"
    card.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Imported;Ida;;;\r\n"
                     b"EMAIL:ida@example.com\r\nEND:VCARD\r\n"
                     b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Untouched;Uma;;;\r\nEND:VCARD\r\n")
    read = files.read_path(card)
    return contact_import.apply(contact_import.plan(read.contacts, card.name, "US")).import_id


def test_undo_of_a_pushed_import_keeps_what_colleagues_recorded(office: Office,
                                                                tmp_path: Path) -> None:
    manager = office.start()
    ana = office.join("ana")
    with manager:
        batch = _import(tmp_path)
    manager.sync()
    ana.sync()
    with ana:  # a colleague logs a call with the imported client
        interactions.log(InteractionData(customer_id=_cid("Imported"), channel="phone",
                                         direction="in", notes="Ida called",
                                         happened_at=dt.datetime.now(dt.UTC)))
    ana.sync()
    with manager:  # has not pulled that call: undoes the import
        report = contact_import.undo_import(batch)
        assert report.removed == 0 and report.to_trash == 2
    manager.sync()
    ana.sync()
    for lap in (manager, ana):
        with lap:
            rows = db.execute_sql("SELECT family_name, archived_at IS NOT NULL FROM customer "
                                  "WHERE family_name IN ('Imported', 'Untouched') ORDER BY 1"
                                  ).fetchall()
            assert rows == [("Imported", 1), ("Untouched", 1)]  # in the Trash, restorable
            assert db.execute_sql("SELECT notes FROM interaction WHERE customer_id = ?",
                                  (_cid("Imported"),)).fetchall() == [("Ida called",)]
            assert sync.unsent() == 0


def test_undo_of_an_import_not_yet_sent_deletes_it(office: Office, tmp_path: Path) -> None:
    manager = office.start()
    with manager:
        batch = _import(tmp_path)
        report = contact_import.undo_import(batch)
        assert report.removed == 2 and report.to_trash == 0
        rows = db.execute_sql("SELECT id, tbl, uid, cust, op, col, val, hlc_ms, cur FROM "
                              "sync_outbox ORDER BY id").fetchall()
        # inserted and deleted before a push: the customers are never sent (an e-mail's
        # removal mark may be: it keeps a colleague's same address from coming back)
        items = sync.fold(rows, "d")
        assert [i for i in items if i["k"].startswith("customer") and i["c"] != "_del"] == []
        assert [i for i in items if i["k"] == "customer"] == []
