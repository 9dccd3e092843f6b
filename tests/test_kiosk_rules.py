"""Kiosk rules without Qt: settings file, idle state machine, staff PIN and its delay."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guide.kiosk.config import KioskConfig, KioskConfigError, load_config, parse_config
from guide.kiosk.idle import IdleMachine, Phase, Step
from guide.kiosk.pin import (
    Attempt,
    MemoryPinStore,
    Outcome,
    PinError,
    PinGuard,
    UserDbPinStore,
    hash_pin,
    set_pin,
    verify_pin,
)
from guide.kiosk.system import release_free_memory
from tests.support import FakeClock

FAST = 2**10  # scrypt cost for tests; the real one is 2**14


# --- settings ---------------------------------------------------------------------------------

def test_defaults_suit_a_hall() -> None:
    config = KioskConfig()
    assert (config.idle_seconds, config.countdown_seconds, config.language) == (90, 15, "zh")
    assert 44 * config.text_scale >= 48  # the theme's touch rows grow past 48 px


def test_config_file_is_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("[kiosk]\nenabled = true\nidle_seconds = 30\nlanguage = 'en'\n", encoding="utf-8")
    config = load_config(path)
    assert config.enabled and config.idle_seconds == 30.0 and config.language == "en"
    path.write_text("[kiosk]\nidle_seconds = 'soon'\ncolour = 1\n", encoding="utf-8")
    with pytest.raises(KioskConfigError) as err:
        load_config(path)
    assert "kiosk.idle_seconds: expected float, got str" in str(err.value)
    assert "kiosk.colour: unknown setting" in str(err.value)


def test_config_refuses_bad_values_and_missing_named_file(tmp_path: Path) -> None:
    with pytest.raises(KioskConfigError, match=r"kiosk\.toml: kiosk\.countdown_seconds: must be from 3 to "
                       r"600 seconds, got 0"):
        parse_config({"kiosk": {"countdown_seconds": 0}})
    with pytest.raises(KioskConfigError, match="expected bool"):
        parse_config({"kiosk": {"hide_cursor": 1}})
    with pytest.raises(KioskConfigError, match="no such file"):
        load_config(tmp_path / "missing.toml")
    assert load_config() == KioskConfig()  # no file in the user data folder: defaults


# --- idle state machine -----------------------------------------------------------------------

def test_idle_then_countdown_then_reset() -> None:
    m = IdleMachine(90, 15, now=0)
    assert m.phase is Phase.ATTRACT and m.next_deadline() is None
    assert m.input(1) == [Step.START_VISIT]
    assert m.tick(50) == [] and m.next_deadline() == 91
    # Menus a visitor left open close first: they covered the question and took the touch.
    assert m.tick(91) == [Step.CLOSE_POPUPS, Step.SHOW_COUNTDOWN] and m.phase is Phase.COUNTDOWN
    assert m.seconds_left(91) == 15 and m.seconds_left(100.5) == 6
    assert m.tick(105.9) == []
    assert m.tick(106) == [Step.HIDE_COUNTDOWN, Step.RESET]
    assert m.phase is Phase.ATTRACT


def test_touch_during_countdown_keeps_the_visit() -> None:
    m = IdleMachine(10, 5, now=0)
    m.input(0)
    m.tick(10)
    assert m.input(12, wakes=False) == [] and m.phase is Phase.COUNTDOWN  # a drifting mouse is not an answer
    assert m.input(13) == [Step.HIDE_COUNTDOWN] and m.phase is Phase.ACTIVE
    assert m.tick(22) == [] and m.tick(23) == [Step.CLOSE_POPUPS, Step.SHOW_COUNTDOWN]


def test_input_keeps_the_visit_alive_and_moves_do_not_wake_the_attract_screen() -> None:
    m = IdleMachine(10, 5, now=0)
    assert m.input(1, wakes=False) == [] and m.phase is Phase.ATTRACT
    m.input(2)
    for t in range(3, 100, 3):
        m.input(t, wakes=False)
        assert m.tick(t) == []


def test_sleeping_through_the_countdown_resets_at_once() -> None:
    m = IdleMachine(10, 5, now=0)
    m.input(0)
    assert m.tick(3600) == [Step.RESET] and m.phase is Phase.ATTRACT


def test_reset_now_from_any_phase() -> None:
    m = IdleMachine(10, 5, now=0)
    assert m.reset() == [Step.RESET]
    m.input(0)
    m.tick(10)
    assert m.reset() == [Step.HIDE_COUNTDOWN, Step.RESET]


# --- staff PIN --------------------------------------------------------------------------------

def test_pin_is_stored_only_as_salted_scrypt() -> None:
    a, b = hash_pin("2468", n=FAST), hash_pin("2468", n=FAST)
    assert a != b  # fresh salt each time
    assert "2468" not in a and a.startswith(f"scrypt${FAST}$8$1$")
    assert verify_pin(a, "2468") and verify_pin(b, "2468")
    assert not verify_pin(a, "2469") and not verify_pin("garbage", "2468")
    assert len(bytes.fromhex(a.split("$")[4])) == 16


@pytest.mark.parametrize("bad", ["123", "1234567890123", "12a4", "１２３４", ""])
def test_pin_rules(bad: str) -> None:
    with pytest.raises(PinError):
        hash_pin(bad, n=FAST)


def test_wrong_pins_wait_longer_and_longer() -> None:
    store, clock = MemoryPinStore(), FakeClock()
    set_pin(store, "2468", n=FAST)
    guard = PinGuard(store, base_delay=1.0, max_delay=8.0, clock=clock)
    first, second = guard.try_pin("0000"), guard.try_pin("0000")
    assert first == Attempt(Outcome.WRONG, 1.0)
    assert second == Attempt(Outcome.WAIT, 1.0)  # too soon: refused unchecked ...
    assert store.failures == 1  # ... and the count did not grow
    delays = []
    for _ in range(5):
        clock.now += guard.wait_seconds()
        attempt = guard.try_pin("1111")
        assert attempt.outcome is Outcome.WRONG
        delays.append(attempt.wait_seconds)
    assert delays == [2.0, 4.0, 8.0, 8.0, 8.0]
    clock.now += 7.5
    assert guard.try_pin("2468").outcome is Outcome.WAIT  # even the right PIN waits
    clock.now += 0.5
    assert guard.try_pin("2468").outcome is Outcome.ACCEPTED
    assert store.failures == 0 and guard.wait_seconds() == 0


def test_a_clock_set_back_does_not_lock_staff_out() -> None:
    store, clock = MemoryPinStore(), FakeClock()
    set_pin(store, "2468", n=FAST)
    guard = PinGuard(store, clock=clock)
    guard.try_pin("0000")
    clock.now -= 3600
    assert guard.try_pin("2468").outcome is Outcome.ACCEPTED


def test_no_pin_set() -> None:
    assert PinGuard(MemoryPinStore()).try_pin("2468").outcome is Outcome.NOT_SET


def test_pin_and_failures_live_in_the_user_database_as_device_settings(tmp_path: Path) -> None:
    from guide.user.db import open_user_db
    from guide.user.session import end_visitor_session, start_visitor_session

    opened = open_user_db(tmp_path / "user.db")
    store = UserDbPinStore(opened.db)
    assert store.load_record() is None
    set_pin(store, "97531", n=FAST)
    start_visitor_session(opened.db)
    PinGuard(store, clock=FakeClock()).try_pin("1")
    end_visitor_session(opened.db)  # a visitor leaving must not take the PIN or the count
    assert verify_pin(store.load_record() or "", "97531")
    assert store.load_failures()[0] == 1
    opened.close()
    raw = (tmp_path / "user.db").read_bytes()
    assert b"97531" not in raw


# --- system helpers ---------------------------------------------------------------------------

def test_reduced_motion_can_be_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    from guide.kiosk.system import prefers_reduced_motion

    monkeypatch.setenv("ZGC_GUIDE_REDUCED_MOTION", "1")
    assert prefers_reduced_motion() is True
    monkeypatch.setenv("ZGC_GUIDE_REDUCED_MOTION", "0")
    assert prefers_reduced_motion() is False


def test_screen_keeper_uses_xset_on_x11_and_undoes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from guide.kiosk.system import ScreenKeeper

    calls = tmp_path / "calls"
    xset = tmp_path / "xset"
    xset.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n', encoding="utf-8")
    xset.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    keeper = ScreenKeeper()
    assert keeper.hold("linux") == "xset"
    keeper.release()
    assert calls.read_text(encoding="utf-8").splitlines() == ["s off -dpms", "s on +dpms"]


def test_screen_keeper_without_any_means_says_none(monkeypatch: pytest.MonkeyPatch) -> None:
    from guide.kiosk.system import ScreenKeeper

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    keeper = ScreenKeeper()
    assert keeper.hold("linux") == "none"
    keeper.release()  # nothing to undo, no error


def _resident_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_memory_a_visit_freed_goes_back_to_the_system() -> None:
    # Linux (CI and the kiosk images): 80 MB of pages, freed but for a few survivors that pin
    # the heap, stay resident until the reset hands them back.
    blocks = [bytearray(4000) for _ in range(20_000)]  # above pymalloc's limit: from malloc
    survivors = blocks[::50]
    del blocks
    before = _resident_bytes()
    assert release_free_memory()
    assert _resident_bytes() < before - 40 * 2**20
    assert len(survivors) == 400
