"""The relationship canvas and the dashboards in the main window: two pages in the
navigation, built the first time they are shown (the window's start pays nothing), their
menu items, exports and the settings dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QTreeWidgetItem, QVBoxLayout, QWidget

from crmdesk.i18n import Translatable
from crmdesk.services import access
from crmdesk.ui import icons, labels


class AnalyticsPages(Translatable):
    """Owned by the main window (`window.analytics`)."""

    def __init__(self, window: Any):
        self.w = window
        self.canvas: Any = None  # CanvasView once built
        self.dashboard: Any = None  # DashboardView once built
        self.canvas_holder = self._holder(self.tr("Relationship canvas"))
        self.dashboard_holder = self._holder(self.tr("Dashboards"))
        nav = window.nav
        self.nav_canvas = QTreeWidgetItem([self.tr("Relationship canvas")])
        self.nav_canvas.setData(0, icons.NAV_KEY_ROLE, "Relationship canvas")
        self.nav_canvas.setData(0, Qt.ItemDataRole.UserRole,
                                ("page", window.pages.addWidget(self.canvas_holder)))
        self.nav_canvas.setToolTip(0, self.tr("Segments, channels, relationships and what they "
                                              "cost"))
        self.nav_dashboard = QTreeWidgetItem([self.tr("Dashboards")])
        self.nav_dashboard.setData(0, icons.NAV_KEY_ROLE, "Dashboards")
        self.nav_dashboard.setData(0, Qt.ItemDataRole.UserRole,
                                   ("page", window.pages.addWidget(self.dashboard_holder)))
        self.nav_dashboard.setToolTip(0, self.tr("Funnel, promises, response times, satisfaction, "
                                         "loyalty, quiet clients and value as charts"))
        at = nav.indexOfTopLevelItem(window.nav_trash)
        nav.insertTopLevelItems(max(0, at), [self.nav_canvas, self.nav_dashboard])
        nav.currentItemChanged.connect(self._nav_changed)
        self.actions = {
            "canvas": self._action(self.tr("Relationship &Canvas"), self.tr("Ctrl+Shift+K"),
                                   self.tr("The relationship canvas: one card per segment"),
                                   lambda: nav.setCurrentItem(self.nav_canvas)),
            "dashboards": self._action(self.tr("Dash&boards"), self.tr("Ctrl+Shift+D"),
                                       self.tr("Charts of the funnel, promises, response times, "
                                       "satisfaction, loyalty and value"),
                                       lambda: nav.setCurrentItem(self.nav_dashboard)),
            "costs": self._action(self.tr("Relationship &Costs…"), "",
                                  self.tr("Hourly cost per role, default duration per channel, "
                                  "answer target, value of a point"), self.edit_costs),
        }
        menus = {a.menu().objectName(): a.menu() for a in window.menuBar().actions()
                 if a.menu()}
        view: QMenu | None = menus.get("View")
        if view is not None:
            view.addSeparator()
            view.addAction(self.actions["canvas"])
            view.addAction(self.actions["dashboards"])
        settings_menu: QMenu | None = menus.get("Settings")
        if settings_menu is not None:
            settings_menu.addAction(self.actions["costs"])
        for action in self.actions.values():
            window.addAction(action)
        self.settle = QTimer(window)
        self.settle.setSingleShot(True)
        self.settle.timeout.connect(self._reload_visible)
        hub = window.hub
        for signal in (hub.customers_changed, hub.interactions_changed, hub.loyalty_changed):
            signal.connect(lambda _ids: self.book_changed())
        hub.programme_changed.connect(self.book_changed)

    def _holder(self, name: str) -> QWidget:
        holder = QWidget()
        holder.setAccessibleName(name)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        return holder

    def _action(self, text: str, keys: str, tip: str, slot: Any) -> QAction:
        action = QAction(text, self.w)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _c=False: slot())
        return action

    # --- pages, built on first use -------------------------------------------------------
    def ensure_canvas(self) -> Any:
        if self.canvas is None:
            from crmdesk.ui.views.analytics import CanvasView

            self.canvas = CanvasView()
            self.canvas_holder.layout().addWidget(self.canvas)
            self._connect(self.canvas)
        return self.canvas

    def ensure_dashboard(self) -> Any:
        if self.dashboard is None:
            from crmdesk.ui.views.analytics import DashboardView

            self.dashboard = DashboardView()
            self.dashboard_holder.layout().addWidget(self.dashboard)
            self._connect(self.dashboard)
            tabs = self.dashboard.tabs
            try:  # the tab looked at last time (window state lives in QSettings)
                tab = int(self.w.qsettings.value("analytics/dashboard_tab", 0))
            except (TypeError, ValueError):
                tab = 0
            tabs.blockSignals(True)
            tabs.setCurrentIndex(max(0, min(tab, tabs.count() - 1)))
            tabs.blockSignals(False)
            tabs.currentChanged.connect(
                lambda i: self.w.qsettings.setValue("analytics/dashboard_tab", i))
        return self.dashboard

    def _connect(self, page: Any) -> None:
        page.show_customers.connect(self.show_customers)
        page.failed.connect(self.w.show_error)
        page.export_requested.connect(lambda kind, p=page: self.export(p, kind))

    def _nav_changed(self, item: QTreeWidgetItem | None, _prev: Any = None) -> None:
        if item is self.nav_canvas:
            page = self.ensure_canvas()
        elif item is self.nav_dashboard:
            page = self.ensure_dashboard()
        else:
            return
        if page.stale:
            page.reload()

    def visible(self, page: Any) -> bool:
        holder = self.canvas_holder if page is self.canvas else self.dashboard_holder
        return page is not None and self.w.pages.currentWidget() is holder

    #: after a change, wait this long for the next one before recomputing what is shown
    #: (a receptionist logging call after call does not restart the work each time)
    SETTLE_MS = 800

    def book_changed(self) -> None:
        """Something in the book changed: recompute what is shown once changes settle, the
        rest when shown."""
        for page in (self.canvas, self.dashboard):
            if page is None:
                continue
            if hasattr(page, "invalidate"):
                page.invalidate()
            page.stale = True
        if any(self.visible(p) for p in (self.canvas, self.dashboard)):
            self.settle.start(self.SETTLE_MS)

    def _reload_visible(self) -> None:
        for page in (self.canvas, self.dashboard):
            if page is not None and page.stale and self.visible(page):
                page.reload()

    def book_opened(self) -> None:
        for page in (self.canvas, self.dashboard):
            if page is not None:
                page.bar.reload_owners()
        self.book_changed()

    def apply_permissions(self) -> None:
        ok = access.can("analytics")
        me = access.current()
        role = labels.label(access.ROLE_LABELS.get(me.role, me.role)).lower()
        why = "" if ok else self.tr(" — not for your role ({role})").format(role=role)
        for item in (self.nav_canvas, self.nav_dashboard):
            item.setDisabled(not ok)
        self.nav_canvas.setToolTip(0, self.tr("Segments, channels, relationships and what they "
                                              "cost")
                                   + why)
        for name in ("canvas", "dashboards"):
            self.actions[name].setEnabled(ok)
        self.actions["costs"].setEnabled(access.can("settings"))
        self.book_changed()

    # --- the customers behind a figure ---------------------------------------------------
    def show_customers(self, ids: list[int], label: str) -> None:
        w = self.w
        if not w.maybe_discard():
            return
        w.nav.setCurrentItem(w.nav_customers)
        w.customers.restrict_to(ids, label)
        w.statusBar().showMessage(self.tr("%n customer(s) behind: {label}", "", len(ids))
                                  .format(label=label), 8000)

    # --- exports and settings --------------------------------------------------------------
    def export(self, page: Any, kind: str) -> None:
        if kind == "costs":
            self.edit_costs()
            return
        from crmdesk.services import exporting

        is_canvas = page is self.canvas
        name = "relationship-canvas" if is_canvas else "dashboards"
        suffix, filters = {"pdf": (".pdf", "PDF (*.pdf)"),
                           "csv": (".csv", "CSV, spreadsheet-safe (*.csv)")}[kind]
        target = self.w.ask_save_path(
            self.tr("Export the relationship canvas")
            if is_canvas
            else self.tr("Export the dashboards"),
            self.w._documents() / f"{name}-{exporting.stamp()}{suffix}",
            filters,
        )
        if target is None:
            return
        scope = page.bar.scope()

        def work(_progress: Any) -> None:
            from crmdesk.services import canvas, canvas_export, dashboard

            if is_canvas:
                result = canvas.compute(scope)
                if kind == "pdf":
                    from crmdesk.reports import canvas_pdf

                    canvas_pdf.write_canvas_pdf(result, target)
                else:
                    canvas_export.write_csv(result, target)
                return
            board = dashboard.compute(scope)
            if kind == "pdf":
                from crmdesk.reports import canvas_pdf

                canvas_pdf.write_dashboard_pdf(board, target)
            else:
                canvas_export.write_dashboard_csv(board, target)

        self.w.run_with_progress(
            self.tr("Writing {name}…").format(name=target.name),
            work,
            lambda _r: self.w.statusBar().showMessage(
                self.tr("Written to {target}").format(target=target), 8000
            ),
        )

    def edit_costs(self) -> None:
        from crmdesk.services import loyalty_programme, settings
        from crmdesk.ui.dialogs.canvas_settings import CanvasSettingsDialog

        dialog = CanvasSettingsDialog(
            settings.canvas_settings(), loyalty_programme.programme().currency, self.w
        )
        self.w.last_dialog = dialog
        if self.w.run_dialog(dialog):
            self.book_changed()


def install(window: Any) -> AnalyticsPages:
    """Add the pages to `window`, and have its permission and book-opening steps tell them."""
    pages = AnalyticsPages(window)
    window.analytics = pages
    apply_permissions, load_book_data = window.apply_permissions, window._load_book_data

    def permissions() -> None:
        apply_permissions()
        pages.apply_permissions()

    def book_data() -> None:
        load_book_data()
        pages.book_opened()

    window.apply_permissions = permissions
    window._load_book_data = book_data
    pages.apply_permissions()
    return pages
