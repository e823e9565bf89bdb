"""The window's chrome, as a product has it: one icon set on the actions and the navigation,
toolbar labels that do not move (the undo text goes to the tooltip and the Edit menu),
tooltips that name each toolbar action's shortcut, a toolbar that drops its labels rather
than push anything out of a 1024 px window, and the Help menu (F1 help, Ctrl+/ keyboard
shortcuts, About with versions and licences).

`install(window)` is called once the main window has built its menus, actions and pages."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar, QTreeWidget, QTreeWidgetItem

from crmdesk.ui import icons


def tr(text: str) -> str:
    return QCoreApplication.translate("Chrome", text)


_SHORTCUT_IN_TIP = re.compile(r"\s*\((?:Ctrl|Shift|Alt|Del|Esc|F\d+)[^)]*\)\s*$")


def shortcut_text(action: QAction) -> str:
    """The action's shortcuts as the platform writes them ("Ctrl+Shift+Z"), or ""."""
    keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            if not k.isEmpty()]
    return ", ".join(keys[:2])


def tip_with_shortcut(tip: str, action: QAction) -> str:
    """`tip` ending with the action's shortcut in brackets (once, however often called)."""
    base = _SHORTCUT_IN_TIP.sub("", tip).strip()
    if not base:
        base = action.iconText().replace("&", "")
    keys = shortcut_text(action)
    return f"{base} ({keys})" if keys else base


class _ToolbarFitter(QObject):
    """Labels beside the icons while they fit the window; icons only (the label is in the
    tooltip) when they would push actions or the *You:* box into the overflow menu."""

    def __init__(self, window: QMainWindow, toolbar: QToolBar) -> None:
        super().__init__(window)
        self.window = window
        self.toolbar = toolbar
        self.wide_width = 0
        window.installEventFilter(self)
        QTimer.singleShot(0, self.fit)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show,
                                                    QEvent.Type.FontChange):
            self.fit()
        return False

    def fit(self) -> None:
        bar = self.toolbar
        beside = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        if bar.toolButtonStyle() == beside or self.wide_width == 0:
            style = bar.toolButtonStyle()
            bar.setToolButtonStyle(beside)
            self.wide_width = bar.sizeHint().width()
            bar.setToolButtonStyle(style)
        wanted = (beside if self.wide_width <= self.window.width() - 8
                  else Qt.ToolButtonStyle.ToolButtonIconOnly)
        if bar.toolButtonStyle() != wanted:
            bar.setToolButtonStyle(wanted)


def _decorate_nav(nav: QTreeWidget) -> None:
    def walk(item: QTreeWidgetItem, top: bool) -> None:
        key = item.data(0, icons.NAV_KEY_ROLE) or item.text(0)
        name = icons.nav_icon(key) if top else icons.SAVED_VIEW_ICON
        if name is not None and item.data(0, Qt.ItemDataRole.DecorationRole) is None:
            item.setIcon(0, icons.icon(name))
        for i in range(item.childCount()):
            walk(item.child(i), False)

    for i in range(nav.topLevelItemCount()):
        walk(nav.topLevelItem(i), True)


def fit_nav_width(nav: QTreeWidget) -> None:
    """The navigation pane as wide as its longest entry ("Customers (100,000)"), so that
    nothing in it is cut."""
    metrics = nav.fontMetrics()
    widest = 0

    def walk(item: QTreeWidgetItem, depth: int) -> None:
        nonlocal widest
        widest = max(widest, metrics.horizontalAdvance(item.text(0))
                     + nav.iconSize().width() + 10 + depth * nav.indentation())
        for i in range(item.childCount()):
            walk(item.child(i), depth + 1)

    for i in range(nav.topLevelItemCount()):
        walk(nav.topLevelItem(i), 1)
    frame = 2 * nav.frameWidth() + nav.verticalScrollBar().sizeHint().width() // 2 + 12
    wanted = min(widest + frame, 300)
    if nav.minimumWidth() != wanted:
        nav.setMinimumWidth(wanted)


def install_icons(window: Any) -> None:
    for name, action in window.actions.items():
        icon_name = icons.ACTION_ICONS.get(name)
        if icon_name is not None:
            action.setIcon(icons.icon(icon_name))
    nav: QTreeWidget = window.nav
    _decorate_nav(nav)
    # Saved views and pages added later (the office, analytics) get theirs when they appear.
    nav.model().rowsInserted.connect(lambda *_a: QTimer.singleShot(0, lambda: _decorate_nav(nav)))
    from PySide6.QtCore import QSize

    nav.setIconSize(QSize(18, 18))
    fit_nav_width(nav)
    nav.model().dataChanged.connect(lambda *_a: fit_nav_width(nav))  # counts grow
    nav.model().rowsInserted.connect(lambda *_a: fit_nav_width(nav))
    window.toolbar.setIconSize(QSize(20, 20))


def install_toolbar(window: Any) -> None:
    toolbar: QToolBar = window.toolbar
    undo, redo = window.actions["undo"], window.actions["redo"]
    # the toolbar label stays; the menu says what is undone
    undo.setIconText(QCoreApplication.translate("Chrome", "Undo"))
    redo.setIconText(QCoreApplication.translate("Chrome", "Redo"))
    stack = window.undo_stack

    def undo_text(text: str) -> None:
        tip = (QCoreApplication.translate("Chrome", "Undo {what}").format(what=text) if text
               else QCoreApplication.translate("Chrome", "Undo the last change"))
        undo.setToolTip(tip_with_shortcut(tip, undo))

    def redo_text(text: str) -> None:
        tip = (QCoreApplication.translate("Chrome", "Redo {what}").format(what=text) if text
               else QCoreApplication.translate("Chrome", "Redo the change you undid"))
        redo.setToolTip(tip_with_shortcut(tip, redo))

    stack.undoTextChanged.connect(undo_text)
    stack.redoTextChanged.connect(redo_text)
    undo_text(stack.undoText())
    redo_text(stack.redoText())
    for action in toolbar.actions():
        if action.isSeparator() or action in (undo, redo):
            continue
        action.setToolTip(tip_with_shortcut(action.toolTip(), action))
    for label in toolbar.findChildren(QLabel):
        if label.objectName() == "youLabel":
            label.setBuddy(window.user_combo)
            label.setText(QCoreApplication.translate("Chrome", "&You:") + " ")
    window.toolbar_fitter = _ToolbarFitter(window, toolbar)


def install_help(window: Any) -> None:
    """Help ▸ crmdesk Help (F1), Keyboard Shortcuts (Ctrl+/), About (the help module is
    imported when first asked for, not at start-up)."""

    def help_window() -> Any:
        from crmdesk.ui import help_window as module

        return module

    help_menu = None
    for menu_action in window.menuBar().actions():
        if menu_action.menu() is not None and menu_action.menu().objectName() == "Help":
            help_menu = menu_action.menu()
    if help_menu is None:
        help_menu = window.menuBar().addMenu(QCoreApplication.translate("Chrome", "&Help"))
    about = window.actions["about"]
    show_help = QAction(QCoreApplication.translate("Chrome", "crmdesk &Help"), window)
    show_help.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    show_help.setToolTip(tip_with_shortcut(QCoreApplication.translate(
        "Chrome", "How crmdesk works: tasks, shortcuts, roles"), show_help))
    show_help.setIcon(icons.icon(icons.ACTION_ICONS["help"]))
    show_help.triggered.connect(lambda: help_window().show_help(window))
    keys = QAction(QCoreApplication.translate("Chrome", "&Keyboard Shortcuts"), window)
    keys.setShortcut(QKeySequence("Ctrl+/"))
    keys.setToolTip(tip_with_shortcut(
        QCoreApplication.translate("Chrome", "Every keyboard shortcut at a glance"), keys))
    keys.setIcon(icons.icon(icons.ACTION_ICONS["shortcuts"]))
    keys.triggered.connect(lambda: help_window().show_shortcuts(window))
    help_menu.insertAction(about, show_help)
    help_menu.insertAction(about, keys)
    help_menu.insertSeparator(about)
    for action in (show_help, keys):
        window.addAction(action)  # the shortcut works whatever has the focus
    window.actions["help"] = show_help
    window.actions["shortcuts"] = keys
    about.setToolTip(QCoreApplication.translate("Chrome",
                                                "Versions and licences of crmdesk and what it "
                                                "is built with"))


def release_tab(root: Any) -> None:
    """Tab leaves a list or table for the next control (arrow keys move inside it), so the
    keyboard is never trapped in a table of 100,000 rows."""
    from PySide6.QtWidgets import QAbstractItemView

    for view in root.findChildren(QAbstractItemView):
        if view.tabKeyNavigation():
            view.setTabKeyNavigation(False)


def install(window: Any) -> None:
    release_tab(window)
    # pages built the first time they are shown (analytics, the office) get it then
    window.nav.currentItemChanged.connect(
        lambda *_a: QTimer.singleShot(0, lambda: release_tab(window)))
    install_icons(window)
    install_toolbar(window)
    install_help(window)
