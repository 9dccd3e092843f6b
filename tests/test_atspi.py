"""What a screen reader gets, read over AT-SPI from a real window (Xvfb), as Orca reads it.

The guide runs on its own X display (Xvfb) inside its own D-Bus session with the AT-SPI
bus; Debian's python3-pyatspi (tests/atspi_tree.py, the system's python3) reads the tree.
`make test` installs Xvfb, python3-pyatspi and at-spi2-core from Debian's packages.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

from guide.content import queries, records
from guide.content.database import open_content_db
from tests.conftest import ROOT

CLOCK = "2023-05-29T10:00"


def read_tree(tmp_path: Path, real_db: Path, page: str, lang: str,
              act_on: str = "") -> list[dict[str, Any]]:
    """Start the guide on ``page`` under Xvfb and return its accessibility tree (after doing
    the default action of the row named ``act_on``, when given)."""
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        display = ":" + xvfb.stdout.readline().decode().strip()  # type: ignore[union-attr]
        script = (
            "/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &\n"
            f'"{sys.executable}" -m guide.cli --content-db "{real_db}" --user-db "{tmp_path}/u.db" '
            f'--now {CLOCK} --lang {lang} --page "{page}" >"{tmp_path}/app.log" 2>&1 &\n'
            "APP=$!\n"
            f'/usr/bin/python3 "{ROOT}/tests/atspi_tree.py" 60 {shlex.quote(act_on) if act_on else ""}\n'
            "CODE=$?\nkill $APP\nexit $CODE\n")
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
               "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1"}
        result = subprocess.run(["dbus-run-session", "--", "sh", "-c", script], env=env, cwd=ROOT,
                                capture_output=True, text=True, timeout=180)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    assert result.returncode == 0, result.stderr[-2000:] + (tmp_path / "app.log").read_text()
    tree: list[dict[str, Any]] = json.loads(result.stdout)
    return tree


def under(tree: list[dict[str, Any]], list_name: str) -> list[dict[str, Any]]:
    return [n for n in tree if n["role"] == "list item" and f"/list:{list_name}/" in n["path"]]


def test_rows_fields_and_hidden_pages_as_a_screen_reader_gets_them(tmp_path: Path,
                                                                   real_db: Path) -> None:
    tree = read_tree(tmp_path, real_db, "forums", "en")
    db = open_content_db(real_db)
    forums = queries.list_forums(db, day=dt.date(2023, 5, 29))
    rows = under(tree, "Schedule")
    # Each row: its English title as the name, the rest of what it shows as the description.
    assert [r["name"] for r in rows] == [f.title_en for f in forums] != []
    for row, forum in zip(rows, forums, strict=True):
        assert "Time not announced" in row["description"]
        assert "Parallel forum" in row["description"]
        assert forum.title in row["description"]  # the Chinese title is there too, as shown
    # The kind filter is labelled by its label, not only named by its value; day buttons
    # say the whole date and which one is chosen.
    kind = [n for n in tree if n["role"] == "combo box"]
    assert [n["labelled_by"] for n in kind] == [["Kind:"]], kind
    days = [n["name"] for n in tree if n["role"] == "check box" and "/filler:Forum days/" in n["path"]]
    assert days == ["Fri 26 May 2023", "Sat 27 May 2023", "Sun 28 May 2023", "Mon 29 May 2023",
                    "Tue 30 May 2023"]



def test_a_rows_default_action_opens_it(tmp_path: Path, real_db: Path) -> None:
    title = "Sci-Tech Service Innovation and Development Forum"
    tree = read_tree(tmp_path, real_db, "home", "en", act_on=title)
    # The detail page of that forum is now what shows: its title as a heading label.
    assert any(n["role"] == "label" and n["name"] == title and n["showing"] for n in tree), \
        [n["name"] for n in tree if n["role"] == "label" and n["showing"]]


PRIVATE_USE = [(0xFDD0, 0xFDEF), (0xE000, 0xF8FF)]


def private_use(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if any(lo <= ord(c) <= hi for lo, hi in PRIVATE_USE)]


def test_a_detail_body_reads_as_text_with_its_links(tmp_path: Path, real_db: Path) -> None:
    db = open_content_db(real_db)
    forum = records.get_forum(db, "tech-service-forum")
    assert forum is not None and forum.speakers and forum.organisers
    tree = read_tree(tmp_path, real_db, "forum/tech-service-forum", "en")
    body = [n for n in tree if n["name"] == f"Details of {forum.title_en}"]
    assert len(body) == 1 and body[0]["showing"]
    # The body's text, as a reader reads it: whole, with no private-use characters (Qt's
    # table-cell markers U+FDD0/U+FDD1 were read out as unknown characters).
    text = body[0]["text"]
    assert forum.summary_en in text and "Organisers" in text and "Speakers" in text
    assert private_use(text) == []
    for node in tree:
        assert private_use(node["name"] + node["description"] + node["text"]) == [], node["path"]
    # Organisers and speakers are drawn as links, so they are links to the reader: inside
    # the body, named by what they say, showing, with an action that follows them.
    links = {n["name"]: n for n in tree if n["role"] == "link" and n["path"].startswith(
        body[0]["path"] + "/")}
    for part in forum.organisers:
        assert links[part.organization.name_en]["showing"], part.organization.name_en
        assert links[part.organization.name_en]["actions"] == ["Press"]
    for s in forum.speakers:
        named = [name for name in links if s.person.name_en in name and s.person.name in name]
        assert len(named) == 1, (s.person.name_en, sorted(links))
    assert [n["name"] for n in tree if n["role"] == "link" and n["name"] not in links] == []


def test_following_a_link_of_a_detail_body_opens_it(tmp_path: Path, real_db: Path) -> None:
    tree = read_tree(tmp_path, real_db, "forum/tech-service-forum", "en", act_on="Zhao Qing 赵清")
    shown = [n["name"] for n in tree if n["role"] == "label" and n["showing"]]
    assert "Zhao Qing" in shown, shown
    assert "Sci-Tech Service Innovation and Development Forum" not in shown  # the forum's title


def test_pages_left_behind_are_not_showing(tmp_path: Path, real_db: Path) -> None:
    db = open_content_db(real_db)
    home_titles = {f.title_en for f in queries.list_forums(db, day=dt.date(2023, 5, 29))}
    title = "Sci-Tech Service Innovation and Development Forum"
    tree = read_tree(tmp_path, real_db, "home", "en", act_on=title)  # Home, then a forum
    # Home's rows (its forums of the day among them) are gone from what the reader gets;
    # the rows left showing are the section list's.
    showing_rows = [n for n in tree if n["role"] == "list item" and n["showing"]]
    assert showing_rows and all("/list:Sections/" in n["path"] for n in showing_rows), \
        [n["path"] for n in showing_rows if "/list:Sections/" not in n["path"]]
    assert not [n for n in tree if n["role"] == "list item" and n["name"] in home_titles
                and n["showing"]]
    # One page under the page stack: the forum's.
    stack = next(n["path"] for n in tree if n["role"] == "layered pane")
    pages = {n["path"].split("/")[stack.count("/") + 1] for n in tree
             if n["path"].startswith(stack + "/")}
    assert len(pages) == 1
    assert any(n["role"] == "label" and n["name"] == title and n["showing"]
               and n["path"].startswith(stack + "/") for n in tree)
