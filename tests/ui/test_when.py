"""Dates and times in the user's locale, relative where it helps (issue 20)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale

from crmdesk.ui import when

NOW = dt.datetime(2026, 12, 1, 15, 0).astimezone()  # a Tuesday afternoon, local time


@pytest.fixture(autouse=True)
def english() -> object:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(QLocale.c())


def at(days: int, hour: int, minute: int = 0) -> dt.datetime:
    return (NOW + dt.timedelta(days=days)).replace(hour=hour, minute=minute)


def test_due_times_read_as_people_say_them(qapp) -> None:  # type: ignore[no-untyped-def]
    assert when.due_text(at(0, 17, 30), NOW) == "today 17:30"
    assert when.due_text(at(1, 10), NOW) == "tomorrow 10:00"
    assert when.due_text(at(3, 9), NOW) == "Fri 09:00"
    assert when.due_text(at(10, 9), NOW) == "11 Dec 2026 09:00"
    assert when.due_text(at(0, 10), NOW) == "overdue since 10:00"
    assert when.due_text(at(-1, 10), NOW) == "1 day overdue"
    assert when.due_text(at(-3, 10), NOW) == "3 days overdue"


def test_the_past_reads_relative_then_as_a_date(qapp) -> None:  # type: ignore[no-untyped-def]
    assert when.past_text(at(0, 9, 5), NOW) == "today 09:05"
    assert when.past_text(at(-1, 9), NOW) == "yesterday"
    assert when.past_text(at(-5, 9), NOW) == "5 days ago"
    assert when.past_text(at(-21, 9), NOW) == "3 weeks ago"
    assert when.past_text(at(-90, 9), NOW) == "2 Sept 2026" or \
        when.past_text(at(-90, 9), NOW) == "2 Sep 2026"
    assert when.days_text(1) == "1 day" and when.days_text(12) == "12 days"


def test_other_locales_write_their_own_dates(qapp) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert when.date_text(dt.date(2026, 12, 3)) == "Dec 3, 2026"
    assert when.time_text(at(0, 17, 30)) == "5:30\u202fPM" or \
        when.time_text(at(0, 17, 30)) == "5:30 PM"
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    assert when.date_text(dt.date(2026, 12, 3)) == "3 dic 2026"
    assert "diciembre" in when.exact(at(2, 10))
