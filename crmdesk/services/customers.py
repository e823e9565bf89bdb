"""Customers: the profile as plain data, its validation, and the writes (one transaction each)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from crmdesk.services import access, audit, catalog, search_index, texts
from crmdesk.services.texts import translate
from crmdesk.services.validation import InvalidValue, normalise_email, normalise_phone
from crmdesk.store.db import db
from crmdesk.store.models import (
    Customer,
    CustomerAddress,
    CustomerConsent,
    CustomerEmail,
    CustomerPhone,
    CustomerTag,
    Staff,
    utcnow,
)

MAX_NAME = 200
MAX_TEXT = 100_000


@dataclass
class ContactPoint:
    label: str
    value: str


@dataclass
class PostalAddress:
    label: str = "home"
    street: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""

    def is_blank(self) -> bool:
        return not any((self.street, self.city, self.region, self.postcode, self.country))


@dataclass
class CustomerData:
    """Everything the profile shows and edits. Metadata fields do not count for equality."""

    given_name: str = ""
    family_name: str = ""
    preferred_name: str = ""
    salutation: str = ""
    address_form: str = "formal"
    birthday: dt.date | None = None
    life_situation: str = ""
    interests: str = ""
    needs: str = ""
    occupation: str = ""
    company: str = ""
    preferred_channel: str = ""
    best_time: str = ""
    language: str = "en"
    segment: str = ""
    relationship_type: str = "personal"
    owner: str = ""
    notes: str = ""
    notes_private: bool = False
    stage: str = "knowledge"
    emails: list[ContactPoint] = field(default_factory=list)
    phones: list[ContactPoint] = field(default_factory=list)
    addresses: list[PostalAddress] = field(default_factory=list)
    consents: dict[str, dt.date] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    kind: str = "person"                  # "person" or "organisation" (a company client)
    organisation_id: int | None = None    # the organisation client a person works for
    id: int | None = field(default=None, compare=False)
    created_at: dt.datetime | None = field(default=None, compare=False)
    updated_at: dt.datetime | None = field(default=None, compare=False)
    archived_at: dt.datetime | None = field(default=None, compare=False)

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.given_name, self.family_name) if p) or "(no name)"


@dataclass
class Problem:
    """One invalid value: which field (and which row of a list), and why."""

    field: str
    message: str
    index: int | None = None


class ValidationFailed(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def _clean_tags(tags: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for tag in tags:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())


def validate(data: CustomerData, region: str) -> tuple[CustomerData, list[Problem]]:
    """Normalised copy of `data` and the list of problems (empty when it can be saved).

    Invalid values stay in the copy as typed, so a form holding one never compares equal
    to the stored profile."""
    problems: list[Problem] = []
    clean = replace(data)
    for name in ("given_name", "family_name", "preferred_name", "salutation", "company",
                 "occupation", "segment", "owner", "best_time"):
        value = " ".join(str(getattr(data, name)).split())
        if len(value) > MAX_NAME:
            problems.append(Problem(name, translate(
                "customers", "Too long (at most {limit} characters).").format(
                limit=MAX_NAME)))
        setattr(clean, name, value)
    for name in ("life_situation", "interests", "needs", "notes"):
        value = str(getattr(data, name)).strip()
        if len(value) > MAX_TEXT:
            problems.append(Problem(name, translate(
                "customers", "Too long (at most {limit} characters).").format(
                limit=texts.integer(MAX_TEXT))))
        setattr(clean, name, value)
    if not clean.given_name and not clean.family_name:
        problems.append(Problem("given_name", translate(
            "customers", "A customer needs a given or a family name.")))
    if clean.birthday and clean.birthday > dt.date.today():
        problems.append(Problem("birthday", translate(
            "customers", "The birthday is in the future.")))
    checks = [
        ("stage", catalog.STAGE_LABELS), ("relationship_type", catalog.RELATIONSHIP_LABELS),
        ("language", dict(catalog.LANGUAGES)), ("address_form", dict(catalog.ADDRESS_FORMS)),
        ("preferred_channel", catalog.CONTACT_CHANNEL_LABELS),
    ]
    for name, allowed in checks:
        if getattr(clean, name) not in allowed:
            value = getattr(clean, name)
            problems.append(Problem(name, translate(
                "customers", "Unknown {field} “{value}”.").format(
                field=name.replace("_", " "), value=value)))
    clean.emails = []
    for i, point in enumerate(data.emails):
        if not point.value.strip():
            continue
        try:
            clean.emails.append(ContactPoint(point.label.strip(), normalise_email(point.value)))
        except InvalidValue as exc:
            problems.append(Problem("emails", str(exc), i))
            clean.emails.append(ContactPoint(point.label.strip(), point.value.strip()))
    clean.phones = []
    for i, point in enumerate(data.phones):
        if not point.value.strip():
            continue
        try:
            e164 = normalise_phone(point.value, region)
            clean.phones.append(ContactPoint(point.label.strip(), e164))
        except InvalidValue as exc:
            problems.append(Problem("phones", str(exc), i))
            clean.phones.append(ContactPoint(point.label.strip(), point.value.strip()))
    clean.addresses = [replace(a) for a in data.addresses if not a.is_blank()]
    clean.consents = {k: v for k, v in data.consents.items()
                      if k in dict(catalog.CONSENT_CHANNELS)}
    clean.tags = _clean_tags(data.tags)
    _check_organisation(clean, problems)
    return clean, problems


KINDS = {"person": "Person", "organisation": "Organisation"}


def _check_organisation(clean: CustomerData, problems: list[Problem]) -> None:
    """An organisation is named (its name is the given name, the company too) and works for
    no one; a person's organisation must be an organisation client of the book."""
    if clean.kind not in KINDS:
        problems.append(Problem("kind", translate(
            "customers", "Unknown kind of client “{kind}”.").format(kind=clean.kind)))
        return
    if clean.kind == "organisation":
        clean.organisation_id = None
        clean.company = clean.company or " ".join(
            p for p in (clean.given_name, clean.family_name) if p)
        return
    oid = clean.organisation_id
    if oid is None:
        return
    if oid == clean.id:
        problems.append(Problem("organisation_id", translate(
            "customers", "A client cannot work for themselves.")))
        return
    row = db.execute_sql("SELECT kind, given_name FROM customer WHERE id = ?",
                         (oid,)).fetchone()
    if row is None or row[0] != "organisation":
        problems.append(Problem("organisation_id", translate(
            "customers", "Client {oid} is not an organisation of this book.").format(oid=oid)))
    elif not clean.company:
        clean.company = str(row[1])


def organisations() -> list[tuple[int, str]]:
    """(id, name) of the organisation clients that are not archived, by name (none while
    no book is open)."""
    if db.obj is None:
        return []
    return [(int(r[0]), str(r[1])) for r in db.execute_sql(
        # their own (partial) index: the planner, knowing nothing of how few they are,
        # walked every customer on the list instead
        "SELECT id, given_name FROM customer INDEXED BY customer_organisations "
        "WHERE kind = 'organisation' "
        "AND archived_at IS NULL ORDER BY given_name COLLATE NOCASE")]


def contact_persons(org_id: int) -> list[tuple[int, str]]:
    """(id, name) of the people who are contact persons of an organisation client."""
    return [(int(r[0]), " ".join(p for p in (r[1], r[2]) if p)) for r in db.execute_sql(
        "SELECT id, given_name, family_name FROM customer WHERE organisation_id = ? "
        "AND archived_at IS NULL ORDER BY family_name COLLATE NOCASE, given_name", (org_id,))]


def _owner_id(name: str) -> int | None:
    if not name:
        return None
    staff, _ = Staff.get_or_create(name=name)
    return int(staff.id)


def _scalar_columns(data: CustomerData) -> dict[str, object]:
    return {
        "given_name": data.given_name, "family_name": data.family_name,
        "preferred_name": data.preferred_name, "salutation": data.salutation,
        "address_form": data.address_form, "birthday": data.birthday,
        "life_situation": data.life_situation, "interests": data.interests,
        "needs": data.needs, "occupation": data.occupation, "company": data.company,
        "preferred_channel": data.preferred_channel, "best_time": data.best_time,
        "language": data.language, "segment": data.segment,
        "relationship_type": data.relationship_type, "owner": _owner_id(data.owner),
        "notes": data.notes, "notes_private": bool(data.notes_private), "stage": data.stage,
        "sort_name": search_index.sort_name(data.given_name, data.family_name),
        "kind": data.kind if data.kind in KINDS else "person",
        "organisation_id": data.organisation_id if data.kind != "organisation" else None,
    }


def _write_children(cid: int, data: CustomerData) -> None:
    for model in (CustomerEmail, CustomerPhone, CustomerAddress, CustomerConsent, CustomerTag):
        model.delete().where(model.customer == cid).execute()
    for pos, point in enumerate(data.emails):
        CustomerEmail.create(customer=cid, label=point.label, address=point.value,
                             address_key=point.value.casefold(), position=pos)
    for pos, point in enumerate(data.phones):
        CustomerPhone.create(customer=cid, label=point.label, e164=point.value, position=pos)
    for pos, addr in enumerate(data.addresses):
        CustomerAddress.create(customer=cid, label=addr.label, street=addr.street, city=addr.city,
                               region=addr.region, postcode=addr.postcode, country=addr.country,
                               position=pos)
    for channel, given_on in data.consents.items():
        CustomerConsent.create(customer=cid, channel=channel, given_on=given_on)
    for tag in data.tags:
        CustomerTag.create(customer=cid, tag=tag)


def create(data: CustomerData, region: str) -> int:
    """Validate and store a new customer; returns its id. Raises ValidationFailed."""
    clean, problems = validate(data, region)
    if problems:
        raise ValidationFailed(problems)
    now = utcnow()
    with db.atomic():
        cid = Customer.insert(created_at=now, updated_at=now, stage_since=now,
                              **_scalar_columns(clean)).execute()
        _write_children(cid, clean)
        search_index.reindex([cid])
        audit.record("create", [int(cid)])
    return int(cid)


def update(cid: int, data: CustomerData, region: str, staff_id: int | None = None,
           reason: str = "Changed in the profile") -> None:
    """Validate and replace the stored profile of customer `cid`. Raises ValidationFailed.
    A new stage is recorded in the stage history (by `staff_id`, with `reason`)."""
    clean, problems = validate(data, region)
    if problems:
        raise ValidationFailed(problems)
    with db.atomic():
        before = Customer.get_or_none(Customer.id == cid)
        if before is None:
            raise LookupError(translate(
                "customers", "Customer {cid} does not exist.").format(cid=cid))
        seen = access.level(cid)
        if seen < access.Level.FULL:  # what this person cannot see, they cannot change
            clean = keep_hidden(load(cid), clean, seen)
        columns = _scalar_columns(clean)
        stage = columns.pop("stage")
        Customer.update(updated_at=utcnow(), **columns).where(Customer.id == cid).execute()
        if stage != before.stage:  # a stage changed in the profile is a move like any other
            from crmdesk.services import lifecycle

            lifecycle.record_change(cid, before.stage, str(stage), staff_id, reason)
        _write_children(cid, clean)
        search_index.reindex([cid])
        audit.record("change", [cid], "profile edited")


def load(cid: int) -> CustomerData:
    """The stored profile of customer `cid` (LookupError if there is none)."""
    row = Customer.get_or_none(Customer.id == cid)
    if row is None:
        raise LookupError(translate("customers", "Customer {cid} does not exist.").format(cid=cid))
    owner = Staff.get_or_none(Staff.id == row.owner_id) if row.owner_id else None
    return CustomerData(
        given_name=row.given_name, family_name=row.family_name,
        preferred_name=row.preferred_name, salutation=row.salutation,
        address_form=row.address_form, birthday=row.birthday,
        life_situation=row.life_situation, interests=row.interests, needs=row.needs,
        occupation=row.occupation, company=row.company,
        preferred_channel=row.preferred_channel, best_time=row.best_time,
        language=row.language, segment=row.segment, relationship_type=row.relationship_type,
        owner=owner.name if owner else "", notes=row.notes,
        notes_private=bool(row.notes_private), stage=row.stage,
        emails=[ContactPoint(e.label, e.address) for e in
                CustomerEmail.select().where(CustomerEmail.customer == cid)
                .order_by(CustomerEmail.position)],
        phones=[ContactPoint(p.label, p.e164) for p in
                CustomerPhone.select().where(CustomerPhone.customer == cid)
                .order_by(CustomerPhone.position)],
        addresses=[PostalAddress(a.label, a.street, a.city, a.region, a.postcode, a.country)
                   for a in CustomerAddress.select().where(CustomerAddress.customer == cid)
                   .order_by(CustomerAddress.position)],
        consents={c.channel: c.given_on for c in
                  CustomerConsent.select().where(CustomerConsent.customer == cid)},
        tags=[t.tag for t in CustomerTag.select().where(CustomerTag.customer == cid)
              .order_by(CustomerTag.tag)],
        kind=row.kind, organisation_id=row.organisation_id,
        id=row.id, created_at=row.created_at, updated_at=row.updated_at,
        archived_at=row.archived_at,
    )


# What CONTACT level shows of a profile: who they are, how to address and reach them.
CONTACT_FIELDS = ("given_name", "family_name", "preferred_name", "salutation", "address_form",
                  "preferred_channel", "best_time", "language", "relationship_type", "owner",
                  "stage", "emails", "phones", "consents", "kind")
HIDDEN_TEXT = "(not shown to you)"


def redact(data: CustomerData, seen: access.Level) -> CustomerData:
    """`data` cut down to what someone at level `seen` may read."""
    out = replace(data)
    if seen < access.Level.FULL and data.notes_private:
        out.notes = ""
    if seen == access.Level.CONTACT:
        blank = CustomerData()
        for name in CustomerData.__dataclass_fields__:
            if name not in CONTACT_FIELDS and name not in ("id", "created_at", "updated_at",
                                                           "archived_at"):
                setattr(out, name, getattr(blank, name))
    return out


def keep_hidden(stored: CustomerData, edited: CustomerData, seen: access.Level) -> CustomerData:
    """An edit by someone who could not see everything: what was hidden from them stays as
    stored (the blanks they were shown are not taken for deletions)."""
    out = replace(edited)
    if seen < access.Level.FULL:  # nor may they hand the customer to someone else
        out.owner, out.relationship_type = stored.owner, stored.relationship_type
    if seen < access.Level.FULL and stored.notes_private:
        out.notes, out.notes_private = stored.notes, True
    if seen == access.Level.CONTACT:
        for name in CustomerData.__dataclass_fields__:
            if name not in CONTACT_FIELDS:
                setattr(out, name, getattr(stored, name))
    return out


def load_visible(cid: int) -> tuple[CustomerData, access.Level]:
    """The profile as the current person may see it, and their level on this customer."""
    seen = access.level(cid)
    return redact(load(cid), seen), seen


def load_shown(ids: list[int]) -> dict[int, tuple[CustomerData, access.Level]]:
    """Profiles (as `load_visible`) about to be shown or printed out in full: views in the
    audit trail (see `audit.viewed`)."""
    shown = {cid: load_visible(cid) for cid in ids}
    audit.viewed(shown)
    return shown


def _refuse_restoring_merged_away(ids: list[int]) -> None:
    """In an office book a customer merged into another stays in the Trash: every replica
    sends what is written to it on to the kept one, and a restore made here before the
    merge reached the hub would bring it back everywhere. (A book that never joined a hub
    may restore it, as before; an undone merge removes the alias first.)"""
    if not ids or db.execute_sql("SELECT 1 FROM sync_state LIMIT 1").fetchone() is None:
        return
    marks = ",".join("?" * len(ids))
    row = db.execute_sql(
        f"SELECT a.old_id, c.given_name, c.family_name FROM customer_alias a JOIN customer c "
        f"ON c.id = a.new_id WHERE a.old_id IN ({marks}) LIMIT 1", list(ids)).fetchone()
    if row is not None:
        kept = " ".join(p for p in (row[1], row[2]) if p) or \
            translate("customers", "customer {id}").format(id=row[0])
        raise ValidationFailed([Problem(
            "archived_at", translate(
                "customers", "Customer {id} was merged into {kept}: restore that one instead "
                "(in an office book a merged-away customer stays in the Trash).").format(
                id=row[0], kept=kept))])


def set_archived(ids: list[int], archived: bool) -> int:
    """Archive (move to Trash) or restore customers; returns how many changed."""
    access.require("delete")
    access.require_level(ids, access.Level.STANDARD, "archive or restore")
    now = utcnow()
    with db.atomic():
        if not archived:
            _refuse_restoring_merged_away(ids)
        query = Customer.update(archived_at=now if archived else None, updated_at=now)
        if archived:
            query = query.where(Customer.id.in_(ids), Customer.archived_at.is_null())
        else:
            query = query.where(Customer.id.in_(ids), Customer.archived_at.is_null(False))
        changed = int(query.execute())
        search_index.reindex(ids)
        audit.record("archive" if archived else "restore", ids)
        return changed


@dataclass
class Choices:
    """What the filter and profile drop-downs offer, read from the book in one go."""

    segments: list[str]
    owners: list[str]
    tags: list[str]


def choices() -> Choices:
    return Choices(segments(), owners(), tags())


def owners() -> list[str]:
    return [s.name for s in Staff.select().where(Staff.active).order_by(Staff.name)]


def segments() -> list[str]:
    used = [r[0] for r in db.execute_sql(
        "SELECT DISTINCT segment FROM customer WHERE segment != '' ORDER BY segment")]
    return list(dict.fromkeys(catalog.DEFAULT_SEGMENTS + used))


def tags() -> list[str]:
    return [r[0] for r in db.execute_sql("SELECT DISTINCT tag FROM customer_tag ORDER BY tag")]


def to_json(data: CustomerData) -> dict[str, Any]:
    """The profile as JSON-ready values (dates as ISO text)."""
    from dataclasses import asdict

    out = asdict(data)
    out["birthday"] = data.birthday.isoformat() if data.birthday else None
    out["consents"] = {k: v.isoformat() for k, v in data.consents.items()}
    for key in ("id", "created_at", "updated_at", "archived_at"):
        out.pop(key, None)
    return out


def from_json(spec: dict[str, Any]) -> CustomerData:
    known = {k: v for k, v in spec.items() if k in CustomerData.__dataclass_fields__}
    data = CustomerData(**known)
    data.birthday = dt.date.fromisoformat(spec["birthday"]) if spec.get("birthday") else None
    data.emails = [ContactPoint(**p) for p in spec.get("emails", [])]
    data.phones = [ContactPoint(**p) for p in spec.get("phones", [])]
    data.addresses = [PostalAddress(**a) for a in spec.get("addresses", [])]
    data.consents = {k: dt.date.fromisoformat(v) for k, v in spec.get("consents", {}).items()}
    data.tags = list(spec.get("tags", []))
    return data


def write_unchecked(cid: int, data: CustomerData) -> None:
    """Put back a profile exactly as it was stored before (an undone import or merge):
    no validation, since it held when it was first saved. Call inside db.atomic()."""
    columns = _scalar_columns(data)
    Customer.update(updated_at=utcnow(), **columns).where(Customer.id == cid).execute()
    _write_children(cid, data)
    search_index.reindex([cid])


def photo(cid: int) -> bytes | None:
    """The customer's picture (from an imported address book card), if any."""
    row = db.execute_sql("SELECT data FROM customer_photo WHERE customer_id = ?",
                         (cid,)).fetchone()
    return bytes(row[0]) if row else None
