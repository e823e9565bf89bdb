"""The audit trail: recorded by the services in the same transaction, chained by hashes,
append-only, and tampering detected."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee
import pytest

from crmdesk.cli import main
from crmdesk.services import audit, customers, exporting, interactions, loyalty_ledger
from crmdesk.services.interactions import InteractionData
from crmdesk.store.db import close_database, db
from tests.conftest import add


def _actions() -> list[tuple[str, str, int | None]]:
    return [(e.who, e.action, e.customer_id) for e in reversed(audit.entries())]


def test_changes_exports_and_who_did_them(book, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    audit.set_actor("Ana Ruiz")
    try:
        cid = add("Lola", "Peña")
        data = customers.load(cid)
        data.notes = "Prefers mornings"
        customers.update(cid, data, "US")
        interactions.log(InteractionData(cid, "phone", "in", "Called"))
        loyalty_ledger.record_purchase(cid, 10_00)
        audit.set_actor("Eve Okafor")
        exporting.export_csv([cid], tmp_path / "x.csv")
        customers.set_archived([cid], True)
    finally:
        audit.set_actor(None)
    assert _actions() == [("Ana Ruiz", "create", cid), ("Ana Ruiz", "change", cid),
                          ("Ana Ruiz", "change", cid), ("Ana Ruiz", "change", cid),
                          ("Eve Okafor", "export", cid), ("Eve Okafor", "archive", cid)]
    assert [e.detail for e in audit.entries(cid, "Ana Ruiz")][:2] == [
        "purchase 10.00 USD recorded", "phone interaction logged"]
    assert audit.verify().ok and audit.verify().entries == 6


def test_a_refused_change_leaves_no_entry(book: object) -> None:
    cid = add("Ben", "Carter")
    with pytest.raises(loyalty_ledger.LoyaltyError):
        loyalty_ledger.redeem(cid, 100)
    assert [a for _w, a, _c in _actions()] == ["create"]


def test_the_trail_is_append_only_and_tampering_shows(book) -> None:  # type: ignore[no-untyped-def]
    cid = add("Cy", "Test")
    audit.record("view", [cid])
    audit.record("print", [cid], "statement 2026-10")
    with pytest.raises(peewee.IntegrityError, match="append-only"):
        db.execute_sql("UPDATE audit_entry SET who = 'nobody'")
    with pytest.raises(peewee.IntegrityError, match="append-only"):
        db.execute_sql("DELETE FROM audit_entry")
    close_database()
    raw = sqlite3.connect(book.path)
    raw.execute("DROP TRIGGER audit_entry_no_update")
    raw.execute("DROP TRIGGER audit_entry_no_delete")
    raw.execute("UPDATE audit_entry SET detail = 'statement 2026-11' WHERE action = 'print'")
    raw.commit()
    from crmdesk.store.book import open_book

    open_book(book.path)
    result = audit.verify()
    assert not result.ok and result.problems == ["entry 3: its content was changed"]
    close_database()
    raw.execute("DELETE FROM audit_entry WHERE action = 'view'")
    raw.commit()
    raw.close()
    open_book(book.path)
    assert "entry 3: the entry before it was changed or removed" in audit.verify().problems


def test_cli_audit_verify_and_list(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    path = str(tmp_path / "c.db")
    main(["add", "--db", path, "--given", "Ana", "--family", "Ruiz"])
    close_database()
    capsys.readouterr()
    assert main(["audit", "verify", "--db", path]) == 0
    close_database()
    assert "intact (1 entries)" in capsys.readouterr().out
    assert main(["audit", "list", "--db", path, "--customer", "1", "--json"]) == 0
    close_database()
    [entry] = json.loads(capsys.readouterr().out)
    assert (entry["action"], entry["customer_id"], entry["customer"]) == ("create", 1,
                                                                          "Ana Ruiz")
