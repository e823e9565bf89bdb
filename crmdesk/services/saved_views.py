"""Saved views: a named filter and sort the user can return to."""

from __future__ import annotations

import json

from crmdesk.services.customer_query import CustomerFilter
from crmdesk.services.texts import translate
from crmdesk.store.db import db
from crmdesk.store.models import SavedView


def names() -> list[str]:
    return [v.name for v in SavedView.select().order_by(SavedView.name)]


def save(name: str, flt: CustomerFilter) -> None:
    """Store (or replace) the view `name`."""
    name = " ".join(name.split())
    if not name:
        raise ValueError(translate("saved_views", "A saved view needs a name."))
    spec = json.dumps(flt.to_json(), ensure_ascii=False)
    with db.atomic():
        SavedView.delete().where(SavedView.name == name).execute()
        SavedView.create(name=name, spec=spec)


def load(name: str) -> CustomerFilter:
    view = SavedView.get_or_none(SavedView.name == name)
    if view is None:
        raise LookupError(translate(
            "saved_views", "There is no saved view called “{name}”.").format(name=name))
    return CustomerFilter.from_json(json.loads(view.spec))


def delete(name: str) -> None:
    SavedView.delete().where(SavedView.name == name).execute()
