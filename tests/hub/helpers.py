"""Helpers for the hub tests: run the CLI, open books one at a time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crmdesk import cli
from crmdesk.services import access
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    close_database()
    access.reset()
    code = cli.main(list(argv))
    close_database()
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


class Opened:
    """`with Opened(path):` the book is the process's open book."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> Any:
        close_database()
        access.reset()
        return open_book(self.path)

    def __exit__(self, *exc: object) -> None:
        close_database()
