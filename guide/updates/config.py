"""A machine's updates config (``updates.toml``): where it gets content updates, whom it trusts,
and how long a poll may take.

Read by the kiosk at start, by ``guide update check|apply|status`` and by ``guide pack
publish`` (its trusted keys). Every value is checked against its range and unit; a bad file
is refused whole, naming each problem, so a kiosk never polls with half a config.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from pathlib import Path

from guide.updates.fetch import is_url
from guide.updates.guidepack import DEFAULT_LIMITS, Limits
from guide.updates.keys import KeyFileError, PublicKey, load_public_keys


class ConfigError(ValueError):
    """The updates config file is unusable; the message says where and why."""


@dataclass(frozen=True)
class UpdateConfig:
    """Where a machine gets content updates and whom it trusts.

    File form (``<user data>/updates.toml`` by default)::

        [updates]
        source = "https://share.example.org/zgc/"   # or a folder: "/media/usb/zgc"
        trusted_keys = ["keys/content-team.pub", "ed25519 nq/awPW... ZGC content team"]
        poll_minutes = 10        # 1-1440
        timeout_seconds = 30     # 1-300: one network read (connect, each chunk)
        deadline_minutes = 30    # 1-240: a whole poll, index and pack download together
        max_download_mb = 512    # 1-4096
    """

    source: str | None = None
    trusted_keys: tuple[PublicKey, ...] = ()
    poll_seconds: float = 600.0
    timeout_seconds: float = 30.0
    download_deadline_seconds: float = 1800.0
    limits: Limits = DEFAULT_LIMITS


@dataclass(frozen=True)
class ConfigChoice:
    """Which updates config a machine uses (``path``) and why that one (``why``: "--config",
    "updates_config in FILE", "the user data folder's")."""

    path: Path
    why: str

    def __str__(self) -> str:
        return f"{self.path} ({self.why})"


def default_config_path() -> Path:
    """``<user data folder>/updates.toml``."""
    from guide import paths

    return paths.user_data_dir() / "updates.toml"


# (smallest, largest, default, unit) of each number in updates.toml: a poll every minute at
# most and once a day at least; a whole poll (index and pack) may take up to four hours.
_RANGES: dict[str, tuple[float, float, float, str]] = {
    "poll_minutes": (1, 1440, 10, "minutes"),
    "timeout_seconds": (1, 300, 30, "seconds"),
    "deadline_minutes": (1, 240, 30, "minutes"),
    "max_download_mb": (1, 4096, DEFAULT_LIMITS.max_archive_bytes / (1024 * 1024), "MB"),
}
_KNOWN = {"source", "trusted_keys", *_RANGES}


def load_update_config(path: Path | None = None) -> UpdateConfig:
    """Read the updates config; a missing file means no source and no trusted keys.

    Every value is checked against its range and unit; a bad file raises
    :class:`ConfigError` listing each problem as ``FILE: updates.KEY: message``.
    """
    path = Path(path) if path is not None else default_config_path()
    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
    except FileNotFoundError:
        return UpdateConfig()
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    section = raw.get("updates", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: updates: must be a table ([updates])")
    # Anything beside [updates] had been ignored: an [update] (or no header at all) gave a
    # machine with no source and no keys that never polled, and `update status` said nothing.
    problems = [f"{path}: {name}: " + ("unknown table; updates.toml has only [updates]"
                                       if isinstance(raw[name], dict) else
                                       "a setting outside any table; settings go under [updates]")
                for name in raw if name != "updates"]
    problems += [f"{path}: updates.{key}: unknown setting" for key in sorted(set(section) - _KNOWN)]
    numbers: dict[str, float] = {}
    for key, (low, high, default, unit) in _RANGES.items():
        value = section.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(f"{path}: updates.{key}: expected a number of {unit}, got {value!r}")
        elif not (math.isfinite(value) and low <= value <= high):
            problems.append(f"{path}: updates.{key}: must be from {low:g} to {high:g} {unit}, "
                            f"got {value!r}")
        else:
            numbers[key] = float(value)
    source = section.get("source")
    if source is not None and (not isinstance(source, str) or not source.strip()):
        problems.append(f"{path}: updates.source: must be a folder path or an http(s) URL, got {source!r}")
    elif isinstance(source, str) and "://" in source and not is_url(source) \
            and not source.startswith("file://"):
        problems.append(f"{path}: updates.source: only http(s):// URLs and folders, got {source!r}")
    try:
        keys = load_public_keys(section.get("trusted_keys", []), base_dir=path.parent)
    except KeyFileError as exc:
        problems.append(f"{path}: updates.trusted_keys: {exc}")
    if problems:
        raise ConfigError("; ".join(problems))
    return UpdateConfig(
        source=source or None, trusted_keys=keys,
        poll_seconds=numbers["poll_minutes"] * 60,
        timeout_seconds=numbers["timeout_seconds"],
        download_deadline_seconds=numbers["deadline_minutes"] * 60,
        limits=Limits(max_archive_bytes=int(numbers["max_download_mb"] * 1024 * 1024))
        if "max_download_mb" in section else DEFAULT_LIMITS,
    )
