"""Conservation: the retention rules, what they would touch now, and the run (offered monthly)."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from app.ops import privacy as privacy_ops
from app.privacy import retention
from views.floor.common import FieldError
from views.privacy.common import error_text


class RetentionTab(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        labels = {"people": self.tr("Anonymise a &person after no contact for:"),
                  "contact-notes": self.tr("Erase contact &notes after:"),
                  "conflict-notes": self.tr("Erase &conflict notes after:")}
        for kind, label in labels.items():
            spin = QSpinBox()
            spin.setObjectName(f"retention_{kind}")
            spin.setRange(1, retention.MAX_MONTHS)
            spin.setSuffix(self.tr(" months"))
            spin.setMinimumHeight(34)
            spin.setMaximumWidth(180)
            self.spins[kind] = spin
            form.addRow(label, spin)
        self.error = FieldError("retention")
        self.save_button = QPushButton(self.tr("&Save the rules"))
        self.save_button.setObjectName("retention_save")
        self.save_button.clicked.connect(self.save)
        self.preview = QLabel()
        self.preview.setObjectName("retention_preview")
        self.preview.setWordWrap(True)
        self.run_button = QPushButton(self.tr("&Apply the rules now..."))
        self.run_button.setObjectName("retention_run")
        self.run_button.clicked.connect(self.run)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Québec's law asks to destroy or anonymise what is no longer needed. Anonymised people keep what the "
            "reports count (age group, gender, groups, contact types, themes and dates): past reports keep their "
            "figures."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.preview)
        layout.addStretch(1)

    def refresh(self) -> None:
        rules = self.ctx.ops.read(retention.rules)
        for kind, spin in self.spins.items():
            spin.setValue(rules[kind])
        counts = self.ctx.ops.read(lambda s: retention.plan(s, date.today()).counts())
        self.counts = counts
        self.preview.setText(self._describe(counts))

    def _describe(self, counts: dict) -> str:
        return (self.tr("Now, the rules would anonymise %1 people and erase the notes of %2 contacts, %3 referrals "
                        "and %4 conflicts.")
                .replace("%1", str(counts["people"])).replace("%2", str(counts["contact_notes"]))
                .replace("%3", str(counts["referral_notes"])).replace("%4", str(counts["conflict_notes"])))

    def save(self) -> None:
        self.error.set_error("")
        for kind, spin in self.spins.items():
            self.ctx.ops.run(privacy_ops.set_retention_rule, kind, spin.value(), on_error=self._failed,
                             on_done=lambda _v: self.refresh())

    def _failed(self, exc: BaseException) -> bool:
        text = error_text(exc)
        if text:
            self.error.set_error(text)
        return text is not None

    def run(self) -> None:
        counts = self.ctx.ops.read(lambda s: retention.plan(s, date.today()).counts())
        if not any(counts.values()):
            self.preview.setText(self.tr("Nothing to anonymise or erase today."))
            return
        if not self.ctx.extras["dialogs"].confirm(
            self.tr("Apply the retention rules"),
            self._describe(counts) + "\n\n" + self.tr("This cannot be undone. Apply now?"), destructive=True,
        ):
            return
        self.ctx.ops.run(privacy_ops.run_retention, date.today(), on_done=self._done,
                         busy=self.tr("Applying the retention rules..."))

    def _done(self, counts: dict) -> None:
        self.refresh()
        self.preview.setText(self.tr("Done: %1 people anonymised, notes of %2 contacts erased.")
                             .replace("%1", str(counts["people"])).replace("%2", str(counts["contact_notes"])))
