"""The office book from the command line, against a real PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.hub import testserver
from crmdesk.services import customers
from crmdesk.store.migrations import SYNC_VERSION, current_version
from tests.conftest import add
from tests.hub.conftest import Hub
from tests.hub.helpers import Opened, run, run_json

PASSWORD = testserver.ADMIN_PASSWORD


@pytest.fixture
def office(hub: Hub, tmp_path: Path, capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch) -> tuple[Hub, Path]:
    """A manager's book with two customers made an office book."""
    monkeypatch.setenv("CRMDESK_HUB_NEW_PASSWORD", PASSWORD)
    book = tmp_path / "manager.db"
    with Opened(book):
        add("Lola", "Peña", emails=("lola@example.es",), phones=("+34 600 123 456",))
        add("Łukasz", "Nowak", company="Nowak & Syn")
    code, out, err = run(capsys, "hub", "init", "--hub", hub.admin_url, "--db", str(book))
    assert code == 0, err
    assert "now an office book" in out
    return hub, book


def test_init_check_join_and_sync(office: tuple[Hub, Path], tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    hub, manager = office
    with Opened(manager) as b:
        assert current_version(b.database) >= SYNC_VERSION
    rep = run_json(capsys, "hub", "check", "--hub", hub.admin_url, "--json")
    assert rep["ok"], rep["problems"]
    assert rep["schema_version"] == 1 and len(rep["devices"]) == 1
    assert rep["logins"] == [{"login": "manager", "role": "manager", "superuser": False,
                              "bypassrls": False, "can_login": True}]
    code, out, err = run(capsys, "hub", "enrol", "Ana", "--role", "executive",
                         "--hub", hub.admin_url)
    assert code == 0, err
    laptop = tmp_path / "ana.db"
    joined = run_json(capsys, "join", "--hub", hub.url(), "--user", "ana", "--db",
                      str(laptop), "--json")
    assert joined["customer"] == 2
    with Opened(laptop):
        found = {c.family_name for c in customers.search_rows("Peña")} \
            if hasattr(customers, "search_rows") else None
        rows = customers.load(1)
        assert rows.family_name in ("Peña", "Nowak")
    status = run_json(capsys, "sync", "status", "--db", str(laptop), "--json")
    assert {"hub", "device", "unsent", "last_sync", "conflicts"} <= set(status)
    assert status["unsent"] == 0 and status["conflicts"] == 0
    del found
