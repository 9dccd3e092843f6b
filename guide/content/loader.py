"""Read a content pack folder and validate it completely before anything is written.

Every problem is reported as ``FILE: PATH.TO.FIELD: message`` and all of them are
collected, so an editor fixes a pack in one pass instead of one error per run.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from guide.content.geometry import inside_image
from guide.content.image_size import ImageSizeError, image_size
from guide.content.models import KINDS
from guide.content.pack import PackFile, PackInfo, PackMeta, Ref
from guide.content.pack_folder import (
    IMAGE_SUFFIXES,
    MAP_SUFFIXES,
    PACK_META,
    fingerprint,
    pack_files,
)

SIZE_TOLERANCE = 0.5  # image units: a declared size rounded to the unit is the image's


@dataclass(frozen=True)
class PackError:
    """One validation problem, located by file and field path."""

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path}: {self.message}"


class PackInvalid(Exception):
    """The pack has errors; ``errors`` lists all of them."""

    def __init__(self, errors: list[PackError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass(frozen=True)
class Located:
    """An item with where it came from, so later checks can point at it."""

    file: str
    path: str
    item: Any


@dataclass
class Pack:
    """A validated pack: its identity, its items by kind, its images and fingerprint."""

    root: Path
    info: PackInfo
    items: dict[str, list[Located]] = field(default_factory=dict)
    images: dict[str, Path] = field(default_factory=dict)
    fingerprint: str = ""
    maps: list[Located] = field(default_factory=list)  # floor plans ([[map]]), not items

    def of(self, kind: str) -> list[Any]:
        """The validated items of one kind, in file order."""
        return [loc.item for loc in self.items.get(kind, [])]

    def count(self) -> int:
        """How many items the pack holds in all."""
        return sum(len(v) for v in self.items.values())


# Where each kind refers to other items: (dotted attribute path, target kind or "ref").
# "*" walks a list; "ref" means the value is a Ref that names its own kind.
REFERENCES: dict[str, list[tuple[str, str]]] = {
    "forum": [
        ("organisers.*.org", "organization"),
        ("speakers.*.person", "person"),
        ("launches.*.by.*.org", "organization"),
        ("source", "announcement"),
        ("room", "room"),
        ("track", "track"),
    ],
    "area": [("parent", "area"), ("source", "announcement")],
    "announcement": [("reporter", "person"), ("mentions.*", "ref")],
    "photo": [("photographer", "person"), ("area", "area"), ("announcement", "announcement")],
    "person": [("organization", "organization")],
    "organization": [("parent", "organization")],
    "figure": [("source", "ref"), ("about.*", "ref")],
}


def _read(path: Path, rel: str, errors: list[PackError]) -> dict[str, Any] | None:
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        errors.append(PackError(rel, "(file)", f"not UTF-8 text: {exc.reason} at byte {exc.start}"))
        return None
    try:
        data = tomllib.loads(raw) if path.suffix == ".toml" else json.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        errors.append(PackError(rel, "(file)", f"malformed TOML: {exc}"))
        return None
    except json.JSONDecodeError as exc:
        errors.append(PackError(rel, "(file)", f"malformed JSON: {exc.msg} (line {exc.lineno})"))
        return None
    if not isinstance(data, dict):
        errors.append(PackError(rel, "(file)", "top level must be a table of item arrays"))
        return None
    return data


def _validation_errors(rel: str, exc: ValidationError) -> Iterator[PackError]:
    for err in exc.errors(include_url=False):
        path = ".".join(str(p) for p in err["loc"]) or "(file)"
        message = err["msg"]
        if err["type"] == "extra_forbidden" and len(err["loc"]) == 1:
            message = f"unknown kind {err['loc'][0]!r}; expected one of {', '.join(KINDS)}"
        elif err["type"] == "extra_forbidden":
            message = "unknown field"
        yield PackError(rel, path, message)


def _walk(obj: Any, parts: list[str], path: str) -> Iterator[tuple[str, Any]]:
    if obj is None:
        return
    if not parts:
        yield path, obj
        return
    head, rest = parts[0], parts[1:]
    if head == "*":
        for i, value in enumerate(obj):
            yield from _walk(value, rest, f"{path}.{i}")
    else:
        yield from _walk(getattr(obj, head), rest, f"{path}.{head}")


def _check_references(pack: Pack, errors: list[PackError]) -> None:
    ids: dict[str, dict[str, Located]] = {kind: {} for kind in KINDS}
    for kind in KINDS:
        for loc in pack.items.get(kind, []):
            first = ids[kind].get(loc.item.id)
            if first is not None:
                errors.append(
                    PackError(loc.file, f"{loc.path}.id",
                              f"duplicate {kind} id {loc.item.id!r} "
                              f"(first defined in {first.file}: {first.path})")
                )
            else:
                ids[kind][loc.item.id] = loc
    for kind, refs in REFERENCES.items():
        for loc in pack.items.get(kind, []):
            for attr_path, target in refs:
                for path, value in _walk(loc.item, attr_path.split("."), loc.path):
                    target_kind, target_id = (
                        (value.kind, value.id) if isinstance(value, Ref) else (target, value)
                    )
                    if target_id not in ids[target_kind]:
                        errors.append(
                            PackError(loc.file, path, f"unknown {target_kind} id {target_id!r}")
                        )


def _check_images(pack: Pack, errors: list[PackError]) -> None:
    for kind in ("area", "photo"):
        for loc in pack.items.get(kind, []):
            image = loc.item.image
            if image is None:
                continue
            found = _image_path(pack, image, IMAGE_SUFFIXES)
            if isinstance(found, str):
                errors.append(PackError(loc.file, f"{loc.path}.image", found))
            else:
                pack.images[image] = found


def _image_path(pack: Pack, image: str, suffixes: tuple[str, ...]) -> Path | str:
    """The file ``image`` names inside the pack, or what is wrong with it."""
    path = (pack.root / image).resolve()
    if pack.root.resolve() not in path.parents:
        return "path leaves the pack folder"
    if path.suffix.lower() not in suffixes:
        return f"not an image file type ({', '.join(suffixes)})"
    if not path.is_file():
        return f"file not found: {image}"
    return path


def _check_maps(pack: Pack, errors: list[PackError]) -> None:
    """Each plan's image is in the pack; its regions lie inside it and link to existing items."""
    known = {kind: {loc.item.id for loc in pack.items.get(kind, [])} for kind in KINDS}
    seen: dict[str, Located] = {}
    for loc in pack.maps:
        plan = loc.item
        if plan.id in seen:
            first = seen[plan.id]
            errors.append(PackError(loc.file, f"{loc.path}.id", f"duplicate map id {plan.id!r} "
                                    f"(first defined in {first.file}: {first.path})"))
        seen.setdefault(plan.id, loc)
        found = _image_path(pack, plan.image, MAP_SUFFIXES)
        if isinstance(found, str):
            errors.append(PackError(loc.file, f"{loc.path}.image", found))
        else:
            pack.images[plan.image] = found
            errors += _size_errors(loc, found)
        size = f"{plan.width:g}×{plan.height:g}"
        region_ids: set[str] = set()
        for j, region in enumerate(plan.regions):
            path = f"{loc.path}.regions.{j}"
            if region.id in region_ids:
                errors.append(PackError(loc.file, f"{path}.id", f"duplicate region id {region.id!r}"))
            region_ids.add(region.id)
            for x, y in region.points:
                if not inside_image((x, y), plan.width, plan.height):
                    errors.append(PackError(loc.file, f"{path}.points",
                                            f"point ({x:g}, {y:g}) lies outside the {size} image"))
                    break
            if region.link.id not in known[region.link.kind]:
                errors.append(PackError(loc.file, f"{path}.link",
                                        f"links to unknown {region.link.kind} {region.link.id!r}"))


def _size_errors(loc: Located, path: Path) -> list[PackError]:
    """The plan's declared width and height against its image's own size (regions are in
    the image's coordinates: a plan declared at another size puts them in the wrong place)."""
    plan = loc.item
    try:
        width, height, source = image_size(path)
    except (ImageSizeError, OSError) as exc:
        return [PackError(loc.file, f"{loc.path}.image", f"cannot read the size of {plan.image}: {exc}")]
    errors = []
    for name, declared, real in (("width", plan.width, width), ("height", plan.height, height)):
        if abs(declared - real) > SIZE_TOLERANCE:
            errors.append(PackError(loc.file, f"{loc.path}.{name}", (
                f"{name} {declared:g} does not match the image {plan.image}, which is "
                f"{width:g}×{height:g} by {source}")))
    return errors


def _missing_english(obj: BaseModel, path: str) -> Iterator[tuple[str, str]]:
    """(path, message) for every Chinese field of ``obj`` (and its parts) whose ``_en`` is absent.

    A field ``F`` is Chinese text when the model also has ``F_en``; lists of strings
    need a parallel list of the same length.
    """
    names = type(obj).model_fields
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, BaseModel):
            yield from _missing_english(value, f"{path}.{name}")
        elif isinstance(value, list):
            for i, part in enumerate(value):
                if isinstance(part, BaseModel):
                    yield from _missing_english(part, f"{path}.{name}.{i}")
        if f"{name}_en" not in names or value in (None, []):
            continue
        english = getattr(obj, f"{name}_en")
        if english is None:
            yield f"{path}.{name}_en", f"missing English for {name}"
        elif isinstance(value, list) and len(english) != len(value):
            yield (f"{path}.{name}_en",
                   f"has {len(english)} entries but {name} has {len(value)}; give one for each")


def _check_english(pack: Pack, errors: list[PackError]) -> None:
    if "en" not in pack.info.languages or "zh" not in pack.info.languages:
        return
    for kind in KINDS:
        for loc in pack.items.get(kind, []):
            for path, message in _missing_english(loc.item, loc.path):
                errors.append(PackError(
                    loc.file, path, f"{message} ({PACK_META} declares languages zh and en)"))


def load_pack(root: Path) -> Pack:
    """Read and validate the pack at ``root``; raise :class:`PackInvalid` listing every error."""
    root = Path(root)
    errors: list[PackError] = []
    if not (root / PACK_META).is_file():
        raise PackInvalid([PackError(str(root), "(folder)", f"no {PACK_META}: not a content pack")])
    info: PackInfo | None = None
    meta = _read(root / PACK_META, PACK_META, errors)
    if meta is not None:
        try:
            info = PackMeta.model_validate(meta).pack
        except ValidationError as exc:
            errors.extend(_validation_errors(PACK_META, exc))
    items: dict[str, list[Located]] = {}
    maps: list[Located] = []
    for path in pack_files(root):
        rel = path.relative_to(root).as_posix()
        data = _read(path, rel, errors)
        if data is None:
            continue
        try:
            parsed = PackFile.model_validate(data)
        except ValidationError as exc:
            errors.extend(_validation_errors(rel, exc))
            continue
        for kind in KINDS:
            for i, item in enumerate(getattr(parsed, kind)):
                items.setdefault(kind, []).append(Located(rel, f"{kind}.{i}", item))
        maps += [Located(rel, f"map.{i}", plan) for i, plan in enumerate(parsed.map)]
    if errors or info is None:
        raise PackInvalid(errors)
    pack = Pack(root=root, info=info, items=items, maps=maps)
    _check_references(pack, errors)
    _check_images(pack, errors)
    _check_maps(pack, errors)
    _check_english(pack, errors)
    if errors:
        raise PackInvalid(errors)
    pack.fingerprint = fingerprint(root)
    return pack
