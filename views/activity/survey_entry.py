"""The staff questionnaire: paper forms entered by the worker, or the kiosk screen where a
staff member answers on the laptop. Anonymous: no name, only the date, the team and the round.

The kiosk fills the screen and shows nothing but the questions; after each answer it comes
back blank, and leaving it locks the vault (the worker unlocks with the passphrase)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget,
)

from app.evaluation import survey
from app.ops import evaluation as ops
from models.evaluation import SOURCE_KIOSK, SOURCE_PAPER
from views.context import AppContext
from views.floor.common import ui_language


def _team_combo(ctx: AppContext, name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.addItems([""] + ctx.ops.read(survey.teams))
    combo.lineEdit().setMaxLength(60)
    return combo


class SurveyDialog(QDialog):
    """Paper forms, one at a time; the door to the kiosk."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("survey_dialog")
        self.setWindowTitle(self.tr("Staff questionnaire"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("survey_day")
        self.day.setCalendarPopup(True)
        self.team = _team_combo(ctx, "survey_team")
        self.round = QLineEdit(survey.default_round(date.today()))
        self.round.setObjectName("survey_round")
        self.round.setMaxLength(20)
        self.round.setToolTip(self.tr("Answers of one round are compared with those of the first round"))
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("&Team"), self.team)
        form.addRow(self.tr("&Round"), self.round)
        self.scores: dict[str, QComboBox] = {}
        for code, label in ctx.ops.read(survey.items, ui_language()):
            combo = QComboBox()
            combo.setObjectName(f"survey_score_{code}")
            combo.addItem("–", None)
            for score in survey.SCORES:
                combo.addItem(str(score), score)
            self.scores[code] = combo
            form.addRow(label, combo)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setObjectName("survey_status")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("&Save this form"))
        self.save_button.setObjectName("survey_save")
        self.kiosk_button = QPushButton(self.tr("Open the &kiosk…"))
        self.kiosk_button.setObjectName("survey_kiosk")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.kiosk_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.kiosk_button.clicked.connect(self.open_kiosk)
        layout.addWidget(buttons)

    def answers(self) -> dict[str, int]:
        return {code: combo.currentData() for code, combo in self.scores.items() if combo.currentData()}

    def save(self) -> None:
        def done(_id) -> None:
            for combo in self.scores.values():
                combo.setCurrentIndex(0)
            self.status.setText(self.tr("Saved. Next form?"))

        self.ctx.ops.run(ops.record_survey, self.answers(), answered_on=self.day.date().toPython(),
                         team=self.team.currentText(), round_=self.round.text(), source=SOURCE_PAPER, on_done=done)

    def open_kiosk(self) -> None:
        kiosk = SurveyKiosk(self.ctx, self.round.text(), self)
        kiosk.showFullScreen()
        kiosk.exec()


class SurveyKiosk(QDialog):
    """Only the questions, full screen; blank again after each answer; leaving it locks."""

    def __init__(self, ctx: AppContext, round_: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.round = round_.strip() or survey.default_round(date.today())
        self.setObjectName("survey_kiosk")
        self.setWindowTitle(self.tr("Questionnaire"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 40, 60, 40)
        title = QLabel(self.tr("Staff questionnaire: anonymous, 1 = not at all, 5 = completely"))
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        title.setFont(font)
        outer.addWidget(title)
        grid = QGridLayout()
        self.groups: dict[str, QButtonGroup] = {}
        for r, (code, label) in enumerate(ctx.ops.read(survey.items, ui_language())):
            text = QLabel(label)
            text.setWordWrap(True)
            grid.addWidget(text, r, 0)
            group = QButtonGroup(self)
            for score in survey.SCORES:
                button = QRadioButton(str(score))
                button.setObjectName(f"kiosk_{code}_{score}")
                button.setMinimumHeight(40)
                group.addButton(button, score)
                grid.addWidget(button, r, score)
            self.groups[code] = group
        outer.addLayout(grid)
        team_row = QHBoxLayout()
        team_row.addWidget(QLabel(self.tr("Your team (optional)")))
        self.team = _team_combo(ctx, "kiosk_team")
        team_row.addWidget(self.team, 1)
        outer.addLayout(team_row)
        self.thanks = QLabel()
        self.thanks.setObjectName("kiosk_thanks")
        outer.addWidget(self.thanks)
        outer.addStretch(1)
        row = QHBoxLayout()
        self.send = QPushButton(self.tr("&Send my answers"))
        self.send.setObjectName("kiosk_send")
        self.send.setMinimumHeight(48)
        self.leave = QPushButton(self.tr("Close the kiosk (locks Milieu)"))
        self.leave.setObjectName("kiosk_leave")
        row.addWidget(self.send, 1)
        row.addWidget(self.leave)
        outer.addLayout(row)
        self.send.clicked.connect(self.submit)
        self.leave.clicked.connect(self.reject)

    def answers(self) -> dict[str, int]:
        return {code: g.checkedId() for code, g in self.groups.items() if g.checkedId() in survey.SCORES}

    def submit(self) -> None:
        given = self.answers()
        if not given:
            self.thanks.setText(self.tr("Choose at least one answer."))
            return
        self.ctx.ops.run(ops.record_survey, given, answered_on=date.today(), team=self.team.currentText(),
                         round_=self.round, source=SOURCE_KIOSK, on_done=lambda _id: self.blank())

    def blank(self) -> None:
        """Back to an empty form for the next person: nothing of the previous answers stays."""
        for group in self.groups.values():
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.team.setCurrentIndex(0)
        self.thanks.setText(self.tr("Thank you! Your answers are saved."))

    def reject(self) -> None:  # Esc and the close button too: leaving the kiosk locks Milieu
        super().reject()
        owner = self.parent()
        while owner is not None and not hasattr(owner, "lock_requested"):
            owner = owner.parent()
        if owner is not None:
            owner.lock_requested.emit()
