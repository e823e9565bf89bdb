"""What travels between a book and the office hub: tables, columns, keys, visibility.

One place describes every synced table, and everything else is generated from it: the
capture triggers of the book, the translation of foreign keys to global ids (`uid`), the
hub "records" a row is split into (RLS filters rows, not columns, so a customer travels as
three records of different visibility), and the conflict rule of each field.

Nothing here imports Qt or psycopg.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The protocol version this build speaks; the hub accepts this one and every older one.
PROTOCOL = 1

#: The visibility class of a hub record (part 2 fills in who receives which).
CONTACT, STANDARD, NOTES, OPEN = "contact", "standard", "notes", "open"
#: audit entries: no device pulls them (managers read them on the hub)
AUDIT = "audit"


@dataclass(frozen=True)
class Table:
    name: str
    #: column -> visibility part of the hub record it travels in
    columns: dict[str, str]
    #: foreign-key column -> referenced local table (sent as the referenced row's uid)
    refs: dict[str, str] = field(default_factory=dict)
    #: the column naming the customer the row belongs to ("" for the customer itself,
    #: None for rows about no customer)
    customer: str | None = "customer_id"
    #: SQL (over NEW.*) for the uid of a new row; None: a random time-ordered id. A
    #: deterministic uid makes the same fact written on two laptops one row.
    uid_sql: str | None = None
    #: the local key is not an integer id (WITHOUT ROWID or text key): the row is found by
    #: these columns instead
    key: tuple[str, ...] = ("id",)
    #: columns whose concurrent writes are not worth a person's review (kept by the app)
    quiet: frozenset[str] = frozenset()
    #: NOT NULL columns without a default that a partial insert must still fill
    fill: dict[str, str] = field(default_factory=dict)
    #: SQL over a row alias `{r}` true for rows that stay local (a device's own bookkeeping)
    local_rows: str | None = None
    #: what makes two rows of one customer the same thing (an e-mail address, a number):
    #: a row written again keeps its uid, and the hub collapses two offline adds into one.
    #: (Never put such values into a uid: a uid cannot be forgotten.)
    natural: tuple[str, ...] = ()
    #: BLOB columns (travel as hex text: JSON holds no bytes)
    blobs: frozenset[str] = frozenset()
    #: SQL over a row alias `{r}` for the uid of the customer a row belongs to, where no
    #: column of the row names the customer (a message log line: through its interaction)
    cust_sql: str | None = None

    def uid_sql_for(self, row: str) -> str | None:
        """The deterministic uid of a new row over alias `row` (NEW in a trigger)."""
        if self.uid_sql is not None:
            return self.uid_sql.replace("NEW.", f"{row}.")
        if not self.natural:
            return None
        same = " AND ".join(f"json_extract(o.val, '$.{c}') IS {row}.{c}" for c in self.natural)
        # Written again in the same unsent stretch (a profile save rewrites its e-mails):
        # the row it replaces gave its uid.
        return (f"(SELECT o.uid FROM sync_outbox o WHERE o.tbl = '{self.name}' AND "
                f"o.cust = (SELECT uid FROM customer WHERE id = {row}.customer_id) AND "
                f"o.op = 'del' AND {same} ORDER BY o.id DESC LIMIT 1)")

    def parts(self) -> list[str]:
        return sorted(set(self.columns.values()))

    def hub_name(self, part: str) -> str:
        """The hub record kind holding this part: 'customer', 'customer.notes'…"""
        first = self.columns[next(iter(self.columns))]
        return self.name if part == first else f"{self.name}.{part}"


def _cols(part: str, *names: str) -> dict[str, str]:
    return {n: part for n in names}


_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
_RANDOM_UID = ("printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))"
               " || '7' || substr(lower(hex(randomblob(10))), 2)")


def _cust_uid(col: str = "customer_id") -> str:
    return f"(SELECT uid FROM customer WHERE id = NEW.{col})"


TABLES: list[Table] = [
    Table("staff", _cols(OPEN, "name", "role", "active", "created_at"), customer=None,
          uid_sql="'staff:' || lower(NEW.name)"),
    Table("setting", _cols(OPEN, "key", "value"), customer=None, key=("key",),
          uid_sql="'setting:' || NEW.key",
          # How far this book's expiry run has gone is its own business.
          local_rows="{r}.key IN ('points_expired_through')"),
    Table("reward", _cols(OPEN, "name", "points_cost", "active", "created_at", "name_es"),
          customer=None, uid_sql="'reward:' || lower(NEW.name)"),
    Table("saved_view", _cols(OPEN, "name", "spec", "created_at"), customer=None,
          uid_sql="'view:' || NEW.name"),
    Table("customer",
          {**_cols(CONTACT, "given_name", "family_name", "preferred_name", "salutation",
                   "address_form", "language", "preferred_channel", "best_time", "stage",
                   "stage_since", "relationship_type", "owner_id", "sort_name",
                   "archived_at", "created_at", "updated_at"),
           **_cols(STANDARD, "birthday", "life_situation", "interests", "needs",
                   "occupation", "company", "segment", "notes_private"),
           **_cols(NOTES, "notes"),
           # (kind: a receptionist sees whether a client is an organisation; whom a person
           # works for stays hidden like the company.)
           **_cols(CONTACT, "kind"),
           **_cols(STANDARD, "organisation_id")},
          refs={"owner_id": "staff", "organisation_id": "customer"}, customer="",
          # last_contact_at / next_follow_up_at are not synced: every replica derives them
          # from the interactions and follow-ups it holds (migrations.CONTACT_TRIGGERS).
          quiet=frozenset({"sort_name", "updated_at", "stage_since"}),
          fill={"created_at": _NOW, "updated_at": _NOW}),
    # A merge of duplicates: the merged-away customer -> the one kept (the hub redirects
    # to the kept one whatever is written to the other later). One per merged-away customer.
    Table("customer_alias", _cols(CONTACT, "old_id", "new_id", "merged_at"),
          refs={"old_id": "customer", "new_id": "customer"}, customer="old_id",
          uid_sql=f"'alias:' || {_cust_uid('old_id')}"),
    Table("customer_email", _cols(CONTACT, "customer_id", "label", "address", "address_key",
                                  "position"),
          refs={"customer_id": "customer"}, natural=("address_key",)),
    Table("customer_phone", _cols(CONTACT, "customer_id", "label", "e164", "position"),
          refs={"customer_id": "customer"}, natural=("e164",)),
    Table("customer_consent", _cols(CONTACT, "customer_id", "channel", "given_on"),
          refs={"customer_id": "customer"}, natural=("channel",)),
    Table("customer_address", _cols(STANDARD, "customer_id", "label", "street", "city",
                                    "region", "postcode", "country", "position"),
          refs={"customer_id": "customer"},
          natural=("street", "city", "postcode", "country")),
    Table("customer_tag", _cols(STANDARD, "customer_id", "tag"),
          refs={"customer_id": "customer"}, key=("customer_id", "tag"), natural=("tag",)),
    Table("interaction", _cols(STANDARD, "customer_id", "staff_id", "channel", "direction",
                               "happened_at", "duration_min", "subject", "notes", "outcome",
                               "satisfaction", "created_at", "edited_at"),
          refs={"customer_id": "customer", "staff_id": "staff"}),
    Table("follow_up", _cols(STANDARD, "customer_id", "assignee_id", "what", "due_at",
                             "is_promise", "status", "completed_at", "interaction_id",
                             "created_at"),
          refs={"customer_id": "customer", "assignee_id": "staff",
                "interaction_id": "interaction"}),
    Table("stage_change", _cols(STANDARD, "customer_id", "from_stage", "to_stage",
                                "changed_at", "from_since", "stay_seconds", "staff_id",
                                "reason"),
          refs={"customer_id": "customer", "staff_id": "staff"}),
    Table("purchase", _cols(STANDARD, "customer_id", "purchased_on", "amount_cents",
                            "currency", "description", "reverses_id", "staff_id",
                            "created_at"),
          refs={"customer_id": "customer", "reverses_id": "purchase", "staff_id": "staff"},
          # The reversal of purchase P is one fact, wherever it was recorded.
          uid_sql=("CASE WHEN NEW.reverses_id IS NOT NULL THEN 'reversal:' || "
                   "(SELECT uid FROM purchase WHERE id = NEW.reverses_id) END")),
    Table("points_entry", _cols(STANDARD, "customer_id", "kind", "points", "happened_at",
                                "purchase_id", "reward", "reason", "staff_id", "created_at"),
          refs={"customer_id": "customer", "purchase_id": "purchase", "staff_id": "staff"},
          # Derived entries are named by their cause: the earn of purchase P, the expiry
          # of a customer's lots at a date.
          uid_sql=("CASE WHEN NEW.kind = 'earn' AND NEW.purchase_id IS NOT NULL THEN "
                   "'earn:' || (SELECT uid FROM purchase WHERE id = NEW.purchase_id) "
                   f"WHEN NEW.kind = 'expire' THEN 'expire:' || {_cust_uid()} || ':' || "
                   "NEW.happened_at END")),
    Table("message_template", _cols(OPEN, "name", "language", "purpose", "channel", "subject",
                                    "body", "updated_at", "updated_by"),
          customer=None,
          # (name, language) is unique in a book: the same template made on two laptops is
          # one row.
          uid_sql="'template:' || lower(NEW.name) || ':' || NEW.language"),
    Table("message_log", _cols(STANDARD, "interaction_id", "template", "language", "channel",
                               "file"),
          refs={"interaction_id": "interaction"}, customer=None, key=("interaction_id",),
          cust_sql=("(SELECT c.uid FROM interaction i JOIN customer c ON c.id = i.customer_id "
                    "WHERE i.id = {r}.interaction_id)"),
          uid_sql="'message:' || (SELECT uid FROM interaction WHERE id = NEW.interaction_id)"),
    Table("customer_photo", _cols(STANDARD, "customer_id", "mime", "data"),
          refs={"customer_id": "customer"}, key=("customer_id",), blobs=frozenset({"data"}),
          uid_sql=f"'photo:' || {_cust_uid()}"),
    Table("suggestion_dismissal", _cols(STANDARD, "customer_id", "kind", "dismissed_at"),
          refs={"customer_id": "customer"}, key=("customer_id", "kind"), natural=("kind",)),
    Table("sync_conflict", _cols(OPEN, "resolved_at", "resolution"), customer=None),
]
BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
#: hub record kind -> (table, part)
HUB_KINDS: dict[str, tuple[Table, str]] = {
    t.hub_name(p): (t, p) for t in TABLES for p in t.parts()}
#: Kinds whose rows are facts that are only ever added (their text may be blanked by a
#: forget): the ledger. Two laptops' entries merge; the balance is the sum.
INSERT_ONLY = frozenset({"purchase", "points_entry", "stage_change"})
#: What identifies a person: blanked for good when they are forgotten.
IDENTIFYING = frozenset({
    "given_name", "family_name", "preferred_name", "salutation", "birthday",
    "life_situation", "interests", "needs", "occupation", "company", "preferred_channel",
    "best_time", "notes", "owner_id"})
#: Kinds that are removed entirely when a customer is forgotten.
CONTACT_KINDS = frozenset({"customer_email", "customer_phone", "customer_address",
                           "customer_consent", "customer_tag"})


#: The audit trail travels by a path of its own (sync.push_audit): every entry of this
#: device's hash chain, in order, as a record the hub keeps and no device pulls back (each
#: book's chain stays its own and verifiable; the hub keeps every device's).
AUDIT_KIND = "audit_entry"

#: Tables of the book that never travel, each with the reason. A table that is neither
#: here nor in TABLES fails tests/unit/test_sync_coverage.py: decide, don't forget.
LOCAL_TABLES: dict[str, str] = {
    "schema_version": "the book's own schema version",
    "audit_entry": "travels by its own path (AUDIT_KIND): one hash chain per device",
    "customer_fts": "search index: derived from the customers on each replica",
    "customer_phone_search": "search index of the phone numbers: derived on each replica",
    "interaction_fts": "search index: derived from the interactions on each replica",
    "customer_count": "derived by triggers from the customers each replica holds",
    "stage_step": "the funnel's steps: derived by triggers from each replica's stage history",
    "stage_count": "the board's column counts: derived by triggers from each replica's "
                   "customers",
    "change_counter": "this book's cache key for figures: derived locally",
    "import_batch": "an import is undone on the device that made it; the undo travels as "
                    "the writes (or the move to the Trash) it makes",
    "import_item": "part of import_batch",
    "sync_state": "this device's sync bookkeeping",
    "sync_outbox": "this device's unsent writes",
    "sync_pending": "records waiting for a parent on this device",
}
#: Columns of synced tables that never travel, each with the reason.
LOCAL_COLUMNS: dict[tuple[str, str], str] = {
    ("staff", "password_hash"): "password hashes never travel (part 1)",
    ("staff", "pin_hash"): "unlock PIN hashes never travel",
    ("customer", "last_contact_at"): "derived on every replica from its interactions",
    ("customer", "next_follow_up_at"): "derived on every replica from its follow-ups",
    ("customer", "points_balance"): "derived on every replica: the sum of its entries",
    ("sync_conflict", "uid"): "the record's own id",
}
for _t in ("sync_conflict",):
    for _c in ("id", "kind", "row_uid", "customer_uid", "col", "kept", "lost", "kept_hlc",
               "lost_hlc", "kept_by", "lost_by", "kept_device", "lost_device", "reason", "at"):
        LOCAL_COLUMNS[(_t, _c)] = "written by the hub: a conflict travels hub -> device"


def random_uid_sql() -> str:
    return _RANDOM_UID


def kind_level(kind: str) -> str:
    """The visibility class of a hub record kind (as crm.kind_level on the hub)."""
    if kind == "customer.notes":
        return NOTES
    if kind in ("customer", "customer_email", "customer_phone", "customer_consent"):
        return CONTACT
    if kind in ("staff", "setting", "reward", "saved_view", "message_template"):
        return OPEN
    if kind == "customer_alias":
        return CONTACT
    if kind == AUDIT_KIND:
        return AUDIT
    return STANDARD
