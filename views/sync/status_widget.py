"""Status bar: how many changes wait to be sent, and the last bundle sent (worker vaults).

It listens on the bus like a page: any change a bundle carries (or a bundle written) updates it.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from views import dates
from views.sync.envois_page import RECORD_ENTITIES


class UnsentStatus(QLabel):
    entities = RECORD_ENTITIES

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unsent_status")
        self.ctx = ctx
        ctx.bus.changed.connect(self._changed)
        self.update_text()

    def _changed(self, changes) -> None:  # app.ops.Changes
        if self.ctx.vault.is_unlocked and not self.entities.isdisjoint(changes):
            self.update_text()

    def update_text(self) -> None:
        from app.sync import rows as sync_rows

        status = self.ctx.ops.read(sync_rows.unsent_status)
        if not status.worker_mode:
            self.setText("")
            return
        text = self.tr("%n change(s) not sent", "", status.waiting)
        if status.last_sequence is not None:
            text += " · " + self.tr("last bundle no. %1 on %2").replace("%1", str(status.last_sequence)).replace(
                "%2", dates.short_date(status.last_created_at, year=True))
        self.setText(text)
