"""The flow layout wraps a bar of controls onto more rows instead of cutting them."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from crmdesk.ui.widgets.flow import FlowLayout


def test_a_narrow_bar_wraps_and_nothing_is_cut(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = QWidget()
    qtbot.addWidget(bar)
    layout = FlowLayout(bar)
    buttons = [QPushButton(f"Button number {i}") for i in range(6)]
    for button in buttons:
        layout.addWidget(button, 1)
    one_row = buttons[0].sizeHint().height()
    wide = sum(b.sizeHint().width() for b in buttons) + 60
    assert layout.heightForWidth(wide) == one_row
    narrow = buttons[0].sizeHint().width() * 2 + 20
    assert layout.heightForWidth(narrow) >= 3 * one_row  # three rows of two
    bar.resize(narrow, layout.heightForWidth(narrow))
    bar.show()
    qtbot.waitExposed(bar)
    for button in buttons:
        assert bar.rect().contains(button.geometry()), button.geometry()
        assert button.width() == button.sizeHint().width()  # whole, not squeezed
    assert layout.minimumSize().width() <= buttons[0].sizeHint().width() + 1
    buttons[1].hide()
    assert layout.heightForWidth(narrow) < 3 * one_row + 20  # hidden ones take no room
