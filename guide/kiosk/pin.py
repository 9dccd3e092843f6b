"""The staff PIN: stored only as a salted scrypt hash; wrong tries wait longer and longer.

The record is ``scrypt$n$r$p$salt$hash`` (hex), kept in the user database as a device
setting (never a visitor's), and so is the count of wrong tries, so restarting the
kiosk does not reset the delay. Plain Python: no Qt.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

PIN_KEY = "kiosk.pin"
FAILURES_KEY = "kiosk.pin_failures"
MIN_LENGTH, MAX_LENGTH = 4, 12
# n=2**14, r=8 takes 16 MiB and ~50 ms per check: cheap for staff, slow for guessing.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16


class PinError(ValueError):
    """A PIN that cannot be set (wrong length or not all digits)."""


def check_new_pin(pin: str) -> None:
    """Raise :class:`PinError` unless ``pin`` is 4 to 12 digits."""
    if not (pin.isascii() and pin.isdigit()):
        raise PinError("the PIN must be digits only (the PIN pad has no letters)")
    if not MIN_LENGTH <= len(pin) <= MAX_LENGTH:
        raise PinError(f"the PIN must have {MIN_LENGTH} to {MAX_LENGTH} digits")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * r * n + 2**20, dklen=32)


def hash_pin(pin: str, *, n: int = SCRYPT_N, salt: bytes | None = None) -> str:
    """The record to store for ``pin``: a fresh random salt and its scrypt hash."""
    check_new_pin(pin)
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    digest = _scrypt(pin, salt, n, SCRYPT_R, SCRYPT_P)
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_pin(record: str, pin: str) -> bool:
    """True when ``pin`` matches the stored ``record`` (compared in constant time)."""
    try:
        scheme, n, r, p, salt, digest = record.split("$")
        if scheme != "scrypt":
            return False
        expected = bytes.fromhex(digest)
        actual = _scrypt(pin, bytes.fromhex(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


class PinStore(Protocol):
    """Where the hash and the count of wrong tries live."""

    def load_record(self) -> str | None: ...
    def save_record(self, record: str | None) -> None: ...
    def load_failures(self) -> tuple[int, float]: ...
    def save_failures(self, count: int, last: float) -> None: ...


@dataclass
class MemoryPinStore:
    """A store in memory (tests)."""

    record: str | None = None
    failures: int = 0
    last_failure: float = 0.0

    def load_record(self) -> str | None:
        return self.record

    def save_record(self, record: str | None) -> None:
        self.record = record

    def load_failures(self) -> tuple[int, float]:
        return self.failures, self.last_failure

    def save_failures(self, count: int, last: float) -> None:
        self.failures, self.last_failure = count, last


class ReadOnlyPinStore:
    """The hash from a settings file the kiosk account cannot write; wrong tries counted elsewhere.

    Changing the PIN is refused here: an administrator edits the file instead.
    """

    def __init__(self, record: str, failures: PinStore) -> None:
        self.record = record
        self.failures = failures

    def load_record(self) -> str | None:
        return self.record

    def save_record(self, record: str | None) -> None:
        raise PinError("the staff PIN is set by pin_hash in the kiosk settings file; an administrator "
                       "changes it there")

    def load_failures(self) -> tuple[int, float]:
        return self.failures.load_failures()

    def save_failures(self, count: int, last: float) -> None:
        self.failures.save_failures(count, last)


class UserDbPinStore:
    """The hash and the wrong-try count as device settings of the user database."""

    def __init__(self, db: object) -> None:
        self.db = db  # sqlite3.Connection of guide.user.db

    def _get(self, key: str) -> object:
        row = self.db.execute(  # type: ignore[attr-defined]
            "SELECT value FROM setting WHERE scope = '' AND key = ?", [key]).fetchone()
        return None if row is None else json.loads(row[0])

    def _set(self, key: str, value: object) -> None:
        if value is None:
            self.db.execute("DELETE FROM setting WHERE scope = '' AND key = ?",  # type: ignore[attr-defined]
                            [key])
        else:
            self.db.execute(  # type: ignore[attr-defined]
                "INSERT OR REPLACE INTO setting (scope, key, value) VALUES ('', ?, ?)",
                [key, json.dumps(value)])

    def load_record(self) -> str | None:
        value = self._get(PIN_KEY)
        return value if isinstance(value, str) else None

    def save_record(self, record: str | None) -> None:
        self._set(PIN_KEY, record)

    def load_failures(self) -> tuple[int, float]:
        value = self._get(FAILURES_KEY)
        if isinstance(value, dict):
            return int(value.get("count", 0)), float(value.get("last", 0.0))
        return 0, 0.0

    def save_failures(self, count: int, last: float) -> None:
        self._set(FAILURES_KEY, {"count": count, "last": last} if count else None)


def set_pin(store: PinStore, pin: str, *, n: int = SCRYPT_N) -> None:
    """Store a new PIN (as a hash) and forget earlier wrong tries."""
    store.save_record(hash_pin(pin, n=n))
    store.save_failures(0, 0.0)


class Outcome(StrEnum):
    """How a PIN try went."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    WAIT = "wait"  # refused unchecked: the delay after the last wrong try is still running
    NOT_SET = "not_set"


@dataclass(frozen=True)
class Attempt:
    """The outcome of a try and how long until the next one is checked."""

    outcome: Outcome
    wait_seconds: float = 0.0


class PinGuard:
    """Checks PIN tries against the store with a growing delay after wrong ones.

    After the n-th wrong try in a row, tries are refused unchecked for
    ``base * 2**(n-1)`` seconds (at most ``max_delay``); the right PIN resets the count.
    """

    def __init__(self, store: PinStore, *, base_delay: float = 1.0, max_delay: float = 300.0,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.clock = clock

    def delay_after(self, failures: int) -> float:
        """The wait after ``failures`` wrong tries in a row."""
        if failures <= 0:
            return 0.0
        return min(self.max_delay, self.base_delay * 2 ** min(failures - 1, 30))

    def wait_seconds(self) -> float:
        """How long until a try is checked again (0: now)."""
        failures, last = self.store.load_failures()
        now = self.clock()
        if failures == 0 or now < last:  # a clock set back must not lock staff out for ever
            return 0.0
        return max(0.0, last + self.delay_after(failures) - now)

    def try_pin(self, pin: str) -> Attempt:
        """Check ``pin`` unless the delay after earlier wrong tries is still running."""
        record = self.store.load_record()
        if record is None:
            return Attempt(Outcome.NOT_SET)
        wait = self.wait_seconds()
        if wait > 0:
            return Attempt(Outcome.WAIT, wait)
        if verify_pin(record, pin):
            self.store.save_failures(0, 0.0)
            return Attempt(Outcome.ACCEPTED)
        failures, _last = self.store.load_failures()
        failures += 1
        self.store.save_failures(failures, self.clock())
        return Attempt(Outcome.WRONG, self.delay_after(failures))
