"""A record's previous versions: when, by whom, what changed (right of rectification, audit)."""
from __future__ import annotations

from datetime import timezone

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.floor_reads import version_rows
from views.floor.common import datetime_text


def field_names() -> dict[str, str]:
    """Words for the fields of app.records.schema a worker edits (a test checks every
    declared person and contact field has one)."""
    return {
        "occurred_at": QCoreApplication.translate("HistoryDialog", "when"),
        "duration_min": QCoreApplication.translate("HistoryDialog", "duration"),
        "place_code": QCoreApplication.translate("HistoryDialog", "place"),
        "person_uids": QCoreApplication.translate("HistoryDialog", "persons"),
        "unidentified_count": QCoreApplication.translate("HistoryDialog", "unidentified persons"),
        "initiated_by": QCoreApplication.translate("HistoryDialog", "initiated by"),
        "types": QCoreApplication.translate("HistoryDialog", "types"),
        "themes": QCoreApplication.translate("HistoryDialog", "themes"),
        "unmet_needs": QCoreApplication.translate("HistoryDialog", "needs left unmet"),
        "supplies": QCoreApplication.translate("HistoryDialog", "supplies given"),
        "notes": QCoreApplication.translate("HistoryDialog", "notes"),
        "follow_up_on": QCoreApplication.translate("HistoryDialog", "follow-up"),
        "follow_up_done": QCoreApplication.translate("HistoryDialog", "follow-up done"),
        "share_with_supervision": QCoreApplication.translate("HistoryDialog", "shared with supervision"),
        "alias": QCoreApplication.translate("HistoryDialog", "alias"),
        "first_name": QCoreApplication.translate("HistoryDialog", "first name"),
        "age_bracket": QCoreApplication.translate("HistoryDialog", "age bracket"),
        "gender": QCoreApplication.translate("HistoryDialog", "gender"),
        "gender_self": QCoreApplication.translate("HistoryDialog", "gender in their words"),
        "languages": QCoreApplication.translate("HistoryDialog", "languages"),
        "groups": QCoreApplication.translate("HistoryDialog", "groups"),
        "consent_scope": QCoreApplication.translate("HistoryDialog", "consent"),
        "consent_on": QCoreApplication.translate("HistoryDialog", "consent date"),
        "consent_notes": QCoreApplication.translate("HistoryDialog", "consent notes"),
        "archived_at": QCoreApplication.translate("HistoryDialog", "archived"),
        "merged_into_uid": QCoreApplication.translate("HistoryDialog", "merged"),
    }


class HistoryDialog(QDialog):
    def __init__(self, ctx, entity: str, uid: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(self.tr("History"))
        self.resize(820, 420)
        versions = [(v.version, v.changed_at, v.changed_by, v.op, v.fields)
                    for v in ctx.ops.read(version_rows, entity, uid, warm=True)]
        self.table = QTableWidget(len(versions), 4)
        self.table.setObjectName("history_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Version"), self.tr("When (local time)"), self.tr("By"), self.tr("What changed")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        names = field_names()
        ops = {"create": self.tr("Created"), "update": self.tr("Changed"), "delete": self.tr("Deleted")}
        for row, (number, at, by, op, fields) in enumerate(reversed(versions)):
            local = at.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None) if at else None
            what = ops.get(op, op)
            if op == "update" and fields:
                what = self.tr("%1: %2").replace("%1", what).replace("%2", ", ".join(names.get(f, f) for f in fields))
            for col, text in enumerate((str(number), datetime_text(local), by or "", what)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
