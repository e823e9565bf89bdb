"""Keeping the FTS5 index in step with the customer rows, inside the writer's transaction."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from crmdesk.services.trunk_prefixes import trunk_prefix
from crmdesk.store.db import db

# Letters that Unicode does not decompose into a base letter plus an accent.
_BASE_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                               "ı": "i", "ħ": "h", "þ": "th", "ð": "d"})


def fold_slowly(text: str) -> str:
    """What `fold` computes, the long way: case-folded, decomposed (NFKD), accents dropped,
    the letters Unicode does not decompose replaced; again until nothing changes (a letter
    decomposed from another may be a capital: 'ᴬ' -> 'A', '𝐀' -> 'A', 'ϒ' -> 'Υ'; case
    folding may bring a mark: 'İ' -> 'i̇'), so that a fold is in lower case and folds to
    itself."""
    while True:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        folded = plain.translate(_BASE_LETTERS)
        if folded == text:
            return folded
        text = folded


class _FoldedCharacters(dict[int, str]):
    """fold_slowly of each character, worked out the first time it is met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_slowly(chr(code))
        return folded


_FOLDED = _FoldedCharacters()


def fold(text: str) -> str:
    """Case- and accent-insensitive key used for sorting and matching names
    ('Peña' -> 'pena', 'Łukasz' -> 'lukasz', 'Øster' -> 'oster').

    Each step of fold_slowly maps one character at a time (case folding and compatibility
    decomposition are per character; canonical reordering only moves combining marks, which
    are all dropped), so the fold of a text is the folds of its characters: plain ASCII is
    its lower case, anything else one str.translate over a table filled as characters come.
    An import folds 200,000 unique names; this takes 0.1 µs for ASCII and ~0.3 µs for
    'García', where the long way took ~5 µs (a test compares both over every character)."""
    return text.lower() if text.isascii() else text.translate(_FOLDED)


@functools.cache
def _latin_with_accents() -> frozenset[str]:
    """ASCII, and the Latin letters with accents whose accents FTS5's tokenizer (unicode61,
    remove_diacritics 2) strips as `fold` does: those that decompose into a plain ASCII
    letter and combining marks, but the two that carry two marks over a capital A's dot
    (a test holds the set against SQLite's own tokenizer, in every SQLite crmdesk uses)."""
    found = set()
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        ch = chr(code)
        parts = unicodedata.normalize("NFD", ch)
        if (len(parts) > 1 and parts[0].isascii() and parts[0].isalpha()
                and all(unicodedata.combining(mark) for mark in parts[1:])):
            found.add(ch)
    return frozenset(found - {"\u01e0", "\u01e1"}) | {chr(code) for code in range(128)}


def folds_as_indexed(text: object) -> bool:
    """Whether the FTS index holds each word of `text` as `fold` writes it: text in plain
    ASCII, or with Latin letters whose accents both strip. (Other letters, such as ø, ł or ß
    and other scripts, may be held otherwise: a caller then asks the index.)"""
    if not isinstance(text, str):
        return False
    return text.isascii() or _latin_with_accents().issuperset(text)


@functools.cache
def _kept_letter(ch: str) -> bool:
    """Whether FTS5's tokenizer (unicode61, remove_diacritics 2) holds the character `ch`
    (not ASCII) as a letter of a word and never as an ASCII one: a letter or digit in
    Unicode 3.2 (the tokenizer's own tables are of a later version, which keeps these) none
    of whose forms (as written, in lower case, case-folded) decomposes into anything ASCII
    ('ø', 'ł', 'ß', 'д', '明'; not the Kelvin sign, not 'ﬁ'). A test holds this against
    SQLite's tokenizer for every such character of the Basic Multilingual Plane."""
    category = unicodedata.ucd_3_2_0.category(ch)
    if not (category[0] in "LN" or category == "Co"):
        return False
    return not any(part.isascii() for form in (ch, ch.lower(), ch.casefold())
                   for part in unicodedata.normalize("NFKD", form))


def leading_words(text: str, count: int) -> list[str] | None:
    """The first `count` words of `text` as the FTS index holds them, as far as they decide
    whether they are plain ASCII words typed (the last one a prefix): ASCII letters and
    digits in lower case, the Latin letters whose accents both strip folded, other letters
    kept as they are (no ASCII word can match them). None when a character before the end
    of those words is one whose place the tokenizer alone knows (a mark, a symbol)."""
    if text.isascii():
        return ASCII_WORDS.findall(text.lower())[:count]
    words: list[str] = []
    word: list[str] = []
    latin = _latin_with_accents()
    for ch in text:
        if ch.isascii():
            if ch.isalnum():
                word.append(ch.lower())
                continue
        elif ch in latin:
            word.append(fold(ch))
            continue
        elif _kept_letter(ch):
            word.append(ch)
            continue
        else:
            return None
        if word:  # (a separator)
            words.append("".join(word))
            word = []
            if len(words) == count:
                return words
    if word:
        words.append("".join(word))
    return words[:count]


#: the words of plain ASCII text (lower case) as FTS5's tokenizer splits them
ASCII_WORDS = re.compile(r"[a-z0-9]+")


def sort_name(given: str, family: str) -> str:
    return fold(f"{family.strip()} {given.strip()}".strip())


# The trunk prefix of a calling code ('0' for 44, '' for 1), None for no such code: from a
# table, without importing phonenumbers (110 ms, on the first phone search in the window).
_trunk_prefix = trunk_prefix


def trunk_prefix_from_metadata(country_code: int) -> str | None:
    """_trunk_prefix as phonenumbers' metadata gives it (what the table is checked against)."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

    regions = COUNTRY_CODE_TO_REGION_CODE.get(country_code)
    if not regions:
        return None
    if country_code == 1:
        return ""  # NANP's '1' is the country code itself
    for region in regions:
        meta = PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
        if meta is not None and meta.national_prefix:
            return str(meta.national_prefix)
    return ""


def trunk_national(e164: str, digits: str) -> str:
    """The national form of a stored number with its country's trunk prefix
    ('+442079460018' -> '02079460018'), '' when its country has none (+1) or the number is
    not in international form. From the numbering plan's metadata, without parsing."""
    if not e164.startswith("+") or not digits.isascii():
        return ""  # (a number kept as written may hold other digits: '+²³', '+٣٤٥')
    for size in (1, 2, 3):
        prefix = _trunk_prefix(int(digits[:size])) if digits[:size] else None
        if prefix is not None:
            return prefix + digits[size:] if prefix else ""
    return ""


def phone_tokens(e164: str) -> str:
    """The search text of a stored number: its digits and its national form with the trunk
    prefix ('+442079460018' -> '442079460018 02079460018'; '+14165550100' has no trunk
    prefix: '14165550100'). customer_phone_search (FTS5 trigram) finds any run of 3 or more
    of these digits anywhere in them, so any partial run the user remembers ('5551' in
    +1 905-555-1234, '020 79' in the UK form) finds the number; customer_fts keeps the same
    two words, so a word typed with a name ('ana 0207') finds numbers starting so.

    (The phone column of customer_fts once held every digit suffix of each number: ~11 long
    unique words per number, each written again into the three prefix indexes; 2/3 of the
    FTS write of an import. Books written then keep those rows until a customer is next
    saved: they find the same numbers.)"""
    if e164[:1] == "+" and e164.isascii() and e164[1:].isdigit():
        digits = e164[1:]  # nearly every stored number
    else:
        digits = "".join(ch for ch in e164 if ch.isdigit())
    national = trunk_national(e164, digits)
    return f"{digits} {national}" if national and national not in digits else digits


def write_phone_search(rows: list[tuple[int, str]]) -> None:
    """Search rows of customers' numbers: (customer id, their phone_tokens joined by spaces),
    none for a customer without a number. The caller removed the customers' old rows."""
    db.connection().executemany(
        "INSERT INTO customer_phone_search (rowid, digits) VALUES (?, ?)",
        [(cid, text) for cid, text in rows if text])


def reindex(customer_ids: Iterable[int]) -> None:
    """Rewrite the FTS rows of these customers from the tables (call inside db.atomic()).

    Only customers on the list are indexed: archived ones (the Trash) are left out, so that
    an FTS count is the exact number of matching customers."""
    for cid in customer_ids:
        db.execute_sql("DELETE FROM customer_fts WHERE rowid = ?", (cid,))
        db.execute_sql("DELETE FROM customer_phone_search WHERE rowid = ?", (cid,))
        row = db.execute_sql(
            """SELECT given_name, family_name, preferred_name, occupation, company, notes
               FROM customer WHERE id = ? AND archived_at IS NULL""",
            (cid,),
        ).fetchone()
        if row is None:
            continue
        given, family, preferred, occupation, company, notes = row
        emails = [r[0] for r in db.execute_sql(
            "SELECT address FROM customer_email WHERE customer_id = ?", (cid,))]
        phones = [phone_tokens(r[0]) for r in db.execute_sql(
            "SELECT e164 FROM customer_phone WHERE customer_id = ?", (cid,))]
        tags = [r[0] for r in db.execute_sql(
            "SELECT tag FROM customer_tag WHERE customer_id = ?", (cid,))]
        db.execute_sql(
            """INSERT INTO customer_fts (rowid, name, emails, phones, company, tags, notes)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (cid, f"{given} {family} {preferred}", " ".join(emails), " ".join(phones),
             f"{occupation} {company}", " ".join(tags), notes),
        )
        write_phone_search([(cid, " ".join(phones))])
