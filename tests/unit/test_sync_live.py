"""The live-sync loop without a hub: back-off when the hub cannot be reached, a wake-up
retries at once, the status line, the one-sentence explanations of conflicts."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from crmdesk.hub.client import HubError
from crmdesk.services import sync, sync_live, sync_review
from crmdesk.services.sync_live import LiveStatus
from crmdesk.store.book import Book
from crmdesk.store.db import db


def _make_office_book() -> None:
    with db.atomic():
        sync.start(device="dev-1", office="office-1", hub="postgresql://127.0.0.1:9/x",
                   login="ana")


def test_unreachable_hub_backs_off_and_a_wake_retries(book: Book, monkeypatch: Any) -> None:
    _make_office_book()
    monkeypatch.setattr(sync_live, "BACKOFF_S", (0.2, 0.4, 0.8, 60.0))
    tries: list[float] = []
    seen: list[LiveStatus] = []

    def refuse(url: str, login: str, password: str | None) -> Any:
        tries.append(time.monotonic())
        raise HubError("The hub postgresql://127.0.0.1:9/x cannot be reached; the book "
                       "keeps working offline.")

    live = sync_live.LiveSync(book.path, seen.append, connect=refuse)
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while len(tries) < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(tries) >= 4
        gaps = [b - a for a, b in zip(tries, tries[1:], strict=False)]
        assert gaps[0] >= 0.15 and gaps[1] >= 0.35 and gaps[2] >= 0.7  # 0.2, 0.4, 0.8 s
        assert seen and not seen[-1].online and "cannot be reached" in seen[-1].error
        assert live.retry_in > 10  # now waiting the long step
        before = len(tries)
        live.wake()  # the person pressed Sync Now, or saved an edit
        deadline = time.monotonic() + 5
        while len(tries) == before and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(tries) == before + 1
    finally:
        live.stop()
        thread.join(5)
    assert not thread.is_alive()


def test_a_hub_that_wants_a_password_waits_for_one(book: Book) -> None:
    _make_office_book()
    tries: list[str | None] = []
    seen: list[LiveStatus] = []

    def ask(url: str, login: str, password: str | None) -> Any:
        tries.append(password)
        raise HubError("The hub postgresql://127.0.0.1:9/x needs ana's password: set "
                       "$PGPASSWORD, add it to ~/.pgpass, or run on a terminal to be asked.")

    live = sync_live.LiveSync(book.path, seen.append, connect=ask)
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 5
        while not seen and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.6)
        assert tries == [None]  # not retried without a password
        assert seen[-1].needs_password
        live.set_password("typed-secret")
        deadline = time.monotonic() + 5
        while len(tries) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert tries[1] == "typed-secret"
    finally:
        live.stop()
        thread.join(5)


@pytest.mark.parametrize(("status", "text"), [
    (LiveStatus(online=True, last_sync=None), "Online"),
    (LiveStatus(online=False, unsent=3, conflicts=1), "Offline · 3 waiting · 1 to review"),
    (LiveStatus(online=False, needs_password=True), "Offline — needs your hub password"),
    (LiveStatus(online=True, held=2, unsent=1), "Online · 1 waiting · 2 held back"),
    (None, "Connecting to the hub…"),
])
def test_status_text(status: LiveStatus | None, text: str) -> None:
    from crmdesk.ui.office_window import status_text

    assert status_text(status) == text


def test_status_text_when_synced_today() -> None:
    import datetime as dt

    from crmdesk.ui.office_window import status_text

    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    shown = now.astimezone().strftime("%H:%M")
    got = status_text(LiveStatus(online=True, last_sync=now.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                 unsent=1200))
    assert got == f"Synced {shown} · 1,200 waiting"


def _conflict(**kw: Any) -> sync.Conflict:
    base = dict(id=1, table="customer", customer_id=1, customer="Mercedes Peña",
                field="occupation", kept="A", other="B", kept_by="marta", other_by="rita",
                kept_at="", other_at="", reason="", at="", resolved_at=None,
                resolution=None, mine="other")
    base.update(kw)
    return sync.Conflict(**base)  # type: ignore[arg-type]


def test_each_kind_of_conflict_is_explained_in_one_sentence() -> None:
    concurrent = sync_review.explain(_conflict())
    refused = sync_review.explain(_conflict(reason="rita may not give bonuses."))
    overdrawn = sync_review.explain(_conflict(reason="overdrawn by 120 points"))
    for text in (concurrent, refused, overdrawn):
        assert text.count(". ") <= 1 and text.endswith(".")
    assert "at about the same time" in concurrent and "marta" in concurrent
    assert refused.startswith("The hub refused rita's change: rita may not give bonuses.")
    assert "both redemptions happened" in overdrawn


def test_settle_then_unsettle_puts_the_field_back(book: Book, tmp_path: Path) -> None:
    from tests.conftest import add

    cid = add("Mercedes", "Peña", occupation="Architect")
    _make_office_book()
    uid = db.execute_sql("SELECT uid FROM customer WHERE id = ?", (cid,)).fetchone()[0]
    from crmdesk.services.sync_spec import HUB_KINDS

    kind = next(k for k, (t, part) in HUB_KINDS.items()
                if t.name == "customer" and t.columns.get("occupation") == part)
    with db.atomic(), sync.applying():
        db.execute_sql(
            "INSERT INTO sync_conflict (kind, row_uid, customer_uid, col, kept, lost, "
            "kept_by, lost_by, kept_hlc, lost_hlc, reason, at, kept_device, lost_device) "
            "VALUES (?, ?, ?, 'occupation', '\"Architect\"', '\"Designer\"', "
            "'marta', 'rita', '', '', '', '2026-01-01T00:00:00Z', 'dev-1', 'dev-2')",
            (kind, uid, uid))
    con = sync.conflicts()[0]
    done = sync_review.settle(con.id, "theirs")
    assert db.execute_sql("SELECT occupation FROM customer WHERE id = ?",
                          (cid,)).fetchone()[0] == "Designer"
    assert sync.open_conflicts() == 0
    sync_review.unsettle(done)
    assert db.execute_sql("SELECT occupation FROM customer WHERE id = ?",
                          (cid,)).fetchone()[0] == "Architect"
    assert sync.open_conflicts() == 1
    assert sync.unsent() > 0  # both travel to the other replicas


def test_the_office_job_starts_from_a_checkout_and_from_the_bundle(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """In the PyInstaller bundle sys.executable is crmdesk itself: `-m` would start the CLI
    with an unknown command; the bundle's entry point runs the job for --office-job."""
    import sys
    from pathlib import Path

    from crmdesk.ui.dialogs import office_dialogs

    assert office_dialogs.job_command() == (sys.executable, ["-m", "crmdesk.hub.office_job"])
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert office_dialogs.job_command() == (sys.executable, ["--office-job"])
    import json
    import subprocess

    # the bundle's entry point with --office-job is the job (which answers a bad request
    # with one JSON line), not the command line (which would refuse the option)
    entry = Path(__file__).resolve().parents[2] / "packaging" / "crmdesk_main.py"
    done = subprocess.run([sys.executable, str(entry), "--office-job"], input="not json\n",
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "error" in json.loads(done.stdout.strip().splitlines()[-1])


class _FakeConn:
    """A hub connection that answers nothing (the sync itself is replaced in these tests)."""

    closed = False

    def execute(self, *_args: Any) -> None:
        return None

    def notifies(self, timeout: float, stop_after: int) -> list[Any]:
        time.sleep(min(timeout, 0.05))
        return []

    def close(self) -> None:
        self.closed = True


def test_stopped_while_connecting_it_is_released_at_once_and_leaves_the_book_alone(
        book: Book, monkeypatch: Any) -> None:
    """The window switching books does not wait for a hub that is slow to answer, and the
    worker, once connected, never syncs the book the window opened since."""
    _make_office_book()
    connecting, answer = threading.Event(), threading.Event()
    conns: list[_FakeConn] = []
    synced: list[Path | None] = []

    def slow(url: str, login: str, password: str | None) -> Any:
        connecting.set()
        answer.wait(10)
        conns.append(_FakeConn())
        return conns[-1]

    monkeypatch.setattr(sync, "sync", lambda link, path=None: synced.append(path))
    live = sync_live.LiveSync(book.path, lambda _st: None, connect=slow)
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    assert connecting.wait(5)
    live.stop()
    t0 = time.monotonic()
    live.released()
    assert time.monotonic() - t0 < 0.5  # not waiting for the hub
    answer.set()
    thread.join(5)
    assert not thread.is_alive()
    assert synced == []  # the book was left alone
    assert conns and all(c.closed for c in conns)  # and the hub connections closed


def test_stopped_during_a_sync_it_is_released_when_that_sync_ends(book: Book,
                                                                  monkeypatch: Any) -> None:
    _make_office_book()
    in_sync, finish = threading.Event(), threading.Event()
    calls: list[str] = []

    def long_sync(link: Any, path: Path | None = None) -> Any:
        calls.append("sync")
        in_sync.set()
        finish.wait(10)
        calls.append("synced")
        raise sync.SyncError("the hub said no")  # (no report to build)

    monkeypatch.setattr(sync, "sync", long_sync)
    live = sync_live.LiveSync(book.path, lambda _st: None,
                              connect=lambda *_a: _FakeConn())
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    assert in_sync.wait(5)
    live.stop()
    released = threading.Event()
    waiter = threading.Thread(target=lambda: (live.released(), released.set()), daemon=True)
    waiter.start()
    time.sleep(0.3)
    assert not released.is_set()  # the window waits: the sync is writing this book
    finish.set()
    assert released.wait(5)
    thread.join(5)
    assert not thread.is_alive() and calls == ["sync", "synced"]


def test_a_sync_that_outlasts_the_wait_goes_on_with_its_own_book(book: Book, tmp_path: Path,
                                                                 monkeypatch: Any) -> None:
    """A hub that stops answering mid-sync: the window stops waiting after a while and opens
    another book; the late sync still writes the book it started on, never the new one."""
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database

    _make_office_book()
    in_sync, finish = threading.Event(), threading.Event()
    wrote: list[str] = []

    def hung_sync(link: Any, path: Path | None = None) -> Any:
        in_sync.set()
        finish.wait(10)
        wrote.append(str(db.database))
        with db.atomic():
            db.execute_sql("UPDATE sync_state SET last_error = 'late' WHERE id = 1")
        raise sync.SyncError("the hub said no")

    monkeypatch.setattr(sync, "sync", hung_sync)
    live = sync_live.LiveSync(book.path, lambda _st: None, connect=lambda *_a: _FakeConn())
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    assert in_sync.wait(5)
    live.stop()
    assert not live.released(timeout=0.2)  # the window gives up waiting
    close_database()
    other = open_book(tmp_path / "other.db")
    finish.set()
    thread.join(5)
    assert not thread.is_alive()
    assert wrote == [str(book.path)]
    assert db.database == str(other.path)  # the window's book is the other one still
    assert db.execute_sql("SELECT count(*) FROM sqlite_master WHERE name = 'sync_state' "
                          "AND EXISTS (SELECT 1 FROM sync_state)").fetchone()[0] == 0
    close_database()
    open_book(book.path)
    assert db.execute_sql("SELECT last_error FROM sync_state").fetchone()[0] == "late"
