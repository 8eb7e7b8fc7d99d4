"""Where the Today page's parts sit: its title and button on top, the notices under them, then
today's contacts on the left and follow-ups, low stock and the week's counts on the right."""
from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout


def notice_label(name: str) -> QLabel:
    """A yellow notice line (hidden until it has something to say)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"#{name} {{ background: #fff3cd; border-radius: 4px; padding: 6px; }}")
    label.hide()
    return label


def lay_out_today(page) -> None:
    top = QHBoxLayout()
    titles = QVBoxLayout()
    titles.addWidget(page.heading)
    titles.addWidget(page.date_label)
    top.addLayout(titles, 1)
    top.addWidget(page.new_button)

    follow_buttons = QHBoxLayout()
    follow_buttons.addWidget(page.follow_open)
    follow_buttons.addWidget(page.follow_done)
    follow_buttons.addStretch(1)

    grid = QGridLayout()
    grid.setHorizontalSpacing(24)
    grid.setVerticalSpacing(6)
    grid.addWidget(page.contacts_title, 0, 0)
    grid.addWidget(page.contacts_list, 1, 0, 3, 1)
    grid.addWidget(page.follow_title, 0, 1)
    grid.addWidget(page.follow_list, 1, 1)
    grid.addLayout(follow_buttons, 2, 1)
    side = QHBoxLayout()
    low_box = QVBoxLayout()
    low_box.addWidget(page.low_title)
    low_box.addWidget(page.low_list)
    week_box = QVBoxLayout()
    week_box.addWidget(page.week_title)
    week_box.addWidget(page.week_contacts)
    week_box.addWidget(page.week_people)
    week_box.addStretch(1)
    side.addLayout(low_box, 3)
    side.addLayout(week_box, 2)
    grid.addLayout(side, 3, 1)
    grid.setColumnStretch(0, 1)
    grid.setColumnStretch(1, 1)
    grid.setRowStretch(1, 3)
    grid.setRowStretch(3, 2)

    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 20, 24, 16)
    layout.addLayout(top)
    layout.addWidget(page.bundle_reminder)
    layout.addWidget(page.receipt_warning)
    layout.addWidget(page.privacy_warning)
    layout.addSpacing(8)
    layout.addLayout(grid, 1)
