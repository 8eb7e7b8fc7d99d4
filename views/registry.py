"""The sidebar's pages, in display order. A feature adds its line when its page exists.

Each entry: (page_id, "module:ClassName"). The main window imports and builds them.
"""

PAGES: list[tuple[str, str]] = [
    ("settings", "views.pages.settings_page:SettingsPage"),
]
