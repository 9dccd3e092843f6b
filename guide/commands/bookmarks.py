"""``guide bookmarks ...``: staff commands over the same user database as the app.

Exit codes follow guide.cli: 0 success, 1 failure (e.g. database locked, disk full), 2 bad
input (unknown kind or id, removing what is not bookmarked, a bad import file, an unusable
--user-db).
A damaged user database is moved aside on open like in the app; the one-time notice
is printed here (to stderr) and counts as shown.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from guide.commands import db_options, print_json
from guide.content.models import KINDS, kind_noun
from guide.user import EXPORT_FORMATS, ExportFormat

if TYPE_CHECKING:
    from guide.user.bookmarks import BookmarkView

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[str, Handler, str], argparse.ArgumentParser]


def _kept(args: argparse.Namespace, opened: Any) -> Any:
    """``opened`` (a database), to be closed when the command ends (:func:`_guarded`)."""
    if opened is not None:
        vars(args).setdefault("_opened", []).append(opened)
    return opened


def _open_user(args: argparse.Namespace, *, reading: bool = False) -> Any:
    """The user database; with ``reading`` (list, export) also from a read-only or full disk,
    where the bookmarks can still be taken away though nothing can change."""
    return _kept(args, _open_user_db(args, reading=reading))


def _open_user_db(args: argparse.Namespace, *, reading: bool) -> Any:
    from guide import paths
    from guide.files import DiskFull
    from guide.user.db import (
        UserDbError,
        mark_recovery_notice_shown,
        open_user_db,
        open_user_db_to_read,
        pending_recovery_notice,
    )

    try:
        user = open_user_db(args.user_db)
    except UserDbError as exc:
        if not (reading and exc.read_only):
            raise
        user = open_user_db_to_read(args.user_db or paths.default_user_db())
        print(f"note: {exc}; its bookmarks are read as they are", file=sys.stderr)
        return user
    except DiskFull as exc:
        if not reading:
            raise
        return _read_on_a_full_disk(args.user_db or paths.default_user_db(), exc)
    notice = pending_recovery_notice(user.db)
    if notice is not None:
        print(f"notice: the bookmarks file was damaged and has been replaced; {notice.salvaged} "
              f"bookmark(s) could be recovered; the damaged file is kept at {notice.moved_to}",
              file=sys.stderr)
        mark_recovery_notice_shown(user.db)
    return user


def _read_on_a_full_disk(path: Path, full: OSError) -> Any:
    """The user database opened for reading only, where there is no room to open it for
    writing (SQLite needs to write its -shm file even to read): listing and exporting still
    work, with a note that nothing can be saved. Raises ``full`` when it cannot be read either."""
    import errno

    from guide.user.db import UserDbError, open_user_db_to_read

    try:
        user = open_user_db_to_read(path)
    except UserDbError:
        raise full from None  # the disk being full is what to fix
    why = ("the file size limit of this account was reached" if full.errno == errno.EFBIG
           else "the disk is full")
    print(f"note: {path} cannot be written ({why}), so nothing can be saved; its bookmarks are "
          "read as they are", file=sys.stderr)
    return user


def _open_content(args: argparse.Namespace) -> Any:
    from guide.cli import open_content

    return _kept(args, open_content(args))


def _content_to_read(args: argparse.Namespace) -> Any:
    """The content database, or None with a note when it cannot be read (damaged, missing):
    listing and exporting then work from the bookmarks as last seen, so the only copy of
    someone's bookmarks can still be taken away."""
    from guide.content.database import ContentDbError

    try:
        return _open_content(args)
    except ContentDbError as exc:
        print(f"note: {exc}; the bookmarks are shown as they were last seen", file=sys.stderr)
        return None


def _when(v: Any) -> str:
    if v.date is None:
        return ""
    text = v.date.isoformat()
    if v.start_time is not None:
        text += " " + v.start_time.strftime("%H:%M")
        if v.end_time is not None:
            text += "-" + v.end_time.strftime("%H:%M")
    return text


def cmd_list(args: argparse.Namespace) -> int:
    from guide.user.bookmarks import list_bookmarks, refresh_snapshots
    from guide.user.export import bookmark_records

    user, content = _open_user(args, reading=True), _content_to_read(args)
    if content is not None and not user.read_only:
        refresh_snapshots(user.db, content)  # keep last-known titles current for later updates
    views = list_bookmarks(user.db, content)
    if args.json:
        print_json(bookmark_records(views))
        return 0
    for v in views:
        gone = "" if v.in_guide else "\t[no longer in the guide]"
        print(f"{v.kind}\t{v.id}\t{_when(v)}\t{v.title}\t{v.title_en}{gone}")
    return 0


def _noun(content: Any, kind: str, item_id: str) -> str:
    """``kind`` as the app names it: an imported programme's session is a "session"."""
    from guide.user.bookmarks import snapshots

    snap = snapshots(content, [(kind, item_id)]).get((kind, item_id)) if kind == "forum" else None
    return kind_noun(kind, snap.forum_kind if snap else None)


def _titles(title: str, title_en: str) -> str:
    """Both titles, or one when they are the same (an imported programme has one language)."""
    return f"{title} / {title_en}" if title_en and title_en != title else title


def cmd_add(args: argparse.Namespace) -> int:
    from guide.user.bookmarks import UnknownItem, add_bookmark

    user, content = _open_user(args), _open_content(args)
    try:
        b = add_bookmark(user.db, content, args.kind, args.id)
    except UnknownItem as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"bookmarked {_noun(content, b.kind, b.id)} {b.id}: {_titles(b.title, b.title_en)}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from guide.content.database import ContentDbError
    from guide.user.bookmarks import remove_bookmark

    removed = remove_bookmark(_open_user(args).db, args.kind, args.id)
    if removed is None:
        # Bad input, like adding an unknown id: a mistyped id must not pass for a removal.
        print(f"error: {args.kind} {args.id} is not bookmarked; nothing removed (`guide "
              "bookmarks list` shows the bookmarks)", file=sys.stderr)
        return 2
    try:  # the content only names it; removing needs none (it may be gone or damaged)
        noun = _noun(_open_content(args), removed.kind, removed.id)
    except ContentDbError:
        noun = removed.kind
    print(f"removed {noun} {removed.id}: {removed.title}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from guide.commands import ExportTargetError, export_format
    from guide.user.export import export_bookmarks, export_bytes

    try:
        fmt = cast(ExportFormat, export_format(args.out, args.format,  # one of EXPORT_FORMATS
                                               {f".{f}": f for f in EXPORT_FORMATS}))
    except ExportTargetError as exc:
        print(f"error: {exc}; nothing written", file=sys.stderr)
        return 2
    user, content = _open_user(args, reading=True), _content_to_read(args)
    lang = getattr(args, "lang", None) or "zh"
    if content is None and fmt == "ics":
        print("error: a calendar needs the content's time zone, and the content cannot be "
              "read; export --format json or csv instead", file=sys.stderr)
        return 2
    if str(args.out) == "-":
        data, written, left = export_bytes(user.db, content, fmt, lang=lang)
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        where = "stdout"
    else:
        report = export_bookmarks(user.db, content, fmt, args.out, lang=lang)
        written, left, where = report.written, report.left_out, str(report.path)
    print(f"wrote {written} bookmark(s) as {fmt} to {where}", file=sys.stderr)
    if left:
        print(f"left out of the calendar: {_left_out(left)}", file=sys.stderr)
    return 0


def _left_out(left: Sequence[BookmarkView]) -> str:
    """Why bookmarks stayed out of a calendar, in words: only forums and sessions have a
    day (every one the guide holds has a date), and only while they are in the guide."""
    gone = sum(1 for v in left if v.kind == "forum")
    reasons = [(len(left) - gone, "not on the programme (only forums and sessions are)"),
               (gone, "no longer in the guide")]
    return ", ".join(f"{n} {why}" for n, why in reasons if n)


def cmd_import(args: argparse.Namespace) -> int:
    from guide.content.database import content_info
    from guide.user.bookmark_import import ImportFileError, import_bookmarks

    user, content = _open_user(args), _open_content(args)
    try:
        report = import_bookmarks(user.db, content, args.file)
    except ImportFileError as exc:
        print(f"error: cannot import {exc.path}; nothing was changed:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    print(f"imported {report.added} new bookmark(s); {report.already} already bookmarked; "
          f"{report.not_in_guide} of the new ones match nothing in the current content")
    if report.not_in_guide:  # kept: another pack's items come back when that pack is opened
        print(f"note: the {report.not_in_guide} bookmark(s) that match nothing are kept and listed as "
              "no longer in the guide (under the file's titles); they show again when content that "
              "has them is opened", file=sys.stderr)
    if report.other_pack:  # e.g. a visitor's file from another event's guide
        print(f"note: {args.file} was exported from other content ({report.other_pack!r}, this "
              f"guide holds {content_info(content).pack_id!r}): its bookmarks of items this "
              "guide lacks show as no longer in the guide", file=sys.stderr)
    return 0


def _guarded(handler: Handler) -> Handler:
    def run(args: argparse.Namespace) -> int:
        from guide.user.db import UserDbError

        try:
            return handler(args)
        except UserDbError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except sqlite3.OperationalError as exc:
            from guide import paths
            from guide.files import disk_full_error, is_disk_full

            path = args.user_db or paths.default_user_db()
            if is_disk_full(exc, Path(path).parent):  # SQLite's "disk I/O error" had been all
                print(f"error: {disk_full_error(path)}", file=sys.stderr)  # (rolled back)
                return 1
            if "locked" not in str(exc):
                raise  # not necessarily the user database's fault: guide.cli says what it is
            # locked by another writer past the busy timeout
            print(f"error: user database: {exc}", file=sys.stderr)
            return 1
        finally:
            # Closed here, not left to the collector: a connection closed at some later
            # collection checkpoints and deletes the user's -wal file then (commands also
            # run inside other programs, e.g. the tests).
            for opened in reversed(vars(args).pop("_opened", [])):
                opened.close()
    return run


def register(sub: Any, command: Command) -> None:
    """Add ``guide bookmarks list|add|remove|export|import`` to the CLI.

    ``command`` is guide.cli's helper that adds a subcommand to ``sub``; only it is
    needed, ``sub`` is taken so later registrations can add parsers of their own.
    """
    def usage(_: argparse.Namespace) -> int:
        parent.print_help(sys.stderr)
        return 2

    parent = command("bookmarks", usage, "list, add, remove, export and import bookmarks")
    actions = parent.add_subparsers(dest="bookmarks_action", metavar="ACTION", required=True)

    def action(name: str, handler: Handler, help_: str) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help_, description=help_)
        db_options(p)
        p.set_defaults(handler=_guarded(handler))
        return p

    p = action("list", cmd_list, "list bookmarks: forums in timeline order, then other kinds")
    p.add_argument("--json", action="store_true")
    p = action("add", cmd_add, "bookmark an item of the content")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("id")
    p = action("remove", cmd_remove, "remove a bookmark (exit 2, nothing changed, if it is not "
               "bookmarked)")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("id")
    p = action("export", cmd_export, "write bookmarks as a calendar (ics: forums only), JSON or CSV")
    p.add_argument("--format", choices=EXPORT_FORMATS,
                   help="default: from --out's extension (.ics, .json, .csv)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="file to write (its "
                   "folder is made if new), - for stdout")
    p = action("import", cmd_import, "add the bookmarks of a JSON file written by export")
    p.add_argument("file", type=Path)
