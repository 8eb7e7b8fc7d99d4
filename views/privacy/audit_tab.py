"""Journal: the security events the vault recorded (never personal data), newest first."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app import audit
from views.floor.common import datetime_text
from views.privacy.common import fill, register_table

SHOWN = 500


class AuditTab(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.names = {
            "unlock": self.tr("Unlocked"), "vault_created": self.tr("Vault created"),
            "passphrase_changed": self.tr("Passphrase changed"), "key_created": self.tr("Key created"),
            "partner_set": self.tr("La Piaule's key set"), "worker_trusted": self.tr("Worker trusted"),
            "bundle_export": self.tr("Bundle written"), "bundle_import": self.tr("Bundle imported"),
            "retention_run": self.tr("Retention applied"), "person_export": self.tr("A person's file exported"),
            "backups_pruned": self.tr("Old backups deleted"),
            "incident_register_export": self.tr("Incident register exported"),
        }
        self.table = register_table("audit_table", [self.tr("When"), self.tr("Event"), self.tr("Detail")], 2)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The last %1 events. The journal records what happened, never about whom.")
                      .replace("%1", str(SHOWN)))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        events = list(reversed(self.ctx.ops.read(audit.events, limit=SHOWN)))
        fill(self.table, [[datetime_text(e.at), self.names.get(e.kind, e.kind), e.detail] for e in events])
