"""Bookmarks: by kind or as "my day" with clashes flagged; remove, undo, clear, take away."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyleOptionViewItem,
    QWidget,
)

from guide.content import queries
from guide.content.database import Db, content_info
from guide.content.models import Figure
from guide.ui import text as tx
from guide.ui.boxes import fit_for_touch, keep_quoted, message_box, name_buttons
from guide.ui.context import AppContext
from guide.ui.delegates import PAD, BaseDelegate, Index, Line, title
from guide.ui.flow import FlowLayout
from guide.ui.kinds import area_kind_label, kind_group, kind_label
from guide.ui.models.lazy import BookmarkedRole, IdRole, ItemRole, KindRole
from guide.ui.models.rows import RowsModel
from guide.ui.views.base import Page, SectionedList, list_view, star_clicked
from guide.user import ExportFormat
from guide.user import bookmarks as store
from guide.user.bookmarks import BookmarkView
from guide.user.export import export_bookmarks, export_target
from guide.user.qr import QrWords, bookmark_codes
from guide.user.saving import ExportError

if TYPE_CHECKING:
    from guide.ui.qr_dialog import QrDialog


@dataclass(frozen=True)
class Section:
    title: str


@dataclass(frozen=True)
class Entry:
    view: BookmarkView
    note: str  # clash, times to check or "no longer in the guide"; empty when all is well
    warn: bool  # a clash or a lost item (red, ⚠); times to check are only a muted note
    figure: Figure | None = None  # a key figure in the guide: its row leads with its number

    def heading(self, lang: str) -> str:
        """The row's title in ``lang``: a key figure's number, measure and year."""
        if self.figure is not None:
            return tx.figure_heading(self.figure, lang)
        return tx.pick(self.view.title, self.view.title_en, lang)


def when(view: BookmarkView, lang: str) -> str:
    """Date and time of a bookmarked item, saying so when the time is not announced."""
    if view.date is None:
        return ""
    day = tx.format_date(view.date, lang, weekday=True)
    if view.kind != "forum":
        return day
    if view.start_time is None:
        return f"{day} · {tx.tr('Time not announced')}"
    time = tx.clock(view.start_time, view.end_time, lang, day=view.date, start=view.start, end=view.end)
    return f"{day} · {time}"


def clash_notes(page: store.BookmarksPage, lang: str) -> dict[str, str]:
    """The note each bookmarked forum carries (a clash, times to check, no longer in the
    guide), by id; the same in both views so every clash the count reports is marked."""
    titles = {e.view.id: tx.pick(e.view.title, e.view.title_en, lang)
              for day in page.days for e in day.entries}
    notes: dict[str, str] = {}
    for day in page.days:
        for e in day.entries:
            if not e.view.in_guide:
                notes[e.view.id] = tx.tr("No longer in the guide")
            elif e.overlaps_with:
                notes[e.view.id] = tx.tr("Clashes with %1").replace(
                    "%1", tx.join_list((titles.get(i, i) for i in e.overlaps_with), lang))
            elif e.check_times and not e.view.time_known:
                # Its own time is the unknown one: "another ... has no time" misled.
                notes[e.view.id] = tx.tr("Check times: no time is announced yet, so it may clash "
                                         "with another bookmark that day")
            elif e.check_times:
                notes[e.view.id] = tx.tr("Check times: another bookmark that day has no time yet")
    return notes


def _entry(view: BookmarkView, notes: dict[str, str], clashing: set[str],
           figures: dict[str, Figure]) -> Entry:
    if not view.in_guide:
        return Entry(view, tx.tr("No longer in the guide"), True)
    note = notes.get(view.id, "") if view.kind == "forum" else ""
    # Two forums whose times are not announced may well not clash: a muted note, not
    # the red warning of a real clash (every newspaper forum had carried one).
    return Entry(view, note, view.id in clashing,
                 figures.get(view.id) if view.kind == "figure" else None)


def bookmarked_figures(page: store.BookmarksPage, content: Db) -> dict[str, Figure]:
    """The key figures among the bookmarks still in the guide, by id: what their rows show."""
    ids = [v.id for g in page.groups for v in g.items if v.kind == "figure" and v.in_guide]
    return {f.id: f for f in queries.figures(content, ids)}


def _clashing(page: store.BookmarksPage) -> set[str]:
    """Ids of the bookmarked forums whose known times overlap another's."""
    return {v.id for c in page.conflicts if c.kind == "overlap" for v in (c.first, c.second)}


def clash_count(page: store.BookmarksPage) -> int:
    """Pairs of bookmarked forums whose known times overlap (pairs with a time not yet
    announced are not counted: the rows say to check them)."""
    return sum(1 for c in page.conflicts if c.kind == "overlap")


def entry_kind(view: BookmarkView, lang: str) -> str:
    """An entry's kind: an imported programme's talk says Session, a newspaper forum Forum,
    a part of the exhibition what part it is (Exhibition area, Technology field)."""
    if view.forum_kind == "session":
        return tx.forum_kind("session", lang)
    if view.area_kind is not None:
        return area_kind_label(view.area_kind)
    return kind_label(view.kind)


def group_label(group: store.KindGroup) -> str:
    """A kind's heading: an imported programme's talks are "Sessions", not forums."""
    if group.kind == "forum" and all(v.forum_kind == "session" for v in group.items if v.in_guide) \
            and any(v.in_guide for v in group.items):
        return tx.tr("Sessions")
    return kind_group(group.kind)


def by_kind_rows(page: store.BookmarksPage, lang: str,
                 figures: dict[str, Figure] | None = None) -> list[Section | Entry]:
    notes, clashing, figures = clash_notes(page, lang), _clashing(page), figures or {}
    rows: list[Section | Entry] = []
    for group in page.groups:
        rows.append(Section(f"{group_label(group)} · {len(group.items)}"))
        rows += [_entry(v, notes, clashing, figures) for v in group.items]
    return rows


def my_day_rows(page: store.BookmarksPage, lang: str,
                figures: dict[str, Figure] | None = None) -> list[Section | Entry]:
    notes, clashing, figures = clash_notes(page, lang), _clashing(page), figures or {}
    rows: list[Section | Entry] = []
    for day in page.days:
        rows.append(Section(tx.format_date(day.date, lang, weekday=True)))
        rows += [_entry(e.view, notes, clashing, figures) for e in day.entries]
    # What has no place on a day's timeline (people, photos, news ...) is listed after it:
    # "9 bookmarked" over three rows had looked like six bookmarks lost.
    planned = {(e.view.kind, e.view.id) for day in page.days for e in day.entries}
    others = [v for g in page.groups for v in g.items if (v.kind, v.id) not in planned]
    if others:
        heading = tx.tr("Other bookmarks")  # outside the f-string, where lupdate finds it
        rows.append(Section(f"{heading} · {len(others)}"))
        rows += [_entry(v, notes, clashing, figures) for v in others]
    return rows


def _key(entry: Entry) -> tuple[str, str]:
    return entry.view.kind, entry.view.id


class BookmarkRowsModel(RowsModel):
    """Section headers and bookmark entries."""

    lang = "zh"  # the language rows are read out in; the page sets it

    def is_header(self, row: Any) -> bool:
        return isinstance(row, Section)

    def row_data(self, row: Any, role: int) -> Any:
        text_roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        if isinstance(row, Section):
            return row.title if role in text_roles else None
        if role in text_roles:  # the title the row shows first, in the UI's language
            return " — ".join(x for x in (row.heading(self.lang), row.note) if x)
        return {KindRole: row.view.kind, IdRole: row.view.id, BookmarkedRole: True}.get(role)


class BookmarkDelegate(BaseDelegate):
    """A bookmark: title, when, kind; clashes and removed items flagged; star removes."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(ItemRole)
        p = self.palette
        painter.save()
        if isinstance(row, Section):
            painter.setFont(self.font("title", True))
            painter.setPen(QColor(p.primary))
            painter.drawText(option.rect.adjusted(PAD, 0, -PAD, -4),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), row.title)
        elif isinstance(row, Entry):
            rect = self.card_rect(option.rect)
            self.paint_card(painter, option, rect)
            self.paint_lines(painter, rect.adjusted(PAD, PAD // 2 + 2, -PAD - 40, 0),
                             self.entry_lines(row))
            self.paint_star(painter, index, rect)
        painter.restore()

    def entry_lines(self, row: Entry) -> list[Line]:
        """Title (wrapped), the other language's title, kind · when · where, the note."""
        p, lang, v = self.palette, self.ctx.state.lang, row.view
        meta = " · ".join(x for x in (entry_kind(v, lang), when(v, lang), v.venue) if x)
        shown = row.heading(lang)
        heading = title(shown, self.font("title", True),
                        p.text if v.in_guide else p.muted)
        other = row.heading(self.other_lang) if row.figure else tx.other(v.title, v.title_en, lang)
        return [heading,
                Line(other if other != shown else "", self.font("small", lang=self.other_lang), p.muted),
                Line(meta, self.font("body"), p.muted),
                Line(("⚠ " if row.warn else "") + row.note, self.font("small", row.warn),
                     p.warning if row.warn else p.muted)]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row = self.measured_item(index)
        if isinstance(row, Section):
            return QSize(400, QFontMetrics(self.font("title", True)).lineSpacing() + PAD + 6)
        if isinstance(row, Entry):  # as tall as what it shows: no blank band under it
            width = self.row_width(option) - 12 - 2 * PAD - 40
            return QSize(400, self.lines_height(self.entry_lines(row), width) + PAD + 6)
        lines = [Line("国", self.font("title", True), ""), Line("国", self.font("small"), ""),
                 Line("国", self.font("body"), ""), Line("国", self.font("small", True), "")]
        return QSize(400, self.lines_height(lines) + PAD + 12)


class BookmarksPage(Page):
    """The visitor's or staff member's bookmarks."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title, self.subtitle = self.header()
        self._clear_question: QMessageBox | None = None  # made on the first Clear all
        bar = FlowLayout()  # buttons move to a second line rather than widen the window
        self.by_kind = QPushButton()
        self.by_day = QPushButton()
        self.modes = QButtonGroup(self)
        for i, b in enumerate((self.by_kind, self.by_day)):
            b.setCheckable(True)
            self.modes.addButton(b, i)
            bar.addWidget(b)
        self.by_kind.setChecked(True)
        self.undo_button = QPushButton()
        self.qr_button = QPushButton()
        self.export_button = QPushButton()
        self.clear_button = QPushButton()
        for b in (self.undo_button, self.qr_button, self.export_button, self.clear_button):
            bar.addWidget(b)
        self.layout_.addLayout(bar)
        self.model = BookmarkRowsModel(self)
        self.view = list_view(self.model, BookmarkDelegate(ctx), name="bookmarksList",
                              on_open=self._open, view=SectionedList())
        self.view.setUniformItemSizes(False)
        self.view.installEventFilter(self)
        self._shown: set[tuple[str, str]] | None = None  # the entries listed, once refreshed
        self.empty = QLabel()
        self.empty.setObjectName("emptyNote")
        self.empty.setWordWrap(True)
        self.layout_.addWidget(self.view, 1)
        self.layout_.addWidget(self.empty, 1)
        self.modes.idClicked.connect(self._mode_chosen)
        self.undo_button.clicked.connect(self.undo)
        self.clear_button.clicked.connect(self.clear_all)
        self.qr_button.clicked.connect(self.show_qr)
        self.export_button.clicked.connect(self.export)
        ctx.state.bookmarks_changed.connect(self._bookmarks_changed)  # bound: dropped with the page
        self.refresh()

    def _mode_chosen(self, _id: int) -> None:
        self.refresh()

    def _bookmarks_changed(self, _kind: str, _item_id: str) -> None:
        self.refresh()

    def data(self) -> store.BookmarksPage:
        return store.bookmarks_page(self.ctx.user, self.ctx.content)

    def refresh(self) -> None:
        page = self.data()
        lang = self.ctx.state.lang
        current = self.view.currentIndex()
        was = current.data(ItemRole)
        self.model.lang = lang
        figures = bookmarked_figures(page, self.ctx.content)
        self.model.set_rows(my_day_rows(page, lang, figures) if self.by_day.isChecked()
                            else by_kind_rows(page, lang, figures))
        self._keep_place(_key(was) if isinstance(was, Entry) else None, current.row())
        self._total, self._clashes = page.total, clash_count(page)
        has = page.total > 0
        self.view.setVisible(self.model.rowCount() > 0)
        self.empty.setVisible(self.model.rowCount() == 0)
        self.qr_button.setEnabled(has)
        self.export_button.setEnabled(has)
        self.export_button.setVisible(not self.ctx.kiosk)  # kiosks write no files
        self.clear_button.setEnabled(has)
        self.undo_button.setEnabled(self.ctx.bookmarks.can_undo())
        self.retranslate_labels()

    def _keep_place(self, key: tuple[str, str] | None, row: int) -> None:
        """The rows were rebuilt (a reset drops the current row): the current row goes to what
        came back here (an undo; not what was bookmarked on another page), else stays on its
        item, else takes the removed item's place (the next item, or the previous one after
        the last), so the next key goes on from there."""
        rows = self.model.rows()
        entries = {_key(r): n for n, r in enumerate(rows) if isinstance(r, Entry)}
        shown, self._shown = self._shown, set(entries)
        back = [n for k, n in entries.items()
                if shown is not None and k not in shown and self.isVisible()]
        if back:
            row = min(back)
        elif key is not None and key in entries:
            row = entries[key]
        elif row >= 0 and rows:
            place = min(row, len(rows) - 1)
            after = self.model.selectable_row(place, 1)
            row = after if after >= 0 else self.model.selectable_row(place, -1)
        else:
            return
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))

    def retranslate_labels(self) -> None:
        self.title.setText(self.tr("Bookmarks"))
        # None yet: the note below says so ("0 bookmarked" over it said it twice, awkwardly).
        subtitle = self.tr("%1 bookmarked").replace("%1", str(self._total)) if self._total else ""
        if self._clashes == 1:  # the count of overlapping pairs; each row of a pair is marked
            subtitle += " · " + self.tr("1 clash to check")
        elif self._clashes:
            subtitle += " · " + self.tr("%1 clashes to check").replace("%1", str(self._clashes))
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))
        self.by_kind.setText(self.tr("By kind"))
        self.by_day.setText(self.tr("My day"))
        # Shortcuts in tooltips, not labels: kiosk visitors have no keyboard.
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.qr_button.setText(self.tr("QR code"))
        self.export_button.setText(self.tr("Export..."))
        self.clear_button.setText(self.tr("Clear all"))
        if self.by_day.isChecked() and self._total:
            self.empty.setText(self.tr("None of your bookmarks is a forum with a date yet."))
        else:
            self.empty.setText(self.tr(
                "No bookmarks yet. Press the star on anything in the guide (forums, "
                "announcements, photos, people and more) to keep it here."))
        self.view.setAccessibleName(self.tr("Bookmarks"))

    def retranslate(self) -> None:
        self.refresh()

    def _open(self, index: QModelIndex) -> None:
        if star_clicked(self.sender(), index):
            return
        row = index.data(ItemRole)
        if isinstance(row, Entry) and row.view.in_guide:
            self.item_opened.emit(row.view.kind, row.view.id)

    def remove_current(self) -> None:
        row = self.view.currentIndex().data(ItemRole)
        if isinstance(row, Entry):
            self.ctx.bookmarks.remove(row.view.kind, row.view.id)

    def undo(self) -> None:
        self.ctx.bookmarks.undo()

    def clear_all(self) -> QMessageBox:
        """Ask, then remove every bookmark on Yes. The question is opened, not run in an event
        loop of its own: a kiosk's reset closes it as a No and the page can go at once."""
        if self._clear_question is None:
            buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            box = message_box(self, QMessageBox.Icon.Question, "", "", buttons, name="clearAllQuestion")
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.finished.connect(self._cleared_if_yes)
            self._clear_question = box  # one per page, asked again (not one more per press)
        box = self._clear_question
        name_buttons(box)  # the language may have changed since
        box.setWindowTitle(self.tr("Clear all bookmarks?"))
        question = self.tr("Remove all %1 bookmarks? You can undo this with the Undo button.")
        box.setText(keep_quoted(question.replace("%1", str(self._total))))
        fit_for_touch(box, self.ctx.touch_px)
        box.open()
        return box

    def _cleared_if_yes(self) -> None:
        box = self._clear_question
        if box is None:
            return
        clicked = box.clickedButton()  # None when closed unanswered: Escape, a kiosk's reset
        if clicked is not None and box.standardButton(clicked) == QMessageBox.StandardButton.Yes:
            self.ctx.bookmarks.clear_all()

    def qr_words(self) -> QrWords:
        """The words a code carries beside the bookmarks, in the interface language."""
        info = content_info(self.ctx.content)
        event = tx.pick(info.name, info.name_en, self.ctx.state.lang)
        return QrWords(heading=self.tr("%1 · My bookmarks").replace("%1", event),
                       time_tba=self.tr("time TBA"), gone=self.tr(" (no longer in the guide)"))

    def show_qr(self) -> QrDialog:
        views = store.list_bookmarks(self.ctx.user, self.ctx.content)
        lang = self.ctx.state.lang
        from guide.ui.qr_dialog import QrDialog  # loaded when a visitor first asks for codes

        dialog = QrDialog(bookmark_codes(views, lang, self.qr_words()), lang, self)
        dialog.open()
        return dialog

    def export(self) -> None:
        if self.ctx.kiosk:
            return
        filters: dict[ExportFormat, str] = {
            "ics": self.tr("Calendar (*.ics)"), "json": self.tr("JSON (*.json)"),
            "csv": self.tr("CSV spreadsheet (*.csv)")}
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export bookmarks"), str(Path.home() / "zgc-bookmarks.ics"),
            ";;".join(filters.values()))
        if not path:
            return
        out, fmt = export_target(Path(path), next((k for k, v in filters.items() if v == chosen), "ics"))
        try:
            report = export_bookmarks(self.ctx.user, self.ctx.content, fmt, out,
                                      lang=self.ctx.state.lang)
        except ExportError as exc:  # a folder, a full disk, no permission: nothing was written
            QMessageBox.warning(self, self.tr("Export failed"), self.export_failure(exc))
            return
        told = self.tr("Wrote %1").replace("%1", str(report.path))
        if report.left_out:  # a calendar holds only dated forums and sessions in the guide
            told += "\n\n" + self.tr(
                "%1 bookmark(s) are not in the calendar: it holds only forums and sessions still "
                "in the guide. Export JSON or CSV to keep them all.").replace(
                "%1", str(len(report.left_out)))
        QMessageBox.information(self, self.tr("Exported"), told)

    def export_failure(self, exc: ExportError) -> str:
        """Why an export failed, in the window's language (the core words it in English)."""
        path = str(exc.path or "")
        why = {
            "folder": self.tr("%1 is a folder. Name a file inside it."),
            "disk-full": tx.tr("The disk is full. Free some space and try again."),  # as updates say
            "too-large": self.tr("There is no room for a file this size on that disk."),
            "parent-not-folder": self.tr("A file stands where %1 needs a folder. Choose another "
                                         "place."),
            "read-only": self.tr("That disk or folder is read-only. Save the file somewhere else."),
            "permission": self.tr("This guide may not write there. Choose another folder."),
            "name-too-long": self.tr("The file name is too long. Choose a shorter one."),
        }.get(exc.reason)
        if why is None:
            return str(exc)
        return (self.tr("Nothing was written to %1.").replace("%1", path) + "\n\n"
                + why.replace("%1", path))

    def eventFilter(self, watched: Any, event: Any) -> bool:
        """Delete or Backspace on the list removes the selected bookmark."""
        if (watched is self.view and isinstance(event, QKeyEvent)
                and event.type() == event.Type.KeyPress
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            self.remove_current()
            return True
        return super().eventFilter(watched, event)

