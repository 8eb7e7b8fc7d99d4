"""The screens shown while no data may be seen: first-run setup and unlock.

They only collect input and display state; views.main_window decides what happens.
Nothing here imports the vault, so the unlock screen appears before SQLAlchemy loads.
Nor the ``Qt`` namespace at import or construction: building its enums costs ~40 ms of
cold start, so it is imported where first needed, after the window is up.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from views.passphrase_fields import NewPassphraseFields

CARD_WIDTH = 560


def _centered(card: QWidget, parent: QWidget) -> None:
    outer = QVBoxLayout(parent)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)


def _title(text: str, size: int = 22) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(size)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def _set_message(label: QLabel, text: str) -> None:
    """Show ``text``; selectable, so a restore command can be copied."""
    from PySide6.QtCore import Qt

    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    label.setVisible(bool(text))


def _busy_bar() -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)  # indeterminate: "working"
    bar.setTextVisible(False)
    bar.setMaximumHeight(10)
    bar.setVisible(False)
    return bar


class SetupScreen(QWidget):
    """First run: passphrase twice with strength feedback, site name, worker's name."""

    submitted = Signal(str, str, str)  # passphrase, site name, worker name

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("setup_screen")
        card = QFrame()
        card.setObjectName("gate_card")
        card.setFixedWidth(CARD_WIDTH)
        layout = QVBoxLayout(card)
        layout.setSpacing(12)
        layout.addWidget(_title(self.tr("Welcome to Milieu")))
        intro = QLabel(self.tr(
            "Your notes are kept in an encrypted vault on this computer. Choose a passphrase: "
            "several words are easier to remember and harder to guess. "
            "Without it, the notes cannot be opened."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields = NewPassphraseFields(self, "setup")
        self.passphrase, self.repeat = self.fields.passphrase, self.fields.repeat
        self.strength_label = self.fields.strength_label
        self.site = QLineEdit()
        self.site.setObjectName("setup_site")
        self.site.setPlaceholderText(self.tr("e.g. Drummondville public library"))
        self.worker = QLineEdit()
        self.worker.setObjectName("setup_worker")
        self.worker.setPlaceholderText(self.tr("The name your colleagues know you by"))
        self.fields.add_rows(form, self.tr("&Passphrase:"), self.tr("&Repeat it:"))
        form.addRow(self.tr("&Site name:"), self.site)
        form.addRow(self.tr("&Your name:"), self.worker)
        layout.addLayout(form)

        self.create_button = QPushButton(self.tr("&Create the vault"))
        self.create_button.setObjectName("create_button")
        self.create_button.setDefault(True)
        self.create_button.setMinimumHeight(44)
        layout.addWidget(self.create_button)
        self.busy_bar = _busy_bar()
        layout.addWidget(self.busy_bar)
        self.message = _message_label()
        self.message.setObjectName("setup_message")
        layout.addWidget(self.message)
        _centered(card, self)

        self.fields.changed.connect(self._update_state)
        for edit in (self.site, self.worker):
            edit.textChanged.connect(self._update_state)
        for edit in (self.passphrase, self.repeat, self.site, self.worker):
            edit.returnPressed.connect(self._submit)
        self.create_button.clicked.connect(self._submit)
        self._update_state()

    def problem(self) -> str:
        """Why the vault cannot be created yet ("" when it can)."""
        problem = self.fields.problem()
        if problem:
            return problem
        if not self.site.text().strip():
            return self.tr("Enter the site name.")
        if not self.worker.text().strip():
            return self.tr("Enter your name.")
        return ""

    def _update_state(self) -> None:
        self.create_button.setEnabled(not self.problem())

    def _submit(self) -> None:
        problem = self.problem()
        if problem and self.fields.problem_is_mismatch():
            self.fields.reveal_problem()  # said in red under the repeat field
            self.show_message("")
            return
        if problem:
            self.show_message(problem)
            return
        self.submitted.emit(self.passphrase.text(), self.site.text().strip(), self.worker.text().strip())

    def set_busy(self, busy: bool) -> None:
        for widget in (self.passphrase, self.repeat, self.site, self.worker, self.create_button):
            widget.setEnabled(not busy)
        self.busy_bar.setVisible(busy)
        if busy:
            self.show_message(self.tr("Creating the encrypted vault..."))
        else:
            self._update_state()

    def show_message(self, text: str) -> None:
        _set_message(self.message, text)

    def clear_secrets(self) -> None:
        self.fields.clear()


class UnlockScreen(QWidget):
    """Only the site name and a passphrase field; nothing of the data."""

    submitted = Signal(str)
    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unlock_screen")
        card = QFrame()
        card.setObjectName("gate_card")
        card.setFixedWidth(CARD_WIDTH)
        layout = QVBoxLayout(card)
        layout.setSpacing(12)
        self.site_label = _title("Milieu", 24)
        self.site_label.setObjectName("site_label")
        # Centred by the style sheet (views/style.py): no Qt enum on the cold start path.
        layout.addWidget(self.site_label)
        prompt = QLabel(self.tr("&Passphrase:"))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("unlock_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMinimumHeight(40)
        prompt.setBuddy(self.passphrase)
        layout.addWidget(prompt)
        layout.addWidget(self.passphrase)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.unlock_button.setMinimumHeight(44)
        layout.addWidget(self.unlock_button)
        self.busy_bar = _busy_bar()
        layout.addWidget(self.busy_bar)
        self.message = _message_label()
        self.message.setObjectName("unlock_message")
        layout.addWidget(self.message)
        self.restore_button = QPushButton(self.tr("&Restore this backup..."))
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setMinimumHeight(44)
        self.restore_button.setVisible(False)
        layout.addWidget(self.restore_button)
        _centered(card, self)

        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick)
        self._remaining = None  # callable -> seconds left, while throttled
        self._reason = ""

        self.passphrase.returnPressed.connect(self._submit)
        self.unlock_button.clicked.connect(self._submit)
        self.restore_button.clicked.connect(self.restore_requested)

    def set_site_name(self, name: str | None) -> None:
        self.site_label.setText(name or "Milieu")

    def _submit(self) -> None:
        if self.passphrase.text() and self.unlock_button.isEnabled():
            self.submitted.emit(self.passphrase.text())

    def set_busy(self, busy: bool) -> None:
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)
        self.busy_bar.setVisible(busy)
        if not busy:
            self.passphrase.setFocus()

    def show_message(self, text: str, restore_offered: bool = False) -> None:
        _set_message(self.message, text)
        self.restore_button.setVisible(restore_offered)

    def wait(self, reason: str, remaining) -> None:
        """Show ``reason`` and a countdown; input stays disabled until ``remaining()`` is 0."""
        self._reason = reason
        self._remaining = remaining
        self.passphrase.setEnabled(False)
        self.unlock_button.setEnabled(False)
        self._tick()
        self._countdown.start()

    def _tick(self) -> None:
        left = self._remaining() if self._remaining else 0
        if left <= 0:
            self._countdown.stop()
            self._remaining = None
            self.passphrase.setEnabled(True)
            self.unlock_button.setEnabled(True)
            self.passphrase.setFocus()
            self.show_message(self._reason)
            return
        seconds = int(left + 0.999)
        self.show_message(self._reason + "\n" + self.tr("Try again in %n second(s).", "", seconds))

    @property
    def waiting(self) -> bool:
        return self._remaining is not None

    def reset(self) -> None:
        self.passphrase.clear()
        self.show_message("")
        self.set_busy(False)
