"""Shared fixtures: a fresh book per test, offscreen Qt, isolated QSettings."""

from __future__ import annotations

import json
import os
import tempfile

# A desktop-sized offscreen screen (the default is 800x600, smaller than any real desktop).
_SCREEN = os.path.join(tempfile.mkdtemp(prefix="crmdesk-qt-"), "screen.json")
with open(_SCREEN, "w", encoding="utf-8") as fh:
    json.dump({"screens": [{"name": "test", "x": 0, "y": 0, "width": 1920, "height": 1080,
                            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}, fh)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.setdefault("CRMDESK_NO_DEMO_OFFER", "1")
os.environ.setdefault("CRMDESK_NO_AUTO_BACKUP", "1")
os.environ["CRMDESK_BUSY_TIMEOUT_MS"] = "300"
os.environ["CRMDESK_FAST_HASH_FOR_TESTS"] = "1"
# Encrypted test books derive their key with 4,000 PBKDF2 rounds, not 256,000 (in tests only:
# crmdesk.store.db._kdf_iterations also wants pytest's PYTEST_CURRENT_TEST).
os.environ["CRMDESK_TEST_KDF_ITER"] = "4000"
# The audit trail's anchors go to a folder of the test run, never the user's state folder.
os.environ["CRMDESK_ANCHOR_DIR"] = tempfile.mkdtemp(prefix="crmdesk-anchors-")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402

from crmdesk.services import access, customers  # noqa: E402
from crmdesk.services.customers import ContactPoint, CustomerData  # noqa: E402
from crmdesk.store.book import Book, open_book  # noqa: E402
from crmdesk.store.db import close_database  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def _no_task_outlives_its_test() -> Iterator[None]:
    """A background task a test's window started (the name order warmed, a count, an
    import) ends with the test: it would otherwise run on into the next test's book."""
    yield
    _drain_pool()


def _drain_pool() -> None:
    import sys

    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None and qtcore.QCoreApplication.instance() is not None:
        pool = qtcore.QThreadPool.globalInstance()
        pool.clear()
        assert pool.waitForDone(30_000), "a background task did not end"


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    access.reset()
    opened = open_book(tmp_path / "book.db")
    yield opened
    _drain_pool()  # (a task the test started ends on the book it ran on, still open)
    access.reset()
    close_database()


def old_book(path: Path, version: int) -> Any:
    """A book at schema `version` (a book an earlier crmdesk wrote), open in the database
    proxy for the caller to write its rows by hand, then close and open with open_book."""
    import peewee

    from crmdesk.store import migrations
    from crmdesk.store.db import db as proxy

    database = peewee.SqliteDatabase(str(path))
    proxy.initialize(database)
    migrations.migrate(database, None, target=version)
    return database


def add(given: str, family: str, *, emails: tuple[str, ...] = (), phones: tuple[str, ...] = (),
        region: str = "US", **fields: object) -> int:
    """Create a customer through the service, as the GUI and CLI do."""
    data = CustomerData(given_name=given, family_name=family,
                        emails=[ContactPoint("home", e) for e in emails],
                        phones=[ContactPoint("mobile", p) for p in phones], **fields)  # type: ignore[arg-type]
    return customers.create(data, region)


def office() -> dict[str, int]:
    """A manager, an executive and a receptionist who sign in ('<name>-secret-1')."""
    from crmdesk.services import staff

    ids = {name: staff.add(name, role) for name, role in [
        ("Marta", "manager"), ("Eva", "executive"), ("Rita", "receptionist")]}
    for name, sid in ids.items():
        access.set_password(sid, f"{name.lower()}-secret-1")
    return ids
