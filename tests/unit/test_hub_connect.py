"""How crmdesk opens a hub connection: the options it gives libpq."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from crmdesk.hub import client


def _options(monkeypatch: pytest.MonkeyPatch, libpq: int) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def connect(url: str, **kwargs: Any) -> object:
        seen.update(kwargs)
        return object()

    monkeypatch.setattr(psycopg, "connect", connect)
    monkeypatch.setattr(psycopg.pq, "version", lambda: libpq)
    client.connect("postgresql://hub.example:5432/office", "ana")
    return seen


def test_every_connection_watches_for_a_hub_gone_from_the_network(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _options(monkeypatch, 180006)
    assert {k: seen[k] for k in client.DEAD_LINK} == client.DEAD_LINK
    assert seen["keepalives"] == 1 and seen["tcp_user_timeout"] == 30_000


def test_a_libpq_older_than_12_is_not_given_an_option_it_would_refuse(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _options(monkeypatch, 110005)
    assert "tcp_user_timeout" not in seen
    assert seen["keepalives_idle"] == 10  # the keepalives stay
