"""Book-wide settings stored in the `setting` table (they travel with the book)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal

from crmdesk.services import access
from crmdesk.services.texts import translate
from crmdesk.services.validation import InvalidValue, is_region
from crmdesk.store.db import db
from crmdesk.store.models import Setting

DEFAULT_REGION = "US"


def get(key: str, default: str = "") -> str:
    # (plain SQL: the ORM's query building cost ~0.8 ms a call, a board reads a dozen)
    row = db.execute_sql("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row is not None else default


def put(key: str, value: str) -> None:
    Setting.insert(key=key, value=value).on_conflict_replace().execute()


def default_region() -> str:
    """The region used to read phone numbers typed without a country code."""
    return get("default_region", DEFAULT_REGION)


def set_default_region(code: str) -> None:
    access.require("settings")
    code = code.strip().upper()
    if not is_region(code):
        raise InvalidValue(translate(
            "settings", "“{code}” is not a known region code (use e.g. US, GB, ES).").format(
            code=code))
    put("default_region", code)


# --- what the relationship costs (the relationship canvas) ------------------------------
# Staff cost per hour, by role, in cents of the loyalty programme's currency.
HOURLY_COST_CENTS = {"manager": 6_000, "executive": 4_500, "receptionist": 2_500}
# Minutes a contact takes when none was logged, by interaction channel.
CHANNEL_MINUTES = {"in_person": 30, "phone": 10, "email": 5, "chat": 5, "video": 30,
                   "social": 5, "letter": 15, "portal": 0, "automated": 0}
ANSWER_TARGET_HOURS = 24
POINT_VALUE_CENTS = "1"  # what one loyalty point is worth to the client, in cents


@dataclass
class CanvasSettings:
    hourly_cost_cents: dict[str, int] = field(default_factory=lambda: dict(HOURLY_COST_CENTS))
    channel_minutes: dict[str, int] = field(default_factory=lambda: dict(CHANNEL_MINUTES))
    answer_target_hours: int = ANSWER_TARGET_HOURS
    point_value_cents: Decimal = Decimal(POINT_VALUE_CENTS)

    def problems(self) -> list[str]:
        found = []
        for role, cents in self.hourly_cost_cents.items():
            if not 0 <= cents <= 10_000_000:
                found.append(f"The hourly cost of a {role} must be between 0 and 100,000.")
        for channel, minutes in self.channel_minutes.items():
            if not 0 <= minutes <= 24 * 60:
                found.append(f"The default duration of {channel} must be 0 to 1,440 minutes.")
        if not 1 <= self.answer_target_hours <= 24 * 90:
            found.append("The answer target must be between 1 hour and 90 days.")
        if not Decimal(0) <= self.point_value_cents <= 100_000:
            found.append("A point must be worth between 0 and 1,000.")
        return found


def canvas_settings() -> CanvasSettings:
    """The book's cost settings (defaults where none were saved, or the saved ones are
    damaged)."""
    out = CanvasSettings()
    raw = get("canvas_settings")
    if not raw:
        return out
    try:
        spec = json.loads(raw)
        out.hourly_cost_cents.update(
            {str(k): int(v) for k, v in dict(spec.get("hourly_cost_cents", {})).items()})
        out.channel_minutes.update(
            {str(k): int(v) for k, v in dict(spec.get("channel_minutes", {})).items()})
        out.answer_target_hours = int(spec.get("answer_target_hours", ANSWER_TARGET_HOURS))
        out.point_value_cents = Decimal(str(spec.get("point_value_cents", POINT_VALUE_CENTS)))
    except (ValueError, TypeError, AttributeError, ArithmeticError):
        return CanvasSettings()
    return out if not out.problems() else CanvasSettings()


def save_canvas_settings(value: CanvasSettings) -> None:
    access.require("settings")
    problems = value.problems()
    if problems:
        raise InvalidValue(problems[0])
    put("canvas_settings", json.dumps({
        "hourly_cost_cents": value.hourly_cost_cents,
        "channel_minutes": value.channel_minutes,
        "answer_target_hours": value.answer_target_hours,
        "point_value_cents": str(value.point_value_cents)}, sort_keys=True))
