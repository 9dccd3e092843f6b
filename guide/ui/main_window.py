"""The main window only wires: toolbar, navigation, pages, history and shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import (
    QActionGroup,
    QKeySequence,
    QMouseEvent,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.history import History, Location
from guide.ui.images import ImageCache
from guide.ui.models.lazy import LazyItemModel
from guide.ui.views.base import Page

if TYPE_CHECKING:
    from guide.ui.views.detail import DetailPage
    from guide.ui.views.photo_viewer import PhotoViewer

PageFactory = Callable[[AppContext, ImageCache], Page]

SECTIONS = ("home", "forums", "exhibition", "announcements", "photos", "figures", "bookmarks")
SECTION_LABELS = {
    "home": QT_TRANSLATE_NOOP("tx", "Home"),
    "forums": QT_TRANSLATE_NOOP("tx", "Forums"),
    "exhibition": QT_TRANSLATE_NOOP("tx", "Exhibition"),
    "announcements": QT_TRANSLATE_NOOP("tx", "Announcements"),
    "photos": QT_TRANSLATE_NOOP("tx", "Photos"),
    "figures": QT_TRANSLATE_NOOP("tx", "Figures"),
    "bookmarks": QT_TRANSLATE_NOOP("tx", "Bookmarks"),
}


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

        # A plain bar, not a QToolBar: a toolbar hides what does not fit, and the search
        # box must never disappear into an overflow menu on a narrow window.
        self.toolbar = QWidget()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.toolbar_row = QHBoxLayout(self.toolbar)
        self.toolbar_row.setContentsMargins(10, 6, 10, 6)
        self.toolbar_row.setSpacing(8)
        self.back_button = self._tool("backButton", "back", self.back)
        self.forward_button = self._tool("forwardButton", "forward", self.forward)
        self.app_title = QLabel()
        self.app_title.setObjectName("appTitle")
        self.app_title.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.toolbar_row.addWidget(self.app_title, 1)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.toolbar_row.addWidget(self.search_box, 2)
        self.display_button = self._tool("displayButton", "text-size", lambda: None)
        self.display_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.display_menu = QMenu(self.display_button)
        self.display_button.setMenu(self.display_menu)
        self.size_actions = QActionGroup(self)
        for percent in (100, 125, 150, 175, 200):
            action = self.display_menu.addAction(f"{percent}%")
            action.setCheckable(True)
            action.setData(percent / 100)
            self.size_actions.addAction(action)
            action.triggered.connect(lambda _c=False, v=percent / 100: ctx.state.set_text_scale(v))
        self.display_menu.addSeparator()
        self.contrast_action = self.display_menu.addAction("")
        self.contrast_action.setCheckable(True)
        self.contrast_action.toggled.connect(lambda on: ctx.state.set_palette(
            "high-contrast" if on else "standard"))
        self.display_menu.aboutToShow.connect(self._sync_display_menu)
        self.staff_button = self._tool("staffMenuButton", "menu", lambda: None)
        self.staff_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.staff_menu = QMenu(self.staff_button)  # filled by whoever offers staff actions
        self.staff_button.setMenu(self.staff_menu)
        self.staff_button.setVisible(False)
        self.staff_menu.aboutToShow.connect(self.staff_menu_opening.emit)
        self.language_button = self._tool("languageButton", "language", self.toggle_language)
        self.language_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.navigation = QListView()
        self.navigation.setObjectName("navigation")
        self.nav_model = QStandardItemModel(self)
        for key in SECTIONS:
            item = QStandardItem(theme.icon(key), "")
            item.setData(key, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self.nav_model.appendRow(item)
        self.navigation.setModel(self.nav_model)
        self.navigation.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.navigation.setFixedWidth(230)
        self.navigation.clicked.connect(self._navigate_to_section)
        self.navigation.activated.connect(self._navigate_to_section)

        self.stack = QStackedWidget()
        # Pages are built the first time they are shown: the window paints sooner.
        self.factories: dict[str, PageFactory] = {**default_pages(), **(extra_pages or {})}
        self.factories["search"] = self._search_page
        self.pages: dict[str, Page] = {}
        self.search_box.textEdited.connect(lambda _text: self.show_search())

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.toolbar)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)

        # Alt+Left/Right everywhere, plus the platform's own (Cmd+[ on macOS); duplicates
        # would make the shortcut ambiguous and then neither fires.
        for standard, extra, slot in ((QKeySequence.StandardKey.Back, "Alt+Left", self.back),
                                      (QKeySequence.StandardKey.Forward, "Alt+Right", self.forward)):
            keys = {QKeySequence(extra).toString(): QKeySequence(extra)}
            keys.update({k.toString(): k for k in QKeySequence.keyBindings(standard)})
            for sequence in keys.values():
                QShortcut(sequence, self, slot, context=Qt.ShortcutContext.WindowShortcut)
        self._shortcut(QKeySequence.StandardKey.Find, self.focus_search)
        self._shortcut("/", self.focus_search)  # a text field keeps its own "/" (shortcut override)
        self._shortcut("Ctrl+D", self.toggle_current_bookmark)
        for size_key, step in (("Ctrl++", 0.25), ("Ctrl+=", 0.25), ("Ctrl+-", -0.25), ("Ctrl+0", 0.0)):
            self._shortcut(size_key, partial(self.change_text_size, step))
        self.ctx.state.text_scale_changed.connect(lambda _s: self._restyle())
        self.ctx.state.palette_changed.connect(lambda _p: self._restyle())
        self._shortcut(QKeySequence.StandardKey.Undo, self.undo_bookmarks)  # text fields keep theirs
        self.ctx.state.bookmarks_changed.connect(self._bookmarks_changed)
        self.ctx.state.language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()
        self.go(Location("home"))

    def _tool(self, name: str, icon: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setIcon(theme.icon(icon))
        button.clicked.connect(slot)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toolbar_row.addWidget(button)
        return button

    def _shortcut(self, keys: QKeySequence.StandardKey | str, slot: Callable[[], object]) -> QShortcut:
        return QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WindowShortcut)

    def retranslate(self) -> None:
        """Every visible string of the window and its pages, in the current language."""
        from guide.ui import text as tx

        self.setWindowTitle(self.tr("Zhongguancun Forum 2023 Guide"))
        self.app_title.setText(self.tr("Zhongguancun Forum 2023"))
        self.back_button.setToolTip(self.tr("Back (Alt+Left)"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.forward_button.setToolTip(self.tr("Forward (Alt+Right)"))
        self.forward_button.setAccessibleName(self.tr("Forward"))
        self.search_box.setPlaceholderText(self.tr("Search: 中文, pinyin or English  (Ctrl+F)"))
        self.search_box.setAccessibleName(self.tr("Search"))
        self.language_button.setText("English" if self.ctx.state.lang == "zh" else "中文")
        self.staff_button.setToolTip(self.tr("Staff: content updates"))
        self.staff_button.setAccessibleName(self.tr("Staff menu"))
        self.display_button.setToolTip(self.tr("Text size and contrast (Ctrl+ / Ctrl-)"))
        self.display_button.setAccessibleName(self.tr("Text size and contrast"))
        self.contrast_action.setText(self.tr("High contrast"))
        self.language_button.setAccessibleName(self.tr("Switch language"))
        self.navigation.setAccessibleName(self.tr("Sections"))
        for row in range(self.nav_model.rowCount()):
            item = self.nav_model.item(row)
            label = tx.tr(str(SECTION_LABELS[item.data(Qt.ItemDataRole.UserRole)]))
            item.setText(label)
            item.setData(label, Qt.ItemDataRole.AccessibleTextRole)
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
        if name in ("photo", "detail"):
            page.bookmark_toggled.connect(self.ctx.bookmarks.toggle)  # type: ignore[attr-defined]
        for view in page.findChildren(QListView):
            model = view.model()
            if isinstance(model, LazyItemModel):
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
        """Ctrl+D: bookmark what is on screen."""
        item = self.current_item()
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
        for page in self.pages.values():
            for view in page.findChildren(QListView):
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
        section = location.page if location.page in SECTIONS else None
        self.navigation.selectionModel().clearSelection()
        if section:
            self.navigation.setCurrentIndex(self.nav_model.index(SECTIONS.index(section), 0))
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

    def open_item(self, kind: str, item_id: str) -> None:
        self.go(Location.item(kind, item_id))

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

        return SearchPage(ctx, self.search_box)

    def show_search(self, query: str | None = None) -> None:
        """Show the results page (once in history however many keys are typed)."""
        if query is not None:
            self.search_box.setText(query)
        if self.stack.currentWidget() is not self.pages.get("search"):
            self.go(Location("search"))

    def _sync_display_menu(self) -> None:
        for action in self.size_actions.actions():
            action.setChecked(abs(action.data() - self.ctx.state.text_scale) < 0.01)
        self.contrast_action.setChecked(self.ctx.state.palette_name == "high-contrast")

    def change_text_size(self, step: float) -> None:
        """Ctrl+/Ctrl-: all text from 100% to 200% in quarter steps; Ctrl+0 back to 100%."""
        state = self.ctx.state
        state.set_text_scale(state.text_scale + step if step else 1.0)

    def _restyle(self) -> None:
        """Text size or theme changed: re-lay out every list and page for the new metrics."""
        for page in self.pages.values():
            page.retranslate()
            for view in page.findChildren(QListView):
                view.doItemsLayout()
                view.viewport().update()
        self.navigation.doItemsLayout()

    def toggle_language(self) -> None:
        self.ctx.state.set_language("en" if self.ctx.state.lang == "zh" else "zh")

    def _navigate_to_section(self, index: QModelIndex) -> None:
        self.go(Location(index.data(Qt.ItemDataRole.UserRole)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The mouse's back/forward buttons work anywhere in the window."""
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forward()
                return True
        return super().eventFilter(watched, event)


def default_pages() -> dict[str, PageFactory]:
    """The guide's own pages; each module is imported only when its page is first shown."""

    def home(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.home import HomePage

        return HomePage(ctx)

    def forums(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.forums import ForumsPage

        return ForumsPage(ctx)

    def exhibition(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.collections_ import ExhibitionPage

        return ExhibitionPage(ctx, images)

    def announcements(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.collections_ import AnnouncementsPage

        return AnnouncementsPage(ctx)

    def photos(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.collections_ import PhotosPage

        return PhotosPage(ctx, images)

    def figures(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.figures import FiguresPage

        return FiguresPage(ctx)

    def detail(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.detail import DetailPage

        return DetailPage(ctx, images)

    def photo(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.photo_viewer import PhotoViewer

        return PhotoViewer(ctx, images)

    def bookmarks(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.bookmarks import BookmarksPage

        return BookmarksPage(ctx)

    return {"home": home, "forums": forums, "exhibition": exhibition,
            "announcements": announcements, "photos": photos, "figures": figures,
            "detail": detail, "photo": photo, "bookmarks": bookmarks}
