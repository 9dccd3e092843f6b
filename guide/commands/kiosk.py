"""``guide kiosk set-pin | clear-pin | status | screenshot``: staff commands for kiosk mode."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guide.cli import CONTENT_DB_HELP
from guide.commands import write_screenshot

Handler = Callable[[argparse.Namespace], int]
STATES = ("attract", "countdown", "keyboard", "pinpad", "home")


def _state(text: str) -> str:
    """A kiosk screenshot state: one of :data:`STATES`, ``timetable[:YYYY-MM-DD]`` or
    ``map[:MAP[/REGION]]``."""
    if text in STATES or text.partition(":")[0] in ("timetable", "map"):
        return text
    raise argparse.ArgumentTypeError(f"invalid choice: {text!r} (choose from {', '.join(STATES)}, "
                                     "timetable:DATE, map:MAP/REGION)")


def _read_pin(args: argparse.Namespace) -> str | None:
    if args.stdin or not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass("New staff PIN (4-12 digits): ")
    second = getpass.getpass("Same PIN again: ")
    if first != second:
        print("the two PINs differ; nothing changed", file=sys.stderr)
        return None
    return first


def has_admin_rights() -> bool:
    """True for root (POSIX) or an elevated administrator (Windows): who may ``--force``."""
    if hasattr(os, "geteuid"):
        return os.geteuid() == 0
    try:
        import ctypes

        return bool(ctypes.windll.shell32.IsUserAnAdmin())  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return False


def _current_pin_confirmed(args: argparse.Namespace, store: Any, config: Any) -> bool:
    """Changing or clearing a set PIN needs the current one, or --force with admin rights.

    The current PIN is checked like at the kiosk (wrong tries make the next one wait),
    so the command line is no way around the growing delay.
    """
    from guide.kiosk.pin import Outcome, PinGuard

    if config.pin_hash:
        print("error: the staff PIN is set by pin_hash in the kiosk settings file (read-only for the "
              "kiosk account); an administrator changes it there; nothing changed", file=sys.stderr)
        return False
    if store.load_record() is None:
        return True
    if args.force:
        if has_admin_rights():
            return True
        print("error: --force needs root (or administrator) rights; without them give the "
              "current PIN; nothing changed", file=sys.stderr)
        return False
    if args.stdin or not sys.stdin.isatty():
        current = sys.stdin.readline().strip()
    else:
        current = getpass.getpass("Current staff PIN: ")
    guard = PinGuard(store, base_delay=config.pin_delay_seconds, max_delay=config.pin_max_delay_seconds)
    attempt = guard.try_pin(current)
    if attempt.outcome is Outcome.ACCEPTED:
        return True
    if attempt.outcome is Outcome.WAIT:
        print(f"error: too many wrong PINs; try again in {attempt.wait_seconds:.0f} s; nothing changed",
              file=sys.stderr)
    else:
        print(f"error: the current PIN is wrong; nothing changed (next try in "
              f"{attempt.wait_seconds:.0f} s)", file=sys.stderr)
    return False


def _pin_config(args: argparse.Namespace) -> Any:
    from guide.kiosk.config import KioskConfig, KioskConfigError, load_config

    try:
        return load_config(getattr(args, "kiosk_config", None))
    except KioskConfigError:
        return KioskConfig()  # the delays' defaults; `guide kiosk status` names the problem


def cmd_set_pin(args: argparse.Namespace) -> int:
    """Store a new staff PIN (only its salted scrypt hash); a set PIN must be given first."""
    from guide.kiosk.pin import PinError, UserDbPinStore, check_new_pin, hash_pin, set_pin
    from guide.user.db import open_user_db

    if args.print_hash:  # for a kiosk.toml the kiosk account can read but not write
        pin = _read_pin(args)
        if pin is None:
            return 2
        try:
            record = hash_pin(pin)
        except PinError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(f'pin_hash = "{record}"')
        return 0
    opened = open_user_db(args.user_db)
    try:
        store = UserDbPinStore(opened.db)
        if not _current_pin_confirmed(args, store, _pin_config(args)):
            return 2
        pin = _read_pin(args)
        if pin is None:
            return 2
        try:
            check_new_pin(pin)
        except PinError as exc:
            print(f"error: {exc}; nothing changed", file=sys.stderr)
            return 2
        set_pin(store, pin)
    finally:
        opened.close()
    print(f"staff PIN set (salted scrypt hash in {opened.path})")
    return 0


def cmd_clear_pin(args: argparse.Namespace) -> int:
    """Remove the staff PIN (kiosk mode then refuses to start); the current PIN is asked first."""
    from guide.kiosk.pin import UserDbPinStore
    from guide.user.db import open_user_db

    opened = open_user_db(args.user_db)
    try:
        store = UserDbPinStore(opened.db)
        if not _current_pin_confirmed(args, store, _pin_config(args)):
            return 2
        store.save_record(None)
        store.save_failures(0, 0.0)
    finally:
        opened.close()
    print("staff PIN removed; kiosk mode will not start until one is set")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Whether a PIN is set, the settings in force and where the log is."""
    import dataclasses

    from guide.kiosk.config import KioskConfigError, default_config_path, load_config
    from guide.kiosk.launch import pin_is_set
    from guide.kiosk.system import log_path

    path = args.kiosk_config or default_config_path()
    try:
        config = load_config(args.kiosk_config)
    except KioskConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if config.pin_hash:
        print(f"staff PIN: set (pin_hash in {path}, read-only for the kiosk)")
    else:
        print(f"staff PIN: {'set' if pin_is_set(args.user_db) else 'NOT SET (guide kiosk set-pin)'}")
    print(f"settings: {path}{'' if path.exists() else ' (not there: defaults)'}")
    for key, value in dataclasses.asdict(config).items():
        print(f"  {key} = {value!r}")
    print(f"log: {log_path()}")
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    """Render a kiosk state offscreen to a PNG file."""

    def take() -> Path:
        from guide.kiosk_screenshot import take_kiosk_screenshot

        return take_kiosk_screenshot(args.state, args.out, size=args.size, content_db=args.content_db,
                                     now=getattr(args, "now", None), lang=getattr(args, "lang", None),
                                     slide=args.slide, theme_name=args.theme,
                                     kiosk_config=getattr(args, "kiosk_config", None))

    return write_screenshot(take)


def register(sub: Any, command: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    """Add ``guide kiosk ...`` to the CLI."""
    kiosk = command("kiosk", lambda _args: _usage(kiosk), "kiosk mode: staff PIN, status, screenshots")
    actions = kiosk.add_subparsers(dest="kiosk_command", metavar="ACTION")

    def action(name: str, handler: Handler, help_: str) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help_, description=help_)
        p.add_argument("--content-db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                       help=CONTENT_DB_HELP)
        p.add_argument("--user-db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                       help="user database (default: in the per-OS user data folder)")
        p.set_defaults(handler=handler)
        return p

    force_help = ("replace a PIN without giving the current one (root or administrator only: "
                  "for a forgotten PIN)")
    p = action("set-pin", cmd_set_pin, "set the staff PIN that leaves kiosk mode (4-12 digits); "
               "changing a set PIN asks for the current one first")
    p.add_argument("--stdin", action="store_true", help="read the PIN from standard input "
                   "(the current PIN on the first line when one is set, the new one on the next)")
    p.add_argument("--force", action="store_true", help=force_help)
    p.add_argument("--print-hash", action="store_true", help="print the PIN's hash as a kiosk.toml "
                   "line (pin_hash) instead of storing it: for settings the kiosk cannot write")
    p = action("clear-pin", cmd_clear_pin, "remove the staff PIN (asks for it first)")
    p.add_argument("--stdin", action="store_true", help="read the current PIN from standard input")
    p.add_argument("--force", action="store_true", help=force_help)
    p = action("status", cmd_status, "show whether a PIN is set, the kiosk settings and the log file")
    p.add_argument("--kiosk-config", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                   help="kiosk settings file")
    p = action("screenshot", cmd_screenshot, "render a kiosk screen offscreen to a PNG file")
    p.add_argument("state", type=_state, metavar="STATE",
                   help=f"{', '.join(STATES)}, timetable:DATE (the Forums timetable of a day) "
                   "or map[:MAP[/REGION]] (a floor plan, \"You are here\" from --kiosk-config)")
    p.add_argument("--kiosk-config", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                   help="kiosk settings file whose [position] the plans show")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--size", default="1920x1080")
    p.add_argument("--slide", type=int, default=0, help="which highlight the attract screen shows")
    p.add_argument("--now", default=argparse.SUPPRESS, help="clock, e.g. 2023-05-29T10:00")
    p.add_argument("--lang", choices=["zh", "en"], default=argparse.SUPPRESS)
    p.add_argument("--theme", choices=["standard", "high-contrast"],
                   help="the theme a visitor chose (default: the kiosk's own)")


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2
