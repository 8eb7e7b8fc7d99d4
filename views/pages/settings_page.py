"""Paramètres: site and worker names, idle-lock delay, language; passphrase change.

Names and delay live in the encrypted database (app.settings); the language in the
small preferences file read before unlock (app.prefs), so it applies at the next start.
The form keeps a draft (views.drafts) like every form that can be interrupted by a lock.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.version import version
from app.ops import Entity
from views.context import AppContext
from views.drafts import DraftKeeper
from views.page import Page
from views.pages.code_lists import CodeListsSection
from views.pages.upkeep import BackupSection, PaperSection
from views.passphrase_dialog import ChangePassphraseDialog

FORM_ID = "settings"
# Language names are written in their own language, untranslated.
LANGUAGE_NAMES = {"fr_CA": "Français (Canada)", "en": "English"}
IDLE_RANGE = (1, 60)


class SettingsPage(Page):
    page_id = "settings"
    entities = frozenset({Entity.SETTING})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("settings_page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        heading = QLabel(self.title())
        font = heading.font()
        font.setPointSize(font.pointSize() + 6)
        heading.setFont(font)
        layout.addWidget(heading)

        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.site = QLineEdit()
        self.site.setObjectName("settings_site")
        self.site.setMaxLength(120)
        self.worker = QLineEdit()
        self.worker.setObjectName("settings_worker")
        self.worker.setMaxLength(120)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("settings_idle_minutes")
        self.idle_minutes.setRange(*IDLE_RANGE)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.language = QComboBox()
        self.language.setObjectName("settings_language")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        for edit in (self.site, self.worker, self.idle_minutes, self.language):
            edit.setMinimumHeight(36)
        for edit, width in ((self.site, 480), (self.worker, 480), (self.idle_minutes, 140), (self.language, 260)):
            edit.setMaximumWidth(width)
        form.addRow(self.tr("Site &name:"), self.site)
        form.addRow(self.tr("&Your name:"), self.worker)
        form.addRow(self.tr("&Lock after idle for:"), self.idle_minutes)
        form.addRow(self.tr("Lan&guage:"), self.language)
        note = QLabel(self.tr("A new language applies the next time Milieu starts."))
        note.setObjectName("language_note")
        note.setWordWrap(True)
        form.addRow("", note)
        layout.addLayout(form)

        self.message = QLabel()
        self.message.setObjectName("settings_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("settings_save")
        self.cancel_button = QPushButton(self.tr("&Undo changes"))
        self.cancel_button.setObjectName("settings_cancel")
        for button in (self.save_button, self.cancel_button):
            button.setMinimumHeight(44)
            button.setMinimumWidth(160)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        layout.addSpacing(16)
        security = QLabel(self.tr("Passphrase"))
        font = security.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        security.setFont(font)
        layout.addWidget(security)
        security_note = QLabel(self.tr(
            "Change it if someone else may know it. Give the new one to colleagues who use this computer."
        ))
        security_note.setWordWrap(True)
        layout.addWidget(security_note)
        passphrase_row = QHBoxLayout()
        self.passphrase_button = QPushButton(self.tr("&Change the passphrase..."))
        self.passphrase_button.setObjectName("settings_change_passphrase")
        self.passphrase_button.setMinimumHeight(44)
        passphrase_row.addWidget(self.passphrase_button)
        passphrase_row.addStretch(1)
        layout.addLayout(passphrase_row)
        # Listes: add, rename, retire (views/pages/code_lists.py); held, so its dialog lives with the page
        self.code_lists_section = CodeListsSection(ctx)
        layout.addWidget(self.code_lists_section)
        upkeep = QHBoxLayout()  # Papier | Sauvegardes side by side, so the page fits 1366x768 (views/pages/upkeep.py)
        self.paper_section, self.backup_section = PaperSection(ctx), BackupSection(ctx)
        upkeep.addWidget(self.paper_section, 2)
        upkeep.addWidget(self.backup_section, 3)
        layout.addLayout(upkeep)
        layout.addStretch(1)
        # IT staff and La Piaule ask for it when something goes wrong.
        self.version_label = QLabel(self.tr("Milieu version %1").replace("%1", version()))
        self.version_label.setObjectName("settings_version")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.version_label)
        self.passphrase_dialog: ChangePassphraseDialog | None = None

        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.passphrase_button.clicked.connect(self.change_passphrase)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        self.keeper = DraftKeeper(ctx, FORM_ID, self.values, self.set_values, owner=self)
        self.keeper.watch(self.site, self.worker, self.idle_minutes, self.language)
        self._load_saved()
        if self.keeper.restore():
            self.message.setText(self.tr("Unsaved changes were brought back. Save them or undo them."))

    def title(self) -> str:
        return self.tr("Settings")

    # ---- values ------------------------------------------------------------
    def values(self) -> dict:
        return {
            "site_name": self.site.text(),
            "worker_name": self.worker.text(),
            "idle_lock_minutes": self.idle_minutes.value(),
            "language": self.language.currentData(),
        }

    def set_values(self, values: dict) -> None:
        self.site.setText(str(values.get("site_name", "")))
        self.worker.setText(str(values.get("worker_name", "")))
        self.idle_minutes.setValue(int(values.get("idle_lock_minutes", 5)))
        index = self.language.findData(values.get("language"))
        if index >= 0:
            self.language.setCurrentIndex(index)

    def _saved_values(self) -> dict:
        from app import prefs, settings

        stored = self.ctx.ops.read(settings.get_all)
        minutes = self.ctx.ops.read(settings.idle_lock_minutes)
        return {
            "site_name": stored.get(settings.SITE_NAME, ""),
            "worker_name": stored.get(settings.WORKER_NAME, ""),
            "idle_lock_minutes": minutes,
            "language": prefs.load_language(self.ctx.vault.paths.prefs),
        }

    def _load_saved(self) -> None:
        with self.keeper.muted():
            self.set_values(self._saved_values())

    def refresh(self) -> None:
        # Never overwrite what the worker is typing (or a draft brought back).
        if not self.keeper.dirty and not self.keeper.has_draft():
            self._load_saved()

    # ---- actions -----------------------------------------------------------
    def save(self) -> None:
        from app import prefs
        from app.ops import settings as settings_ops

        values = self.values()
        site, worker = values["site_name"].strip(), values["worker_name"].strip()
        if not site or not worker:
            self.message.setText(self.tr("The site name and your name cannot be empty."))
            return

        def done(_value) -> None:
            # The language lives in the preferences file read before unlock, not in the vault.
            prefs.save_language(self.ctx.vault.paths.prefs, values["language"])
            self.keeper.discard()
            self._load_saved()
            self.message.setText(self.tr("Settings saved."))

        self.ctx.ops.run(settings_ops.save, site_name=site, worker_name=worker,
                         idle_lock_minutes=values["idle_lock_minutes"], on_done=done)

    def cancel(self) -> None:
        self.keeper.discard()
        self._load_saved()
        self.message.setText(self.tr("Changes undone."))

    def change_passphrase(self) -> None:
        """Open the change dialog (window-modal, no nested event loop); confirm on success."""
        dialog = ChangePassphraseDialog(self.ctx.vault, self.ctx.extras["tasks"], self)
        dialog.finished.connect(self._passphrase_dialog_closed)
        self.passphrase_dialog = dialog
        dialog.open()

    def _passphrase_dialog_closed(self, result: int) -> None:
        dialog, self.passphrase_dialog = self.passphrase_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if result == ChangePassphraseDialog.DialogCode.Accepted:
            self.ctx.extras["dialogs"].info(
                self.tr("Passphrase changed"),
                self.tr("The passphrase was changed. From now on, unlock Milieu with the new one."),
            )
