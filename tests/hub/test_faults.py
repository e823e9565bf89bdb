"""Faults: pushes cut after the hub committed, pulls cut mid-way, clocks far ahead,
forgotten and archived customers, and what the hub's roles may do."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest

from crmdesk.hub import client
from crmdesk.services import customers, loyalty_ledger, privacy, sync
from crmdesk.services.integrity import check_book
from crmdesk.store.db import db
from tests.hub.office_kit import PASSWORD, Cut, Office


def _one(sql: str, *args: object) -> object:
    row = db.execute_sql(sql, args).fetchone()
    return row[0] if row else None


def _cid(family: str) -> int:
    return int(_one("SELECT id FROM customer WHERE family_name = ?", family))  # type: ignore[arg-type]


def _edit(family: str, **fields: object) -> None:
    cid = _cid(family)
    data = customers.load(cid)
    for k, v in fields.items():
        setattr(data, k, v)
    customers.update(cid, data, "US")


def test_a_push_cut_after_the_hub_committed_is_retried_without_duplicates(
        office: Office) -> None:
    manager = office.start()
    ana = office.join("ana")
    with ana:
        loyalty_ledger.record_purchase(_cid("Family0"), 5_000, on=dt.date.today())
        _edit("Family1", company="Acme")
        waiting = sync.unsent()
        assert waiting > 0
    ana.link.lose_push_answer = True
    with ana, pytest.raises(Cut):
        sync.sync(ana.link, ana.path)
    with ana:
        assert sync.unsent() == waiting  # nothing was deleted: the push is retried
    ana.sync()
    ana.sync()
    manager.sync()
    for lap in (ana, manager):
        with lap:
            assert sync.unsent() == 0
            assert _one("SELECT count(*) FROM purchase") == 1
            assert _one("SELECT count(*) FROM points_entry") == 1
            assert _one("SELECT company FROM customer WHERE family_name = 'Family1'") == "Acme"
            assert check_book().ok
    with manager:
        assert sync.conflicts() == []  # a retried push is not a concurrent edit


def test_a_pull_cut_midway_leaves_the_cursor_where_it_was(office: Office) -> None:
    manager = office.start(customers=30)
    ana = office.join("ana")
    with manager:
        for i in range(30):
            _edit(f"Family{i}", occupation=f"job {i}")
    manager.sync()
    with ana:
        before = sync.require_state().cursor
    ana.link.fail_pull_after = 1  # the second page fails
    with ana:
        with pytest.raises(Cut):
            sync.pull(ana.link, page=10)
        st = sync.require_state()
        assert st.cursor > before  # the first page was stored with its cursor...
        done = _one("SELECT count(*) FROM customer WHERE occupation LIKE 'job %'")
        assert 0 < done < 30  # ...and nothing beyond it
    ana.sync()
    with ana:
        assert _one("SELECT count(*) FROM customer WHERE occupation LIKE 'job %'") == 30


def test_a_laptop_whose_clock_is_far_ahead_cannot_win(office: Office,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    manager = office.start()
    ana = office.join("ana")
    with ana:
        _edit("Family0", company="From the future")
        # the laptop's date is a day ahead: its stamps are too
        db.execute_sql("UPDATE sync_outbox SET hlc_ms = hlc_ms + 86400000")
    ana.sync()
    with ana:
        assert _one("SELECT company FROM customer WHERE family_name = 'Family0'") == ""
        refused = [c for c in sync.conflicts() if c.reason.startswith("clock")]
        assert [c.other for c in refused if c.field == "company"] == ["From the future"]
        assert sync.unsent() == 0
        _edit("Family0", company="Now")  # stamped with the hub's time from now on
    ana.sync()
    manager.sync()
    with manager:
        assert _one("SELECT company FROM customer WHERE family_name = 'Family0'") == "Now"


def test_forget_wins_and_nothing_comes_back(office: Office) -> None:
    manager = office.start()
    ana = office.join("ana")
    with ana:  # offline: Ana edits the client and adds an e-mail
        cid = _cid("Family0")
        data = customers.load(cid)
        data.company = "Secret Corp"
        data.emails.append(customers.ContactPoint("work", "secret@example.com"))
        customers.update(cid, data, "US")
    with manager:
        privacy.forget(_cid("Family0"))
    manager.sync()
    ana.sync()
    manager.sync()
    for lap in (manager, ana):
        with lap:
            row = db.execute_sql("SELECT given_name, company, archived_at FROM customer "
                                 "WHERE sort_name LIKE 'forgotten%' OR given_name = "
                                 "'Forgotten'").fetchall()
            assert len(row) == 1 and row[0][0] == "Forgotten" and row[0][1] == ""
            assert row[0][2] is not None
            assert _one("SELECT count(*) FROM customer_email WHERE address LIKE "
                        "'secret%' OR address = 'c0@example.com'") == 0
            assert _one("SELECT count(*) FROM customer_fts WHERE customer_fts MATCH "
                        "'secret'") == 0
    import shutil
    shutil.copy(office.folder / "ana.db", "/tmp/ana-forget.db")
    raw = (office.folder / "ana.db").read_bytes()
    assert b"secret@example.com" not in raw and b"Secret Corp" not in raw


def test_archived_stays_archived_unless_restored(office: Office) -> None:
    manager = office.start()
    ana = office.join("ana")
    with manager:
        customers.set_archived([_cid("Family1")], True)
    with ana:  # offline edit of another field
        _edit("Family1", occupation="Pilot")
    manager.sync()
    ana.sync()
    manager.sync()
    for lap in (manager, ana):
        with lap:
            row = db.execute_sql("SELECT archived_at, occupation FROM customer WHERE "
                                 "family_name = 'Family1'").fetchone()
            assert row[0] is not None and row[1] == "Pilot"


def test_staff_logins_read_through_rls_and_write_only_through_push(office: Office) -> None:
    manager = office.start()
    with manager:
        cid = _cid("Family0")
        ana_id = manager.staff_id("Ana")
        data = customers.load(cid)
        data.relationship_type = "exclusive"
        data.owner = "Ana"
        data.notes = "exclusive marker"
        data.company = "Exclusive Co"
        customers.update(cid, data, "US")
        del ana_id
    manager.sync()
    with psycopg.connect(office.url, user="rita", password=PASSWORD) as conn:
        kinds = {k for (k,) in conn.execute(
            "SELECT kind FROM crm.rec r JOIN crm.acl a ON a.cust = r.cust "
            "WHERE a.exclusive")}
        assert kinds <= {"customer", "customer_email", "customer_phone", "customer_consent"}
        assert "customer" in kinds
        text = str(conn.execute("SELECT array_agg(data::text) FROM crm.rec").fetchone()[0])
        assert "exclusive marker" not in text and "Exclusive Co" not in text
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO crm.rec (kind, uid, lvl, seq) VALUES "
                         "('customer', 'x', 'contact', 1)")
    with psycopg.connect(office.url, user="ana", password=PASSWORD) as conn:
        text = str(conn.execute("SELECT array_agg(data::text) FROM crm.rec").fetchone()[0])
        assert "exclusive marker" in text  # her own exclusive client
    with psycopg.connect(office.url, user="ben", password=PASSWORD) as conn:
        text = str(conn.execute("SELECT array_agg(data::text) FROM crm.rec").fetchone()[0])
        assert "exclusive marker" not in text
    conn = client.connect(office.admin_url, password=PASSWORD)
    try:
        assert client.check(conn).ok
        conn.execute("ALTER ROLE ben BYPASSRLS")
        rep = client.check(conn)
        assert "login ben has BYPASSRLS" in rep.problems
        conn.execute("ALTER ROLE ben NOBYPASSRLS")
    finally:
        conn.close()


def test_a_receptionist_cannot_adjust_points_through_the_hub(office: Office) -> None:
    office.start()
    rita = office.join("rita")
    with rita:  # a modified client writes what the services would refuse
        db.execute_sql("INSERT INTO points_entry (customer_id, kind, points, happened_at, "
                       "reason, created_at) VALUES (?, 'adjust', 500, '2026-01-01T00:00:00Z', "
                       "'gift', '2026-01-01T00:00:00Z')", (_cid("Family0"),))
    rep = rita.sync()
    assert rep.pushed.refused == 1
    with rita:
        assert _one("SELECT count(*) FROM points_entry") == 0  # taken back locally
        assert [c.reason for c in sync.conflicts()] == [
            "a receptionist may not give bonuses or adjust points"]


def test_protocol_versions(office: Office) -> None:
    """The hub takes pushes of this protocol and older ones; a newer one is refused with a
    sentence (upgrade the hub), and nothing is lost: the outbox stays."""
    office.start()
    ana = office.join("ana")
    with ana:
        _edit("Family0", company="v1 push")
        st = sync.require_state()
        with pytest.raises(client.HubError, match="does not know protocol 99"):
            ana.link.push(99, st.device, [])
        waiting = sync.unsent()
    ana.sync()
    with ana:
        assert sync.unsent() == 0 and waiting > 0
        assert _one("SELECT company FROM customer WHERE family_name = 'Family0'") == "v1 push"


def test_a_hub_connection_notices_a_hub_gone_from_the_network(office: Office) -> None:
    """Every hub connection (the CLI's, the live sync's, a join's: all client.connect) has
    TCP keepalives and a limit for unacknowledged data on its socket, so a hub gone from the
    network ends a sync in about half a minute instead of hanging it."""
    import socket

    conn = client.connect(office.admin_url, password=PASSWORD)
    try:
        sock = socket.socket(fileno=socket.dup(conn.pgconn.socket))
        try:
            assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 1
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE) == 10
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL) == 5
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT) == 3
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT) == 30_000
        finally:
            sock.close()
        assert conn.execute("SELECT 1").fetchone() == (1,)  # (the link still works)
    finally:
        conn.close()
