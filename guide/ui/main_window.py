"""The main window only wires: toolbar, navigation, pages, history and shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.history import History, Location
from guide.ui.images import ImageCache
from guide.ui.models.lazy import LazyItemModel
from guide.ui.pages import PageFactory, default_pages
from guide.ui.toolbar import Toolbar
from guide.ui.views.base import Page, current_bookmarkable
from guide.ui.window_parts import (
    fill_sections,
    fit_sections,
    focus_first,
    frame,
    install_shortcuts,
    label_sections,
    list_views,
    section_list,
    select_section,
    shown_sections,
)

if TYPE_CHECKING:
    from guide.ui.views.detail import DetailPage
    from guide.ui.views.photo_viewer import PhotoViewer


class MainWindow(QMainWindow):
    """Sections on the left, the current page on the right, back/forward like a browser."""

    location_changed = Signal(object)  # Location
    page_added = Signal(str, object)  # name, page: for wiring done outside the window
    staff_menu_opening = Signal()

    def __init__(self, ctx: AppContext, images: ImageCache,
                 extra_pages: dict[str, PageFactory] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.images = images
        self.history = History()
        self.setWindowIcon(theme.app_icon())
        self.setObjectName("mainWindow")

        self.toolbar = Toolbar(ctx)
        bar = self.toolbar
        self.back_button, self.forward_button = bar.back_button, bar.forward_button
        self.search_box, self.language_button = bar.search_box, bar.language_button
        self.display_button, self.display_menu = bar.display_button, bar.display_menu
        self.staff_button, self.staff_menu = bar.staff_button, bar.staff_menu
        self.back_button.clicked.connect(self.back)
        self.forward_button.clicked.connect(self.forward)
        self.language_button.clicked.connect(self.toggle_language)
        self.staff_menu.aboutToShow.connect(self.staff_menu_opening.emit)

        self.navigation, self.nav_model = section_list(
            self, ctx.content, lambda index: self.go(Location(index.data(Qt.ItemDataRole.UserRole))))

        self.stack = QStackedWidget()
        # Pages are built the first time they are shown: the window paints sooner.
        self.factories: dict[str, PageFactory] = {**default_pages(), **(extra_pages or {})}
        self.factories["search"] = self._search_page
        self.pages: dict[str, Page] = {}
        self.search_box.textEdited.connect(lambda _text: self.show_search())

        self.setCentralWidget(frame(self.toolbar, self.navigation, self.stack))

        install_shortcuts(self, self)
        self.ctx.state.text_scale_changed.connect(lambda _s: self._restyle())
        self.ctx.state.palette_changed.connect(lambda _p: self._restyle())
        self.ctx.state.bookmarks_changed.connect(self._bookmarks_changed)
        self.ctx.state.language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()
        self.go(Location("home"))

    def retranslate(self) -> None:
        """Every visible string of the window and its pages, in the current language."""
        self.toolbar.retranslate()
        name = self.toolbar.event_name()
        self.setWindowTitle(self.tr("%1 Guide").replace("%1", name) if name else self.tr("Guide"))
        self.navigation.setAccessibleName(self.tr("Sections"))
        label_sections(self.nav_model, self.toolbar.forums_label())
        self.fit_chrome()
        for page in self.pages.values():
            page.retranslate()

    # --- pages -------------------------------------------------------------------------------

    def page(self, name: str) -> Page:
        """The page called ``name``, built on first use."""
        if name not in self.pages:
            page = self.factories[name](self.ctx, self.images)
            self.pages[name] = page
            self.stack.addWidget(page)
            page.item_opened.connect(self.open_item)
            page.page_requested.connect(lambda name: self.go(Location(name)))
            self.page_created(name, page)
        return self.pages[name]

    def page_created(self, name: str, page: Page) -> None:
        """Wire what a page needs beyond opening items."""
        if name == "photo":
            viewer: PhotoViewer = page  # type: ignore[assignment]
            viewer.closed.connect(self.back)
            viewer.photo_stepped.connect(
                lambda photo_id: self.history.replace(Location.item("photo", photo_id)))
            viewer.photo_stepped.connect(lambda _id: self._show_bookmark_state())
        if name == "detail":
            page.map_requested.connect(self.show_map)  # type: ignore[attr-defined]
        if name in ("photo", "detail"):
            page.bookmark_toggled.connect(self.ctx.bookmarks.toggle)  # type: ignore[attr-defined]
        for view in list_views([page]):
            if isinstance(model := view.model(), LazyItemModel):
                model.is_bookmarked = self.ctx.bookmarks.is_bookmarked
        self.page_added.emit(name, page)

    def reload_content(self) -> None:
        """The content database was replaced: rebuild every page over it, stay where we were."""
        self.rebuild_pages(stay=True)

    def rebuild_pages(self, *, stay: bool = False) -> None:
        """Drop every page (and what it holds: items, filters, zoom); they are rebuilt on use.

        A kiosk calls this between visitors so nothing of the last visit stays in memory.
        """
        here = self.history.current if stay else None
        for name, page in list(self.pages.items()):
            # Unparented, so the page goes when its last reference does, even where no event
            # loop runs deferred deletes (soak tests drive the UI with processEvents).
            self.stack.removeWidget(page)
            page.setParent(None)
            del self.pages[name]
        fill_sections(self.nav_model, shown_sections(self.ctx.content))  # other content, other kinds
        self.retranslate()
        if here is None or not self.go(here, remember=False):
            self.history.clear()
            self.go(Location("home"))

    # --- bookmarks ---------------------------------------------------------------------------

    def current_item(self) -> tuple[str, str] | None:
        """The item on screen (a detail page or the photo viewer), if any."""
        loc = self.history.current
        return (loc.kind, loc.item_id) if loc and loc.kind and loc.item_id else None

    def toggle_current_bookmark(self) -> None:
        """Ctrl+D: bookmark what is on screen (a detail page's item, the viewer's photo), or else
        the current row of the list the keyboard is in, as its star would."""
        item = self.current_item()
        page = self.stack.currentWidget()
        if item is None and isinstance(page, Page) and (view := page.keyboard_list()) is not None:
            item = current_bookmarkable(view)
        if item is not None:
            self.ctx.bookmarks.toggle(*item)

    def undo_bookmarks(self) -> None:
        self.ctx.bookmarks.undo()

    def _show_bookmark_state(self) -> None:
        item = self.current_item()
        if item is None:
            return
        on = self.ctx.bookmarks.is_bookmarked(*item)
        page = self.viewer if item[0] == "photo" else self.detail
        page.set_bookmarked(on)

    def _bookmarks_changed(self, kind: str, item_id: str) -> None:
        """Every surface showing a bookmark state repaints at once."""
        self._show_bookmark_state()
        for view in list_views(self.pages.values()):
            view.viewport().update()

    @property
    def detail(self) -> DetailPage:
        return self.page("detail")  # type: ignore[return-value]

    @property
    def viewer(self) -> PhotoViewer:
        return self.page("photo")  # type: ignore[return-value]

    # --- navigation -------------------------------------------------------------------------

    def go(self, location: Location, *, remember: bool = True) -> bool:
        """Show ``location``; False (and nothing changes) when it names no item."""
        page: Page
        if location.kind == "photo" and location.item_id:
            if not self.viewer.show_photo(location.item_id, self._photo_sequence()):
                return False
            page = self.viewer
        elif location.kind and location.item_id:
            if not self.detail.show_item(location.kind, location.item_id):
                return False
            page = self.detail
        elif location.page in self.factories:
            page = self.page(location.page)
        else:
            return False
        if remember:
            self.history.visit(location)
        self.stack.setCurrentWidget(page)
        select_section(self.navigation, location.section)
        self.back_button.setEnabled(self.history.can_go_back())
        self.forward_button.setEnabled(self.history.can_go_forward())
        if page is self.pages.get("photo"):
            self.viewer.setFocus()
        self._show_bookmark_state()
        self.location_changed.emit(location)
        return True

    def _photo_sequence(self) -> list[str] | None:
        """Arrow keys in the viewer walk the photos of the list the photo was opened from."""
        current = self.stack.currentWidget()
        if "detail" in self.pages and current is self.detail and self.detail.photo_model.rowCount():
            return self.detail.photo_model.ids()
        return None

    def show_map(self, map_id: str, region_id: str = "") -> bool:
        """The Map page showing plan ``map_id`` with ``region_id`` highlighted."""
        from guide.ui.views.map import MapPage

        page = self.page("map")
        if not isinstance(page, MapPage) or not page.show_region(map_id, region_id or None):
            return False
        return self.go(Location("map"))

    def open_item(self, kind: str, item_id: str) -> None:
        typing = self.search_box.hasFocus()  # Enter on a search hit
        if self.go(Location.item(kind, item_id)) and typing and (page := self.stack.currentWidget()):
            focus_first(page)  # the chosen page takes the keys now

    def current_location(self) -> Location | None:
        return self.history.current

    def back(self) -> None:
        if self.history.can_go_back():
            self.go(self.history.back() or Location("home"), remember=False)

    def forward(self) -> None:
        if self.history.can_go_forward():
            self.go(self.history.forward() or Location("home"), remember=False)

    def focus_search(self) -> None:
        self.show_search()  # first: switching pages may move the focus
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _search_page(self, ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.search import SearchPage

        page = SearchPage(ctx, self.search_box)
        page.results_requested.connect(self.show_search)
        return page

    def show_search(self, query: str | None = None) -> None:
        """Show the results page (once in history however many keys are typed)."""
        if query is not None:
            self.search_box.setText(query)
        if self.stack.currentWidget() is not self.pages.get("search"):
            self.go(Location("search"))

    def change_text_size(self, step: float) -> None:
        """Ctrl+/Ctrl-: all text from 100% to 200% in quarter steps; Ctrl+0 back to 100%."""
        state = self.ctx.state
        state.set_text_scale(state.text_scale + step if step else 1.0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_chrome()

    def fit_chrome(self) -> None:
        """Reflow the frame for the window's width and the text size: icons grow with the text;
        the sections collapse to large icons (names in tooltips and for screen readers) and the
        toolbar drops its title when their words would not fit."""
        scale = self.ctx.state.text_scale
        fit_sections(self.navigation, self.nav_model, scale, self.width(),
                     self.height() - self.toolbar.sizeHint().height())
        self.toolbar.fit(self.width(), scale)

    def _restyle(self) -> None:
        """Text size or theme changed: re-lay out every list and page for the new metrics."""
        self.fit_chrome()
        for page in self.pages.values():
            page.retranslate()
        for view in list_views(self.pages.values()):
            view.doItemsLayout()
            view.viewport().update()
        self.navigation.doItemsLayout()

    def toggle_language(self) -> None:
        self.ctx.state.set_language("en" if self.ctx.state.lang == "zh" else "zh")
