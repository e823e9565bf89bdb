"""Hostile command lines: whatever a script passes, crmdesk answers in one line with a known
exit code — never a traceback, never a hang, never an "internal error"."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmdesk import cli
from crmdesk.services import access, demo
from crmdesk.store.book import open_book
from crmdesk.store.db import close_database

ALLOWED = {0, 1, 2, cli.EXIT_NOT_ALLOWED}
SECRETS = ("CRMDESK_PASSPHRASE", "CRMDESK_NEW_PASSPHRASE", "CRMDESK_PASSWORD",
           "CRMDESK_NEW_PASSWORD", "CRMDESK_NEW_PIN", "CRMDESK_USER", "CRMDESK_DB")


class Hang(BaseException):
    """The command did not come back in time (a pipe opened, a prompt waiting...)."""


@pytest.fixture(scope="module")
def demo_book() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="crmdesk-fuzz-"))
    access.reset()
    open_book(folder / "demo.db")
    demo.build_demo(30, seed=5)
    close_database()
    shutil.copy(folder / "demo.db", folder / "accounts.db")
    open_book(folder / "accounts.db")  # the same book with staff accounts: all must sign in
    from crmdesk.services import staff

    access.set_password(staff.add("Eva", "manager"), "right password")
    access.set_password(staff.add("Rita", "receptionist"), "right password")
    access.reset()
    close_database()
    yield folder / "demo.db"
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def quiet_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SECRETS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: no prompt waits


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


COMMANDS = sorted(_commands())
OUTCOMES: dict[str, list[int]] = {}

HOSTILE_INTS = ["0", "-1", "1", "2", "3", str(2**63 - 1), str(2**63), str(2**70),
                str(-(2**70)), "99999999", "1e5", "1_000", "\u0663", "", " 7 ", "0x10"]
HOSTILE_DATES = ["0001-01-01", "9999-12-31", "2026-02-30", "1900-01-01", "2200-12-31",
                 "2026-10-05", "2026-10-05T10:30", "2026-10", "2026-Q3", "2026-Q5", "2026",
                 "0001-01", "9999", "yesterday"]
HOSTILE_TEXT = ["\x00", "\udcff", "a\udcffb", "\ud800", "x" * 5000, "Peña", "-", "--db",
                "'; DROP TABLE customer; --", "%s%n", "line\nbreak", "growth", "VIP",
                "knowledge", "Ana", "email", "\u202e", "12.50", "1,2,3"]
PATH_KINDS = ["book", "missing", "fifo", "folder", "loop", "devnull", "junk", "nul_secret",
              "secret", "bad_name", "export_json", "deep_json", "png_vcf", "new_out"]


def _places(folder: Path, demo_book: Path) -> dict[str, str]:
    book = folder / "book.db"
    shutil.copy(demo_book, book)
    shutil.copy(demo_book.with_name("accounts.db"), folder / "accounts.db")
    os.mkfifo(folder / "fifo")
    (folder / "folder").mkdir()
    os.symlink(folder / "loop-b", folder / "loop-a")
    os.symlink(folder / "loop-a", folder / "loop-b")
    (folder / "junk.csv").write_bytes(b"\xff\xfe\x00garbage\x00" * 50)
    (folder / "nul.txt").write_bytes(b"pass\x00word\n")
    (folder / "secret.txt").write_text("correct horse\n")
    (folder / "book.json").write_text('{"format": "crmdesk-book", "version": 1, '
                                      '"schema": 1, "tables": {"customer": 3}}')
    (folder / "deep.json").write_text('{"format": "crmdesk-book", "tables": '
                                      + "[" * 100_000 + "]" * 100_000 + "}")
    (folder / "photo.vcf").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    (folder / "people.vcf").write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ruiz;Eva;;;\r\n"
                                       "EMAIL:eva@example.es\r\nEND:VCARD\r\n")
    odd = os.fsdecode(b"\xff")  # a file name that is not UTF-8 (a lone surrogate here)
    shutil.copy(folder / "people.vcf", folder / f"people{odd}.vcf")
    shutil.copy(book, folder / f"backup{odd}.db")
    (folder / f"folder{odd}").mkdir()
    return {"odd_vcf": str(folder / f"people{odd}.vcf"),
            "odd_book": str(folder / f"backup{odd}.db"),
            "odd_out": str(folder / f"out{odd}.file"), "odd_folder": str(folder / f"folder{odd}"),
            "book": str(book), "accounts": str(folder / "accounts.db"),
            "missing": str(folder / "none" / "x.db"),
            "fifo": str(folder / "fifo"), "folder": str(folder / "folder"),
            "loop": str(folder / "loop-a"), "devnull": os.devnull,
            "junk": str(folder / "junk.csv"), "nul_secret": str(folder / "nul.txt"),
            "secret": str(folder / "secret.txt"), "bad_name": "\udcff\x00",
            "export_json": str(folder / "book.json"), "deep_json": str(folder / "deep.json"),
            "png_vcf": str(folder / "photo.vcf"), "vcf": str(folder / "people.vcf"),
            "new_out": str(folder / "out.file")}


def _sane(action: argparse.Action, places: dict[str, str]) -> list[str]:
    """Values a careful script would pass for this argument."""
    from crmdesk import cli_args as ca

    if action.choices:
        return sorted(map(str, action.choices))
    by_type: dict[object, list[str]] = {
        ca.record_id: ["1", "2", "30"], ca.days: ["0", "7", "90"], ca.limit: ["1", "5"],
        ca.jobs: ["1", "2"], ca.customers: ["1", "3"], ca.seed: ["1", "7"],
        ca.points: ["5", "-5", "100"], ca.day: ["2026-01-15", "2025-12-31"],
        ca.due: ["2026-12-01", "2026-12-01T10:30"], ca.period: ["2026", "2026-Q3", "2026-10"],
        ca.book: [places["book"]], ca.secret_file: [places["secret"]],
        ca.in_file: [places["export_json"], places["junk"], places["book"], places["odd_book"]],
        ca.path: [places["export_json"], places["junk"], places["png_vcf"],
                  places["deep_json"], places["vcf"], places["odd_vcf"]],
        ca.out_file: [places["new_out"], places["odd_out"]],
        ca.out_place: [places["new_out"], places["folder"], places["odd_out"],
                       places["odd_folder"]],
    }
    if action.type in by_type:
        return by_type[action.type]
    by_dest = {"amount": ["12.50", "1.234,50", "7"], "channel": ["phone", "email"],
               "to": ["growth", "Retention"], "stage": ["growth", "knowledge"],
               "segment": ["VIP", "Standard"], "currency": ["EUR", "USD"],
               "region": ["US", "ES"], "query": ["ana", "Peña", "5551"]}
    return by_dest.get(action.dest, ["Ana", "hello", "Peña"])


def _value(draw: Any, action: argparse.Action, places: dict[str, str]) -> str:
    if draw(st.integers(0, 3)):  # mostly what a script would pass, sometimes hostile
        return str(draw(st.sampled_from(_sane(action, places))))
    pool = st.sampled_from(HOSTILE_INTS + HOSTILE_DATES + HOSTILE_TEXT)
    if action.type is not None and getattr(action.type, "__module__", "") == "crmdesk.cli_args" \
            and action.type.__name__ in ("book", "in_file", "secret_file", "out_file",
                                         "out_place", "path"):
        pool = st.one_of(st.sampled_from(PATH_KINDS).map(places.__getitem__), pool)
    return str(draw(pool))


@st.composite
def command_lines(draw: Any, command: str, places: dict[str, str]) -> list[str]:
    sub = _commands()[command]
    argv = [command]
    for action in sub._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if not action.option_strings:  # positional
            count = 1 if action.nargs in (None, "?") else draw(st.integers(0, 3))
            argv += [_value(draw, action, places) for _ in range(count)]
            continue
        if not (action.required or draw(st.booleans())):
            continue
        flag = action.option_strings[-1]
        if action.nargs == 0:
            argv.append(flag)
        else:
            argv += [flag, _value(draw, action, places)]
    if "--db" not in argv or draw(st.booleans()):
        argv += ["--db", places[draw(st.sampled_from(["book", "accounts"]))]]
    if draw(st.booleans()):
        argv += ["--user", draw(st.sampled_from(["Eva", "Rita", "nobody", "\udcff", ""]))]
    return argv


ENVIRONMENTS = st.fixed_dictionaries({
    "CRMDESK_USER": st.sampled_from([None, "Eva", "Rita", "nobody", "\udcff"]),
    "CRMDESK_PASSWORD": st.sampled_from([None, "right password", "wrong", "", "\udcff"]),
    "CRMDESK_PASSPHRASE": st.sampled_from([None, "pw", "\udcff"]),
    "CRMDESK_NEW_PASSWORD": st.sampled_from([None, "new secret", "\udcff"]),
    "CRMDESK_NEW_PIN": st.sampled_from([None, "1234", "12", "\udcff"]),
})


def _run(argv: list[str], seconds: float = 20) -> tuple[int, str, str]:
    def timeout(signum: int, frame: object) -> None:
        raise Hang(" ".join(map(repr, argv)))

    out, err = io.StringIO(), io.StringIO()
    old = signal.signal(signal.SIGALRM, timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(argv)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        close_database()
        access.reset()
    return code, out.getvalue(), err.getvalue()


def _check(argv: list[str], code: int, err: str) -> None:
    assert "Traceback" not in err, (argv, err)
    assert "internal error" not in err, (argv, err)
    assert code in ALLOWED, (argv, code, err)
    if code == 2:  # a usage error is exactly one line
        assert err.count("\n") == 1 and err.startswith("crmdesk"), (argv, err)
    if code != 0:
        assert err.strip(), (argv, "failed silently")


@pytest.mark.parametrize("command", COMMANDS)
@settings(max_examples=16, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_arguments_never_crash_or_hang(command: str, data: st.DataObject,
                                               demo_book: Path, quiet_env: None,
                                               tmp_path_factory: pytest.TempPathFactory
                                               ) -> None:
    folder = tmp_path_factory.mktemp("ex")
    places = _places(folder, demo_book)
    os.environ["CRMDESK_DB"] = places["book"]  # never the user's own book
    here = os.getcwd()
    os.chdir(folder)  # relative --out names land in the example's folder
    try:
        argv = data.draw(command_lines(command, places))
        for name, value in data.draw(ENVIRONMENTS).items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        code, _, err = _run(argv)
        _check(argv, code, err)
        OUTCOMES.setdefault(command, []).append(code)
    finally:
        os.chdir(here)
        for name in SECRETS:
            os.environ.pop(name, None)
        shutil.rmtree(folder, ignore_errors=True)


TESTER_CASES = [
    ["stage", "--customer", str(2**70), "--to", "growth"],
    ["log", "--customer", str(2**70), "--channel", "phone", "--direction", "in", "--note",
     "x"],
    ["purchase", "--customer", str(2**70), "--amount", "12"],
    ["merge", "--keep", str(2**70), "--other", "1"],
    ["audit", "list", "--customer", str(2**70)],
    ["privacy", "export", "--customer", str(2**70), "--out", "FOLDER"],
    ["funnel", "--to", "9999-12-31"],
    ["funnel", "--from", "0001-01-01"],
    ["agenda", "--days", "99999999"],
    ["statement", "--customer", "1", "--period", "0001-01", "--out", "FOLDER"],
    ["purchase", "--customer", "1", "--amount", "5", "--date", "0001-01-01"],
    ["search", "--limit", str(2**70)],
    ["search", "\udcff"],
    ["add", "--given", "A\udcff", "--family", "B"],
    ["log", "--customer", "1", "--channel", "phone", "--direction", "in", "--note", "\udcff"],
    ["check", "--db", "FIFO"],
    ["check", "--db", "LOOP"],
    ["check", "--db", "FOLDER"],
    ["import", "FIFO"],
    ["import", "LOOP"],
    ["import", "DEEP"],
    ["import", "PNG"],
    ["check", "--passphrase-file", "NUL"],
    ["check", "--passphrase-file", "FIFO"],
    ["export", "--format", "csv", "--out", "FIFO"],
    ["agenda", "--ics", "FIFO"],
]


def _fill(argv: list[str], places: dict[str, str]) -> list[str]:
    names = {"FIFO": "fifo", "LOOP": "loop", "FOLDER": "folder", "DEEP": "deep_json",
             "PNG": "png_vcf", "NUL": "nul_secret"}
    return [places[names[a]] if a in names else a for a in argv]


@pytest.mark.parametrize("argv", TESTER_CASES, ids=lambda a: " ".join(a)[:50])
def test_the_testers_cases_in_process(argv: list[str], demo_book: Path, quiet_env: None,
                                      tmp_path: Path) -> None:
    places = _places(tmp_path, demo_book)
    full = [*_fill(argv, places), "--db", places["book"]] if "--db" not in argv \
        else _fill(argv, places)
    monkeypatch_cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        code, _, err = _run(full, seconds=10)
    finally:
        os.chdir(monkeypatch_cwd)
    _check(full, code, err)
    assert code != 0 and err.count("\n") == 1, (full, err)


def _entry_point() -> Path:
    found = Path(sys.executable).with_name("crmdesk")
    if not found.exists():
        pytest.skip("the crmdesk entry point is not installed beside this python")
    return found


@pytest.mark.parametrize("argv", [
    [b"stage", b"--customer", str(2**70).encode(), b"--to", b"growth"],
    [b"search", b"\xff"],
    [b"add", b"--given", b"\xff", b"--family", b"X"],
    [b"funnel", b"--to", b"9999-12-31"],
    [b"agenda", b"--days", b"99999999"],
    [b"statement", b"--customer", b"1", b"--period", b"0001-01", b"--out", b"s.pdf"],
    [b"check", b"--db", b"FIFO"],
    [b"import", b"FIFO"],
    [b"check", b"--db", b"LOOP"],
], ids=lambda a: b" ".join(a)[:40].decode("utf-8", "replace"))
def test_the_testers_cases_through_the_real_entry_point(argv: list[bytes], demo_book: Path,
                                                        tmp_path: Path) -> None:
    places = _places(tmp_path, demo_book)
    names = {b"FIFO": "fifo", b"LOOP": "loop"}
    args = [places[names[a]].encode() if a in names else a for a in argv]
    if b"--db" not in args:
        args += [b"--db", places["book"].encode()]
    env = {k: v for k, v in os.environ.items() if k not in SECRETS}
    done = subprocess.run([str(_entry_point()), *args], capture_output=True, timeout=60,
                          stdin=subprocess.DEVNULL, env=env, cwd=tmp_path)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode in (1, 2), (args, done.returncode, err)
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("crmdesk"), err


def test_a_surrogate_file_name_is_printed_as_its_bytes(demo_book: Path, tmp_path: Path) -> None:
    places = _places(tmp_path, demo_book)
    env = {k: v for k, v in os.environ.items() if k not in SECRETS}
    out = tmp_path / os.fsdecode(b"stat\xff.pdf")
    done = subprocess.run([str(_entry_point()), "statement", "--db", places["book"],
                           "--customer", "1", "--period", "2026", "--out", os.fsencode(out)],
                          capture_output=True, timeout=60, stdin=subprocess.DEVNULL, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == os.fsencode(out) and out.exists()


def test_passphrase_files_pipes_and_nul_bytes(tmp_path: Path) -> None:
    from crmdesk import cli_args

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ValueError, match="empty"):  # nobody writing: at once, not a hang
        cli_args.read_secret(str(fifo))
    r, w = os.pipe()  # what `--passphrase-file <(pass show book)` hands over
    try:
        with pytest.raises(ValueError, match="nothing was written"):
            cli_args.read_secret(f"/dev/fd/{r}", timeout=0.2)
        os.write(w, b"secret words\nsecond line\n")
        assert cli_args.read_secret(f"/dev/fd/{r}") == "secret words"
    finally:
        os.close(r)
        os.close(w)
    (tmp_path / "file").write_text("pw\r\n")
    assert cli_args.read_secret(str(tmp_path / "file")) == "pw"
    (tmp_path / "nul").write_bytes(b"p\x00w")
    with pytest.raises(ValueError, match="NUL"):
        cli_args.read_secret(str(tmp_path / "nul"))


def test_an_unexpected_error_is_one_line_with_exit_code_70(
        demo_book: Path, quiet_env: None, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(args: argparse.Namespace) -> int:
        raise KeyError("a bug\nacross lines")

    monkeypatch.setattr(cli, "cmd_check", broken)
    code, out, err = _run(["check", "--db", str(tmp_path / "x.db")])
    assert code == cli.EXIT_INTERNAL == 70 and out == ""
    assert err.startswith("crmdesk: internal error: KeyError") and err.count("\n") == 1


def test_secrets_in_the_environment_must_be_text(quiet_env: None, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRMDESK_PASSWORD", "s\udcffcret")
    code, _, err = _run(["check", "--db", str(tmp_path / "x.db")])
    assert code == 2 and err == "crmdesk: $CRMDESK_PASSWORD is not valid UTF-8 text " \
                                "(byte 0xFF)\n"
    assert "cret" not in err


@pytest.mark.parametrize("argv", [
    ["export", "--format", "vcf", "--out", "ODD_OUT"],
    ["export", "--format", "json", "--out", "ODD_OUT"],
    ["backup", "--to", "ODD_OUT"],
    ["restore", "ODD_BOOK"],
    ["import", "ODD_VCF"],
    ["import", "--json", "ODD_VCF"],
    ["agenda", "--ics", "ODD_OUT"],
    ["privacy", "export", "--customer", "1", "--out", "ODD_FOLDER"],
    ["statement", "--customer", "1", "--period", "2026", "--out", "ODD_OUT"],
])
def test_file_names_that_are_not_utf8_work(argv: list[str], demo_book: Path, quiet_env: None,
                                          tmp_path: Path) -> None:
    """Bytes that are not UTF-8 in a file name are a real file name: the command works, and
    what it records (audit trail, import batch) is text SQLite can store."""
    places = _places(tmp_path, demo_book)
    names = {"ODD_OUT": "odd_out", "ODD_BOOK": "odd_book", "ODD_VCF": "odd_vcf",
             "ODD_FOLDER": "odd_folder"}
    full = [places[names[a]] if a in names else a for a in argv] + ["--db", places["book"]]
    code, out, err = _run(full)
    assert code == 0, err
    _check(full, code, err)
