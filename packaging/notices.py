"""Third-party notices, generated from what a frozen bundle actually holds.

The spec calls :func:`write` with PyInstaller's lists of what goes into the bundle (the
Python modules frozen into the executable's archive, and every binary and data file). Each
file and module is traced to a component:

- a Python distribution (``importlib.metadata``: its licence expression and licence files);
- Qt (the ``libQt6*`` libraries and plugins) and ICU, shipped by the PySide6 wheel;
- a system library PyInstaller copied from the build machine (``SYSTEM_LIBRARIES``);
- Python itself, the PyInstaller bootloader, the bundled font, and the guide's own files.

Anything that matches none of them stops the build: a new library must have its licence
recorded here before it ships. Two files come out: ``THIRD-PARTY-NOTICES.txt`` (bundled on
every platform; the About dialog shows it) and ``third-party.json`` (components and their
files, from which packaging/build.py writes the .deb's machine-readable copyright).
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import platform
import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"
COMPONENTS_NAME = "third-party.json"


@dataclass
class Component:
    """One third-party (or own) part of the bundle and the files it contributes."""

    name: str
    version: str
    licence: str  # an SPDX expression
    copyright: str
    files: list[str] = field(default_factory=list)  # bundle-relative destinations
    modules: int = 0  # Python modules frozen into the executable's archive
    texts: list[str] = field(default_factory=list)  # licence texts shipped with it


# Libraries PyInstaller copies from the build machine (Linux: Debian/Ubuntu packages;
# Windows and macOS: python.org's build). Pattern on the file name -> (component,
# SPDX licence, copyright holder). The licences are those of the Debian packages'
# copyright files.
SYSTEM_LIBRARIES: list[tuple[str, str, str, str]] = [
    (r"lib(X11|X11-xcb|Xau|Xdmcp|xcb[-\w]*)\.so", "X.Org libraries (libX11, libxcb)", "MIT",
     "X Consortium, The Open Group, Keith Packard and others"),
    (r"libxkbcommon(-x11)?\.so", "libxkbcommon", "MIT", "Intel Corporation, Ran Benita and others"),
    (r"libbrotli\w*\.so", "Brotli", "MIT", "Google Inc."),
    (r"libbsd\.so", "libbsd", "BSD-3-Clause", "The Regents of the University of California and others"),
    (r"libmd\.so", "libmd", "BSD-3-Clause", "Guillem Jover and others"),
    (r"libbz2\.so|bz2\.dll", "bzip2", "bzip2-1.0.6", "Julian R Seward"),
    (r"libcap\.so", "libcap", "BSD-3-Clause OR GPL-2.0-only", "Andrew G. Morgan and others"),
    (r"libdbus-1\.so", "D-Bus", "AFL-2.1 OR GPL-2.0-or-later", "Red Hat, Inc. and others"),
    (r"libexpat\.so|libexpat\.dll", "Expat", "MIT", "Thai Open Source Software Center Ltd and Clark Cooper"),
    (r"libffi[-.\w]*\.(so|dll|dylib)", "libffi", "MIT", "Anthony Green, Red Hat, Inc. and others"),
    (r"libfontconfig\.so", "Fontconfig", "HPND-sell-variant", "Keith Packard and others"),
    (r"libfreetype\.so", "FreeType", "FTL OR GPL-2.0-or-later",
     "David Turner, Robert Wilhelm, Werner Lemberg"),
    (r"lib(gcc_s|stdc\+\+)\.so", "GCC runtime libraries", "GPL-3.0-or-later WITH GCC-exception-3.1",
     "Free Software Foundation, Inc."),
    (r"lib(gcrypt|gpg-error)\.so", "Libgcrypt and libgpg-error", "LGPL-2.1-or-later",
     "Free Software Foundation, Inc. and g10 Code GmbH"),
    (r"lib(glib|gthread)-2\.0\.so", "GLib", "LGPL-2.1-or-later", "The GLib authors"),
    (r"liblz4\.so", "LZ4", "BSD-2-Clause", "Yann Collet"),
    (r"liblzma\.so|liblzma\.dll", "XZ Utils (liblzma)", "0BSD", "Lasse Collin and others (public domain)"),
    (r"libzstd\.so", "Zstandard", "BSD-3-Clause OR GPL-2.0-only", "Meta Platforms, Inc. and affiliates"),
    (r"libpcre2-8\.so", "PCRE2", "BSD-3-Clause WITH PCRE2-exception", "University of Cambridge"),
    (r"libpng16\.so", "libpng", "Libpng", "Cosmin Truta, Glenn Randers-Pehrson and others"),
    (r"libsqlite3\.so|sqlite3\.dll", "SQLite", "blessing", "none: SQLite is in the public domain"),
    (r"libsystemd\.so", "libsystemd", "LGPL-2.1-or-later", "The systemd authors"),
    (r"libuuid\.so", "libuuid (util-linux)", "BSD-3-Clause", "Theodore Ts'o and others"),
    (r"libz\.so|zlib1?\.dll", "zlib", "Zlib", "Jean-loup Gailly and Mark Adler"),
    (r"lib(crypto|ssl)(-3(-x64|-arm64)?)?\.(so|dll|dylib)", "OpenSSL", "Apache-2.0",
     "The OpenSSL Project Authors"),
    (r"libtcl|libtk|tcl\d|tk\d", "Tcl/Tk", "TCL", "The Regents of the University of California and others"),
    (r"(vcruntime|msvcp|ucrtbase|api-ms-win)[-\w]*\.dll", "Microsoft Visual C++ Redistributable",
     "LicenseRef-MSVC-Redistributable", "Microsoft Corporation"),
]

# Distributions whose metadata gives no SPDX expression (only a classifier or a phrase).
LICENCE_FIXES = {
    "segno": "BSD-3-Clause",  # LICENSE: "BSD 3-Clause License"
    "sqlite-fts4": "Apache-2.0",
    "sortedcontainers": "Apache-2.0",
    "PySide6_Essentials": "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    "shiboken6": "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    "click-default-group": "BSD-3-Clause",
    "PyNaCl": "Apache-2.0 AND ISC",  # its wheel builds in libsodium (ISC)
    "python-dateutil": "Apache-2.0 AND BSD-3-Clause",  # LICENSE: newer code Apache, older BSD
}
# Trove classifiers that name exactly one licence.
CLASSIFIERS = {
    "License :: OSI Approved :: MIT License": "MIT",
    "License :: OSI Approved :: Apache Software License": "Apache-2.0",
    "License :: OSI Approved :: ISC License (ISCL)": "ISC",
    "License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "License :: OSI Approved :: Python Software Foundation License": "PSF-2.0",
}
SPDX = re.compile(r"^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$")


def _dest(path: str) -> str:
    return path.replace(os.sep, "/")


def _distribution_licence(dist: importlib.metadata.Distribution) -> str:
    meta = dist.metadata
    name = meta["Name"]
    if name in LICENCE_FIXES:
        return LICENCE_FIXES[name]
    for candidate in (meta.get("License-Expression"), meta.get("License")):
        if candidate and SPDX.match(candidate.strip()):
            return candidate.strip()
    classified = {CLASSIFIERS[c] for c in meta.get_all("Classifier") or [] if c in CLASSIFIERS}
    if len(classified) == 1:  # one unambiguous trove classifier
        return classified.pop()
    raise SystemExit(f"{name}: no SPDX licence in its metadata; record it in LICENCE_FIXES "
                     "in packaging/notices.py")


def _licence_texts(dist: importlib.metadata.Distribution) -> list[str]:
    texts = []
    for f in dist.files or []:
        name = f.name.upper()
        if any(word in name for word in ("LICEN", "COPYING", "NOTICE")) and "dist-info" in str(f):
            try:
                texts.append(f"--- {f.name} ---\n" + f.read_text(encoding="utf-8").strip())
            except (OSError, UnicodeDecodeError):
                continue
    return texts


def _qt_version() -> str:
    try:
        return importlib.metadata.version("PySide6_Essentials")
    except importlib.metadata.PackageNotFoundError:
        return ""


def _own_version() -> str:
    return importlib.metadata.version("zgc-guide")


def debian_copyright_texts(sources: Iterable[str]) -> dict[str, str]:
    """Source path -> the copyright file of the Debian package that installed it (Linux builds)."""
    paths = sorted({os.path.realpath(s) for s in sources})
    if not paths or not Path("/var/lib/dpkg/status").is_file():
        return {}
    spellings = {alt: p for p in paths for alt in (p, p.removeprefix("/usr"))}
    found = subprocess.run(["dpkg", "-S", *spellings], capture_output=True, text=True).stdout
    texts = {}
    for line in found.splitlines():
        packages, _, path = line.partition(": ")
        copyright_file = Path("/usr/share/doc") / packages.split(",")[0].split(":")[0] / "copyright"
        if path in spellings and copyright_file.is_file():
            texts[spellings[path]] = copyright_file.read_text(encoding="utf-8", errors="replace").strip()
    return texts


def collect(modules: Iterable[str], files: Iterable[tuple[str, str]], root: Path) -> list[Component]:
    """Components of a bundle: ``modules`` frozen into the archive, ``files`` beside it.

    ``files`` are (bundle destination, source path) pairs. ``root`` is the checkout (the
    font licence is read from there). System libraries carry the copyright file of the
    Debian package they came from, when built on Debian or Ubuntu. Raises SystemExit
    naming the first file or module no component accounts for.
    """
    top_to_dists = importlib.metadata.packages_distributions()
    stdlib = set(sys.stdlib_module_names)
    python = Component("Python", platform.python_version(), "PSF-2.0",
                       "Python Software Foundation")
    own = Component("zgc-guide", _own_version(), "MIT", "The zgc-guide authors")
    qt = Component("Qt", _qt_version(), "LGPL-3.0-only", "The Qt Company Ltd and other contributors")
    icu = Component("ICU", "", "Unicode-DFS-2016", "Unicode, Inc. and others")
    font = Component("WenQuanYi Micro Hei", "", "Apache-2.0 OR GPL-3.0-only WITH Font-exception-2.0",
                     "WenQuanYi Project contributors")
    font_licence = root / "resources" / "fonts" / "LICENSE-wqy-microhei.txt"
    if font_licence.is_file():
        font.texts.append(font_licence.read_text(encoding="utf-8").strip())
    # guide/search/traditional.py is generated from OpenCC's character table.
    opencc = Component("OpenCC character table", "opencc-python-reimplemented 0.1.7", "Apache-2.0",
                       "Carbo Kuo (BYVoid) and the OpenCC contributors")
    opencc.texts.append((root / "packaging" / "licences" / "OpenCC-Apache-2.0.txt")
                        .read_text(encoding="utf-8").strip())
    bootloader = Component("PyInstaller bootloader", importlib.metadata.version("pyinstaller"),
                           "GPL-2.0-or-later WITH Bootloader-exception", "PyInstaller Development Team")
    bootloader.texts = _licence_texts(importlib.metadata.distribution("pyinstaller"))
    dists: dict[str, Component] = {}
    libraries: dict[str, Component] = {}

    def for_top(top: str) -> Component | None:
        names = top_to_dists.get(top)
        if not names:
            return None
        dist = importlib.metadata.distribution(names[0])
        name = dist.metadata["Name"]
        if name == "zgc-guide":
            return own
        if name not in dists:
            dists[name] = Component(name, dist.version, _distribution_licence(dist),
                                    dist.metadata.get("Author") or dist.metadata.get("Author-email")
                                    or f"the {name} authors", texts=_licence_texts(dist))
        return dists[name]

    for module in modules:
        top = module.split(".")[0]
        if top in stdlib or (top.startswith("_") and top[1:] in stdlib) or top.startswith("_sysconfigdata") \
                or top in ("__main__", "launch"):
            python.modules += 1
            continue
        if top.startswith(("_pyi", "pyimod")):  # PyInstaller's run-time hooks
            bootloader.modules += 1
            continue
        component = opencc if module == "guide.search.traditional" else for_top(top)
        if component is None:
            raise SystemExit(f"frozen module {module}: no distribution provides it")
        component.modules += 1

    library_sources: dict[str, list[str]] = {}
    for dest, source in files:
        dest = _dest(dest)
        base = dest.rsplit("/", 1)[-1]
        parts = dest.split("/")
        chosen: Component | None
        if parts[0] in ("resources", "db") and dest.startswith("resources/fonts/"):
            chosen = font
        elif parts[0] in ("resources", "db") or base in (NOTICES_NAME, COMPONENTS_NAME):
            chosen = own
        elif re.match(r"(lib)?Qt6|Qt\w*\.framework", base) or "/Qt/plugins/" in dest or \
                dest.startswith("PySide6/Qt/"):
            chosen = icu if re.match(r"(lib)?icu", base) else qt
        elif re.match(r"(lib)?icu", base):
            chosen = icu
        elif re.match(r"(lib)?python3|base_library\.zip|python3\.?\d+/|python3\d*\.dll", base) or \
                parts[0].startswith("python3") or parts[0] in ("lib-dynload",) or \
                (re.match(r"_\w+\.(pyd|cpython)|\w+\.cpython-3\d+", base) and len(parts) <= 3):
            chosen = python
        elif re.match(r"(lib)?(pyside6|shiboken6)", base, flags=re.IGNORECASE):
            chosen = for_top("shiboken6" if "shiboken" in base.lower() else "PySide6")
        elif parts[0].endswith((".dist-info", ".egg-info")):
            chosen = for_top_dist(parts[0], top_to_dists, for_top)
        elif len(parts) > 1 or re.match(r"_?\w+\.(abi3\.)?(so|pyd)$", base) or \
                re.match(r"\w+\.cpython-", base):
            chosen = for_top(parts[0].split(".")[0])
        else:
            chosen = None
        if chosen is None:
            for pattern, name, licence, holder in SYSTEM_LIBRARIES:
                if re.match(pattern, base):
                    chosen = libraries.setdefault(name, Component(name, "", licence, holder))
                    library_sources.setdefault(name, []).append(source)
                    break
        if chosen is None:
            raise SystemExit(f"bundled file {dest}: licence unknown; record its component in "
                             "SYSTEM_LIBRARIES in packaging/notices.py")
        chosen.files.append(dest)
    texts = debian_copyright_texts(s for sources in library_sources.values() for s in sources)
    for name, sources in library_sources.items():
        for text in dict.fromkeys(texts[os.path.realpath(s)] for s in sources
                                  if os.path.realpath(s) in texts):
            libraries[name].texts.append(text)
    for component in (qt, dists.get("PySide6_Essentials"), dists.get("shiboken6")):
        if component is not None and not component.texts:  # the wheels carry no licence file
            component.texts = [(root / "packaging" / "licences" / name).read_text(encoding="utf-8").strip()
                               for name in ("LGPL-3.0.txt", "GPL-3.0.txt")][: 2 if component is qt else 0]
    ordered = [own, python, bootloader, qt, icu, font, opencc,
               *sorted(dists.values(), key=lambda c: c.name.lower()),
               *sorted(libraries.values(), key=lambda c: c.name.lower())]
    return [c for c in ordered if c.files or c.modules or c is bootloader]


def for_top_dist(folder: str, top_to_dists: dict[str, list[str]], for_top):  # type: ignore[no-untyped-def]
    """The component of a ``NAME-VERSION.dist-info`` (or ``NAME.egg-info``) folder PyInstaller copied."""
    wanted = re.split(r"-\d|\.egg-info$|\.dist-info$", folder)[0].lower().replace("_", "-")
    for top, names in top_to_dists.items():
        if any(n.lower().replace("_", "-") == wanted for n in names):
            return for_top(top)
    return None


def render(components: list[Component]) -> str:
    """The notices text: a summary table, then each component's licence texts."""
    lines = ["ZGC Forum Guide: third-party software in this build", "",
             "This program bundles the components below; each is used under the licence named.",
             "The Qt libraries are dynamically linked and can be replaced (LGPL-3.0: see Qt's",
             "source at https://download.qt.io and PySide6's at https://code.qt.io/pyside/pyside-setup).",
             ""]
    for c in components:
        version = f" {c.version}" if c.version else ""
        lines.append(f"- {c.name}{version}: {c.licence} (copyright {c.copyright})")
    for c in components:
        if c.texts:
            lines += ["", "=" * 78, f"{c.name}", "=" * 78, *c.texts]
    return "\n".join(lines) + "\n"


def write(modules: Iterable[str], files: Iterable[tuple[str, str]], root: Path, out_dir: Path) -> Path:
    """Write THIRD-PARTY-NOTICES.txt and third-party.json into ``out_dir``; return the notices."""
    components = collect(modules, files, root)
    out_dir.mkdir(parents=True, exist_ok=True)
    notices = out_dir / NOTICES_NAME
    notices.write_text(render(components), encoding="utf-8")
    data = [{k: v for k, v in asdict(c).items() if k != "texts"} for c in components]
    (out_dir / COMPONENTS_NAME).write_text(json.dumps(data, indent=1), encoding="utf-8")
    return notices
