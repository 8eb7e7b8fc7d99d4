"""A new passphrase typed twice, with live strength feedback.

Shared by the first-run setup screen and the change-passphrase dialog so both judge a
passphrase the same way. Imported on the cold start path (views.gate): no ``Qt``
namespace at import or construction.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from app.passphrase_policy import MIN_LENGTH, MIN_SCORE, score

# Strength bar colours for scores 0..4: red, red, orange, green, green.
STRENGTH_COLOURS = ("#c0392b", "#c0392b", "#d35400", "#27ae60", "#27ae60")


class NewPassphraseFields(QObject):
    """The two password fields, the strength bar and its sentence; ``problem()`` says
    why the pair cannot be used yet ("" when it can)."""

    changed = Signal()

    def __init__(self, parent: QWidget, name_prefix: str):
        super().__init__(parent)
        self.passphrase = QLineEdit(parent)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName(f"{name_prefix}_passphrase")
        self.repeat = QLineEdit(parent)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setObjectName(f"{name_prefix}_repeat")
        self.strength_bar = QProgressBar(parent)
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(10)
        self.strength_label = QLabel(parent)
        self.strength_label.setObjectName("strength_label")
        self.strength_label.setWordWrap(True)
        # The mismatch is said under the repeat field, in red, as soon as the two diverge.
        self.mismatch = QLabel(parent)
        self.mismatch.setObjectName(f"{name_prefix}_mismatch")
        self.mismatch.setProperty("role", "field_error")
        self.mismatch.setWordWrap(True)
        self.mismatch.setStyleSheet("color: #b00020; font-weight: bold;")
        self.mismatch.hide()
        for edit in (self.passphrase, self.repeat):
            edit.textChanged.connect(self._update)
        self._update()

    def add_rows(self, form: QFormLayout, passphrase_label: str, repeat_label: str) -> None:
        """Add the four rows; the labels (with their mnemonics) come from the screen."""
        form.addRow(passphrase_label, self.passphrase)
        form.addRow(repeat_label, self.repeat)
        form.addRow("", self.mismatch)
        form.addRow("", self.strength_bar)
        form.addRow("", self.strength_label)

    def _strength_text(self, value: int) -> str:
        if len(self.passphrase.text()) < MIN_LENGTH:
            return self.tr("At least %n characters.", "", MIN_LENGTH)
        return (
            self.tr("Strength: very weak"),
            self.tr("Strength: weak"),
            self.tr("Strength: fair"),
            self.tr("Strength: good"),
            self.tr("Strength: excellent"),
        )[value]

    def _update(self) -> None:
        value = score(self.passphrase.text())
        self.strength_bar.setValue(value)
        self.strength_bar.setStyleSheet(f"QProgressBar::chunk {{ background: {STRENGTH_COLOURS[value]}; }}")
        self.strength_label.setText(self._strength_text(value))
        typed, repeat = self.passphrase.text(), self.repeat.text()
        # Still typing the repeat (a start of the passphrase) is not a mismatch yet.
        self._show_mismatch(bool(repeat) and repeat != typed and not typed.startswith(repeat))
        self.changed.emit()

    def _show_mismatch(self, shown: bool) -> None:
        self.mismatch.setText(self.tr("The two passphrases are different.") if shown else "")
        self.mismatch.setVisible(shown)

    def reveal_problem(self) -> str:
        """``problem()``, with a mismatch also said at the repeat field (on submit)."""
        problem = self.problem()
        if problem and self.problem_is_mismatch():
            self._show_mismatch(True)
            self.repeat.setFocus()
        return problem

    def problem_is_mismatch(self) -> bool:
        passphrase = self.passphrase.text()
        return len(passphrase) >= MIN_LENGTH and score(passphrase) >= MIN_SCORE and self.repeat.text() != passphrase

    def problem(self) -> str:
        passphrase = self.passphrase.text()
        if len(passphrase) < MIN_LENGTH:
            return self.tr("The passphrase needs at least %n characters.", "", MIN_LENGTH)
        if score(passphrase) < MIN_SCORE:  # the rule of app.passphrase_policy, as the CLI applies it
            return self.tr("The passphrase is too easy to guess; use several unrelated words.")
        if self.repeat.text() != passphrase:
            return self.tr("The two passphrases are different.")
        return ""

    def set_enabled(self, enabled: bool) -> None:
        self.passphrase.setEnabled(enabled)
        self.repeat.setEnabled(enabled)

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
