"""Quick capture's rules (issue item 7): which match Enter takes, the new prospect's phone
and owner, a hand-over's due time, and the name list after a rename."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.services import capture, customers, staff
from crmdesk.services.customers import ValidationFailed
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.store.db import db
from tests.conftest import add

CET = dt.timezone(dt.timedelta(hours=1))


def at(day: str, hm: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{hm}").replace(tzinfo=CET)


@pytest.fixture
def people(book: object) -> dict[str, int]:
    return {"ines": add("Inés", "Gómez Fernández", phones=("+1 905-555-1234",)),
            "ana": add("Ana", "Ruiz", emails=("ana.ruiz@example.es",)),
            "luk": add("Łukasz", "Wiśniewski")}


def test_a_newcomer_sharing_a_first_name_is_not_taken_for_the_client(people) -> None:  # type: ignore[no-untyped-def]
    found = capture.find_matches("Ines Carvalho")
    assert people["ines"] in [m.customer_id for m in found]  # still offered, lower down
    assert not any(m.strong for m in found)
    assert capture.default_choice(found) is None  # Enter: new prospect


@pytest.mark.parametrize(("typed", "who"), [
    ("Inés Gómez", "ines"), ("ines gomez", "ines"), ("gomez fernandez ines", "ines"),
    ("Gómez", "ines"), ("ruiz", "ana"), ("Ana R", "ana"), ("lukas wisniewsky", "luk"),
    ("5551", "ines"), ("905-555-12", "ines"), ("ana.ruiz@", "ana")])
def test_enter_takes_a_match_that_fits_what_was_typed(people, typed, who) -> None:  # type: ignore[no-untyped-def]
    found = capture.find_matches(typed)
    assert capture.default_choice(found) == 0
    assert found[0].customer_id == people[who] and found[0].strong


@pytest.mark.parametrize("typed", ["Ines", "Inés", "Ana", "Lukasz", "Ana Carvalho", "Ruiz Ana X"])
def test_a_first_name_alone_or_a_word_that_fits_no_one_is_not_enough(people, typed) -> None:  # type: ignore[no-untyped-def]
    assert capture.default_choice(capture.find_matches(typed)) is None


def test_matches_well() -> None:
    assert capture.matches_well("ines gomez", "Inés", "Gómez Fernández")
    assert capture.matches_well("Lola Pena", "Dolores", "Peña", "Lola")
    assert not capture.matches_well("Lola", "Dolores", "Peña", "Lola")
    assert not capture.matches_well("Ines Carvalho", "Inés", "Gómez Fernández")
    assert not capture.matches_well("ines ines", "Inés", "Gómez")  # each word once
    assert not capture.matches_well("", "Inés", "Gómez")


@pytest.mark.parametrize(("now", "due"), [
    (at("2026-12-01", "10:20"), at("2026-12-01", "12:00")),   # Tuesday morning
    (at("2026-12-01", "10:00"), at("2026-12-01", "11:00")),
    (at("2026-12-01", "16:50"), at("2026-12-01", "18:00")),
    (at("2026-12-01", "17:30"), at("2026-12-02", "09:00")),   # too late: next morning
    (at("2026-12-01", "00:00"), at("2026-12-01", "09:00")),   # midnight: not 02:00
    (at("2026-12-01", "07:45"), at("2026-12-01", "09:00")),
    (at("2026-12-04", "17:30"), at("2026-12-07", "09:00")),   # Friday evening: Monday
    (at("2026-12-05", "11:00"), at("2026-12-07", "09:00")),   # Saturday
])
def test_a_hand_over_falls_due_in_the_next_working_hour(now, due) -> None:  # type: ignore[no-untyped-def]
    assert capture.handover_due(now) == due


def test_a_new_prospect_gets_the_phone_given_and_the_colleague_as_owner(people) -> None:  # type: ignore[no-untyped-def]
    max_id = staff.add("Max Weber", "executive")
    follow = FollowUpData(0, "Call back", at("2026-12-01", "12:00"), assignee_id=max_id)
    cid, _iid, fid = capture.capture(
        None, "Ines Carvalho", InteractionData(0, "in_person", "in", "Walked in"), follow, "US",
        phone="905 555 0101")
    new = customers.load(cid)
    assert (new.given_name, new.family_name, new.stage) == ("Ines", "Carvalho", "knowledge")
    assert [p.value for p in new.phones] == ["+19055550101"]
    assert new.owner == "Max Weber"
    assert fid is not None and cid != people["ines"]
    eve = staff.add("Eve Okafor", "receptionist")
    other, _iid, _fid = capture.capture(
        None, "Rui Costa", InteractionData(0, "phone", "in", "Rang"), None, "US", owner_id=eve)
    assert customers.load(other).owner == "Eve Okafor"


def test_a_bad_phone_for_a_new_prospect_saves_nothing(people) -> None:  # type: ignore[no-untyped-def]
    before = db.execute_sql("SELECT count(*) FROM customer").fetchone()[0]
    with pytest.raises(ValidationFailed) as refused:
        capture.capture(None, "Ines Carvalho", InteractionData(0, "phone", "in", "Rang"), None,
                        "US", phone="12")
    assert [p.field for p in refused.value.problems] == ["phones"]
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == before
    assert db.execute_sql("SELECT count(*) FROM interaction").fetchone()[0] == 0


def test_a_renamed_client_is_found_by_the_new_name(people) -> None:  # type: ignore[no-untyped-def]
    capture.warm_up()
    assert capture.find_matches("lukas wisniewsky")[0].customer_id == people["luk"]
    data = customers.load(people["luk"])
    data.family_name = "Kowalczyk"
    customers.update(people["luk"], data, "US")
    found = capture.find_matches("lukas kowalczik")  # a typo: only the fuzzy list finds it
    assert found and found[0].customer_id == people["luk"] and found[0].strong
    assert people["luk"] not in [m.customer_id for m in capture.find_matches("wisniewsky")]
