"""The guide's pages by name, each built by a factory that imports its module on first use."""

from __future__ import annotations

from collections.abc import Callable

from guide.ui.context import AppContext
from guide.ui.images import ImageCache
from guide.ui.views.base import Page

PageFactory = Callable[[AppContext, ImageCache], Page]


def default_pages() -> dict[str, PageFactory]:
    """The guide's own pages; each module is imported only when its page is first shown."""

    def home(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.home import HomePage

        return HomePage(ctx)

    def forums(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.forums import ForumsPage

        return ForumsPage(ctx)

    def rooms(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.rooms import RoomsPage

        return RoomsPage(ctx)

    def tracks(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.tracks import TracksPage

        return TracksPage(ctx)

    def exhibition(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.exhibition import ExhibitionPage

        return ExhibitionPage(ctx, images)

    def announcements(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.announcements import AnnouncementsPage

        return AnnouncementsPage(ctx)

    def photos(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.photos import PhotosPage

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

    def floor_plans(ctx: AppContext, images: ImageCache) -> Page:
        from guide.ui.views.map import MapPage

        return MapPage(ctx)

    return {"home": home, "map": floor_plans, "forums": forums, "rooms": rooms, "tracks": tracks,
            "exhibition": exhibition,
            "announcements": announcements, "photos": photos, "figures": figures,
            "detail": detail, "photo": photo, "bookmarks": bookmarks}
