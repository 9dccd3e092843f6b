"""``guide pack ...`` and ``guide update ...``: make, sign and publish pack files; update by hand.

Exit codes follow guide.cli: 0 success (including "nothing new"), 1 failure (a source
that cannot be read: try again later), 2 bad input or a refused pack (nothing changed), also
when the source is unchanged since a check that refused its pack (README's table).
Every decision is also logged to ``<user data>/logs/updates.log``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guide.commands import db_options, print_json

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[str, Handler, str], argparse.ArgumentParser]


def _refused(exc: Any) -> int:
    print(f"refused ({exc.reason}): {exc.message}", file=sys.stderr)
    for line in exc.details:
        print(line, file=sys.stderr)
    return 2


def _setup_log() -> None:
    from guide import paths
    from guide.cli import describe_os_error
    from guide.updates.log import log_to_file

    try:
        log_to_file(paths.user_data_dir() / "logs" / "updates.log")
    except OSError as exc:
        # A folder this account may read but not write (or a full disk) must not stop
        # `update status`; an action that then needs to write says so itself.
        print(f"warning: the updates log cannot be written ({describe_os_error(exc)}); "
              "going on without it", file=sys.stderr)


def _guarded(handler: Handler) -> Handler:
    def run(args: argparse.Namespace) -> int:
        from guide.updates.config import ConfigError
        from guide.updates.errors import UpdateRefused
        from guide.updates.keys import KeyFileError
        from guide.updates.state import SlotStateError

        _setup_log()
        try:
            return handler(args)
        except UpdateRefused as exc:
            return _refused(exc)
        except (KeyFileError, ConfigError, SlotStateError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2

    return run


def _trusted(args: argparse.Namespace, config: Any) -> tuple[Any, ...]:
    from guide.updates.keys import load_public_keys

    return load_public_keys(args.trusted) if args.trusted else tuple(config.trusted_keys)


def _config_file(args: argparse.Namespace) -> tuple[Path, str]:
    """The updates config this machine uses, and why that one (for ``update status``).

    What the kiosk reads: ``--config``, else the ``updates_config`` its kiosk settings name
    (``--kiosk-config``, else kiosk.toml in the user data folder, as ``guide --kiosk``
    reads it), else updates.toml in the user data folder. IT checking a kiosk set up with a
    root-owned updates.toml saw "source: None" while the kiosk polled its source.
    """
    from guide.kiosk.config import KioskConfigError, default_config_path, load_config
    from guide.updates.config import ConfigError
    from guide.updates.config import default_config_path as default_updates

    if args.config is not None:
        return args.config, "--config"
    named: Path | None = getattr(args, "kiosk_config", None)
    try:
        kiosk = load_config(named)
    except KioskConfigError as exc:
        if named is not None:
            raise ConfigError(f"kiosk settings: {exc}") from None
        print(f"warning: the kiosk settings cannot be read ({exc}), so their updates_config is "
              "not used; `guide kiosk status` says more", file=sys.stderr)
    else:
        if kiosk.updates_config:
            return Path(kiosk.updates_config), f"updates_config in {named or default_config_path()}"
    return default_updates(), "the user data folder's"


def _config(args: argparse.Namespace, *, kiosk: bool = True) -> Any:
    from guide.updates.config import load_update_config

    if not kiosk:  # publishing: the content team's own updates.toml or --config
        return load_update_config(args.config)
    return load_update_config(_config_file(args)[0])


def _current_db(args: argparse.Namespace) -> Path | None:
    from guide.locate import ensure_content_db

    path = ensure_content_db(getattr(args, "content_db", None))
    return path if path.is_file() else None


# --- guide pack ----------------------------------------------------------------------------


def cmd_pack_build(args: argparse.Namespace) -> int:
    from guide.content.loader import PackInvalid
    from guide.updates.guidepack import OutRefused, build_pack_file

    try:
        built = build_pack_file(args.src, args.out)
    except OutRefused as exc:  # a key, a spreadsheet or a signed pack where the pack would go
        print(f"error: {exc}; nothing written", file=sys.stderr)
        return 2
    except PackInvalid as exc:  # listed exactly as build-db lists them
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"{len(exc.errors)} error(s); no pack file written", file=sys.stderr)
        return 2
    m = built.manifest
    print(f"wrote {built.path}: pack {m.pack_id} version {m.version}, {len(m.files)} files, "
          f"{built.size} bytes (unsigned: sign it with `guide pack sign`)")
    return 0


def cmd_pack_keygen(args: argparse.Namespace) -> int:
    from guide.updates.keys import generate_key_pair, load_public_key

    private, public = generate_key_pair(args.out, args.name or "")
    key = load_public_key(public)
    print(f"private key: {private} (keep it secret; mode 0600)")
    print(f"public key:  {public} ({key.label}); give it to every kiosk's trusted_keys")
    return 0


def cmd_pack_sign(args: argparse.Namespace) -> int:
    from guide.updates.guidepack import sign_pack_file
    from guide.updates.keys import load_private_key

    signed = sign_pack_file(args.file, load_private_key(args.key), replace=args.replace)
    again = " (its earlier signature by this key replaced)" if signed.resigned else ""
    print(f"signed {args.file} with {signed.key.label}{again}")
    if signed.kept:  # staff re-signing to retire a key must not think the old one is gone
        print(f"note: the pack also still carries the signature(s) of "
              f"{', '.join(k.label for k in signed.kept)}, so a kiosk trusting any of these "
              f"keys or {signed.key.label} accepts it; to leave {signed.key.label}'s signature "
              "alone (to retire the others), sign again with --replace", file=sys.stderr)
    if signed.removed:
        print(f"removed the signature(s) of {', '.join(k.label for k in signed.removed)}: only "
              f"kiosks trusting {signed.key.label} accept the pack now")
    return 0


def cmd_pack_verify(args: argparse.Namespace) -> int:
    from guide.updates.errors import UpdateRefused
    from guide.updates.guidepack import verify_pack_file
    from guide.updates.keys import load_public_keys
    from guide.updates.log import log

    trusted = load_public_keys(args.trusted) if args.trusted else None
    try:
        v = verify_pack_file(args.file, trusted)
    except UpdateRefused as exc:
        log.warning("verify %s: refused (%s): %s", args.file, exc.reason, exc.message)
        raise
    log.info("verify %s: ok, signed by %s (%s)", args.file, v.signer.label if v.signer else None,
             "trusted" if v.trusted else "trust not checked")
    m = v.manifest
    data = {"file": str(v.path), "pack_id": m.pack_id, "version": m.version, "created": m.created,
            "files": len(m.files), "bytes": m.total_bytes, "sha256": v.sha256,
            "signer": v.signer.label if v.signer else None, "trusted": v.trusted}
    if args.json:
        print_json(data)
    else:
        print(f"ok: {v.path}: pack {m.pack_id} version {m.version} created {m.created}, "
              f"{len(m.files)} files, every hash matches")
        if v.trusted:
            print(f"signed by trusted key {data['signer']}")
        else:
            print(f"signature by {data['signer']} is valid; no --trusted key given, so whether "
                  "to trust that key was not checked")
    return 0


def cmd_pack_publish(args: argparse.Namespace) -> int:
    from guide.updates.errors import UpdateRefused
    from guide.updates.guidepack import publish_pack_file, published_index

    trusted = _trusted(args, _config(args, kiosk=False))
    try:  # what it replaces: to say what changes, and what staff replaced (an unreadable
        replaced = published_index(args.dir)  # index is refused without --replace, below)
    except UpdateRefused:
        replaced = None
    # Checked first, and compared before the copy, which may replace the published file.
    index = publish_pack_file(args.file, args.dir, trusted=trusted, replace=args.replace,
                              dry_run=True)
    # Kiosks on the published version refuse one not newer: no change to tell them of.
    older = replaced is not None and index.version <= replaced.version
    changes = [] if older else _changes(args.file, args.dir, replaced, index,
                                        published=not args.dry_run)
    if args.dry_run:
        print(f"not published (--dry-run): {index.pack_id} version {index.version} may be "
              f"published to {args.dir}")
    else:
        index = publish_pack_file(args.file, args.dir, trusted=trusted, replace=args.replace)
        print(f"published {index.pack_id} version {index.version} to {args.dir} ({index.file}, "
              "index.json)")
    for line in changes:
        print(line, file=sys.stderr if line.startswith(("warning:", "note:")) else sys.stdout)
    if not args.replace:
        replaced = None
    if replaced is not None and replaced.pack_id != index.pack_id:
        print(f"note: it {'would replace' if args.dry_run else 'replaces'} {replaced.pack_id} "
              f"version {replaced.version} (--replace); "
              f"kiosks showing {replaced.pack_id} refuse it as another pack's content",
              file=sys.stderr)
    elif replaced is not None and replaced.sha256 != index.sha256:
        verb = "would replace" if args.dry_run else "replaces"
        print(f"note: it {verb} version {replaced.version} (--replace); kiosks that already "
              f"have version {replaced.version} keep it (they refuse a version not newer); only "
              "kiosks on an older version, and new ones, get this content", file=sys.stderr)
    if not trusted:
        print("note: no trusted keys given (--trusted or updates.toml), so the signature was not "
              "checked against the kiosks' keys; a kiosk refuses a pack signed by a key it does "
              "not trust", file=sys.stderr)
    return 0


def _changes(pack_file: Path, dest_dir: Path, replaced: Any, index: Any, *,
             published: bool) -> list[str]:
    """What the kiosks showing the pack published before will see change, as lines to print
    (none when nothing was published, or another pack's, or the very same file)."""
    from guide.content.loader import PackInvalid
    from guide.updates.errors import UpdateRefused
    from guide.updates.pack_changes import publish_changes

    if replaced is None or replaced.pack_id != index.pack_id or (
            replaced.sha256 is not None and replaced.sha256 == index.sha256):
        return []
    try:
        return publish_changes(pack_file, dest_dir, replaced).lines(published=published)
    except (UpdateRefused, PackInvalid, OSError) as exc:
        return [f"note: what it changes against version {replaced.version} could not be worked "
                f"out ({exc})"]


# --- guide update --------------------------------------------------------------------------


def _summary_json(summary: Any) -> dict[str, Any]:
    return {"added": summary.added, "changed": summary.changed, "removed": summary.removed,
            "kinds": summary.to_json()}


def _check(args: argparse.Namespace) -> tuple[Any, Any, tuple[Any, ...]]:
    from guide.updates.config import load_update_config
    from guide.updates.errors import NO_SOURCE, UpdateRefused
    from guide.updates.source import check_for_update

    path, why = _config_file(args)
    config = load_update_config(path)
    source = args.source or config.source
    if not source:
        # On a kiosk whose settings live elsewhere (/etc), the way to its source is said.
        hint = ("" if why.startswith(("--config", "updates_config")) else "; on a kiosk started "
                "with --kiosk-config FILE, give the same --kiosk-config here")
        raise UpdateRefused(NO_SOURCE, f"no update source: give --source or set [updates] source "
                            f"in {path} ({why}){hint}")
    trusted = _trusted(args, config)
    result = check_for_update(source, trusted=trusted, current_db=_current_db(args),
                              limits=config.limits, timeout=config.timeout_seconds)
    return result, config, trusted


def _check_exit(result: Any) -> int:
    from guide.updates.source import CheckStatus

    # HELD: this machine will not take the pack on its own, as for a refusal (README's table).
    return {CheckStatus.REFUSED: 2, CheckStatus.HELD: 2, CheckStatus.FAILED: 1}.get(result.status, 0)


def cmd_update_check(args: argparse.Namespace) -> int:
    result, _, _ = _check(args)
    if args.json:
        ready = result.ready
        print_json({"status": str(result.status), "reason": result.reason, "message": result.message,
               "source": result.source, "downloaded_bytes": result.downloaded_bytes,
               "ready": None if ready is None else {
                   "file": str(ready.pack_file), "pack_id": ready.pack_id, "version": ready.version,
                   "signer": ready.signer, "size": ready.size}})
    else:
        reason = f" ({result.reason})" if result.reason else ""
        print(f"{result.status}{reason}: {result.message}")
    return _check_exit(result)


_SWITCH_HINT = ("to replace the content in use with this pack's content on purpose (bookmarks stay; "
                "`guide update restore` goes back), run again with --switch")


def cmd_update_apply(args: argparse.Namespace) -> int:
    from guide.updates.errors import WRONG_PACK, UpdateRefused
    from guide.updates.install import apply_pack_file
    from guide.updates.source import CheckStatus, clear_pending

    if args.switch and args.file is None:
        print("error: --switch needs --file PACK: staff switch to another pack's content by "
              "hand, never from a poll", file=sys.stderr)
        return 2
    if args.file is not None:
        config = _config(args)
        pack_file, trusted = args.file, _trusted(args, config)
    else:
        result, config, trusted = _check(args)
        taken = CheckStatus.READY, *((CheckStatus.HELD,) if args.replace_staff_import else ())
        if result.status not in taken or result.ready is None:
            reason = f" ({result.reason})" if result.reason else ""
            print(f"nothing applied: {result.status}{reason}: {result.message}",
                  file=sys.stderr if result.reason else sys.stdout)
            return _check_exit(result)
        pack_file = result.ready.pack_file
    try:
        applied = apply_pack_file(pack_file, trusted=trusted, current_db=_current_db(args),
                                  limits=config.limits, switch=args.switch)
    except UpdateRefused as exc:  # a pack file of another programme, given by hand: say the way
        if exc.reason == WRONG_PACK and args.file is not None:
            raise UpdateRefused(exc.reason, exc.message, [*exc.details, _SWITCH_HINT]) from exc
        raise
    if args.file is None:
        clear_pending()
    c = applied.current
    if args.json:
        print_json({"applied": str(applied.db_path), "pack_id": c.pack_id, "version": c.version,
               "signer": c.signer, "previous_version": applied.previous.version if applied.previous else None,
               "summary": _summary_json(applied.summary)})
    else:
        switched = f" (it replaces {applied.previous.pack_id})" if (
            applied.previous is not None and applied.previous.pack_id != c.pack_id) else ""
        print(f"applied {c.pack_id} version {c.version} signed by {c.signer}{switched} -> "
              f"{applied.db_path}")
        for line in applied.summary.lines():
            print(f"  {line}")
    return 0


def cmd_update_restore(args: argparse.Namespace) -> int:
    from guide.locate import shipped_content_db
    from guide.updates.install import restore_previous, restore_shipped

    if args.shipped:
        restored = restore_shipped(shipped_content_db())
    else:  # after --shipped, the content it left; the summary compares with the shipped one
        restored = restore_previous(current_db=_current_db(args))
    c = restored.current
    if args.json:
        print_json({"restored": str(restored.db_path), "pack_id": c.pack_id, "version": c.version,
               "signer": c.signer, "origin": c.origin, "summary": _summary_json(restored.summary)})
    else:
        print(f"restored {c.pack_id} version {c.version} ({c.origin}) -> {restored.db_path}")
        for line in restored.summary.lines():
            print(f"  {line}")
    return 0


def cmd_update_status(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from guide.updates.config import load_update_config
    from guide.updates.install import slot_status
    from guide.updates.source import held_update
    from guide.updates.state import default_slot

    path, why = _config_file(args)
    config = load_update_config(path)
    state = slot_status()
    held = held_update(_current_db(args))
    data = {"slot": str(default_slot().root),
            "config": f"{path} ({why}{'' if path.exists() else '; not there: no source, no keys'})",
            "source": config.source,
            "trusted_keys": [k.label for k in config.trusted_keys],
            "current": asdict(state.current) if state.current else None,
            "previous": asdict(state.previous) if state.previous else None,
            "high_water": dict(state.high_water),
            # The content team's pack a poll downloaded and does not apply over staff's programme.
            "held": None if held is None or held.ready is None else {
                "pack_id": held.ready.pack_id, "version": held.ready.version,
                "signer": held.ready.signer, "file": str(held.ready.pack_file),
                "message": held.message}}
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{key}: {held.message if key == 'held' and held is not None else value}")
    return 0


def trusted_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--trusted", nargs="+", metavar="PUBKEY",
                   help="trusted public key files (.pub) or key lines; default: updates.toml")


def update_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", type=Path, metavar="FILE", help="updates config (default: the "
                   "one the kiosk settings name in updates_config, else updates.toml in the "
                   "user data folder)")
    p.add_argument("--kiosk-config", type=Path, metavar="FILE", help="kiosk settings whose "
                   "updates_config to use, as the kiosk started with this option does "
                   "(default: kiosk.toml in the user data folder)")
    p.add_argument("--json", action="store_true")


def register(sub: Any, command: Command) -> None:
    """Add ``guide pack build|keygen|sign|verify|publish`` and ``guide update check|apply|restore|status``."""

    def group(name: str, help_: str, dest: str, *, databases: bool = False
              ) -> Callable[[str, Handler, str], argparse.ArgumentParser]:
        def usage(_: argparse.Namespace) -> int:
            parent.print_help(sys.stderr)
            return 2

        parent = command(name, usage, help_)
        actions = parent.add_subparsers(dest=dest, metavar="ACTION", required=True)

        def action(action_name: str, handler: Handler, action_help: str) -> argparse.ArgumentParser:
            p = actions.add_parser(action_name, help=action_help, description=action_help)
            if databases:
                db_options(p, content_help="the content in use, for rollback protection and the "
                           "change summary (default: what the guide opens)")
            p.set_defaults(handler=_guarded(handler))
            return p

        return action

    pack = group("pack", "make, sign, verify and publish content pack files (.guidepack)", "pack_action")
    p = pack("build", cmd_pack_build, "validate a pack folder and bundle it into one .guidepack file")
    p.add_argument("src", type=Path, metavar="SRC_DIR")
    p.add_argument("--out", type=Path, metavar="FILE", help="default: <pack id>-<version>.guidepack; "
                   "an existing file is replaced only if it is an unsigned pack file")
    p = pack("keygen", cmd_pack_keygen, "make an Ed25519 key pair: KEYBASE.key (secret) and KEYBASE.pub")
    p.add_argument("--out", type=Path, required=True, metavar="KEYBASE")
    p.add_argument("--name", help="a name shown with the key, e.g. 'ZGC content team'")
    p = pack("sign", cmd_pack_sign, "sign a pack file's manifest (the signature goes inside the file)")
    p.add_argument("file", type=Path)
    p.add_argument("--key", type=Path, required=True, metavar="KEY", help="private key file (.key)")
    p.add_argument("--replace", action="store_true", help="remove the signatures of other keys "
                   "(default: they stay, and a kiosk trusting any signing key accepts the pack)")
    p = pack("verify", cmd_pack_verify, "check a pack file's structure, hashes and signature")
    p.add_argument("file", type=Path)
    trusted_option(p)
    p.add_argument("--json", action="store_true")
    p = pack("publish", cmd_pack_publish, "copy a signed pack file into an update folder and write "
             "its index.json (serve the folder over http or share it)")
    p.add_argument("file", type=Path)
    p.add_argument("dir", type=Path, metavar="DIR")
    trusted_option(p)
    p.add_argument("--config", type=Path, metavar="FILE", help="updates config whose trusted keys "
                   "the pack must be signed by (default: updates.toml in the user data folder)")
    p.add_argument("--replace", action="store_true", help="publish even over a newer version or "
                   "another pack id already published in DIR (refused without it: kiosks on the "
                   "newer version refuse an older one, and kiosks of the other pack refuse this one)")
    p.add_argument("--dry-run", action="store_true", help="check the pack and say what it "
                   "changes against the pack published in DIR, without publishing it")

    update = group("update", "check for, apply and roll back content updates", "update_action",
                   databases=True)
    p = update("check", cmd_update_check, "poll the update source; download and verify a newer pack")
    p.add_argument("--source", metavar="FOLDER|URL", help="default: [updates] source in updates.toml")
    trusted_option(p)
    update_options(p)
    p = update("apply", cmd_update_apply, "check, then apply a newer pack (or --file PACK) to this machine")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--source", metavar="FOLDER|URL", help="default: [updates] source in updates.toml")
    where.add_argument("--file", type=Path, metavar="PACK", help="apply this .guidepack file")
    p.add_argument("--switch", action="store_true", help="with --file: apply it even if it is "
                   "another pack's content than the one in use (a signed programme pack over the "
                   "newspaper content); without it such a pack is refused (wrong-pack)")
    p.add_argument("--replace-staff-import", action="store_true", help="apply the source's newer "
                   "pack even over a programme staff opened by hand here (Open programme...), "
                   "which a poll never replaces (held)")
    trusted_option(p)
    update_options(p)
    p = update("restore", cmd_update_restore, "switch back to the previous content (keeps the last two), "
               "or with --shipped to the content shipped with the guide")
    p.add_argument("--shipped", action="store_true", help="back to the content shipped with the guide "
                   "(the content in use becomes the previous one; bookmarks stay)")
    p.add_argument("--json", action="store_true")
    p = update("status", cmd_update_status, "installed content, previous content, and the updates "
               "config the kiosk uses: its file, source and keys")
    update_options(p)
