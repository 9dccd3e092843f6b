"""``guide update ...``: check for, apply and roll back content updates by hand (and the
``guide pack ...`` group of :mod:`guide.commands.packs`).

Exit codes follow guide.cli: 0 success (including "nothing new"), 1 failure (a source
that cannot be read: try again later), 2 bad input or a refused pack (nothing changed), also
when the source is unchanged since a check that refused its pack (README's table).
Every decision is also logged to ``<user data>/logs/updates.log``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guide.commands import db_options, print_json
from guide.commands.packs import add_pack_commands, trusted_option

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


def _say_json(args: argparse.Namespace, status: str | None, reason: str | None, message: str,
              **more: Any) -> None:
    """With --json: the outcome as one JSON object on stdout (``status``, ``reason``,
    ``message``), whatever it is; a fleet script parsing it had found nothing to parse when
    nothing was applied, no source was set or the config was bad."""
    if getattr(args, "json", False):
        print_json({"status": status, "reason": reason, "message": message, **more})


def _guarded(handler: Handler) -> Handler:
    def run(args: argparse.Namespace) -> int:
        from guide.content.database import ContentDbError
        from guide.updates.config import ConfigError
        from guide.updates.errors import UpdateRefused
        from guide.updates.keys import KeyFileError
        from guide.updates.state import SlotStateError
        from guide.user.db import UserDbError

        bad_input = {ConfigError: "bad-config", KeyFileError: "bad-key",
                     SlotStateError: "bad-state", ContentDbError: "bad-database",
                     UserDbError: "bad-database"}
        _setup_log()
        try:
            return handler(args)
        except UpdateRefused as exc:
            _say_json(args, "refused", exc.reason, exc.message, details=list(exc.details))
            return _refused(exc)
        except (KeyFileError, ConfigError, SlotStateError) as exc:
            _say_json(args, "refused", bad_input[type(exc)], str(exc))
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except (ContentDbError, UserDbError) as exc:  # guide.cli says it (exit 2)
            _say_json(args, "refused", bad_input[type(exc)], str(exc))
            raise
        except BrokenPipeError:
            raise
        except OSError as exc:  # guide.cli says it in one line (exit 1): a full disk, permissions
            from guide.cli import describe_os_error
            from guide.files import DiskFull, is_disk_full

            _say_json(args, "failed", "disk-full" if is_disk_full(exc) else "os-error",
                      str(exc) if isinstance(exc, DiskFull) else describe_os_error(exc))
            raise

    return run


def _trusted(args: argparse.Namespace, config: Any) -> tuple[Any, ...]:
    from guide.updates.keys import load_public_keys

    return load_public_keys(args.trusted) if args.trusted else tuple(config.trusted_keys)


def _no_keys_named(exc: Any, args: argparse.Namespace, choice: Any) -> Any:
    """A no-trusted-keys refusal naming the file this machine reads (``choice``): it had always
    sent staff to the user data folder's updates.toml, which a kiosk with a root-owned one never
    reads. Any other refusal as it is."""
    from guide.updates.errors import NO_TRUSTED_KEYS, UpdateRefused, no_trusted_keys

    if exc.reason != NO_TRUSTED_KEYS or getattr(args, "trusted", None):
        return exc
    if isinstance(exc, UpdateRefused):
        return UpdateRefused(exc.reason, no_trusted_keys(str(choice)), exc.details)
    return dataclasses.replace(exc, message=no_trusted_keys(str(choice)))


def _config_file(args: argparse.Namespace) -> Any:
    """The updates config this machine uses, and why that one (a ConfigChoice).

    What the kiosk reads: ``--config``, else what the kiosk settings decide
    (:func:`guide.kiosk.config.updates_config_file`, as the window's staff menu does). IT
    checking a kiosk set up with a root-owned updates.toml saw "source: None" while the kiosk
    polled its source.
    """
    from guide.kiosk.config import updates_config_file
    from guide.updates.config import ConfigChoice

    if args.config is not None:
        return ConfigChoice(args.config, "--config")
    return updates_config_file(getattr(args, "kiosk_config", None))


def _config(args: argparse.Namespace) -> tuple[Any, Any]:
    """The updates config this machine uses, and the ConfigChoice saying which file and why."""
    from guide.updates.config import load_update_config

    choice = _config_file(args)
    return load_update_config(choice.path), choice


def _current_db(args: argparse.Namespace) -> Path | None:
    from guide.locate import ensure_content_db

    path = ensure_content_db(getattr(args, "content_db", None))
    return path if path.is_file() else None


# --- guide update --------------------------------------------------------------------------


def _summary_json(summary: Any) -> dict[str, Any]:
    return {"added": summary.added, "changed": summary.changed, "removed": summary.removed,
            "kinds": summary.to_json()}


def _no_source(choice: Any) -> str:
    """The no-source refusal's message, naming the config file read (a ConfigChoice)."""
    path, why = choice.path, choice.why
    # On a kiosk whose settings live elsewhere (/etc), the way to its source is said.
    hint = ("" if why.startswith(("--config", "updates_config")) else "; on a kiosk started "
            "with --kiosk-config FILE, give the same --kiosk-config here")
    return f"no update source: give --source or set [updates] source in {path} ({why}){hint}"


def _check(args: argparse.Namespace) -> tuple[Any, Any, tuple[Any, ...], Any]:
    """Poll the source: (the result, the config, the trusted keys, the config's ConfigChoice)."""
    from guide.updates.errors import NO_SOURCE, UpdateRefused
    from guide.updates.source import check_for_update

    config, choice = _config(args)
    source = args.source or config.source
    if not source:
        raise UpdateRefused(NO_SOURCE, _no_source(choice))
    trusted = _trusted(args, config)
    result = check_for_update(source, trusted=trusted, current_db=_current_db(args),
                              limits=config.limits, timeout=config.timeout_seconds)
    return _no_keys_named(result, args, choice), config, trusted, choice


def _check_exit(result: Any) -> int:
    from guide.updates.source import CheckStatus

    # HELD: this machine will not take the pack on its own, as for a refusal (README's table).
    return {CheckStatus.REFUSED: 2, CheckStatus.HELD: 2, CheckStatus.FAILED: 1}.get(result.status, 0)


def _ready_json(ready: Any) -> dict[str, Any] | None:
    """The verified pack waiting here (a ReadyUpdate), as check, apply and status say it."""
    return None if ready is None else {
        "file": str(ready.pack_file), "pack_id": ready.pack_id, "version": ready.version,
        "signer": ready.signer, "size": ready.size}


def _say_check_json(args: argparse.Namespace, result: Any) -> None:
    _say_json(args, str(result.status), result.reason, result.message, source=result.source,
              downloaded_bytes=result.downloaded_bytes, ready=_ready_json(result.ready))


def cmd_update_check(args: argparse.Namespace) -> int:
    result, *_ = _check(args)
    if args.json:
        _say_check_json(args, result)
    else:
        reason = f" ({result.reason})" if result.reason else ""
        print(f"{result.status}{reason}: {result.message}")
    return _check_exit(result)


def _held_here(args: argparse.Namespace, failed: Any) -> Any:
    """The pack a poll downloaded and holds here, when the source cannot be read now (the USB
    stick taken out): `--replace-staff-import` had failed (no-source) with the verified pack on
    disk. Else the failed result."""
    from guide.updates.source import held_update

    held = held_update(_current_db(args))
    if held is None:
        return failed
    print(f"note: the source cannot be read ({failed.message}); taking the pack downloaded and "
          "held here before", file=sys.stderr)
    return held


_SWITCH_HINT = ("to replace the content in use with this pack's content on purpose (bookmarks stay; "
                "`guide update restore` goes back), run again with --switch")


def cmd_update_apply(args: argparse.Namespace) -> int:
    from guide.updates.errors import WRONG_PACK, UpdateRefused
    from guide.updates.install import apply_pack_file
    from guide.updates.source import CheckStatus, clear_pending

    if args.switch and args.file is None:
        said = ("--switch needs --file PACK: staff switch to another pack's content by hand, "
                "never from a poll")
        _say_json(args, "refused", "bad-usage", said)  # --json had printed nothing to parse
        print(f"error: {said}", file=sys.stderr)
        return 2
    if args.file is not None:
        config, choice = _config(args)
        pack_file, trusted = args.file, _trusted(args, config)
    else:
        result, config, trusted, choice = _check(args)
        taken = CheckStatus.READY, *((CheckStatus.HELD,) if args.replace_staff_import else ())
        if args.replace_staff_import and result.status is CheckStatus.FAILED:
            result = _held_here(args, result)
        if result.status not in taken or result.ready is None:
            reason = f" ({result.reason})" if result.reason else ""
            if args.json:
                _say_check_json(args, result)
            else:
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
        raise _no_keys_named(exc, args, choice) from exc
    if args.file is None:
        clear_pending()
    c = applied.current
    switched = f" (it replaces {applied.previous.pack_id})" if (
        applied.previous is not None and applied.previous.pack_id != c.pack_id) else ""
    said = f"applied {c.pack_id} version {c.version} signed by {c.signer}{switched} -> {applied.db_path}"
    if args.json:
        _say_json(args, "applied", None, said, applied=str(applied.db_path), pack_id=c.pack_id,
                  version=c.version, signer=c.signer,
                  previous_version=applied.previous.version if applied.previous else None,
                  summary=_summary_json(applied.summary))
    else:
        print(said)
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
    said = f"restored {c.pack_id} version {c.version} ({c.origin}) -> {restored.db_path}"
    if args.json:  # the keys of its refusal too: a script reads said["status"] either way
        _say_json(args, "restored", None, said, restored=str(restored.db_path), pack_id=c.pack_id,
                  version=c.version, signer=c.signer, origin=c.origin,
                  summary=_summary_json(restored.summary))
    else:
        print(said)
        for line in restored.summary.lines():
            print(f"  {line}")
    return 0


def _last_check(args: argparse.Namespace, config: Any, choice: Any) -> Any:
    """What the last poll of the config's source decided (a CheckResult, None if nothing holds),
    with a check's refusals for no source or no trusted keys: ``update status`` says it with a
    check's ``status``, ``reason`` and ``message``, without polling."""
    from guide.updates.errors import NO_SOURCE
    from guide.updates.last_check import last_check
    from guide.updates.source import CheckResult, CheckStatus

    if not config.source:
        return CheckResult(CheckStatus.REFUSED, _no_source(choice), "", reason=NO_SOURCE)
    result = last_check(config.source, trusted=tuple(config.trusted_keys),
                        current_db=_current_db(args), limits=config.limits)
    return None if result is None else _no_keys_named(result, args, choice)


_NOT_CHECKED = ("no check of the source holds here yet (none ran, or the keys, limits or content "
                "in use changed since): `guide update check` polls it")


def cmd_update_status(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from guide.updates.install import slot_status
    from guide.updates.source import held_update
    from guide.updates.state import default_slot

    config, choice = _config(args)
    path, why = choice.path, choice.why
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
    last = _last_check(args, config, choice)
    if args.json:  # a check's keys too: a script tells held, refused and up to date apart
        _say_json(args, None if last is None else str(last.status),
                  None if last is None else last.reason,
                  _NOT_CHECKED if last is None else last.message,
                  **data, ready=None if last is None else _ready_json(last.ready))
    else:
        said = _NOT_CHECKED if last is None else (
            f"{last.status}{f' ({last.reason})' if last.reason else ''}: {last.message}")
        print(f"status: {said}")
        for key, value in data.items():
            print(f"{key}: {held.message if key == 'held' and held is not None else value}")
    return 0


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
    add_pack_commands(pack)

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
