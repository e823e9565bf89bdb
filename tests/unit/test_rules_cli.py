"""The rules of the services seen through the command line (crmdesk.cli.main in-process)."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_cli_records_only_under_ones_own_name(
        office: str, capsys: pytest.CaptureFixture[str],  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    from crmdesk.cli import EXIT_NOT_ALLOWED
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database, db

    def rita(*args: str) -> tuple[int, str, str]:
        return run(capsys, monkeypatch, "--user", "Rita", *args, "--db", office,
                   password="rita-secret-1")

    for args in (("stage", "--customer", "2", "--to", "growth", "--staff", "Eva"),
                 ("purchase", "--customer", "2", "--amount", "10", "--staff", "Eva"),
                 ("log", "--customer", "2", "--channel", "phone", "--direction", "in",
                  "--note", "x", "--staff", "Eva")):
        code, _, err = rita(*args)
        assert code == EXIT_NOT_ALLOWED and "only under their own name" in err, (args, err)
    code, _, err = rita("stage", "--customer", "2", "--to", "growth")
    assert code == 0, err
    open_book(Path(office))
    rows = db.execute_sql("SELECT s.name FROM stage_change c JOIN staff s ON s.id = c.staff_id"
                          ).fetchall()
    assert rows == [("Rita",)]
    assert db.execute_sql("SELECT count(*) FROM purchase").fetchone()[0] == 0
    close_database()
