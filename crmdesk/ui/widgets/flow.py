"""A layout that lays its widgets out in a row and wraps them onto the next row when the row
is full (Qt's "flow layout" example), for bars of filters and buttons that must fit a
1024 px window without cutting anything."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt naming
        self._items.append(item)

    def addWidget(self, widget: QWidget, stretch: int = 0,  # noqa: N802 - Qt naming
                  alignment: Qt.AlignmentFlag | None = None) -> None:
        """As QBoxLayout.addWidget; a stretch is not kept (a row takes what it needs)."""
        super().addWidget(widget)

    def insertWidget(self, index: int, widget: QWidget) -> None:  # noqa: N802
        self.addChildWidget(widget)
        from PySide6.QtWidgets import QWidgetItem

        self._items.insert(max(0, min(index, len(self._items))), QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._do_layout(QRect(0, 0, width, 0), test_only=True)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._do_layout(rect, test_only=False)

    def sizeHint(self) -> QSize:  # noqa: N802
        width = height = 0
        for item in self._visible():
            hint = item.sizeHint()
            width += hint.width() + self._spacing
            height = max(height, hint.height())
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if i.widget() is None or not i.widget().isHidden()]

    def _do_layout(self, rect: QRect, test_only: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            space = self._spacing
            widget = item.widget()
            if widget is not None and space < 0:
                space = widget.style().layoutSpacing(QSizePolicy.ControlType.PushButton,
                                                     QSizePolicy.ControlType.PushButton,
                                                     Qt.Orientation.Horizontal)
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + space, 0
            if not test_only:
                item.setGeometry(QRect(QPoint(x, y), hint.boundedTo(area.size())
                                       if hint.width() > area.width() else hint))
            x += hint.width() + space
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()

