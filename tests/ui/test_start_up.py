"""Start-up: nothing but the first paint before the window shows (the book's data comes
right after), pages built when first looked at, and no Python on every event of the
application (the wheel guard sits on combo and spin boxes only)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QScrollArea, QVBoxLayout, QWidget

from crmdesk.ui.widgets import wheel_guard


def _wheel(widget: QWidget) -> None:
    centre = QPointF(widget.rect().center())
    QCoreApplication.sendEvent(widget, QWheelEvent(
        centre, QPointF(widget.mapToGlobal(centre)), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False))


def test_a_theme_change_keeps_the_wheel_guard(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.set_theme("dark")
    assert wheel_guard.style_guards()
    page = QWidget()
    qtbot.addWidget(page)
    combo = QComboBox()
    combo.addItems(["one", "two", "three"])
    scroll = QScrollArea()
    inner = QWidget()
    QVBoxLayout(inner).addWidget(combo)
    inner.setMinimumHeight(2000)
    scroll.setWidget(inner)
    QVBoxLayout(page).addWidget(scroll)
    page.resize(300, 200)
    page.show()
    qtbot.waitExposed(page)
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    _wheel(combo)
    assert combo.currentIndex() == 0
    assert scroll.verticalScrollBar().value() > 0
    window.set_theme("system")


def test_typing_and_the_mouse_keep_the_window_unlocked(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    import time

    from PySide6.QtTest import QTest

    window = make_window()
    lock = window.window_lock
    lock.set_idle_ms(400)
    search = window.customers.search
    end = time.monotonic() + 0.9
    n = 0
    while time.monotonic() < end:
        if n % 2:
            QTest.keyClick(search, Qt.Key.Key_A)
        else:
            QTest.mouseMove(window.customers.table.viewport(), QPoint(10 + n % 50, 10))
        n += 1
        qtbot.wait(60)
        assert not lock.locked
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    lock.unlock()
    lock.set_idle_ms(0)
