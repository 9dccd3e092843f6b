"""``guide kiosk screenshot STATE --out FILE.png``: a kiosk screen rendered offscreen.

Uses a throw-away user database and an in-memory PIN, so it never touches the
device's bookmarks or staff PIN.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from guide.app import build_window
from guide.kiosk.config import KioskConfig, load_config
from guide.kiosk.controller import KioskController, install_kiosk
from guide.kiosk.pin import MemoryPinStore, set_pin
from guide.screenshot import open_page, open_timetable, settle
from guide.ui.guide import Guide


def take_kiosk_screenshot(state: str, out: Path, *, size: str = "1920x1080",
                          content_db: Path | None = None, now: str | None = None,
                          lang: str | None = None, slide: int = 0, theme_name: str | None = None,
                          kiosk_config: Path | None = None) -> Path:
    """Render ``state`` (attract, countdown, keyboard, pinpad, home, timetable:DATE,
    map[:MAP[/REGION]]) at ``size`` as PNG.

    ``kiosk_config`` lends its ``[position]`` ("You are here"); the rest of the kiosk's
    settings are the screenshot's own. ``theme_name`` is the theme a visitor switched to
    (high-contrast), set after the kiosk took its own. Raises OSError when the file cannot be written,
    ValueError for a map the content does not have.
    """
    position = load_config(kiosk_config).position if kiosk_config is not None else None
    width, height = (int(x) for x in size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="zgc-kiosk-shot-") as tmp:
        # A throw-away user database and log; the content is the one this machine shows.
        guide = build_window(content_db, now=now, lang=lang, user_db=Path(tmp) / "user.db",
                             remember=False)
        config = KioskConfig(language=lang or "zh", full_screen=False, keep_screen_on=False,
                             catch_exceptions=False, reduced_motion=True, idle_seconds=3600,
                             countdown_seconds=15, position=position)
        store = MemoryPinStore()
        set_pin(store, "2468", n=2**10)
        kiosk = install_kiosk(guide, config, size=(width, height), pin_store=store,
                              log_file=Path(tmp) / "kiosk.log")
        # Taken down whatever happens: a kiosk left installed (its event filter, its
        # overlays over a live window) crashed the interpreter's exit after "no such page".
        try:
            if theme_name:
                guide.ctx.state.set_palette(theme_name)
            settle(guide, 0.5)
            _show_state(guide, kiosk, config, state, slide)
            settle(guide)
            out.parent.mkdir(parents=True, exist_ok=True)
            if not guide.window.grab().save(str(out)):
                raise OSError(f"could not write {out}")
        finally:
            kiosk.shutdown()
            guide.close()
    return out


def _show_state(guide: Guide, kiosk: KioskController, config: KioskConfig, state: str,
                slide: int) -> None:
    """Bring the kiosk to ``state`` (see :func:`take_kiosk_screenshot`)."""
    if state == "attract":
        kiosk.attract.show_slide(slide)
        return
    kiosk.activity()  # a visitor touches the screen
    if state == "countdown":
        kiosk.machine.last_input -= config.idle_seconds + 1.5
        kiosk.tick()
    elif state == "keyboard":
        guide.window.focus_search()
        kiosk.show_keyboard()
        kiosk.keyboard.type_text("lvse")
    elif state.startswith("timetable"):
        open_timetable(guide, state.partition(":")[2])
    elif state.startswith("map"):
        open_page(guide, state)
    elif state == "pinpad":
        kiosk.open_pin_pad()
        for digit in "24":
            kiosk.pin_pad.add_digit(digit)
