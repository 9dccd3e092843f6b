"""Rich-text bodies of detail pages, with ``guide:KIND/ID`` links for cross-navigation.

Qt's rich text gives selectable text, zoom and good CJK typography (line height,
paragraph spacing) for free. Everything from the content is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from guide.content import places, queries, records
from guide.content.area import Area
from guide.content.models import Figure, ForumRow, ItemCard
from guide.content.records import Announcement, Forum, Organization, Person, Photo, Room, Track
from guide.ui import text as tx
from guide.ui.kinds import area_kind_label, kind_label
from guide.ui.theme import Palette, TypeScale, bold_weight, content_families


def reading_size(scale: float) -> float:
    """Point size of a detail page's text: a little above the body text of rows and cards
    (long reading), at the app's text scale. The page sets it as the body's font: Qt's
    rich text ignores a font size on <body>."""
    return TypeScale.for_scale(scale).body * 1.1


def css(p: Palette, scale: float, lang: str = "zh") -> str:
    """The detail pages' style: generous CJK line height and paragraph spacing. Notes are
    italic in English only: Chinese type has no italic, Qt slants the glyphs instead."""
    slant = "italic" if lang == "en" else "normal"
    # Qt's percentages are of the face's own line spacing (about 1.17 em for the Latin face):
    # 150% had a wrapped English row reading as two rows at 200% text (1.75 em).
    text, rows = (175, 150) if lang == "zh" else (145, 125)
    latin = ", ".join(f"'{f}'" for f in content_families("en"))  # Latin text in either UI
    # Chinese at 200% is too large for synthetic bold (see bold_weight): its links, drawn
    # regular then, are underlined so they still stand apart from the text.
    bold = bold_weight(reading_size(scale), lang).value
    heading = bold_weight(reading_size(scale) * 1.1, lang).value
    underline = p.underline_links or bold < 700
    return f"""
    body {{ color: {p.text}; }}
    p {{ line-height: {text}%; margin-top: 0; margin-bottom: 14px; }}
    p.facts {{ line-height: {rows}%; }}
    p.row {{ line-height: {rows}%; margin-bottom: 6px; }}
    p.value {{ font-size: xx-large; line-height: 115%; margin-bottom: 8px; }}
    h2 {{ color: {p.primary}; font-size: {reading_size(scale) * 1.1:.1f}pt; margin-top: 22px;
          margin-bottom: 8px; font-weight: {heading}; }}
    .meta {{ color: {p.muted}; }}
    .kicker {{ color: {p.accent}; font-weight: {bold}; }}
    .quote {{ color: {p.text}; margin-left: 18px; }}
    .reported {{ color: {p.text}; margin-left: 18px; }}
    .note {{ color: {p.muted}; font-style: {slant}; }}
    .lead {{ margin-top: 12px; }}
    .day {{ color: {p.muted}; font-weight: {bold}; margin-top: 14px; }}
    td.day {{ padding-top: 14px; }}
    td.when {{ padding-right: {round(reading_size(scale) * 0.8)}px; }}
    .credit {{ color: {p.accent}; font-weight: {bold}; }}
    .missing {{ color: {p.muted}; font-style: {slant}; }}
    a {{ color: {p.primary}; text-decoration: {"underline" if underline else "none"};
         font-weight: {bold}; }}
    """ + (f".latin {{ font-family: {latin}; line-height: 145%; }}" if latin else "")


def link(kind: str, item_id: str, label: str) -> str:
    return f'<a href="guide:{escape(kind)}/{escape(item_id)}">{escape(label)}</a>'


def _part_of(kind: str, item_id: str, title: str, title_en: str, lang: str) -> str:
    part_of = escape(tx.tr("Part of"))
    return f"<p>{tx.labelled(part_of, link(kind, item_id, tx.pick(title, title_en, lang)), lang)}</p>"


def _section(title: str, body: str) -> str:
    return f"<h2>{escape(title)}</h2>{body}" if body else ""


def _paragraphs(paragraphs: Iterable[str]) -> str:
    """Paragraphs; one without Chinese (an imported session's German or English text in
    the Chinese UI) in the Latin face, without the CJK face's full-width quotes."""
    return "".join(f"<p class='latin'>{escape(p)}</p>" if tx.script(p, "zh") == "en"
                   else f"<p>{escape(p)}</p>" for p in paragraphs)


# No tables in bodies: Qt marks table cells with private-use characters (U+FDD0, U+FDD1)
# that reach screen readers as part of the text. Rows are paragraphs, facts are lines.

def _rows(rows: Iterable[tuple[str, str]]) -> str:
    """One paragraph per row: a muted lead (kind, date) then the row's HTML."""
    return "".join(f"<p class='row'><span class='meta'>{escape(lead)}</span>"
                   f"{'&nbsp;&nbsp;' if lead else ''}{html}</p>" for lead, html in rows)


def _facts(pairs: Iterable[tuple[str, str]], lang: str) -> str:
    """Label–value lines ("Kind: Parallel forum"), values already HTML."""
    lines = [f"<span class='meta'>{escape(tx.labelled(k, '', lang))}</span>{v}" for k, v in pairs]
    return f"<p class='facts'>{'<br>'.join(lines)}</p>" if lines else ""


def _cards(cards: Iterable[ItemCard], lang: str, db: queries.Db | None = None) -> str:
    """Rows led by each card's kind; with ``db``, a part of the exhibition says which part
    it is (Exhibition area, Technology field) rather than Exhibition."""
    def lead(c: ItemCard) -> str:
        area = queries.get_area(db, c.id) if db is not None and c.kind == "area" else None
        return area_kind_label(area.area_kind) if area is not None else kind_label(c.kind)
    return _rows((lead(c), link(c.kind, c.id, _card_title(c, lang))) for c in cards)


def _dated_cards(cards: Iterable[ItemCard], lang: str) -> str:
    """Rows of one kind, led by their dates (the kind said once, in the section's title)."""
    return _rows((tx.format_date(c.date, lang) if c.date else "",
                  link(c.kind, c.id, _card_title(c, lang))) for c in cards)


def _card_title(c: ItemCard, lang: str) -> str:
    if c.kind == "person" and lang == "en" and c.title_en != c.title:
        return f"{c.title_en} {c.title}"  # names: pinyin with the Chinese beside
    return tx.pick(c.title, c.title_en, lang)


def _forum_rows(rows: Iterable[tuple[ForumRow, str]], lang: str) -> str:
    return _rows((tx.format_date(r.date, lang),
                  link('forum', r.id, tx.pick(r.title, r.title_en, lang))
                  + (' · ' + escape(role) if role else '')) for r, role in rows)


def _figures(figures: Iterable[Figure], lang: str) -> str:
    return "".join(f"<p class='row'><b>{escape(tx.figure_value(f, lang))}</b>&nbsp;&nbsp;"
                   f"{link('figure', f.id, tx.figure_label(f, lang))}</p>" for f in figures)


def _reported_in(db: queries.Db, kind: str, item_id: str, source_id: str | None, lang: str) -> str:
    """The item's source announcement first, then the others that mention it."""
    cards = queries.mentioned_in(db, kind, item_id)
    if source_id and all(c.id != source_id for c in cards):
        source = queries.card(db, "announcement", source_id)
        cards = ([source] if source else []) + cards
    return _section(tx.tr("Reported in"), _cards(cards, lang))


# The link of the "Translated from the Chinese report" note: shows or hides the original.
ORIGINAL_LINK = "guide:original"


def _translated(lang: str, show_original: bool, original: Iterable[str]) -> tuple[str, str]:
    """(note at the top, original section at the end) for a page whose English is ours.

    The note appears once per page in English; the Chinese original, labelled as such,
    only when the reader asks for it. Chinese pages are the original: nothing to add.
    """
    original = [t for t in original if t]
    if lang != "en" or not original:
        return "", ""
    action = tx.tr("Hide the Chinese original") if show_original else tx.tr(
        "Show the Chinese original")
    said = tx.tr("Translated from the Chinese report.")
    note = (f"<p class='note'>{escape(said)} "
            f"<a href='{ORIGINAL_LINK}'>{escape(action)}</a></p>")
    body = _section(tx.tr("Chinese original"), _paragraphs(original)) if show_original else ""
    return note, body


def _org_link(o: Organization, lang: str) -> str:
    return link("organization", o.id, tx.pick(o.name, o.name_en, lang))


def _session_rows(rows: Iterable[ForumRow], lang: str, *, room: bool = True) -> str:
    """Imported sessions by day: the day as a heading, then time, title and room (a link).

    One table for every day, the days as rows across both columns: a table per day sized
    its column of times to that day's longest, and the titles moved from day to day."""
    cells = ""
    for day, group in places.by_day(list(rows)):
        lines = []
        for r in group:
            # With its end, as every list gives it (the room page had "23:00" alone); the
            # day of one past midnight on a line below, wrapped to the column of times.
            times, note = tx.clock_parts(r.start_time, r.end_time, lang, day=r.date,
                                         start=r.start, end=r.end)
            when = (times, note) if times else (tx.tr("Time not announced"),)
            where = f" · {link('room', r.room_id, r.room)}" if room and r.room and r.room_id else ""
            lines.append((when, link("forum", r.id, tx.pick(r.title, r.title_en, lang)) + where))
        cells += (f"<tr><td colspan='2' class='day'><p class='day'>"
                  f"{escape(tx.format_date(day, lang, weekday=True))}</p></td></tr>"
                  + _hanging_cells(lines))
    return f"<table cellspacing='0' cellpadding='0'>{cells}</table>" if cells else ""


def _hanging_cells(rows: Iterable[tuple[str | tuple[str, ...], str]]) -> str:
    """Rows led by a time, as two columns: a long title wraps under itself, not under the
    time (a paragraph's second line had started under the time)."""
    return "".join(f"<tr><td class='when' width='1%'>{_lead(lead)}</td>"
                   f"<td><p class='row'>{html}</p></td></tr>" for lead, html in rows)


def _lead(lead: str | tuple[str, ...]) -> str:
    """The leading cell: its first line whole, the rest (a night session's "(ends Sun 28
    Dec)") wrapped to it. The column is as narrow as its content allows (width 1%): left to
    share the slack, a note at 200% text took it half and the titles wrapped in the rest."""
    first, *rest = lead if isinstance(lead, tuple) else (lead,)
    lines = [f"<p class='row' style='white-space: nowrap'><span class='meta'>{escape(first)}"
             "</span></p>"]
    lines += [f"<p class='row'><span class='meta'>{escape(line)}</span></p>" for line in rest if line]
    return "".join(lines)


def _time(row: ForumRow, lang: str) -> str:
    """"09:00–12:00" (with the calendar day after midnight), or a marked "Time not announced"."""
    if row.start_time is None:
        return f"<span class='missing'>{escape(tx.tr('Time not announced'))}</span>"
    return escape(tx.clock(row.start_time, row.end_time, lang, day=row.date, start=row.start,
                           end=row.end))


def _organisers(forum: Forum, lang: str) -> str:
    """The organisers grouped by role (host, co-host …), as a section."""
    by_role: dict[str, list[str]] = {}
    for part in forum.organisers:
        by_role.setdefault(part.role, []).append(_org_link(part.organization, lang))
    return _section(tx.tr("Organisers"), _facts(
        ((tx.role(r, lang), tx.join_list(names, lang)) for r, names in by_role.items()), lang))


def session_html(db: queries.Db, forum: Forum, lang: str) -> str:
    """An imported programme's session: its own language, no translation note."""
    row = forum.row
    time = _time(row, lang)
    meta = [(tx.tr("Date"), escape(tx.format_date(row.date, lang, weekday=True))), (tx.tr("Time"), time)]
    if row.room and row.room_id:
        meta.append((tx.tr("Room"), link("room", row.room_id, row.room)))
    elif row.venue:
        meta.append((tx.tr("Venue"), escape(row.venue)))
    if row.track and row.track_id:
        meta.append((tx.tr("Track"), link("track", row.track_id, row.track)))
    if row.type:
        meta.append((tx.tr("Type"), escape(tx.session_type_full(row.type, lang))))
    if forum.language:
        meta.append((tx.tr("Language"), escape(tx.languages(forum.language, lang))))
    html = f"<p class='kicker'>{escape(forum.subtitle)}</p>" if forum.subtitle else ""
    html += _facts(meta, lang)
    summary = tx.pick(forum.summary, forum.summary_en, lang)
    html += _paragraphs(summary.split("\n\n")) if summary else ""
    html += _organisers(forum, lang)
    html += _section(tx.tr("Speakers"), "".join(
        f"<p>{link('person', s.person.id, tx.person_name(s.person, lang))}</p>" for s in forum.speakers))
    text = forum.text_en if lang == "en" and len(forum.text_en) == len(forum.text) else forum.text
    html += _section(tx.tr("Description"), _paragraphs(text))
    links = [(url, title) for url, title in forum.links]
    if forum.url:
        links.insert(0, (forum.url, None))
    html += _section(tx.tr("Links"), "".join(
        f"<p>{escape(title + ': ' if title else '')}<span class='meta'>{escape(url)}</span></p>"
        for url, title in links))
    return html


def room_html(db: queries.Db, room: Room, lang: str, show_original: bool = False) -> str:
    """A room of an imported programme and every session held in it."""
    return _section(tx.tr("Sessions"), _session_rows(queries.room_forums(db, room.id), lang, room=False))


def track_html(db: queries.Db, track: Track, lang: str, show_original: bool = False) -> str:
    """A track of an imported programme and its sessions."""
    return _section(tx.tr("Sessions"), _session_rows(queries.track_forums(db, track.id), lang))


def forum_html(db: queries.Db, forum: Forum, lang: str, show_original: bool = False) -> str:
    row = forum.row
    if row.forum_kind == "session":
        return session_html(db, forum, lang)
    when = tx.format_date(row.date, lang, weekday=True)
    not_announced = "<span class='missing'>%s</span>"
    time = _time(row, lang)
    venue = escape(row.venue) if row.venue else not_announced % escape(tx.tr("Venue not announced"))
    meta = [(tx.tr("Kind"), escape(tx.forum_kind(row.forum_kind, lang))), (tx.tr("Date"), escape(when)),
            (tx.tr("Time"), time), (tx.tr("Venue"), venue)]
    if row.series:
        meta.append((tx.tr("Part of"), escape(tx.pick(row.series, row.series_en, lang))))
    if forum.attendance:
        meta.append((tx.tr("Attendance"), escape(tx.pick(forum.attendance, forum.attendance_en, lang))))
    english = lang == "en" and len(forum.text_en) == len(forum.text)
    note, original = _translated(lang, show_original, forum.text if english else ())
    html = note + _facts(meta, lang)
    html += f"<p class='lead'>{escape(tx.pick(forum.summary, forum.summary_en, lang))}</p>"
    html += _organisers(forum, lang)
    speakers = ""
    for s in forum.speakers:
        name = link("person", s.person.id, tx.person_name(s.person, lang))
        position = tx.pick(s.person.position, s.person.position_en, lang)
        speakers += f"<p>{name}<span class='meta'>{' · ' + escape(position) if position else ''}</span></p>"
        speakers += "".join(
            f"<p class='{'quote' if st.direct else 'reported'}'>"
            f"{escape(tx.statement(st, s.person, lang))}</p>" for st in s.statements)
    html += _section(tx.tr("Speakers"), speakers)
    launches = ""
    for la in forum.launches:
        by = tx.join_list((_org_link(o.organization, lang) + f" ({escape(tx.role(o.role, lang).lower())})"
                           for o in la.by), lang)
        summary = tx.pick(la.summary, la.summary_en, lang)
        launches += (f"<p><b>{escape(tx.pick(la.title, la.title_en, lang))}</b>"
                     f"{'<br>' + escape(summary) if summary else ''}"
                     f"{'<br><span class=meta>' + by + '</span>' if by else ''}</p>")
    html += _section(tx.tr("Launched here"), launches)
    html += _section(tx.tr("Key figures"), _figures(queries.item_figures(db, "forum", forum.id), lang))
    if english:
        html += _section(tx.tr("Report"), _paragraphs(forum.text_en))
    else:
        html += _section(tx.tr("Full text"), _paragraphs(forum.text))
    html += original
    html += _reported_in(db, "forum", forum.id, forum.source_id, lang)
    return html


def person_html(db: queries.Db, person: Person, lang: str, show_original: bool = False) -> str:
    position = tx.pick(person.position, person.position_en, lang)
    translated = lang == "en" and person.position_en is not None
    note, original = _translated(lang, show_original, [person.position or ""] if translated else [])
    html = note + (f"<p class='meta'>{escape(position)}</p>" if position else "")
    if person.organization_id:
        org = records.get_organization(db, person.organization_id)
        if org:
            html += f"<p>{_org_link(org, lang)}</p>"
    forums = queries.person_forums(db, person.id)
    if forums and all(r.forum_kind == "session" for r in forums):
        html += _section(tx.tr("Sessions"), _session_rows(forums, lang))
    else:
        html += _section(tx.tr("Forums"), _forum_rows(((r, "") for r in forums), lang))
    photos = records.photographer_photos(db, person.id)
    html += _section(tx.tr("Reports"), _dated_cards(queries.reported_by(db, person.id), lang))
    html += _section(tx.tr("Photos taken"), _cards(
        (ItemCard("photo", p.id, p.caption, p.caption_en, None, None) for p in photos), lang))
    html += _section(tx.tr("Mentioned in"), _cards(queries.mentioned_in(db, "person", person.id), lang))
    return html + original


def organization_html(db: queries.Db, org: Organization, lang: str,
                      show_original: bool = False) -> str:
    short = tx.pick(org.short_name, org.short_name_en, lang)
    also = tx.tr("Also called %1")
    html = f"<p class='meta'>{escape(also.replace('%1', short))}</p>" if short else ""
    if org.parent_id:
        parent = records.get_organization(db, org.parent_id)
        if parent:
            html += _part_of("organization", parent.id, parent.name, parent.name_en, lang)
    html += _section(tx.tr("Forums"), _forum_rows(
        ((r, tx.roles(role.split("、"), lang))
         for r, role in queries.organization_forums(db, org.id)), lang))
    html += _section(tx.tr("People"), _cards(
        (ItemCard("person", p.id, p.name, p.name_en, p.position, None, p.position_en)
         for p in records.organization_people(db, org.id)), lang))
    html += _section(tx.tr("Units"), _cards(
        (ItemCard("organization", o.id, o.name, o.name_en, None, None)
         for o in records.organization_children(db, org.id)), lang))
    html += _section(tx.tr("Mentioned in"), _cards(queries.mentioned_in(db, "organization", org.id), lang))
    return html


def area_html(db: queries.Db, area: Area, lang: str, show_original: bool = False) -> str:
    note, original = _translated(lang, show_original, [area.summary])
    html = note
    if area.start_date and area.end_date:
        city = tx.pick(area.city, area.city_en, lang)
        html += f"<p class='meta'>{escape(tx.format_period(area.start_date, area.end_date, lang))}"
        html += f" · {escape(city)}</p>" if city else "</p>"
    html += f"<p>{escape(tx.pick(area.summary, area.summary_en, lang))}</p>"
    if area.parent_id:
        parent = queries.get_area(db, area.parent_id)
        if parent:
            html += _part_of("area", parent.id, parent.title, parent.title_en, lang)
    html += _section(tx.tr("Areas and fields"), _rows(
        (area_kind_label(a.area_kind), link("area", a.id, tx.pick(a.title, a.title_en, lang)))
        for a in queries.area_children(db, area.id)))
    html += _section(tx.tr("Key figures"), _figures(queries.item_figures(db, "area", area.id), lang))
    html += original
    html += _reported_in(db, "area", area.id, area.source_id, lang)
    return html


def announcement_html(db: queries.Db, ann: Announcement, lang: str,
                      show_original: bool = False) -> str:
    english = lang == "en" and len(ann.paragraphs_en) == len(ann.paragraphs)
    original_text = [ann.subheadline or "", ann.headline, ann.byline or "", *ann.paragraphs]
    note, original = _translated(lang, show_original, original_text if english else ())
    html = note
    subheadline = tx.pick(ann.subheadline, ann.subheadline_en, lang)
    if subheadline:
        html += f"<p class='kicker'>{escape(subheadline)}</p>"
    byline = tx.pick(ann.byline, ann.byline_en, lang)
    # The page gives no day of publication: an item's date is the day of what it reports,
    # and beside the byline alone it read as a dateline.
    day = tx.tr("Reporting on %1").replace("%1", tx.format_date(ann.date, lang)) if ann.date else ""
    meta = " · ".join(escape(x) for x in (byline, day) if x)
    if ann.reporter_id:
        reporter = records.get_person(db, ann.reporter_id)
        if reporter:
            name = escape(tx.pick(reporter.name, reporter.name_en, lang))
            meta = meta.replace(name, link("person", reporter.id, name), 1)
    html += f"<p class='meta'>{meta}</p>"
    if english:
        html += _paragraphs(ann.paragraphs_en)
    elif lang == "en":  # a pack without English paragraphs: the summary, then the original
        html += f"<p><b>{escape(ann.summary_en)}</b></p>"
        html += _section(tx.tr("Chinese original"), _paragraphs(ann.paragraphs))
    else:
        html += _paragraphs(ann.paragraphs)
    html += original
    html += _section(tx.tr("In this article"), _cards(queries.mentions(db, ann.id), lang, db))
    html += _section(tx.tr("Key figures"), _figures(
        queries.item_figures(db, "announcement", ann.id), lang))
    return html


def figure_html(db: queries.Db, figure: Figure, lang: str, show_original: bool = False) -> str:
    quote = tx.pick(figure.quote, figure.quote_en, lang)
    note, original = _translated(lang, show_original, [
        tx.figure_value(figure, "zh"), figure.label, f"“{figure.quote}”"] if figure.quote_en else [])
    html = note + f"<p class='value'><b>{escape(tx.figure_value(figure, lang))}</b></p>"
    if figure.year:
        year = escape(tx.tr("Year"))
        html += f"<p class='meta'>{tx.labelled(year, str(figure.year), lang)}</p>"
    html += f"<p class='quote'>“{escape(quote)}”</p>"
    source = queries.card(db, figure.source_kind, figure.source_id)
    html += _section(tx.tr("Source"), _cards([source] if source else [], lang))
    return html + original


def photo_html(db: queries.Db, photo: Photo, lang: str, show_original: bool = False) -> str:
    """Used for accessibility and search previews; the viewer shows photos itself."""
    credit = photo.credit_en if lang == "en" and photo.credit_en else photo.credit
    return f"<p>{escape(tx.pick(photo.caption, photo.caption_en, lang))}</p>" \
           f"<p class='credit'>{escape(credit)}</p>"


RENDERERS: dict[str, Any] = {
    "forum": forum_html, "person": person_html, "organization": organization_html,
    "area": area_html, "announcement": announcement_html, "figure": figure_html, "photo": photo_html,
    "room": room_html, "track": track_html,
}


def render(db: queries.Db, item: Any, lang: str, show_original: bool = False) -> str:
    """The body HTML for any item; in English, ``show_original`` adds the Chinese original."""
    return RENDERERS[item.kind](db, item, lang, show_original)
