"""Light and dark themes (Fusion style): the palettes, the few colours of meaning (warning,
error, success, the focus ring, chips), every text colour with a
contrast of at least 4.5:1 against its background (WCAG 2 AA; measured by
tests/ui/test_theme_contrast.py, which prints the figures).

Colour never carries a meaning alone: an overdue follow-up says "overdue", a tier chip
names the tier."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

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


#: labels (by object name) written in the error colour
ERROR_LABELS = ("fieldError", "formProblems")


def error_colour() -> str:
    return colour("error").name()


def stylesheet(dark: bool) -> str:
    """The look of error labels and invalid fields as a style sheet (for reference: it is not
    set on the application, see dress; the focus ring is the style's, in the palette's
    highlight colour, and tooltips take the palette's tooltip colours)."""
    error = colour("error", dark).name()
    return (f"QLabel#fieldError, QLabel#formProblems {{ color: {error}; }}"
            f"QLineEdit[invalid=\"true\"] {{ border: 2px solid {error}; }}")


def dress_label(widget: QWidget) -> None:
    """An error label's text in the theme's error colour (the application's style calls this
    as it polishes each widget, and again after a theme change)."""
    if isinstance(widget, QLabel) and widget.objectName() in ERROR_LABELS:
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(error_colour()))
        widget.setPalette(palette)


def dress(widget: QWidget) -> None:
    """Give `widget` the theme's error look if it carries it: an error label's text colour,
    an invalid field's (`invalid` property) red border (call after setting the property).

    Not an application style sheet: with one, Qt re-styles a widget's whole subtree each time
    it is added to a parent, which made building the main window 3-5x slower (~400 ms)."""
    dress_label(widget)
    if isinstance(widget, QLineEdit):
        sheet = (f"QLineEdit {{ border: 2px solid {error_colour()}; }}"
                 if widget.property("invalid") else "")
        if widget.styleSheet() != sheet:
            widget.setStyleSheet(sheet)


def apply_theme(app: QApplication, name: str) -> None:
    from crmdesk.ui.widgets import wheel_guard

    global _current_dark
    app.setStyle(wheel_guard.guarded_style("Fusion"))  # only a focused field takes the wheel
    if name == "dark":
        dark = True
    elif name == "light":
        dark = False
    else:
        dark = QGuiApplication.styleHints().colorScheme().name == "Dark"
    _current_dark = dark
    app.setPalette(_palette(dark))
    app.setStyleSheet("")  # see dress: the error look is given widget by widget
    for widget in QApplication.allWidgets():  # (a style set anew has re-polished them)
        dress(widget)


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
