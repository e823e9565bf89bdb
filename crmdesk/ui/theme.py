"""Light and dark palettes (Fusion style), both readable, plus the error colour for each."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

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


def stylesheet(dark: bool) -> str:
    error = "#ff8a80" if dark else "#b00020"
    return (f"QLabel#fieldError, QLabel#formProblems {{ color: {error}; }}"
            f"QLineEdit[invalid=\"true\"] {{ border: 2px solid {error}; }}")


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
    app.setPalette(palette)
    app.setStyleSheet(stylesheet(is_dark(palette)))
