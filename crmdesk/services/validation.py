"""Validation and normalisation of contact details (email-validator, phonenumbers)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
        raise InvalidValue("The e-mail address is empty.")
    email_validator = _email_validator()
    try:
        result = email_validator.validate_email(
            text, check_deliverability=False, allow_smtputf8=True
        )
    except email_validator.EmailNotValidError as exc:
        raise InvalidValue(f"“{text}” is not a valid e-mail address: {exc}") from exc
    return str(result.normalized)


def normalise_phone(text: str, region: str = "US") -> str:
    """E.164 form ('+19055551234') of a phone typed in any usual way, or InvalidValue."""
    phonenumbers = _phonenumbers()
    text = text.strip()
    if not text:
        raise InvalidValue("The phone number is empty.")
    try:
        number = phonenumbers.parse(text, region.upper() or None)
    except phonenumbers.NumberParseException as exc:
        raise InvalidValue(f"“{text}” is not a phone number ({_parse_reason(exc)}).") from exc
    if not phonenumbers.is_valid_number(number):
        raise InvalidValue(
            f"“{text}” is not a valid phone number for {region_name(number, region)}."
        )
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _parse_reason(exc: phonenumbers.NumberParseException) -> str:
    phonenumbers = _phonenumbers()
    reasons = {
        phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: "unknown country code",
        phonenumbers.NumberParseException.NOT_A_NUMBER: "not a number",
        phonenumbers.NumberParseException.TOO_SHORT_NSN: "too short",
        phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: "too short",
        phonenumbers.NumberParseException.TOO_LONG: "too long",
    }
    return reasons.get(exc.error_type, "unreadable")


def region_name(number: phonenumbers.PhoneNumber, fallback: str) -> str:
    phonenumbers = _phonenumbers()
    region = phonenumbers.region_code_for_number(number) or fallback
    return f"region {region}" if region else "any region"


def format_phone(e164: str) -> str:
    """The international display form, e.g. '+1 905-555-1234'."""
    phonenumbers = _phonenumbers()
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def is_region(code: str) -> bool:
    phonenumbers = _phonenumbers()
    return code.upper() in phonenumbers.SUPPORTED_REGIONS
