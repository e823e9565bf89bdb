"""The whole-book JSON import: a manager's act that never touches the accounts of the book it
goes into, audited, and refused (with one line, nothing written) for any unsound value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crmdesk.cli import EXIT_NOT_ALLOWED, main
from crmdesk.services import access, audit, exporting, loyalty_ledger, staff
from crmdesk.services.access import AccessDenied
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db
from tests.conftest import add


def _export(tmp_path: Path, *, with_receptionist_as_manager: bool = True) -> Path:
    """An export made by a book where 'Rita' is a manager with a password she knows."""
    access.reset()
    open_book(tmp_path / "source.db")
    rita = staff.add("Rita", "manager")
    access.set_password(rita, "rita-secret-1")
    access.sign_in("Rita", "rita-secret-1")
    staff.add("Ghost", "manager")
    access.set_password(staff.require("Ghost"), "ghost-secret-1")
    cid = add("Lola", "Peña", emails=("lola@example.es",), owner="Rita")
    loyalty_ledger.record_purchase(cid, 12_34)
    out = tmp_path / "book.json"
    exporting.export_book(out)
    access.reset()
    close_database()
    return out


def _office(path: Path) -> dict[str, int]:
    """A new book with accounts and no customers: Marta (manager), Rita (receptionist)."""
    access.reset()
    open_book(path)
    ids = {"Marta": staff.add("Marta", "manager"), "Rita": staff.add("Rita", "receptionist")}
    access.set_password(ids["Marta"], "marta-secret-1")
    access.set_password(ids["Rita"], "rita-secret-2")
    return ids


def _accounts() -> list[tuple[object, ...]]:
    return db.execute_sql("SELECT id, name, role, password_hash, pin_hash FROM staff "
                          "WHERE name IN ('Marta', 'Rita') ORDER BY id").fetchall()


def test_a_receptionist_may_not_import_a_whole_book(tmp_path: Path) -> None:
    export = _export(tmp_path)
    _office(tmp_path / "office.db")
    before = _accounts()
    access.sign_in("Rita", "rita-secret-2")
    with pytest.raises(AccessDenied, match="import a whole book"):
        exporting.import_book(export.read_bytes())
    assert _accounts() == before
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0
    close_database()


def test_a_manager_imports_without_touching_the_books_accounts(tmp_path: Path) -> None:
    export = _export(tmp_path)
    ids = _office(tmp_path / "office.db")
    before = _accounts()
    access.sign_in("Marta", "marta-secret-1")
    counts = exporting.import_book(export.read_bytes(), source="book.json")
    assert counts["customer"] == 1
    assert _accounts() == before  # Rita is still a receptionist with her own password
    # The export's other member came in, but cannot sign in with the export's password.
    ghost = db.execute_sql("SELECT role, password_hash FROM staff WHERE name = 'Ghost'"
                           ).fetchone()
    assert ghost == ("manager", None)
    access.reset()
    with pytest.raises(access.SignInFailed):
        access.sign_in("Ghost", "ghost-secret-1")
    with pytest.raises(access.SignInFailed):
        access.sign_in("Rita", "rita-secret-1")
    me = access.sign_in("Rita", "rita-secret-2")
    assert me.role == "receptionist" and me.staff_id == ids["Rita"]
    # Lola's owner is this book's Rita; the trail is intact and says who imported what.
    owner = db.execute_sql("SELECT owner_id FROM customer").fetchone()[0]
    assert owner == ids["Rita"]
    access.reset()
    access.sign_in("Marta", "marta-secret-1")
    assert audit.verify().ok
    assert any(e.action == "import" and e.who == "Marta" and "book.json" in e.detail
               for e in audit.entries())
    assert loyalty_ledger.check_balances() == []
    access.reset()
    close_database()


def test_the_cli_refuses_a_receptionists_import(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    export = _export(tmp_path)
    _office(tmp_path / "office.db")
    before = _accounts()
    close_database()
    access.reset()
    monkeypatch.setenv("CRMDESK_PASSWORD", "rita-secret-2")
    code = main(["--user", "Rita", "import", str(export), "--db", str(tmp_path / "office.db")])
    err = capsys.readouterr().err
    assert code == EXIT_NOT_ALLOWED and "may not import a whole book" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    open_book(tmp_path / "office.db")
    assert _accounts() == before
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0
    access.reset()
    close_database()


def test_a_tampered_audit_trail_in_the_export_is_refused(tmp_path: Path) -> None:
    export = _export(tmp_path)
    spec = json.loads(export.read_text(encoding="utf-8"))
    rows = spec["tables"]["audit_entry"]["rows"]
    detail = spec["tables"]["audit_entry"]["columns"].index("detail")
    rows[0][detail] = "nothing happened"
    access.reset()
    open_book(tmp_path / "fresh.db")
    with pytest.raises(exporting.BookImportError, match="audit trail"):
        exporting.import_book(json.dumps(spec).encode())
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0
    close_database()


def test_an_export_whose_trail_was_cut_is_refused(tmp_path: Path) -> None:
    export = _export(tmp_path)
    spec = json.loads(export.read_text(encoding="utf-8"))
    assert spec["audit_anchor"]["entries"] == len(spec["tables"]["audit_entry"]["rows"])
    spec["tables"]["audit_entry"]["rows"].pop()  # the last entry taken out of the file
    access.reset()
    open_book(tmp_path / "fresh.db")
    with pytest.raises(exporting.BookImportError, match="cut"):
        exporting.import_book(json.dumps(spec).encode())
    close_database()


def test_a_cancelled_import_leaves_nothing(tmp_path: Path) -> None:
    export = _export(tmp_path)
    access.reset()
    open_book(tmp_path / "fresh.db")
    with pytest.raises(exporting.ExportCancelled):
        exporting.import_book(export.read_bytes(), lambda done, total: done < 3)
    for table in ("customer", "staff", "purchase"):
        assert db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    close_database()
