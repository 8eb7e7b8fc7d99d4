"""Status bar: how many changes wait to be sent, and the last bundle sent (worker vaults)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from views.sync.envois_page import RECORD_ENTITIES


class UnsentStatus(QLabel):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unsent_status")
        self.ctx = ctx
        ctx.bus.changed.connect(self._changed)
        self.update_text()

    def _changed(self, entities: set) -> None:
        if self.ctx.vault.is_unlocked and entities & RECORD_ENTITIES:
            self.update_text()

    def update_text(self) -> None:
        from app.sync import export, keys

        with self.ctx.vault.session() as s:
            if keys.mode(s) != keys.MODE_WORKER:
                self.setText("")
                return
            waiting = export.unsent_changes(s)
            last = export.last_sent(s)
        text = self.tr("%n change(s) not sent", "", waiting)
        if last is not None:
            text += " · " + self.tr("last bundle no. %1 on %2").replace("%1", str(last.sequence)).replace(
                "%2", f"{last.created_at:%Y-%m-%d}"
            )
        self.setText(text)
