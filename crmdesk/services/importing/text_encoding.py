"""The text of a contact file, its encoding decided piece by piece.

One bad byte must not change how the rest of the file is read: a CSV is decoded line by line
and a vCard card by card (UTF-8, else Windows-1252 for that line or card only, and the
report says which). A vCard folded in the middle of a UTF-8 character (some exporters fold
at 75 bytes, not characters) is unfolded before it is decoded. UTF-16 is recognised with or
without its byte order mark.
"""

from __future__ import annotations

import re

_FOLD = re.compile(rb"\r?\n[ \t]")


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' for text whose every other byte is NUL (ASCII written in
    UTF-16), else None."""
    sample = head[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def unicode_text(raw: bytes) -> tuple[str, str] | None:
    """The text of a file with a byte order mark or in BOM-less UTF-16, else None."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    kind = utf16_without_bom(raw)
    if kind:
        return raw.decode(kind, errors="replace"), kind
    return None


def decode_lines(raw: bytes) -> tuple[str, str, list[int]]:
    """Text, encoding ('utf-8', 'cp1252', 'utf-16'…) and the numbers of the lines read as
    Windows-1252 in a file that is otherwise UTF-8."""
    known = unicode_text(raw)
    if known is not None:
        return known[0], known[1], []
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    lines = raw.split(b"\n")
    out: list[str] = []
    bad: list[int] = []
    utf8_lines = 0
    for number, line in enumerate(lines, 1):
        try:
            out.append(line.decode("utf-8"))
            if not line.isascii():
                utf8_lines += 1
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
            bad.append(number)
    if not utf8_lines:  # nothing in the file is UTF-8 beyond ASCII: it is all Windows-1252
        return "\n".join(out), "cp1252", []
    return "\n".join(out), "utf-8", bad


def decode_card(chunk: bytes) -> tuple[str, str]:
    """The text of one vCard and how it was read: 'utf-8', 'utf-8 (unfolded)' or 'cp1252'.
    The unfolded text keeps its line count (blank lines at the end)."""
    try:
        return chunk.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    folds = len(_FOLD.findall(chunk))
    if folds:
        try:
            text = _FOLD.sub(b"", chunk).decode("utf-8")
            return text + "\n" * folds, "utf-8 (unfolded)"
        except UnicodeDecodeError:
            pass
    return chunk.decode("cp1252", errors="replace"), "cp1252"


def decode_vcards(raw: bytes) -> tuple[str, str, dict[int, str]]:
    """Text of a vCard file, its encoding, and for each card (0-based, in file order) that
    was not plain UTF-8 how it was read."""
    known = unicode_text(raw)
    if known is not None:
        return known[0], known[1], {}
    try:
        return raw.decode("utf-8"), "utf-8", {}
    except UnicodeDecodeError:
        pass
    pieces: list[str] = []
    odd: dict[int, str] = {}
    depth, card, start = 0, 0, 0
    lines = raw.splitlines(keepends=True)
    position = 0
    outside_start = 0
    for line in lines:
        upper = line.strip().upper()
        if upper == b"BEGIN:VCARD":
            if depth == 0:
                pieces.append(raw[outside_start:position].decode("utf-8", errors="replace"))
                start = position
            depth += 1
        elif upper == b"END:VCARD" and depth:
            depth -= 1
            if depth == 0:
                text, how = decode_card(raw[start:position + len(line)])
                pieces.append(text)
                if how != "utf-8":
                    odd[card] = how
                card += 1
                outside_start = position + len(line)
        position += len(line)
    if depth:  # a last card without END:VCARD
        text, how = decode_card(raw[start:])
        pieces.append(text)
        if how != "utf-8":
            odd[card] = how
    else:
        pieces.append(raw[outside_start:].decode("utf-8", errors="replace"))
    encoding = "cp1252" if odd and len(odd) == card + (1 if depth else 0) \
        and all(v == "cp1252" for v in odd.values()) else "utf-8"
    if encoding == "cp1252":
        odd = {}
    return "".join(pieces), encoding, odd
