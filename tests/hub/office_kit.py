"""An office in one process: a hub database and laptops (real books) that open one at a
time, each with its own link to the hub that a test can cut or break mid-batch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crmdesk.hub import client, office, testserver
from crmdesk.services import access, staff, sync
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database
from tests.conftest import add

PASSWORD = testserver.ADMIN_PASSWORD
STAFF = {"manager": ("Manager", "manager"), "ana": ("Ana", "executive"),
         "ben": ("Ben", "executive"), "rita": ("Rita", "receptionist")}


class Cut(Exception):
    """The link was cut (as a dropped connection would)."""


class FlakyLink:
    """A hub link a test can take offline, or break after the hub committed a push but
    before the answer arrived (the worst moment)."""

    def __init__(self, link: client.HubLink):
        self.link = link
        self.offline = False
        self.lose_push_answer = False
        self.fail_pull_after = -1  # pages; -1: never

    def hello(self, device: str, name: str, proto: int) -> dict[str, Any]:
        if self.offline:
            raise client.HubError("The hub cannot be reached; the book keeps working offline.")
        return self.link.hello(device, name, proto)

    def push(self, proto: int, device: str, items: list[dict[str, Any]]) -> dict[str, Any]:
        if self.offline:
            raise client.HubError("The hub cannot be reached; the book keeps working offline.")
        answer = self.link.push(proto, device, items)
        if self.lose_push_answer:
            self.lose_push_answer = False
            raise Cut("connection lost after the hub committed")
        return answer

    def pull(self, after: int, limit: int) -> list[tuple[Any, ...]]:
        if self.offline:
            raise client.HubError("The hub cannot be reached; the book keeps working offline.")
        if self.fail_pull_after == 0:
            self.fail_pull_after = -1
            raise Cut("connection lost mid-pull")
        if self.fail_pull_after > 0:
            self.fail_pull_after -= 1
        return self.link.pull(after, limit)

    def ack(self, device: str, upto: int) -> None:
        self.link.ack(device, upto)

    def access_changes(self, after: int) -> list[str]:
        if self.offline:
            raise client.HubError("The hub cannot be reached; the book keeps working offline.")
        return self.link.access_changes(after)

    def customer_rows(self, custs: list[str]) -> list[tuple[Any, ...]]:
        if self.offline:
            raise client.HubError("The hub cannot be reached; the book keeps working offline.")
        return self.link.customer_rows(custs)


class Laptop:
    def __init__(self, path: Path, login: str, link: FlakyLink):
        self.path = path
        self.login = login
        self.link = link

    def __enter__(self) -> Laptop:
        close_database()
        access.reset()
        open_book(self.path)
        return self

    def __exit__(self, *exc: object) -> None:
        close_database()

    def sync(self) -> sync.SyncReport:
        with self:
            return sync.sync(self.link, self.path)

    def staff_id(self, name: str) -> int:
        found = staff.find(name)
        assert found is not None
        return found


class Office:
    def __init__(self, admin_url: str, url: str, folder: Path):
        self.admin_url = admin_url
        self.url = url
        self.folder = folder
        self.laptops: dict[str, Laptop] = {}

    def link(self, login: str) -> FlakyLink:
        return FlakyLink(client.HubLink.open(self.url, login, password=PASSWORD))

    def start(self, customers: int = 2) -> Laptop:
        """The manager's book, with staff and a few customers, made the office book."""
        path = self.folder / "manager.db"
        close_database()
        access.reset()
        open_book(path)
        for name, role in STAFF.values():
            staff.add(name, role)
        for i in range(customers):
            add(f"Given{i}", f"Family{i}", emails=(f"c{i}@example.com",))
        office.init_office(self.admin_url, "manager", PASSWORD, "Manager", path)
        close_database()
        conn = client.connect(self.admin_url, password=PASSWORD)
        try:
            for login, (name, role) in STAFF.items():
                if login != "manager":
                    client.enrol(conn, login, PASSWORD, role, name)
        finally:
            conn.close()
        lap = Laptop(path, "manager", self.link("manager"))
        self.laptops["manager"] = lap
        return lap

    def join(self, login: str, name: str | None = None) -> Laptop:
        path = self.folder / f"{name or login}.db"
        link = self.link(login)
        close_database()
        access.reset()
        open_book(path)
        office.join_office(link.link, self.url, login)
        close_database()
        lap = Laptop(path, login, link)
        self.laptops[name or login] = lap
        return lap

    def close(self) -> None:
        close_database()
        for lap in self.laptops.values():
            lap.link.link.close()
