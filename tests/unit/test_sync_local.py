"""The office book's local side without a hub: capture triggers, the outbox fold, and
books that never join."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.services import customers, sync
from crmdesk.store import migrations
from crmdesk.store.book import Book, open_book
from crmdesk.store.db import close_database, db
from tests.conftest import add
from tests.unit.test_store import _book_at


def _triggers() -> list[str]:
    return [r[0] for r in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_%'")]


def test_a_book_that_never_joins_has_no_capture(book: Book) -> None:
    cid = add("Lola", "Peña", emails=("lola@example.es",))
    data = customers.load(cid)
    data.company = "Acme"
    customers.update(cid, data, "US")
    assert _triggers() == []
    assert db.execute_sql("SELECT count(*) FROM sync_outbox").fetchone()[0] == 0
    assert db.execute_sql("SELECT uid FROM customer").fetchone()[0] is None
    assert sync.state() is None and sync.open_conflicts() == 0


def test_no_psycopg_at_start(tmp_path: Path) -> None:
    code = ("import sys; from crmdesk import cli; cli.build_parser(); "
            "from crmdesk.store.book import open_book; "
            f"open_book({str(tmp_path / 'b.db')!r}); print('psycopg' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_an_older_book_opens_at_the_sync_schema(tmp_path: Path) -> None:
    path = _book_at(tmp_path / "v8.db", migrations.SYNC_VERSION - 1,
                    "INSERT INTO customer (id, given_name, family_name, sort_name, created_at, "
                    "updated_at) VALUES (7, 'Vera', 'Old', 'old vera', '2023-04-05T06:07:08Z', "
                    "'2023-04-05T06:07:08Z')")
    close_database()
    opened = open_book(path)
    try:
        assert migrations.current_version(opened.database) >= migrations.SYNC_VERSION
        assert customers.load(7).given_name == "Vera"
        assert sync.state() is None
    finally:
        close_database()


def _joined() -> None:
    with db.atomic():
        sync.start(device="dev-1", office="office", hub="postgresql://h:5432/x",
                   login="ana")


def test_every_write_path_is_captured_in_its_transaction(book: Book) -> None:
    cid = add("Lola", "Peña", emails=("lola@example.es",))
    _joined()
    assert db.execute_sql("SELECT count(*) FROM customer WHERE uid IS NULL").fetchone()[0] == 0
    assert len(_triggers()) >= 3 * 15
    data = customers.load(cid)
    data.company = "Acme"
    data.tags = ["vip"]
    customers.update(cid, data, "US")
    ops = db.execute_sql("SELECT tbl, op, col FROM sync_outbox ORDER BY id").fetchall()
    assert ("customer", "set", "company") in ops
    assert ("customer_tag", "ins", None) in ops
    # a raw write (another program, a script) is captured too
    db.execute_sql("UPDATE customer SET notes = 'raw' WHERE id = ?", (cid,))
    assert db.execute_sql("SELECT val FROM sync_outbox WHERE col = 'notes'").fetchone()[0] \
        == "raw"
    # a failed transaction leaves nothing in the outbox
    before = sync.unsent()
    try:
        with db.atomic():
            db.execute_sql("UPDATE customer SET company = 'gone' WHERE id = ?", (cid,))
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    assert sync.unsent() == before
    # a rewritten e-mail keeps its uid (a profile save deletes and inserts them)
    first = db.execute_sql("SELECT uid FROM customer_email").fetchone()[0]
    customers.update(cid, customers.load(cid), "US")
    assert db.execute_sql("SELECT uid FROM customer_email").fetchone()[0] == first
    items = sync.fold(db.execute_sql(
        "SELECT id, tbl, uid, cust, op, col, val, hlc_ms, cur FROM sync_outbox ORDER BY id"
    ).fetchall(), "dev-1")
    emails = [i for i in items if i["k"] == "customer_email"]
    assert emails == []  # rewritten unchanged: nothing travels (no delete-and-insert churn)


def test_the_clock_never_runs_backwards(book: Book) -> None:
    cid = add("Lola", "Peña")
    _joined()
    db.execute_sql("UPDATE sync_state SET hlc_ms = hlc_ms + 3600000")  # seen a later clock
    seen = sync.require_state().hlc_ms
    db.execute_sql("UPDATE customer SET company = 'a' WHERE id = ?", (cid,))
    db.execute_sql("UPDATE customer SET company = 'b' WHERE id = ?", (cid,))
    stamps = [r[0] for r in db.execute_sql("SELECT hlc_ms FROM sync_outbox ORDER BY id")]
    assert stamps == sorted(stamps) and stamps[0] >= seen


ops = st.lists(st.tuples(st.sampled_from(["ins", "set", "del"]),
                         st.sampled_from(["company", "notes"]),
                         st.sampled_from(["a", "b", "c"])), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(ops)
def test_fold_keeps_the_last_value_of_each_field(seq: list[tuple[str, str, str]]) -> None:
    """Whatever happened to a row while offline, the push carries its final state."""
    rows = []
    alive = None  # None: never existed here; True/False
    values: dict[str, str] = {}
    for n, (op, col, val) in enumerate(seq, start=1):
        if op == "ins":
            if alive:
                continue
            obj = {"company": val, "notes": val}
            rows.append((n, "customer", "u1", "u1", "ins", None, json.dumps(obj), n, 0))
            values = dict(obj)
            alive = True
        elif op == "set":
            if not alive:
                continue
            rows.append((n, "customer", "u1", "u1", "set", col, val, n, 0))
            values[col] = val
        else:
            if not alive:
                continue
            rows.append((n, "customer", "u1", "u1", "del", None, json.dumps(values), n, 0))
            alive = False
    items = sync.fold(rows, "d")
    if not rows:
        assert items == []
        return
    final: dict[str, object] = {}
    for i in items:
        if i["c"] == "*":
            final.update(i["x"])
        else:
            final[i["c"]] = i["x"]
    if alive:
        assert final.get("_del") is not True
        first_op = rows[0][4]
        if first_op == "ins":
            for col in ("company", "notes"):
                assert final[col] == values[col]
    else:
        assert final.get("_del") is True or all(i["c"] != "*" for i in items)


def test_an_upgrade_reinstalls_the_capture_and_keeps_the_outbox(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    open_book(path)
    cid = add("Lola", "Peña")
    _joined()
    db.execute_sql("UPDATE customer SET company = 'offline edit' WHERE id = ?", (cid,))
    waiting = sync.unsent()
    # an older build's triggers (and none at all for one table)
    db.execute_sql("DROP TRIGGER sync_upd_customer")
    db.execute_sql("UPDATE sync_state SET capture = 'older-build'")
    close_database()
    open_book(path)
    try:
        assert sync.unsent() == waiting  # nothing written offline is lost by the upgrade
        assert db.execute_sql("SELECT capture FROM sync_state").fetchone()[0] == \
            sync.capture_version()
        db.execute_sql("UPDATE customer SET company = 'after upgrade' WHERE id = ?", (cid,))
        assert sync.unsent() == waiting + 1
    finally:
        close_database()


def test_check_covers_the_office_bookkeeping(book: Book) -> None:
    from crmdesk.services.integrity import check_book

    add("Lola", "Peña")
    assert not any("Office book" in f for f in check_book().findings)  # never joined
    _joined()
    assert check_book().ok
    assert any("Office book" in f for f in check_book().findings)
    db.execute_sql("DROP TRIGGER sync_upd_customer")
    db.execute_sql("UPDATE customer SET uid = NULL")
    problems = check_book().problems
    assert any("capture triggers are missing" in p for p in problems)
    assert any("have no global id" in p for p in problems)
