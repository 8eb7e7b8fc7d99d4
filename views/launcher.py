"""The ``milieu`` command: no arguments starts the GUI; subcommands run headless."""
from __future__ import annotations

import sys


def _gui_requested(argv: list[str]) -> bool:
    """GUI when nothing but global options are given."""
    rest = list(argv)
    while rest and rest[0] in ("--data-dir", "--passphrase-file") and len(rest) >= 2:
        rest = rest[2:]
    rest = [a for a in rest if not a.startswith(("--data-dir=", "--passphrase-file="))]
    return not rest


def main(argv: list[str] | None = None) -> int:
    from app.coredumps import forbid_core_dumps

    forbid_core_dumps()  # before the unlock screen exists or MILIEU_PASSPHRASE is read
    argv = sys.argv[1:] if argv is None else argv
    if _gui_requested(argv):
        from views.app_main import run_gui

        return run_gui(argv)
    from views.activity.cli_hooks import install as install_report_renderers  # PDF of `milieu report`

    install_report_renderers()
    from views.privacy.cli_hooks import install as install_privacy_renderers  # PDF of person files, notices

    install_privacy_renderers()
    from app.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
