"""The migrations ladder: numbered steps of plain SQL, each run in one transaction.

Steps are SQL rather than `create_tables()` so that an old step keeps producing exactly the
schema it produced when it shipped, whatever the models look like today.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import peewee

from crmdesk.store import (
    migration_funnel,
    migration_messages,
    migration_phones,
    migration_stage_counts,
    migration_sync2,
)
from crmdesk.store.db import APPLICATION_ID

Step = Callable[[peewee.Database], None]

FTS_DDL = (
    "CREATE VIRTUAL TABLE customer_fts USING fts5("
    "name, emails, phones, company, tags, notes, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
)


def _v1_core(database: peewee.Database) -> None:
    for sql in [
        "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE staff (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL DEFAULT 'executive', active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL)""",
        """CREATE TABLE customer (
            id INTEGER PRIMARY KEY,
            given_name TEXT NOT NULL DEFAULT '', family_name TEXT NOT NULL DEFAULT '',
            preferred_name TEXT NOT NULL DEFAULT '', salutation TEXT NOT NULL DEFAULT '',
            address_form TEXT NOT NULL DEFAULT 'formal', birthday TEXT,
            life_situation TEXT NOT NULL DEFAULT '', interests TEXT NOT NULL DEFAULT '',
            needs TEXT NOT NULL DEFAULT '', occupation TEXT NOT NULL DEFAULT '',
            company TEXT NOT NULL DEFAULT '', preferred_channel TEXT NOT NULL DEFAULT '',
            best_time TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT 'en',
            segment TEXT NOT NULL DEFAULT '', relationship_type TEXT NOT NULL DEFAULT 'personal',
            owner_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
            notes TEXT NOT NULL DEFAULT '', stage TEXT NOT NULL DEFAULT 'knowledge',
            sort_name TEXT NOT NULL DEFAULT '', archived_at TEXT,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
        "CREATE INDEX customer_sort ON customer (archived_at, sort_name)",
        "CREATE INDEX customer_stage ON customer (stage)",
        "CREATE INDEX customer_segment ON customer (segment)",
        "CREATE INDEX customer_owner ON customer (owner_id)",
        """CREATE TABLE customer_email (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            label TEXT NOT NULL DEFAULT '', address TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX customer_email_customer ON customer_email (customer_id, position)",
        """CREATE TABLE customer_phone (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            label TEXT NOT NULL DEFAULT '', e164 TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX customer_phone_customer ON customer_phone (customer_id, position)",
        """CREATE TABLE customer_address (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            label TEXT NOT NULL DEFAULT '', street TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '',
            postcode TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX customer_address_customer ON customer_address (customer_id, position)",
        """CREATE TABLE customer_consent (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            channel TEXT NOT NULL, given_on TEXT NOT NULL,
            UNIQUE (customer_id, channel))""",
        """CREATE TABLE customer_tag (
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            tag TEXT NOT NULL, PRIMARY KEY (customer_id, tag)) WITHOUT ROWID""",
        "CREATE INDEX customer_tag_tag ON customer_tag (tag)",
        FTS_DDL,
    ]:
        database.execute_sql(sql)


def _v2_saved_views_and_email_index(database: peewee.Database) -> None:
    """Saved views, and a case-folded e-mail key so '@' searches use an index."""
    database.execute_sql(
        """CREATE TABLE saved_view (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, spec TEXT NOT NULL,
            created_at TEXT NOT NULL)"""
    )
    database.execute_sql(
        "ALTER TABLE customer_email ADD COLUMN address_key TEXT NOT NULL DEFAULT ''")
    database.execute_sql("UPDATE customer_email SET address_key = lower(address)")
    database.execute_sql("CREATE INDEX customer_email_key ON customer_email (address_key)")
    database.execute_sql("CREATE INDEX customer_updated ON customer (archived_at, updated_at)")


def _v3_interactions_and_follow_ups(database: peewee.Database) -> None:
    """The interaction log, follow-ups (promises), and their search index."""
    for sql in [
        """CREATE TABLE interaction (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            staff_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
            channel TEXT NOT NULL, direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
            happened_at TEXT NOT NULL, duration_min INTEGER,
            subject TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL DEFAULT '', satisfaction INTEGER
                CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
            created_at TEXT NOT NULL, edited_at TEXT)""",
        "CREATE INDEX interaction_customer ON interaction (customer_id, happened_at)",
        "CREATE INDEX interaction_when ON interaction (happened_at)",
        "CREATE INDEX interaction_staff ON interaction (staff_id, happened_at)",
        """CREATE TABLE follow_up (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            assignee_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
            what TEXT NOT NULL, due_at TEXT NOT NULL,
            is_promise INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'done', 'cancelled')),
            completed_at TEXT,
            interaction_id INTEGER REFERENCES interaction(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL)""",
        "CREATE INDEX follow_up_open ON follow_up (status, due_at)",
        "CREATE INDEX follow_up_customer ON follow_up (customer_id, created_at)",
        "CREATE VIRTUAL TABLE interaction_fts USING fts5(subject, notes, outcome, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
        # When the customer was last in touch (kept by every interaction write), so that
        # "gone quiet" is an index range, not a scan of the interaction log.
        "ALTER TABLE customer ADD COLUMN last_contact_at TEXT",
        "CREATE INDEX customer_quiet ON customer (segment, coalesce(last_contact_at, "
        "created_at)) WHERE archived_at IS NULL",
        "CREATE INDEX customer_birthday ON customer (substr(birthday, 6, 5)) "
        "WHERE archived_at IS NULL AND birthday IS NOT NULL",
    ]:
        database.execute_sql(sql)


def _v4_lifecycle(database: peewee.Database) -> None:
    """Stage history (every move), when each customer entered their stage, and dismissed
    suggestions."""
    for sql in [
        """CREATE TABLE stage_change (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            from_stage TEXT NOT NULL, to_stage TEXT NOT NULL, changed_at TEXT NOT NULL,
            from_since TEXT, stay_seconds INTEGER,
            staff_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
            reason TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX stage_change_customer ON stage_change (customer_id, changed_at)",
        "CREATE INDEX stage_change_when ON stage_change (changed_at, from_stage, to_stage)",
        "ALTER TABLE customer ADD COLUMN stage_since TEXT",
        "UPDATE customer SET stage_since = created_at",
        "CREATE INDEX customer_stage_since ON customer (stage, stage_since) "
        "WHERE archived_at IS NULL",
        "CREATE INDEX customer_last_contact ON customer (coalesce(last_contact_at, "
        "created_at)) WHERE archived_at IS NULL",
        "CREATE INDEX stage_change_from ON stage_change (from_stage, changed_at, stay_seconds)",
        """CREATE TABLE suggestion_dismissal (
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            kind TEXT NOT NULL, dismissed_at TEXT NOT NULL,
            PRIMARY KEY (customer_id, kind)) WITHOUT ROWID""",
    ]:
        database.execute_sql(sql)


def _v5_loyalty(database: peewee.Database) -> None:
    """Purchases, the append-only points ledger and the rewards catalogue.

    `customer.points_balance` is kept by triggers so that every write path (the services,
    a merge that moves entries, a cascade) keeps it equal to the sum of the entries.
    """
    for sql in [
        """CREATE TABLE purchase (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            purchased_on TEXT NOT NULL, amount_cents INTEGER NOT NULL,
            currency TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
            reverses_id INTEGER REFERENCES purchase(id) ON DELETE SET NULL,
            staff_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL)""",
        "CREATE INDEX purchase_customer ON purchase "
        "(customer_id, purchased_on, amount_cents, currency)",
        "CREATE UNIQUE INDEX purchase_reversal ON purchase (reverses_id) "
        "WHERE reverses_id IS NOT NULL",
        """CREATE TRIGGER purchase_append_only
            BEFORE UPDATE OF purchased_on, amount_cents, currency, description, created_at
            ON purchase
            BEGIN SELECT RAISE(ABORT, 'purchases are never edited: record a reversal'); END""",
        """CREATE TABLE reward (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            points_cost INTEGER NOT NULL CHECK (points_cost > 0),
            active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL)""",
        """CREATE TABLE points_entry (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            kind TEXT NOT NULL
                CHECK (kind IN ('earn', 'bonus', 'redeem', 'expire', 'adjust')),
            points INTEGER NOT NULL, happened_at TEXT NOT NULL,
            purchase_id INTEGER REFERENCES purchase(id) ON DELETE SET NULL,
            reward TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '',
            staff_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            CHECK (kind NOT IN ('redeem', 'expire') OR points < 0),
            CHECK (kind != 'bonus' OR points > 0),
            CHECK (kind != 'adjust' OR (points != 0 AND reason != '')))""",
        # Covering for balances, tier points (by kind) and statements of one customer.
        "CREATE INDEX points_entry_customer ON points_entry "
        "(customer_id, happened_at, points, kind)",
        # The daily expiry run looks only at lots that crossed the cutoff since the last run.
        "CREATE INDEX points_entry_lots ON points_entry (happened_at, customer_id) "
        "WHERE points > 0",
        "CREATE INDEX points_entry_purchase ON points_entry (purchase_id) "
        "WHERE purchase_id IS NOT NULL",
        "ALTER TABLE customer ADD COLUMN points_balance INTEGER NOT NULL DEFAULT 0",
        # With the stage in it, the reactivation suggestions are counted from the index
        # alone (120 ms → 15 ms at 100,000 customers).
        "DROP INDEX customer_last_contact",
        "CREATE INDEX customer_last_contact ON customer (coalesce(last_contact_at, "
        "created_at), stage) WHERE archived_at IS NULL",
        """CREATE TRIGGER points_entry_append_only
            BEFORE UPDATE OF kind, points, happened_at, reward, reason, created_at
            ON points_entry
            BEGIN SELECT RAISE(ABORT, 'the points ledger is append-only: record a correction');
            END""",
        """CREATE TRIGGER points_entry_added AFTER INSERT ON points_entry
            BEGIN UPDATE customer SET points_balance = points_balance + NEW.points
                  WHERE id = NEW.customer_id; END""",
        """CREATE TRIGGER points_entry_moved AFTER UPDATE OF customer_id ON points_entry
            BEGIN UPDATE customer SET points_balance = points_balance - OLD.points
                  WHERE id = OLD.customer_id;
                  UPDATE customer SET points_balance = points_balance + NEW.points
                  WHERE id = NEW.customer_id; END""",
        """CREATE TRIGGER points_entry_removed AFTER DELETE ON points_entry
            BEGIN UPDATE customer SET points_balance = points_balance - OLD.points
                  WHERE id = OLD.customer_id; END""",
    ]:
        database.execute_sql(sql)


def _v6_import_export(database: peewee.Database) -> None:
    """Photos from address books, and imports remembered so that one can be undone."""
    for sql in [
        """CREATE TABLE customer_photo (
            customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
            mime TEXT NOT NULL, data BLOB NOT NULL)""",
        """CREATE TABLE import_batch (
            id INTEGER PRIMARY KEY, source TEXT NOT NULL, created_at TEXT NOT NULL,
            created INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0,
            undone_at TEXT)""",
        """CREATE TABLE import_item (
            import_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            action TEXT NOT NULL CHECK (action IN ('new', 'updated')),
            before_json TEXT, after_updated_at TEXT,
            PRIMARY KEY (import_id, customer_id)) WITHOUT ROWID""",
        "CREATE INDEX import_item_customer ON import_item (customer_id)",
        "CREATE INDEX customer_phone_e164 ON customer_phone (e164)",
    ]:
        database.execute_sql(sql)


def _v7_audit_trail(database: peewee.Database) -> None:
    """Who viewed, changed, exported or printed what, each entry chained to the one before
    by a hash, so that an edited or removed entry shows."""
    for sql in [
        """CREATE TABLE audit_entry (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL,
            action TEXT NOT NULL, customer_id INTEGER, detail TEXT NOT NULL DEFAULT '',
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL)""",
        "CREATE INDEX audit_entry_customer ON audit_entry (customer_id, id)",
        "CREATE INDEX audit_entry_who ON audit_entry (who, id)",
        """CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
        """CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
        # Forgetting a customer blanks the free text of their ledger lines and purchases
        # (it may name them); amounts, points and dates stay, so the totals stay true.
        "DROP TRIGGER points_entry_append_only",
        """CREATE TRIGGER points_entry_append_only
            BEFORE UPDATE OF kind, points, happened_at, reward, reason, created_at
            ON points_entry
            WHEN NOT (NEW.kind = OLD.kind AND NEW.points = OLD.points
                      AND NEW.happened_at = OLD.happened_at AND NEW.created_at = OLD.created_at
                      AND NEW.reward = '' AND NEW.reason IN ('', '(erased)'))
            BEGIN SELECT RAISE(ABORT, 'the points ledger is append-only: record a correction');
            END""",
        "DROP TRIGGER purchase_append_only",
        """CREATE TRIGGER purchase_append_only
            BEFORE UPDATE OF purchased_on, amount_cents, currency, description, created_at
            ON purchase
            WHEN NOT (NEW.purchased_on = OLD.purchased_on
                      AND NEW.amount_cents = OLD.amount_cents AND NEW.currency = OLD.currency
                      AND NEW.created_at = OLD.created_at AND NEW.description = '')
            BEGIN SELECT RAISE(ABORT, 'purchases are never edited: record a reversal'); END""",
    ]:
        database.execute_sql(sql)


def _v8_staff_accounts(database: peewee.Database) -> None:
    """Sign-in for staff (argon2 hashes of a password and of an unlock PIN; a book where no
    one has a password needs no sign-in) and customer notes marked private."""
    for sql in [
        "ALTER TABLE staff ADD COLUMN password_hash TEXT",
        "ALTER TABLE staff ADD COLUMN pin_hash TEXT",
        "ALTER TABLE customer ADD COLUMN notes_private INTEGER NOT NULL DEFAULT 0",
        # Who sees whom: the exclusive clients of someone else, and the interactions of
        # theirs someone logged, are found from indexes alone.
        "CREATE INDEX customer_relationship ON customer (relationship_type, owner_id)",
        "DROP INDEX interaction_customer",
        "CREATE INDEX interaction_customer ON interaction (customer_id, happened_at, staff_id)",
    ]:
        database.execute_sql(sql)


def audit_digest(prev: str, at: str, who: str, action: str, customer_id: int | None,
                 detail: str, detail_hash: str | None = None) -> str:
    """The hash an audit entry carries. Since schema 9 it covers a digest of the detail
    (`detail_hash`) rather than the text, so that forgetting a customer can blank the text
    while the chain still verifies; entries hashed over their text have no detail_hash."""
    text = "\x1f".join([prev, at, who, action, "" if customer_id is None else str(customer_id),
                        detail if detail_hash is None else f"sha256:{detail_hash}"])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _v9_audit_detail_digest(database: peewee.Database) -> None:
    """Audit entries chain a digest of their detail (blanked when a customer is forgotten,
    marked `erased`; nothing else of an entry can change). The chain is hashed again the new
    way; an entry that did not verify before keeps a hash that does not verify now, and a
    link to a removed entry stays broken, so that nothing tampered with is whitewashed."""
    database.execute_sql("ALTER TABLE audit_entry ADD COLUMN detail_hash TEXT")
    database.execute_sql("ALTER TABLE audit_entry ADD COLUMN erased INTEGER NOT NULL DEFAULT 0")
    database.execute_sql("DROP TRIGGER audit_entry_no_update")
    renamed: dict[str, str] = {}
    rows = database.execute_sql("SELECT id, at, who, action, customer_id, detail, prev_hash, "
                                "hash FROM audit_entry ORDER BY id").fetchall()
    for entry_id, at, who, action, cid, detail, prev_old, hash_old in rows:
        intact = audit_digest(prev_old, at, who, action, cid, detail) == hash_old
        prev = renamed.get(prev_old, prev_old)
        detail_hash = hashlib.sha256(detail.encode("utf-8")).hexdigest()
        digest = audit_digest(prev, at, who, action, cid, detail, detail_hash) if intact \
            else hash_old
        renamed[hash_old] = digest
        database.execute_sql("UPDATE audit_entry SET prev_hash = ?, hash = ?, detail_hash = ? "
                             "WHERE id = ?", (prev, digest, detail_hash, entry_id))
    database.execute_sql(
        """CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
            WHEN NOT (NEW.erased = 1 AND OLD.erased = 0 AND NEW.detail = ''
                      AND OLD.detail_hash IS NOT NULL AND NEW.detail_hash = OLD.detail_hash
                      AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.who = OLD.who
                      AND NEW.action = OLD.action AND NEW.customer_id IS OLD.customer_id
                      AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash)
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""")


_LAST = ("UPDATE customer SET last_contact_at = (SELECT max(happened_at) FROM interaction "
         "WHERE customer_id = {0}.customer_id) WHERE id = {0}.customer_id;")
_NEXT = ("UPDATE customer SET next_follow_up_at = (SELECT min(due_at) FROM follow_up "
         "WHERE customer_id = {0}.customer_id AND status = 'open') WHERE id = {0}.customer_id;")
#: the triggers keeping customer.last_contact_at / next_follow_up_at (name, SQL)
CONTACT_TRIGGERS: list[tuple[str, str]] = [
    ("interaction_contact_added", "CREATE TRIGGER interaction_contact_added AFTER INSERT ON "
     f"interaction BEGIN {_LAST.format('NEW')} END"),
    ("interaction_contact_removed", "CREATE TRIGGER interaction_contact_removed AFTER DELETE "
     f"ON interaction BEGIN {_LAST.format('OLD')} END"),
    ("interaction_contact_changed", "CREATE TRIGGER interaction_contact_changed AFTER UPDATE "
     f"OF customer_id, happened_at ON interaction BEGIN {_LAST.format('OLD')} "
     f"{_LAST.format('NEW')} END"),
    ("follow_up_next_added", "CREATE TRIGGER follow_up_next_added AFTER INSERT ON follow_up "
     f"BEGIN {_NEXT.format('NEW')} END"),
    ("follow_up_next_removed", "CREATE TRIGGER follow_up_next_removed AFTER DELETE ON "
     f"follow_up BEGIN {_NEXT.format('OLD')} END"),
    ("follow_up_next_changed", "CREATE TRIGGER follow_up_next_changed AFTER UPDATE OF "
     f"customer_id, status, due_at ON follow_up BEGIN {_NEXT.format('OLD')} "
     f"{_NEXT.format('NEW')} END"),
]
#: recompute both figures for every customer (after a bulk load without the triggers)
CONTACT_FIGURES_BACKFILL = [
    "UPDATE customer SET last_contact_at = (SELECT max(happened_at) FROM interaction "
    "WHERE customer_id = customer.id)",
    "UPDATE customer SET next_follow_up_at = (SELECT min(due_at) FROM follow_up "
    "WHERE customer_id = customer.id AND status = 'open')",
]


def _contact_figures(database: peewee.Database) -> None:
    """Last contact and next follow-up kept per customer by triggers (the customer list
    shows and sorts them from an index, not from a subquery per row): last_contact_at is
    the newest interaction, next_follow_up_at the earliest open follow-up."""
    for sql in [
        "ALTER TABLE customer ADD COLUMN next_follow_up_at TEXT",
        "CREATE INDEX follow_up_next ON follow_up (customer_id, status, due_at)",
        *CONTACT_FIGURES_BACKFILL,
        "CREATE INDEX customer_by_last_contact ON customer (archived_at, last_contact_at)",
        "CREATE INDEX customer_by_next_follow_up ON customer "
        "(archived_at, coalesce(next_follow_up_at, '9999'))",
        *(sql for _name, sql in CONTACT_TRIGGERS),
    ]:
        database.execute_sql(sql)


def _v10_customer_counts(database: peewee.Database) -> None:
    """How many customers are on the list and in the Trash, kept by triggers (start-up and
    every list count read one row instead of counting a million)."""
    for sql in [
        "CREATE TABLE customer_count (archived INTEGER PRIMARY KEY, n INTEGER NOT NULL)",
        "INSERT INTO customer_count SELECT 0, count(*) FROM customer WHERE archived_at IS NULL",
        "INSERT INTO customer_count SELECT 1, count(*) FROM customer "
        "WHERE archived_at IS NOT NULL",
        """CREATE TRIGGER customer_count_insert AFTER INSERT ON customer BEGIN
            UPDATE customer_count SET n = n + 1 WHERE archived = (NEW.archived_at IS NOT NULL);
           END""",
        """CREATE TRIGGER customer_count_delete AFTER DELETE ON customer BEGIN
            UPDATE customer_count SET n = n - 1 WHERE archived = (OLD.archived_at IS NOT NULL);
           END""",
        """CREATE TRIGGER customer_count_shelf AFTER UPDATE OF archived_at ON customer
            WHEN (OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL) BEGIN
            UPDATE customer_count SET n = n - 1 WHERE archived = (OLD.archived_at IS NOT NULL);
            UPDATE customer_count SET n = n + 1 WHERE archived = (NEW.archived_at IS NOT NULL);
           END""",
    ]:
        database.execute_sql(sql)


def _v9_sync(database: peewee.Database) -> None:
    """The office book's local side (see services/sync.py): a global id on every synced row
    (filled, indexed and kept by triggers only once the book joins a hub, so a book that
    never joins works as before), the outbox of unsent writes, the sync state, conflicts,
    and rows waiting for a parent that has not arrived yet."""
    for table in ("staff", "setting", "reward", "saved_view", "customer", "customer_email",
                  "customer_phone", "customer_consent", "customer_address", "customer_tag",
                  "interaction", "follow_up", "stage_change", "purchase", "points_entry"):
        database.execute_sql(f"ALTER TABLE {table} ADD COLUMN uid TEXT")
    for sql in [
        """CREATE TABLE sync_state (
            id INTEGER PRIMARY KEY CHECK (id = 1), device TEXT NOT NULL, office TEXT,
            hub TEXT NOT NULL, login TEXT NOT NULL, cursor INTEGER NOT NULL DEFAULT 0,
            hlc_ms INTEGER NOT NULL DEFAULT 0, proto INTEGER NOT NULL DEFAULT 1,
            applying INTEGER NOT NULL DEFAULT 0, capture TEXT, joined_at TEXT NOT NULL,
            last_sync TEXT, last_error TEXT)""",
        """CREATE TABLE sync_outbox (
            id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, uid TEXT NOT NULL, cust TEXT,
            op TEXT NOT NULL CHECK (op IN ('ins', 'set', 'del')), col TEXT, val,
            hlc_ms INTEGER NOT NULL, cur INTEGER NOT NULL)""",
        # A row's unsent writes (pull, push results), and a customer's deleted e-mails,
        # phones… (a row written back takes its uid again) are found from indexes.
        "CREATE INDEX sync_outbox_row ON sync_outbox (tbl, uid)",
        "CREATE INDEX sync_outbox_cust ON sync_outbox (tbl, cust, op)",
        """CREATE TABLE sync_conflict (
            id INTEGER PRIMARY KEY, uid TEXT UNIQUE, kind TEXT NOT NULL,
            row_uid TEXT NOT NULL, customer_uid TEXT, col TEXT NOT NULL,
            kept TEXT, lost TEXT, kept_hlc TEXT, lost_hlc TEXT, kept_by TEXT, lost_by TEXT,
            kept_device TEXT, lost_device TEXT, reason TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL, resolved_at TEXT, resolution TEXT)""",
        "CREATE INDEX sync_conflict_open ON sync_conflict (resolved_at, at)",
        """CREATE TABLE sync_pending (
            kind TEXT NOT NULL, uid TEXT NOT NULL, rec TEXT NOT NULL,
            PRIMARY KEY (kind, uid)) WITHOUT ROWID""",
    ]:
        database.execute_sql(sql)


# The customer columns the canvas and dashboards' figures depend on.
CUSTOMER_FIGURE_COLUMNS = ["segment", "archived_at", "preferred_channel", "relationship_type",
                           "stage", "points_balance", "owner_id", "created_at"]
# Tables whose changes the canvas and dashboards' figures depend on.
CHANGE_COUNTED = ["customer", "interaction", "follow_up", "purchase", "points_entry",
                  "stage_change", "staff", "setting"]


def _canvas_indexes(database: peewee.Database) -> None:
    """The relationship canvas and dashboards: a period of the interaction log is read from
    one covering index, each inbound contact finds its answer with one seek, and a counter
    that every write to what the figures are made of moves on (whichever process writes),
    so that figures computed once are reused until the book changes."""
    for sql in [
        "CREATE INDEX interaction_canvas ON interaction (happened_at, customer_id, channel, "
        "direction, duration_min, satisfaction, staff_id)",
        "CREATE INDEX interaction_answer ON interaction (customer_id, direction, happened_at)",
        # One row per table and kind of change: 'interaction+' counts inserts,
        # 'interaction' updates and deletes (new rows alone can be read incrementally).
        "CREATE TABLE change_counter (name TEXT PRIMARY KEY, n INTEGER NOT NULL) "
        "WITHOUT ROWID",
    ]:
        database.execute_sql(sql)
    for table in CHANGE_COUNTED:
        for name, event in ((f"{table}+", "INSERT"), (table, "UPDATE"), (table, "DELETE")):
            if (table, event) == ("customer", "UPDATE"):
                # Only what a figure is made of: a renamed customer, or the time of the last
                # contact (which moves with the interaction log, counted apart), changes none.
                event = f"UPDATE OF {', '.join(CUSTOMER_FIGURE_COLUMNS)}"
            database.execute_sql("INSERT OR IGNORE INTO change_counter (name, n) VALUES (?, 0)",
                                 (name,))
            database.execute_sql(
                f"CREATE TRIGGER {table}_counted_{event.split()[0].lower()} AFTER {event} "
                f"ON {table} BEGIN UPDATE change_counter SET n = n + 1 WHERE name = '{name}'; "
                "END")


def _organisation_clients(database: peewee.Database) -> None:
    """A client may be an organisation (a company with contact persons) rather than a
    person: `kind` says which, and a person's `organisation_id` names the organisation
    client they are a contact person of (cleared when that organisation is deleted)."""
    database.execute_sql("ALTER TABLE customer ADD COLUMN kind TEXT NOT NULL DEFAULT 'person'")
    database.execute_sql("ALTER TABLE customer ADD COLUMN organisation_id INTEGER "
                         "REFERENCES customer (id) ON DELETE SET NULL")
    database.execute_sql("CREATE INDEX customer_organisation ON customer (organisation_id) "
                         "WHERE organisation_id IS NOT NULL")


def _perf_indexes(database: peewee.Database) -> None:
    """The organisation clients by name (every profile shown offers them to pick from, and a
    scan of a million customers for the few organisations took ~130 ms per profile)."""
    database.execute_sql(
        "CREATE INDEX customer_organisations ON customer (given_name COLLATE NOCASE) "
        "WHERE kind = 'organisation' AND archived_at IS NULL")


def _name_counter(database: peewee.Database) -> None:
    """A change counter of the names on the list ('customer_names': a customer added,
    renamed, archived, restored or deleted), so that "Did you mean …?" keeps its word list
    until a name changes instead of reading it again after any write (an audit entry)."""
    database.execute_sql("INSERT OR IGNORE INTO change_counter (name, n) "
                         "VALUES ('customer_names', 0)")
    bump = "BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'customer_names'; END"
    for event in ("INSERT", "DELETE", "UPDATE OF sort_name, archived_at"):
        database.execute_sql(f"CREATE TRIGGER customer_names_{event.split()[0].lower()} "
                             f"AFTER {event} ON customer {bump}")


def _name_counter_every_name(database: peewee.Database) -> None:
    """The names counter also counts a change of the given, family or preferred name that
    leaves the sort name as it was ('Oyvind' -> 'Øyvind', words moved between the given
    and the family name, a name settled after a conflict): the first letters kept with the
    name order, and the word list of "Did you mean …?", are read again after it."""
    database.execute_sql("DROP TRIGGER IF EXISTS customer_names_update")
    database.execute_sql(
        "CREATE TRIGGER customer_names_update AFTER UPDATE OF sort_name, archived_at, "
        "given_name, family_name, preferred_name ON customer BEGIN UPDATE change_counter "
        "SET n = n + 1 WHERE name = 'customer_names'; END")


def _preferred_index(database: peewee.Database) -> None:
    """The preferred names on the list, indexed: a broad search's first page of best matches
    asks which customers' preferred name starts with what was typed, and without this index
    reads every customer row it walks past in name order (~4 µs each: 20-30 ms for a first
    letter at 100,000 customers)."""
    database.execute_sql("CREATE INDEX customer_preferred ON customer "
                         "(preferred_name COLLATE NOCASE) "
                         "WHERE preferred_name <> '' AND archived_at IS NULL")


def _follow_up_due_index(database: peewee.Database) -> None:
    """The customers with an open follow-up, by stage and when it is due: a board column
    lists its overdue cards first from a range of it (issue 17)."""
    database.execute_sql("CREATE INDEX customer_follow_up_due ON customer "
                         "(stage, next_follow_up_at, stage_since) "
                         "WHERE archived_at IS NULL AND next_follow_up_at IS NOT NULL")


def _reward_spanish_names(database: peewee.Database) -> None:
    """A reward's name as Spanish statements and the window in Spanish show it ('' : the
    name as typed, in every language)."""
    database.execute_sql("ALTER TABLE reward ADD COLUMN name_es TEXT NOT NULL DEFAULT ''")


def _sort_names_in_lower_case(database: peewee.Database) -> None:
    """The sort names folded again: a letter decomposed from another could stay a capital
    ('𝐀lex' -> 'Alex', 'ᴬ' -> 'A'), which sorted among no one and which a search's range of
    names in lower case passed by (search_index.fold_slowly). Only names holding a capital
    or a letter outside ASCII are read; folding a fold again is folding the name."""
    from crmdesk.services.search_index import fold

    changed = [(fold(key), cid) for cid, key in database.execute_sql(
        "SELECT id, sort_name FROM customer WHERE sort_name GLOB '*[^ -~]*' "
        "OR sort_name GLOB '*[A-Z]*'") if isinstance(key, str) and fold(key) != key]
    database.connection().executemany("UPDATE customer SET sort_name = ? WHERE id = ?",
                                      changed)


STEPS: list[Step] = [_v1_core, _v2_saved_views_and_email_index,
                     _v3_interactions_and_follow_ups, _v4_lifecycle, _v5_loyalty,
                     _v6_import_export, _v7_audit_trail, _v8_staff_accounts,
                     _v9_audit_detail_digest,
                     _contact_figures,
                     migration_messages.step,
                     _canvas_indexes,
                     _organisation_clients,
                     _v9_sync,
                     _v10_customer_counts,
                     _perf_indexes,
                     migration_sync2.sync_coverage,
                     migration_sync2.customer_aliases,
                     _reward_spanish_names,
                     migration_phones.phone_search,
                     migration_funnel.step,
                     _name_counter,
                     _preferred_index,
                     migration_stage_counts.step,
                     _follow_up_due_index,
                     migration_funnel.restep_unchained,
                     _name_counter_every_name,
                     _sort_names_in_lower_case]
#: the schema version that brought the trigger-kept customer counts (tests use this)
CUSTOMER_COUNTS_VERSION = STEPS.index(_v10_customer_counts) + 1
LATEST = len(STEPS)
#: the step of the canvas's indexes and change counter (issue 16)
CANVAS_INDEXES_VERSION = STEPS.index(_canvas_indexes) + 1
#: the version at which customers carry last_contact_at / next_follow_up_at by trigger
CONTACT_FIGURES = STEPS.index(_contact_figures) + 1
# The step that added message templates (issue 15); a renumber at merge changes only this.
MESSAGES_VERSION = STEPS.index(migration_messages.step) + 1
# The schema version that brought organisation clients (renumbered at a merge: use this).
ORGANISATION_SCHEMA = STEPS.index(_organisation_clients) + 1
#: The schema version that brought the office book's local tables (tests use this name).
SYNC_VERSION = STEPS.index(_v9_sync) + 1
#: The schema version that brought the start-up / speed indexes of issue 17 (tests use this).
PERF_INDEXES_VERSION = STEPS.index(_perf_indexes) + 1
#: The version whose capture covers every table (templates, photos… audit to the hub).
SYNC_COVERAGE_VERSION = STEPS.index(migration_sync2.sync_coverage) + 1
#: The version that remembers merges (customer_alias).
CUSTOMER_ALIAS_VERSION = STEPS.index(migration_sync2.customer_aliases) + 1
#: The version whose rewards may carry a Spanish name.
REWARD_NAMES_VERSION = STEPS.index(_reward_spanish_names) + 1
#: The version whose phone numbers are searched in customer_phone_search (issue 17).
PHONE_SEARCH_VERSION = STEPS.index(migration_phones.phone_search) + 1
#: The version whose funnel steps are kept ahead by triggers (stage_step, issue 17).
FUNNEL_STEPS_VERSION = STEPS.index(migration_funnel.step) + 1
#: The version that counts changes of the names on the list (spelling's word list).
NAME_COUNTER_VERSION = STEPS.index(_name_counter) + 1
#: The version whose preferred names are indexed (a broad search's first page, issue 17).
PREFERRED_INDEX_VERSION = STEPS.index(_preferred_index) + 1
#: The version that keeps how many customers each stage holds (stage_count, the board).
STAGE_COUNTS_VERSION = STEPS.index(migration_stage_counts.step) + 1
#: The version whose customers with an open follow-up are indexed by stage and due date.
FOLLOW_UP_DUE_VERSION = STEPS.index(_follow_up_due_index) + 1
#: The version whose funnel steps of merged, unchained histories were worked out again.
FUNNEL_UNCHAINED_VERSION = STEPS.index(migration_funnel.restep_unchained) + 1
#: The version whose names counter counts every change of a name (not only the sort name).
NAMES_COUNTED_VERSION = STEPS.index(_name_counter_every_name) + 1
#: The version whose sort names were folded again into lower case.
SORT_NAMES_LOWER_VERSION = STEPS.index(_sort_names_in_lower_case) + 1


def current_version(database: peewee.Database) -> int:
    if "schema_version" not in database.get_tables():
        return 0
    row = database.execute_sql("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def backup_path_for(book: Path, version: int) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return book.with_name(f"{book.name}.v{version}-{stamp}.bak")


def _vacuum_into(database: peewee.Database, backup: Path) -> None:
    """The copy before an upgrade: written by SQLite into a file created 0600 (private from
    its first byte) under a temporary name, renamed when complete (a kill leaves only a
    `.part`, removed at the next open)."""
    part = backup.with_name(f".{backup.name}.part")
    part.unlink(missing_ok=True)
    fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)  # VACUUM INTO: empty file
    os.close(fd)
    try:
        database.execute_sql("VACUUM INTO ?", (str(part),))
        os.replace(part, backup)
    finally:
        part.unlink(missing_ok=True)


def migrate(database: peewee.Database, book: Path | None, target: int = LATEST) -> Path | None:
    """Bring the book up to `target`; returns the backup taken first, if any.

    A book already holding data is copied aside with VACUUM INTO before the first step runs.
    """
    version = current_version(database)
    if version > LATEST:
        raise RuntimeError(
            f"This book was written by a newer crmdesk (schema {version}); please upgrade."
        )
    if version >= target:
        return None
    backup = None
    if version > 0 and book is not None:
        backup = backup_path_for(book, version)
        _vacuum_into(database, backup)
    for number in range(version + 1, target + 1):
        with database.atomic():
            if current_version(database) >= number:  # another program ran this step first
                continue
            if number == 1:
                database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                database.execute_sql("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                database.execute_sql("INSERT INTO schema_version (version) VALUES (0)")
            STEPS[number - 1](database)
            database.execute_sql("UPDATE schema_version SET version = ?", (number,))
    return backup
