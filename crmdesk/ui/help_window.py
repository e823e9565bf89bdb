"""Help that ships with the app and works offline: the help window (F1) over
`crmdesk/resources/help/index.html` (a translated `index.<lang>.html` when there is one), the
keyboard-shortcuts overlay (Ctrl+/) and About (versions and licences).

The shortcuts and the roles table are written from the window's actions and from
`services/access.py` when shown, so what help says is what the window does."""

from __future__ import annotations

import html
import platform
import sys
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
)

from crmdesk import __version__, paths
from crmdesk.ui import labels, screen_fit


def tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


# Keys that belong to a widget rather than to a menu action.
WIDGET_KEYS: list[tuple[str, str, str]] = [
    ("Search box", "↓ / Enter", "go into the list / take the first suggestion"),
    ("Search box", "Esc", "clear the search"),
    ("Lists", "Enter", "open the selected customer"),
    ("Lists", "Shift+F10 or the Menu key", "the customer actions"),
    ("Lifecycle board", "Ctrl+→ / Ctrl+←", "move the selected cards to the next / previous stage"),
    ("Quick Capture", "↑ / ↓", "choose among the matches"),
    ("Quick Capture", "Ctrl+Enter", "save the interaction"),
    ("Dialogs", "Enter / Esc", "accept / cancel"),
    ("Everywhere", "Tab / Shift+Tab", "next / previous field"),
    ("Everywhere", "Alt + underlined letter", "the menu or field with that letter"),
]


def _menu_of(window: Any) -> dict[int, str]:
    """id(action) -> the menu it sits in ("Edit"), for grouping the shortcuts."""
    where: dict[int, str] = {}
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        title = menu_action.text().replace("&", "")
        stack = [menu]
        while stack:
            current = stack.pop()
            for action in current.actions():
                if action.menu() is not None:
                    stack.append(action.menu())
                else:
                    where.setdefault(id(action), title)
    return where


def shortcut_rows(window: Any) -> list[tuple[str, str, str]]:
    """(menu, keys, what) for every action of the window with a shortcut, then the keys of
    the widgets; in menu order."""
    where = _menu_of(window)
    seen: set[int] = set()
    rows: list[tuple[str, str, str]] = []
    order = [a.text().replace("&", "") for a in window.menuBar().actions()]
    for action in window.findChildren(QAction):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                if not k.isEmpty()]
        if not keys or id(action) in seen or not action.text():
            continue
        seen.add(id(action))
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = text.removesuffix("…").split("\t")[0]
        if text.startswith(("Undo ", "Redo ")):
            text = text.split(" ")[0]
        group = where.get(id(action), QCoreApplication.translate("Help", "Window"))
        rows.append((group, ", ".join(keys), text))
    rows.sort(key=lambda r: (order.index(r[0]) if r[0] in order else len(order), r[2]))
    return rows + [(tr(g), tr(k), tr(w)) for g, k, w in WIDGET_KEYS]


def shortcuts_html(window: Any, only: str = "") -> str:
    needle = only.casefold().strip()
    parts: list[str] = []
    group = None
    for menu, keys, what in shortcut_rows(window):
        if needle and needle not in f"{menu} {keys} {what}".casefold():
            continue
        if menu != group:
            if group is not None:
                parts.append("</table>")
            parts.append(f"<h3>{html.escape(menu)}</h3><table cellpadding='3'>")
            group = menu
        parts.append(f"<tr><td width='190'><b>{html.escape(keys)}</b></td>"
                     f"<td>{html.escape(what)}</td></tr>")
    if group is not None:
        parts.append("</table>")
    else:
        none = QCoreApplication.translate("Help", "No shortcut matches “{text}”.").format(text=only)
        parts.append("<p>" + html.escape(none) + "</p>")
    return "".join(parts)


def roles_html() -> str:
    """The book-wide permissions of each role, straight from services/access.py."""
    from crmdesk.services import access

    roles = list(access.PERMISSIONS)
    head = "".join(f"<th>{html.escape(labels.label(access.ROLE_LABELS.get(r, r)))}</th>"
                   for r in roles)
    yes = "<td align='center'>✔ " + html.escape(QCoreApplication.translate("Help", "yes")) + "</td>"
    no = "<td align='center'>— " + html.escape(QCoreApplication.translate("Help", "no")) + "</td>"
    may = html.escape(QCoreApplication.translate("Help", "May"))
    rows = [
        f"<tr><th align='left'>{may}</th>{head}</tr>",
        "<tr><td>"
        + html.escape(
            QCoreApplication.translate(
                "Help",
                "find any customer, log interactions and follow-ups, add customers, "
                "record purchases",
            )
        )
        + "</td>"
        + yes * len(roles)
        + "</tr>",
    ]
    for key, what in access.WHAT.items():
        cells = "".join(yes if key in access.PERMISSIONS[r] else no for r in roles)
        rows.append(f"<tr><td>{html.escape(what)}</td>{cells}</tr>")
    return "<table border='1' cellspacing='0' cellpadding='4'>" + "".join(rows) + "</table>"


def help_source() -> str:
    """The help page for the interface language (English when there is no translation)."""
    language = QLocale().name().split("_")[0]
    for name in (f"help/index.{language}.html", "help/index.html"):
        try:
            return paths.resource_bytes(name).decode("utf-8")
        except (FileNotFoundError, OSError):
            continue
    raise FileNotFoundError("help/index.html")


def help_html(window: Any) -> str:
    return (
        help_source()
        .replace("<!--ROLES-->", roles_html())
        .replace("<!--SHORTCUTS-->", shortcuts_html(window))
    )


class HelpWindow(QDialog):
    """Topics on the left, the page on the right, a find box above; not modal."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("crmdesk Help"))
        self.setAccessibleName(self.tr("crmdesk Help"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Help text"))
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(help_html(window))
        self.topics = QListWidget()
        self.topics.setAccessibleName(self.tr("Help topics"))
        self.topics.setMinimumWidth(150)
        self._fill_topics()
        self.topics.currentItemChanged.connect(self._topic_chosen)
        self.find = QLineEdit()
        self.find.setPlaceholderText(self.tr("Find in help (Enter for the next match)"))
        self.find.setAccessibleName(self.tr("Find in help"))
        self.find.setClearButtonEnabled(True)
        self.find.returnPressed.connect(self.find_next)
        self.find.textChanged.connect(lambda _t: self.find_next(restart=True))
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Find result"))
        find_label = QLabel(self.tr("&Find:"))
        find_label.setBuddy(self.find)
        top = QHBoxLayout()
        top.addWidget(find_label)
        top.addWidget(self.find, 1)
        top.addWidget(self.status)
        split = QSplitter()
        split.addWidget(self.topics)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 640])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        screen_fit.fit_dialog(self, 900, 680)

    def _fill_topics(self) -> None:
        doc = self.browser.document()
        block = doc.begin()
        while block.isValid():
            fmt = block.charFormat()
            if block.blockFormat().headingLevel() == 2:
                names = fmt.anchorNames() or [
                    a for f in block.textFormats() for a in f.format.anchorNames()
                ]
                item = QListWidgetItem(block.text())
                item.setData(Qt.ItemDataRole.UserRole, names[0] if names else "")
                self.topics.addItem(item)
            block = block.next()

    def _topic_chosen(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.browser.scrollToAnchor(item.data(Qt.ItemDataRole.UserRole))

    def show_topic(self, anchor: str) -> None:
        self.browser.setSource(QUrl("#" + anchor))
        self.browser.scrollToAnchor(anchor)

    def find_next(self, restart: bool = False) -> bool:
        text = self.find.text()
        if not text:
            self.status.clear()
            return False
        if restart:
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
        found = self.browser.find(text) or (
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start) is None
            and self.browser.find(text)
        )
        self.status.setText("" if found else self.tr("Not found"))
        return bool(found)


class ShortcutsOverlay(QDialog):
    """Help ▸ Keyboard Shortcuts (Ctrl+/): every shortcut, grouped by menu, with a filter."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setAccessibleName(self.tr("Keyboard Shortcuts"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to filter: a key or what it does"))
        self.filter.setAccessibleName(self.tr("Filter shortcuts"))
        self.filter.setClearButtonEnabled(True)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Shortcuts"))
        self.filter.textChanged.connect(self._show)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self._show("")
        screen_fit.fit_dialog(self, 640, 640)

    def _show(self, text: str) -> None:
        self.text.setHtml(shortcuts_html(self.window_, text))


def versions() -> list[tuple[str, str, str]]:
    """(component, version, licence) for About."""
    import sqlite3

    import PySide6
    import reportlab
    from PySide6.QtCore import qVersion

    try:
        import peewee

        peewee_version = peewee.__version__
    except ImportError:  # pragma: no cover - a dependency
        peewee_version = "?"
    return [
        ("crmdesk", __version__, "MIT"),
        ("Python", platform.python_version(), "PSF License"),
        ("Qt", qVersion(), "LGPL 3"),
        ("PySide6", PySide6.__version__, "LGPL 3"),
        ("Peewee", peewee_version, "MIT"),
        ("SQLite", sqlite3.sqlite_version, QT_TRANSLATE_NOOP("Help", "public domain")),
        ("ReportLab", reportlab.Version, "BSD"),
        (
            QT_TRANSLATE_NOOP("Help", "DejaVu fonts"),
            "2.37",
            QT_TRANSLATE_NOOP("Help", "Bitstream Vera / DejaVu licence (free)"),
        ),
        (
            QT_TRANSLATE_NOOP("Help", "Lucide icons"),
            "1.62.0",
            QT_TRANSLATE_NOOP("Help", "ISC (some icons MIT, from Feather)"),
        ),
    ]


def _licence(name: str) -> str:
    try:
        return paths.resource_bytes(name).decode("utf-8")
    except (FileNotFoundError, OSError):
        return ""


class AboutDialog(QDialog):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("About crmdesk"))
        self.setAccessibleName(self.tr("About crmdesk"))
        title = QLabel(
            "<h2>crmdesk "
            + html.escape(__version__)
            + "</h2><p>"
            + html.escape(
                self.tr("An offline-first client book for people who give personal assistance.")
            )
            + "</p>"
        )
        title.setWordWrap(True)
        title.setAccessibleName(self.tr("crmdesk version"))
        book = getattr(getattr(window, "book", None), "path", None)
        where = QLabel(html.escape(self.tr("Book: {path}").format(path=book)) if book else "")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        where.setAccessibleName(self.tr("Book file"))
        rows = "".join(
            f"<tr><td><b>{html.escape(tr(c))}</b></td><td>{html.escape(v)}</td>"
            f"<td>{html.escape(tr(licence))}</td></tr>"
            for c, v, licence in versions()
        )
        heads = [
            html.escape(t) for t in (self.tr("Component"), self.tr("Version"), self.tr("Licence"))
        ]
        self.versions = QTextBrowser()
        self.versions.setAccessibleName(self.tr("Versions and licences"))
        self.versions.setHtml(
            f"<table cellpadding='4'><tr><th align='left'>{heads[0]}</th>"
            f"<th align='left'>{heads[1]}</th>"
            f"<th align='left'>{heads[2]}</th></tr>{rows}</table>"
            f"<p>Python {html.escape(sys.version.split()[0])} · "
            f"{html.escape(platform.platform(terse=True))}</p>"
        )
        self.licences = QTextBrowser()
        self.licences.setAccessibleName(self.tr("Licence texts"))
        self.licences.setPlainText(
            "\n\n".join(
                f"== {label} ==\n\n{text}"
                for label, text in (
                    (self.tr("crmdesk (MIT)"), MIT_TEXT),
                    (self.tr("Lucide icons"), _licence("icons/LICENSE-Lucide.txt")),
                    (self.tr("DejaVu fonts"), _licence("fonts/LICENSE-DejaVu.txt")),
                )
                if text
            )
        )
        tabs = QTabWidget()
        tabs.addTab(self.versions, self.tr("&Versions"))
        tabs.addTab(self.licences, self.tr("&Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.accepted.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        screen_fit.fit_dialog(self, 620, 520)


MIT_TEXT = """MIT License

Copyright (c) 2026 the crmdesk authors

Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def _reuse(window: Any, attr: str, make: Any) -> Any:
    dialog = getattr(window, attr, None)
    if dialog is None:
        dialog = make(window)
        setattr(window, attr, dialog)
    return dialog


def show_help(window: Any, topic: str = "") -> HelpWindow:
    dialog: HelpWindow = _reuse(window, "help_window", HelpWindow)
    dialog.browser.setHtml(help_html(window))  # shortcuts as the window has them now
    if topic:
        dialog.show_topic(topic)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def show_shortcuts(window: Any) -> ShortcutsOverlay:
    dialog: ShortcutsOverlay = _reuse(window, "shortcuts_overlay", ShortcutsOverlay)
    dialog.filter.clear()
    dialog._show("")
    dialog.show()
    dialog.raise_()
    dialog.filter.setFocus()
    return dialog


def show_about(window: Any) -> AboutDialog:
    dialog = AboutDialog(window)
    window.last_dialog = dialog
    dialog.open()
    return dialog
