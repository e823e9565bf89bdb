"""Files with client data: created 0600 from their first byte (the `.part` too), and an --out
that is a device, a pipe or a folder is refused, never replaced."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from crmdesk.services import exporting
from crmdesk.store.db import close_database
from tests.conftest import add


@pytest.fixture
def umask022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _parts(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".part")]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _watch(folder: Path, seen: list[int]) -> exporting.Progress:
    def progress(done: int, total: int) -> bool:
        seen.extend(_mode(p) for p in _parts(folder))
        return True
    return progress


def test_list_and_book_exports_are_0600_from_the_first_byte(book: object, tmp_path: Path,
                                                            umask022: None) -> None:
    cid = add("Lola", "Peña", emails=("lola@example.com",), notes="private words")
    out = tmp_path / "out"
    out.mkdir()
    for name, writer in (("list.vcf", exporting.export_vcards),
                         ("list.csv", exporting.export_csv)):
        seen: list[int] = []
        writer([cid] * 500, out / name, _watch(out, seen))  # progress runs mid-write
        assert seen and set(seen) == {0o600}, name
        assert _mode(out / name) == 0o600, name
    seen = []
    exporting.export_book(out / "book.json", _watch(out, seen))
    assert seen and set(seen) == {0o600}
    assert _mode(out / "book.json") == 0o600
    assert not _parts(out)


def test_calendar_statement_and_privacy_files_are_0600(book: object, tmp_path: Path,
                                                       umask022: None) -> None:
    from crmdesk.reports import statement_batch
    from crmdesk.services import agenda, calendar_export, loyalty_ledger, periods, privacy

    cid = add("Lola", "Peña", emails=("lola@example.com",))
    loyalty_ledger.record_purchase(cid, 12_50)
    out = tmp_path / "out"
    out.mkdir()
    now = dt.datetime.now(dt.UTC)
    calendar_export.write_ics(agenda.open_follow_ups(now, now), out / "f.ics", "book")
    assert _mode(out / "f.ics") == 0o600
    period = periods.parse_period(f"{dt.date.today():%Y}")
    statement_batch.write_one(cid, period, out / "one.pdf")
    assert _mode(out / "one.pdf") == 0o600
    seen: list[int] = []
    statement_batch.write_combined([cid, cid], period, out / "all.pdf",
                                   _watch(out, seen))
    assert seen and set(seen) == {0o600}
    assert _mode(out / "all.pdf") == 0o600
    for path in privacy.write_pack(cid, out / "pack"):
        assert _mode(path) == 0o600
    assert _mode(out / "pack") == 0o700  # its file names name the client
    for path in statement_batch.write_each([cid], period, out / "many"):
        assert _mode(path) == 0o600
    assert _mode(out / "many") == 0o700
    assert not _parts(out)


def test_a_part_file_is_0600_even_while_a_path_writer_fills_it(tmp_path: Path,
                                                               umask022: None) -> None:
    """Renderers (ReportLab) open the .part by name: it already exists, 0600, empty."""
    target = tmp_path / "x.pdf"
    with exporting.atomic_file(target) as part:
        assert part.exists() and _mode(part) == 0o600 and part.stat().st_size == 0
        part.write_bytes(b"data")  # opened by name with the default 0666 & ~umask
        assert _mode(part) == 0o600
    assert target.read_bytes() == b"data" and _mode(target) == 0o600


def _special_files(tmp_path: Path) -> list[Path]:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    found = [fifo, folder]
    with contextlib.suppress(PermissionError):  # a copy of /dev/full where we may make one
        os.mknod(tmp_path / "full", 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        found.append(tmp_path / "full")
    return found


def _kind(path: Path) -> tuple[int, int]:
    st = path.stat()
    return stat.S_IFMT(st.st_mode), st.st_rdev


def test_atomic_file_refuses_a_target_that_is_not_a_regular_file(tmp_path: Path) -> None:
    for target in _special_files(tmp_path):
        before = _kind(target)
        with pytest.raises(exporting.OutputRefused) as caught, \
                exporting.atomic_file(target) as part:
            part.write_bytes(b"client data")
        assert _kind(target) == before
        assert str(target) in str(caught.value) and "\n" not in str(caught.value)
        assert not _parts(tmp_path)


def test_cli_exports_to_devices_pipes_and_folders_are_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from crmdesk.cli import main

    db = str(tmp_path / "b.db")
    assert main(["add", "--db", db, "--given", "Ana", "--family", "X"]) == 0
    close_database()
    targets = _special_files(tmp_path)
    for target in targets:
        before = _kind(target)
        for argv in (["export", "--format", "csv", "--out", str(target)],
                     ["export", "--format", "json", "--out", str(target)],
                     ["agenda", "--ics", str(target)],
                     ["statement", "--customer", "1", "--period", "2026", "--out",
                      str(target)]):
            if target.is_dir() and argv[0] == "statement":
                continue  # a folder is where the statement goes, by its name
            capsys.readouterr()
            code = main([*argv, "--db", db])
            close_database()
            err = capsys.readouterr().err
            assert code in (1, 2), argv  # 2: refused as the command line is read
            assert err.count("\n") == 1 and "Traceback" not in err, err
            assert _kind(target) == before, argv
    assert not _parts(tmp_path)


@pytest.mark.parametrize("device", ["/dev/full", "/dev/null"])
def test_real_devices_stay_devices(tmp_path: Path, device: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    from crmdesk.cli import main

    if not Path(device).exists():
        pytest.skip(f"{device} does not exist on this system (the test writes to that device)")
    db = str(tmp_path / "b.db")
    assert main(["add", "--db", db, "--given", "Ana", "--family", "X"]) == 0
    close_database()
    before = _kind(Path(device))
    assert main(["export", "--db", db, "--format", "vcf", "--out", device]) == 2
    close_database()
    assert main(["agenda", "--db", db, "--ics", device]) == 2
    close_database()
    assert _kind(Path(device)) == before
    assert stat.S_ISCHR(Path(device).stat().st_mode)
    assert not Path(device).with_name(f".{Path(device).name}.part").exists()
    assert "not a regular file" in capsys.readouterr().err
