"""User state kept apart from the content: bookmarks, settings, kiosk visitor sessions, take-aways.

Qt-free. Heavy libraries (icalendar, pydantic, segno) are imported only by the
functions that use them.
"""

from typing import Literal

ExportFormat = Literal["ics", "json", "csv"]
# Here rather than in guide.user.export so building the CLI parser imports nothing more.
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("ics", "json", "csv")
