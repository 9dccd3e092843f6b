"""``main()`` of the desktop app: build the QApplication, open the databases, inject them.

There is no global application object: :func:`build_window` returns everything it
made, so tests, screenshots and the self-test build the same window the user gets.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from guide.content.database import ContentDbError, content_info
from guide.files import DiskFull
from guide.locate import OpenedContent, open_checked_content
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.bookmark_actions import BookmarkActions
from guide.ui.context import AppContext, Clock, UiState
from guide.ui.guide import Guide
from guide.ui.i18n import Translations, system_language
from guide.ui.images import ImageCache
from guide.ui.main_window import MainWindow
from guide.user.db import (
    UserDbError,
    mark_recovery_notice_shown,
    open_user_db,
    pending_recovery_notice,
)
from guide.user.settings import get_setting, set_setting

if TYPE_CHECKING:
    from guide.ui.about import AboutDialog
    from guide.updates.config import ConfigChoice
    from guide.user.recovery import RecoveryNotice


def ensure_app() -> QApplication:
    """The QApplication, created once per process with the bundled font and theme."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    if app.property("zgc_guide_ready"):
        return app
    # An app made by someone else (pytest-qt, an embedding host) still needs our font and theme.
    app.setProperty("zgc_guide_ready", True)
    app.setApplicationName("zgc-guide")
    app.setOrganizationName("zgc-guide")
    app.setApplicationDisplayName("中关村论坛指南")
    theme.load_bundled_font(app)
    # Styled for the language a start takes when the user chose none (the bold of large
    # Chinese differs), so that start applies the style sheet once, not again in build_window.
    theme.set_language_font(app, system_language())
    theme.apply(app)
    app.setWindowIcon(theme.app_icon())
    return app


def _updates_config(kiosk_config: Path | None) -> ConfigChoice:
    """The staff menu's updates config: the one the kiosk reads (imported when first used)."""
    from guide.kiosk.config import updates_config_file

    return updates_config_file(kiosk_config)


def build_window(
    content_db: Path | None = None, *, now: str | None = None, lang: str | None = None,
    user_db: Path | None = None, remember: bool = True, defer: bool = False,
    kiosk_config: Path | None = None,
) -> Guide:
    """Open both databases and build the main window over them (not shown yet).

    ``remember=False`` (screenshots) keeps display choices out of the user's settings.
    ``kiosk_config``: the kiosk settings whose ``updates_config`` the staff menu reads (default:
    kiosk.toml in the user data folder), as the kiosk and ``guide update`` read it.
    ``defer=True`` (the app's own start) leaves what the first frame does not show (the
    staff menu, refreshing the bookmarks' titles, notices) to :meth:`Guide.finish_start`,
    which the caller runs once the window has painted.
    """
    app = ensure_app()
    _drop_source_lines()
    # quick_check; a damaged one falls back to the previous
    opened = open_checked_content(content_db, tidy=not defer)
    path, content = opened.path, opened.db
    user = open_user_db(user_db)
    # The command line wins, then the user's last choice, then the system's language.
    state = UiState(lang=lang or get_setting(user.db, "language", None) or system_language(),
                    text_scale=float(get_setting(user.db, "text_scale", 1.0)))
    state.palette_name = str(get_setting(user.db, "theme", "standard"))
    if state.palette_name not in theme.PALETTES:
        state.palette_name = "standard"
    translations = Translations()
    translations.apply(state.lang)
    state.language_changed.connect(translations.apply)  # before the window's retranslate
    theme.set_language_font(app, state.lang)
    state.language_changed.connect(lambda value: theme.set_language_font(app, value))
    if remember:
        state.language_changed.connect(lambda value: set_setting(user.db, "language", value))
        state.text_scale_changed.connect(lambda value: set_setting(user.db, "text_scale", value))
        state.palette_changed.connect(lambda value: set_setting(user.db, "theme", value))
    ctx = AppContext(content=content, content_path=path, user=user.db,
                     bookmarks=BookmarkActions(user.db, content, state),
                     clock=Clock.parse(now).in_zone(content_info(content).timezone), state=state,
                     updates_config=lambda: _updates_config(kiosk_config))
    images = ImageCache(path)
    def restyle() -> None:
        theme.apply(app, theme.PALETTES[state.palette_name], state.text_scale)

    # Connected before the window's own handlers, so pages re-lay out with the new sizes.
    state.text_scale_changed.connect(lambda _s: restyle())
    state.palette_changed.connect(lambda _p: restyle())
    state.language_changed.connect(lambda _l: restyle())  # Chinese large bold: see bold_weight
    # The app starts in the standard look at 100% (ensure_app); another guide built in
    # this process before may have left its own.
    if theme.applied() != (state.palette_name, state.text_scale, "en" if state.lang == "en" else "zh"):
        restyle()
    window = MainWindow(ctx, images)
    ctx.bookmarks.save_failed.connect(lambda message: _tell_not_saved(window, message))
    _drop_source_lines()  # again: building Home imported its modules
    guide = Guide(ctx, images, window, translations, user)
    guide.after_first_frame = lambda: _after_first_frame(guide, opened, tidy=defer)
    if defer:
        # The staff button is in the first frame (its place in the toolbar must not jump);
        # its menu is filled after it, or at once if it is opened sooner.
        window.staff_button.setVisible(not ctx.kiosk)

        def fill_staff_menu() -> None:
            if guide.after_first_frame is not None:  # opened before the first frame's follow-up ran
                guide.finish_start()
                window.staff_menu_opening.emit()  # its actions' states, as for every opening

        window.staff_menu.aboutToShow.connect(fill_staff_menu)
    else:
        guide.finish_start()
    return guide


def _after_first_frame(guide: Guide, opened: OpenedContent, *, tidy: bool) -> None:
    """What the window needs soon but its first frame does not show."""
    from guide.user.bookmarks import refresh_snapshots

    ctx, window = guide.ctx, guide.window
    if tidy:  # temp files of killed applies and builds (the start left them for now)
        from guide.locate import remove_leftovers

        remove_leftovers()
    # The mouse's back/forward buttons anywhere in the window: an application-wide filter
    # sees every event of every widget, so it starts only once the window is up.
    from guide.ui.window_parts import MouseHistory

    QApplication.instance().installEventFilter(MouseHistory(window, window))  # type: ignore[union-attr]
    from guide.ui.accessible import expose_current_page_only

    expose_current_page_only(window.stack)  # screen readers: the pages behind the current one are not there
    refresh_snapshots(ctx.user, ctx.content)  # bookmarks show the current titles of their items
    offer_staff_actions(guide)
    notice = pending_recovery_notice(ctx.user)
    if notice is not None:  # told once: the damaged file was kept and a new one made
        QTimer.singleShot(0, lambda: _tell_recovery(window, ctx, notice))
    if opened.damaged is not None:
        QTimer.singleShot(0, lambda: _tell_fallback(window, ctx, opened))


class _FirstPaint(QObject):
    """Runs ``then`` (once, on the next turn of the event loop) after ``widget`` first paints."""

    def __init__(self, widget: QObject, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def offer_staff_actions(guide: Guide) -> None:
    """The staff menu: load a content pack, restore the previous content, About (not on kiosks)."""
    from guide.ui.content_update import ContentUpdates

    window = guide.window
    guide.updates = updates = ContentUpdates(guide.ctx, window, guide.swap_content)
    window.staff_menu.addAction(updates.open_action)
    window.staff_menu.addAction(updates.programme_action)
    window.staff_menu.addAction(updates.restore_action)
    window.staff_menu.addAction(updates.shipped_action)
    window.staff_menu.addAction(updates.held_action)
    window.staff_menu.addSeparator()
    about = window.staff_menu.addAction("")
    about.setObjectName("aboutAction")
    about.triggered.connect(lambda: show_about(guide))
    window.staff_menu_opening.connect(updates.refresh_actions)

    def retranslate() -> None:
        updates.retranslate()
        about.setText(tx.tr("About ZGC Forum Guide..."))

    retranslate()
    guide.ctx.state.language_changed.connect(lambda _lang: retranslate())
    window.staff_button.setVisible(not guide.ctx.kiosk)


def show_about(guide: Guide) -> AboutDialog:
    """Open the About dialog over the window (version, content pack and signer, licences)."""
    from guide.ui.about import AboutDialog

    dialog = AboutDialog(guide.ctx.content, guide.ctx.state.lang, guide.window)
    dialog.open()
    return dialog


def _tell_fallback(window: MainWindow, ctx: AppContext, opened: OpenedContent) -> None:
    import logging

    logging.getLogger("guide").error("content database %s is damaged (%s); showing the previous "
                                     "content %s", opened.damaged, opened.problem, opened.path)
    if not ctx.kiosk:  # visitors are not the ones to tell; staff find it in the log
        if opened.from_programme:  # no pack to install again: only the file staff opened
            message = tx.tr("The content database %1 is damaged; the previous content (%2) is "
                            "shown instead. Open the programme file again with \"Open "
                            "programme...\" in the staff menu.")
        else:
            message = tx.tr("The content database %1 is damaged; the previous content (%2) is "
                            "shown instead. Install the content pack again.")
        message = message.replace("%1", str(opened.damaged)).replace("%2", str(opened.path))
        from PySide6.QtWidgets import QMessageBox  # rare: its Python type costs every start

        from guide.ui.boxes import message_box

        message_box(window, QMessageBox.Icon.Warning, tx.tr("Content damaged"), message,
                    name="contentFallbackBox").open()


def _tell_recovery(window: MainWindow, ctx: AppContext, notice: RecoveryNotice) -> None:
    message = tx.tr("Your saved bookmarks file was damaged and has been replaced; %1 bookmark(s) could "
                    "be recovered. The damaged file is kept at %2.")
    message = message.replace("%1", str(notice.salvaged)).replace("%2", str(notice.moved_to))
    if ctx.kiosk:  # visitors are not the ones to tell; staff find it in the log
        import logging

        logging.getLogger("guide").warning("%s", message)
    else:
        from PySide6.QtWidgets import QMessageBox  # rare: its Python type costs every start

        from guide.ui.boxes import message_box

        message_box(window, QMessageBox.Icon.Warning, tx.tr("Bookmarks recovered"), message).open()
    mark_recovery_notice_shown(ctx.user)


def _tell_not_saved(window: MainWindow, message: str) -> None:
    """A bookmark change could not be written (a full or read-only disk): say so."""
    from PySide6.QtWidgets import QMessageBox  # rare: its Python type costs every start

    from guide.ui.boxes import message_box, name_buttons

    box = window.findChild(QMessageBox, "bookmarkNotSavedBox")
    if box is None:  # one box, told again, however many presses fail
        box = message_box(window, QMessageBox.Icon.Warning, "", "", name="bookmarkNotSavedBox")
    name_buttons(box)
    box.setWindowTitle(tx.tr("Bookmark not saved"))
    box.setText(message)
    box.open()


def run_app(args: argparse.Namespace) -> int:
    """Start the guide window with the databases and options from ``args``."""
    from guide.kiosk.launch import KioskRefused, kiosk_config_for

    try:
        kiosk_config = kiosk_config_for(args)  # None: the ordinary window
    except KioskRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    app = ensure_app()
    _exit_on_signals(app)
    # A kiosk's language and text size are its own, not settings the device remembers.
    try:
        guide = build_window(args.content_db, now=args.now, lang=args.lang, user_db=args.user_db,
                             remember=kiosk_config is None, defer=True,
                             kiosk_config=getattr(args, "kiosk_config", None))
    except (ContentDbError, UserDbError, DiskFull) as exc:
        return _cannot_start(app, exc, kiosk=kiosk_config is not None,
                             quit_after=getattr(args, "quit_after", None),
                             lang=args.lang or system_language())
    kiosk = fleet = None
    if kiosk_config is not None:
        from guide.kiosk.controller import install_kiosk
        from guide.kiosk.fleet import start_fleet_updates

        guide.finish_start()  # a kiosk starts rarely and unattended: all of it at once
        kiosk = install_kiosk(guide, kiosk_config)  # shows it full screen
        fleet = start_fleet_updates(guide, kiosk)  # when updates.toml names a source
        settle_heap()
    else:
        if getattr(args, "quit_after_first_frame", False):
            _FirstPaint(guide.window, lambda: app.exit(0))
        else:
            def after_first_paint() -> None:
                guide.finish_start()
                settle_heap()

            _FirstPaint(guide.window, after_first_paint)
        guide.window.resize(1280, 800)
        guide.window.show()
    if getattr(args, "start_page", None):
        guide.finish_start()  # another page first: it may show bookmarks (their titles refreshed)
        from guide.screenshot import open_page

        open_page(guide, args.start_page)
    if getattr(args, "quit_after", None):
        # exit(), not quit(): Qt 6's quit asks windows to close, which a kiosk refuses.
        QTimer.singleShot(int(args.quit_after * 1000), lambda: app.exit(0))
    code = app.exec()
    if fleet is not None:
        fleet.shutdown()
    if kiosk is not None:
        kiosk.shutdown()
    guide.close()
    return code


def settle_heap() -> None:
    """Take what the start built (modules, classes, the window) out of the cyclic collector's walks.

    A full collection visits every tracked object: with PySide6 and the guide loaded that
    took about 25 ms, a dropped frame while a visitor pans the timetable. What exists once
    the window is up lives as long as the process; ``gc.freeze`` leaves it out of every
    later collection (reference counting still frees what is let go).
    """
    import gc

    gc.collect()
    gc.freeze()


def _drop_source_lines() -> None:
    """Let go of the source text PySide6 read while the start imported the guide's modules.

    PySide6 reads the source of every module imported after it (to look for its
    ``__feature__`` switches), and Python's linecache keeps that text: about 4 MB for the
    guide's start, kept for nothing (a traceback reads the file again). Dropped as soon as
    the imports are done, that memory serves the first frame instead of adding to it.
    """
    import linecache

    linecache.clearcache()


def _exit_on_signals(app: QApplication) -> None:
    """SIGTERM/SIGINT/SIGHUP end the event loop, so the same clean shutdown as a staff exit runs."""
    import signal

    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda _sig, _frame: app.exit(0))
    # Python runs signal handlers only when it gets control: a light tick gives it that.
    tick = QTimer(app)
    tick.setInterval(250)
    tick.timeout.connect(lambda: None)
    tick.start()


def _cannot_start(app: QApplication, exc: Exception, *, kiosk: bool, quit_after: float | None,
                  lang: str = "en") -> int:
    """A database cannot be opened: staff get a dialog, visitors a calm screen; never a traceback.

    The dialog is in ``lang`` (the command line's, else the system's: the remembered
    choice is in the user database that did not open). Returns 2 (a bad file, as the
    command line); the kiosk screen stays until the supervisor stops the kiosk (its log
    names the file and what to do).
    """
    import logging

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    problem = str(exc)
    logging.getLogger("guide").error("cannot start: %s", problem)
    print(f"error: {problem}", file=sys.stderr)
    if kiosk:
        screen = QLabel("本指南正在准备中，请稍候。\nThis guide is being set up.")
        screen.setObjectName("settingUpScreen")
        screen.setAlignment(Qt.AlignmentFlag.AlignCenter)
        screen.setStyleSheet("font-size: 36px;")  # read from across a hall
        screen.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        screen.showFullScreen()
        app.setProperty("zgc_guide_setup_screen", screen.text())
    else:
        # It had come before any translation was loaded: English under --lang zh.
        try:
            Translations().apply(lang)
            theme.set_language_font(app, lang)  # the bundled Chinese face, on a system without one
        except RuntimeError:  # no translation to load either: say it in English, but say it
            pass
        headline = tx.tr("The guide cannot start.")
        if isinstance(exc, UserDbError) and exc.read_only:  # a read-only file, folder or disk
            headline += "\n" + tx.tr("Bookmarks and settings need a place this account can "
                                     "write to, and the guide cannot write where they are.")
        from PySide6.QtWidgets import QMessageBox  # rare: its Python type costs every start

        from guide.ui import boxes

        box = boxes.message_box(None, QMessageBox.Icon.Critical, "zgc-guide",
                                f"{headline}\n\n{problem}", name="startErrorDialog")
        box.finished.connect(lambda _r: app.exit(2))
        box.open()
    if quit_after:
        QTimer.singleShot(int(quit_after * 1000), lambda: app.exit(2))
    app.exec()
    return 2

