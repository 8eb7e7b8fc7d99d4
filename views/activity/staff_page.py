"""The "Personnel" page: support given to library staff, form beside the latest entries."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from app.ops import Entity
from app.ops import activity as activity_ops
from views.activity import common
from views.activity.entries_page import ActivityEntriesPage
from views.activity.staff_form import StaffSupportForm
from views.context import AppContext

RECENT_DAYS = 180


class StaffPage(ActivityEntriesPage):
    page_id = "staff"
    entities = frozenset({Entity.STAFF_SUPPORT})
    delete_op = activity_ops.delete_staff_support

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._build(
            name="staff", button_prefix="staff", form=StaffSupportForm(ctx),
            form_title=self.tr("Support to library staff"), list_title=self.tr("Last six months"),
            headers=[self.tr("Day"), self.tr("Kind"), self.tr("Staff count"), self.tr("Topic")],
            delete_question=self.tr("Delete this entry?"), stretch=(3, 2),
        )
        self.first_refresh()

    def title(self) -> str:
        return self.tr("Staff")

    def refresh(self) -> None:
        from app.activity import rows as activity_rows

        today = date.today()
        rows = [(r.id, r.occurred_on, r.kind, r.staff_count, r.duration_min, r.topic)
                for r in self.ctx.ops.read(activity_rows.recent_staff_support, today - timedelta(days=RECENT_DAYS),
                                           today + timedelta(days=1))]
        kinds = common.support_kind_labels()
        self.table.setRowCount(len(rows))
        for r, (sid, day, kind, staff, _minutes, topic) in enumerate(rows):
            self._set_row(r, sid, [QLocale().toString(day, "d MMM yy"), kinds.get(kind, kind), str(staff), topic])
        hours = sum(r[4] for r in rows) / 60
        self.summary.setText(self.tr("%n support(s), %1 h in all", "", len(rows)).replace(
            "%1", common.one_decimal(hours)))

    def _focus_after_load(self) -> QWidget:
        return self.form.topic
