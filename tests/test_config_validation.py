"""Nonsense in updates.toml or kiosk.toml: `FILE: key: message` and exit 2, never a crash.

The reliability run found `poll_minutes = 0` polling 8,054 times in 20 s and
`poll_minutes = 40000` or `inf` killing the kiosk at start (OverflowError in a timer).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.cli import main
from guide.updates.config import load_update_config
from tests.conftest import run_guide

UPDATES_BAD = [
    ("poll_minutes", "0", "must be from 1 to 1440 minutes, got 0"),
    ("poll_minutes", "-5", "must be from 1 to 1440 minutes, got -5"),
    ("poll_minutes", "40000", "must be from 1 to 1440 minutes, got 40000"),
    ("poll_minutes", "inf", "must be from 1 to 1440 minutes, got inf"),
    ("poll_minutes", "nan", "must be from 1 to 1440 minutes, got nan"),
    ("poll_minutes", "'10'", "expected a number of minutes, got '10'"),
    ("timeout_seconds", "0", "must be from 1 to 300 seconds, got 0"),
    ("timeout_seconds", "-3", "must be from 1 to 300 seconds, got -3"),
    ("max_download_mb", "0", "must be from 1 to 4096 MB, got 0"),
    ("max_download_mb", "-1", "must be from 1 to 4096 MB, got -1"),
    ("max_download_mb", "true", "expected a number of MB, got True"),
    ("deadline_minutes", "0.1", "must be from 1 to 240 minutes, got 0.1"),
]


def _updates_toml(folder: Path, key: str, value: str) -> Path:
    path = folder / "updates.toml"
    path.write_text(f'[updates]\nsource = "{(folder / "share").as_posix()}"\n{key} = {value}\n',
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("key,value,message", UPDATES_BAD)
def test_bad_updates_values_are_refused_by_file_and_key(
        key: str, value: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _updates_toml(tmp_path, key, value)
    code = main(["update", "check", "--config", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == f"error: {path}: updates.{key}: {message}"


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    path = tmp_path / "updates.toml"
    path.write_text("[updates]\npoll_minutes = 0\ntimeout_seconds = 0\ncolour = 'red'\n", encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load_update_config(path)
    assert str(err.value).split("; ") == [
        f"{path}: updates.colour: unknown setting",
        f"{path}: updates.poll_minutes: must be from 1 to 1440 minutes, got 0",
        f"{path}: updates.timeout_seconds: must be from 1 to 300 seconds, got 0",
    ]


def test_good_values_are_taken_in_their_units(tmp_path: Path) -> None:
    path = tmp_path / "updates.toml"
    path.write_text("[updates]\nsource = 'http://127.0.0.1:9/'\npoll_minutes = 1.5\n"
                    "timeout_seconds = 5\ndeadline_minutes = 2\nmax_download_mb = 8\n", encoding="utf-8")
    config = load_update_config(path)
    assert config.poll_seconds == 90 and config.timeout_seconds == 5
    assert config.download_deadline_seconds == 120
    assert config.limits.max_archive_bytes == 8 * 1024 * 1024


def test_a_kiosk_with_an_infinite_poll_interval_refuses_to_start(tmp_path: Path, _user_data: Path) -> None:
    _updates_toml(_user_data, "poll_minutes", "inf")
    done = run_guide("--kiosk", "--user-db", str(tmp_path / "user.db"), timeout=60)
    assert done.returncode == 2  # not 139 (a crash), not a traceback
    assert done.stderr.strip() == (f"error: {_user_data / 'updates.toml'}: updates.poll_minutes: "
                                   "must be from 1 to 1440 minutes, got inf")


KIOSK_BAD = [
    ("idle_seconds", "inf", "must be from 10 to 86400 seconds, got inf"),
    ("idle_seconds", "1e12", "must be from 10 to 86400 seconds, got 1e+12"),
    ("idle_seconds", "nan", "must be from 10 to 86400 seconds, got nan"),
    ("countdown_seconds", "0", "must be from 3 to 600 seconds, got 0"),
    ("attract_seconds", "-1", "must be from 1 to 600 seconds, got -1"),
    ("exit_hold_seconds", "100000", "must be from 0.5 to 60 seconds, got 100000"),
    ("pin_max_delay_seconds", "inf", "must be from 1 to 86400 seconds, got inf"),
    ("exit_corner_px", "100000", "must be from 16 to 512 px, got 100000"),
]


@pytest.mark.parametrize("key,value,message", KIOSK_BAD)
def test_bad_kiosk_values_are_refused_at_start(key: str, value: str, message: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[kiosk]\n{key} = {value}\n", encoding="utf-8")
    code = main(["--kiosk", "--kiosk-config", str(path), "--user-db", str(tmp_path / "user.db")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == f"error: kiosk settings: {path}: kiosk.{key}: {message}"
