"""The vCard reader's fast paths (no backslash in the value) give exactly what the
character-by-character reading gives, for any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crmdesk.services.importing import vcard_reader

TEXT = st.text(alphabet=st.sampled_from(list("ab;,\\nN \n:é김")), max_size=40) | st.text()


def _reference_unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _reference_split(value: str, sep: str) -> list[str]:
    parts, buf, escaped = [], [], False
    for ch in value:
        if escaped:
            buf.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == sep:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf) + ("\\" if escaped else ""))
    return parts


@given(TEXT)
def test_unescape_is_the_reference(value: str) -> None:
    assert vcard_reader.unescape(value) == _reference_unescape(value)


@given(TEXT, st.sampled_from([";", ","]))
def test_split_is_the_reference(value: str, sep: str) -> None:
    assert vcard_reader._split(value, sep) == _reference_split(value, sep)


def test_examples() -> None:
    assert vcard_reader.unescape(r"Line\nTwo\, three\\n end\\") == "Line\nTwo, three\\n end\\"
    assert vcard_reader._split(r"a\;b;c", ";") == [r"a\;b", "c"]
