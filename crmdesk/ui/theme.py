"""Light and dark themes (Fusion style): the palettes, the few colours of meaning (warning,
error, success, the focus ring, chips) and the style sheet, every text colour with a
contrast of at least 4.5:1 against its background (WCAG 2 AA; measured by
tests/ui/test_theme_contrast.py, which prints the figures).

Colour never carries a meaning alone: an overdue follow-up says "overdue", a tier chip
names the tier."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ["system", "light", "dark"]

# name -> (light, dark)
TOKENS: dict[str, tuple[str, str]] = {
    "window": ("#f3f3f4", "#2b2d31"),
    "text": ("#1b1c1f", "#e8e8e8"),
    "base": ("#ffffff", "#1e1f22"),
    "alternate": ("#f6f7f9", "#26282c"),
    "button": ("#e9eaec", "#35373c"),
    "muted": ("#5d6068", "#a9abb0"),       # secondary text (placeholders, captions)
    "disabled": ("#8c8f96", "#7d8086"),    # disabled text (exempt from 4.5:1, kept legible)
    "highlight": ("#2660a4", "#2f6fc4"),
    "highlighted_text": ("#ffffff", "#ffffff"),
    "link": ("#1a5fb4", "#8ab8ff"),
    "tooltip": ("#fffbe6", "#3a3d42"),
    "tooltip_text": ("#1b1c1f", "#f0f0f0"),
    "warning": ("#a04000", "#ffb74d"),     # overdue, attention
    "error": ("#b00020", "#ff8a80"),
    "success": ("#1e6b37", "#7bd88f"),
    "focus": ("#2660a4", "#8ab8ff"),       # the focus ring
    "chip": ("#e4e7ed", "#3a3e45"),        # tier and segment chips
    "chip_text": ("#1b1c1f", "#eceff4"),
    "card": ("#ffffff", "#31343a"),        # board cards
    "card_border": ("#c9ccd2", "#4a4e56"),
}

# (foreground, background) pairs that carry text, for the contrast test and the report.
TEXT_PAIRS: list[tuple[str, str]] = [
    ("text", "window"), ("text", "base"), ("text", "alternate"), ("text", "button"),
    ("muted", "base"), ("muted", "window"), ("highlighted_text", "highlight"),
    ("link", "base"), ("tooltip_text", "tooltip"), ("warning", "base"),
    ("warning", "card"), ("warning", "alternate"), ("error", "base"), ("error", "window"),
    ("success", "base"), ("chip_text", "chip"), ("text", "card"), ("muted", "card"),
]

_current_dark = False


def colour(name: str, dark: bool | None = None) -> QColor:
    """The colour `name` of the current theme (or of the dark/light one)."""
    light_value, dark_value = TOKENS[name]
    return QColor(dark_value if (_current_dark if dark is None else dark) else light_value)


def warning_brush() -> QBrush:
    return QBrush(colour("warning"))


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    def c(name: str) -> QColor:
        return colour(name, dark)

    for r, name in [(role.Window, "window"), (role.WindowText, "text"), (role.Base, "base"),
                    (role.AlternateBase, "alternate"), (role.ToolTipBase, "tooltip"),
                    (role.ToolTipText, "tooltip_text"), (role.Text, "text"),
                    (role.Button, "button"), (role.ButtonText, "text"),
                    (role.Highlight, "highlight"), (role.HighlightedText, "highlighted_text"),
                    (role.Link, "link"), (role.LinkVisited, "link"),
                    (role.PlaceholderText, "muted")]:
        p.setColor(r, c(name))
    p.setColor(role.BrightText, QColor("#ffffff"))
    shades = ("#ffffff", "#e9eaec", "#d5d7db", "#a0a3aa", "#c9ccd2") if not dark else \
        ("#4a4d54", "#3e4147", "#1a1b1e", "#25272b", "#3a3d42")
    for r, value in zip((role.Light, role.Midlight, role.Dark, role.Mid, role.Shadow),
                        shades, strict=True):
        p.setColor(r, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(disabled, r, c("disabled"))
    # A selection in an inactive window stays readable (same pair as the active one).
    p.setColor(QPalette.ColorGroup.Inactive, role.Highlight, c("highlight"))
    p.setColor(QPalette.ColorGroup.Inactive, role.HighlightedText, c("highlighted_text"))
    return p


def _dark_palette() -> QPalette:  # kept for callers of the earlier name
    return _palette(True)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def stylesheet(dark: bool) -> str:
    def c(name: str) -> str:
        return colour(name, dark).name()

    return (
        f"QLabel#fieldError, QLabel#formProblems {{ color: {c('error')}; }}"
        f"QLineEdit[invalid=\"true\"] {{ border: 2px solid {c('error')}; }}"
        # A focus that shows: a 2 px ring on fields and lists, in the theme's focus colour.
        f"QLineEdit:focus, QAbstractSpinBox:focus, QPlainTextEdit:focus, QTextEdit:focus,"
        f" QComboBox:focus {{ border: 2px solid {c('focus')}; border-radius: 3px;"
        f" padding: 1px 2px; }}"
        f"QAbstractItemView:focus {{ border: 2px solid {c('focus')}; }}"
        f"QPushButton:focus {{ border: 2px solid {c('focus')}; border-radius: 4px;"
        f" padding: 4px 12px; background: {c('button')}; color: {c('text')}; }}"
        f"QToolButton:focus {{ border: 2px solid {c('focus')}; border-radius: 4px; }}"
        f"QCheckBox:focus, QRadioButton:focus {{ color: {c('text')};"
        f" border-bottom: 2px solid {c('focus')}; }}"
        f"QToolTip {{ color: {c('tooltip_text')}; background: {c('tooltip')};"
        f" border: 1px solid {c('card_border')}; }}"
        # Rows with breathing room in the lists.
        "QTableView::item, QTreeView::item, QListView::item { padding: 3px 6px; }"
    )


def apply_theme(app: QApplication, name: str) -> None:
    global _current_dark
    app.setStyle("Fusion")
    if name == "dark":
        dark = True
    elif name == "light":
        dark = False
    else:
        dark = QGuiApplication.styleHints().colorScheme().name == "Dark"
    _current_dark = dark
    app.setPalette(_palette(dark))
    app.setStyleSheet(stylesheet(dark))


def relative_luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def contrast_report() -> list[tuple[str, str, str, float]]:
    """(theme, foreground, background, ratio) for every text pair of both themes."""
    rows = []
    for dark in (False, True):
        for fg, bg in TEXT_PAIRS:
            rows.append(("dark" if dark else "light", fg, bg,
                         contrast(colour(fg, dark), colour(bg, dark))))
    return rows
