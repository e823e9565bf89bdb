"""The start-up path (issue 17): `crmdesk [--db PATH] [--user NAME] [--passphrase-file FILE]`
opens the window without building every command's parser; anything else still gets the whole
command line, with the same answers."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk import cli


@pytest.mark.parametrize(("argv", "window"), [
    ([], True),
    (["--db", "x.db"], True),
    (["--db=x.db", "--user", "ana"], True),
    (["--passphrase-file", "p.txt", "--db", "b.db"], True),
    (["--db"], False),  # a usage error: the whole parser says so
    (["--db", "--user"], False),
    (["search", "pena"], False),
    (["--db", "x.db", "search"], False),
    (["--help"], False),
    (["--version"], False),
    (["--us", "ana"], False),  # an abbreviation: argparse's own rules apply
    (["x.db"], False),
])
def test_which_command_lines_only_open_the_window(argv: list[str], window: bool) -> None:
    assert cli._opens_the_window(argv) is window


@given(st.lists(st.sampled_from(["--db", "--user", "--passphrase-file", "x", "search",
                                 "--db=y", "-h", "--json"]), max_size=6))
def test_the_short_way_reads_what_the_whole_parser_reads(argv: list[str]) -> None:
    if not cli._opens_the_window(argv):
        return
    def parsed(parser: argparse.ArgumentParser) -> object:
        try:
            found = vars(parser.parse_args(argv))
            found.pop("command", None)  # the commands' slot: empty, and read by nothing
            return found
        except SystemExit as exc:  # the same refusal (a secret file that is not there)
            return exc.code

    assert parsed(cli._window_parser()) == parsed(cli.build_parser())


def test_the_window_opens_without_the_command_parsers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []

    def no_parser() -> argparse.ArgumentParser:
        raise AssertionError("every command's parser was built to open the window")

    monkeypatch.setattr(cli, "build_parser", no_parser)
    monkeypatch.setattr("crmdesk.app.run_gui", lambda path: opened.append(path) or 0)
    assert cli.main(["--db", str(tmp_path / "b.db")]) == 0
    assert opened == [tmp_path / "b.db"]


def test_other_command_lines_keep_their_answers(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("crmdesk ")
    assert cli.main(["--db"]) == 2
    assert "expected one argument" in capsys.readouterr().err


def test_the_window_shows_without_numpy_or_keyring(tmp_path: Path) -> None:
    """Two imports the window never waits for: keyring (~450 ms) before it shows, numpy
    (~200 ms, for figures and the name order, read later in workers) until the book's data
    is in it."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, CRMDESK_EXIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "cfg"), CRMDESK_NO_DEMO_OFFER="1")
    out = subprocess.run([sys.executable, "-m", "crmdesk", "--db", str(tmp_path / "b.db")],
                         env=env, capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[2]).stdout
    assert "shown_at=" in out, out
    assert "keyring_imported=False" in out and "numpy_imported_when_loaded=False" in out, out
