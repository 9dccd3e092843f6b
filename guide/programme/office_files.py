"""Files Excel opens but no programme reader here does, refused with what to do instead:
an Excel 97-2003 .xls, a password-protected workbook, a web page named .xls, an OpenDocument
.ods, a Numbers or Word file, a zip archive, a content pack."""

from __future__ import annotations

import io
import re
import zipfile

from guide.programme.message import THE_FILE, Message
from guide.programme.model import ProgrammeUnreadable

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Microsoft's compound file: .xls, .doc, encrypted .xlsx
_HTML = re.compile(rb"<(?:!doctype\s+html|html|table)\b", re.IGNORECASE)
_SAVE_AS_XLSX = Message("open it in Excel and save it as .xlsx (Excel Workbook), then import "
                        "that file")
_ODS = b"application/vnd.oasis.opendocument.spreadsheet"


_ODF = "application/vnd.oasis.opendocument."
_COPY_TABLE = Message("copy the programme's table into Excel and save it as .xlsx (Excel "
                      "Workbook), then import that file")
# (a part only that kind of zip file has, what the file is, what to do)
_ZIPS = (
    ("xl/workbook.bin", Message("an Excel binary workbook (.xlsb)"), _SAVE_AS_XLSX),
    ("Index/Document.iwa", Message("an Apple Numbers spreadsheet"),
     Message("in Numbers choose File > Export To > Excel, then import that .xlsx file")),
    ("word/document.xml", Message("a Word document, not a spreadsheet"), _COPY_TABLE),
    ("ppt/presentation.xml", Message("a PowerPoint presentation, not a spreadsheet"), _COPY_TABLE),
    ("pack/pack.toml", Message("a content pack (.guidepack), not a programme"),
     Message("apply it with `guide update apply --file FILE` (in the guide: the staff menu's "
             "\"Open content pack...\")")),
)


def _zip_kind(data: bytes) -> tuple[str, str] | None:
    """(what the file is, what to do) for a zip file that is not an .xlsx workbook (an .xlsx is
    a zip of XML parts): an OpenDocument .ods, another program's document, a zip archive;
    None for a workbook, or a zip too damaged to tell (the workbook reader says so)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            mimetype = (archive.read("mimetype")[:200].decode("ascii", "replace").strip()
                        if "mimetype" in names else "")
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError):
        return None
    if mimetype.startswith(_ODF):
        kind = mimetype.removeprefix(_ODF).split(".")[0]
        if kind == "spreadsheet":
            return (Message("an OpenDocument spreadsheet (.ods, as LibreOffice and WPS save it)"),
                    Message("open it in LibreOffice Calc, WPS or Excel and save it as .xlsx "
                            "(Excel Workbook), then import that file"))
        return Message("an OpenDocument {kind} file, not a spreadsheet", kind=kind), _COPY_TABLE
    if "xl/workbook.xml" in names:
        return None
    for part, what, advice in _ZIPS:
        if part in names:
            return what, advice
    inside = [n for n in names if n.lower().endswith((".xlsx", ".csv"))]
    return (Message("a zip archive, not a spreadsheet"),
            Message("unzip it and import the programme inside ({files})",
                    files=", ".join(inside[:3])) if inside else
            Message("unzip it and import the programme's .xlsx or .csv file inside"))


def _cannot_read(label: str, what: str, advice: str) -> ProgrammeUnreadable:
    return ProgrammeUnreadable(Message("{file}: {what}, which the guide cannot read: {advice}",
                                       file=label, what=what, advice=advice))


def refuse_office_files(data: bytes, name: str) -> None:
    """Raise ProgrammeUnreadable, saying what to do, for what Excel opens but no reader here does:
    an Excel 97-2003 .xls or a password-protected workbook (both compound files, and nothing
    in the file says which without its password), a web page named .xls (systems' exports),
    an OpenDocument .ods or another zip file that is not an .xlsx workbook."""
    label = name or THE_FILE
    if data.startswith(b"PK\x03\x04") and (kind := _zip_kind(data)) is not None:
        raise _cannot_read(label, *kind)
    if data.startswith(_OLE):
        without = Message("open it in Excel and save it as .xlsx (Excel Workbook) without a "
                          "password, then import that file")
        # The names of the file's parts are UTF-16; an encrypted workbook's is EncryptedPackage.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise _cannot_read(label, Message("a password-protected workbook"), without)
        if any(n.encode("utf-16-le") in data for n in ("Workbook", "Book")):  # Excel 97, 5
            raise _cannot_read(label, Message("an Excel 97-2003 .xls workbook"), _SAVE_AS_XLSX)
        raise _cannot_read(label, Message("an Excel 97-2003 .xls or a password-protected "
                                          "workbook"), without)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") and b"<schedule" not in data[:65536] and _HTML.search(head):
        if name.lower().endswith((".xls", ".xlsx")):
            raise ProgrammeUnreadable(Message(
                "{file}: a web page (HTML), not a spreadsheet, though its name ends in .xls "
                "(systems often export tables this way): {advice}", file=label,
                advice=_SAVE_AS_XLSX))
        raise ProgrammeUnreadable(Message(
            "{file}: a web page (HTML), not a spreadsheet, (systems often export tables this "
            "way): {advice}", file=label, advice=_SAVE_AS_XLSX))
    if data.startswith(b"PK\x03\x04") and data[30:38] == b"mimetype" and _ODS in data[38:160]:
        # An OpenDocument file's first part is its type, stored uncompressed.
        raise _cannot_read(label, Message("an OpenDocument spreadsheet (.ods)"), Message(
            "open it in LibreOffice or Excel and save it as .xlsx (Excel Workbook), then import "
            "that file"))
