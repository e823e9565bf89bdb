"""Dates and times as a person reads them: in the user's locale, and relative where that
helps ("tomorrow 10:00", "3 days overdue", "2 weeks ago") instead of raw ISO.

Every text goes through Qt's translation (`%n` plurals), so a Spanish catalogue turns
"3 days overdue" into "3 días de retraso"; with no catalogue the English plural is right
("1 day", "2 days"). The exact date and time is always available as `exact(...)`, for a
tooltip."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from crmdesk.i18n import Translatable


class When(Translatable):
    """The texts with a number in them (Qt's numerus forms: "1 day" / "2 days", "1 día" /
    "2 días"); a class so that lupdate files them as plurals, under "When"."""

    def days_overdue(self, n: int) -> str:
        return self.tr("%n day(s) overdue", "", n)

    def days_ago(self, n: int) -> str:
        return self.tr("%n day(s) ago", "", n)

    def weeks_ago(self, n: int) -> str:
        return self.tr("%n week(s) ago", "", n)

    def days(self, n: int) -> str:
        return self.tr("%n day(s)", "", n)


_WHEN = When()


def _local(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone()


def time_text(value: dt.datetime) -> str:
    """10:00 (or 10:00 AM where the locale says so)."""
    local = _local(value)
    return _locale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def _locale() -> QLocale:
    """The user's locale; with none set (the "C" locale of a bare system) English."""
    locale = QLocale()
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom) \
        if locale.language() == QLocale.Language.C else locale


def date_text(value: dt.date | dt.datetime) -> str:
    """The date as the locale writes it, short (3 Dec 2026, Dec 3, 2026, 3 dic 2026)."""
    day = _local(value).date() if isinstance(value, dt.datetime) else value
    locale = _locale()
    return locale.toString(QDate(day.year, day.month, day.day),
                           locale.dateFormat(QLocale.FormatType.ShortFormat)
                           if "MMM" in locale.dateFormat(QLocale.FormatType.ShortFormat)
                           else _medium(locale))


def _medium(locale: QLocale) -> str:
    """A date format with the month's short name, in the locale's order of day and month."""
    long_format = locale.dateFormat(QLocale.FormatType.LongFormat).replace("dddd", "")
    month_first = long_format.find("M") < long_format.find("d")
    return "MMM d, yyyy" if month_first else "d MMM yyyy"


def exact(value: dt.datetime) -> str:
    """The full date and time, for a tooltip: "Thursday, 3 December 2026 10:00"."""
    local = _local(value)
    locale = _locale()
    return (locale.toString(QDate(local.year, local.month, local.day),
                            QLocale.FormatType.LongFormat) + " " + time_text(local))


def weekday(day: dt.date) -> str:
    """The short day name in the locale ("Thu", "jue")."""
    return _weekday(day)


def _weekday(day: dt.date) -> str:
    return _locale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)


def due_text(due: dt.datetime, now: dt.datetime | None = None) -> str:
    """When something is due: "today 10:00", "tomorrow 09:30", "Fri 16:00", "12/3/26
    10:00"; or how late it is: "overdue since 10:00" (today), "3 days overdue"."""
    now_local = _local(now or dt.datetime.now(dt.UTC))
    local = _local(due)
    days = (local.date() - now_local.date()).days
    at = time_text(local)
    if local < now_local:
        if days == 0:
            return QCoreApplication.translate("When", "overdue since {time}").format(time=at)
        return _WHEN.days_overdue(-days)
    if days == 0:
        return QCoreApplication.translate("When", "today {time}").format(time=at)
    if days == 1:
        return QCoreApplication.translate("When", "tomorrow {time}").format(time=at)
    if days < 7:
        return QCoreApplication.translate("When", "{day} {time}").format(
            day=_weekday(local.date()), time=at)
    return QCoreApplication.translate("When", "{day} {time}").format(day=date_text(local), time=at)


def past_text(when: dt.datetime, now: dt.datetime | None = None) -> str:
    """How long ago: "today 10:00", "yesterday", "3 days ago", "5 weeks ago", or the date."""
    now_local = _local(now or dt.datetime.now(dt.UTC))
    local = _local(when)
    days = (now_local.date() - local.date()).days
    if days <= 0:
        return QCoreApplication.translate("When", "today {time}").format(
            time=time_text(local)) if days == 0 else date_text(local)
    if days == 1:
        return QCoreApplication.translate("When", "yesterday")
    if days < 14:
        return _WHEN.days_ago(days)
    if days < 60:
        return _WHEN.weeks_ago(days // 7)
    return date_text(local)


def days_text(n: int) -> str:
    """"1 day", "12 days"."""
    return _WHEN.days(n)


def _formatted(day: dt.date | dt.datetime, pattern: str) -> str:
    if isinstance(day, dt.datetime):
        day = _local(day).date()
    return _locale().toString(QDate(day.year, day.month, day.day), pattern)


def short_day(day: dt.date | dt.datetime) -> str:
    """"Thu 3 Dec" / "jue 3 dic"."""
    return _formatted(day, QCoreApplication.translate("When", "ddd d MMM"))


def long_day(day: dt.date | dt.datetime) -> str:
    """"Thursday 3 December" / "jueves, 3 de diciembre"."""
    return _formatted(day, QCoreApplication.translate("When", "dddd d MMMM"))


def long_date(day: dt.date | dt.datetime) -> str:
    """"Thursday 3 December 2026" / "jueves, 3 de diciembre de 2026"."""
    return _formatted(day, QCoreApplication.translate("When", "dddd d MMMM yyyy"))


def day_month(day: dt.date | dt.datetime) -> str:
    """"3 Dec" / "3 dic"."""
    return _formatted(day, QCoreApplication.translate("When", "d MMM"))


def stamp(value: dt.datetime) -> str:
    """A date and time in a list: "3 Dec 2026 10:00" / "3 dic 2026 10:00"."""
    return QCoreApplication.translate("When", "{day} {time}").format(
        day=date_text(value), time=time_text(value))


def month_year(day: dt.date | dt.datetime) -> str:
    """"December 2026" / "diciembre de 2026"."""
    return _formatted(day, QCoreApplication.translate("When", "MMMM yyyy"))


def day_long_month(day: dt.date | dt.datetime) -> str:
    """"3 December" / "3 de diciembre" (a birthday)."""
    return _formatted(day, QCoreApplication.translate("When", "d MMMM"))
