"""Start-up does only what the first frame needs: no heavy module is imported before the window first paints.

The guide is started as a user starts it (``guide``, in a fresh process); a hook notes ``sys.modules``
once the main window's first frame is painted (its own paint and its children's). A module named
here but imported early slows every start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Third-party modules only some features use (PyNaCl is the guide's signature library; it has no
# "cryptography" dependency), the search engine, every page but Home, and what the start leaves for
# after the first frame: the command grammar, bookmark editing, the staff menu, kiosk settings,
# screen-reader helpers, the layout checker.
HEAVY = ["pydantic", "pypinyin", "sqlite_utils", "nacl", "icalendar", "segno", "openpyxl", "tqdm",
         "guide.search", "guide.search.engine", "guide.search.indexer",
         "guide.ui.views.forums", "guide.ui.views.exhibition", "guide.ui.views.announcements",
         "guide.ui.views.photos", "guide.ui.views.figures", "guide.ui.views.detail",
         "guide.ui.views.photo_viewer", "guide.ui.views.bookmarks", "guide.ui.views.search",
         "guide.ui.views.map", "guide.ui.timetable_view",
         "guide.commands", "guide.user.bookmarks", "guide.user.recovery", "guide.ui.content_update",
         "guide.ui.about",
         "guide.kiosk.config", "guide.kiosk.controller", "guide.ui.accessible", "guide.ui.layout_check",
         "guide.ui.layout_marks", "guide.ui.image_worker",
         "guide.content.build", "guide.content.loader", "guide.content.maps", "guide.content.records",
         "guide.content.area",
         "tomllib", "uuid"]

# Both child scripts end by starting the guide as `guide` does, with their hook on its window;
# the guide's own arguments follow the script's first ``skip`` ones.
START = """
app = QApplication(sys.argv[:1])
hook = FirstPaint()
# The hook watches the main window only: an application-wide Python filter would wrap every
# object that receives an event, which costs what the guide avoids (Python types, memory).
show = QMainWindow.show
def watched_show(window):
    window.installEventFilter(hook)
    show(window)
QMainWindow.show = watched_show
from guide.cli import main
sys.argv = ["guide", *sys.argv[1 + {skip}:]]
sys.exit(main())
"""


def start_guide(script: str, real_db: Path, tmp_path: Path,
                *script_args: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` (then the guide, offscreen, over ``real_db``) in a fresh process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZGC_GUIDE_DATA": str(tmp_path / "data")}
    code = script + START.format(skip=len(script_args))
    return subprocess.run([sys.executable, "-c", code, *script_args, "--content-db", str(real_db),
                           "--lang", "en"], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)


# The check runs on the event loop's next turn after the window's first paint event, so the
# children painted in the same frame (the Home lists and their rows) count too. The start's own
# after-first-frame step is queued after it (and imports modules named here: it would fail, not pass).
CHILD = """
import gc, json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

HEAVY = json.loads(sys.argv[1])
UNUSED = {"QCalendarWidget", "QWizard", "QMdiArea", "QFileDialog"}  # Qt classes no first frame needs

def report():
    loaded = sorted(name for name in HEAVY if name in sys.modules)
    # PySide6 creates a class's Python type on first use; looking for them must not create them
    typed = sorted(t.__name__ for t in gc.get_objects() if isinstance(t, type)
                   and t.__module__ == "PySide6.QtWidgets" and t.__name__ in UNUSED)
    # Reading a list row's style option state made PySide6 build QStyle's 11 enum classes
    # (48 M instructions) as Home's cards painted; the cards ask their list instead.
    styled = sorted(t.__qualname__ for t in gc.get_objects() if isinstance(t, type)
                    and t.__qualname__.startswith("QStyle.") and t.__module__ == "PySide6.QtWidgets")
    # A dataclass without a docstring is given one from inspect.signature when it is made.
    undocumented = sorted(f"{name}.{t.__name__}" for name, module in list(sys.modules.items())
                          if name.startswith("guide") for t in vars(module).values()
                          if isinstance(t, type) and t.__module__ == name
                          and "__dataclass_fields__" in vars(t)
                          and (t.__doc__ or "").startswith(t.__name__ + "("))
    home = "guide.ui.views.home" in sys.modules  # the hook saw a real start
    maps = "/proc/self/maps"  # Linux: the files mapped, Qt's plugins among them
    mapped = open(maps).read() if os.path.exists(maps) else None
    print(json.dumps({"loaded": loaded, "home": home, "maps": mapped, "typed": typed, "styled": styled,
                      "undocumented": undocumented}), flush=True)
    os._exit(0)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, report)
            obj.removeEventFilter(self)
        return False

"""


def test_no_heavy_module_is_imported_before_the_first_paint(real_db: Path, tmp_path: Path) -> None:
    done = start_guide(CHILD, real_db, tmp_path, json.dumps(HEAVY))
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["home"], "the window painted before its Home page was built"
    assert seen["loaded"] == [], f"imported before the first paint: {seen['loaded']}"
    # Wrapping a list's viewport through viewport() made PySide6 create the Python type of every
    # QWidget subclass (0.9 MB) in its search for the most derived one.
    assert seen["typed"] == [], f"Python types made before the first paint: {seen['typed']}"
    assert seen["styled"] == [], f"QStyle enum classes built by the first frame: {seen['styled']}"
    # Each costs the start about 0.6 M instructions of inspect.signature for its __doc__.
    assert seen["undocumented"] == [], f"dataclasses without a docstring: {seen['undocumented']}"
    if seen["maps"] is not None:
        # Every icon is drawn by the guide's own engine: Qt's SVG icon plugin (0.9 MB at the
        # first frame) was loaded for the window icon alone.
        assert "libQt6Svg" in seen["maps"]  # the check sees Qt's libraries
        assert "iconengines" not in seen["maps"]


def test_a_plain_start_has_the_options_its_parser_would_give_without_building_it() -> None:
    """`guide` alone, the launcher's start, gets the start parser's defaults without that parser:
    building one costs 1% of the start, most of it gettext looking for argparse's translations
    (which imports locale)."""
    from guide.cli import _app_options, _QuietParser, parse_app_start

    parser = _QuietParser(prog="guide", add_help=False)
    _app_options(parser)
    for argv in ([], ["--lang", "en"]):
        expected = parser.parse_args(argv)
        expected.command = None
        assert parse_app_start(argv) == expected
    code = ("import sys; from guide.cli import parse_app_start; parse_app_start([]); "
            "print('locale' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"


def test_every_module_named_exists_so_the_check_cannot_pass_by_a_typo() -> None:
    import importlib.util

    missing = [name for name in HEAVY if importlib.util.find_spec(name) is None]
    assert missing == []


LATER = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QToolButton

def report(window):
    button = window.findChild(QToolButton, "staffMenuButton")
    print(json.dumps({"staff_button": button.isVisibleTo(window),
                      "staff_actions": [a.objectName() or a.text() for a in button.menu().actions()],
                      "snapshots_refreshed": "guide.user.bookmarks" in sys.modules}), flush=True)
    os._exit(0)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            staff = obj.findChild(QToolButton, "staffMenuButton")
            print(json.dumps({"first_frame_staff_button": staff.isVisibleTo(obj)}), flush=True)
            QTimer.singleShot(300, lambda: report(obj))
            obj.removeEventFilter(self)
        return False

"""


def test_what_the_first_frame_left_out_follows_right_after_it(real_db: Path, tmp_path: Path) -> None:
    """The staff button is in the first frame; its menu and the bookmark titles follow once it is painted."""
    done = start_guide(LATER, real_db, tmp_path)
    assert done.returncode == 0, done.stderr
    first, later = (json.loads(line) for line in done.stdout.strip().splitlines()[-2:])
    assert first["first_frame_staff_button"]  # no toolbar shift when the menu is filled
    assert later["staff_button"] and later["snapshots_refreshed"]
    assert "aboutAction" in later["staff_actions"] and len(later["staff_actions"]) >= 4
