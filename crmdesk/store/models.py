"""Peewee models. The tables themselves are created by the migrations ladder, never here."""

from __future__ import annotations

import datetime as dt
from typing import Any

import peewee

from crmdesk.store.db import db


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class UTCDateTimeField(peewee.TextField):
    """Timezone-aware UTC datetimes stored as ISO 8601 text (sortable)."""

    def db_value(self, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return str(value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))

    def python_value(self, value: Any) -> dt.datetime | None:
        if value is None:
            return None
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


class ISODateField(peewee.TextField):
    """A calendar date stored as YYYY-MM-DD."""

    def db_value(self, value: Any) -> str | None:
        if value is None or isinstance(value, str):
            return value
        return str(value.isoformat())

    def python_value(self, value: Any) -> dt.date | None:
        return None if value is None else dt.date.fromisoformat(value)


class BaseModel(peewee.Model):
    class Meta:
        database = db
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = peewee.IntegerField()

    class Meta:
        table_name = "schema_version"
        primary_key = False


class Setting(BaseModel):
    key = peewee.TextField(primary_key=True)
    value = peewee.TextField()


class Staff(BaseModel):
    id = peewee.AutoField()
    name = peewee.TextField(unique=True)
    role = peewee.TextField(default="executive")
    active = peewee.BooleanField(default=True)
    created_at = UTCDateTimeField(default=utcnow)
    password_hash = peewee.TextField(null=True)  # argon2; None: cannot sign in
    pin_hash = peewee.TextField(null=True)  # argon2 of the unlock PIN


class Customer(BaseModel):
    id = peewee.AutoField()
    given_name = peewee.TextField(default="")
    family_name = peewee.TextField(default="")
    preferred_name = peewee.TextField(default="")
    salutation = peewee.TextField(default="")
    address_form = peewee.TextField(default="formal")
    birthday = ISODateField(null=True)
    life_situation = peewee.TextField(default="")
    interests = peewee.TextField(default="")
    needs = peewee.TextField(default="")
    occupation = peewee.TextField(default="")
    company = peewee.TextField(default="")
    preferred_channel = peewee.TextField(default="")
    best_time = peewee.TextField(default="")
    language = peewee.TextField(default="en")
    segment = peewee.TextField(default="")
    relationship_type = peewee.TextField(default="personal")
    owner = peewee.ForeignKeyField(Staff, null=True, backref="customers", on_delete="SET NULL")
    owner_id: int | None  # the raw column Peewee adds for the foreign key
    notes = peewee.TextField(default="")
    notes_private = peewee.BooleanField(default=False)
    stage = peewee.TextField(default="knowledge")
    sort_name = peewee.TextField(default="")
    last_contact_at = UTCDateTimeField(null=True)  # kept by triggers on interaction
    next_follow_up_at = UTCDateTimeField(null=True)  # kept by triggers on follow_up
    stage_since = UTCDateTimeField(null=True)
    points_balance = peewee.IntegerField(default=0)  # kept by triggers on points_entry
    archived_at = UTCDateTimeField(null=True)
    created_at = UTCDateTimeField(default=utcnow)
    updated_at = UTCDateTimeField(default=utcnow)
    kind = peewee.TextField(default="person")  # or "organisation" (migrations: organisations)
    organisation_id = peewee.IntegerField(null=True)  # the organisation a contact works for


class CustomerEmail(BaseModel):
    id = peewee.AutoField()
    customer = peewee.ForeignKeyField(Customer, backref="emails", on_delete="CASCADE")
    label = peewee.TextField(default="")
    address = peewee.TextField()
    address_key = peewee.TextField()
    position = peewee.IntegerField(default=0)


class CustomerPhone(BaseModel):
    id = peewee.AutoField()
    customer = peewee.ForeignKeyField(Customer, backref="phones", on_delete="CASCADE")
    label = peewee.TextField(default="")
    e164 = peewee.TextField()
    position = peewee.IntegerField(default=0)


class CustomerAddress(BaseModel):
    id = peewee.AutoField()
    customer = peewee.ForeignKeyField(Customer, backref="addresses", on_delete="CASCADE")
    label = peewee.TextField(default="")
    street = peewee.TextField(default="")
    city = peewee.TextField(default="")
    region = peewee.TextField(default="")
    postcode = peewee.TextField(default="")
    country = peewee.TextField(default="")
    position = peewee.IntegerField(default=0)


class CustomerConsent(BaseModel):
    id = peewee.AutoField()
    """Marketing consent for one channel; the row exists only while consent is given."""

    customer = peewee.ForeignKeyField(Customer, backref="consents", on_delete="CASCADE")
    channel = peewee.TextField()
    given_on = ISODateField()


class CustomerTag(BaseModel):
    customer = peewee.ForeignKeyField(Customer, backref="tag_rows", on_delete="CASCADE")
    tag = peewee.TextField()

    class Meta:
        primary_key = peewee.CompositeKey("customer", "tag")


class Interaction(BaseModel):
    id = peewee.AutoField()
    customer = peewee.ForeignKeyField(Customer, backref="interactions", on_delete="CASCADE")
    staff = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    channel = peewee.TextField()
    direction = peewee.TextField()
    happened_at = UTCDateTimeField()
    duration_min = peewee.IntegerField(null=True)
    subject = peewee.TextField(default="")
    notes = peewee.TextField(default="")
    outcome = peewee.TextField(default="")
    satisfaction = peewee.IntegerField(null=True)
    created_at = UTCDateTimeField(default=utcnow)
    edited_at = UTCDateTimeField(null=True)
    customer_id: int
    staff_id: int | None


class FollowUp(BaseModel):
    id = peewee.AutoField()
    customer = peewee.ForeignKeyField(Customer, backref="follow_ups", on_delete="CASCADE")
    assignee = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    what = peewee.TextField()
    due_at = UTCDateTimeField()
    is_promise = peewee.BooleanField(default=False)
    status = peewee.TextField(default="open")
    completed_at = UTCDateTimeField(null=True)
    interaction = peewee.ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    created_at = UTCDateTimeField(default=utcnow)
    customer_id: int
    assignee_id: int | None
    interaction_id: int | None

    class Meta:
        table_name = "follow_up"


class Purchase(BaseModel):
    """A purchase (or, with a negative amount, the reversal of one). Never edited."""

    id = peewee.AutoField()
    customer = peewee.ForeignKeyField(Customer, backref="purchases", on_delete="CASCADE")
    purchased_on = ISODateField()
    amount_cents = peewee.IntegerField()
    currency = peewee.TextField()
    description = peewee.TextField(default="")
    reverses = peewee.ForeignKeyField("self", null=True, on_delete="SET NULL")
    staff = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    created_at = UTCDateTimeField(default=utcnow)
    customer_id: int
    reverses_id: int | None


class Reward(BaseModel):
    id = peewee.AutoField()
    name = peewee.TextField(unique=True)
    points_cost = peewee.IntegerField()
    active = peewee.BooleanField(default=True)
    created_at = UTCDateTimeField(default=utcnow)
    name_es = peewee.TextField(default="")  # shown to Spanish clients ('' : `name`)


class PointsEntry(BaseModel):
    """One line of the append-only points ledger (signed points)."""

    id = peewee.AutoField()
    customer = peewee.ForeignKeyField(Customer, backref="points", on_delete="CASCADE")
    kind = peewee.TextField()
    points = peewee.IntegerField()
    happened_at = UTCDateTimeField()
    purchase = peewee.ForeignKeyField(Purchase, null=True, on_delete="SET NULL")
    reward = peewee.TextField(default="")
    reason = peewee.TextField(default="")
    staff = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    created_at = UTCDateTimeField(default=utcnow)
    customer_id: int
    purchase_id: int | None

    class Meta:
        table_name = "points_entry"


class SavedView(BaseModel):
    id = peewee.AutoField()
    name = peewee.TextField(unique=True)
    spec = peewee.TextField()
    created_at = UTCDateTimeField(default=utcnow)


ALL_MODELS: list[type[BaseModel]] = [
    SchemaVersion, Setting, Staff, Customer, CustomerEmail, CustomerPhone, CustomerAddress,
    CustomerConsent, CustomerTag, SavedView, Interaction, FollowUp, Purchase, Reward,
    PointsEntry,
]
