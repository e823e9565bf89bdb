"""Issue 20, Design and Help: one icon set recoloured per theme, toolbar labels that do not
move, tooltips with shortcuts, F1 help, the Ctrl+/ shortcuts overlay, About."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QToolButton

from crmdesk.services import access
from crmdesk.ui import help_window, icons
from crmdesk.ui.theme import apply_theme
from tests.conftest import add


def _ink(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    image = icon.pixmap(QSize(24, 24), 1.0, mode).toImage()
    return {image.pixelColor(x, y).name() for x in range(24) for y in range(24)
            if image.pixelColor(x, y).alpha() == 255}


def test_every_icon_named_is_shipped_with_its_licence() -> None:
    shipped = set(icons.names())
    wanted = set(icons.ACTION_ICONS.values()) | set(icons.NAV_ICONS.values())
    assert wanted <= shipped, wanted - shipped
    assert shipped - wanted - {icons.SAVED_VIEW_ICON} <= {
        "bell", "star", "clock", "triangle-alert", "badge-check", "sun-moon", "book-open",
        "users-round"}  # ship only what is used
    from crmdesk import paths

    assert b"ISC License" in paths.resource_bytes("icons/LICENSE-Lucide.txt")


def test_icons_take_the_theme_colour_so_undo_shows_in_the_dark(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    undo = icons.icon("undo-2")
    try:
        apply_theme(app, "dark")
        dark_ink = _ink(undo)
        window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        assert dark_ink and all(QColor(c).lightness() > 200 for c in dark_ink)
        assert window.lightness() < 80
        disabled = _ink(undo, QIcon.Mode.Disabled)
        assert disabled and disabled != dark_ink
        apply_theme(app, "light")
        assert all(QColor(c).lightness() < 60 for c in _ink(undo))
    finally:
        apply_theme(app, "light")


def test_icons_are_drawn_at_the_screen_scale(qtbot) -> None:  # type: ignore[no-untyped-def]
    pixmap = icons.icon("users").pixmap(QSize(20, 20), 2.0)
    assert pixmap.size() == QSize(40, 40) and pixmap.devicePixelRatio() == 2.0


def test_actions_and_navigation_carry_the_set(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    for name in ("new_customer", "undo", "redo", "quick_capture", "log_interaction", "save"):
        assert isinstance(window.actions[name].icon().cacheKey(), int)
        assert _ink(window.actions[name].icon()), name
    for i in range(window.nav.topLevelItemCount()):
        item = window.nav.topLevelItem(i)
        assert not item.icon(0).isNull(), item.text(0)


def test_the_undo_label_stays_and_the_tooltip_and_menu_say_what(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    undo = window.actions["undo"]
    button = window.toolbar.widgetForAction(undo)
    assert isinstance(button, QToolButton)
    add("Lola", "Peña")
    window.refresh()
    window.customers.select_id(window.customers.model.id_at(0))
    window.archive_selected()
    assert window.undo_stack.canUndo()
    assert undo.iconText() == "Undo"
    assert "Lola Peña" in undo.text()  # the Edit menu
    assert "Lola Peña" in undo.toolTip() and "(Ctrl+Z)" in undo.toolTip()
    assert button.text() == "Undo"


def test_toolbar_tooltips_name_their_shortcut(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    for action in window.toolbar.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if action.text() and keys:
            assert action.toolTip().endswith(f"({keys})") or f"({keys}," in action.toolTip(), \
                (action.text(), action.toolTip())
            assert action.toolTip().count(keys) == 1


def test_the_toolbar_drops_labels_rather_than_overflow(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.resize(1000, 560)
    qtbot.waitUntil(lambda: window.toolbar.toolButtonStyle()
                    == Qt.ToolButtonStyle.ToolButtonIconOnly)
    assert window.toolbar.sizeHint().width() <= window.width()
    qtbot.waitUntil(window.user_combo.isVisible)  # not in the overflow menu
    assert window.user_combo.mapTo(window, window.user_combo.rect().bottomRight()).x() \
        <= window.width()
    window.resize(1800, 900)
    qtbot.waitUntil(lambda: window.toolbar.toolButtonStyle()
                    == Qt.ToolButtonStyle.ToolButtonTextBesideIcon)


def test_f1_opens_help_with_how_tos_shortcuts_and_roles(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help_window
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.browser.toPlainText()
    for words in ("Log a walk-in or a call", "Find a customer", "Keyboard shortcuts",
                  "Ctrl+L", "Quick Capture", "Staff and roles",
                  access.ROLE_LABELS["receptionist"], access.WHAT["audit"]):
        assert words in text, words
    topics = [dialog.topics.item(i).text() for i in range(dialog.topics.count())]
    assert "Follow-ups and promises" in topics and len(topics) >= 10
    dialog.find.setText("duplicates")
    assert dialog.status.text() == ""
    dialog.find.setText("zzqqx-nowhere")
    assert dialog.status.text() == "Not found"


def test_the_roles_table_is_the_services_own(qtbot, book, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    table = help_window.roles_html()
    assert table.count("<tr>") == len(access.WHAT) + 2
    monkeypatch.setitem(access.PERMISSIONS, "receptionist", {"audit"})
    assert help_window.roles_html() != table  # written from the rules, not a copy


def test_ctrl_slash_lists_every_shortcut_and_filters(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.actions["shortcuts"].trigger()
    overlay = window.shortcuts_overlay
    qtbot.waitUntil(overlay.isVisible)
    assert window.actions["shortcuts"].shortcut().toString() == "Ctrl+/"
    text = overlay.text.toPlainText()
    for keys in ("Ctrl+N", "Ctrl+L", "Ctrl+Z", "F1", "Ctrl+Shift+L"):
        assert keys in text, keys
    qtbot.keyClicks(overlay.filter, "capture")
    filtered = overlay.text.toPlainText()
    assert "Ctrl+L" in filtered and "Ctrl+N" not in filtered


def test_about_names_versions_and_licences(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    import reportlab
    from PySide6.QtCore import qVersion

    window = make_window()
    window.actions["about"].trigger()
    dialog = window.last_dialog
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.versions.toPlainText()
    for words in ("crmdesk", qVersion(), "PySide6", "Python", reportlab.Version, "DejaVu",
                  "Lucide", "ISC", "LGPL"):
        assert words in text, words
    licences = dialog.licences.toPlainText()
    assert "MIT License" in licences and "ISC License" in licences and "DejaVu" in licences
