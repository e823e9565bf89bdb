"""Light and dark palettes (Fusion style), both readable, plus the error colour for each."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

THEMES = ["system", "light", "dark"]


def _dark_palette() -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, c in [(role.Window, "#2b2d31"), (role.WindowText, "#e8e8e8"), (role.Base, "#1e1f22"),
                 (role.AlternateBase, "#26282c"), (role.ToolTipBase, "#3a3d42"),
                 (role.ToolTipText, "#f0f0f0"), (role.Text, "#e8e8e8"),
                 (role.Button, "#35373c"), (role.ButtonText, "#e8e8e8"),
                 (role.BrightText, "#ffffff"), (role.Highlight, "#3d7fd9"),
                 (role.HighlightedText, "#ffffff"), (role.Link, "#7fb2ff"),
                 (role.PlaceholderText, "#9a9ca1")]:
        p.setColor(r, QColor(c))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(disabled, r, QColor("#8a8c91"))
    return p


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


#: the error colour on a light and on a dark palette
ERROR_COLOURS = {False: "#b00020", True: "#ff8a80"}
#: labels (by object name) written in the error colour
ERROR_LABELS = ("fieldError", "formProblems")
_dark = False


def error_colour() -> str:
    return ERROR_COLOURS[_dark]


def stylesheet(dark: bool) -> str:
    """The look of error labels and invalid fields as a style sheet (for reference: it is not
    set on the application, see dress)."""
    error = ERROR_COLOURS[dark]
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

    app.setStyle(wheel_guard.guarded_style("Fusion"))  # only a focused field takes the wheel
    if name == "dark":
        palette = _dark_palette()
    elif name == "light":
        palette = app.style().standardPalette()
    else:
        scheme = QGuiApplication.styleHints().colorScheme()
        palette = (_dark_palette() if scheme.name == "Dark"
                   else app.style().standardPalette())
    global _dark
    _dark = is_dark(palette)
    app.setPalette(palette)
    app.setStyleSheet("")  # see dress: the error look is given widget by widget
    for widget in QApplication.allWidgets():  # (a style set anew has re-polished them)
        dress(widget)
