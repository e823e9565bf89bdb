"""The encoding is decided per card (vCard) and per line (CSV): one bad byte changes nothing
else, and the report says which card or line it was."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.services.importing import files, text_encoding


def card(given_name: str, family: str) -> bytes:
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{family};{given_name};;;\r\n"
            f"FN:{given_name} {family}\r\nEND:VCARD\r\n").encode()


def write(tmp_path: Path, name: str, raw: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def names(path: Path) -> list[tuple[str, str]]:
    return [(c.data.given_name, c.data.family_name) for c in files.read_path(path).contacts]


def test_a_card_folded_inside_a_utf8_character_leaves_the_others_alone(tmp_path: Path) -> None:
    broken = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Schneider" + b"\xc3\r\n \xb6"
              + b";Ute;;;\r\nEND:VCARD\r\n")
    path = write(tmp_path, "c.vcf", card("José", "Peña") + broken + card("Zoë", "Ångström"))
    read = files.read_path(path)
    assert names(path) == [("José", "Peña"), ("Ute", "Schneiderö"), ("Zoë", "Ångström")]
    assert read.contacts[1].warnings[0].startswith("folded inside a character")
    assert read.contacts[0].warnings == [] and read.notes == []


def test_a_windows_1252_card_among_utf8_ones_is_named(tmp_path: Path) -> None:
    latin = card("Ute", "Schneider").replace(b"Schneider", "Schneiderö".encode("cp1252"))
    path = write(tmp_path, "c.vcf", card("José", "Peña") + latin + card("Zoë", "Ångström"))
    read = files.read_path(path)
    assert names(path) == [("José", "Peña"), ("Ute", "Schneiderö"), ("Zoë", "Ångström")]
    assert "not UTF-8: read as Windows-1252" in read.contacts[1].warnings[0]
    assert read.contacts[2].warnings == []


def test_a_file_all_in_windows_1252_is_read_as_such(tmp_path: Path) -> None:
    raw = (card("José", "Peña") + card("Zoë", "Müller")).decode().encode("cp1252")
    read = files.read_path(write(tmp_path, "c.vcf", raw))
    assert [c.data.family_name for c in read.contacts] == ["Peña", "Müller"]
    assert read.notes == ["read as cp1252"] and read.contacts[0].warnings == []


def test_utf16_vcards_with_and_without_bom(tmp_path: Path) -> None:
    text = (card("José", "Peña") + card("Zoë", "Müller")).decode()
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        path = write(tmp_path, f"{codec}.vcf", text.encode(codec))
        assert names(path) == [("José", "Peña"), ("Zoë", "Müller")], codec
        assert files.read_path(path).notes[0].startswith("read as utf-16")


def test_csv_one_bad_line_keeps_the_other_lines_utf8(tmp_path: Path) -> None:
    raw = ("First Name,Last Name,Email\nJosé,Peña,jose@example.com\n".encode()
           + "Ute,Schneiderö,ute@example.com\n".encode("cp1252")
           + "Zoë,Ångström,zoe@example.com\n".encode())
    read = files.read_path(write(tmp_path, "c.csv", raw))
    assert [c.data.family_name for c in read.contacts] == ["Peña", "Schneiderö", "Ångström"]
    assert any("line 3 not UTF-8" in n for n in read.notes)


def test_utf16_csv_without_bom(tmp_path: Path) -> None:
    raw = "First Name,Last Name,E-mail Address\nZoë,Müller,z@example.com\n".encode("utf-16-le")
    read = files.read_path(write(tmp_path, "c.csv", raw))
    assert [(c.data.given_name, c.data.family_name) for c in read.contacts] == [("Zoë", "Müller")]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400), st.integers(0, 3))
def test_decoding_never_raises(junk: bytes, where: int) -> None:
    raw = card("A", "B") * where + junk + card("C", "D")
    text, _encoding, odd = text_encoding.decode_vcards(raw)
    assert isinstance(text, str) and all(isinstance(k, int) for k in odd)
    text_encoding.decode_lines(junk)
