"""My day (services/myday.py and `crmdesk myday`): whose follow-ups, birthdays, quiet
clients and meetings; the access rules on others' follow-up texts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.services import access, interactions, myday, staff
from crmdesk.services.agenda import HIDDEN_TEXT
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.store.book import Book
from crmdesk.store.db import close_database
from crmdesk.store.models import utcnow
from tests.conftest import add


def _office() -> dict[str, int]:
    """Ana and Ben (executives), Rita (receptionist), each client with a follow-up due."""
    ids = {n: staff.add(n, r) for n, r in [("Ana Ruiz", "executive"), ("Ben Ortiz", "executive"),
                                           ("Rita Gil", "receptionist"),
                                           ("Marta Sanz", "manager")]}
    ana = add("Lola", "Peña", owner="Ana Ruiz", relationship_type="exclusive",
              birthday=dt.date.today().replace(year=1980))  # 1980 had a 29 February
    ben = add("Bob", "Smith", owner="Ben Ortiz", relationship_type="exclusive")
    nobody = add("Walk", "In")
    soon = utcnow() - dt.timedelta(minutes=5)
    ids["f_ana"] = interactions.add_follow_up(FollowUpData(ana, "Call Lola about the loan",
                                                           soon, True, ids["Ana Ruiz"]))
    ids["f_ana_unassigned"] = interactions.add_follow_up(FollowUpData(ana, "Send her card",
                                                                      soon))
    ids["f_ben"] = interactions.add_follow_up(FollowUpData(ben, "Bob's secret deal", soon,
                                                           False, ids["Ben Ortiz"]))
    ids["f_nobody"] = interactions.add_follow_up(FollowUpData(nobody, "Who takes this?", soon))
    ids["f_later"] = interactions.add_follow_up(FollowUpData(
        ana, "Next month", utcnow() + dt.timedelta(days=30), False, ids["Ana Ruiz"]))
    interactions.log(InteractionData(ana, "in_person", "in", "Met at the branch",
                                     utcnow() - dt.timedelta(minutes=1),
                                     staff_id=ids["Ana Ruiz"], subject="Portfolio review"))
    ids.update(ana_client=ana, ben_client=ben, walk_in=nobody)
    return ids


def _ids(day: myday.Day) -> set[int]:
    return {f.id for f in day.follow_ups}


def test_my_day_is_mine_and_the_switch_shows_the_team_and_the_queue(book: Book) -> None:
    o = _office()
    mine = myday.day("mine", o["Ana Ruiz"])
    assert _ids(mine) == {o["f_ana"], o["f_ana_unassigned"]}
    assert mine.staff_name == "Ana Ruiz" and mine.due_count == 2
    assert [m.subject for m in mine.meetings] == ["Portfolio review"]
    assert [b.customer_id for b in mine.birthdays] == [o["ana_client"]]
    assert myday.day("mine", o["Ben Ortiz"]).follow_ups[0].what == "Bob's secret deal"
    assert myday.day("mine", o["Ben Ortiz"]).meetings == []
    team = myday.day("team", o["Ana Ruiz"])
    assert _ids(team) == {o["f_ana"], o["f_ana_unassigned"], o["f_ben"], o["f_nobody"]}
    queue = myday.day("unassigned", o["Ana Ruiz"])
    assert _ids(queue) == {o["f_ana_unassigned"], o["f_nobody"]}
    assert myday.count_mine(o["Ana Ruiz"]) == 2
    # Nobody chosen in a single-user book: everyone's, as before.
    assert _ids(myday.day("mine", None)) == _ids(team)
    with pytest.raises(ValueError, match="Unknown scope"):
        myday.day("everything", None)


def test_receptionist_sees_no_colleague_follow_up_text_on_clients_she_may_not_see(
        book: Book) -> None:
    o = _office()
    for name in ("Marta Sanz", "Rita Gil", "Ana Ruiz"):
        access.set_password(o[name], "long-enough-1")
    access.sign_in("Rita Gil", "long-enough-1")
    team = {f.id: f.what for f in myday.day("team").follow_ups}
    assert team[o["f_ben"]] == HIDDEN_TEXT and team[o["f_ana"]] == HIDDEN_TEXT
    assert team[o["f_nobody"]] == "Who takes this?"  # an ordinary walk-in: she may read it
    assert "Bob's secret deal" not in json.dumps(list(team.values()))
    # Exclusive clients' meetings logged by others are not hers to see.
    assert myday.day("team").meetings == []
    # Her own day is hers; she may not open Ana's.
    assert myday.day("mine").staff_name == "Rita Gil"
    with pytest.raises(access.AccessDenied):
        myday.day("mine", o["Ana Ruiz"])
    access.sign_in("Ana Ruiz", "long-enough-1")
    assert {f.what for f in myday.day("mine").follow_ups} == {"Call Lola about the loan",
                                                              "Send her card"}


def test_myday_command(tmp_path: Path, book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    o = _office()
    close_database()
    db = str(book.path)
    assert main(["myday", "--db", db, "--staff", "Ana Ruiz", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["staff"] == "Ana Ruiz" and out["due_count"] == 2
    assert {f["id"] for f in out["follow_ups"]} == {o["f_ana"], o["f_ana_unassigned"]}
    assert out["meetings"][0]["subject"] == "Portfolio review"
    assert main(["myday", "--db", db, "--scope", "unassigned"]) == 0
    text = capsys.readouterr()
    assert "Who takes this?" in text.out and "Bob's secret deal" not in text.out
    assert main(["myday", "--db", db, "--staff", "Nobody Here"]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["myday", "--db", db, "--limit", "0"]) == 2  # refused by the argument layer


def test_the_cli_applies_the_same_rules_to_a_receptionist(
        book: Book, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the command line, signed in as Rita: no colleague's text on an exclusive
    client in the team's day, not Ana's day, and no rescheduling of Ben's exclusive client."""
    o = _office()
    for name in ("Marta Sanz", "Rita Gil"):
        access.set_password(o[name], "long-enough-1")
    close_database()
    access.reset()
    db = str(book.path)
    monkeypatch.setenv("CRMDESK_PASSWORD", "long-enough-1")
    monkeypatch.delenv("CRMDESK_USER", raising=False)
    assert main(["--user", "Rita Gil", "myday", "--db", db, "--scope", "team", "--json"]) == 0
    team = json.loads(capsys.readouterr().out)
    texts = {f["id"]: f["what"] for f in team["follow_ups"]}
    assert texts[o["f_ben"]] == HIDDEN_TEXT and texts[o["f_nobody"]] == "Who takes this?"
    close_database()
    assert main(["--user", "Rita Gil", "myday", "--db", db, "--staff", "Ana Ruiz"]) == 77
    assert "may look only at their own day" in capsys.readouterr().err
    close_database()
    assert main(["--user", "Rita Gil", "reschedule", "--db", db, "--follow-up",
                 str(o["f_ben"]), "--due", "2031-01-01"]) == 77
    assert "may not reschedule" in capsys.readouterr().err
    close_database()
