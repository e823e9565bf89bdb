"""Staff accounts and roles: sign-in, and what each role may see and do (services layer)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.services import (
    access,
    audit,
    backups,
    customer_query,
    customers,
    exporting,
    interaction_query,
    interactions,
    loyalty_ledger,
    privacy,
    staff,
    timeline,
)
from crmdesk.services.access import AccessDenied, Level
from crmdesk.store.book import Book
from tests.conftest import add


def _team() -> dict[str, int]:
    """A manager, two executives and a receptionist, each with a password."""
    ids = {name: staff.add(name, role) for name, role in [
        ("Marta", "manager"), ("Eva", "executive"), ("Tomás", "executive"),
        ("Rita", "receptionist")]}
    for name, sid in ids.items():
        access.set_password(sid, f"{name.lower()}-secret-1")
    return ids


def _clients() -> dict[str, int]:
    return {
        "exclusive_eva": add("Lola", "Peña", emails=("lola@example.es",),
                             phones=("+34 612 345 678",),
                             relationship_type="exclusive", owner="Eva", company="Banco Sur",
                             notes="Going through a divorce", notes_private=True,
                             life_situation="Two children", tags=["vip"]),
        "personal_tomas": add("Bob", "Smith", emails=("bob@example.com",),
                              relationship_type="personal", owner="Tomás",
                              notes="Inherited the family shop", notes_private=True),
        "open_notes": add("Carla", "Ruiz", relationship_type="self_service",
                          notes="Likes morning calls"),
    }


def _sign_in(name: str) -> access.User:
    return access.sign_in(name, f"{name.lower()}-secret-1")


def test_single_user_book_needs_no_sign_in(book: Book) -> None:
    staff.add("Eva", "executive")
    assert not access.accounts_exist()
    assert access.current() == access.SINGLE_USER and access.can("export")


def test_first_password_goes_to_a_manager_and_passwords_are_hashed(book: Book) -> None:
    eva = staff.add("Eva", "executive")
    with pytest.raises(ValueError, match="must be a manager"):
        access.set_password(eva, "long enough pw")
    boss = staff.add("Marta", "manager")
    with pytest.raises(ValueError, match="at least 8"):
        access.set_password(boss, "short")
    access.set_password(boss, "marta-secret-1")
    stored = book.database.execute_sql(
        "SELECT password_hash FROM staff WHERE id = ?", (boss,)).fetchone()[0]
    assert stored.startswith("$argon2id$") and "marta-secret-1" not in stored
    assert access.accounts_exist()
    with pytest.raises(access.SignInFailed):
        access.sign_in("Marta", "wrong password")
    with pytest.raises(access.SignInFailed):
        access.sign_in("Nobody", "marta-secret-1")
    user = access.sign_in("Marta", "marta-secret-1")
    assert user.role == "manager" and audit.actor() == "Marta"
    assert [e.action for e in audit.entries()][:1] == ["sign_in"]


def test_last_manager_keeps_a_password_and_only_managers_manage_staff(book: Book) -> None:
    ids = _team()
    _sign_in("Marta")
    with pytest.raises(ValueError, match="last manager"):
        access.set_password(ids["Marta"], None)
    _sign_in("Eva")
    with pytest.raises(AccessDenied, match="manage staff"):
        access.set_password(ids["Rita"], "rita-new-secret")
    with pytest.raises(AccessDenied):
        staff.add("Intruder", "manager")
    access.set_password(ids["Eva"], "eva-new-secret")  # one's own password: allowed
    access.set_pin(ids["Eva"], "4321")
    with pytest.raises(ValueError, match="4 to 12 digits"):
        access.set_pin(ids["Eva"], "12a4")
    assert access.unlock("4321") and access.unlock("eva-new-secret")
    assert not access.unlock("1234") and not access.unlock("eva-secret-1")


def test_levels_per_role(book: Book) -> None:
    ids = _team()
    c = _clients()
    expected = {
        "Marta": {"exclusive_eva": Level.FULL, "personal_tomas": Level.FULL,
                  "open_notes": Level.FULL},
        "Eva": {"exclusive_eva": Level.FULL, "personal_tomas": Level.STANDARD,
                "open_notes": Level.FULL},
        "Tomás": {"exclusive_eva": Level.CONTACT, "personal_tomas": Level.FULL,
                  "open_notes": Level.FULL},
        "Rita": {"exclusive_eva": Level.CONTACT, "personal_tomas": Level.STANDARD,
                 "open_notes": Level.STANDARD},
    }
    for name, levels in expected.items():
        _sign_in(name)
        assert {k: access.level(cid) for k, cid in c.items()} == levels, name
    assert ids


def test_receptionist_sees_contact_details_only_of_exclusive_clients(book: Book) -> None:
    _team()
    c = _clients()
    _sign_in("Rita")
    data, seen = customers.load_visible(c["exclusive_eva"])
    assert seen == Level.CONTACT
    assert (data.given_name, data.family_name) == ("Lola", "Peña")
    assert [p.value for p in data.emails] == ["lola@example.es"] and data.phones
    assert data.notes == data.company == data.life_situation == "" and data.tags == []
    bob, _ = customers.load_visible(c["personal_tomas"])
    assert bob.notes == ""  # private
    carla, _ = customers.load_visible(c["open_notes"])
    assert carla.notes == "Likes morning calls"
    # The list rows: nothing beyond name and contact for the exclusive client.
    rows = customer_query.rows_by_id([c["exclusive_eva"], c["open_notes"]])
    lola = rows[c["exclusive_eva"]]
    assert lola[4] == "" and lola[12] is None and lola[13] is None and lola[9] == "lola@example.es"
    # A search cannot find a customer by words of a note one may not read.
    flt = customer_query.CustomerFilter(text="divorce")
    assert customer_query.customer_ids(flt) == []
    from crmdesk.services import lifecycle

    cards = lifecycle.cards([c["exclusive_eva"], c["open_notes"]])
    card = cards[c["exclusive_eva"]]
    assert card.name == "Lola Peña" and (card.tier, card.segment, card.next_follow_up) == (
        "", "", "")
    assert cards[c["open_notes"]].tier != ""
    assert customer_query.customer_ids(customer_query.CustomerFilter(text="peña")) == [
        c["exclusive_eva"]]


def test_receptionist_logs_interactions_but_cannot_export_print_or_delete(
        book: Book, tmp_path: Path) -> None:
    ids = _team()
    c = _clients()
    _sign_in("Eva")
    interactions.log(interactions.InteractionData(
        customer_id=c["exclusive_eva"], channel="phone", direction="in",
        happened_at=dt.datetime.now(dt.UTC), subject="Mortgage worries", notes="Confidential",
        staff_id=ids["Eva"]))
    _sign_in("Rita")
    mine, _ = interactions.log(interactions.InteractionData(
        customer_id=c["exclusive_eva"], channel="in_person", direction="in",
        happened_at=dt.datetime.now(dt.UTC), subject="Left a parcel", notes="Dropped off documents",
        staff_id=ids["Rita"]))
    keys = timeline.entry_keys(c["exclusive_eva"])
    assert keys == [("interaction", mine)]  # Eva's call is not shown to reception
    everything = interaction_query.interaction_ids(interaction_query.InteractionFilter())
    assert everything == [mine]
    for attempt, message in [
        (lambda: exporting.export_csv([c["open_notes"]], tmp_path / "x.csv"), "export"),
        (lambda: exporting.export_book(tmp_path / "x.json"), "export the whole book"),
        (lambda: customers.set_archived([c["open_notes"]], True), "delete"),
        (lambda: privacy.forget(c["open_notes"]), "delete"),
        (lambda: privacy.write_pack(c["open_notes"], tmp_path), "export"),
        (lambda: backups.back_up(book.path, tmp_path / "b.db"), "back up"),
        (lambda: audit.entries(), "audit trail"),
        (lambda: loyalty_ledger.summary(c["exclusive_eva"]), "loyalty account"),
        (lambda: loyalty_ledger.add_bonus(c["open_notes"], 10, "nice"), "bonuses"),
    ]:
        with pytest.raises(AccessDenied, match=message):
            attempt()
    from crmdesk.reports import statement_batch
    from crmdesk.services.periods import parse_period

    with pytest.raises(AccessDenied, match="print statements"):
        statement_batch.write_one(c["open_notes"], parse_period("2026-10"), tmp_path / "s.pdf")
    assert not list(tmp_path.glob("x.*")) and not (tmp_path / "s.pdf").exists()
    assert customer_query.count() == 3  # nothing archived


def test_editing_what_one_cannot_see_keeps_it(book: Book) -> None:
    ids = _team()
    c = _clients()
    _sign_in("Rita")
    data, _ = customers.load_visible(c["exclusive_eva"])
    data.phones.append(customers.ContactPoint("work", "+34 955 123 456"))
    data.relationship_type, data.owner = "personal", "Rita"  # an attempt to take the client
    customers.update(c["exclusive_eva"], data, "ES")
    bob, _ = customers.load_visible(c["personal_tomas"])
    bob.preferred_name = "Bobby"
    customers.update(c["personal_tomas"], bob, "US")
    access.sign_out()
    stored = customers.load(c["exclusive_eva"])
    assert len(stored.phones) == 2
    assert stored.notes == "Going through a divorce" and stored.notes_private
    assert stored.company == "Banco Sur" and stored.tags == ["vip"]
    assert (stored.relationship_type, stored.owner) == ("exclusive", "Eva")
    assert customers.load(c["personal_tomas"]).notes == "Inherited the family shop"
    assert ids


def test_executive_sees_own_exclusive_clients_fully(book: Book, tmp_path: Path) -> None:
    _team()
    c = _clients()
    _sign_in("Eva")
    data, seen = customers.load_visible(c["exclusive_eva"])
    assert seen == Level.FULL and data.notes == "Going through a divorce"
    json_path, pdf_path = privacy.write_pack(c["exclusive_eva"], tmp_path)
    assert json_path.exists() and pdf_path.exists()
    assert customer_query.customer_ids(customer_query.CustomerFilter(text="divorce")) == []
    exporting.export_csv([c["personal_tomas"]], tmp_path / "bob.csv")  # Tomás's client
    assert "family shop" not in (tmp_path / "bob.csv").read_text(encoding="utf-8-sig")
    _sign_in("Tomás")
    with pytest.raises(AccessDenied, match="only their executive and managers"):
        privacy.write_pack(c["exclusive_eva"], tmp_path / "other")
    with pytest.raises(AccessDenied):
        exporting.export_vcards(list(c.values()), tmp_path / "all.vcf")
    exporting.export_vcards([c["personal_tomas"]], tmp_path / "mine.vcf")
    _sign_in("Marta")
    assert customer_query.customer_ids(customer_query.CustomerFilter(text="divorce")) == [
        c["exclusive_eva"]]


def test_a_book_of_schema_7_opens_with_no_accounts(tmp_path: Path) -> None:
    from crmdesk.store import migrations
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database
    from tests.unit.test_store import _book_at

    path = tmp_path / "v7.db"
    _book_at(path, 7, "INSERT INTO staff (id, name, role, active, created_at) "
             "VALUES (1, 'Eva', 'executive', 1, '2026-01-01T00:00:00Z')",
             "INSERT INTO customer (id, given_name, family_name, notes, created_at, updated_at)"
             " VALUES (1, 'Ana', 'Gil', 'old note', '2026-01-01T00:00:00Z', "
             "'2026-01-01T00:00:00Z')")
    opened = open_book(path)
    try:
        assert migrations.current_version(opened.database) == migrations.LATEST
        assert not access.accounts_exist()
        data = customers.load(1)
        assert data.notes == "old note" and not data.notes_private
    finally:
        close_database()
