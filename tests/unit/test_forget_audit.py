"""Forgetting a customer erases their name from the audit trail's details (an earlier
export named after them, say) while the chain still verifies; a book of the schema before
this one is brought up to date with its chain intact (or still showing what was tampered)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee
import pytest

from crmdesk.cli import main
from crmdesk.services import audit, exporting, privacy
from crmdesk.store import migrations
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db
from tests.conftest import add
from tests.unit.test_store import _book_at


def _text() -> str:
    return repr(db.execute_sql("SELECT * FROM audit_entry").fetchall())


def test_forget_erases_the_name_from_audit_details_and_the_chain_verifies(
        book, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lola = add("Lola", "Peña", emails=("lola.pena@example.es",), phones=("+34 612 345 678",))
    other = add("Carla", "Ruiz")
    exporting.export_vcards([lola, other], tmp_path / "Lola Peña and friends.vcf")
    exporting.export_csv([other], tmp_path / "lola.pena@example.es.csv")
    audit.record("export", [None], "sent to +34 612 345 678")
    audit.record("export", [None], "Carla's list")
    assert "Peña" in _text()
    privacy.forget(lola)
    text = _text()
    assert "Peña" not in text and "lola.pena" not in text and "612 345" not in text
    assert "Carla's list" in text  # entries about others keep their words
    result = audit.verify()
    assert result.ok, result.problems
    erased = db.execute_sql("SELECT count(*) FROM audit_entry WHERE erased = 1").fetchone()[0]
    assert erased == 4  # the vCard export (both customers' entries), the CSV, the phone
    assert sum(e.detail == audit.ERASED for e in audit.entries()) == 4
    # Nothing but an erasure gets past the trigger: other edits are still refused.
    with pytest.raises(peewee.IntegrityError):
        db.execute_sql("UPDATE audit_entry SET detail = 'rewritten' WHERE erased = 1")
    with pytest.raises(peewee.IntegrityError):
        db.execute_sql("UPDATE audit_entry SET who = 'someone', erased = 1, detail = '' "
                       "WHERE erased = 0")


def test_text_put_back_into_an_erased_entry_shows(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    open_book(path)
    lola = add("Lola", "Peña")
    audit.record("export", [lola], "Lola Peña.vcf")
    privacy.forget(lola)
    close_database()
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER audit_entry_no_update")
    con.execute("UPDATE audit_entry SET detail = 'something else' WHERE erased = 1")
    con.commit()
    con.close()
    open_book(path)
    assert not audit.verify().ok
    close_database()


def test_cli_forget_then_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "b.db"
    open_book(path)
    lola = add("Lola", "Peña")
    exporting.export_csv([lola], tmp_path / "Peña Lola.csv")
    close_database()
    assert main(["privacy", "forget", "--customer", str(lola), "--yes", "--db", str(path)]) == 0
    close_database()
    assert main(["audit", "verify", "--db", str(path)]) == 0
    close_database()
    assert "intact" in capsys.readouterr().out
    assert "Peña" not in path.read_bytes().decode("utf-8", "replace")


def test_a_book_of_schema_8_keeps_a_verifying_chain(tmp_path: Path) -> None:
    path = tmp_path / "v8.db"
    chain, prev = [], audit.GENESIS
    for n, detail in enumerate(["CSV Lola Peña.csv", "profile edited", "sign-in"], 1):
        digest = migrations.audit_digest(prev, "2026-01-01T00:00:00Z", "Ana", "export", 1,
                                         detail)
        chain.append(f"INSERT INTO audit_entry (id, at, who, action, customer_id, detail, "
                     f"prev_hash, hash) VALUES ({n}, '2026-01-01T00:00:00Z', 'Ana', 'export', "
                     f"1, '{detail}', '{prev}', '{digest}')")
        prev = digest
    _book_at(path, 8, "INSERT INTO customer (id, given_name, family_name, created_at, "
             "updated_at) VALUES (1, 'Lola', 'Peña', '2026-01-01T00:00:00Z', "
             "'2026-01-01T00:00:00Z')", *chain)
    open_book(path)
    assert audit.verify().ok, audit.verify().problems
    privacy.forget(1)
    assert audit.verify().ok and "Peña" not in _text()
    close_database()


def test_a_tampered_schema_8_chain_still_shows_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "v8.db"
    chain, prev = [], audit.GENESIS
    for n in range(1, 5):
        digest = migrations.audit_digest(prev, "2026-01-01T00:00:00Z", "Ana", "view", None,
                                         f"entry {n}")
        chain.append((n, f"entry {n}", prev, digest))
        prev = digest
    rows = [f"INSERT INTO audit_entry (id, at, who, action, customer_id, detail, prev_hash, "
            f"hash) VALUES ({n}, '2026-01-01T00:00:00Z', 'Ana', 'view', NULL, "
            f"'{'changed' if n == 2 else d}', '{p}', '{h}')"
            for n, d, p, h in chain if n != 3]  # entry 2 edited, entry 3 removed
    _book_at(path, 8, *rows)
    open_book(path)
    problems = audit.verify().problems
    assert any("entry 2: its content was changed" in p for p in problems), problems
    assert any(p.startswith("entry 4: the entry before it") for p in problems), problems
    close_database()
