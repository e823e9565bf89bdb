"""The bulk bootstrap (one snapshot statement, records staged per kind, phone tokens worked
out in a second thread) makes the book that pulling every record one by one makes: for an
executive and a receptionist (row-level security on the hub), plain and encrypted; and a
bootstrap stopped midway (Cancel, an error) does not wait for the hub."""

from __future__ import annotations

import _thread
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crmdesk.hub import client
from crmdesk.hub import office as hub_office
from crmdesk.services import access, customers, demo, search_index, sync
from crmdesk.services.customers import ContactPoint
from crmdesk.services.integrity import check_book
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database, db
from tests.hub.office_kit import PASSWORD, Office
from tests.hub.test_stateful import _dump, _search_rows

# Filled from the office's snapshot on a bootstrap, kept as a new book has them when
# records are merely pulled: not compared.
_NEW_BOOK_DEFAULTS = {"setting", "message_template"}


def _by_uid() -> dict[str, list[tuple[Any, ...]]]:
    """Both search indexes, each row by the uid of its customer or interaction (local ids
    differ from book to book)."""
    return {"customers": db.execute_sql(
                "SELECT c.uid, f.name, f.emails, f.phones, f.company, f.tags, f.notes FROM "
                "customer_fts f JOIN customer c ON c.id = f.rowid ORDER BY c.uid").fetchall(),
            "phones": db.execute_sql(
                "SELECT c.uid, s.digits FROM customer_phone_search s JOIN customer c "
                "ON c.id = s.rowid ORDER BY c.uid").fetchall(),
            "interactions": db.execute_sql(
                "SELECT i.uid, f.subject, f.notes, f.outcome FROM interaction_fts f "
                "JOIN interaction i ON i.id = f.rowid ORDER BY i.uid").fetchall(),
            "sizes": db.execute_sql("SELECT (SELECT count(*) FROM customer_fts), "
                                    "(SELECT count(*) FROM interaction_fts)").fetchall()}


def _book(path: Path, passphrase: str | None) -> dict[str, Any]:
    """What the open book holds: synced rows, derived figures, both search indexes."""
    close_database()
    access.reset()
    open_book(path, passphrase=passphrase)
    report = check_book()
    assert report.ok, report.problems
    for table in ("customer_fts", "interaction_fts"):  # the index matches its rows
        db.execute_sql(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
    rows = {k: v for k, v in _dump().items() if k[0] not in _NEW_BOOK_DEFAULTS}
    out = {"rows": rows,
           "figures": db.execute_sql(
               "SELECT uid, points_balance, last_contact_at, next_follow_up_at "
               "FROM customer ORDER BY uid").fetchall(),
           "counts": db.execute_sql("SELECT archived, n FROM customer_count "
                                    "ORDER BY archived").fetchall(),
           "search": _by_uid(),
           "pending": db.execute_sql("SELECT kind, uid FROM sync_pending ORDER BY kind, uid"
                                     ).fetchall(),
           "cursor": sync.require_state().cursor}
    # ...and the search index is what a full rebuild makes of the rows.
    kept = _search_rows()
    with db.atomic():
        search_index.reindex([r[0] for r in db.execute_sql("SELECT id FROM customer")])
    assert _search_rows() == kept, "the search index is stale"
    close_database()
    return out


def _join_by_pulls(office: Office, login: str, path: Path) -> None:
    """A laptop filled the slow way: every record pulled, page by page, as `sync` does."""
    link = office.link(login).link
    close_database()
    access.reset()
    open_book(path)
    device = sync.new_device_id()
    with db.atomic():
        sync.start(device=device, office="", hub=office.url, login=login)
    link.hello(device, "by pulls", sync.PROTOCOL)
    while sync.pull(link, page=97).received:
        pass
    close_database()


@pytest.mark.parametrize("login", ["ana", "rita"])
def test_a_bootstrap_makes_the_book_pulling_every_record_makes(office: Office, login: str,
                                                               tmp_path: Path) -> None:
    manager = office.start(customers=0)
    with manager:
        demo.build_demo(60, seed=11)
        # Numbers of several countries and one the phone library cannot read: each one's
        # search tokens are the ones every other write makes.
        first = db.execute_sql("SELECT id FROM customer ORDER BY id").fetchone()[0]
        data = customers.load(first)
        data.phones = [ContactPoint("mobile", "+44 20 7946 0958"),
                       ContactPoint("work", "+39 06 6982 1234"),
                       ContactPoint("home", "+1 905 555 1234")]
        customers.update(first, data, "US")
        db.execute_sql("UPDATE customer_phone SET e164 = '+999' WHERE id = (SELECT max(id) "
                       "FROM customer_phone)")
        assert db.execute_sql("SELECT count(*) FROM customer WHERE relationship_type = "
                              "'exclusive'").fetchone()[0]
    manager.sync()
    office.join(login)  # the bootstrap
    slow = tmp_path / f"{login}-pulled.db"
    _join_by_pulls(office, login, slow)
    booted = _book(office.folder / f"{login}.db", None)
    pulled = _book(slow, None)
    assert booted["rows"] and booted["search"]["customers"]
    for key in booted:
        if key != "cursor":
            assert booted[key] == pulled[key], key
    assert booted["cursor"] == pulled["cursor"]


def test_an_encrypted_bootstrap_makes_the_same_book(office: Office, tmp_path: Path) -> None:
    manager = office.start(customers=0)
    with manager:
        demo.build_demo(40, seed=12)
    manager.sync()
    plain = office.join("rita")
    secret = tmp_path / "rita-encrypted.db"
    close_database()
    access.reset()
    open_book(secret, passphrase="laptop passphrase")
    hub_office.join_office(office.link("rita").link, office.url, "rita")
    close_database()
    assert b"SQLite format 3" not in secret.read_bytes()[:16]
    assert _book(secret, "laptop passphrase") == _book(plain.path, None) | {
        "cursor": _book(secret, "laptop passphrase")["cursor"]}


class _Interrupted:
    """A hub link whose snapshot keeps coming after the main thread was interrupted (as
    Cancel's SIGTERM does while records are still arriving)."""

    def __init__(self, link: Any):
        self.link = link

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.link, attr)

    def snapshot_records(self, kinds: list[str], batch: int
                         ) -> Iterator[tuple[str, list[tuple[str, str, int]]]]:
        for i in range(200):
            if i == 1:
                _thread.interrupt_main()
            yield "customer_tag", [(f"tag-{i}", "{}", i)]


def test_a_bootstrap_stopped_midway_does_not_wait_for_the_hub(office: Office) -> None:
    office.start(customers=2)
    link = office.link("ana").link
    close_database()
    access.reset()
    open_book(office.folder / "stopped.db")

    def hung(_signum: int, _frame: Any) -> None:
        raise AssertionError("the bootstrap waited for ever for its reader")

    old = signal.signal(signal.SIGALRM, hung)
    # (interrupt_main does nothing where SIGINT is ignored, as in a job started in the
    # background by a script: the test gives it Python's own handler.)
    old_int = signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.alarm(30)
    try:
        with pytest.raises(KeyboardInterrupt):
            hub_office.join_office(_Interrupted(link), office.url, "ana")  # type: ignore[arg-type]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
        signal.signal(signal.SIGINT, old_int)
        close_database()
    assert not [t for t in threading.enumerate() if t.name.startswith("crmdesk-")]


def test_records_of_a_kind_this_crmdesk_does_not_know_are_skipped(office: Office) -> None:
    """A newer hub may hold kinds an older crmdesk has no table for: the snapshot names
    no kind (so that PostgreSQL reads the table in order), and the laptop skips them."""
    office.start(customers=3)
    conn = client.connect(office.admin_url, password=PASSWORD)
    try:
        with conn.transaction():
            conn.execute("SET LOCAL ROLE crm_owner")
            conn.execute("INSERT INTO crm.rec (kind, uid, cust, lvl, data, v, deleted, seq) "
                         "VALUES ('a_future_kind', 'f-1', NULL, 'open', '{\"x\": 1}', '{}', "
                         "false, nextval('crm.change_seq'))")
    finally:
        conn.close()
    ana = office.join("ana")
    with ana:
        assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 3
        assert db.execute_sql("SELECT count(*) FROM sync_pending").fetchone()[0] == 0
        assert check_book().ok
