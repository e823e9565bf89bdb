"""Reading limits of an import: a card or row over 5 MB is reported as rejected with where it
is (nothing else lost, nothing invented); huge, binary or piped input is one clear line,
quickly, before anything is parsed."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from crmdesk.services.importing import contact_import, files
from crmdesk.services.importing.contact import MAX_CARD
from crmdesk.store.db import close_database

BIG = "x" * (MAX_CARD + 1000)


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text("Given Name,Family Name,Notes\n"
                    "Ana,Uno,n\n"
                    f"Ben,Dos,{BIG}\n"
                    'Cid,Tres,"two\nlines"\n'
                    f'Dan,Cuatro,"{BIG}\nEvil,Row"\n'
                    "Eva,Cinco,x\n", encoding="utf-8")
    return path


def _vcf(tmp_path: Path) -> Path:
    path = tmp_path / "people.vcf"
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:{};{};;;\r\n{}END:VCARD\r\n"
    path.write_text(card.format("Uno", "Ana", "") + card.format("Dos", "Ben",
                                                                f"NOTE:{BIG}\r\n")
                    + card.format("Tres", "Cid", ""), encoding="utf-8")
    return path


def _kinds(path: Path) -> list[tuple[str, str, str]]:
    read = files.read_path(path)
    plan = contact_import.plan(read.contacts, path.name, "US")
    return [(r.contact.source, r.kind, r.reason) for r in plan.rows]


def test_an_oversized_csv_row_is_rejected_with_its_row_and_line(book: object,
                                                                tmp_path: Path) -> None:
    rows = _kinds(_csv(tmp_path))
    assert [(s, k) for s, k, _ in rows] == [
        ("row 2", "new"), ("row 3", "rejected"), ("row 4", "new"), ("row 5", "rejected"),
        ("row 6", "new")]
    assert "5 MB" in rows[1][2] and "line 3" in rows[1][2]
    assert "5 MB" in rows[3][2] and "line 6" in rows[3][2]  # after the two-line row


def test_an_oversized_card_is_rejected_with_its_line(book: object, tmp_path: Path) -> None:
    rows = _kinds(_vcf(tmp_path))
    assert [k for _, k, _ in rows] == ["new", "rejected", "new"]
    assert "line 5" in rows[1][0] and "5 MB" in rows[1][2]


def test_cli_reports_oversized_rows_as_rejected(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from crmdesk.cli import main

    db = str(tmp_path / "b.db")
    code = main(["import", "--db", db, str(_csv(tmp_path)), "--json"])
    close_database()
    report = json.loads(capsys.readouterr().out)["files"][0]
    assert code == 0 and (report["new"], report["rejected"]) == (3, 2)
    assert [r["source"] for r in report["rows"] if r["kind"] == "rejected"] == ["row 3",
                                                                               "row 5"]
    code = main(["import", "--db", db, str(_vcf(tmp_path)), "--dry-run"])
    close_database()
    out = capsys.readouterr().out
    assert "1 rejected" in out and "card 2 (line 5)" in out and "5 MB" in out


@pytest.mark.parametrize(("head", "what"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"PK\x03\x04\x14\x00", "ZIP"),
    (b"%PDF-1.7\n", "PDF"),
    (b"SQLite format 3\x00", "database"),
    (b"\x00\x01\x02garbage\x00", "binary"),
])
def test_binary_files_are_one_clear_line(tmp_path: Path, head: bytes, what: str) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_bytes(head + os.urandom(5000))
    with pytest.raises(files.UnreadableFile) as caught:
        files.read_path(path)
    assert what in str(caught.value) and "\n" not in str(caught.value)


def test_huge_files_are_refused_quickly(tmp_path: Path) -> None:
    sparse = tmp_path / "huge.csv"
    with sparse.open("wb") as fh:  # 200 MB of nothing, written in no time
        fh.truncate(200_000_000)
    too_big = tmp_path / "too-big.vcf"
    with too_big.open("wb") as fh:
        fh.write(b"BEGIN:VCARD\r\n")
        fh.truncate(files.MAX_FILE + 1)
    junk = tmp_path / "log.vcf"  # text, but no card in it: refused from its head
    with junk.open("wb") as fh:
        fh.write(b"just some log line\n" * 3_000_000)
    started = time.perf_counter()
    for path, words in ((sparse, "binary"), (too_big, "too large"), (junk, "no vCard")):
        with pytest.raises(files.UnreadableFile) as caught:
            files.read_path(path)
        assert words in str(caught.value), str(caught.value)
    assert time.perf_counter() - started < 2.0


def test_a_csv_whose_header_means_nothing_is_refused_before_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    with path.open("wb") as fh:
        fh.write(b"a,b,c\n" + b"1,2,3\n" * 5_000_000)  # 30 MB of rows that map to nothing
    started = time.perf_counter()
    with pytest.raises(files.UnreadableFile, match="none of the columns"):
        files.read_path(path)
    assert time.perf_counter() - started < 2.0


def test_a_pipe_or_a_folder_is_never_opened_for_import(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.vcf"
    os.mkfifo(fifo)
    for path, words in ((fifo, "a pipe"), (tmp_path, "a folder")):
        with pytest.raises(files.UnreadableFile, match=words):
            files.read_path(path)


def test_more_contacts_than_a_file_may_hold_is_one_line_before_planning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_CONTACTS", 1_000)
    rows = tmp_path / "many.csv"
    rows.write_text("Given Name,Family Name,E-mail\n"
                    + "Ana,Perez,ana@example.com\n" * 1_001, encoding="utf-8")
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Perez;Ana;;;\r\nEND:VCARD\r\n"
    cards = tmp_path / "many.vcf"
    cards.write_text(card * 1_001, encoding="utf-8")
    for path, what in ((rows, "rows"), (cards, "cards")):
        with pytest.raises(files.UnreadableFile, match=f"more than 1,000 {what}"):
            files.read_path(path)
    rows.write_text("Given Name,Family Name,E-mail\n"
                    + "Ana,Perez,ana@example.com\n" * 1_000, encoding="utf-8")
    cards.write_text(card * 1_000, encoding="utf-8")
    assert len(files.read_path(rows).contacts) == len(files.read_path(cards).contacts) == 1_000
