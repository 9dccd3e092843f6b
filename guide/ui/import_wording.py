"""The staff window's own wording of importer messages whose advice is a command-line option.

A refusal said "start from `guide import --template`" and a left-out test session "import with
--keep-test-entries to keep it" inside the staff window, where no one can give a command's
option. The command line keeps its wording; the window says the same message this way, in its
language (:func:`guide.ui.import_messages.said`). Each wording keeps its template's fields.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# The importer's template -> the window's wording of it.
IN_WINDOW = {
    "{where}: empty sheet; start from `guide import --template`": QT_TRANSLATE_NOOP(
        "tx", "{where}: empty sheet; start from the guide's programme template, which the guide's "
              "command line writes (guide import --template 日程.xlsx)"),
    "{where}: row 1 lacks the column(s) {columns}; start from `guide import --template`":
        QT_TRANSLATE_NOOP(
            "tx", "{where}: row 1 lacks the column(s) {columns}; give the sheet a header row with "
                  "them, as the guide's programme template has (the guide's command line writes it: "
                  "guide import --template 日程.xlsx)"),
    "{file}: none of its sheets ({sheets}) has the columns {first}, {second} in one of its first "
    "{rows} rows{hidden}; start from `guide import --template`": QT_TRANSLATE_NOOP(
        "tx", "{file}: none of its sheets ({sheets}) has the columns {first}, {second} in one of its "
              "first {rows} rows{hidden}; give the programme's sheet a header row with them, as the "
              "guide's programme template has (the guide's command line writes it: guide import "
              "--template 日程.xlsx)"),
    "looks like test data: its title {title!r} and its room {room!r} say test and it has no "
    "description; left out (give it a real title, or import with --keep-test-entries to keep it)":
        QT_TRANSLATE_NOOP(
            "tx", "looks like test data: its title {title!r} and its room {room!r} say test and it has "
                  "no description; left out (give it a real title to import it)"),
}
