"""A plural typed finds the singular in the text: "robots" finds "Visitors interact with a robot".

A Latin query word is a prefix term, so "robot" found "robots" but "robots", "forums",
"exhibitions" and "photos" found nothing where the text says the singular (a visitor at
the kiosk). A query word also asks for its singulars now, as whole words; the word as
typed is still asked, so "news" or "physics" find themselves and nothing of "new".
"""

from __future__ import annotations

import sqlite3

import pytest

from guide.search import SearchDoc, count_by_kind, search
from tests.support import hit_ids, memory_index

DOCS = (
    SearchDoc("photo", "robot", "观众与机器人互动。", "Visitors interact with a robot.",
              body_en="Photo: Deng Shuhua, staff reporter"),
    SearchDoc("area", "robotics", "机器人学", "Robotics Lab", body_en="Arms and legs that walk."),
    SearchDoc("announcement", "robots", "机器人大会", "Robots on show",
              body_en="Industrial robots from forty companies."),
    SearchDoc("area", "expo", "2023中关村论坛展览(科博会)",
              "2023 Zhongguancun Forum Exhibition (Sci-Tech Expo)",
              body_en="The exhibition was held in Beijing."),
    SearchDoc("forum", "university", "世界知名高校技术转移发展大会",
              "World Renowned University Technology Transfer Development Conference"),
    SearchDoc("area", "city", "智慧城市", "Smart City", body_en="A box of sensors on every church."),
    SearchDoc("announcement", "news", "新闻发布会", "News conference", body_en="Reporters asked."),
    SearchDoc("announcement", "new", "新产品", "A new product", body_en="Something new."),
    SearchDoc("forum", "physics", "物理论坛", "Physics forum", body_en="Physics for everyone."),
    SearchDoc("forum", "class", "大师课", "Master class", body_en="One class a day."),
    SearchDoc("forum", "economic", "经济论坛", "Economic forum", body_en="Growth."),
    SearchDoc("area", "leaf", "绿叶", "A green leaf", body_en="One leaf on a branch."),
    SearchDoc("area", "initiative", "倡议", "The green initiative", body_en="A plan."),
    SearchDoc("forum", "api", "接口论坛", "The API forum", body_en="Open API for developers."),
)  # fmt: skip


@pytest.fixture(scope="module")
def conn() -> sqlite3.Connection:
    return memory_index(DOCS)


ids = hit_ids


@pytest.mark.parametrize(("query", "expected"), [
    ("robots", "robot"), ("Exhibitions", "expo"), ("photos", "robot"), ("cities", "city"),
    ("boxes", "city"), ("churches", "city"), ("universities", "university"),
    ("technologies", "university"), ("smart cities", "city"), ("leaves", "leaf"),
    ("initiatives", "initiative"), ("APIs", "api"),
])  # fmt: skip
def test_a_plural_finds_the_singular(conn: sqlite3.Connection, query: str, expected: str) -> None:
    assert expected in ids(search(conn, query, limit=10))
    assert sum(count_by_kind(conn, query).values()) >= 1


def test_the_plural_as_typed_ranks_first_and_the_singular_is_a_whole_word(conn: sqlite3.Connection) -> None:
    """The title saying "Robots" stays first; "Robotics" is no singular of "robots"."""
    assert ids(search(conn, "robots", limit=10)) == ["robots", "robot"]


def test_the_singular_is_marked_as_a_whole_word(conn: sqlite3.Connection) -> None:
    hits = {hit.id: hit for hit in search(conn, "robots", limit=10)}
    assert hits["robot"].marked(lang="en")[0] == "Visitors interact with a [robot]."
    assert hits["robots"].marked(lang="en") == (
        "[Robots] on show", "Industrial [robots] from forty companies.")
    photo = next(hit for hit in search(conn, "photos", limit=10) if hit.id == "robot")
    assert photo.marked(lang="en")[1] == "[Photo]: Deng Shuhua, staff reporter"


@pytest.mark.parametrize(("query", "expected"), [
    ("news", ["news"]), ("physics", ["physics"]), ("class", ["class"]),
    # A field of study is no plural: "economics" is not the "Economic forum" (it was).
    ("economics", []),
])  # fmt: skip
def test_words_that_are_no_plurals_find_themselves_only(
    conn: sqlite3.Connection, query: str, expected: list[str]
) -> None:
    assert ids(search(conn, query, limit=10)) == expected


def test_singulars() -> None:
    from guide.search.english import singulars

    assert singulars("robots") == ("robot",)
    assert singulars("cities")[0] == "city"
    assert singulars("boxes")[0] == "box" and singulars("churches")[0] == "church"
    assert singulars("photos") == ("photo",)
    assert singulars("leaves") == ("leave", "leaf", "leafe")
    for word in ("news", "bus", "series", "class", "analysis", "campus", "its", "robot", "5gs",
                 "economics", "politics"):
        assert singulars(word) == (), word
