"""Settings ▸ Relationship Costs…: hourly cost per role, default duration per channel, the
answer target and what a loyalty point is worth (kept in the book, for managers)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import access, catalog, settings
from crmdesk.services.settings import CanvasSettings
from crmdesk.ui.widgets import vocabulary


class CanvasSettingsDialog(QDialog):
    def __init__(self, current: CanvasSettings, currency: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Relationship Costs"))
        self.problem = QLabel()
        self.problem.setObjectName("formProblems")
        self.problem.setWordWrap(True)
        self.costs: dict[str, QDoubleSpinBox] = {}
        roles = QGroupBox(self.tr("Staff cost per hour ({currency})").format(currency=currency))
        form = QFormLayout(roles)
        for role in catalog.STAFF_ROLES:
            box = QDoubleSpinBox()
            box.setRange(0, 100_000)
            box.setDecimals(2)
            box.setSingleStep(5)
            box.setValue(current.hourly_cost_cents.get(role, 0) / 100)
            label = vocabulary.label(access.ROLE_LABELS.get(role, role))
            box.setAccessibleName(self.tr("Hourly cost: {role}").format(role=label))
            box.setToolTip(self.tr("What an hour of this role costs the business (salary and "
                                   "overheads); staff time × this is what a relationship costs"))
            self.costs[role] = box
            form.addRow(self.tr("{label}:").format(label=label), box)
        self.minutes: dict[str, QSpinBox] = {}
        channels = QGroupBox(self.tr("Time a contact takes when none was logged (minutes)"))
        grid = QFormLayout(channels)
        for key, label in vocabulary.items(catalog.INTERACTION_CHANNELS):
            spin = QSpinBox()
            spin.setRange(0, 24 * 60)
            spin.setSuffix(self.tr(" min"))
            spin.setValue(current.channel_minutes.get(key, 0))
            spin.setAccessibleName(self.tr("Default duration: {channel}").format(channel=label))
            self.minutes[key] = spin
            grid.addRow(self.tr("{label}:").format(label=label), spin)
        self.target = QSpinBox()
        self.target.setRange(1, 24 * 90)
        self.target.setSuffix(self.tr(" h"))
        self.target.setValue(current.answer_target_hours)
        self.target.setAccessibleName(self.tr("Answer target in hours"))
        self.target.setToolTip(self.tr("A client's message should be answered within this time"))
        self.point_value = QDoubleSpinBox()
        self.point_value.setRange(0, 100_000)
        self.point_value.setDecimals(3)
        self.point_value.setSuffix(" ¢")
        self.point_value.setValue(float(current.point_value_cents))
        self.point_value.setAccessibleName(self.tr("What one loyalty point is worth, in cents"))
        self.point_value.setToolTip(self.tr("Points outstanding × this = the programme's "
                                            "liability"))
        other = QFormLayout()
        other.addRow(self.tr("Answer within:"), self.target)
        other.addRow(self.tr("A loyalty point is worth:"), self.point_value)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(roles)
        left.addLayout(other)
        left.addStretch(1)
        columns.addLayout(left)
        columns.addWidget(channels)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def value(self) -> CanvasSettings:
        return CanvasSettings(
            hourly_cost_cents={k: round(b.value() * 100) for k, b in self.costs.items()},
            channel_minutes={k: s.value() for k, s in self.minutes.items()},
            answer_target_hours=self.target.value(),
            point_value_cents=Decimal(str(round(self.point_value.value(), 3))))

    def accept(self) -> None:
        try:
            settings.save_canvas_settings(self.value())
        except (ValueError, PermissionError) as exc:
            self.problem.setText(str(exc))
            return
        super().accept()
