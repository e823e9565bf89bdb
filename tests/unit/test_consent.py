"""Marketing consent where a mailing is prepared: the list filter and the export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.services import customer_query
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.store.book import Book
from crmdesk.store.db import close_database
from tests.conftest import add


def _people() -> tuple[int, int, int]:
    today = dt.date(2026, 3, 1)
    ana = add("Ana", "Gil", emails=("ana@example.com",), consents={"email": today})
    ben = add("Ben", "Carter", emails=("ben@example.com",), consents={"post": today})
    cleo = add("Cleo", "Diaz", emails=("cleo@example.com",))
    return ana, ben, cleo


def test_consent_filter(book: Book) -> None:
    ana, ben, _cleo = _people()
    assert customer_query.customer_ids(CustomerFilter(consent="email")) == [ana]
    assert customer_query.customer_ids(CustomerFilter(consent="post")) == [ben]
    assert customer_query.customer_ids(CustomerFilter(consent="sms")) == []
    assert customer_query.text_only_count(CustomerFilter(consent="email"), 3) is None


def test_export_only_who_agreed(book: Book, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    _people()
    close_database()
    out = tmp_path / "mailing.csv"
    assert main(["export", "--db", str(book.path), "--format", "csv", "--consent", "email",
                 "--out", str(out)]) == 0
    close_database()
    text = out.read_text(encoding="utf-8-sig")
    assert "ana@example.com" in text and "ben@example.com" not in text
    assert "cleo@example.com" not in text
    assert "1 customers written" in capsys.readouterr().err

