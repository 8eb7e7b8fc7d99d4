"""A record's previous versions: when, by whom, what changed (right of rectification, audit)."""
from __future__ import annotations

from datetime import timezone

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
        names = {
            "occurred_at": self.tr("when"), "duration_min": self.tr("duration"), "place_code": self.tr("place"),
            "person_uids": self.tr("persons"), "unidentified_count": self.tr("unidentified persons"),
            "initiated_by": self.tr("initiated by"), "types": self.tr("types"), "themes": self.tr("themes"),
            "supplies": self.tr("supplies given"), "notes": self.tr("notes"), "follow_up_on": self.tr("follow-up"),
            "follow_up_done": self.tr("follow-up done"), "share_with_supervision": self.tr("shared with supervision"),
            "alias": self.tr("alias"), "first_name": self.tr("first name"), "age_bracket": self.tr("age bracket"),
            "gender": self.tr("gender"), "gender_self": self.tr("gender in their words"),
            "languages": self.tr("languages"), "groups": self.tr("groups"), "consent_scope": self.tr("consent"),
            "consent_on": self.tr("consent date"), "consent_notes": self.tr("consent notes"),
            "archived_at": self.tr("archived"), "merged_into_uid": self.tr("merged"),
        }
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
