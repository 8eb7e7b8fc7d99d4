"""GUI entry point (``milieu`` with no subcommand).

Cold start stays light: only Qt, the translations and the unlock screen are loaded
before the window shows; SQLAlchemy, alembic and the vault are imported afterwards
(on a background thread) or when the passphrase is submitted.
"""
from __future__ import annotations

import argparse
import sys
from typing import Callable

PRELOAD_DELAY_MS = 300
DESKTOP_ID = "ca.lapiaule.Milieu"  # packaging/linux/ca.lapiaule.Milieu.desktop


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="milieu", add_help=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--passphrase-file")  # headless only; accepted and ignored here
    args, _unknown = parser.parse_known_args(argv)
    return args


def _preload_vault() -> None:
    """Import the vault's and the pages' modules while the worker types the passphrase.

    Importing defines classes only (no widget is made off the GUI thread); at unlock the
    pages' imports took ~0.8 s otherwise.
    """
    import importlib
    import threading

    from views import registry

    def load() -> None:
        for name in ["app.vault", "views.workspace", *(spec.partition(":")[0] for _id, spec in registry.PAGES)]:
            importlib.import_module(name)

    threading.Thread(target=load, daemon=True).start()


def _app_icon():
    from PySide6.QtGui import QIcon

    from views.i18n import ROOT

    icon = QIcon()
    for png in sorted((ROOT / "resources" / "icons").glob("milieu-*.png")):
        icon.addFile(str(png))
    return icon


def run_gui(argv: list[str], *, on_shown: Callable[[], None] | None = None) -> int:
    """Start the GUI; returns the exit code. ``on_shown`` runs once the first window is up
    (the startup benchmark uses it)."""
    args = _parse(argv)
    from app.paths import DataPaths, resolve_data_dir
    from app.prefs import load_language

    data_dir = resolve_data_dir(args.data_dir)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Milieu")
    app.setApplicationDisplayName("Milieu")

    from views.i18n import install_translators
    from views.style import apply_style

    language = load_language(DataPaths(data_dir).prefs)
    app._milieu_translators = install_translators(app, language)  # kept alive with the app
    apply_style(app)

    from views.main_window import MainWindow

    app.setDesktopFileName(DESKTOP_ID)  # Wayland and docks match the window to the menu entry
    app.setWindowIcon(_app_icon())
    window = MainWindow(data_dir)
    window.start()
    window.show()
    from views import smoke

    seconds = smoke.requested()
    if seconds is not None and on_shown is None:
        on_shown = smoke.Smoke(app, window, seconds).start
    if on_shown is not None:
        QTimer.singleShot(0, on_shown)
    else:
        QTimer.singleShot(PRELOAD_DELAY_MS, _preload_vault)
    return app.exec()
