"""The rules of the services seen through the command line (crmdesk.cli.main in-process)."""

from __future__ import annotations

import json

import pytest

from tests.unit.test_cli_roles import _clean, office, run  # noqa: F401  (fixtures)


def test_cli_search_finds_nothing_through_hidden_fields(
        office: str, capsys: pytest.CaptureFixture[str],  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    def search(who: str, *args: str) -> list[dict[str, object]]:
        code, out, err = run(capsys, monkeypatch, "--user", who, "search", *args, "--json",
                             "--db", office, password=f"{who.lower()}-secret-1")
        assert code == 0, err
        return list(json.loads(out))

    assert search("Rita", "banco") == []
    assert [row["given_name"] for row in search("Rita", "lola")] == ["Lola"]
    assert [row["given_name"] for row in search("Marta", "banco")] == ["Lola"]
