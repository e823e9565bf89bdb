"""Statement periods: a month (2026-10), a quarter (2026-Q3), a year (2026) or two dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from crmdesk.services import locale_text
from crmdesk.services.texts import translate

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


class BadPeriod(ValueError):
    """The text is not a period this program understands (the message says why)."""


@dataclass(frozen=True)
class Period:
    """Calendar days from `first` to `last`, both included, in local time."""

    first: dt.date
    last: dt.date
    kind: str = "range"  # month, quarter, year or range

    def label(self, language: str = "en") -> str:
        if self.kind == "month":
            return f"{locale_text.month_name(self.first.month, language)} {self.first.year}"
        if self.kind == "quarter":
            q = (self.first.month - 1) // 3 + 1
            return f"{'T' if language == 'es' else 'Q'}{q} {self.first.year}"
        if self.kind == "year":
            return str(self.first.year)
        return (f"{locale_text.short_date(self.first, language)} – "
                f"{locale_text.short_date(self.last, language)}")

    @property
    def slug(self) -> str:
        """A compact form for file names: 2026-10, 2026-Q3, 2026, 2026-01-05_2026-02-04."""
        if self.kind == "month":
            return f"{self.first:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.first.year}-Q{(self.first.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.first.year)
        return f"{self.first.isoformat()}_{self.last.isoformat()}"

    def start_utc(self) -> dt.datetime:
        """Local midnight at the start of the first day, as UTC."""
        return _local_midnight(self.first)

    def end_utc(self) -> dt.datetime:
        """Local midnight after the last day (exclusive), as UTC."""
        return _local_midnight(self.last + dt.timedelta(days=1))


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day).astimezone().astimezone(dt.UTC)


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def parse_period(text: str) -> Period:
    """YYYY-MM, YYYY-Qn or YYYY."""
    text = text.strip()
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise BadPeriod(translate(
                "periods", "“{text}”: there is no month {month}.").format(text=text, month=month))
        return Period(dt.date(year, month, 1), _month_end(year, month), "month")
    if m := _QUARTER.match(text):
        year, q = int(m[1]), int(m[2])
        return Period(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter")
    if m := _YEAR.match(text):
        year = int(m[1])
        if year < 1:
            raise BadPeriod(translate("periods", "“{text}” is not a year.").format(text=text))
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    raise BadPeriod(translate(
        "periods", "“{text}” is not a period (use YYYY-MM, YYYY-Qn or YYYY, e.g. 2026-10, "
        "2026-Q3, 2026).").format(text=text))


def between(first: dt.date, last: dt.date) -> Period:
    if last < first:
        raise BadPeriod(translate(
            "periods", "The period ends ({last}) before it starts ({first}).").format(
            last=last, first=first))
    if first.day == 1 and last == _month_end(first.year, first.month):
        return Period(first, last, "month")
    return Period(first, last, "range")


def parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise BadPeriod(translate(
            "periods", "“{text}” is not a date (use YYYY-MM-DD).").format(text=text)) from exc


def last_month(today: dt.date | None = None) -> Period:
    today = today or dt.date.today()
    first_this = today.replace(day=1)
    last = first_this - dt.timedelta(days=1)
    return Period(last.replace(day=1), last, "month")
