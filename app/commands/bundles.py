"""keys, partner, coordination and bundle commands (weekly bundle, issue 5)."""
from __future__ import annotations

import sys
from pathlib import Path

from app.atomic import atomic_write, read_limited
from app.errors import VaultExists
from app.sync import envelope, export, importer, keys, overview, store
from app.sync.coordination import init_coordination
from app.sync.errors import BundleRejected, Declined, KeyFileInvalid, TooLarge

MAX_FILE = envelope.HEADER_SIZE + envelope.MAX_CIPHERTEXT + envelope.SIGNATURE_SIZE


def register(sub) -> None:
    p = sub.add_parser("keys", help="this vault's public keys")
    ks = p.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    q = ks.add_parser("show", help="print the public keys and the fingerprint")
    q.set_defaults(handler=cmd_keys_show)
    q = ks.add_parser("export-public", help="write the public-key file to give to the other party")
    q.add_argument("out", help="file to write")
    q.set_defaults(handler=cmd_keys_export)

    p = sub.add_parser("partner", help="La Piaule's public key (worker side)")
    ps = p.add_subparsers(dest="partner_command", metavar="ACTION", required=True)
    q = ps.add_parser("set", help="use this public-key file as the bundle recipient")
    q.add_argument("file")
    q.add_argument("--yes", action="store_true", help="do not ask to confirm the fingerprint")
    q.set_defaults(handler=cmd_partner_set)
    q = ps.add_parser("show", help="print the recipient's fingerprint")
    q.set_defaults(handler=cmd_partner_show)

    p = sub.add_parser("coordination", help="La Piaule's coordination vault")
    cs = p.add_subparsers(dest="coordination_command", metavar="ACTION", required=True)
    q = cs.add_parser("init", help="create a coordination vault with its receiving and signing keys")
    q.add_argument("--name", default="La Piaule", help="organisation name shown to workers")
    q.add_argument("--database-url", default=None, metavar="postgresql://USER@HOST/DB",
                   help="keep the coordination store on PostgreSQL 15+ (password from PGPASSFILE/.pgpass or a prompt)")
    q.set_defaults(handler=cmd_coordination_init)
    q = cs.add_parser("trust", help="trust a worker's public-key file")
    q.add_argument("file")
    q.add_argument("--yes", action="store_true", help="do not ask to confirm the fingerprint")
    q.set_defaults(handler=cmd_coordination_trust)
    q = cs.add_parser("workers", help="list workers, their last bundle and missing sequences")
    q.set_defaults(handler=cmd_coordination_workers)
    q = cs.add_parser("overview", help="per library and worker: last bundle, silence, gaps, weekly trend")
    q.set_defaults(handler=cmd_coordination_overview)

    p = sub.add_parser("bundle", help="weekly bundles")
    bs = p.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    q = bs.add_parser("export", help="write the next bundle into a folder")
    q.add_argument("--out", required=True, metavar="DIR")
    q.add_argument("--full", action="store_true", help="carry every record (full refresh)")
    q.set_defaults(handler=cmd_bundle_export)
    q = bs.add_parser("pending", help="count what is waiting to be sent")
    q.set_defaults(handler=cmd_bundle_pending)
    q = bs.add_parser("history", help="list the bundles exported")
    q.set_defaults(handler=cmd_bundle_history)
    q = bs.add_parser("rewrite", help="write an earlier bundle again, byte for byte")
    q.add_argument("sequence", type=int)
    q.add_argument("--out", required=True, metavar="DIR")
    q.set_defaults(handler=cmd_bundle_rewrite)
    q = bs.add_parser("verify", help="check a bundle (coordination side) without importing it")
    q.add_argument("file")
    q.set_defaults(handler=cmd_bundle_verify)
    q = bs.add_parser("import", help="import bundles into the coordination vault, one transaction each")
    q.add_argument("files", nargs="+", metavar="FILE")
    q.set_defaults(handler=cmd_bundle_import)


def _password_prompt():
    """Asked only when PostgreSQL wants a password that PGPASSFILE / ~/.pgpass does not give."""
    if not sys.stdin.isatty():
        return None
    import getpass

    return lambda: getpass.getpass("PostgreSQL password: ")


def open_store(vault):
    return store.open_store(vault, _password_prompt())


def _with_store(ctx, action, reading: bool = True):
    """``action(session)`` on the coordination store (the vault, or PostgreSQL)."""
    vault = ctx.unlocked_vault()
    try:
        store = open_store(vault)
        try:
            with (store.reading() if reading else store.session()) as s:
                return action(s)
        finally:
            store.close()
    finally:
        vault.lock()



def _read_bundle(path: str) -> bytes:
    data = read_limited(Path(path), MAX_FILE)
    if data is None:
        raise TooLarge(f"{Path(path).name} is larger than any bundle can be.")
    return data


def _read_public(path: str) -> keys.PublicIdentity:
    data = read_limited(Path(path), keys.MAX_PUBLIC_FILE)
    if data is None:
        raise KeyFileInvalid("This is not a Milieu public-key file (it is too large).")
    return keys.parse_public_file(data)


def _confirm(ctx, identity: keys.PublicIdentity) -> None:
    print(f"Label: {identity.label}")
    print(f"Fingerprint: {identity.fingerprint}")
    if ctx.args.yes:
        return
    if not sys.stdin.isatty():
        raise Declined("Compare the fingerprint with the other party, then run again with --yes.")
    answer = input("Does this fingerprint match the one read to you by phone? [y/N] ")
    if answer.strip().lower() not in ("y", "yes", "o", "oui"):
        raise Declined("Nothing was changed.")


def _accept_public_key(ctx, store, done: str) -> int:
    """The worker's recipient and the coordination's trusted signer are both set this way:
    read the file, have the fingerprint checked, then ``store(session, identity)``."""
    identity = _read_public(ctx.args.file)
    _confirm(ctx, identity)
    ctx.in_session(lambda s: store(s, identity))
    print(done)
    return 0


def _describe(identity: keys.PublicIdentity) -> str:
    lines = [f"Role: {identity.role}", f"Label: {identity.label}", f"Fingerprint: {identity.fingerprint}",
             f"Signing key id: {identity.signing_key_id.hex()}"]
    if identity.receiving_key_id is not None:
        lines.append(f"Receiving key id: {identity.receiving_key_id.hex()}")
    return "\n".join(lines)


def cmd_keys_show(ctx) -> int:
    print(_describe(ctx.in_session(keys.own_identity)))
    return 0


def cmd_keys_export(ctx) -> int:
    identity = ctx.in_session(keys.own_identity)
    atomic_write(Path(ctx.args.out), identity.to_text().encode("utf-8"))
    print(f"Public key written to {ctx.args.out}; fingerprint {identity.fingerprint}")
    return 0


def cmd_partner_set(ctx) -> int:
    return _accept_public_key(ctx, export.set_partner, "Bundles will now be encrypted to this key.")


def cmd_partner_show(ctx) -> int:
    def show(s):
        peer = export.partner(s)
        return f"{peer.label}\nFingerprint: {peer.fingerprint}" if peer else None

    text = ctx.in_session(show)
    print(text or "No recipient set (milieu partner set FILE).")
    return 0 if text else 1


def cmd_coordination_init(ctx) -> int:

    if ctx.vault().exists():
        raise VaultExists(f"A vault already exists in {ctx.data_dir}; it was left untouched.")
    url, password = ctx.args.database_url, None
    if url:
        password = _reach(url)  # a bad URL or an unreachable server is refused before anything is created
    vault = init_coordination(ctx.data_dir, ctx.passphrase("New passphrase: ", confirm=True), ctx.args.name)
    try:
        if url:
            store.attach_postgresql(vault, url, password).close()
        with vault.session() as s:
            identity = keys.own_identity(s)
    except Exception:
        vault.lock()
        if url:  # nothing half made: without its store the vault would import into itself
            for path in (vault.paths.database, vault.paths.keyfile):
                for extra in ("", "-wal", "-shm"):
                    Path(str(path) + extra).unlink(missing_ok=True)
        raise
    vault.lock()
    print(f"Coordination vault created in {ctx.data_dir}.")
    if url:
        print("Coordination store: PostgreSQL (the keys stay in this vault).")
    print(_describe(identity))
    return 0


def _reach(url: str) -> str | None:
    """Connect once to the PostgreSQL server; the password typed at a prompt, if one was needed."""
    try:
        store.make_store_engine(url).dispose()
        return None
    except store.StoreError as exc:
        prompt = _password_prompt()
        if prompt is None or not store.needs_password(exc):
            raise
        password = prompt()
        store.make_store_engine(url, password).dispose()
        return password


def cmd_coordination_trust(ctx) -> int:
    return _accept_public_key(ctx, importer.trust_worker, "Bundles signed by this worker will be accepted.")


def cmd_coordination_workers(ctx) -> int:
    def rows(s):
        out = []
        for item in importer.overview(s):
            last = f"sequence {item.last.sequence} ({item.last.weeks}), imported {item.last.imported_at:%Y-%m-%d}" if item.last else "none"
            missing = ", ".join(map(str, item.missing)) or "none"
            out.append(f"{item.peer.label} [{item.peer.fingerprint}]\n  last bundle: {last}\n  missing: {missing}")
        return out

    print("\n".join(_with_store(ctx, rows)) or "No worker is trusted yet.")
    return 0


def cmd_coordination_overview(ctx) -> int:
    print(_with_store(ctx, lambda s: overview.as_text(overview.overview(s))))
    return 0


def cmd_bundle_export(ctx) -> int:
    result = ctx.in_session(lambda s: export.export_bundle(s, Path(ctx.args.out), full=ctx.args.full))
    print(result.path)
    print(f"sequence {result.sequence}, weeks {', '.join(result.weeks)}, {result.record_count} records, sha256 {result.sha256}")
    return 0


def cmd_bundle_pending(ctx) -> int:
    counts = ctx.in_session(export.pending_counts)
    for entity, c in sorted(counts.items()):
        print(f"{entity}: {c['changed']} changed, {c['deleted']} deleted")
    if not counts:
        print("Nothing is waiting to be sent.")
    return 0


def cmd_bundle_history(ctx) -> int:
    def rows(s):
        return [f"{b.sequence:6d}  {b.created_at:%Y-%m-%d %H:%M}  {b.weeks:<20} {b.record_count:6d} records  "
                f"{'full ' if b.full else ''}sha256 {b.sha256[:16]}  {b.file_name}" for b in export.history(s)]

    print("\n".join(ctx.in_session(rows)) or "No bundle exported yet.")
    return 0


def cmd_bundle_rewrite(ctx) -> int:
    print(ctx.in_session(lambda s: export.rewrite(s, ctx.args.sequence, Path(ctx.args.out))))
    return 0


def cmd_bundle_verify(ctx) -> int:
    data = _read_bundle(ctx.args.file)

    def check(s):
        v = importer.verify(s, data)
        doc = v.payload.doc
        counts = ", ".join(f"{e} {c['changed']} changed/{c['deleted']} deleted" for e, c in sorted(doc["counts"].items()))
        return "\n".join([
            "ok: signature and encryption verified",
            f"signer: {v.peer.label} [{v.peer.fingerprint}]",
            f"sequence: {v.sequence}{' (full refresh)' if v.header.full else ''}",
            f"weeks: {', '.join(doc['weeks'])}",
            f"counts: {counts or 'no records'}",
            f"sha256: {v.sha256}",
        ])

    print(ctx.in_session(check))
    return 0


def cmd_bundle_import(ctx) -> int:
    vault = ctx.unlocked_vault()
    status = 0
    readable = []
    for name in ctx.args.files:
        try:
            readable.append((name, _read_bundle(name)))
        except BundleRejected as exc:
            print(f"milieu: {name}: refused ({exc.code}): {exc}", file=sys.stderr)
            status = exc.exit_code
        except OSError as exc:
            print(f"milieu: {name}: {exc.strerror or exc}", file=sys.stderr)
            status = 11
    try:
        store = open_store(vault)
    except BaseException:
        vault.lock()
        raise
    try:
        for name, result in importer.import_many(vault, readable, store):
            if isinstance(result, BundleRejected):
                print(f"milieu: {name}: refused ({result.code}): {result}", file=sys.stderr)
                status = result.exit_code
                continue
            if result.status == importer.ALREADY_IMPORTED:
                print(f"{name}: already imported (sequence {result.sequence}); nothing changed.")
            else:
                print(f"{name}: imported sequence {result.sequence} from {result.worker}, weeks {', '.join(result.weeks)}")
            for warning in result.warnings:
                print(f"warning: {name}: {warning}", file=sys.stderr)
    finally:
        store.close()
        vault.lock()
    return status
