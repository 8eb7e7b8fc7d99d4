"""The sidebar's pages, in display order. A feature adds its line when its page exists.

Each entry: (page_id, "module:ClassName"). The main window imports and builds them.
STATUS_WIDGETS: "module:ClassName" of QWidgets built as ``Class(ctx)`` at each unlock and
shown in the status bar (e.g. unsent changes); destroyed at lock like the pages.
"""

PAGES: list[tuple[str, str]] = [
    ("today", "views.floor.today_page:TodayPage"),
    ("contacts", "views.floor.contacts_page:ContactsPage"),
    ("people", "views.floor.people_page:PeoplePage"),
    ("repertoire", "views.directory.repertoire_page:RepertoirePage"),
    ("conflicts", "views.activity.conflicts_page:ConflictsPage"),
    ("staff", "views.activity.staff_page:StaffPage"),
    ("supplies", "views.floor.supplies_page:SuppliesPage"),
    ("bilan", "views.activity.bilan_page:BilanPage"),
    ("envois", "views.sync.envois_page:EnvoisPage"),
    ("privacy", "views.privacy.privacy_page:PrivacyPage"),
    ("settings", "views.pages.settings_page:SettingsPage"),
]

STATUS_WIDGETS: list[str] = [
    "views.sync.status_widget:UnsentStatus",
]
