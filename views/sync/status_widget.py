"""Status bar: how many changes wait to be sent, and the last bundle sent (worker vaults).

It listens on the bus like a page: any change a bundle carries (or a bundle written) updates it.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.ops import Entity
from views import dates
from views.sync.envois_page import RECORD_ENTITIES


# What can change the last bundle sent or the vault's mode (keys, settings): the whole status is read.
_SENDING = frozenset({Entity.BUNDLE, Entity.SYNC_KEY, Entity.SETTING})


class UnsentStatus(QLabel):
    entities = RECORD_ENTITIES

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unsent_status")
        self.ctx = ctx
        self._status = None  # app.sync.rows.UnsentStatus, as read last
        ctx.bus.changed.connect(self._changed)
        self.update_text()

    def _changed(self, changes) -> None:  # app.ops.Changes
        if self.ctx.vault.is_unlocked and not self.entities.isdisjoint(changes):
            self.update_text(just_counted=changes.isdisjoint(_SENDING))

    def update_text(self, just_counted: bool = False) -> None:
        """``just_counted``: no bundle was sent and the mode is the same: only the count is read again."""
        from app.sync import rows as sync_rows

        if just_counted and self._status is not None:  # after every save: one query on the kept connection
            status = self.ctx.ops.read(sync_rows.unsent_after_save, self._status, warm=True)
        else:
            status = self.ctx.ops.read(sync_rows.unsent_status, warm=True)
        self._status = status
        if not status.worker_mode:
            self.setText("")
            return
        text = self.tr("%n change(s) not sent", "", status.waiting)
        if status.last_sequence is not None:
            text += " · " + self.tr("last bundle no. %1 on %2").replace("%1", str(status.last_sequence)).replace(
                "%2", dates.short_date(status.last_created_at, year=True))
        self.setText(text)
