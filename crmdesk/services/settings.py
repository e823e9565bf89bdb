"""Book-wide settings stored in the `setting` table (they travel with the book)."""

from __future__ import annotations

from crmdesk.services import access
from crmdesk.services.validation import InvalidValue, is_region
from crmdesk.store.models import Setting

DEFAULT_REGION = "US"


def get(key: str, default: str = "") -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else default


def put(key: str, value: str) -> None:
    Setting.insert(key=key, value=value).on_conflict_replace().execute()


def default_region() -> str:
    """The region used to read phone numbers typed without a country code."""
    return get("default_region", DEFAULT_REGION)


def set_default_region(code: str) -> None:
    access.require("settings")
    code = code.strip().upper()
    if not is_region(code):
        raise InvalidValue(f"“{code}” is not a known region code (use e.g. US, GB, ES).")
    put("default_region", code)
