"""What issue 13's first engine did not sync travels now: organisation clients and their
contact persons, photos, message templates and the message log, dismissed suggestions,
and every device's audit trail (kept by the hub, verifiable there, pulled by no device)."""

from __future__ import annotations

import psycopg

from crmdesk.services import customers, interactions, lifecycle, privacy, sync
from crmdesk.services.interactions import InteractionData
from crmdesk.store.db import db
from tests.conftest import add
from tests.hub.office_kit import PASSWORD, Office

PNG = b"\x89PNG\r\n\x1a\n\x00\xff" + bytes(range(256))


def _one(sql: str, *args: object) -> object:
    row = db.execute_sql(sql, args).fetchone()
    return row[0] if row else None


def test_organisations_photos_templates_log_and_dismissals_travel(office: Office) -> None:
    manager = office.start()
    with manager:
        org = add("Peña Seguros", "", kind="organisation")
        person = add("Lola", "Peña")
        data = customers.load(person)
        db.execute_sql("UPDATE customer SET organisation_id = ? WHERE id = ?", (org, person))
        db.execute_sql("INSERT INTO customer_photo (customer_id, mime, data) VALUES (?, ?, ?)",
                       (person, "image/png", PNG))
        db.execute_sql("UPDATE message_template SET body = 'Hola {{ greeting_line }}' "
                       "WHERE id = (SELECT min(id) FROM message_template)")
        template = _one("SELECT name FROM message_template WHERE id = (SELECT min(id) FROM "
                        "message_template)")
        iid, _ = interactions.log(InteractionData(customer_id=person, channel="email",
                                                  direction="out", notes="Hola"))
        db.execute_sql("INSERT INTO message_log (interaction_id, template, language, channel, "
                       "file) VALUES (?, ?, 'es', 'email', 'lola.eml')", (iid, template))
        lifecycle.dismiss(person)
        lifecycle.dismiss(person)  # again: one row, still
        del data
    manager.sync()
    ana = office.join("ana")
    with ana:
        person = int(_one("SELECT id FROM customer WHERE given_name = 'Lola'"))  # type: ignore[arg-type]
        org = int(_one("SELECT id FROM customer WHERE kind = 'organisation'"))  # type: ignore[arg-type]
        assert _one("SELECT organisation_id FROM customer WHERE id = ?", person) == org
        assert _one("SELECT data FROM customer_photo WHERE customer_id = ?", person) == PNG
        assert _one("SELECT count(*) FROM message_template WHERE body = "
                    "'Hola {{ greeting_line }}'") == 1
        assert _one("SELECT template FROM message_log") == template
        assert _one("SELECT count(*) FROM suggestion_dismissal WHERE customer_id = ?",
                    person) == 1
        assert sync.check()[1] == []
    # Later changes arrive by the incremental pull too.
    with manager:
        other = int(_one("SELECT id FROM customer WHERE family_name = 'Family1'"))  # type: ignore[arg-type]
        db.execute_sql("INSERT INTO customer_photo (customer_id, mime, data) VALUES (?, ?, ?)",
                       (other, "image/jpeg", PNG[::-1]))
        db.execute_sql("UPDATE customer SET kind = 'organisation' WHERE id = ?", (other,))
        db.execute_sql("UPDATE message_template SET subject = 'Nuevo' WHERE id = (SELECT min(id) "
                       "FROM message_template)")
        lifecycle.undismiss(int(_one("SELECT id FROM customer WHERE given_name = 'Lola'")))  # type: ignore[arg-type]
    manager.sync()
    ana.sync()
    with ana:
        other = int(_one("SELECT id FROM customer WHERE family_name = 'Family1'"))  # type: ignore[arg-type]
        assert _one("SELECT data FROM customer_photo WHERE customer_id = ?", other) == PNG[::-1]
        assert _one("SELECT kind FROM customer WHERE id = ?", other) == "organisation"
        assert _one("SELECT count(*) FROM message_template WHERE subject = 'Nuevo'") == 1
        assert _one("SELECT count(*) FROM suggestion_dismissal") == 0


def test_only_a_manager_changes_the_templates(office: Office) -> None:
    office.start()
    rita = office.join("rita")
    with rita:
        before = _one("SELECT body FROM message_template WHERE id = (SELECT min(id) FROM "
                      "message_template)")
        db.execute_sql("UPDATE message_template SET body = 'rita was here' WHERE id = "
                       "(SELECT min(id) FROM message_template)")
    report = rita.sync()
    assert report.pushed.refused == 1
    with rita:
        assert _one("SELECT body FROM message_template WHERE id = (SELECT min(id) FROM "
                    "message_template)") == before
        refused = [c for c in sync.conflicts() if c.table == "message_template"]
        assert len(refused) == 1 and "manager" in refused[0].reason


def test_audit_trails_reach_the_hub_and_verify_there(office: Office) -> None:
    manager = office.start()
    ana = office.join("ana")
    with ana:
        cid = int(_one("SELECT id FROM customer WHERE family_name = 'Family0'"))  # type: ignore[arg-type]
        data = customers.load(cid)
        data.company = "Ana's edit"
        customers.update(cid, data, "US")
        ana_entries = _one("SELECT count(*) FROM audit_entry")
        ana_device = sync.require_state().device
        assert sync.audit_backlog() == ana_entries
    ana.sync()
    manager.sync()
    with ana:
        assert sync.audit_backlog() == 0
        assert _one("SELECT count(*) FROM audit_entry") == ana_entries  # nothing pulled back
    with manager:
        mine = _one("SELECT count(*) FROM audit_entry")
        privacy.forget(int(_one("SELECT id FROM customer WHERE family_name = 'Family0'")))  # type: ignore[arg-type]
    manager.sync()
    with psycopg.connect(office.admin_url, password=PASSWORD) as conn:
        chains: dict[str, list[dict[str, object]]] = {}
        for (data,) in conn.execute("SELECT data FROM crm.rec WHERE kind = 'audit_entry' "
                                    "ORDER BY data ->> 'device', (data ->> 'seq')::bigint"):
            chains.setdefault(str(data["device"]), []).append(data)
        assert len(chains[ana_device]) == ana_entries
        assert sum(len(c) for c in chains.values()) >= ana_entries + int(mine) + 1  # type: ignore[call-overload]
        for chain in chains.values():
            assert sync.verify_audit_chain(chain) == []
        # Ana's entry about the forgotten client kept its place, not what it said.
        about = [d for d in chains[ana_device] if d.get("customer_id") == cid]
        assert about and all(d["detail"] == "" for d in about)
    # `hub check` verifies every device's chain, and sees one edited on the hub.
    from crmdesk.hub import client

    conn = client.connect(office.admin_url, password=PASSWORD)
    try:
        rep = client.check(conn)
        assert rep.ok, rep.problems
        assert any(f.startswith("audit trails: 2 device(s)") for f in rep.findings)
        first = conn.execute("SELECT min((data ->> 'seq')::bigint) FROM crm.rec WHERE kind = "
                             "'audit_entry' AND data ->> 'device' = %s", (ana_device,)
                             ).fetchone()[0]
        changed = conn.execute(
            "UPDATE crm.rec SET data = jsonb_set(data, '{action}', '\"tampered\"') WHERE "
            "kind = 'audit_entry' AND data ->> 'device' = %s AND (data ->> 'seq')::bigint = %s",
            (ana_device, first)).rowcount
        assert changed == 1
        rep = client.check(conn)
        assert any(p.startswith(f"audit trail of device {ana_device}: entry {first}")
                   for p in rep.problems), rep.problems
    finally:
        conn.close()
    # No staff login reads the audit records (managers will, through the hub, in part 2).
    for login in ("ana", "rita", "manager"):
        with psycopg.connect(office.url, user=login, password=PASSWORD) as conn:
            assert conn.execute("SELECT count(*) FROM crm.rec WHERE kind = 'audit_entry'"
                                ).fetchone()[0] == 0


def test_an_upgraded_laptop_uploads_what_was_not_synced_without_undoing_others(
        office: Office) -> None:
    """A laptop that joined under the previous build (its templates, photos... never
    travelled) is reopened by this one: what it holds goes to the hub, but a template the
    manager edited meanwhile is not put back to the laptop's old copy."""
    import json

    from crmdesk.store import migration_sync2
    from crmdesk.store.db import close_database

    manager = office.start()
    ana = office.join("ana")
    with ana:
        cid = int(_one("SELECT id FROM customer WHERE family_name = 'Family0'"))  # type: ignore[arg-type]
        db.execute_sql("INSERT INTO customer_photo (customer_id, mime, data) VALUES (?, ?, ?)",
                       (cid, "image/png", PNG))
        db.execute_sql("DELETE FROM sync_outbox")  # as if the old build had not captured it
        db.execute_sql("UPDATE message_template SET body = 'ana''s old copy' WHERE id = "
                       "(SELECT min(id) FROM message_template)")
        db.execute_sql("DELETE FROM sync_outbox")
        db.execute_sql("UPDATE sync_state SET capture = 'older', captured = ?",
                       (json.dumps(migration_sync2.CAPTURED_BEFORE),))
    with manager:
        db.execute_sql("UPDATE message_template SET body = 'the office version' WHERE id = "
                       "(SELECT min(id) FROM message_template)")
    manager.sync()
    close_database()
    ana.sync()  # reopened by this build: the photo and templates are queued, then sent
    manager.sync()
    for lap in (ana, manager):
        with lap:
            cid = int(_one("SELECT id FROM customer WHERE family_name = 'Family0'"))  # type: ignore[arg-type]
            assert _one("SELECT data FROM customer_photo WHERE customer_id = ?", cid) == PNG
            assert _one("SELECT body FROM message_template WHERE id = (SELECT min(id) FROM "
                        "message_template)") == "the office version"
    with ana:
        lost = [c for c in sync.conflicts() if c.table == "message_template"]
        # (an executive may not change templates: her differing copy is refused, kept in
        # conflicts; the starter templates she holds like everyone pass silently)
        assert [c.other["body"] for c in lost] == ["ana's old copy"]
