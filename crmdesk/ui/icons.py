"""The window's icons: one open-licensed SVG set (Lucide, ISC licence, in
`crmdesk/resources/icons`), drawn in the colour of the current palette.

Lucide's icons are strokes in `currentColor`. An icon made here is a `QIconEngine` that
renders the SVG at the size and device-pixel ratio asked for (crisp at 200 %) with
`currentColor` replaced by the palette's text colour for the icon's mode: normal, disabled,
selected (the highlighted text colour, on a selected navigation row). It reads the
palette when it paints, so a theme change recolours every icon with no bookkeeping
(Undo and Redo stay visible in the dark theme)."""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from crmdesk import paths

# What each action and page is drawn with: one name per meaning, used everywhere.
ACTION_ICONS: dict[str, str] = {
    "new_book": "book-plus", "open_book": "folder-open", "open_demo": "sparkles",
    "quit": "log-out", "new_customer": "user-plus", "save": "save", "revert": "x",
    "archive": "archive", "restore": "archive-restore", "undo": "undo-2", "redo": "redo-2",
    "find": "search", "refresh": "refresh-cw", "save_view": "bookmark-plus",
    "delete_view": "bookmark-minus", "region": "globe", "quick_capture": "zap",
    "log_interaction": "message-square-plus", "add_follow_up": "calendar-plus",
    "export_ics": "calendar-arrow-down", "staff": "users", "cadence": "timer",
    "funnel": "funnel", "stages": "list-ordered", "record_purchase": "shopping-bag",
    "redeem_points": "gift", "adjust_points": "coins", "statement": "file-text",
    "batch_statements": "files", "loyalty_programme": "award", "import_contacts": "import",
    "undo_import": "undo-dot", "export_vcf": "contact-round", "export_csv": "sheet",
    "export_google_csv": "file-spreadsheet", "export_outlook_csv": "file-spreadsheet",
    "export_book": "file-json", "back_up": "hard-drive-download", "restore_backup": "history",
    "encrypt_book": "lock-keyhole", "change_passphrase": "key-round", "audit": "scroll-text",
    "export_customer_data": "file-down", "forget_customer": "user-x",
    "duplicates": "copy", "lock": "lock", "switch_user": "user-round-cog",
    "my_password": "key", "lock_after": "timer-reset", "remember_passphrase": "key-square",
    "about": "info", "help": "circle-help", "shortcuts": "keyboard", "write_to": "mail",
    "print_brief": "file-text", "templates": "files",
}

# The navigation pane's pages (by the text they start with).
NAV_ICONS: dict[str, str] = {
    "My day": "sun", "Agenda": "calendar-days", "Customers": "users",
    "Lifecycle board": "kanban", "Interactions": "messages-square",
    "Relationship canvas": "layout-grid", "Dashboards": "chart-column", "Trash": "trash-2",
    "Office": "users-round",
}
SAVED_VIEW_ICON = "bookmark"


@functools.cache
def svg_source(name: str) -> bytes:
    """The shipped SVG of an icon (KeyError-free: an unknown name is a programming error)."""
    return paths.resource_bytes(f"icons/{name}.svg")


def names() -> list[str]:
    """Every icon shipped."""
    from importlib import resources

    folder = resources.files("crmdesk").joinpath("resources", "icons")
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".svg"))


def colour_for(mode: QIcon.Mode, palette: QPalette | None = None) -> QColor:
    """The stroke colour of an icon in `mode` under `palette` (the application's)."""
    palette = palette or QGuiApplication.palette()
    role = QPalette.ColorRole
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, role.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(role.HighlightedText)
    return palette.color(role.WindowText)


@functools.lru_cache(maxsize=512)
def _renderer(name: str, colour: str) -> QSvgRenderer:
    data = svg_source(name).replace(b"currentColor", colour.encode("ascii"))
    return QSvgRenderer(QByteArray(data))


class SvgIconEngine(QIconEngine):
    def __init__(self, name: str, colour: QColor | None = None) -> None:
        super().__init__()
        self.name = name
        self.fixed = QColor(colour) if colour is not None else None

    def _colour(self, mode: QIcon.Mode) -> str:
        if self.fixed is not None:
            return self.fixed.name(QColor.NameFormat.HexArgb if self.fixed.alpha() < 255
                                   else QColor.NameFormat.HexRgb)
        return colour_for(mode).name()

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        side = min(rect.width(), rect.height())
        target = QRect(0, 0, side, side)
        target.moveCenter(rect.center())
        _renderer(self.name, self._colour(mode)).render(painter, target)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,  # noqa: N802
                     scale: float) -> QPixmap:
        pixmap = self.pixmap(QSize(round(size.width() * scale), round(size.height() * scale)),
                             mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: N802
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.name, self.fixed)

    def key(self) -> str:
        return "crmdesk-svg"

    def isNull(self) -> bool:  # noqa: N802
        return False


_KEEP: list[SvgIconEngine] = []  # Python owns the engines; QIcon only borrows them


def icon(name: str, colour: QColor | str | None = None) -> QIcon:
    """The shipped icon `name`, in the palette's colours (or always in `colour`)."""
    svg_source(name)  # fail here, not at paint time, for a name not shipped
    engine = SvgIconEngine(name, QColor(colour) if colour is not None else None)
    _KEEP.append(engine)
    return QIcon(engine)


#: a navigation entry's English title (its icon's key), whatever the interface language
NAV_KEY_ROLE = Qt.ItemDataRole.UserRole + 40


def nav_icon(text: str) -> str | None:
    """The icon name for a navigation entry titled `text` ("Customers (500)" too)."""
    for title, name in NAV_ICONS.items():
        if text == title or text.startswith(title + " "):
            return name
    return None
