"""Live sync of an open office book: the loop a window's background worker runs.

Plain Python (no Qt), run in one background thread with its own book connection. It uses
the engine only through its public calls (`sync.sync`, `sync.status`):

* **Pushes within seconds of a change.** Every write path fills `sync_outbox` (the capture
  triggers), so the loop only has to notice that the outbox is not empty: it looks every
  quarter second (one indexed count on its own connection) and pushes after a short pause
  that gathers a burst of edits into one push. A write by another process (the CLI, an
  import) is noticed the same way.
* **Pulls when the hub says so.** A second connection LISTENs on `crm_changes`; a
  notification only wakes the loop (its payload is never used as data), which then pulls
  like any sync. It also pulls every `PERIODIC_S` seconds in case a notification was
  missed (a connection that dropped and came back).
* **Backs off when the hub is unreachable**: 2, 4, 8 … 60 s between attempts; the book
  keeps working, and the first attempt after a local change is not delayed further than
  the current wait.
* **Reports** after each attempt: online or not, when it last synced, what waits to be
  sent, what waits for review, and which customers the sync changed (their local ids), so
  a window refreshes those rows only.

The hub password comes from `password` (typed in the window for this session), else
libpq's own sources ($PGPASSWORD, ~/.pgpass). Connections use a short connect timeout.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crmdesk.services import sync
from crmdesk.store.db import DB_ERRORS, close_thread_connections, db, pinned_book

PUSH_DELAY_S = 0.3  # gather a burst of edits into one push
TICK_S = 0.25  # how often the outbox is looked at
PERIODIC_S = 60.0  # a pull even without a notification
BACKOFF_S = (2.0, 4.0, 8.0, 15.0, 30.0, 60.0)
CONNECT_TIMEOUT_S = 3  # the worker's connect timeout (never the GUI's: it never connects)
CHANNEL = "crm_changes"


@dataclass
class LiveStatus:
    """What the window shows: one snapshot after each attempt."""

    online: bool
    last_sync: str | None = None  # ISO UTC of the last complete sync
    unsent: int = 0
    conflicts: int = 0
    held: int = 0  # received from the hub, not stored here yet (sync.held_back)
    error: str = ""  # one sentence when offline or refused
    needs_password: bool = False
    changed: list[int] = field(default_factory=list)  # customers a sync changed here
    received: int = 0
    sent: int = 0
    at: float = field(default_factory=time.time)


class _Watching:
    """A link that remembers which customers a sync touched: those of the records pulled
    and of the pushed writes the hub answered with another value."""

    def __init__(self, link: Any):
        self.link = link
        self.customers: set[str] = set()

    def hello(self, device: str, name: str, proto: int) -> dict[str, Any]:
        return dict(self.link.hello(device, name, proto))

    def push(self, proto: int, device: str, items: list[dict[str, Any]]) -> dict[str, Any]:
        answer = dict(self.link.push(proto, device, items))
        results = answer.get("results") or []
        for item, res in zip(items, results, strict=False):
            if isinstance(res, dict) and res.get("r") in ("lost", "refused") \
                    and item.get("cu"):
                self.customers.add(str(item["cu"]))
        return answer

    def pull(self, after: int, limit: int) -> list[tuple[Any, ...]]:
        rows = list(self.link.pull(after, limit))
        for row in rows:
            kind, uid, cust = row[1], row[2], row[3]
            if cust:
                self.customers.add(str(cust))
            elif str(kind).startswith("customer"):
                self.customers.add(str(uid))
        return rows

    def ack(self, device: str, upto: int) -> None:
        self.link.ack(device, upto)

    def access_changes(self, after: int) -> list[str]:
        custs = list(self.link.access_changes(after))
        self.customers.update(custs)  # their rows may leave or arrive: views refresh them
        return custs

    def customer_rows(self, custs: list[str]) -> list[tuple[Any, ...]]:
        return list(self.link.customer_rows(custs))


class _Named:
    """Says the device name this book was given (Settings) instead of the host name."""

    def __init__(self, link: Any, name: str):
        self.link = link
        self.name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.link, attr)

    def hello(self, device: str, name: str, proto: int) -> dict[str, Any]:
        return dict(self.link.hello(device, self.name or name, proto))


def customer_ids(uids: set[str]) -> list[int]:
    """Local ids of customers named by uid (those this book holds)."""
    if not uids:
        return []
    found: list[int] = []
    names = sorted(uids)
    for at in range(0, len(names), 500):
        part = names[at:at + 500]
        found += [int(r[0]) for r in db.execute_sql(
            f"SELECT id FROM customer WHERE uid IN ({', '.join('?' * len(part))})",
            part).fetchall()]
    return sorted(found)


class Listener:
    """A connection LISTENing on the hub's change channel."""

    def __init__(self, conn: Any):
        self.conn = conn
        conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> bool:
        """True when at least one notification arrived within `timeout` seconds."""
        got = False
        for _note in self.conn.notifies(timeout=timeout, stop_after=1):
            got = True
        return got

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a broken connection: best effort
            self.conn.close()


def _connect(url: str, login: str, password: str | None) -> Any:
    import os

    from crmdesk.hub import client

    previous = os.environ.get("CRMDESK_HUB_TIMEOUT")
    wanted = min(int(previous or CONNECT_TIMEOUT_S), CONNECT_TIMEOUT_S)
    os.environ["CRMDESK_HUB_TIMEOUT"] = str(wanted)
    try:
        return client.connect(url, login, password=password)
    finally:
        if previous is None:
            os.environ.pop("CRMDESK_HUB_TIMEOUT", None)
        else:
            os.environ["CRMDESK_HUB_TIMEOUT"] = previous


def _hub_errors() -> tuple[type[BaseException], ...]:
    from crmdesk.hub.client import HubError

    errors: list[type[BaseException]] = [HubError, sync.SyncError, OSError]
    try:
        import psycopg

        errors.append(psycopg.Error)
    except ImportError:  # pragma: no cover - a dependency
        pass
    return tuple(errors)


class _Stopped(BaseException):
    """The worker was stopped: it leaves the book alone (not an error of any kind)."""


class LiveSync:
    """The loop. `run()` blocks (call it in a background thread); `wake`, `stop`,
    `set_password`, `sync_now` and `released` may be called from any thread.

    The worker reads and writes the book open when it was made (pinned: `db` in its thread
    stays that book), only while it holds `_book_lock` and has not been stopped: once
    `stop()` and then `released()` have returned it never touches a book again, so the
    window may close or switch the book at once (a worker still connecting to a hub that
    does not answer ends on its own, after its connect timeout, without being joined)."""

    def __init__(self, book: Path, on_status: Callable[[LiveStatus], None], *,
                 password: str | None = None, device_name: str = "",
                 connect: Callable[[str, str, str | None], Any] | None = None):
        self.book = book
        # The book open as the worker is made: the worker's `db`, whatever is opened since.
        self._database = db.open_book()
        self.on_status = on_status
        self.password = password
        self.device_name = device_name
        self._connect = connect or _connect
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._book_lock = threading.RLock()
        self._link: Any = None
        self._listener: Listener | None = None
        self._failures = 0
        self._retry_at = 0.0
        self._last_pull = 0.0
        self._needs_password = False
        self.attempts = 0  # sync attempts made (tests and the status dialog)

    # --- from any thread -------------------------------------------------------------
    def wake(self) -> None:
        """Something changed here, or the person asked: sync soon, retry now if offline."""
        self._retry_at = 0.0
        self._wake.set()

    def sync_now(self) -> None:
        self._last_pull = 0.0
        self.wake()

    def set_password(self, password: str | None) -> None:
        self.password = password or None
        self._needs_password = False
        self.wake()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def released(self, timeout: float = -1) -> bool:
        """After stop(): wait (up to `timeout` seconds; -1: for as long as it takes) until
        the worker is off the book: a sync under way ends first. From then on it never
        touches a book; a sync still going after the timeout (a hub that stopped answering
        mid-way) goes on with the book it started on, never another (pinned_book)."""
        if self._book_lock.acquire(timeout=timeout):
            self._book_lock.release()
            return True
        return False

    @contextlib.contextmanager
    def _on_book(self) -> Iterator[None]:
        with self._book_lock:
            if self._stop.is_set():
                raise _Stopped
            yield

    @contextlib.contextmanager
    def _off_book(self) -> Iterator[None]:
        """(Inside _on_book) let go of the book while waiting on the network."""
        self._book_lock.release()
        try:
            yield
        finally:
            self._book_lock.acquire()
        if self._stop.is_set():
            raise _Stopped

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    # --- the loop (its own thread) ---------------------------------------------------
    def run(self) -> None:
        try:
            with pinned_book(self._database):
                self._loop()
        except _Stopped:
            pass
        finally:
            self._disconnect()
            close_thread_connections()  # this thread's connections (to any book)

    def _loop(self) -> None:
        pending_since: float | None = None
        first = True
        while not self._stop.is_set():
            now = time.monotonic()
            try:
                with self._on_book():
                    waiting = sync.unsent()
            except DB_ERRORS:
                waiting = 0
            if waiting and pending_since is None:
                pending_since = now
            due = first or (pending_since is not None and now - pending_since >= PUSH_DELAY_S) \
                or now - self._last_pull >= PERIODIC_S or self._wake.is_set()
            if self._link is None and now < self._retry_at:
                due = False
            if due and not self._needs_password:
                self._wake.clear()
                first = False
                if self._attempt():
                    pending_since = None
                continue
            if due and self._needs_password and first:
                first = False
                self._report_offline()
            self._sleep(TICK_S)

    def _sleep(self, seconds: float) -> None:
        listener = self._listener
        if listener is not None:
            try:
                if listener.wait(seconds):
                    self._last_pull = 0.0  # pull now
                    self._wake.set()
                return
            except _hub_errors():
                self._disconnect()
                self._wake.set()  # try again at once (then back off)
                return
        self._wake.wait(seconds)

    def _attempt(self) -> bool:
        """One sync; True when it went through."""
        self.attempts += 1
        with self._on_book():  # (the connect itself lets go of it)
            try:
                if self._link is None:
                    self._open()
                watching = _Watching(self._link)
                link = _Named(watching, self.device_name) if self.device_name else watching
                report = sync.sync(link, self.book)
            except sync.SyncError as exc:
                if "Another crmdesk is syncing" in str(exc):  # the CLI: it does our work
                    self._retry_at = time.monotonic() + 1.0
                    self._report_offline(online=True, error="")
                    return False
                self._failed(exc)
                return False
            except _hub_errors() as exc:
                self._failed(exc)
                return False
            except DB_ERRORS as exc:  # the book is busy (a long import): try again shortly
                self._retry_at = time.monotonic() + 1.0
                from crmdesk.store.db import describe_error

                self._report_offline(online=self._link is not None, error=describe_error(exc))
                return False
            self._failures = 0
            self._last_pull = time.monotonic()
            st = sync.state()
            self.on_status(LiveStatus(
                online=True, last_sync=st.last_sync if st else None, unsent=sync.unsent(),
                conflicts=report.conflicts, held=sync.held_back(),
                changed=customer_ids(watching.customers),
                received=report.pulled.received, sent=report.pushed.sent))
            return True

    def _open(self) -> None:
        st = sync.require_state()
        # Stopped while connecting: _off_book raises _Stopped, run() closes the link.
        with self._off_book():
            conn = self._connect(st.hub, st.login, self.password)
            from crmdesk.hub.client import HubLink

            self._link = HubLink(conn)
            try:
                self._listener = Listener(self._connect(st.hub, st.login, self.password))
            except _hub_errors():
                self._listener = None  # periodic pulls only, until the next reconnect

    def _disconnect(self) -> None:
        link, self._link = self._link, None
        listener, self._listener = self._listener, None
        if link is not None:
            link.close()
        if listener is not None:
            listener.close()

    def _failed(self, exc: BaseException) -> None:
        self._disconnect()
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        self._needs_password = "needs" in text and "password" in text or \
            "Wrong password" in text
        delay = BACKOFF_S[min(self._failures, len(BACKOFF_S) - 1)]
        self._failures += 1
        self._retry_at = time.monotonic() + delay
        self._report_offline(error=text)

    def _report_offline(self, *, online: bool = False, error: str | None = None) -> None:
        try:
            with self._on_book():
                st = sync.state()
                unsent, conflicts = sync.unsent(), sync.open_conflicts()
                held = sync.held_back()
        except DB_ERRORS:
            st, unsent, conflicts, held = None, 0, 0, 0
        self.on_status(LiveStatus(
            online=online, last_sync=st.last_sync if st else None, unsent=unsent,
            conflicts=conflicts, held=held, error=error if error is not None else
            ("The hub needs your password." if self._needs_password else ""),
            needs_password=self._needs_password))

    @property
    def retry_in(self) -> float:
        return max(0.0, self._retry_at - time.monotonic())


# --- settings of an office book (Settings ▸ Office Book…) ------------------------------
def set_hub_address(hub: str) -> str:
    """Point this office book at a new address of its hub (a moved server). The hub's
    office id is checked on the next hello, so another office's hub is refused before
    anything is sent. Returns the address as stored (no password); one sentence when
    refused."""
    from crmdesk.hub import client
    from crmdesk.services import access

    access.require("settings")
    st = sync.require_state()
    address = client.redact(hub)
    if address != st.hub:
        with db.atomic():
            db.execute_sql("UPDATE sync_state SET hub = ? WHERE id = 1", (address,))
    return address


def office_audit(password: str | None = None) -> Any:
    """The office's audit trail read from the hub as this book's login (the hub refuses
    anyone but a manager): for the window's audit dialog, off the GUI thread."""
    from crmdesk.hub import client
    from crmdesk.services import sync

    st = sync.require_state()
    link = client.HubLink(_connect(st.hub, st.login, password))
    try:
        return sync.office_audit(link)
    finally:
        link.close()
