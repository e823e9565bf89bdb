"""Validation and normalisation of contact details (email-validator, phonenumbers)."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from crmdesk.services.texts import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    import phonenumbers


def _phonenumbers() -> Any:
    """phonenumbers and email-validator take ~60 ms to import: they load on first use, so
    the window does not wait for them at start-up."""
    import phonenumbers as module

    return module


def _email_validator() -> Any:
    import email_validator as module

    return module


class InvalidValue(ValueError):
    """A value the user typed is not acceptable; str() is the reason, in plain words."""


def normalise_email(text: str) -> str:
    """A syntactically valid address (domain lower-cased, IDNA-checked), or InvalidValue."""
    text = text.strip()
    if not text:
        raise InvalidValue(translate("validation", "The e-mail address is empty."))
    email_validator = _email_validator()
    try:
        result = email_validator.validate_email(
            text, check_deliverability=False, allow_smtputf8=True
        )
    except email_validator.EmailNotValidError as exc:
        raise InvalidValue(translate("validation", "“{text}” is not a valid e-mail address: "
                                     "{reason}").format(text=text, reason=exc)) from exc
    return str(result.normalized)


def normalise_phone(text: str, region: str = "US") -> str:
    """E.164 form ('+19055551234') of a phone typed in any usual way, or InvalidValue.

    The one phone rule of the book: the profile, quick capture, the CLI and every import
    use it. A number is accepted when it has a possible length and fits its country's
    numbering plan, whatever kind of line it is (mobile, fixed, pager, VoIP, toll-free…);
    `region` is where numbers written without +code are read. It is also fast (~10 µs):
    an import of 100,000 rows goes through it.

    An extension written any usual way (`x123`, `ext. 123`, `;ext=102`, `#55`) is kept, in
    RFC 3966's form: '+12125551234;ext=123'."""
    phonenumbers = _phonenumbers()
    text = text.strip()
    if not text:
        raise InvalidValue(translate("validation", "The phone number is empty."))
    try:
        number = phonenumbers.parse(text, region.upper() or None)
    except phonenumbers.NumberParseException as exc:
        raise InvalidValue(translate("validation", "“{text}” is not a phone number ({reason}).")
                           .format(text=text, reason=_parse_reason(exc))) from exc
    # Not IS_POSSIBLE_LOCAL_ONLY: a number without its area code cannot be called from afar.
    possible = phonenumbers.is_possible_number_with_reason(number)
    if possible != phonenumbers.ValidationResult.IS_POSSIBLE:
        why = {phonenumbers.ValidationResult.TOO_SHORT: _TOO_SHORT,
               phonenumbers.ValidationResult.TOO_LONG: _TOO_LONG,
               phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
                   _NO_AREA_CODE}.get(possible, _WRONG_LENGTH)
        raise InvalidValue(translate(
            "validation", "“{text}” is not a valid phone number for {region} ({why}).").format(
            text=text, region=region_name(number, region), why=translate("validation", why)))
    national = phonenumbers.national_significant_number(number)
    pattern = _number_plan(int(number.country_code))
    if pattern is None or not pattern.fullmatch(national):
        raise InvalidValue(translate(
            "validation", "“{text}” is not a valid phone number for {region}.").format(
            text=text, region=region_name(number, region)))
    extension = "".join(ch for ch in (number.extension or "") if ch.isdigit())[:10]
    return f"+{number.country_code}{national}" + (f";ext={extension}" if extension else "")


def split_extension(stored: str) -> tuple[str, str]:
    """'+12125551234;ext=123' → ('+12125551234', '123'); no extension → (stored, '')."""
    number, _sep, extension = stored.partition(";ext=")
    return number, extension


@functools.lru_cache(maxsize=1024)
def _number_plan(country_code: int) -> re.Pattern[str] | None:
    """The general number pattern of a calling code (all the regions that share it)."""
    phonenumbers = _phonenumbers()
    patterns = []
    for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code, ()):
        meta = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(country_code, code)
        if meta is not None and meta.general_desc is not None \
                and meta.general_desc.national_number_pattern:
            patterns.append(meta.general_desc.national_number_pattern)
    return re.compile("(?:" + "|".join(patterns) + ")") if patterns else None


_TOO_SHORT = QT_TRANSLATE_NOOP("validation", "too short")
_TOO_LONG = QT_TRANSLATE_NOOP("validation", "too long")
_NO_AREA_CODE = QT_TRANSLATE_NOOP("validation", "the area code is missing")
_WRONG_LENGTH = QT_TRANSLATE_NOOP("validation", "wrong length")


def _parse_reason(exc: phonenumbers.NumberParseException) -> str:
    phonenumbers = _phonenumbers()
    reasons = {
        phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
            QT_TRANSLATE_NOOP("validation", "unknown country code"),
        phonenumbers.NumberParseException.NOT_A_NUMBER:
            QT_TRANSLATE_NOOP("validation", "not a number"),
        phonenumbers.NumberParseException.TOO_SHORT_NSN: _TOO_SHORT,
        phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: _TOO_SHORT,
        phonenumbers.NumberParseException.TOO_LONG: _TOO_LONG,
    }
    return translate("validation", reasons.get(exc.error_type,
                                               QT_TRANSLATE_NOOP("validation", "unreadable")))


def region_name(number: phonenumbers.PhoneNumber, fallback: str) -> str:
    phonenumbers = _phonenumbers()
    region = phonenumbers.region_code_for_number(number) or fallback
    return translate("validation", "region {code}").format(code=region) if region \
        else translate("validation", "any region")


def format_phone(e164: str) -> str:
    """The international display form, e.g. '+1 905-555-1234'. A stored value the phone
    rule does not accept (kept as written by an import) is shown exactly as stored, so that
    showing it and reading it back changes nothing."""
    phonenumbers = _phonenumbers()
    try:
        if normalise_phone(e164, "") != e164:
            return e164
        number = phonenumbers.parse(e164, None)
    except (InvalidValue, phonenumbers.NumberParseException):
        return e164
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def is_region(code: str) -> bool:
    phonenumbers = _phonenumbers()
    return code.upper() in phonenumbers.SUPPORTED_REGIONS


# --- money ----------------------------------------------------------------------------------
MAX_MONEY_CENTS = 10**12  # ten billion currency units: anything above is a typing slip
_GROUP_MARKS = frozenset(",. '\u00a0\u202f")  # between groups of three digits
_AMOUNT = re.compile(r"[0-9]+(?:[,. '\u00a0\u202f][0-9]+)*")


def parse_money(text: str, *, allow_negative: bool = False, decimal_comma: bool = False,
                max_cents: int = MAX_MONEY_CENTS) -> int:
    """Integer cents of an amount written the usual ways — '1234.56', '1,234.56',
    '1.234,56', '1 234,56', '12', '12,5' — or InvalidValue with one sentence.

    Strict: ASCII digits only; no exponent, underscore, sign other than a leading '-' (and
    only with `allow_negative`), NaN or infinity; thousands marks only between groups of
    three digits and all the same; at most two decimals; at most `max_cents`. A single ',' or
    '.' followed by exactly three digits is a thousands mark, unless it is the book's decimal
    mark (`decimal_comma`: ',' is), in which case that is three decimals and refused."""
    shown = " ".join(str(text).split())[:40] or translate("validation", "(empty)")
    body = str(text).strip(" \t\u00a0\u202f")
    if not body:
        raise InvalidValue(translate("validation", "Enter an amount (e.g. 12.50)."))
    negative = body.startswith("-")
    if negative:
        body = body[1:]
    bad = InvalidValue(translate(
        "validation", "“{shown}” is not an amount (write it like 1234.56 or 1,234.56).")
        .format(shown=shown))
    if not _AMOUNT.fullmatch(body):
        raise bad
    runs = re.split(r"[^0-9]", body)
    marks = [ch for ch in body if not ch.isdigit()]
    units_runs, decimals = runs, ""
    if marks and marks[-1] in ",." and marks.count(marks[-1]) == 1:
        last, tail = marks[-1], runs[-1]
        is_decimal = len(tail) != 3 or len(marks) > 1 or last == ("," if decimal_comma else ".")
        if is_decimal:
            if len(tail) > 2:
                dotted, commas = body.replace(",", "."), body.replace(".", ",")
                if len(tail) == 3 and len(marks) == 1:
                    raise InvalidValue(translate(
                        "validation", "“{shown}” has more than two decimals (for thousands "
                        "write {dotted},00 or {commas}.00).").format(
                        shown=shown, dotted=dotted, commas=commas))
                raise InvalidValue(translate(
                    "validation", "“{shown}” has more than two decimals.").format(shown=shown))
            units_runs, decimals, marks = runs[:-1], tail, marks[:-1]
    if marks:  # what is left are thousands marks: one kind, groups of three
        if len(set(marks)) != 1 or marks[0] not in _GROUP_MARKS:
            raise bad
        if not 1 <= len(units_runs[0]) <= 3 or any(len(r) != 3 for r in units_runs[1:]):
            raise bad
    cents = int("".join(units_runs)) * 100 + int(decimals.ljust(2, "0") or "0")
    if negative and not allow_negative:
        raise InvalidValue(translate("validation", "“{shown}”: the amount cannot be negative.")
                           .format(shown=shown))
    if cents > max_cents:
        raise InvalidValue(translate("validation", "“{shown}” is too large for an amount.")
                           .format(shown=shown))
    return -cents if negative else cents
