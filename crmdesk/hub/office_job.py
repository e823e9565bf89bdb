"""Joining an office hub, or making the open book an office book, in a child process.

The window starts `python -m crmdesk.hub.office_job` and writes one JSON request on its
stdin (secrets never travel on a command line nor in the environment the child was started
with); the child answers with JSON lines: progress `{"stage": …, "records": n}`, then
`{"done": true, …}` or `{"error": "one sentence"}`. SIGTERM (the dialog's Cancel) stops
it cleanly: a join removes the new book it was filling, an init undoes what it started
(the hub's transaction is rolled back with the connection).

join: {"action": "join", "hub", "login", "password", "passphrase", "db", "device_name"}
init: {"action": "init", "admin_url", "admin_password", "login", "password", "staff",
       "db", "passphrase"}
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _say(**obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


class _Progress:
    """A hub link that reports the snapshot's progress and names the device."""

    def __init__(self, link: Any, device_name: str):
        self.link = link
        self.device_name = device_name
        self.records = 0
        self._said = 0.0

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.link, attr)

    def hello(self, device: str, name: str, proto: int) -> dict[str, Any]:
        return dict(self.link.hello(device, self.device_name or name, proto))

    def snapshot_records(self, kinds: list[str], batch: int
                         ) -> Iterator[tuple[str, list[tuple[str, str, int]]]]:
        for kind, block in self.link.snapshot_records(kinds, batch):
            self.records += len(block)
            now = time.monotonic()
            if now - self._said > 0.2:
                self._said = now
                _say(stage=f"Receiving {kind.split('.')[0].replace('_', ' ')}",
                     records=self.records)
            yield kind, block


def _stop(_signum: int, _frame: Any) -> None:
    raise SystemExit(3)  # unwinds through the clean-up below


def join(req: dict[str, Any]) -> dict[str, Any]:
    from crmdesk.hub import client, office
    from crmdesk.services import sync
    from crmdesk.store.book import open_book
    from crmdesk.store.db import BookError, close_database, db

    path = Path(req["db"]).expanduser()
    if path.exists() and path.stat().st_size:
        raise BookError(f"{path} already exists: join into a new file.")
    if not req.get("passphrase"):
        raise BookError("An office book on a laptop is always encrypted: choose a "
                        "passphrase.")
    _say(stage="Connecting to the hub", records=0)
    link = client.HubLink.open(req["hub"], req["login"], password=req.get("password") or None)
    created = not path.exists()
    progress = _Progress(link, req.get("device_name") or "")
    try:
        book = open_book(path, passphrase=req["passphrase"])
        report = office.join_office(progress, req["hub"], req["login"],  # type: ignore[arg-type]
                                    req.get("password") or None)
        _say(stage="Finishing", records=report.received)
        customers = int(db.execute_sql("SELECT count(*) FROM customer").fetchone()[0])
        st = sync.require_state()
        book.close()
    except BaseException:
        close_database()
        if created:
            for suffix in ("", "-wal", "-shm", ".sync-lock"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    finally:
        link.close()
    return {"done": True, "db": str(path), "records": report.received,
            "customers": customers, "device": st.device, "sign_in": report.sign_in}


def init(req: dict[str, Any]) -> dict[str, Any]:
    from crmdesk.hub import office
    from crmdesk.store.book import open_book

    if req.get("admin_password"):
        os.environ["PGPASSWORD"] = req["admin_password"]  # this process only
    _say(stage="Uploading the book to the hub", records=0)
    book = open_book(Path(req["db"]), create=False, passphrase=req.get("passphrase") or None)
    try:
        rep = office.init_office(req["admin_url"], req["login"], req["password"],
                                 req.get("staff") or "Manager", book.path)
    finally:
        book.close()
    return {"done": True, "office": rep.office, "device": rep.device, "login": rep.login,
            "records": rep.records, "seconds": round(rep.seconds, 2)}


def main() -> int:
    signal.signal(signal.SIGTERM, _stop)
    try:
        req = json.loads(sys.stdin.readline() or "{}")
        action = req.get("action")
        if action == "join":
            _say(**join(req))
        elif action == "init":
            _say(**init(req))
        else:
            _say(error=f"Unknown action {action!r}.")
            return 2
    except SystemExit:
        _say(error="Cancelled: nothing was kept.")
        return 3
    except Exception as exc:  # noqa: BLE001 - one sentence for the window
        from crmdesk.store.db import BookError, describe_error

        plain = getattr(exc, "plain_message", False) or isinstance(exc, BookError)
        text = str(exc) if plain else describe_error(exc)
        _say(error=text or type(exc).__name__)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
