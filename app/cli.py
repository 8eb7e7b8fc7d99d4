"""Headless commands: ``milieu [--data-dir DIR] [--passphrase-file F] COMMAND ...``.

Each module of ``app.commands`` registers its subcommands, so features add
commands without touching this file. Errors print one sentence to stderr with a
distinct exit code (see app.errors); never a traceback.
"""
from __future__ import annotations

import argparse
import getpass
import importlib
import os
import pkgutil
import sys
from pathlib import Path

from app import commands
from app.coredumps import forbid_core_dumps
from app.errors import InvalidInput, MilieuError, disk_full
from app.paths import resolve_data_dir
from app.vault import Vault
from app.version import version

ENV_PASSPHRASE = "MILIEU_PASSPHRASE"


def read_passphrase_file(path: str) -> str:
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise InvalidInput(f"Cannot read the passphrase file {path}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"The passphrase file {path} is not UTF-8 text.") from None
    return text.rstrip("\r\n")


class Context:
    """What every command gets: the data folder and a way to ask for the passphrase."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.data_dir = resolve_data_dir(args.data_dir)

    def passphrase(self, prompt: str = "Passphrase: ", confirm: bool = False) -> str:
        if self.args.passphrase_file:
            return read_passphrase_file(self.args.passphrase_file)
        env = os.environ.get(ENV_PASSPHRASE)
        if env is not None:
            return env
        if not sys.stdin.isatty():
            raise InvalidInput(
                f"No passphrase: use an interactive terminal, {ENV_PASSPHRASE} or --passphrase-file."
            )
        value = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat: ") != value:
            raise InvalidInput("The two passphrases differ.")
        return value

    def vault(self) -> Vault:
        return Vault(self.data_dir)

    def unlocked_vault(self) -> Vault:
        vault = self.vault()
        vault.unlock(self.passphrase())
        for warning in vault.warnings:
            print(f"milieu: warning: {warning}", file=sys.stderr)
        return vault

    def in_session(self, action):
        """Unlock, run ``action(session)`` in one transaction, lock again; returns what it returned."""
        vault = self.unlocked_vault()
        try:
            with vault.session() as s:
                return action(s)
        finally:
            vault.lock()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="milieu", description="Milieu: the outreach worker's encrypted notebook.")
    parser.add_argument("--data-dir", help="data folder (default: $MILIEU_DATA_DIR, else the user data folder)")
    parser.add_argument("--passphrase-file", help="read the passphrase from this file (its whole text, without the final line break)")
    parser.add_argument("--version", action="version", version=f"milieu {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"app.commands.{info.name}").register(sub)
    return parser


_INPUT_LIMITS = {
    RecursionError: "the input is nested too deeply to be read; nothing was changed.",
    OverflowError: "the input holds a number too large to be stored (e.g. 1e20 or thousands of digits); nothing was changed.",
    UnicodeError: "the input holds text that is not valid Unicode (e.g. a lone surrogate); nothing was changed.",
}


def _input_limit(exc: BaseException) -> str | None:
    """Input beyond what can be read or stored (a file nested 100,000 deep, a number of
    1e20 for a column, a lone surrogate), whichever reader met it first; the transaction
    was rolled back, so one sentence says so. None for any other error (a bug: traceback)."""
    for _ in range(5):
        if isinstance(exc, ValueError) and "integer string conversion" in str(exc):
            return _INPUT_LIMITS[OverflowError]
        for kind, text in _INPUT_LIMITS.items():
            if isinstance(exc, kind):
                return text
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
        if exc is None:
            return None
    return None


def main(argv: list[str] | None = None) -> int:
    forbid_core_dumps()  # first: the passphrase may soon be in this process's memory
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.handler(Context(args)) or 0)
    except MilieuError as exc:
        print(f"milieu: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("milieu: interrupted.", file=sys.stderr)
        return 130
    except OSError as exc:
        full = disk_full(exc)
        print(f"milieu: {full or exc.strerror or exc}" + ("" if full else f": {exc.filename or ''}").rstrip(": "),
              file=sys.stderr)
        return 11
    except Exception as exc:
        full = disk_full(exc)  # SQLite's "disk is full" or ENOSPC: one sentence, exit 11
        if full is None:
            limit = _input_limit(exc)
            if limit is None:
                raise
            print(f"milieu: {limit}", file=sys.stderr)
            return InvalidInput.exit_code
        print(f"milieu: {full}", file=sys.stderr)
        return full.exit_code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
