"""Book migrations of the office book's second round (issue 13's coverage, merges).

Kept apart from migrations.py (which only appends the steps) so that parallel branches
touch that file by one line each."""

from __future__ import annotations

import json

import peewee

#: What the capture of schema 15 synced, table -> columns: a book that joined a hub before
#: this step uploads what it holds of everything synced since (sync.install_capture).
CAPTURED_BEFORE: dict[str, list[str]] = {
    "staff": ["name", "role", "active", "created_at"],
    "setting": ["key", "value"],
    "reward": ["name", "points_cost", "active", "created_at"],
    "saved_view": ["name", "spec", "created_at"],
    "customer": ["given_name", "family_name", "preferred_name", "salutation", "address_form",
                 "language", "preferred_channel", "best_time", "stage", "stage_since",
                 "relationship_type", "owner_id", "sort_name", "archived_at", "created_at",
                 "updated_at", "birthday", "life_situation", "interests", "needs",
                 "occupation", "company", "segment", "notes_private", "notes"],
    "customer_email": ["customer_id", "label", "address", "address_key", "position"],
    "customer_phone": ["customer_id", "label", "e164", "position"],
    "customer_consent": ["customer_id", "channel", "given_on"],
    "customer_address": ["customer_id", "label", "street", "city", "region", "postcode",
                         "country", "position"],
    "customer_tag": ["customer_id", "tag"],
    "interaction": ["customer_id", "staff_id", "channel", "direction", "happened_at",
                    "duration_min", "subject", "notes", "outcome", "satisfaction",
                    "created_at", "edited_at"],
    "follow_up": ["customer_id", "assignee_id", "what", "due_at", "is_promise", "status",
                  "completed_at", "interaction_id", "created_at"],
    "stage_change": ["customer_id", "from_stage", "to_stage", "changed_at", "from_since",
                     "stay_seconds", "staff_id", "reason"],
    "purchase": ["customer_id", "purchased_on", "amount_cents", "currency", "description",
                 "reverses_id", "staff_id", "created_at"],
    "points_entry": ["customer_id", "kind", "points", "happened_at", "purchase_id", "reward",
                     "reason", "staff_id", "created_at"],
}


def sync_coverage(database: peewee.Database) -> None:
    """Every table of the book travels or says why not: message templates, the message
    log, photos and dismissed suggestions get a global id; the sync state remembers what
    its capture covers and how far this device's audit trail has reached the hub."""
    for table in ("message_template", "message_log", "customer_photo",
                  "suggestion_dismissal"):
        database.execute_sql(f"ALTER TABLE {table} ADD COLUMN uid TEXT")
    database.execute_sql("ALTER TABLE sync_state ADD COLUMN captured TEXT")
    database.execute_sql("ALTER TABLE sync_state ADD COLUMN audit_sent INTEGER NOT NULL "
                         "DEFAULT 0")
    database.execute_sql("UPDATE sync_state SET captured = ?", (json.dumps(CAPTURED_BEFORE),))


def customer_aliases(database: peewee.Database) -> None:
    """Merges of duplicates remembered: the merged-away customer -> the one kept, so that
    in an office book whatever is later written to the merged-away customer (on a laptop
    that had not heard of the merge) lands on the kept one."""
    database.execute_sql(
        """CREATE TABLE customer_alias (
            id INTEGER PRIMARY KEY,
            old_id INTEGER NOT NULL UNIQUE REFERENCES customer(id) ON DELETE CASCADE,
            new_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            merged_at TEXT NOT NULL, uid TEXT)""")
    database.execute_sql("CREATE INDEX customer_alias_new ON customer_alias (new_id)")
