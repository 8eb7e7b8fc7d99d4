"""PySide6 widgets, Qt item models and dialogs; the GUI entry point. Import Qt lazily:
``milieu`` subcommands run headless through this package without loading Qt."""
