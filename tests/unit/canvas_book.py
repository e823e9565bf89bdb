"""A small hand-made book whose canvas and dashboard figures are worked out by hand (see
the comments): durations logged and defaulted, a promise kept one day late, a purchase in
another currency, an archived customer and a forgotten one, and an exclusive client of
another executive."""

from __future__ import annotations

import datetime as dt

from crmdesk.services import (
    access,
    customers,
    interactions,
    lifecycle,
    loyalty_ledger,
    privacy,
    staff,
)
from crmdesk.services.canvas import Scope
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.store.db import db
from tests.conftest import add

NOW = dt.datetime(2026, 7, 15, 12, 0, tzinfo=dt.UTC)
SCOPE = Scope(dt.date(2026, 1, 1), dt.date(2026, 6, 30))


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def build(passwords: bool = False) -> dict[str, int]:
    ids = {name: staff.add(name, role) for name, role in [
        ("Marta", "manager"), ("Eva", "executive"), ("Tomás", "executive"),
        ("Rita", "receptionist")]}
    c = {
        "lola": add("Lola", "Peña", segment="VIP", relationship_type="exclusive", owner="Eva",
                    preferred_channel="phone", stage="growth"),
        "bob": add("Bob", "Smith", segment="VIP", relationship_type="personal", owner="Eva",
                   preferred_channel="phone", stage="reactivation"),
        "carla": add("Carla", "Ruiz", segment="Standard", relationship_type="self_service",
                     preferred_channel="email", stage="acquisition"),
        "dan": add("Dan", "Archived", segment="Standard", stage="retention"),
        "eve": add("Eve", "Forgotten", segment="Standard", stage="growth", owner="Eva"),
        "finn": add("Finn", "Other", segment="Premium", relationship_type="exclusive",
                    owner="Tomás", stage="growth"),
    }
    # Everyone was added on 1 October 2025 (Carla on 15 January 2026), and moved later:
    db.execute_sql("UPDATE customer SET created_at = '2025-10-01T09:00:00Z', "
                   "stage_since = '2025-10-01T09:00:00Z'")
    db.execute_sql("UPDATE customer SET created_at = '2026-01-15T09:00:00Z', "
                   "stage_since = '2026-01-15T09:00:00Z' WHERE id = ?", (c["carla"],))
    with db.atomic():  # stays: 26, 184 and 170 days
        lifecycle.record_change(c["carla"], "acquisition", "conversion", None, "",
                                at("2026-02-10T09:00"))
        lifecycle.record_change(c["bob"], "reactivation", "retention", None, "",
                                at("2026-04-03T09:00"))
        lifecycle.record_change(c["finn"], "growth", "reactivation", None, "",
                                at("2026-03-20T09:00"))

    def log(who: str, channel: str, direction: str, when: str, minutes: int | None,
            by: str | None, sat: int | None = None) -> int:
        iid, _ = interactions.log(InteractionData(
            c[who], channel, direction, f"{channel} {direction}", at(when),
            ids[by] if by else None, minutes, satisfaction=sat))
        return iid

    # VIP: 5 contacts, 75 minutes (15 of them channel defaults), cost 57.08.
    log("lola", "email", "in", "2026-03-10T09:00", None, "Rita")  # 5 min default, 2.0833
    log("lola", "email", "out", "2026-03-10T13:00", 20, "Eva", 4)  # answered in 4 h, 15.00
    log("bob", "phone", "in", "2026-04-01T10:00", 10, "Eva", 5)  # 7.50
    log("bob", "phone", "out", "2026-04-02T10:00", None, "Marta")  # 24 h, 10 min, 10.00
    log("lola", "email", "out", "2026-05-05T10:00", 30, "Eva", 2)  # 22.50
    log("lola", "phone", "out", "2025-12-15T10:00", 100, "Eva")  # before the period
    # Standard: 3 contacts, 75 minutes, cost 52.92; Carla's question was never answered.
    log("carla", "email", "in", "2026-02-01T10:00", None, None, 3)  # nobody: exec's 3.75
    log("dan", "in_person", "out", "2026-02-15T10:00", 60, "Eva")  # 45.00
    log("eve", "phone", "out", "2026-02-20T10:00", None, "Rita")  # 10 min default, 4.1667
    # Premium: Tomás's exclusive client, 10 minutes, 7.50.
    log("finn", "phone", "out", "2026-03-03T10:00", 10, "Tomás", 5)

    def promise(who: str, due: str, done: str | None, is_promise: bool = True,
                by: str | None = None) -> None:
        fid = interactions.add_follow_up(FollowUpData(
            c[who], "Call back", at(due), is_promise=is_promise,
            assignee_id=ids[by] if by else None))
        if done is not None:
            interactions.set_follow_up_status(fid, "done")
            db.execute_sql("UPDATE follow_up SET completed_at = ? WHERE id = ?",
                           (done, fid))

    promise("lola", "2026-03-15T17:00", "2026-03-16T17:00:00Z", by="Eva")  # a day late
    promise("bob", "2026-04-10T17:00", "2026-04-09T12:00:00Z", by="Marta")  # on time
    promise("bob", "2026-06-01T17:00", None, by="Eva")  # overdue on 15 July
    promise("bob", "2026-05-01T17:00", None, is_promise=False)  # a follow-up, not a promise
    promise("carla", "2026-09-01T17:00", None)  # due after the period

    # Purchases in USD, the programme's currency (the book's region is US), and one in EUR.
    loyalty_ledger.record_purchase(c["lola"], 100_000, dt.date(2026, 3, 1), now=NOW)
    loyalty_ledger.record_purchase(c["bob"], 20_000, dt.date(2026, 4, 1), currency="EUR",
                                   now=NOW)
    loyalty_ledger.record_purchase(c["bob"], 5_000, dt.date(2025, 3, 1), now=NOW)
    loyalty_ledger.record_purchase(c["eve"], 30_000, dt.date(2026, 2, 20), now=NOW)
    customers.set_archived([c["dan"]], True)
    privacy.forget(c["eve"])
    if passwords:
        for name, sid in ids.items():
            access.set_password(sid, f"{name.lower()}-secret-1")
    return {**c, **{f"staff_{k}": v for k, v in ids.items()}}


def sign_in(name: str) -> access.User:
    return access.sign_in(name, f"{name.lower()}-secret-1")
