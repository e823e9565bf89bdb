"""The window fits the screen it opens on (issue item 20): a first start is sized to the
available area (90 %, at most 1728 × 972 — 90 % of 1920 × 1080 —, all of a small
screen), and a saved geometry is clamped to it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from crmdesk.ui.main_window import MainWindow

SMALL = QRect(0, 0, 1024, 600)


@pytest.fixture
def small_screen(monkeypatch: pytest.MonkeyPatch) -> QRect:
    monkeypatch.setattr(MainWindow, "available_geometry", lambda self: QRect(SMALL))
    return SMALL


def test_a_first_start_fits_a_small_screen(qtbot, book, make_window, small_screen) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    frame = window.frameGeometry()
    assert small_screen.contains(frame), frame
    # A small screen is used whole (its frame kept inside): every pixel counts there.
    assert frame.width() >= 1024 - 16 and frame.height() >= 600 - 64, frame
    least = window.minimumSizeHint()  # what the panes need fits it
    assert least.width() <= 1024 and least.height() <= 600


def test_a_first_start_on_a_big_screen_uses_it(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()  # the tests' screen is 1920 × 1080
    assert (window.width(), window.height()) == (1728, 972)
    window.nav.setCurrentItem(window.nav_today)
    qtbot.waitUntil(lambda: window.today.wide is True)  # My day in columns
    assert window.available_geometry().contains(window.frameGeometry())


def test_a_saved_geometry_from_a_bigger_screen_is_clamped(qtbot, book, make_window,  # type: ignore[no-untyped-def]
                                                          qsettings, monkeypatch) -> None:
    big = make_window()
    big.setGeometry(300, 200, 1600, 860)
    big.save_state()
    big.close()
    monkeypatch.setattr(MainWindow, "available_geometry", lambda self: QRect(SMALL))
    window = make_window()
    assert SMALL.contains(window.frameGeometry()), window.frameGeometry()
