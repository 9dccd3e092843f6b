"""``guide import``: read a schedule (file or http(s) URL), write a content pack folder.

The pack is written to a temporary folder beside the target, validated with the same
loader that ``guide build-db`` uses, and only then moved into place, so a failed
import leaves the target exactly as it was.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
import shutil
import tempfile
import tomllib
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from guide.content.ids import slug
from guide.content.loader import load_pack
from guide.content.pack_folder import PACK_META
from guide.files import file_lock, remove_stale_temps
from guide.programme.continuing import continuing, earlier_import, from_sheet
from guide.programme.frab import read_frab_json, read_frab_xml, utf8_declared
from guide.programme.ical import read_ics
from guide.programme.message import THE_FILE, Message, listed, message_of, semicolons
from guide.programme.model import ProgrammeError, ProgrammeUnreadable, RawProgramme
from guide.programme.normalise import Programme, normalise
from guide.programme.office_files import refuse_office_files
from guide.programme.pack_names import file_title, pack_id_for
from guide.programme.spreadsheet import COLUMNS, read_spreadsheet
from guide.programme.test_entries import mark_test_entries
from guide.programme.times import fallback_zone

FORMATS = ("frab-xml", "frab-json", "ics", "csv", "xlsx")


def _named(reader: Callable[[bytes], RawProgramme]) -> Callable[[bytes, str], RawProgramme]:
    """``reader``, which does not know the file's name, with its errors put after that name."""
    def read(data: bytes, name: str) -> RawProgramme:
        try:
            return reader(data)
        except ProgrammeError as exc:  # unreadable stays unreadable: the staff's box tells them apart
            kind = ProgrammeUnreadable if isinstance(exc, ProgrammeUnreadable) else ProgrammeError
            raise kind(Message("{where}: {what}", where=name, what=message_of(exc))) from exc
    return read


READERS: dict[str, Callable[[bytes, str], RawProgramme]] = {
    "frab-xml": _named(read_frab_xml),
    "frab-json": _named(read_frab_json),
    "ics": _named(read_ics),
    "csv": lambda data, name: read_spreadsheet(data, name, "csv"),
    "xlsx": lambda data, name: read_spreadsheet(data, name, "xlsx"),
}
# The file names each reader's files go by, for a file dialog to offer (the content decides
# which reader reads a file, not its name: detect_format): Excel's "Unicode Text" is saved as
# .txt, a workbook with macros as .xlsm.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "frab-xml": ("xml",), "frab-json": ("json",), "ics": ("ics", "ical"),
    "csv": ("csv", "txt", "tsv"), "xlsx": ("xlsx", "xlsm"),
}
# Files no reader takes but refuse_office_files explains, saying how to save them as .xlsx:
# a dialog that hid them would leave staff without that advice.
EXPLAINED = ("xls", "ods", "xlsb")


def programme_extensions() -> tuple[str, ...]:
    """The file name extensions (no dot) an import reads or explains, each reader's in turn."""
    return tuple(ext for fmt in READERS for ext in EXTENSIONS[fmt]) + EXPLAINED


PROGRAMME_FILE = "programme.json"  # rooms, tracks, organisations and speakers
SESSIONS_PER_FILE = 1000
SHOWN_SKIPS = 5  # reasons in the error when no event could be imported


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: ``pack_id`` version ``version``; ``previous`` is the version of
    the same pack the folder held (None: a new pack); ``kept`` whether its id and title were
    kept because the file is a sheet of the same event (see :mod:`guide.programme.continuing`)."""

    out: Path
    format: str
    programme: Programme
    pack_id: str = ""
    version: int = 1
    previous: int | None = None
    kept: bool = False


MAX_DOWNLOAD = 64 * 2**20


def read_source(source: str) -> bytes:
    """The bytes of a file path or an ``http(s)://`` URL."""
    if source.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(source, timeout=60) as response:
                data = bytes(response.read(MAX_DOWNLOAD + 1))
        except OSError as exc:
            raise ProgrammeError(Message("{source}: cannot download: {error}", source=source,
                                         error=str(exc))) from exc
        if len(data) > MAX_DOWNLOAD:  # the largest real programmes are a few MB
            raise ProgrammeError(Message("{source}: larger than {size} MB; not a schedule?",
                                         source=source, size=MAX_DOWNLOAD // 2**20))
        return data
    path = Path(source)
    if not path.is_file():  # gone since it was chosen (a USB stick taken out): nothing to correct
        raise ProgrammeUnreadable(Message("{source}: no such file", source=source))
    return path.read_bytes()


def _utf8_if_utf16_markup(data: bytes) -> bytes:
    """A UTF-16 schedule (Windows "Unicode"), XML, JSON or iCalendar, as UTF-8; anything
    else as it is (a UTF-16 spreadsheet export is read as such)."""
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data
    text = data.decode("utf-16", "replace").lstrip()
    if not text.startswith(("<", "{", "BEGIN:VCALENDAR")):
        return data
    return utf8_declared(text)


def detect_format(data: bytes, name: str = "") -> str:
    """The schedule format of ``data``, judged from its content (the name only breaks ties)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    label = name or THE_FILE
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"<"):
        if b"<schedule" in data[:65536]:
            return "frab-xml"
        raise ProgrammeUnreadable(Message("{file}: XML, but not a frab schedule (no <schedule>)",
                                          file=label))
    if head.startswith(b"{"):
        return "frab-json"
    if head.upper().startswith(b"BEGIN:VCALENDAR"):
        return "ics"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode Text" (UTF-16, tab-separated), often saved as .txt.
        first_line = data[:4096].decode("utf-16", "replace").split("\n", 1)[0]
    else:
        first_line = head.split(b"\n", 1)[0].decode("utf-8", "replace")
    if any(label_.split(" ", 1)[0] in first_line or label_.split(" ", 1)[1] in first_line
           for _field, label_ in COLUMNS[1:2]) or name.lower().endswith(".csv"):
        return "csv"
    raise ProgrammeUnreadable(Message("{file}: not a schedule this version reads ({formats})",
                                      file=label, formats=", ".join(FORMATS)))


def _pack_meta(programme: Programme, source: str, version: int) -> str:
    pack_id = pack_id_of(programme)
    lines = [
        "[pack]",
        f"id = {json.dumps(pack_id)}",
        f"version = {version}",
        f"title = {json.dumps(programme.title, ensure_ascii=False)}",
        f"title_en = {json.dumps(programme.title, ensure_ascii=False)}",
        f"source = {json.dumps(source, ensure_ascii=False)}",
        f"timezone = {json.dumps(programme.timezone)}",
        f"languages = {json.dumps(programme.languages)}",
        # A conference's programme, not the newspaper's "forums".
        'forums_label = "日程"',
        'forums_label_en = "Programme"',
    ]
    return "\n".join(lines) + "\n"


def _write_json(path: Path, body: dict[str, Any]) -> None:
    path.write_text(json.dumps(body, ensure_ascii=False) + "\n", encoding="utf-8")  # C encoder: no indent


_IMPORT_WRITES = re.compile(r"sessions-\d{4,}\.json")  # besides PACK_META and PROGRAMME_FILE
# What a file manager leaves in any folder it showed; nobody's work.
_SYSTEM_LITTER = {".DS_Store", "Thumbs.db", "desktop.ini"}
_CHOOSE_OUT = "choose an empty or new folder for --out"


def _names(paths: list[Path]) -> str:
    return listed([p.name + ("/" if p.is_dir() else "") for p in sorted(paths)], 5)


def check_out_folder(out: Path, pack_id: str) -> None:
    """Raise ProgrammeError unless ``out`` may be replaced by the import of pack ``pack_id``.

    The import replaces the whole folder, so it may hold only what an earlier import of the
    same pack wrote: any other file (the organiser's sheet, notes, a hand-written pack) would
    be deleted with it, and another pack's import is another programme on the kiosks.
    """
    if not out.exists():
        return
    if not out.is_dir():
        raise ProgrammeError(f"{out} is a file, not a folder; {_CHOOSE_OUT}")
    entries = list(out.iterdir())
    others = [p for p in entries if p.name not in _SYSTEM_LITTER and not (
        p.is_file() and (p.name in (PACK_META, PROGRAMME_FILE) or _IMPORT_WRITES.fullmatch(p.name)))]
    if others:
        raise ProgrammeError(f"{out} holds files an import did not write ({_names(others)}); "
                             f"the import replaces the whole folder, so it would delete them: "
                             f"{_CHOOSE_OUT}")
    if all(p.name in _SYSTEM_LITTER for p in entries):
        return
    try:
        meta = tomllib.loads((out / PACK_META).read_text(encoding="utf-8"))["pack"]
        old_id, old_source = str(meta["id"]), str(meta.get("source", ""))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise ProgrammeError(f"{out} holds a pack whose {PACK_META} cannot be read; "
                             f"{_CHOOSE_OUT}") from exc
    if old_id != pack_id:
        raise ProgrammeError(
            f"{out} holds another programme, pack {old_id!r} (imported from {old_source}); this "
            f"import is pack {pack_id!r}: to update that pack give --pack-id {old_id}, "
            f"else {_CHOOSE_OUT}")


def write_pack(programme: Programme, out: Path, *, source: str, version: int = 1) -> None:
    """Write ``programme`` as a pack folder at ``out``, validated, replacing an older pack there.

    Only a folder holding an earlier import of the same pack is replaced (see
    :func:`check_out_folder`), so an import never deletes someone's files.
    """
    out = Path(out)
    check_out_folder(out, pack_id_of(programme))
    out.parent.mkdir(parents=True, exist_ok=True)
    # The temp folder names its writer, so what a killed import left beside this pack
    # goes now (only this pack's: the folder is the staff member's, not the guide's).
    remove_stale_temps(out.parent, prefix=f".{out.name}.")
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=f".{os.getpid()}.tmp", dir=out.parent))
    try:
        (tmp / PACK_META).write_text(_pack_meta(programme, source, version), encoding="utf-8")
        body: dict[str, Any] = {"room": programme.room, "track": programme.track,
                                "organization": programme.organization, "person": programme.person}
        _write_json(tmp / PROGRAMME_FILE, body)
        # Sessions in files of SESSIONS_PER_FILE: reading and validating the pack (here and in
        # build-db) then holds one file's text and parsed JSON at a time, not the whole programme's.
        for n, first in enumerate(range(0, len(programme.forum), SESSIONS_PER_FILE), start=1):
            _write_json(tmp / f"sessions-{n:04d}.json",
                        {"forum": programme.forum[first:first + SESSIONS_PER_FILE]})
        load_pack(tmp)  # raises PackInvalid: a bug here, never a half-valid pack on disk
        old = out.with_name(f".{out.name}.old")
        if old.exists():
            shutil.rmtree(old)
        if out.exists():
            out.rename(old)
        tmp.rename(out)
        if old.exists():
            shutil.rmtree(old)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


FORMAT_NAMES = {"frab-xml": Message("frab XML schedule"), "frab-json": Message("frab JSON schedule"),
                "ics": Message("iCalendar"), "csv": Message("CSV spreadsheet"),
                "xlsx": Message("Excel spreadsheet")}


def _reason(exc: BaseException) -> str:
    """One short line on why a reader gave up."""
    if isinstance(exc, RecursionError):
        return Message("nested too deeply")
    said = message_of(exc)
    if isinstance(said, Message) and "\n" not in said and len(said) <= 200:
        return said  # the reader's own words, kept for the window to translate
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def read_programme(source: str, *, fmt: str | None = None, timezone: str | None = None,
                   fallback_timezone: str | None = None,
                   keep_test_entries: bool = False) -> tuple[str, Programme]:
    """(format, programme) of ``source`` (path or URL); raise ProgrammeError on bad input.

    ``timezone`` overrides the file's (``--timezone``); ``fallback_timezone`` is used only
    for a file that names none (the staff's import: the current content's zone; China's for
    a file in Chinese when that zone is no Chinese-speaking place's, see ``fallback_zone``).
    Sessions and rooms that are plainly test data are left out unless ``keep_test_entries``
    (see :mod:`guide.programme.test_entries`); those that only may be are named in notices.
    """
    data = _utf8_if_utf16_markup(read_source(source))
    name = source.rsplit("/", 1)[-1]
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n"):  # whatever its format, named or guessed
        raise ProgrammeUnreadable(Message("{file}: the file is empty", file=name))
    refuse_office_files(data, name)  # whatever --format says: no reader takes them
    fmt = fmt or detect_format(data, name)
    if fmt not in READERS:
        raise ProgrammeError(Message("format {format!r} cannot be imported; this version reads "
                                     "{formats}", format=fmt, formats=", ".join(READERS)))
    try:
        raw = READERS[fmt](data, name)
    except ProgrammeError:
        raise
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError,
            OverflowError, SyntaxError, csv.Error) as exc:
        # The readers follow their format's structure; a file that breaks it where they
        # do not check (a number where a frab schedule has a list of days, a sheet cut
        # short, an impossible date) is refused whole, in one line, like any other.
        raise ProgrammeUnreadable(Message("{file}: not a readable {format} file: {reason}",
                                          file=name, format=FORMAT_NAMES[fmt],
                                          reason=_reason(exc))) from exc
    del data  # the file's bytes are not needed once read (64 MB for 20,000 events)
    if not raw.title and not raw.acronym and re.search(r"\w", stem := file_title(Path(name).stem)):
        # A calendar without X-WR-CALNAME (a common export) was titled "Programme", in English
        # in the Chinese window and on the kiosks: its file's name, as a sheet's (会议日程.ics).
        raw.title = stem
    mark_test_entries(raw, keep=keep_test_entries)
    fallback_timezone = fallback_zone((raw.title, *(e.title for e in raw.events)), fallback_timezone)
    programme = normalise(raw, timezone=timezone, source=name,
                          fallback_timezone=fallback_timezone)
    if not programme.forum:
        skipped = programme.report.skipped
        # Why, at least for the first few: nothing is written, so no report file says it.
        why = semicolons([Message("{where}: {what}", where=entry["where"], what=entry["reason"])
                          for entry in skipped[:SHOWN_SKIPS]]
                         + (["…"] if len(skipped) > SHOWN_SKIPS else []))
        raise ProgrammeError(Message("{file}: no session could be imported ({count} skipped: "
                                     "{why})", file=name, count=len(skipped), why=why)
                             if skipped else Message("{file}: no session could be imported",
                                                     file=name))
    return fmt, programme


def pack_id_of(programme: Programme) -> str:
    """The pack id an imported programme gets (from its acronym or title; a Chinese title as
    pinyin, see :func:`pack_id_for`)."""
    return pack_id_for(programme.acronym or programme.title)


def import_programme(source: str, out: Path, *, fmt: str | None = None,
                     timezone: str | None = None, version: int | None = None,
                     pack_id: str | None = None, title: str | None = None,
                     keep_test_entries: bool = False) -> ImportResult:
    """Read ``source`` (path or URL), write its pack to ``out``; raise ProgrammeError on bad input.

    ``pack_id`` and ``title`` replace what the file gives (a spreadsheet: its file name), so a
    corrected sheet saved under another name still updates the same pack on the kiosks. Over
    an earlier import in ``out``, a sheet of the same event keeps its pack id and title without
    them, and ``version`` (None) is the next after the one there, as kiosks take only a higher
    one; a new pack is version 1.
    """
    if pack_id is not None and (not pack_id or slug(pack_id) != pack_id or len(pack_id) > 60):
        raise ProgrammeError(f"--pack-id {pack_id!r}: use lower-case letters, digits and dashes "
                             "(at most 60), e.g. zgc-forum-2023")
    fmt, programme = read_programme(source, fmt=fmt, timezone=timezone,
                                    keep_test_entries=keep_test_entries)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    # One import of a folder at a time (two staff, or one command run twice): the second
    # reads the first's pack and writes the next version, where both had read the same
    # pack, written the same version and swapped the folder through one name at once
    # ("[Errno 2] No such file or directory: 'pack.toml'").
    with file_lock(out.parent / f".{out.name}.lock", remove=True):
        return _import_into(programme, fmt, source, out, version, pack_id, title)


def _import_into(programme: Programme, fmt: str, source: str, out: Path, version: int | None,
                 pack_id: str | None, title: str | None) -> ImportResult:
    earlier = earlier_import(out)
    kept = False
    file = source.rsplit("/", 1)[-1]
    if earlier is not None and pack_id is None and not from_sheet(fmt, earlier.source):
        # The previous release's nameless programme from this same file: the next version.
        programme = continuing(programme, fmt, earlier.pack_id, earlier.title, earlier.source,
                               earlier.listings, file=file)
    elif earlier is not None and from_sheet(fmt, earlier.source):
        if pack_id is None:  # a sheet's id is its file's name: the same event keeps the earlier one
            named = pack_id_of(programme)
            programme = continuing(programme, fmt, earlier.pack_id, earlier.title, earlier.source,
                                   earlier.listings)
            kept = named != earlier.pack_id == pack_id_of(programme)
        elif pack_id == earlier.pack_id:  # the same pack, by --pack-id: its name, not the file's
            programme = replace(programme, title=earlier.title or programme.title)
    if pack_id or title:
        programme = replace(programme, acronym=pack_id or programme.acronym,
                            title=title or programme.title)
    final_id = pack_id_of(programme)
    previous = earlier.version if earlier is not None and earlier.pack_id == final_id else None
    if version is None:
        version = previous + 1 if previous is not None else 1
    write_pack(programme, out, source=file, version=version)
    return ImportResult(Path(out), fmt, programme, final_id, version, previous, kept)


def report_json(result: ImportResult, source: str) -> dict[str, Any]:
    """The ``--report`` file: counts, and every skipped or repaired event with the reason."""
    p = result.programme
    return {
        "source": source, "format": result.format, "out": str(result.out),
        "pack_id": result.pack_id, "version": result.version,
        "sessions": len(p.forum), "rooms": len(p.room), "tracks": len(p.track),
        "speakers": len(p.person), "timezone": p.timezone,
        "skipped": p.report.skipped, "repaired": p.report.repaired, "notices": p.report.notices,
        "columns_not_read": p.report.columns,
    }
