"""Profile ▸ Summary (read-only, the default tab), the timeline by due date, response
times that ignore meetings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from crmdesk.services import interactions, loyalty_ledger, response_times, staff, summary
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.store.models import utcnow
from crmdesk.ui.models.lazy_table import KEY_ROLE
from tests.conftest import add


def _client() -> tuple[int, int, int]:
    staff.add("Ana Ruiz", "executive")
    cid = add("Dolores", "Peña", preferred_name="Lola", salutation="Mrs", owner="Ana Ruiz",
              segment="VIP", preferred_channel="phone", best_time="weekday mornings",
              life_situation="Two children at university", interests="Opera, golf",
              needs="Worried about her pension", phones=("+34 612 345 678",), region="ES")
    now = utcnow()
    interactions.log(InteractionData(cid, "in_person", "in", "Came to the branch",
                                     now - dt.timedelta(days=1), subject="Pension review",
                                     outcome="Wants a plan"))
    interactions.log(InteractionData(cid, "email", "in", "Asked for the documents " * 30,
                                     now - dt.timedelta(hours=5), subject="Documents"))
    late = interactions.add_follow_up(FollowUpData(cid, "Send the pension plan",
                                                   now - dt.timedelta(hours=2), True))
    soon = interactions.add_follow_up(FollowUpData(cid, "Call about golf day",
                                                   now + dt.timedelta(days=2)))
    loyalty_ledger.record_purchase(cid, 2_000_00)
    return cid, late, soon


def test_summary_service_due_dates_and_unanswered(book) -> None:  # type: ignore[no-untyped-def]
    cid, late, soon = _client()
    s = summary.summary(cid)
    assert [f.id for f in s.open_follow_ups] == [late, soon]  # overdue first
    assert s.open_follow_ups[0].overdue and not s.open_follow_ups[1].overdue
    # The in-person meeting waits for no reply; the e-mail does.
    assert s.unanswered == 1 == response_times.per_customer(cid).waiting
    assert [c.subject for c in s.contacts] == ["Documents", "Pension review"]
    assert s.greeting == "Dear Mrs Peña" and s.initials == "DP"
    assert s.loyalty is not None and s.loyalty.balance == 2000


def test_summary_tab_is_read_first_and_edit_opens_the_form(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid, late, _soon = _client()
    window = make_window()
    window.show_customer(cid)
    view = window.summary_view
    assert window.detail_tabs.currentWidget() is view
    assert view.name.text() == "Dolores Peña"
    assert "“Dear Mrs Peña”" in view.greeting.text()
    assert "Phone, weekday mornings, in English" in view.reach.text()
    due = interactions.load_follow_up(late).due_at.astimezone()
    promises = view.texts["follow_ups"].text()
    from crmdesk.ui import when

    stamp = f"{when.weekday(due.date())} {when.date_text(due)} {when.time_text(due)}"
    assert promises.splitlines()[0] == (f"★ Promise due {stamp} — OVERDUE: "
                                        "Send the pension plan")
    contacts = view.texts["contacts"].text()
    assert "1 inbound contact not answered yet" in contacts
    assert "Opera, golf" in view.texts["about"].text()
    assert "2,000 points" in view.texts["loyalty"].text()
    assert view.photo.accessibleName().endswith(": DP")  # drawn on the name's colour
    assert not view.photo.pixmap().isNull()
    # The wheel or a click cannot change anything here; Edit opens the form at that part.
    qtbot.mouseClick(view.edit_buttons["about"], Qt.MouseButton.LeftButton)
    assert window.detail_tabs.currentWidget() is window.profile
    assert window.profile.life.hasFocus()
    window.detail_tabs.setCurrentWidget(view)
    qtbot.mouseDClick(view.texts["follow_ups"], Qt.MouseButton.LeftButton)
    assert window.detail_tabs.currentWidget() is window.timeline
    # Marked done elsewhere: the summary follows.
    window.follow_up_done(late)
    assert "Send the pension plan" not in view.texts["follow_ups"].text()


def test_timeline_dates_a_promise_by_its_due_date_and_shows_notes_in_full(
        qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid, late, soon = _client()
    window = make_window()
    window.show_customer(cid)
    window.detail_tabs.setCurrentWidget(window.timeline)
    model = window.timeline.model
    keys = [model.index(r, 0).data(KEY_ROLE) for r in
            range(model.rowCount())]
    assert keys[0] == ("follow_up", soon)  # the furthest due date on top
    first = model.row_data(0)
    assert first.when == interactions.load_follow_up(soon).due_at
    overdue = model.row_data(keys.index(("follow_up", late)))
    assert "Open, overdue" in overdue.detail
    assert "not answered" in window.timeline.summary.text()
    assert "1 inbound" in window.timeline.summary.text()
    row = next(r for r in range(model.rowCount())
               if model.row_data(r).title.endswith("Documents"))
    window.timeline.table.selectRow(row)
    assert window.timeline.full_text.text().count("Asked for the documents") == 30
    tip = model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.count("Asked for the documents") == 30


def test_timeline_mark_done_only_for_an_open_follow_up(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid, late, _soon = _client()
    window = make_window()
    window.show_customer(cid)
    timeline = window.timeline
    model = timeline.model
    assert not timeline.done_button.isEnabled()  # nothing selected
    rows = {model.index(r, 0).data(KEY_ROLE): r for r in range(model.rowCount())}
    timeline.table.selectRow(rows[("follow_up", late)])
    assert timeline.done_button.isEnabled()
    qtbot.mouseClick(timeline.done_button, Qt.MouseButton.LeftButton)
    assert interactions.load_follow_up(late).status == "done"
    rows = {model.index(r, 0).data(KEY_ROLE): r for r in range(model.rowCount())}
    timeline.table.selectRow(rows[("follow_up", late)])
    assert not timeline.done_button.isEnabled()  # done: no second click
    interaction = next(k for k in rows if k[0] == "interaction")
    timeline.table.selectRow(rows[interaction])
    assert not timeline.done_button.isEnabled()
