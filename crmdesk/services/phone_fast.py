"""A fast path for the book's one phone rule (validation.normalise_phone), for imports.

phonenumbers.parse normalises every character, looks for extensions, RFC 3966 contexts and
vanity letters, then may strip an international or national prefix: ~20 µs a number, a third
of a 100,000-row import. Most numbers in a contact file are plain digits with spaces, dots,
dashes or brackets, in international form (+1 416 555 0100) or in the region's national
form without a trunk prefix (416-555-0100 in the US). For those, the rule comes down to:
the country code, the length, and the country's number pattern, all looked up once per
country here.

`fast_e164` answers only when it is sure: a number it returns is exactly what
normalise_phone returns for the same text and region; anything else (letters, extensions,
a prefix phonenumbers would strip, an unknown code, a number the rule refuses) gives None,
and the caller asks normalise_phone, which also says what is wrong. A property test
(tests/importing/test_import_speed.py) holds the two to each other across regions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

_SIMPLE = re.compile(r"\+?[0-9(][0-9 ().\-]{1,40}")
_NOT_DIGITS = str.maketrans("", "", " ().-+")


@functools.lru_cache(maxsize=512)
def _country(cc: int) -> tuple[re.Pattern[str] | None, frozenset[int], re.Pattern[str] | None
                               ] | None:
    """(national prefix for parsing, the lengths that are possible, the number pattern of
    every region sharing the code) of a calling code, or None when it is unknown."""
    import phonenumbers

    from crmdesk.services.validation import _number_plan

    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(cc)
    if not regions:
        return None
    main = phonenumbers.region_code_for_country_code(cc)
    meta = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(cc, main)
    if meta is None or meta.general_desc is None:
        return None
    return (_prefix(meta), _possible(meta), _number_plan(cc))


def _prefix(meta: Any) -> re.Pattern[str] | None:
    text = meta.national_prefix_for_parsing
    return re.compile(text) if text else None


def _possible(meta: Any) -> frozenset[int]:
    """The national number lengths is_possible_number_with_reason calls IS_POSSIBLE (not
    'local only', not too short or long, not an invalid length)."""
    lengths = set(meta.general_desc.possible_length or ())
    return frozenset(lengths - set(meta.general_desc.possible_length_local_only or ()))


@dataclass(frozen=True)
class _Region:
    code: int                          # its calling code
    idd: re.Pattern[str] | None        # its international prefix (00, 011 …)
    national_prefix: re.Pattern[str] | None  # what phonenumbers may strip (national prefix)
    strips: bool                       # phonenumbers strips that prefix as it is (no rewrite)
    general: re.Pattern[str] | None    # the region's own number pattern
    lengths: tuple[int, ...]           # its possible national lengths, sorted
    local_only: frozenset[int]         # lengths possible only without the area code


@functools.lru_cache(maxsize=256)
def _region(region: str) -> _Region | None:
    import phonenumbers

    meta = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
    if meta is None or not meta.country_code or meta.general_desc is None:
        return None
    idd = re.compile(meta.international_prefix) if meta.international_prefix else None
    strips = bool(meta.national_prefix_for_parsing) and not meta.national_prefix_transform_rule
    pattern = meta.general_desc.national_number_pattern
    return _Region(int(meta.country_code), idd, _prefix(meta), strips,
                   re.compile(pattern) if pattern else None,
                   tuple(sorted(meta.general_desc.possible_length or ())),
                   frozenset(meta.general_desc.possible_length_local_only or ()))


def _strips_to(local: _Region, digits: str, end: int) -> str | None:
    """The national number phonenumbers.parse keeps of `digits` written in the region's
    national form with its trunk prefix, which ends at `end` ('020 7946 0018' in GB ->
    '2079460018'): its _maybe_strip_national_prefix_carrier_code without a rewrite rule and
    the length test after it (None: leave it to phonenumbers)."""
    if local.general is None or not local.lengths or local.lengths[0] == -1:
        return None
    stripped = digits[end:]
    if local.general.fullmatch(digits) and not local.general.fullmatch(stripped):
        return None  # kept whole: the rule decides, the slow way
    size = len(stripped)
    if size in local.local_only or size < local.lengths[0]:
        return None  # too short or local only: kept whole
    if size <= local.lengths[-1] and size not in local.lengths:
        return None  # an invalid length: kept whole
    return stripped


def fast_e164(text: str, region: str) -> str | None:
    """normalise_phone(text, region) for plain numbers, or None (then ask normalise_phone)."""
    text = text.strip()
    if not _SIMPLE.fullmatch(text):
        return None
    digits = text.translate(_NOT_DIGITS)
    if not digits.isascii() or not digits.isdigit():
        return None
    if text[0] == "+":
        if text.count("+") != 1 or digits[0] == "0":
            return None
        for size in (1, 2, 3):
            cc = int(digits[:size])
            known = _country(cc)
            if known is not None:
                break
        else:
            return None
        rest = digits[size:]
        national_prefix = known[0]
    else:
        if "+" in text:
            return None
        local = _region(region.upper())
        if local is None:
            return None
        cc, national_prefix = local.code, local.national_prefix
        known = _country(cc)
        # An international prefix (011 …) or the country code written first (1 416 …):
        # phonenumbers weighs those; leave them to it.
        if known is None or (local.idd is not None and local.idd.match(digits)) \
                or digits.startswith(str(cc)):
            return None
        rest = digits
        trunk = national_prefix.match(digits) if national_prefix is not None else None
        if trunk is not None:
            if not local.strips:
                return None
            stripped = _strips_to(local, digits, trunk.end())
            if stripped is None:
                return None
            rest, national_prefix = stripped, None  # (stripped once, as parse does)
    if not 2 <= len(rest) <= 17 or rest[0] == "0":
        return None
    if national_prefix is not None and national_prefix.match(rest):
        return None  # a trunk prefix phonenumbers may strip (020 … in the UK)
    _unused, possible, pattern = known
    if len(rest) not in possible or pattern is None or not pattern.fullmatch(rest):
        return None
    return f"+{cc}{rest}"
