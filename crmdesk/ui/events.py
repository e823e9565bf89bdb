"""One small event hub: services' changes are announced here and views refresh from it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class EventHub(QObject):
    #: customers whose stored data changed (created, edited, archived, restored)
    customers_changed = Signal(list)
    #: interactions or follow-ups of these customers changed
    interactions_changed = Signal(list)
    #: purchases or points of these customers changed
    loyalty_changed = Signal(list)
    #: the loyalty programme's rules (tiers, rewards, currency) changed
    programme_changed = Signal()
    #: the open book was replaced (new file, demo book, restore)
    book_changed = Signal()
    #: saved views were added or removed
    views_changed = Signal()
