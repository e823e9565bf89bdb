"""Issue 20: every text colour of both themes has a contrast of at least 4.5:1 with its
background (WCAG 2 AA), measured on the palette the application really gets and on the
colours of the style sheet; `-s` prints the figures."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from crmdesk.ui import theme

ROLE = QPalette.ColorRole
PALETTE_PAIRS = [(ROLE.WindowText, ROLE.Window), (ROLE.Text, ROLE.Base),
                 (ROLE.Text, ROLE.AlternateBase), (ROLE.ButtonText, ROLE.Button),
                 (ROLE.HighlightedText, ROLE.Highlight), (ROLE.PlaceholderText, ROLE.Base),
                 (ROLE.Link, ROLE.Base), (ROLE.ToolTipText, ROLE.ToolTipBase)]


def test_the_contrast_formula_is_wcags() -> None:
    assert theme.contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert theme.contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert theme.contrast(QColor("#ffffff"), QColor("#ffffff")) == pytest.approx(1.0)


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_applied_palette_reads_at_4_5_to_1(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        theme.apply_theme(app, name)
        palette = app.palette()
        figures = []
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            for fg, bg in PALETTE_PAIRS:
                ratio = theme.contrast(palette.color(group, fg), palette.color(group, bg))
                figures.append((group.name, fg.name, bg.name, round(ratio, 2)))
        print(f"\n{name}:", *figures, sep="\n  ")
        assert all(f[3] >= 4.5 for f in figures), [f for f in figures if f[3] < 4.5]
    finally:
        theme.apply_theme(app, "light")


def test_every_token_pair_and_style_sheet_colour_reads_at_4_5_to_1() -> None:
    report = theme.contrast_report()
    for row in report:
        print(f"{row[0]:5} {row[1]:>16} on {row[2]:<10} {row[3]:5.2f}:1")
    assert all(r[3] >= 4.5 for r in report), [r for r in report if r[3] < 4.5]
    for dark in (False, True):
        sheet = theme.stylesheet(dark)
        background = theme.colour("base", dark)
        for value in set(re.findall(r"color: (#[0-9a-f]{6})", sheet)):
            if value == theme.colour("tooltip_text", dark).name():
                continue  # drawn on the tooltip colour, measured above
            assert theme.contrast(QColor(value), background) >= 4.5, (dark, value)


def test_the_warning_colour_follows_the_theme(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        theme.apply_theme(app, "dark")
        dark = theme.warning_brush().color()
        theme.apply_theme(app, "light")
        assert theme.warning_brush().color() != dark
        assert theme.contrast(theme.warning_brush().color(), app.palette().color(ROLE.Base)) >= 4.5
    finally:
        theme.apply_theme(app, "light")
