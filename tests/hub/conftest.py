"""A real PostgreSQL for the hub tests: one throw-away cluster per test session (started
as a non-root user on 127.0.0.1, stopped at the end even on failure), one new database per
test. Without PostgreSQL installed, the hub tests skip saying why."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from crmdesk.hub import testserver

_counter = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[testserver.Server]:
    if testserver.binaries() is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql): "
                    "the hub tests need a real server")
    server = testserver.start()
    try:
        yield server
    finally:
        server.stop()


@dataclass
class Hub:
    server: testserver.Server
    dbname: str

    @property
    def admin_url(self) -> str:
        return self.server.url(self.dbname)

    def url(self, user: str | None = None) -> str:
        return (self.server.url(self.dbname, user) if user
                else f"postgresql://127.0.0.1:{self.server.port}/{self.dbname}")


@pytest.fixture
def hub(pg_server: testserver.Server, monkeypatch: pytest.MonkeyPatch) -> Iterator[Hub]:
    import psycopg

    name = f"hub_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(pg_server.url(), password=testserver.ADMIN_PASSWORD,
                         autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    monkeypatch.setenv("PGPASSWORD", testserver.ADMIN_PASSWORD)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    yield Hub(pg_server, name)
    with psycopg.connect(pg_server.url(), password=testserver.ADMIN_PASSWORD,
                         autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def office(hub: Hub, tmp_path: Path) -> Iterator[Any]:
    from tests.hub.office_kit import Office

    o = Office(hub.admin_url, hub.url(), tmp_path)
    yield o
    o.close()
