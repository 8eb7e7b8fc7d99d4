"""Envois, worker side: recipient key, what waits to be sent, export, history, reminder."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.errors import MilieuError
from views import dates
from views.sync import common, labels, public_keys
from views.sync.pickers import Pickers


class WorkerPanel(QWidget):
    def __init__(self, ctx, pickers: Pickers, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("worker_panel")
        self.ctx = ctx
        self.pickers = pickers
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        self.reminder_banner = QLabel(self.tr("Today is the day to send the weekly bundle to La Piaule."))
        self.reminder_banner.setObjectName("reminder_banner")
        self.reminder_banner.setStyleSheet("background: #fff3cd; padding: 8px; border-radius: 4px;")
        self.reminder_banner.setWordWrap(True)
        layout.addWidget(self.reminder_banner)

        # Keys.
        keys_box = QGroupBox(self.tr("La Piaule's key"))
        keys_layout = QVBoxLayout(keys_box)
        self.partner_label = QLabel()
        self.partner_label.setObjectName("partner_label")
        self.partner_label.setWordWrap(True)
        self.own_label = QLabel()
        self.own_label.setObjectName("own_fingerprint")
        self.own_label.setWordWrap(True)
        row = QHBoxLayout()
        self.partner_button = common.button(self.tr("Set La Piaule's &key…"), "set_partner")
        self.export_key_button = common.button(self.tr("Save &my public key…"), "save_public_key")
        row.addWidget(self.partner_button)
        row.addWidget(self.export_key_button)
        row.addStretch(1)
        keys_layout.addWidget(self.partner_label)
        keys_layout.addWidget(self.own_label)
        keys_layout.addLayout(row)
        layout.addWidget(keys_box)

        # Waiting and export.
        middle = QHBoxLayout()
        pending_box = QGroupBox(self.tr("Waiting to be sent"))
        pending_layout = QVBoxLayout(pending_box)
        self.pending = common.table("pending_table", [self.tr("Kind"), self.tr("New or changed"), self.tr("Deleted")])
        self.pending.setMinimumHeight(140)
        self.pending_total = QLabel()
        self.pending_total.setObjectName("pending_total")
        pending_layout.addWidget(self.pending)
        pending_layout.addWidget(self.pending_total)
        middle.addWidget(pending_box, 3)

        send_box = QGroupBox(self.tr("Send"))
        send_layout = QVBoxLayout(send_box)
        self.export_button = common.button(self.tr("&Export the bundle…"), "export_bundle")
        self.export_button.setMinimumHeight(52)
        font = self.export_button.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.export_button.setFont(font)
        self.full_button = common.button(self.tr("&Full refresh…"), "export_full")
        self.full_button.setToolTip(self.tr("Send everything again, so La Piaule can rebuild its copy."))
        reminder_row = QHBoxLayout()
        reminder_label = QLabel(self.tr("&Remind me on:"))
        self.reminder = QComboBox()
        self.reminder.setObjectName("reminder_weekday")
        self.reminder.addItem(self.tr("No reminder"), 0)
        for number, name in enumerate(labels.weekday_names(), start=1):
            self.reminder.addItem(name, number)
        self.reminder.setMinimumHeight(common.BUTTON_HEIGHT)
        reminder_label.setBuddy(self.reminder)
        reminder_row.addWidget(reminder_label)
        reminder_row.addWidget(self.reminder, 1)
        self.result_label = QLabel()
        self.result_label.setObjectName("export_result")
        self.result_label.setWordWrap(True)
        send_layout.addWidget(self.export_button)
        send_layout.addWidget(self.full_button)
        send_layout.addLayout(reminder_row)
        send_layout.addWidget(self.result_label)
        send_layout.addStretch(1)
        middle.addWidget(send_box, 2)
        layout.addLayout(middle)

        # History.
        history_box = QGroupBox(self.tr("Bundles sent"))
        history_layout = QVBoxLayout(history_box)
        self.history = common.table(
            "history_table",
            [self.tr("No."), self.tr("Written"), self.tr("Weeks"), self.tr("Records"), self.tr("Received by La Piaule"),
             self.tr("File")],
        )
        self.rewrite_button = common.button(self.tr("&Write again…"), "rewrite_bundle")
        self.rewrite_button.setToolTip(self.tr("Write the selected bundle again, identical, e.g. on a new USB key."))
        history_layout.addWidget(self.history)
        history_row = QHBoxLayout()
        history_row.addWidget(self.rewrite_button)
        history_row.addStretch(1)
        history_layout.addLayout(history_row)
        layout.addWidget(history_box, 1)

        self.partner_button.clicked.connect(self.set_partner)
        self.export_key_button.clicked.connect(self.save_public_key)
        self.export_button.clicked.connect(lambda: self.export(full=False))
        self.full_button.clicked.connect(lambda: self.export(full=True))
        self.rewrite_button.clicked.connect(self.rewrite)
        self.reminder.activated.connect(self._reminder_chosen)
        self._sequences: list[int] = []
        self._exporting = False

    # ---- data ----------------------------------------------------------------
    def refresh(self) -> None:
        from app.sync import rows as sync_rows

        state = self.ctx.ops.read(sync_rows.worker_state)
        if state.partner is not None:
            self.partner_label.setText(
                self.tr("Bundles are encrypted for %1 (fingerprint %2).")
                .replace("%1", state.partner.label).replace("%2", state.partner.fingerprint)
            )
        else:
            self.partner_label.setText(
                self.tr("La Piaule's key is not set yet: ask La Piaule for its public-key file, then check its "
                        "fingerprint by phone.")
            )
        self.own_label.setText(self.tr("Your fingerprint: %1").replace("%1", state.own.fingerprint))
        self.export_button.setEnabled(state.partner is not None and not self._exporting)
        self.full_button.setEnabled(state.partner is not None and not self._exporting)
        pending = state.pending
        rows = [[labels.entity_label(e), str(c["changed"]), str(c["deleted"])] for e, c in sorted(pending.items())]
        common.fill(self.pending, rows)
        total = sum(c["changed"] + c["deleted"] for c in pending.values())
        self.pending_total.setText(
            self.tr("Nothing is waiting: the next bundle will only confirm the week.") if total == 0
            else self.tr("%n record(s) waiting to be sent.", "", total)
        )
        self._sequences = [b.sequence for b in state.sent]
        common.fill(self.history, [
            # One kind of fingerprint on screen (the keys', compared by phone): the file's hash stays off.
            [str(b.sequence), dates.date_time(b.created_at), dates.weeks_text(b.weeks),
             str(b.record_count) + (" " + self.tr("(full)") if b.full else ""),
             dates.short_date(b.receipt_at, year=True) if b.receipt_at else self.tr("not yet"), b.file_name]
            for b in state.sent
        ])
        for row, b in enumerate(state.sent):
            self.history.item(row, 2).setToolTip(", ".join(dates.week_text(w) for w in b.weeks.split(",")))
        self.rewrite_button.setEnabled(bool(state.sent))
        index = self.reminder.findData(state.reminder_weekday or 0)
        self.reminder.setCurrentIndex(max(0, index))
        self.reminder_banner.setVisible(state.reminder_due)

    # ---- actions -------------------------------------------------------------
    def _dialogs(self):
        return self.ctx.extras["dialogs"]

    def _fail(self, exc: BaseException) -> None:
        self._dialogs().error(self.tr("Bundles"), labels.error_message(exc))

    def set_partner(self) -> None:
        from app.ops import sync as sync_ops

        public_keys.accept_public_key(
            self.ctx, self.pickers, self.tr("La Piaule's public-key file"),
            self.tr("Key of %1.\n\nFingerprint:\n%2\n\nDoes it match, group by group, the fingerprint La Piaule "
                    "read to you by phone?"),
            sync_ops.set_partner, self._fail,
        )

    def save_public_key(self) -> None:
        public_keys.save_own_key(self.ctx, self.pickers, self.tr("Save my public key"), self.result_label, self._fail)

    def export(self, full: bool) -> None:
        """Written on the writer thread (years of records take a while); the window stays usable."""
        from app.ops import sync as sync_ops

        folder = self.pickers.folder(self.tr("Folder to write the bundle to (e.g. the USB key)"))
        if not folder:
            return

        def done(result) -> None:
            self._exporting = False
            self.result_label.setText(
                self.tr("Bundle no. %1 written: %2").replace("%1", str(result.sequence))
                .replace("%2", result.path.name)
            )
            self.refresh()

        def failed(exc: BaseException) -> bool:
            self._exporting = False
            self.refresh()
            if not isinstance(exc, (MilieuError, OSError)):
                return False
            self._fail(exc)
            self.result_label.setText(self.tr("Nothing was lost: the changes are still waiting. Try again."))
            return True

        self._exporting = True
        self.export_button.setEnabled(False)
        self.full_button.setEnabled(False)
        self.result_label.setText(self.tr("Writing the bundle…"))
        self.ctx.ops.run(sync_ops.export_bundle, Path(folder), full=full, on_done=done, on_error=failed,
                         busy=self.tr("Writing the bundle…"), on_progress=lambda n, total: self.result_label.setText(
                             f"{self.tr('Writing the bundle…')} {n + 1}/{total}"))

    def rewrite(self) -> None:
        from app.ops import sync as sync_ops

        row = self.history.currentRow()
        if not (0 <= row < len(self._sequences)):
            row = 0
        if not self._sequences:
            return
        folder = self.pickers.folder(self.tr("Folder to write the bundle to again"))
        if not folder:
            return

        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, (MilieuError, OSError)):
                return False
            self._fail(exc)
            return True

        self.ctx.ops.run(
            sync_ops.rewrite_bundle, self._sequences[row], Path(folder), on_error=failed,
            on_done=lambda path: self.result_label.setText(self.tr("Written again: %1").replace("%1", path.name)),
            busy=self.tr("Writing the bundle…"),
        )

    def _reminder_chosen(self, index: int) -> None:
        from app.ops import sync as sync_ops

        self.ctx.ops.run(sync_ops.set_reminder_weekday, self.reminder.itemData(index) or None)
