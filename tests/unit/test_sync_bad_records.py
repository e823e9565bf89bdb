"""Hub records a laptop cannot store as they are (fields missing, two rows claiming the same
tag or consent): they wait in sync_pending, counted, and the rest of the pull or of the
join goes on. One bad record must never stop an office book from syncing."""

from __future__ import annotations

import json
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
