"""init, check, passwd, backup, restore."""
from __future__ import annotations

import getpass
import sys

from app import passphrase_policy
from app.cli import read_passphrase_file
from app.errors import InvalidInput, VaultExists
from app.ops import backups as backup_ops


def register(sub) -> None:
    p = sub.add_parser("init", help="create a new vault")
    p.add_argument("--site", required=True, help="site name, e.g. the library")
    p.add_argument("--worker", required=True, help="the worker's display name")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("check", help="verify integrity and schema; print the schema version")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("passwd", help="change the passphrase (rewraps the key)")
    p.add_argument("--new-passphrase-file", help="read the new passphrase from this file")
    p.set_defaults(handler=cmd_passwd)

    p = sub.add_parser("backup", help="write an encrypted, consistent backup")
    p.add_argument("--to", required=True, metavar="DIR", help="destination folder")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="restore a backup (the current database is kept aside first)")
    p.add_argument("file", help="backup file")
    p.set_defaults(handler=cmd_restore)


def cmd_init(ctx) -> int:
    vault = ctx.vault()
    if vault.exists():
        # Ask nothing when the answer can only be a refusal.
        raise VaultExists(f"A vault already exists in {ctx.data_dir}; it was left untouched.")
    passphrase = ctx.passphrase("New passphrase: ", confirm=True)
    vault.create(passphrase, site_name=ctx.args.site, worker_name=ctx.args.worker)
    vault.lock()
    print(f"Vault created in {ctx.data_dir}.")
    return 0


def cmd_check(ctx) -> int:
    vault = ctx.unlocked_vault()
    try:
        report = vault.check()
    finally:
        vault.lock()
    if not report.integrity_ok:
        print(f"milieu: integrity check failed: {report.problems[0]}", file=sys.stderr)
        return 6
    if not report.up_to_date:
        print(f"milieu: schema {report.schema_version} is not the current one.", file=sys.stderr)
        return 7
    print(f"ok: integrity verified, schema version {report.schema_version}")
    return 0


def cmd_passwd(ctx) -> int:
    vault = ctx.vault()
    old = ctx.passphrase("Current passphrase: ")
    if ctx.args.new_passphrase_file:
        new = read_passphrase_file(ctx.args.new_passphrase_file)
    elif sys.stdin.isatty():
        new = getpass.getpass("New passphrase: ")
        if getpass.getpass("Repeat: ") != new:
            raise InvalidInput("The two passphrases differ.")
    else:
        raise InvalidInput("No new passphrase: use an interactive terminal or --new-passphrase-file.")

    passphrase_policy.require(new)
    vault.change_passphrase(old, new)  # on the locked vault: takes the folder lock exclusively
    print("Passphrase changed.")
    return 0


def cmd_backup(ctx) -> int:
    vault = ctx.unlocked_vault()
    try:
        with vault.session() as s:  # the same operation as Paramètres' "Back up now"
            made = backup_ops.back_up(s, vault, ctx.args.to).value
    finally:
        vault.lock()
    print(made.path)
    if made.pruned:
        print(f"Deleted {made.pruned} backups older than the longest retention period.")
    return 0


def cmd_restore(ctx) -> int:
    kept = ctx.vault().restore(ctx.args.file, ctx.passphrase())
    print(f"Restored {ctx.args.file}; the previous database was kept as {kept}.")
    return 0


