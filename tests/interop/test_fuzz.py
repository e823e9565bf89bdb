"""Whatever a contact file holds, reading it gives contacts or one clear refusal, never a
traceback: random bytes, random CSV cells under known and unknown headers, random vCard
properties, random encodings."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.services.importing import csv_reader, files, mappings
from crmdesk.services.importing.layouts import aliases

HEADERS = st.sampled_from(sorted(aliases())[:400] + ["Section 1 - Email", "E-mail 2 - Value",
                                                     "Relation 1 - Label", "Column", ""])
CELL = st.text(max_size=30)
PROPS = st.sampled_from(["N", "FN", "ORG", "KIND", "X-ABSHOWAS", "TEL;TYPE=work", "EMAIL",
                         "ADR;TYPE=postal", "RELATED;TYPE=spouse", "ANNIVERSARY", "URL",
                         "IMPP", "X-ABRELATEDNAMES", "item1.X-ABLabel", "item1.TEL", "PHOTO",
                         "NICKNAME", "BDAY", "X-CRMDESK-LIFE-SITUATION", "X-FOO"])


def _read(raw: bytes, name: str) -> None:
    try:
        read = files.read_bytes(raw, Path(name))
    except files.UnreadableFile as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for contact in read.contacts:
        assert contact.error or contact.data.given_name or contact.data.family_name


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(["a.csv", "a.vcf"]))
def test_random_bytes(raw: bytes, name: str) -> None:
    _read(raw, name)


@settings(max_examples=150, deadline=None)
@given(st.lists(HEADERS, min_size=1, max_size=8),
       st.lists(st.lists(CELL, max_size=9), max_size=5),
       st.sampled_from(["utf-8", "cp1252", "utf-16", "utf-16-le"]), st.integers(0, 3))
def test_random_csv(headers: list[str], rows: list[list[str]], codec: str,
                    notes: int) -> None:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    for _ in range(notes):
        writer.writerow(["Notes: exported by some program"])
    writer.writerow(headers)
    writer.writerows(rows)
    _read(out.getvalue().encode(codec, errors="replace"), "a.csv")
    csv_reader.guess_from_values(rows, max((len(r) for r in rows), default=0))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(PROPS, CELL), max_size=12), st.sampled_from(["utf-8", "cp1252"]))
def test_random_vcard(props: list[tuple[str, str]], codec: str) -> None:
    body = "".join(f"{p}:{v.replace(chr(13), ' ').replace(chr(10), ' ')}\r\n" for p, v in props)
    raw = f"BEGIN:VCARD\r\nVERSION:3.0\r\n{body}END:VCARD\r\n".encode(codec, errors="replace")
    _read(raw, "a.vcf")


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(max_size=20), st.text(max_size=20), max_size=5))
def test_saved_mapping_with_random_columns(columns: dict[str, str]) -> None:
    for target in columns.values():
        with contextlib.suppress(ValueError):
            assert isinstance(mappings.target_for(target), str)
