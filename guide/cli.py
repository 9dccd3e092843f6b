"""``guide`` command line: launches the app, or runs a staff/CI command.

Imports stay inside the commands so that starting the window pays only for Qt.
Exit codes: 0 success, 1 failure, 2 bad input (invalid pack, unknown id, bad file).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

if __name__ == "__main__":
    # `python -m guide.cli`: this module is the guide.cli the commands import, not a second copy
    # of it (compiled and run again: 2.5 ms, and its state twice). `python -m guide` imports it.
    sys.modules.setdefault("guide.cli", sys.modules[__name__])

Handler = Callable[[argparse.Namespace], int]
# What every command's --content-db help says it defaults to: the rule of
# guide.locate.ensure_content_db. Here, not there: the plain start builds this parser before
# main() sets up the window's start path (skip_source_scans), and importing guide.locate (and
# the content schema it loads) that early for a string cost 15 M instructions of the start.
CONTENT_DB_HELP = ("content database (default: the content staff or an update installed on this "
                   "machine, else the one shipped with the app; `guide check` names it)")


def _common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--content-db", type=Path, default=default, metavar="PATH",
                        help=CONTENT_DB_HELP)
    parser.add_argument("--user-db", type=Path, default=default, metavar="PATH",
                        help="user database with bookmarks and settings "
                             "(default: in the per-OS user data folder)")


def _print_json(data: Any) -> None:
    from guide.commands import print_json

    print_json(data)


def _progress_bar(total_hint: str) -> Any:
    from tqdm import tqdm

    # delay=1: a bar appears only for builds that take more than a second.
    return tqdm(total=0, unit=" items", desc=total_hint, delay=1.0, leave=False,
                disable=not sys.stderr.isatty())


def open_content(args: argparse.Namespace) -> Any:
    """The checked content database named by ``args`` (a fallback is reported on stderr)."""
    from guide.locate import open_checked_content

    opened = open_checked_content(args.content_db)
    if opened.damaged is not None:
        # There is no pack to install again for a programme staff opened: only its file.
        again = ("Open the programme file again with \"Open programme...\" in the guide window's "
                 "staff menu." if opened.from_programme else "Install the content pack again.")
        print(f"warning: the content database {opened.damaged} is damaged; the previous content "
              f"({opened.path}) is shown instead. {again}", file=sys.stderr)
    return opened.db


def describe_os_error(exc: OSError) -> str:
    """One line for a failed file operation; a full disk is named as such."""
    import errno

    where = f"{exc.filename}: " if exc.filename else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{where}the disk is full (no space left to write); free some space and try again"
    if exc.errno == errno.EFBIG:
        return f"{where}the file is too large for this disk or account (file size limit)"
    if exc.errno == errno.EROFS:
        return f"{where}the disk (or shared folder) is read-only; choose another place to write to"
    return f"{where}{exc.strerror or exc}"


def _foreign_pack(pack_dir: Path) -> tuple[str, str] | None:
    """Why building ``pack_dir`` into the app's own database would be lost, and what to do instead.

    That database is the bundled pack's: every start rebuilds it from that pack when they
    differ, so another pack built there (an imported programme) vanishes at the next start.
    Installing content is what the update commands and the staff menu are for (versions,
    "Restore previous content"), so build-db only builds files; it names the ways that work.
    """
    from guide import paths
    from guide.commands.programme import look_commands

    if pack_dir.resolve() == paths.bundled_pack_dir().resolve():
        return None
    return (f"without --out, build-db writes the guide's own database {paths.bundled_content_db()}, "
            f"which the guide rebuilds from its bundled pack at every start, so the content of "
            f"{pack_dir} would be lost",
            f". To look at it, run {look_commands(pack_dir)}. To make a programme the guide's "
            "content, open its schedule file with \"Open programme...\" in the guide window's "
            "staff menu")


def cmd_build_db(args: argparse.Namespace) -> int:
    from guide import paths
    from guide.content.build import build_content_db
    from guide.content.database import replace_problem
    from guide.content.loader import PackInvalid

    pack_dir = args.content or paths.bundled_pack_dir()
    named = args.out or args.content_db
    out = named or paths.bundled_content_db()
    if named:  # a mistyped --out must not turn someone's file into a database
        problem = replace_problem(out)
        refusal = None if problem is None else (
            problem, ". Give --out a new file name, or an existing content database to replace")
    else:
        refusal = _foreign_pack(pack_dir)
    if refusal is not None:
        print(f"error: {refusal[0]}; nothing written{refusal[1]}", file=sys.stderr)
        return 2
    bar = _progress_bar("building")

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        report = build_content_db(pack_dir, out, progress)
    except PackInvalid as exc:
        bar.close()
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"{len(exc.errors)} error(s); {out} left unchanged", file=sys.stderr)
        return 2
    bar.close()
    summary = ", ".join(f"{n} {k}" for k, n in report.counts.items())
    print(f"built {report.path} in {report.seconds:.2f} s ({report.size / 1e6:.1f} MB): {summary}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from guide.content.records import list_items, to_json

    items = list_items(open_content(args), args.kind)
    if args.json:
        _print_json([to_json(i) for i in items])
    else:
        for item in items:
            print(f"{item.id}\t{item.title}\t{item.title_en}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from guide.content.records import get_item, to_json

    item = get_item(open_content(args), args.kind, args.id)
    if item is None:
        print(f"error: no {args.kind} with id {args.id!r}; `guide list {args.kind}` lists them",
              file=sys.stderr)
        return 2
    data = to_json(item)
    if args.json:
        _print_json(data)
    else:
        for key, value in data.items():
            if value not in (None, [], ""):
                print(f"{key}: {value}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    import sqlite3

    from guide.content.database import content_info, counts, integrity_problems

    if args.layout:
        from guide.layout_matrix import run as check_layout

        return check_layout(args.content_db, sizes=args.size, scales=args.text_scale,
                            themes=args.theme, pages=args.page,
                            langs=[args.lang] if isinstance(args.lang, str) else args.lang,
                            now=getattr(args, "now", None))
    db = open_content(args)
    path = str(db.execute("PRAGMA database_list").fetchone()[2])
    try:
        info = content_info(db)
        problems = integrity_problems(db)
        data = {
            "path": path, "pack_id": info.pack_id, "pack_version": info.pack_version,
            "schema_version": info.schema_version, "built_at": info.built_at,
            "signer": info.signer, "counts": counts(db), "integrity": problems or "ok",
        }
    except sqlite3.DatabaseError as exc:  # too damaged even to check: say so, not a traceback
        print(f"error: {path} is damaged: {exc}; rebuild it with `guide build-db`", file=sys.stderr)
        return 1
    if args.json:
        _print_json(data)
    else:
        for key, value in data.items():
            print(f"{key}: {value}")
    return 1 if problems else 0


def cmd_synth(args: argparse.Namespace) -> int:
    from guide.content.synth import write_synthetic_pack

    counts = write_synthetic_pack(args.out, args.items, seed=args.seed)
    print(f"wrote {sum(counts.values())} items to {args.out}: "
          + ", ".join(f"{n} {k}" for k, n in counts.items()))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from guide.search import search_with_fallback

    found = search_with_fallback(open_content(args), args.query, limit=args.limit, kind=args.kind)
    hits = found.hits
    if found.fewer_words:  # on stderr: the output stays the hits alone
        print(f"no results for {args.query!r}; showing results for {found.asked!r}", file=sys.stderr)
    lang = args.lang or "zh"
    if args.json:
        _print_json([{"kind": h.kind, "id": h.id, "title": h.title, "title_en": h.title_en,
                "snippet": h.marked(lang=lang)[1], "title_marked": h.marked(lang=lang)[0],
                "lang": lang, "score": round(h.score, 4)} for h in hits])
    else:
        for h in hits:
            title, snippet = h.marked(lang=lang)
            print(f"{h.kind}\t{h.id}\t{title}\t{snippet}")
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    problems: list[str] = []

    def take() -> Path:
        from guide.screenshot import take_screenshot

        return take_screenshot(args.page, args.out, size=args.size, content_db=args.content_db,
                               now=args.now, lang=args.lang, user_db=args.user_db,
                               theme_name=args.theme, text_scale=args.text_scale,
                               kiosk_config=args.kiosk_config,
                               problems=problems if args.check_layout else None)

    from guide.commands import write_screenshot

    code = write_screenshot(take)
    if code:
        return code
    for problem in problems:
        print(problem)
    if args.check_layout:
        print(f"layout: {len(problems)} problems", file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


def _add_check(command: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    """``guide check``: the database's health, or with ``--layout`` every page's layout."""
    p = command("check", cmd_check, "integrity check, schema version and counts per kind; "
                "--layout: render every page at every size, text size, theme and language and "
                "list layout problems (cut text, overlaps, contrast)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--layout", action="store_true", help="check the layout of every page (exit 1 "
                   "with a list of problems)")
    p.add_argument("--size", action="append", metavar="WxH", help="with --layout: only this "
                   "window size (repeatable; default 1024x640, 1280x800, 1920x1080)")
    p.add_argument("--text-scale", action="append", type=float, metavar="1.0-2.0",
                   help="with --layout: only this text size (repeatable; default 1 and 2)")
    p.add_argument("--theme", action="append", choices=["standard", "high-contrast"],
                   help="with --layout: only this theme (repeatable; default both)")
    p.add_argument("--lang", action="append", choices=["zh", "en"], default=argparse.SUPPRESS,
                   help="with --layout: only this language (repeatable; default both)")
    p.add_argument("--page", action="append", metavar="PAGE", help="with --layout: only this "
                   "page (repeatable; default every section and every item)")
    p.add_argument("--now", default=argparse.SUPPRESS, help="clock, e.g. 2023-05-29T10:00")


def _app_options(parser: argparse.ArgumentParser) -> None:
    """The options of the window itself (``guide`` with no command)."""
    _common(parser, suppress=False)
    parser.add_argument("--now", metavar="ISO", help="pretend the clock says this, e.g. "
                        "2023-05-29T10:00 (for demos and tests)")
    parser.add_argument("--lang", choices=["zh", "en"], help="interface language")
    parser.add_argument("--page", dest="start_page", metavar="PAGE", help="open this page at start "
                        "(as `guide screenshot`: home, forums, ..., search:QUERY or KIND/ID)")
    parser.add_argument("--kiosk", action="store_true", help="public touch-screen kiosk: full screen, "
                        "idle reset, staff PIN to leave (see `guide kiosk --help`)")
    parser.add_argument("--kiosk-config", type=Path, metavar="PATH",
                        help="kiosk settings file (default: kiosk.toml in the user data folder)")
    parser.add_argument("--self-test", action="store_true", help="check this installation "
                        "(databases, Home, search, bookmarks) without showing a window, and exit")
    # Quits the window's event loop after SECONDS: start-up benchmarks of the frozen app.
    parser.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    # Quits once the window's first frame is painted: the frozen app's start-up benchmark.
    parser.add_argument("--quit-after-first-frame", action="store_true", help=argparse.SUPPRESS)


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar: the window's options and every command."""
    from guide.content.models import KINDS

    parser = argparse.ArgumentParser(prog="guide", description=__doc__.splitlines()[0])
    _app_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        _common(p, suppress=True)
        p.set_defaults(handler=handler)
        return p

    p = command("build-db", cmd_build_db, "validate the content pack and build the database")
    p.add_argument("--content", type=Path, metavar="PATH", help="content pack folder")
    p.add_argument("--out", type=Path, metavar="PATH", help="database to write")

    p = command("list", cmd_list, "list every item of a kind")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--json", action="store_true")

    p = command("show", cmd_show, "show one item")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("id")
    p.add_argument("--json", action="store_true")

    _add_check(command)

    p = command("synth", cmd_synth, "write a synthetic content pack for scale tests")
    p.add_argument("--items", type=int, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--seed", type=int, default=2023)

    p = command("search", cmd_search, "search Chinese, pinyin and English text")
    p.add_argument("query")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--lang", choices=["zh", "en"], default=argparse.SUPPRESS,
                   help="language of the title and snippet (default zh)")

    p = command("screenshot", cmd_screenshot, "render a page offscreen to a PNG file")
    p.add_argument("page", help="home, forums, rooms, tracks, exhibition, announcements, photos, "
                   "figures, bookmarks, map, map:MAP[/REGION], search:QUERY or KIND/ID")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--kiosk-config", type=Path, help="a kiosk.toml whose [position] is shown "
                   "as \"You are here\" on the plans")
    p.add_argument("--size", default="1280x800")
    p.add_argument("--now", default=argparse.SUPPRESS, help="clock, e.g. 2023-05-29T10:00")
    p.add_argument("--lang", choices=["zh", "en"], default=argparse.SUPPRESS)
    p.add_argument("--theme", choices=["standard", "high-contrast"])
    p.add_argument("--text-scale", type=float, metavar="1.0-2.0")
    p.add_argument("--check-layout", action="store_true", help="also list layout problems (cut "
                   "text, overlaps, contrast) and exit 1 if there are any")

    from guide.commands.bookmarks import register as register_bookmarks
    register_bookmarks(sub, command)
    from guide.commands.kiosk import register as register_kiosk
    register_kiosk(sub, command)
    from guide.commands.updates import register as register_updates
    register_updates(sub, command)
    from guide.commands.programme import register as register_programme
    register_programme(sub, command)
    return parser


class _NotAStart(Exception):
    pass


class _QuietParser(argparse.ArgumentParser):
    """Raises instead of printing and exiting, so the full parser can report the error."""

    def error(self, message: str) -> NoReturn:
        raise _NotAStart(message)


# What the start's parser gives for no arguments (tests/test_first_paint_imports.py checks they
# agree). `guide` alone, the launcher's start, builds no parser: one costs 14 M instructions of the
# start (1.1%), most of it gettext looking for argparse's translations of its headings.
_PLAIN_START = {"content_db": None, "user_db": None, "now": None, "lang": None, "start_page": None,
                "kiosk": False, "kiosk_config": None, "self_test": False, "quit_after": None,
                "quit_after_first_frame": False, "command": None}


def parse_app_start(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options of a plain window start, or None when ``argv`` names a command or asks for help.

    Starting the window is what visitors and staff do most: it skips building the grammar
    of the thirty commands (and importing their modules), which costs more than the window's
    first frame can spare.
    """
    if not argv:
        return argparse.Namespace(**_PLAIN_START)
    parser = _QuietParser(prog="guide", add_help=False)
    _app_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotAStart:  # a bad value: the full parser says so, with the usage of every command
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``guide`` command."""
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parse_app_start(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if args.self_test:
        from guide.selftest import main as self_test

        return self_test(args)
    if handler is None:
        from guide.ui.source_scans import skip_source_scans

        skip_source_scans()  # before the window's modules are imported
        from guide.app import run_app

        return run_app(args)
    import sqlite3

    from guide.content.database import ContentDbError
    from guide.files import DiskFull
    from guide.user.db import UserDbError
    from guide.user.saving import ExportError

    try:
        return handler(args)
    except (ContentDbError, UserDbError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `guide list forum | head`
        return 0
    except (ExportError, DiskFull) as exc:  # already one line naming the file
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # one line, never a traceback: disk full, permissions, a folder
        print(f"error: {describe_os_error(exc)}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:
        print(f"error: database: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
