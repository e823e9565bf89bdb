"""Staff members: owners of customers, assignees of follow-ups, authors of interactions."""

from __future__ import annotations

from dataclasses import dataclass

from crmdesk.services import access, catalog
from crmdesk.services.texts import translate
from crmdesk.store.db import db
from crmdesk.store.models import Staff


@dataclass
class StaffMember:
    id: int
    name: str
    role: str
    active: bool


def list_staff(include_inactive: bool = False) -> list[StaffMember]:
    query = Staff.select().order_by(Staff.name)
    if not include_inactive:
        query = query.where(Staff.active)
    return [StaffMember(s.id, s.name, s.role, bool(s.active)) for s in query]


def _clean(name: str, role: str) -> tuple[str, str]:
    name = " ".join(name.split())
    if not name:
        raise ValueError(translate("staff", "A staff member needs a name."))
    if role not in catalog.STAFF_ROLES:
        raise ValueError(translate(
            "staff", "Unknown role “{role}” (one of: {value}).").format(
            role=role, value=', '.join(catalog.STAFF_ROLES)))
    return name, role


def add(name: str, role: str = "executive") -> int:
    access.require("staff")
    name, role = _clean(name, role)
    if Staff.get_or_none(Staff.name == name) is not None:
        raise ValueError(translate(
            "staff", "There is already a staff member called “{name}”.").format(name=name))
    return int(Staff.insert(name=name, role=role).execute())


def update(staff_id: int, name: str, role: str, active: bool) -> None:
    access.require("staff")
    name, role = _clean(name, role)
    other = Staff.get_or_none((Staff.name == name) & (Staff.id != staff_id))
    if other is not None:
        raise ValueError(translate(
            "staff", "There is already a staff member called “{name}”.").format(name=name))
    with db.atomic():
        Staff.update(name=name, role=role, active=active).where(Staff.id == staff_id).execute()


def find(name: str) -> int | None:
    """The id of the (active or not) staff member called `name`, if any."""
    row = Staff.get_or_none(Staff.name == " ".join(name.split()))
    return int(row.id) if row else None


def require(name: str) -> int:
    """The id of staff member `name`, or a ValueError that lists who exists."""
    found = find(name)
    if found is None:
        known = ", ".join(s.name for s in list_staff()) or "nobody yet"
        raise ValueError(translate(
            "staff", "No staff member called “{name}” (known: {known}).").format(
            name=name, known=known))
    return found


def save_all(rows: list[StaffMember]) -> None:
    """Apply a whole edited staff list (id 0 = new) in one transaction."""
    access.require("staff")
    names = [" ".join(r.name.split()).casefold() for r in rows]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ValueError(translate(
            "staff", "Two staff members have the same name: {value}.").format(
            value=sorted(duplicates)[0]))
    with db.atomic():
        for row in rows:
            if row.id:
                update(row.id, row.name, row.role, row.active)
            else:
                name, role = _clean(row.name, row.role)
                Staff.insert(name=name, role=role, active=row.active).execute()
