"""Every kind of bad pack is refused with FILE: PATH: message, exit 2, old database untouched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide.content.loader import PackInvalid, load_pack
from tests.conftest import run_guide
from tests.support import write_foreign_sqlite

CASES = [
    # (name, edit(items.toml text) -> text, expected file, expected path regex, message regex)
    ("malformed", lambda t: t + "\n[[forum]\nid = 'x'\n", "items.toml", r"\(file\)", r"malformed TOML"),
    ("missing field", lambda t: t.replace('title_en = "Overlapping forum"\n', ""),
     "items.toml", r"forum\.1\.title_en", r"Field required"),
    ("wrong type", lambda t: t.replace("value = 77.3", 'value = "many"'),
     "items.toml", r"figure\.1\.value", r"valid number"),
    ("duplicate id", lambda t: t.replace('id = "overlap"', 'id = "opening"'),
     "items.toml", r"forum\.1\.id", r"duplicate forum id 'opening'"),
    ("unknown reference", lambda t: t.replace('{ org = "zgc-park", role = "协办" }',
                                              '{ org = "nobody", role = "协办" }'),
     "items.toml", r"forum\.0\.organisers\.1\.org", r"unknown organization id 'nobody'"),
    ("impossible date", lambda t: t.replace("date = 2023-05-28", 'date = "2023-02-30"'),
     "items.toml", r"forum\.2\.date", r"date"),
    ("end before start", lambda t: t.replace("end_date = 2023-05-30", "end_date = 2023-05-01"),
     "items.toml", r"area\.0", r"end_date is before start_date"),
    ("unknown kind", lambda t: t + '\n[[gala]]\nid = "x"\n', "items.toml", r"gala",
     r"unknown kind 'gala'"),
    ("unknown forum kind", lambda t: t.replace('kind = "conference"', 'kind = "gala"'),
     "items.toml", r"forum\.2\.kind", r"Input should be"),
    ("unknown role", lambda t: t.replace('role = "指导"', 'role = "赞助"'),
     "items.toml", r"forum\.2\.organisers\.0\.role", r"Input should be"),
    ("bad id", lambda t: t.replace('id = "no-time"', 'id = "No Time!"'),
     "items.toml", r"forum\.2\.id", r"pattern"),
    ("missing image", lambda t: t.replace("images/crowd.png", "images/gone.png"),
     "items.toml", r"photo\.0\.image", r"file not found"),
]


@pytest.mark.parametrize(("name", "edit", "file", "path", "message"), CASES,
                         ids=[c[0] for c in CASES])
def test_bad_pack_is_refused_and_old_db_kept(
    tmp_path: Path, mini_pack: Path, name: str, edit, file: str, path: str, message: str
) -> None:
    out = tmp_path / "content.db"
    assert run_guide("build-db", "--content", str(mini_pack), "--out", str(out)).returncode == 0
    before = out.read_bytes()

    items = mini_pack / "items.toml"
    items.write_text(edit(items.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_guide("build-db", "--content", str(mini_pack), "--out", str(out))

    assert result.returncode == 2, result.stderr
    pattern = rf"^{re.escape(file)}: {path}[^:]*: .*{message}"
    assert re.search(pattern, result.stderr, re.MULTILINE), result.stderr
    assert "left unchanged" in result.stderr
    assert out.read_bytes() == before
    assert not list(tmp_path.glob(".content.db.*"))


def test_all_errors_are_listed_at_once(mini_pack: Path) -> None:
    items = mini_pack / "items.toml"
    text = items.read_text(encoding="utf-8")
    text = text.replace('org = "zgc-park", role = "协办"', 'org = "ghost", role = "协办"')
    text = text.replace('photographer = "li-yang"\narea', 'photographer = "nobody"\narea')
    items.write_text(text, encoding="utf-8")
    with pytest.raises(PackInvalid) as info:
        load_pack(mini_pack)
    messages = [str(e) for e in info.value.errors]
    assert any("'ghost'" in m for m in messages)
    assert any("'nobody'" in m and "photo.0.photographer" in m for m in messages)


def test_not_a_pack(tmp_path: Path) -> None:
    result = run_guide("build-db", "--content", str(tmp_path), "--out", str(tmp_path / "x.db"))
    assert result.returncode == 2
    assert "no pack.toml" in result.stderr
    assert not (tmp_path / "x.db").exists()


def _spreadsheet(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:  # what an .xlsx is: a zip of XML parts
        zf.writestr("xl/workbook.xml", "<workbook/>")


def _user_db(path: Path) -> None:
    from guide.user.db import open_user_db

    open_user_db(path).close()


@pytest.mark.parametrize(("name", "make", "says"), [
    ("plan.xlsx", _spreadsheet, "is not a content database (not an SQLite file at all)"),
    ("user.db", _user_db, "is the guide's user database (bookmarks and settings)"),
    ("accounts.db", write_foreign_sqlite, "is an SQLite database of another kind"),
], ids=["spreadsheet", "user database", "other sqlite"])
def test_build_db_never_overwrites_a_file_that_is_not_a_content_database(
    tmp_path: Path, mini_pack: Path, capsys: pytest.CaptureFixture[str], name: str, make, says: str
) -> None:
    from guide.cli import main

    out = tmp_path / name
    make(out)
    before = out.read_bytes()
    assert main(["build-db", "--content", str(mini_pack), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {out} {says}") and "nothing written" in err
    assert out.read_bytes() == before


def test_json_file_errors_name_the_line(mini_pack: Path) -> None:
    (mini_pack / "extra.json").write_text('{"forum": [', encoding="utf-8")
    with pytest.raises(PackInvalid) as info:
        load_pack(mini_pack)
    assert str(info.value.errors[0]).startswith("extra.json: (file): malformed JSON")


def _real_pack_copy(tmp_path: Path) -> Path:
    import shutil

    from tests.conftest import REAL_PACK
    return Path(shutil.copytree(REAL_PACK, tmp_path / "pack"))


def test_bilingual_pack_without_an_english_field_is_refused(tmp_path: Path) -> None:
    pack = _real_pack_copy(tmp_path)
    photos = pack / "photos.toml"
    text = photos.read_text(encoding="utf-8")
    photos.write_text(text.replace('credit_role_en = "staff reporter"\n', "", 1), encoding="utf-8")
    forums = pack / "forums.toml"
    text = forums.read_text(encoding="utf-8")
    # The green-finance forum (the second) loses the English of its last paragraph.
    start = text.index('id = "green-finance-forum"')
    cut = text.index('  "Xu Xinchao said that Beijing will use', start)
    forums.write_text(text[:cut] + text[text.index("\n", cut) + 1:], encoding="utf-8")
    out = tmp_path / "content.db"
    result = run_guide("build-db", "--content", str(pack), "--out", str(out))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert ("photos.toml: photo.0.credit_role_en: missing English for credit_role "
            "(pack.toml declares languages zh and en)") in lines
    assert ("forums.toml: forum.1.text_en: has 3 entries but text has 4; give one for each "
            "(pack.toml declares languages zh and en)") in lines
    assert not out.exists()


def test_a_chinese_only_pack_needs_no_english(tmp_path: Path) -> None:
    pack = _real_pack_copy(tmp_path)
    meta = pack / "pack.toml"
    meta.write_text(meta.read_text(encoding="utf-8").replace('languages = ["zh", "en"]',
                                                             'languages = ["zh"]'), encoding="utf-8")
    photos = pack / "photos.toml"
    photos.write_text(photos.read_text(encoding="utf-8").replace(
        'credit_role_en = "staff reporter"\n', ""), encoding="utf-8")
    assert load_pack(pack).info.languages == ["zh"]
