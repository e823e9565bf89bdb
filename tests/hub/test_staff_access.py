"""Staff on the hub (issue 14): a manager enrols a person, resets a password, and revokes
a lost laptop or a leaver (`crmdesk hub revoke NAME`): the next connection is refused, the
book keeps its unsent edits, and enrolling again gives access back."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from crmdesk.hub import client, testserver
from crmdesk.services import customers, staff, sync
from tests.conftest import add
from tests.hub.conftest import Hub
from tests.hub.helpers import Opened, run, run_json

PASSWORD = testserver.ADMIN_PASSWORD


@pytest.fixture
def office(hub: Hub, tmp_path: Path, capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch) -> tuple[Hub, Path]:
    """The manager's office book, and Ana's laptop joined to it."""
    monkeypatch.setenv("CRMDESK_HUB_NEW_PASSWORD", PASSWORD)
    book = tmp_path / "manager.db"
    with Opened(book):
        add("Lola", "Peña")
    code, _out, err = run(capsys, "hub", "init", "--hub", hub.admin_url, "--db", str(book))
    assert code == 0, err
    code, _out, err = run(capsys, "hub", "enrol", "Ana García", "--hub", hub.admin_url)
    assert code == 0, err
    laptop = tmp_path / "ana.db"
    code, _out, err = run(capsys, "join", "--hub", hub.url(), "--user", "ana_garcia", "--db",
                          str(laptop))
    assert code == 0, err
    return hub, laptop


def _edit(laptop: Path, company: str) -> None:
    with Opened(laptop):
        data = customers.load(1)
        data.company = company
        customers.update(1, data, "US")


def test_a_revoked_login_is_refused_and_enrolling_again_gives_access_back(
        office: tuple[Hub, Path], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    hub, laptop = office
    # An open session of that login is ended too.
    session = psycopg.connect(hub.url("ana_garcia"), password=PASSWORD, autocommit=True)
    code, out, err = run(capsys, "hub", "revoke", "Ana García", "--hub", hub.admin_url)
    assert code == 0, err and "ana_garcia can no longer connect" in out
    with pytest.raises(psycopg.Error):
        session.execute("SELECT 1")
    session.close()
    _edit(laptop, "Offline Ltd")  # the laptop keeps working
    code, out, err = run(capsys, "sync", "--db", str(laptop))
    assert code == 75 and "revoked" in err and "waiting to be sent" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    with pytest.raises(client.HubError, match="revoked"):
        client.connect(hub.url(), "ana_garcia", password=PASSWORD)
    rep = run_json(capsys, "hub", "check", "--hub", hub.admin_url, "--json")
    assert rep["ok"], rep["problems"]
    ana = next(x for x in rep["logins"] if x["login"] == "ana_garcia")
    assert ana["revoked"] and not ana["can_login"]
    # Revoking again, or a name nobody has: one clear line.
    code, _out, err = run(capsys, "hub", "revoke", "Nobody", "--hub", hub.admin_url)
    assert code != 0 and "not enrolled" in err and "Traceback" not in err
    # Enrolled again: the edit made meanwhile is not lost.
    code, _out, err = run(capsys, "hub", "enrol", "Ana García", "--hub", hub.admin_url)
    assert code == 0, err
    code, out, err = run(capsys, "sync", "--db", str(laptop))
    assert code == 0, err
    with Opened(laptop):
        assert sync.unsent() == 0
    rep = run_json(capsys, "hub", "check", "--hub", hub.admin_url, "--json")
    assert not next(x for x in rep["logins"] if x["login"] == "ana_garcia")["revoked"]


def test_reset_password(office: tuple[Hub, Path], capsys: pytest.CaptureFixture[str],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    hub, _laptop = office
    monkeypatch.setenv("CRMDESK_HUB_NEW_PASSWORD", "a-new-secret-9")
    code, out, err = run(capsys, "hub", "reset-password", "ana_garcia", "--hub", hub.admin_url)
    assert code == 0 and "new hub password" in out, err
    with pytest.raises(client.HubError, match="Wrong password"):
        client.connect(hub.url(), "ana_garcia", password=PASSWORD)
    client.connect(hub.url(), "ana_garcia", password="a-new-secret-9").close()
    monkeypatch.setenv("CRMDESK_HUB_NEW_PASSWORD", "short")
    code, _out, err = run(capsys, "hub", "reset-password", "ana_garcia", "--hub",
                          hub.admin_url)
    assert code != 0 and "8 characters" in err
    monkeypatch.setenv("CRMDESK_HUB_NEW_PASSWORD", PASSWORD)
    run(capsys, "hub", "revoke", "ana_garcia", "--hub", hub.admin_url)
    code, _out, err = run(capsys, "hub", "reset-password", "ana_garcia", "--hub",
                          hub.admin_url)
    assert code != 0 and "revoked" in err


def test_upgrade_of_an_older_hub(hub: Hub, capsys: pytest.CaptureFixture[str]) -> None:
    conn = client.connect(hub.admin_url, password=PASSWORD)
    try:
        client.ensure_group_roles(conn)
        from crmdesk.hub import schema

        with conn.transaction():
            conn.execute(schema.MIGRATIONS[0])
            conn.execute("INSERT INTO crm.meta (key, value) VALUES ('schema_version', '1')")
    finally:
        conn.close()
    code, out, _err = run(capsys, "hub", "check", "--hub", hub.admin_url, "--json")
    rep = json.loads(out)
    assert code == 1 and not rep["ok"] and any("hub upgrade" in p for p in rep["problems"])
    done = run_json(capsys, "hub", "upgrade", "--hub", hub.admin_url, "--json")
    assert done == {"from": 1, "to": schema.LATEST}
    assert run_json(capsys, "hub", "upgrade", "--hub", hub.admin_url, "--json") == {
        "from": schema.LATEST, "to": schema.LATEST}


def test_hub_check_reads_every_table_as_each_staff_login(office: tuple[Hub, Path],
                                                         tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    """As each login, nothing above that person's level comes back — and the check can
    fail: with a policy opened up, it names the login that reads too much."""
    hub, laptop = office
    code, _out, err = run(capsys, "hub", "enrol", "Rita", "--role", "receptionist", "--hub",
                          hub.admin_url)
    assert code == 0, err
    manager = laptop.parent / "manager.db"
    with Opened(manager):
        staff.add("Ana García", "executive")
    for book in (manager, laptop):
        code, _out, err = run(capsys, "sync", "--db", str(book))
        assert code == 0, err
    with Opened(laptop):
        add("Vip", "Exclusive", relationship_type="exclusive", owner="Ana García",
            notes="secret", notes_private=True, company="Private Bank")
    code, out, err = run(capsys, "sync", "--db", str(laptop))
    assert code == 0 and "0 refused" in out, err
    rep = run_json(capsys, "hub", "check", "--hub", hub.admin_url, "--json")
    assert rep["ok"], rep["problems"]
    assert any(f.startswith("leak check: as each of 3") for f in rep["findings"])
    with psycopg.connect(hub.admin_url, password=PASSWORD, autocommit=True) as conn:
        conn.execute("ALTER POLICY rec_staff_read ON crm.rec USING (true)")
    code, out, _err = run(capsys, "hub", "check", "--hub", hub.admin_url, "--json")
    rep = json.loads(out)
    assert code == 1
    leaks = [p for p in rep["problems"] if "above their level" in p]
    assert any(p.startswith("login rita (receptionist)") for p in leaks), rep["problems"]
    # (Every login then reads the devices' audit records, which nobody pulls.)
    assert any(p.startswith("login manager") for p in leaks)
