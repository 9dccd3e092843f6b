"""``guide import`` and ``guide export``: programmes in from schedule files, out to any schedule app."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Handler = Callable[[argparse.Namespace], int]


def look_commands(pack_dir: Path) -> str:
    """The commands that build ``pack_dir`` into a database of its own and open the guide on it."""
    import shlex

    pack = pack_dir.resolve()
    db = pack.with_name(pack.name + ".db")
    return (f"`guide build-db --content {shlex.quote(str(pack))} --out {shlex.quote(str(db))}` "
            f"then `guide --content-db {shlex.quote(str(db))}`")


def next_steps(source: str, pack_dir: Path) -> str:
    """What an organiser does after ``guide import``: make it the guide's content, or look at it.

    Only these stick or work: build-db without --out writes the app's own database, which
    the guide rebuilds from its bundled pack at the next start.
    """
    is_url = source.lower().startswith(("http://", "https://"))
    where = f"save {source} as a file and open it" if is_url else f"open {Path(source).resolve()}"
    return (f"next: to make it the guide's content, {where} with \"Open programme...\" in the "
            f"guide window's staff menu; to look at it without changing the guide's content, run "
            f"{look_commands(pack_dir)}")


def version_lines(result: Any, out: Path, *, explicit: bool, titled: bool = False) -> list[str]:
    """What ``guide import`` says of the pack it wrote: its id and version, and, over an
    earlier import, that kiosks take only a version above theirs (each update needs one)."""
    head = f"pack {result.pack_id} version {result.version}"
    lines = []
    if result.kept and titled:
        lines.append(f"the same programme as the earlier import in {out} (most of its sessions are "
                     f"in both), so it keeps that pack's id, with the title given, "
                     f"\"{result.programme.title}\"; give --pack-id to make it a programme of its own")
    elif result.kept:
        lines.append(f"the same programme as the earlier import in {out} (most of its sessions are "
                     f"in both), so it keeps that pack's id and title, \"{result.programme.title}\"; "
                     "give --pack-id and --title to make it a programme of its own")
    if result.previous is None:
        lines.append(f"{head}: a new pack; for the kiosks, build, sign and publish it (guide "
                     "pack build, sign, publish)")
    elif explicit and result.version <= result.previous:
        lines.append(f"warning: {head}, but {out} held version {result.previous}: kiosks that have "
                     f"version {result.previous} refuse it; import again without --pack-version "
                     f"(the next version, {result.previous + 1}) or give a higher one")
    else:
        lines.append(f"{head}, the next after version {result.previous} in {out}: build, sign and "
                     "publish it, and kiosks with an older version take it")
    return lines


# The keys every report `guide import` writes has: what a file must hold to be replaced by one.
REPORT_KEYS = frozenset({"source", "format", "sessions", "skipped", "repaired"})
_REPORT_CAP = 64 << 20  # far over any report (20,000 events skipped): no need to read more


def _is_report(path: Path) -> bool:
    """True for an empty file or a report an earlier ``guide import`` wrote (JSON with its keys)."""
    from guide.files import read_regular_file

    try:
        data = read_regular_file(path, _REPORT_CAP)
    except (OSError, ValueError):
        return False
    if not data.strip():
        return True  # an empty file holds nothing to lose
    try:
        report = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(report, dict) and report.keys() >= REPORT_KEYS


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def report_problem(report: Path, source: str | None = None) -> str | None:
    """Why a ``--report`` file could not be written, or None: asked before the pack is replaced,
    so a mistyped report path never leaves a new pack with no report of what it left out.

    An existing file is replaced only when it is an earlier report: ``--report`` named at the
    schedule being imported, a signing key or a spreadsheet (a slip of the shell's tab key)
    must not turn someone's only copy into JSON.
    """
    from guide.files import on_read_only_disk

    if report.is_dir():
        return (f"--report {report} is a folder; give the name of the report file to write, "
                f"e.g. --report {report / 'import-report.json'}")
    if source and not source.lower().startswith(("http://", "https://")) \
            and _same_file(report, Path(source)):
        return (f"--report {report} is the file being imported; give the report a name of its "
                f"own, e.g. --report {report.with_name('import-report.json')}")
    if report.exists() and not _is_report(report):
        return (f"--report {report} already exists and is not a report of `guide import`; it is "
                f"left as it is: give a new file name, e.g. --report "
                f"{report.with_name('import-report.json')} (or delete the file first)")
    folder = report.parent
    while not folder.exists() and folder != folder.parent:  # folders still to be made
        folder = folder.parent
    if not folder.is_dir():
        return f"--report {report}: {folder} is a file, not a folder; choose another report file"
    if not os.access(report if report.exists() else folder, os.W_OK):
        if on_read_only_disk(folder):
            return (f"--report {report} cannot be written: the disk (or shared folder) it "
                    "is on is read-only; choose a file somewhere else")
        return (f"--report {report} cannot be written (no permission); choose a file in a "
                "folder you can write to")
    return None


def cmd_import(args: argparse.Namespace) -> int:
    from guide.content.loader import PackInvalid
    from guide.programme.importer import import_programme, report_json
    from guide.programme.model import ProgrammeError
    from guide.programme.spreadsheet import SpreadsheetInvalid, write_template

    if args.template:
        if args.out.suffix.lower() != ".xlsx":
            print("error: the template is an .xlsx file: give --out NAME.xlsx", file=sys.stderr)
            return 2
        if args.out.exists() and not args.force:
            # It may be the programme someone has spent days filling in.
            print(f"error: {args.out} already exists; nothing written (give --force to replace "
                  "it with an empty template)", file=sys.stderr)
            return 2
        write_template(args.out)
        print(f"wrote the programme template {args.out}: fill in one session per row (row 2 is "
              "an example: overwrite it or delete it; left as it is, the import skips it), then "
              f"`guide import {args.out.name} --out PACK_DIR --timezone Asia/Shanghai`")
        return 0
    if not args.source:
        print("error: give a SOURCE to import (or --template to write a spreadsheet template)",
              file=sys.stderr)
        return 2
    problem = report_problem(args.report, args.source) if args.report else None
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        print(f"nothing written; {args.out} left unchanged", file=sys.stderr)
        return 2
    try:
        result = import_programme(args.source, args.out, fmt=args.format, timezone=args.timezone,
                                  version=args.pack_version, pack_id=args.pack_id, title=args.title,
                                  keep_test_entries=args.keep_test_entries)
    except SpreadsheetInvalid as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"{len(exc.errors)} bad cell(s); nothing written", file=sys.stderr)
        return 2
    except ProgrammeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(f"nothing written; {args.out} left unchanged", file=sys.stderr)
        return 2
    except PackInvalid as exc:  # the importer wrote something the loader refuses: our bug
        print(f"error: the imported pack does not validate:\n{exc}", file=sys.stderr)
        return 1
    report = report_json(result, args.source)
    if args.report:
        # Its folder is made as the pack's is: a report named in a new folder is not an
        # error to find only after the pack was written.
        from guide.user.saving import write_whole

        try:  # whole or not at all: an earlier report is never left half replaced
            write_whole(args.report, (json.dumps(report, ensure_ascii=False, indent=2)
                                      + "\n").encode("utf-8"))
        except OSError as exc:  # checked above, so rare: a full disk
            from guide.cli import describe_os_error

            print(f"error: the programme was imported into {args.out}, but the report could not "
                  f"be written: {describe_os_error(exc)}", file=sys.stderr)
            return 1
    print(f"imported {report['sessions']} sessions, {report['speakers']} speakers, "
          f"{report['rooms']} rooms, {report['tracks']} tracks ({report['format']}, "
          f"{report['timezone']}) into {args.out}; "
          f"{len(report['skipped'])} skipped, {len(report['repaired'])} repaired"
          # Columns apart: "3 skipped" read as three sessions lost.
          + (f", {len(columns)} column(s) not read" if (columns := report["columns_not_read"]) else "")
          + (f" (see {args.report})" if args.report else ""))
    for line in version_lines(result, args.out, explicit=args.pack_version is not None,
                              titled=args.title is not None):
        print(line, file=sys.stderr if line.startswith("warning:") else sys.stdout)
    print(next_steps(args.source, args.out))
    for entry in report["skipped"]:
        print(f"skipped: {entry['where']}: {entry['reason']}", file=sys.stderr)
    for entry in columns:
        print(f"not read: {entry['where']}: {entry['reason']}", file=sys.stderr)
    for entry in report["notices"]:
        print(f"note: {entry['where']}: {entry['notice']}", file=sys.stderr)
    return 0


EXPORT_SUFFIXES = {".xml": "frab-xml", ".json": "frab-json", ".ics": "ics"}


def cmd_export(args: argparse.Namespace) -> int:
    from guide.commands import ExportTargetError, export_format
    from guide.content.database import open_content_db
    from guide.locate import ensure_content_db
    from guide.programme.export import EXPORTERS, ics
    from guide.user.saving import write_whole

    try:
        fmt = export_format(args.out, args.format, EXPORT_SUFFIXES)
    except ExportTargetError as exc:
        print(f"error: {exc}; nothing written", file=sys.stderr)
        return 2
    db = open_content_db(ensure_content_db(args.content_db))
    lang = getattr(args, "export_lang", None)
    if lang is not None and fmt != "ics":
        print(f"error: --lang is for the .ics export; {fmt} carries the English where the guide "
              "has it; nothing written", file=sys.stderr)
        return 2
    result = ics(db, lang) if lang else EXPORTERS[fmt](db)
    if not result.sessions:
        print(f"error: no session has a start time, and {fmt} needs one; nothing written "
              "(the .ics export keeps untimed forums as all-day events)", file=sys.stderr)
        return 2
    to_stdout = str(args.out) == "-"
    if to_stdout:  # as `bookmarks export --out -`: the file's bytes, and the report on stderr
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
    elif args.out.is_dir():
        print(f"error: {args.out} is a folder; give the name of the file to write", file=sys.stderr)
        return 2
    else:  # whole or not at all, its folder made if new; a failure names args.out (exit 1)
        write_whole(args.out, result.data)
    note = (f"; {result.untimed_left_out} forums without a start time left out ({fmt} "
            "needs one; the .ics export keeps them as all-day events)"
            if result.untimed_left_out else "")
    print(f"wrote {result.sessions} sessions as {fmt} to {'stdout' if to_stdout else args.out}{note}",
          file=sys.stderr if to_stdout else sys.stdout)
    return 0


def register(sub: Any, command: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    """Add ``guide import`` to the CLI."""
    p = command("import", cmd_import, "import a programme (frab/pretalx schedule XML or JSON, "
                "iCalendar, .xlsx or .csv spreadsheet) as a content pack folder; then "
                "`guide build-db --content PACK_DIR --out FILE.db` and `guide --content-db "
                "FILE.db`, or open the schedule file with the staff menu's Open programme...")
    p.add_argument("source", metavar="SOURCE", nargs="?",
                   help="schedule file path or http(s):// URL")
    p.add_argument("--out", type=Path, required=True, metavar="PACK_DIR",
                   help="pack folder to write: new, empty, or an earlier import of the same "
                   "programme (replaced only when the import succeeds); "
                   "with --template the .xlsx to write")
    p.add_argument("--template", action="store_true",
                   help="write an empty programme spreadsheet with bilingual headers to --out")
    p.add_argument("--force", action="store_true",
                   help="with --template, replace an existing file at --out")
    p.add_argument("--format", choices=["frab-xml", "frab-json", "ics", "csv", "xlsx"],
                   help="schedule format (default: detected from the content)")
    p.add_argument("--timezone", metavar="ZONE", help="IANA time zone of the schedule's times, "
                   "e.g. Europe/Brussels (needed when the file names none)")
    p.add_argument("--report", type=Path, metavar="FILE.json",
                   help="write every skipped or repaired event, with the reason, to this file "
                   "(an existing file is replaced only if it is an earlier report)")
    p.add_argument("--keep-test-entries", action="store_true",
                   help="keep sessions whose title and room both look like test data (\"test-andi2\" "
                   "in \"andi-test-raum\") and that have no description, and the rooms they are "
                   "in; left out by default (the report names them, and notes any other session "
                   "or room that looks like test data)")
    p.add_argument("--pack-version", type=int, metavar="N",
                   help="version number of the pack (default: 1 for a new pack, else the next "
                   "after the one in PACK_DIR; kiosks take only a version above theirs)")
    p.add_argument("--pack-id", metavar="ID", help="the pack's id (default: the file's acronym, "
                   "title or name; a sheet of the same event imported over an earlier import "
                   "keeps that one's); keep it the same for every update of one programme")
    p.add_argument("--title", metavar="TEXT", help="the programme's title the guide shows "
                   "(default: the file's, or a spreadsheet's file name; over an earlier import "
                   "of the same programme's sheet, that one's)")

    p = command("export", cmd_export, "write the whole programme as frab XML, frab JSON or iCalendar")
    p.add_argument("--format", choices=["frab-xml", "frab-json", "ics"],
                   help="default: from --out's extension (.xml, .json, .ics)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="file to write (its "
                   "folder is made if new), - for stdout")
    p.add_argument("--lang", dest="export_lang", choices=["zh", "en"],
                   help="language of an .ics export's titles, texts and names (default en; "
                   "zh for a Chinese programme's attendees)")
