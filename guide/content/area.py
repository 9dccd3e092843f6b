"""An exhibition area, as the query API returns it (see :mod:`guide.content.models`).

Apart from the other kinds because Home's first frame shows none: a frozen dataclass's
methods are compiled from source when its class is made, 7.3 M instructions for this one's
16 fields at every start, now paid when a page first reads an area.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class Area:
    """The exhibition, one of its areas or a field within an area."""

    kind: ClassVar[str] = "area"
    id: str
    area_kind: str
    title: str
    title_en: str
    parent_id: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    city: str | None
    venue: str | None
    summary: str
    summary_en: str
    image: str | None
    source_id: str | None
    city_en: str | None = None
    venue_en: str | None = None
