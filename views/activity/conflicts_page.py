"""The "Conflits" page: the quick form beside the latest conflicts."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QWidget

from app.ops import Entity
from app.ops import activity as activity_ops
from views.activity import common
from views.activity.conflict_form import ConflictForm
from views.activity.entries_page import ActivityEntriesPage
from views.context import AppContext
from views.floor.common import ui_language

RECENT_DAYS = 90


class ConflictsPage(ActivityEntriesPage):
    page_id = "conflicts"
    # People and contacts: the form offers them (aliases, the last days' contacts); code items: the places.
    entities = frozenset({Entity.CONFLICT, Entity.PERSON, Entity.CONTACT, Entity.CODE_ITEM})
    delete_op = activity_ops.delete_conflict

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._build(
            name="conflicts", button_prefix="conflict", form=ConflictForm(ctx),
            form_title=self.tr("New conflict"), list_title=self.tr("Last 90 days"),
            headers=[self.tr("When"), self.tr("Int."), self.tr("Where"), self.tr("Outcome")],
            delete_question=self.tr("Delete this conflict?"), stretch=(5, 3),
        )
        from views.activity.baseline_import import BaselineImport

        self.baseline_import = BaselineImport(ctx, self)  # the library's past reports (issue 13)
        self.list_actions.insertWidget(0, self.baseline_import)
        self.first_refresh()

    def title(self) -> str:
        return self.tr("Conflicts")

    def refresh(self) -> None:
        from app.activity import rows as activity_rows

        now = datetime.now()
        rows = [(k.id, k.occurred_at, k.intensity, k.place, k.outcome)
                for k in self.ctx.ops.read(activity_rows.recent_conflicts, now - timedelta(days=RECENT_DAYS),
                                           now + timedelta(days=1), ui_language())]
        self.form.reload_choices()
        outcomes = common.outcome_labels()
        levels = common.intensity_levels()
        self.table.setRowCount(len(rows))
        for r, (cid, when, level, place, outcome) in enumerate(rows):
            cells = [QLocale().toString(when, "d MMM, HH:mm"), str(level), place.split(" : ", 1)[-1], outcomes.get(outcome, outcome)]
            level_item = self._set_row(r, cid, cells)[1]
            level_item.setToolTip(common.level_text(level, levels[level][0]))
            level_item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if rows:
            mean = sum(r[2] for r in rows) / len(rows)
            self.summary.setText(self.tr("%n conflict(s), mean intensity %1", "", len(rows)).replace(
                "%1", common.one_decimal(mean)))
        else:
            self.summary.setText(self.tr("No conflict in the last 90 days."))

    def _focus_after_load(self) -> QWidget:
        return self.form.when
