"""``guide pack ...``: make, sign, verify and publish content pack files (.guidepack).

The content team's side of updates; ``guide update ...`` (:mod:`guide.commands.updates`), the
machine's side, registers these under the same error handling and log.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guide.commands import print_json

Handler = Callable[[argparse.Namespace], int]
Action = Callable[[str, Handler, str], argparse.ArgumentParser]


def _publish_trusted(args: argparse.Namespace) -> tuple[Any, ...]:
    """The keys a published pack must be signed by: --trusted, else the content team's own
    updates.toml (--config, else the user data folder's)."""
    from guide.updates.config import load_update_config
    from guide.updates.keys import load_public_keys

    if args.trusted:
        return load_public_keys(args.trusted)
    return tuple(load_update_config(args.config).trusted_keys)


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

    trusted = _publish_trusted(args)
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


def trusted_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--trusted", nargs="+", metavar="PUBKEY",
                   help="trusted public key files (.pub) or key lines; default: updates.toml")


def add_pack_commands(pack: Action) -> None:
    """Add ``guide pack build|keygen|sign|verify|publish`` with ``pack``, the group's action maker."""
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
