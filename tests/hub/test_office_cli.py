"""The office book from the command line, against a real PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.hub import schema as hub_schema
from crmdesk.hub import testserver
from crmdesk.services import customers, sync
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
    assert rep["schema_version"] == hub_schema.LATEST and len(rep["devices"]) == 1
    assert rep["logins"] == [{"login": "manager", "role": "manager", "superuser": False,
                              "bypassrls": False, "can_login": True,
                              "revoked": False}]
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


def _join(hub: Hub, capsys: pytest.CaptureFixture[str], laptop: Path, user: str = "ana",
          *extra: str) -> None:
    code, _out, err = run(capsys, "hub", "enrol", user.capitalize(), "--role", "executive",
                          "--hub", hub.admin_url)
    assert code == 0, err
    code, _out, err = run(capsys, "join", "--hub", hub.url(), "--user", user, "--db",
                          str(laptop), *extra)
    assert code == 0, err


def test_conflicts_listed_and_settled_from_the_cli(office: tuple[Hub, Path], tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    hub, manager = office
    laptop = tmp_path / "ana.db"
    _join(hub, capsys, laptop)
    for path, company in ((manager, "Mine Ltd"), (laptop, "Theirs SA")):
        with Opened(path):
            data = customers.load(1)
            data.company = company
            customers.update(1, data, "US")
    for path in (laptop, manager, laptop):
        code, out, err = run(capsys, "sync", "--db", str(path), "--json")
        assert code == 0, err
    listed = run_json(capsys, "conflicts", "--db", str(manager), "--json")
    assert len(listed) == 1
    c = listed[0]
    assert c["field"] == "company" and {c["kept"], c["other"]} == {"Mine Ltd", "Theirs SA"}
    assert {"table", "customer", "kept_by", "other_by", "kept_at", "other_at"} <= set(c)
    code, out, _err = run(capsys, "conflicts", "--db", str(manager))
    assert f"#{c['id']} customer" in out and "Mine Ltd" in out
    code, out, err = run(capsys, "conflicts", "resolve", str(c["id"]), "--keep", "mine",
                         "--db", str(manager))
    assert code == 0, err
    for path in (manager, laptop):
        run(capsys, "sync", "--db", str(path))
    for path in (manager, laptop):
        with Opened(path):
            assert customers.load(1).company == "Mine Ltd"
            assert sync.open_conflicts() == 0
    code, _out, err = run(capsys, "conflicts", "resolve", str(c["id"]), "--keep", "mine",
                          "--db", str(manager))
    assert code == 1 and "already settled" in err


def test_faults_are_one_line_and_change_nothing(office: tuple[Hub, Path], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    hub, manager = office
    laptop = tmp_path / "ana.db"
    _join(hub, capsys, laptop)
    with Opened(laptop):
        data = customers.load(2)
        data.occupation = "Offline edit"
        customers.update(2, data, "US")
    # an unreachable hub: the book keeps working and counts what waits
    with Opened(laptop):
        from crmdesk.store.db import db

        db.execute_sql("UPDATE sync_state SET hub = 'postgresql://127.0.0.1:1/nothing'")
        before = sync.status()["unsent"]
    code, _out, err = run(capsys, "sync", "--db", str(laptop))
    assert code == 75 and err.count("\n") == 1
    assert "cannot be reached" in err and f"({before} change(s) waiting" in err
    with Opened(laptop):
        db.execute_sql("UPDATE sync_state SET hub = ?", (f"postgresql://127.0.0.1:"
                                                         f"{hub.server.port}/{hub.dbname}",))
    # a wrong password
    monkeypatch.setenv("PGPASSWORD", "wrong-password")
    code, _out, err = run(capsys, "sync", "--db", str(laptop))
    assert code == 75 and "Wrong password for ana" in err and "Traceback" not in err
    monkeypatch.setenv("PGPASSWORD", testserver.ADMIN_PASSWORD)
    with Opened(laptop):
        assert sync.status()["unsent"] == before
    # not PostgreSQL; a password on the command line
    for url, words in (("http://example.com/db", "not a PostgreSQL address"),
                       ("mysql://h/db", "not a PostgreSQL address"),
                       (f"postgresql://postgres:pw@127.0.0.1:{hub.server.port}/x",
                        "never taken on the command line")):
        code, _out, err = run(capsys, "hub", "check", "--hub", url)
        assert code == 1 and words in err and err.count("\n") == 1
    # a hub of a newer schema
    import psycopg

    with psycopg.connect(hub.admin_url, autocommit=True) as conn:
        conn.execute("UPDATE crm.meta SET value = '99' WHERE key = 'schema_version'")
    code, out, err = run(capsys, "hub", "check", "--hub", hub.admin_url)
    assert code == 1 and "newer than this crmdesk" in out
    code, _out, err = run(capsys, "join", "--hub", hub.url(), "--user", "ana", "--db",
                          str(tmp_path / "new.db"))
    assert code == 1 and "newer than this crmdesk" in err
    assert not (tmp_path / "new.db").exists()  # nothing half-made is left
    with psycopg.connect(hub.admin_url, autocommit=True) as conn:
        conn.execute("UPDATE crm.meta SET value = '1' WHERE key = 'schema_version'")
        # a book from another office
        conn.execute("UPDATE crm.meta SET value = 'another-office' WHERE key = 'office'")
    code, _out, err = run(capsys, "sync", "--db", str(laptop))
    assert code == 1 and "another office" in err
    with Opened(laptop):
        assert sync.status()["unsent"] == before


def test_join_encrypted_and_sync_keeps_working(office: tuple[Hub, Path], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    hub, manager = office
    laptop = tmp_path / "ana.db"
    secret = tmp_path / "pass.txt"
    secret.write_text("laptop passphrase\n")
    _join(hub, capsys, laptop, "ana", "--passphrase-file", str(secret))
    from crmdesk.store.db import is_encrypted

    assert is_encrypted(laptop)
    assert b"Nowak" not in laptop.read_bytes()
    code, out, err = run(capsys, "check", "--db", str(laptop), "--passphrase-file",
                         str(secret))
    assert code == 0, out + err
    code, out, err = run(capsys, "search", "nowak", "--db", str(laptop), "--json",
                         "--passphrase-file", str(secret))
    assert code == 0 and "Nowak & Syn" in out


def test_a_hub_restarted_between_and_during_syncs(office: tuple[Hub, Path], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from crmdesk.hub import client

    hub, manager = office
    with Opened(manager):
        data = customers.load(1)
        data.company = "Before the restart"
        customers.update(1, data, "US")
        link = client.HubLink.open(hub.url(), "manager", password=testserver.ADMIN_PASSWORD)
        waiting = sync.unsent()
        hub.server.restart()  # the connection the book holds dies with it
        with pytest.raises(client.HubError):
            sync.sync(link, manager)
        link.close()
        assert sync.unsent() == waiting  # nothing lost, nothing half-sent
    code, out, err = run(capsys, "sync", "--db", str(manager), "--json")
    assert code == 0, err
    with Opened(manager):
        assert sync.unsent() == 0
    rep = run_json(capsys, "hub", "check", "--hub", hub.admin_url, "--json")
    assert rep["ok"] and rep["records"] > 0


def test_a_manager_reads_and_verifies_the_offices_audit_trail(
        office: tuple[Hub, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`audit list|verify --office`: every device's chain as the hub keeps it, for managers
    only (an executive's login is refused by the hub, in one line)."""
    hub, manager = office
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    assert run(capsys, "hub", "enrol", "Ana", "--role", "executive",
               "--hub", hub.admin_url)[0] == 0
    laptop = tmp_path / "ana.db"
    run_json(capsys, "join", "--hub", hub.url(), "--user", "ana", "--db", str(laptop),
             "--json")
    with Opened(laptop):
        data = customers.load(1)
        data.notes = "Ana called about the mortgage"
        customers.update(1, data, "ES")
    assert run(capsys, "sync", "--db", str(laptop))[0] == 0
    assert run(capsys, "sync", "--db", str(manager))[0] == 0
    done = run_json(capsys, "audit", "verify", "--office", "--db", str(manager), "--json")
    assert done["ok"] and done["devices"] == 2 and done["entries"] >= 2, done
    listed = run_json(capsys, "audit", "list", "--office", "--db", str(manager), "--json")
    edits = [e for e in listed if e["login"] == "ana" and e["action"] == "change"]
    assert edits and edits[-1]["customer"] in ("Lola Peña", "Łukasz Nowak")
    code, _out, err = run(capsys, "audit", "list", "--office", "--db", str(laptop))
    assert code != 0 and "only a manager" in err and "Traceback" not in err


def test_a_joined_laptop_signs_in_its_person_with_their_role(
        hub: Hub, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The receptionist's laptop is not a manager's book: joining makes her hub password
    its sign-in (her hash only, made there), every command then runs as her, with her
    role (no export), offline too."""
    from crmdesk.services import staff

    monkeypatch.setenv("CRMDESK_HUB_NEW_PASSWORD", PASSWORD)
    book = tmp_path / "manager.db"
    with Opened(book):
        staff.add("Rita", "receptionist")
        add("Lola", "Peña", emails=("lola@example.es",))
    assert run(capsys, "hub", "init", "--hub", hub.admin_url, "--db", str(book))[0] == 0
    assert run(capsys, "hub", "enrol", "Rita", "--role", "receptionist",
               "--hub", hub.admin_url)[0] == 0
    laptop = tmp_path / "rita.db"
    joined = run_json(capsys, "join", "--hub", hub.url(), "--user", "rita", "--db",
                      str(laptop), "--json")
    assert joined["sign_in"] == "Rita"
    code, _out, err = run(capsys, "search", "Peña", "--db", str(laptop))
    assert code != 0 and "sign in with --user" in err and "Traceback" not in err
    monkeypatch.setenv("CRMDESK_USER", "Rita")
    monkeypatch.setenv("CRMDESK_PASSWORD", "not her password")
    code, _out, err = run(capsys, "search", "Peña", "--db", str(laptop))
    assert code != 0 and "wrong password" in err.lower()
    monkeypatch.setenv("CRMDESK_PASSWORD", PASSWORD)
    assert run(capsys, "search", "Peña", "--db", str(laptop))[0] == 0
    code, _out, err = run(capsys, "export", "--format", "csv", "--db", str(laptop), "--out",
                          str(tmp_path / "out.csv"))
    assert code == 77 and "receptionist" in err.lower()
    with Opened(laptop):  # her hash only: nobody else can sign in on this laptop
        from crmdesk.services import access

        assert access.sign_in_names() == ["Rita"]
