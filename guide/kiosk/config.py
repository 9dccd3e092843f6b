"""The kiosk's settings: a small TOML file, every key optional.

```toml
[kiosk]
enabled = true            # plain `guide` starts the kiosk (the supervisors pass --kiosk anyway)
idle_seconds = 90         # no input this long: "Are you still there?"
countdown_seconds = 15    # then the visitor's session is reset
language = "zh"           # the language every visitor starts in

[position]                # where this kiosk stands: "You are here" on every plan of that map
map = "ground-floor"      # a [[map]] id of the content pack
x = 480                   # in the plan image's coordinates
y = 330
```

The file lives in the user data folder (``kiosk.toml``) unless ``--kiosk-config``
names another. Plain Python: no Qt.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guide.content.maps import MAP_ID, Position
from guide.kiosk import CONFIG_NAME

if TYPE_CHECKING:
    from guide.updates.config import ConfigChoice

CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")


class KioskConfigError(ValueError):
    """The kiosk settings file cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class KioskConfig:
    """Everything the kiosk can be told; the defaults suit an exhibition hall."""

    enabled: bool = False
    idle_seconds: float = 90.0
    countdown_seconds: float = 15.0
    language: str = "zh"
    text_scale: float = 1.35  # theme sizes x this; 44 px touch rows become 59 px
    min_touch_px: int = 48
    hide_cursor: bool = False
    attract_seconds: float = 8.0  # one highlight of the attract screen
    reduced_motion: bool | None = None  # None: ask the system
    exit_corner: str = "bottom-left"
    exit_hold_seconds: float = 3.0
    exit_corner_px: int = 64
    exit_chord: str = "Ctrl+Alt+Shift+K"
    pin_delay_seconds: float = 1.0  # wait after the first wrong PIN, doubled for each one after
    pin_max_delay_seconds: float = 300.0
    keep_screen_on: bool = True
    catch_exceptions: bool = True  # log unhandled exceptions and show Home instead of dying
    full_screen: bool = True
    # Read-only set-ups (packaging/kiosk/README.md, "Settings the kiosk cannot change"): the
    # staff PIN's hash (`guide kiosk set-pin --print-hash`) and the updates.toml to use, both
    # in a file the kiosk account can read but not write.
    pin_hash: str | None = None
    updates_config: str | None = None
    position: Position | None = None  # [position]: "You are here" on the plans of one map

    def __post_init__(self) -> None:
        if not getattr(self, "_unchecked", False):
            problems = validate(self)
            if problems:
                raise KioskConfigError("; ".join(problems))

    @classmethod
    def unchecked(cls, **values: Any) -> KioskConfig:
        """A config built without checks, only to list all of its problems."""
        config = object.__new__(cls)
        object.__setattr__(config, "_unchecked", True)
        for f in dataclasses.fields(cls):
            object.__setattr__(config, f.name, values.get(f.name, f.default))
        return config


# (smallest a settings file may give, largest anyone may give). Code and tests may go below
# the file's minimum (fast test clocks); nothing may exceed the maximum, which also keeps
# every timer inside Qt's 32-bit milliseconds (24 days).
RANGES: dict[str, tuple[float, float, str]] = {
    "idle_seconds": (10, 86_400, "seconds"),
    "countdown_seconds": (3, 600, "seconds"),
    "attract_seconds": (1, 600, "seconds"),
    "exit_hold_seconds": (0.5, 60, "seconds"),
    "pin_delay_seconds": (0.1, 3_600, "seconds"),
    "pin_max_delay_seconds": (1, 86_400, "seconds"),
    "text_scale": (1.0, 2.0, "x"),
    "min_touch_px": (16, 512, "px"),
    "exit_corner_px": (16, 512, "px"),
}


def _number(value: float) -> str:
    return f"{value:g}"


def validate(config: KioskConfig, *, from_file: bool = False) -> list[str]:
    """What is wrong with ``config``, one ``kiosk.KEY: message`` each (empty when usable).

    ``from_file`` also applies the smallest values a settings file may give.
    """
    problems = []
    for name, (low, high, unit) in RANGES.items():
        value = getattr(config, name)
        floor = low if from_file or name in ("text_scale", "min_touch_px", "exit_corner_px") else 0
        if not math.isfinite(value) or value > high or value < floor or (floor == 0 and value <= 0):
            lowest = _number(low) if from_file else "more than 0"
            problems.append(f"kiosk.{name}: must be from {lowest} to {_number(high)} {unit}, "
                            f"got {_number(value)}")
    if config.pin_max_delay_seconds < config.pin_delay_seconds:
        problems.append("kiosk.pin_max_delay_seconds: must not be less than pin_delay_seconds")
    if config.language not in ("zh", "en"):
        problems.append("kiosk.language: must be 'zh' or 'en'")
    if config.exit_corner not in CORNERS:
        problems.append(f"kiosk.exit_corner: must be one of {', '.join(CORNERS)}")
    if config.pin_hash is not None and (not config.pin_hash.startswith("scrypt$")
                                        or config.pin_hash.count("$") != 5):
        problems.append("kiosk.pin_hash: not a PIN hash; make one with `guide kiosk set-pin --print-hash`")
    return problems


def default_config_path() -> Path:
    """``kiosk.toml`` in the user data folder."""
    from guide import paths

    return paths.user_data_dir() / CONFIG_NAME


def _types() -> dict[str, tuple[type, ...]]:
    kinds: dict[str, tuple[type, ...]] = {}
    for f in dataclasses.fields(KioskConfig):
        if f.name == "position":  # its own [position] table
            continue
        default = f.default
        if f.name == "reduced_motion" or isinstance(default, bool):
            kinds[f.name] = (bool,)
        elif isinstance(default, float):
            kinds[f.name] = (int, float)
        elif isinstance(default, int):
            kinds[f.name] = (int,)
        else:
            kinds[f.name] = (str,)
    return kinds


TABLES = ("kiosk", "position")  # a kiosk.toml's tables; any other is a typo ([kisok]) or misplaced


def parse_config(data: dict[str, Any], source: str = "kiosk.toml") -> KioskConfig:
    """A config from the ``[kiosk]`` table of parsed TOML; errors name ``source`` and the key."""
    table = data.get("kiosk", {})
    if not isinstance(table, dict):
        raise KioskConfigError(f"{source}: [kiosk] must be a table")
    kinds = _types()
    values: dict[str, Any] = {}
    # An unknown table had been ignored: a [kisok] dropped its pin_hash and updates_config
    # without a word, and the kiosk started with neither.
    problems = [f"{source}: {name}: " + ("unknown table; kiosk.toml has [kiosk] and [position]"
                                          if isinstance(data[name], dict) else
                                          "a setting outside any table; settings go under [kiosk]")
                for name in data if name not in TABLES]
    for key, value in table.items():
        if key not in kinds:
            problems.append(f"{source}: kiosk.{key}: unknown setting")
        elif (isinstance(value, bool) and bool not in kinds[key]) or not isinstance(value, kinds[key]):
            problems.append(f"{source}: kiosk.{key}: expected {kinds[key][-1].__name__}, "
                            f"got {type(value).__name__}")
        else:
            values[key] = float(value) if float in kinds[key] else value  # type: ignore[arg-type]
    position = data.get("position")
    if position is not None:
        try:
            values["position"] = parse_position(position)
        except ValueError as exc:
            problems.append(f"{source}: {exc}")
    if problems:
        raise KioskConfigError("; ".join(problems))
    problems = validate(KioskConfig.unchecked(**values), from_file=True)
    if problems:  # every problem, each with the file's name
        raise KioskConfigError("; ".join(f"{source}: {p}" for p in problems))
    return KioskConfig(**values)


POSITION_LIMIT = 100_000.0  # a plan's largest size in the pack format


def parse_position(table: Any) -> Position:
    """The ``[position]`` table: ``map`` (a map id), ``x`` and ``y`` (numbers in its image)."""
    if not isinstance(table, dict):
        raise ValueError("[position] must be a table with map, x and y")
    unknown = sorted(set(table) - {"map", "x", "y"})
    if unknown:
        raise ValueError(f"position.{unknown[0]}: unknown setting")
    map_id = table.get("map")
    if not isinstance(map_id, str) or not MAP_ID.match(map_id):
        raise ValueError("position.map: must name a map id (lower-case letters, digits, -)")
    coords = []
    for key in ("x", "y"):
        value = table.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"position.{key}: must be a number")
        if not math.isfinite(value) or not 0 <= value <= POSITION_LIMIT:
            raise ValueError(f"position.{key}: must be from 0 to {POSITION_LIMIT:g}, got {value:g}")
        coords.append(float(value))
    return Position(map_id, coords[0], coords[1])


def load_config(path: Path | None = None) -> KioskConfig:
    """The settings in ``path`` (default: ``kiosk.toml`` in the user data folder).

    A missing default file gives the defaults; a missing file that was named explicitly,
    unreadable TOML or a bad value raises :class:`KioskConfigError`.
    """
    explicit = path is not None
    path = path if path is not None else default_config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if explicit:
            raise KioskConfigError(f"{path}: no such file") from None
        return KioskConfig()
    except OSError as exc:
        raise KioskConfigError(f"{path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:  # had been a traceback at start-up
        raise KioskConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KioskConfigError(f"{path}: {exc}") from None
    config = parse_config(data, str(path))
    if not config.updates_config:
        return config
    # Beside kiosk.toml, not in the current folder: a kiosk started by systemd runs in the kiosk
    # account's home, where that account could put an updates.toml of its own (or none).
    named = Path(os.path.normpath(path.absolute().parent / config.updates_config))
    if not named.is_file():  # a typo had left the kiosk without updates, silently
        what = "no such file" if not named.exists() else "not a file"
        raise KioskConfigError(f"{path}: kiosk.updates_config: {named}: {what}")
    return dataclasses.replace(config, updates_config=str(named))


_ENABLED_LINE = re.compile(r"^[ \t]*enabled[ \t]*=(?![ \t]*false\b)", re.MULTILINE)


def asks_for_kiosk(path: Path) -> bool:
    """Whether the settings file at ``path``, even one :func:`load_config` refuses, may ask for
    kiosk mode (an ``enabled`` that is not ``false``, in any table).

    A file that cannot be read is taken as asking: a kiosk must refuse to start rather than
    open the ordinary window, with its staff menu and no PIN, to the public.
    """
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return False
    except OSError:
        return True
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:  # broken TOML: look for the line itself
        return bool(_ENABLED_LINE.search(text))
    tables = [data, *(value for value in data.values() if isinstance(value, dict))]
    return any("enabled" in table and table["enabled"] is not False for table in tables)


def updates_config_file(kiosk_config: Path | None = None) -> ConfigChoice:
    """The updates config the kiosk reads, and why that one: the ``updates_config`` of the kiosk
    settings (``kiosk_config``, else kiosk.toml in the user data folder), else updates.toml in
    the user data folder. ``guide update ...`` and the window's staff menu both use it: the
    staff menu had read the user data folder's alone, and refused the content team's pack on a
    kiosk whose trusted keys are in a root-owned updates.toml.

    Raises :class:`~guide.updates.config.ConfigError` when the kiosk settings cannot be used,
    given or the default ones: they may name where updates come from, and a kiosk refuses to
    start on them. (The default ones had been skipped with a warning: `update status` showed the
    user data folder's source, and `update apply` polled it.)
    """
    from guide.updates.config import ConfigChoice, ConfigError
    from guide.updates.config import default_config_path as default_updates

    try:
        kiosk = load_config(kiosk_config)
    except KioskConfigError as exc:
        raise ConfigError(f"kiosk settings: {exc}") from None
    if kiosk.updates_config:
        return ConfigChoice(Path(kiosk.updates_config),
                            f"updates_config in {kiosk_config or default_config_path()}")
    return ConfigChoice(default_updates(), "the user data folder's")
