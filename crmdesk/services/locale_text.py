"""Dates, numbers and money the way an English or a Spanish reader writes them.

Only the two languages a customer can have in this book; no locale database needed.
"""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF", "MXN": "MX$",
           "CAD": "CA$", "AUD": "A$", "PLN": "zł", "DKK": "kr", "SEK": "kr", "NOK": "kr"}


def _lang(language: str) -> str:
    return "es" if language == "es" else "en"


def month_name(month: int, language: str = "en") -> str:
    name = MONTHS[_lang(language)][month - 1]
    return name.capitalize() if language == "es" else name


def short_date(day: dt.date, language: str = "en") -> str:
    """12 Oct 2026 / 12 oct 2026."""
    return f"{day.day} {MONTHS[_lang(language)][day.month - 1][:3]} {day.year}"


def long_date(day: dt.date, language: str = "en") -> str:
    """12 October 2026 / 12 de octubre de 2026."""
    month = MONTHS[_lang(language)][day.month - 1]
    if language == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{day.day} {month} {day.year}"


def integer(value: int, language: str = "en") -> str:
    """1,234 / 1.234 (Spanish groups thousands with a point)."""
    text = f"{value:,}"
    return text.replace(",", ".") if language == "es" else text


def signed_points(value: int, language: str = "en") -> str:
    return ("+" if value > 0 else "−" if value < 0 else "") + integer(abs(value), language)


def money(cents: int, currency: str, language: str = "en") -> str:
    """$1,234.50 / 1.234,50 € (exact: works on integer cents, never floats)."""
    sign = "−" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    symbol = SYMBOLS.get(currency, currency)
    if language == "es":
        return f"{sign}{integer(units, 'es')},{rest:02d} {symbol}"
    spaced = symbol if len(symbol) == 1 or symbol.endswith("$") else symbol + " "
    return f"{sign}{spaced}{units:,}.{rest:02d}"
