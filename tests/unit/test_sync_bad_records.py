"""Hub records a laptop cannot store as they are (fields missing, two rows claiming the same
tag or consent): they wait in sync_pending, counted, and the rest of the pull or of the
join goes on. One bad record must never stop an office book from syncing."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from crmdesk import cli
from crmdesk.services import access, customers, sync
from crmdesk.store.book import Book, open_book
from crmdesk.store.db import close_database, db


def _joined() -> None:
    with db.atomic():
        sync.start(device="dev-1", office="office", hub="postgresql://h:5432/x", login="ana")


# (uid, kind, data): a customer, a good tag, two tag records for the same (customer, tag)
# under different uids, two tag records without their tag, a consent twice for one channel,
# and an e-mail after them all.
RECORDS: list[tuple[str, str, dict[str, Any]]] = [
    ("c1", "customer", {"given_name": "Lola", "family_name": "Peña", "sort_name": "pena lola",
                        "created_at": "2026-01-02T03:04:05Z",
                        "updated_at": "2026-01-02T03:04:05Z"}),
    ("t1", "customer_tag", {"customer_id": "c1", "tag": "vip"}),
    ("t2", "customer_tag", {"customer_id": "c1", "tag": "vip"}),
    ("t3", "customer_tag", {"customer_id": "c1"}),
    ("t4", "customer_tag", {"customer_id": "c1"}),
    ("k1", "customer_consent", {"customer_id": "c1", "channel": "email",
                                "given_on": "2026-01-02"}),
    ("k2", "customer_consent", {"customer_id": "c1", "channel": "email",
                                "given_on": "2026-02-03"}),
    ("e1", "customer_email", {"customer_id": "c1", "label": "home",
                              "address": "lola@example.es", "address_key": "lola@example.es",
                              "position": 0}),
]


def _landed() -> dict[str, Any]:
    cid = db.execute_sql("SELECT id FROM customer WHERE uid = 'c1'").fetchone()[0]
    data = customers.load(cid)
    waiting = sorted(r[0] for r in db.execute_sql("SELECT uid FROM sync_pending"))
    kept = [json.loads(r[0]) for r in db.execute_sql("SELECT rec FROM sync_pending")]
    return {"tags": sorted(data.tags), "emails": [e.value for e in data.emails],
            "consents": db.execute_sql("SELECT uid FROM customer_consent").fetchall(),
            "waiting": waiting, "kept": kept}


class _Pulls:
    """A hub link serving RECORDS as one page of changes."""

    def __init__(self) -> None:
        self.acked = -1
        self.records = list(RECORDS)

    def pull(self, after: int, limit: int) -> list[tuple[Any, ...]]:
        return [(n, kind, uid, "c1", data, {}, False)
                for n, (uid, kind, data) in enumerate(self.records, start=1) if n > after]

    def ack(self, device: str, upto: int) -> None:
        self.acked = upto


def test_a_pull_sets_aside_what_it_cannot_store_and_goes_on(
        book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    _joined()
    link = _Pulls()
    rep = sync.pull(link)  # type: ignore[arg-type]
    landed = _landed()
    assert landed["emails"] == ["lola@example.es"]  # what came after the bad ones landed
    assert "vip" in landed["tags"]
    assert landed["consents"] == [("k1",)]
    assert landed["waiting"] == ["k2", "t2", "t3", "t4"]  # one of each clash, nothing lost
    assert {"customer_id": "c1", "channel": "email", "given_on": "2026-02-03"} \
        in landed["kept"]
    assert rep.waiting == 4 and rep.cursor == len(RECORDS) and link.acked == len(RECORDS)
    assert sync.status()["waiting"] == sync.held_back() == 4
    # the next pull tries them again, and they still wait (not lost, not doubled)
    link.records.append(("t5", "customer_tag", {"customer_id": "c1", "tag": "gold"}))
    assert sync.pull(link).waiting == 4  # type: ignore[arg-type]
    assert _landed()["waiting"] == ["k2", "t2", "t3", "t4"]
    assert _landed()["tags"] == ["gold", "vip"]
    # and `crmdesk sync status` says so
    path = book.path
    close_database()
    access.reset()
    assert cli.main(["sync", "status", "--db", str(path)]) == 0
    assert "4 received, held back" in capsys.readouterr().out
    open_book(path)


class _Snapshot:
    """A hub link serving RECORDS as a join's snapshot."""

    def head(self) -> int:
        return len(RECORDS)

    def snapshot_records(self, kinds: list[str], batch: int
                         ) -> Iterator[tuple[str, list[tuple[str, str, int]]]]:
        for n, (uid, kind, data) in enumerate(RECORDS, start=1):
            yield kind, [(uid, json.dumps(data), n)]

    def ack(self, device: str, upto: int) -> None:
        pass


def test_a_join_sets_aside_what_it_cannot_store_and_goes_on(book: Book) -> None:
    _joined()
    rep = sync.bootstrap(_Snapshot())  # type: ignore[arg-type]
    landed = _landed()
    assert landed["emails"] == ["lola@example.es"]
    assert "vip" in landed["tags"]
    assert landed["consents"] == [("k1",)]
    assert landed["waiting"] == ["k2", "t2", "t3", "t4"]
    assert rep.waiting == 4 and rep.cursor == len(RECORDS)


class _Hub:
    """A hub's change log as the hub keeps it: one row per record, a change or a deletion
    gives it the next sequence number."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], tuple[int, dict[str, Any], bool]] = {}
        self.seq = 0

    def put(self, kind: str, uid: str, data: dict[str, Any], deleted: bool = False) -> None:
        self.seq += 1
        self.rows[(kind, uid)] = (self.seq, data, deleted)

    def pull(self, after: int, limit: int) -> list[tuple[Any, ...]]:
        found = sorted((n, kind, uid, "c1", data, {}, deleted)
                       for (kind, uid), (n, data, deleted) in self.rows.items() if n > after)
        return found[:limit]

    def ack(self, device: str, upto: int) -> None:
        pass


def _state() -> dict[str, Any]:
    return {"consents": db.execute_sql("SELECT uid, given_on FROM customer_consent "
                                       "ORDER BY uid").fetchall(),
            "tags": db.execute_sql("SELECT uid, tag FROM customer_tag ORDER BY uid").fetchall(),
            "waiting": db.execute_sql("SELECT uid FROM sync_pending ORDER BY uid").fetchall()}


def _clashing_hub() -> _Hub:
    hub = _Hub()
    for uid, kind, data in RECORDS[:3] + RECORDS[5:7]:  # customer, t1, t2, k1, k2
        hub.put(kind, uid, data)
    return hub


def test_a_newer_version_or_a_deletion_replaces_the_record_that_waits(book: Book) -> None:
    _joined()
    hub = _clashing_hub()
    sync.pull(hub)  # type: ignore[arg-type]
    assert _state()["waiting"] == [("k2",), ("t2",)]
    # The office tidies up: the duplicate tag goes, the first consent goes and the second
    # is corrected.
    hub.put("customer_tag", "t2", {}, deleted=True)
    hub.put("customer_consent", "k1", {}, deleted=True)
    hub.put("customer_consent", "k2", {"customer_id": "c1", "channel": "email",
                                       "given_on": "2026-03-04"})
    rep = sync.pull(hub)  # type: ignore[arg-type]
    assert _state() == {"consents": [("k2", "2026-03-04")], "tags": [("t1", "vip")],
                        "waiting": []}
    assert rep.waiting == 0
    # Later changes do not bring the old versions back (they were not kept aside).
    hub.put("customer_tag", "t1", {}, deleted=True)
    sync.pull(hub)  # type: ignore[arg-type]
    hub.put("customer_tag", "t9", {"customer_id": "c1", "tag": "gold"})
    sync.pull(hub)  # type: ignore[arg-type]
    assert _state() == {"consents": [("k2", "2026-03-04")], "tags": [("t9", "gold")],
                        "waiting": []}


def test_a_deletion_in_the_same_page_frees_the_record_it_clashed_with(book: Book) -> None:
    _joined()
    hub = _Hub()
    for uid, kind, data in RECORDS[:2]:  # the customer and tag t1
        hub.put(kind, uid, data)
    sync.pull(hub)  # type: ignore[arg-type]
    hub.put(*RECORDS[2][1::-1], RECORDS[2][2])  # t2: the same tag…
    hub.put("customer_tag", "t1", {}, deleted=True)  # …and t1 deleted, after it
    rep = sync.pull(hub)  # type: ignore[arg-type]
    assert _state()["tags"] == [("t2", "vip")]
    assert rep.waiting == 0


def test_what_waits_is_tried_again_when_the_hub_sends_nothing_new(book: Book) -> None:
    import sqlite3

    _joined()
    hub = _clashing_hub()
    sync.pull(hub)  # type: ignore[arg-type]
    watcher = sqlite3.connect(book.path)
    version = watcher.execute("PRAGMA data_version").fetchone()[0]
    # Nothing new, nothing can be stored: the book is not written at all.
    rep = sync.pull(hub)  # type: ignore[arg-type]
    assert rep.received == 0 and rep.waiting == 2
    assert watcher.execute("PRAGMA data_version").fetchone()[0] == version
    # A change here frees the duplicate tag: the next sync stores it, with nothing from the hub.
    db.execute_sql("DELETE FROM customer_tag WHERE uid = 't1'")
    rep = sync.pull(hub)  # type: ignore[arg-type]
    assert _state()["tags"] == [("t2", "vip")]
    assert rep.received == 0 and rep.waiting == 1
    watcher.close()


def test_a_deletion_that_waits_stays_a_deletion(book: Book) -> None:
    _joined()
    hub = _clashing_hub()
    sync.pull(hub)  # type: ignore[arg-type]
    # (as a deletion the book could not apply at once is kept)
    db.execute_sql("INSERT INTO sync_pending (kind, uid, rec) VALUES ('customer_tag', 't1', "
                   "?)", (sync._PARKED_DELETION,))
    sync.pull(hub)  # type: ignore[arg-type]
    assert _state()["tags"] == [("t2", "vip")]  # t1 deleted, which freed t2


PHOTOS: list[tuple[str, str, dict[str, Any]]] = [
    RECORDS[0],
    ("c2", "customer", {**RECORDS[0][2], "given_name": "Ana"}),
    ("photo:c1", "customer_photo", {"customer_id": "c1", "mime": "image/png", "data": "00"}),
    ("photo:zz", "customer_photo", {"mime": "image/png", "data": "00"}),  # whose?
]


def _photos() -> list[tuple[str, str]]:
    return db.execute_sql("SELECT c.uid, p.uid FROM customer_photo p JOIN customer c ON "
                          "c.id = p.customer_id ORDER BY p.uid").fetchall()


def test_a_photo_that_names_no_customer_waits_in_a_pull(book: Book) -> None:
    _joined()
    link = _Pulls()
    link.records = PHOTOS
    rep = sync.pull(link)  # type: ignore[arg-type]
    assert _photos() == [("c1", "photo:c1")]  # not given to whoever has the next number
    assert rep.waiting == 1


def test_a_photo_that_names_no_customer_waits_in_a_join(
        book: Book, monkeypatch: pytest.MonkeyPatch) -> None:
    _joined()
    monkeypatch.setattr(sys.modules[__name__], "RECORDS", PHOTOS)
    rep = sync.bootstrap(_Snapshot())  # type: ignore[arg-type]
    assert _photos() == [("c1", "photo:c1")]
    assert rep.waiting == 1
