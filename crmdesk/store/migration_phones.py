"""Book migration of issue 17's import speed: the phone numbers' search rows get a table of
their own (kept apart from migrations.py, which only appends the step)."""

from __future__ import annotations

import peewee

PHONE_SEARCH_DDL = (
    "CREATE VIRTUAL TABLE customer_phone_search USING fts5("
    "digits, tokenize = 'trigram', detail = 'full')")


def phone_search(database: peewee.Database) -> None:
    """customer_phone_search: one row per customer on the list with a phone number
    (rowid = customer id), holding search_index.phone_tokens of each of their numbers. An
    FTS5 trigram index finds any run of 3 or more digits inside them, as the digit suffixes
    in customer_fts's phone column did, for a fraction of the writing: a trigram index has
    at most a thousand digit terms, where the suffixes were ~11 unique words per number,
    each written again into the three prefix indexes.

    The existing search rows keep their suffixes (they find the same numbers; rewriting
    every row of a large book would make the upgrade take minutes); a customer's row loses
    them when the customer is next saved."""
    from crmdesk.services.search_index import phone_tokens

    database.execute_sql(PHONE_SEARCH_DDL)
    texts: dict[int, list[str]] = {}
    for cid, e164 in database.execute_sql(
            "SELECT p.customer_id, p.e164 FROM customer_phone p JOIN customer c "
            "ON c.id = p.customer_id WHERE c.archived_at IS NULL ORDER BY p.customer_id, "
            "p.position"):
        texts.setdefault(int(cid), []).append(phone_tokens(str(e164)))
    database.connection().executemany(
        "INSERT INTO customer_phone_search (rowid, digits) VALUES (?, ?)",
        [(cid, " ".join(parts)) for cid, parts in texts.items()])
