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
    lock.set_idle_ms(800)  # input every 60 ms: far below it even on a loaded machine
    search = window.customers.search
    end = time.monotonic() + 1.8
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


def test_the_book_is_read_right_after_the_first_paint(qtbot, book, qsettings) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QObject

    from crmdesk.ui.main_window import MainWindow
    from tests.conftest import add

    for name in ("Ana", "Ben", "Cleo"):
        add(name, "Ruiz")
    events: list[str] = []

    class Painted(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                events.append("paint")
            return False

    window = MainWindow(book, qsettings)
    qtbot.addWidget(window)
    assert window.loading and window.customers.model.rowCount() == 0  # nothing read yet
    assert window.nav_customers.text(0) == "Customers"
    assert window.statusBar().currentMessage() == "Reading the book…"
    read = window._load_book_data
    window._load_book_data = lambda: (events.append("read"), read())  # type: ignore[method-assign]
    watcher = Painted()
    window.today.installEventFilter(watcher)
    window.show()
    qtbot.waitUntil(lambda: not window.loading, timeout=3000)
    assert events[0] == "paint" and events.count("read") == 1
    assert window.customers.model.rowCount() == 3
    assert window.nav_customers.text(0) == "Customers (3)"
    assert window.statusBar().currentMessage() != "Reading the book…"
    window.finish_loading()  # once only
    assert events.count("read") == 1


def test_a_page_wanted_before_the_first_paint_is_read_at_once(qtbot, book, qsettings) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.main_window import MainWindow
    from tests.conftest import add

    add("Ana", "Ruiz")
    window = MainWindow(book, qsettings)
    qtbot.addWidget(window)
    window.nav.setCurrentItem(window.nav_customers)
    assert not window.loading and window.customers.model.rowCount() == 1


def test_errors_keep_their_colour_without_an_app_style_sheet(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from crmdesk.services.customers import ContactPoint
    from crmdesk.ui import theme

    window = make_window()
    window.set_theme("light")
    assert QApplication.instance().styleSheet() == ""  # type: ignore[union-attr]
    window.new_customer()
    window.edit_section("person")
    emails = window.profile.emails
    emails.set_points([ContactPoint("home", "not an address")])
    emails.revalidate()
    row = emails.rows[0]
    qtbot.waitUntil(row.error.isVisible)
    red = QColor(theme.colour("error", False).name())
    assert row.error.palette().color(QPalette.ColorRole.WindowText) == red
    assert theme.colour("error", False).name() in row.value.styleSheet()
    window.set_theme("dark")  # the dark theme's error colour, on what is shown already
    assert row.error.palette().color(QPalette.ColorRole.WindowText) == \
        QColor(theme.colour("error", True).name())
    assert theme.colour("error", True).name() in row.value.styleSheet()
    emails.set_points([ContactPoint("home", "ana@example.com")])
    emails.revalidate()
    assert emails.rows[0].value.styleSheet() == ""
    window.set_theme("system")


def test_the_agenda_is_read_when_first_shown(qtbot, book, make_window, qsettings) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.services import schedule

    qsettings.setValue("agenda/range", "month")
    calls: list[object] = []
    original = schedule.follow_ups

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args)
        return original(*args, **kwargs)

    schedule.follow_ups = counting  # type: ignore[assignment]
    try:
        window = make_window(page="today")
        assert calls == [] and window.agenda.stale
        assert window.agenda.range.currentData() == "month"  # where the person left it
        window.nav.setCurrentItem(window.nav_agenda)
        assert len(calls) == 1 and not window.agenda.stale
    finally:
        schedule.follow_ups = original  # type: ignore[assignment]


def test_the_pages_are_built_after_the_first_paint(qtbot, book, qsettings) -> None:  # type: ignore[no-untyped-def]
    """My day is the only page the first paint needs: the list and profile, the board, the
    interaction log and the Trash are built right after it, with their saved state."""
    from crmdesk.ui.main_window import MainWindow
    from tests.conftest import add

    add("Ana", "Ruiz")
    first = MainWindow(book, qsettings)
    qtbot.addWidget(first)
    first.nav.setCurrentItem(first.nav_customers)
    first.splitter.setSizes([900, 300])
    wide = first.splitter.sizes()
    first.save_state()
    first.profile._dirty = False
    first.close()

    window = MainWindow(book, qsettings)
    qtbot.addWidget(window)
    assert not window.pages_built
    assert all(name not in window.__dict__ for name in MainWindow.LAZY_PAGES)
    assert window.pages.count() >= 5 and window.pages.currentWidget() is window.today
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.loading, timeout=3000)
    assert window.pages_built
    # Built while the window is shown: no widget opened a window of its own on the way (the
    # window stays the active one, nothing else is on screen).
    from PySide6.QtWidgets import QApplication

    qtbot.waitUntil(window.isActiveWindow)
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]
    assert window.pages.widget(1) is window.splitter and window.pages.widget(2) is window.board
    assert window.pages.widget(3) is window.interaction_log
    assert window.pages.widget(4) is window.trash_page
    assert window.splitter.sizes() == wide  # the saved splitter came back with its page
    assert window.customers.model.rowCount() == 1
    window.nav.setCurrentItem(window.nav_board)
    assert window.pages.currentWidget() is window.board


def test_a_page_asked_for_before_the_first_paint_is_built_at_once(qtbot, book, qsettings) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.main_window import MainWindow

    window = MainWindow(book, qsettings)
    qtbot.addWidget(window)
    assert not window.pages_built
    assert window.board.columns  # asked for: built, with every other page
    assert window.pages_built and window.pages.widget(2) is window.board
    assert window.profile.save_button is not None
    try:
        window.not_a_page  # noqa: B018 - any other missing name is still an AttributeError
    except AttributeError as exc:
        assert "not_a_page" in str(exc)
    else:
        raise AssertionError("a missing attribute was found")


def test_the_idle_watch_starts_once_the_book_is_read_and_then_sees_input(  # type: ignore[no-untyped-def]
        qtbot, book, qsettings, monkeypatch) -> None:
    """The window lock's application-wide event filter (every event through Python) is put
    on after the first paint, when the book's data is in; from then on a key counts as use."""
    from crmdesk.ui.main_window import MainWindow

    watching_when_painted: list[bool] = []
    finish = MainWindow.finish_loading

    def loading(self):  # type: ignore[no-untyped-def]
        if self.loading:  # (right after the first paint)
            watching_when_painted.append(self.window_lock._watching)
        finish(self)

    monkeypatch.setattr(MainWindow, "finish_loading", loading)
    window = MainWindow(book, qsettings)
    qtbot.addWidget(window)
    assert not window.window_lock._watching
    window.show()
    qtbot.waitUntil(lambda: not window.loading)
    assert window.first_paint_at is not None
    assert watching_when_painted == [False]  # not on while the window built and painted
    watch = window.window_lock
    assert watch._watching
    before = watch.last_input
    qtbot.keyClick(window, Qt.Key.Key_Shift)
    assert watch.last_input > before
