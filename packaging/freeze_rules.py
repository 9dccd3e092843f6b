"""What the frozen guide leaves out: shared by the spec, the bare baseline build and the tests.

PyInstaller collects every Qt plugin and translation a Qt module might want. A widgets
app on a kiosk needs a handful: the platform plugins (xcb, wayland, offscreen; windows;
cocoa), input methods (ibus: Chinese typing on Linux), SVG icons and the image formats a
content pack may hold. Everything else is dropped by name, so an unknown plugin a
future Qt adds is kept (safe) rather than silently lost.
"""

from __future__ import annotations

import email.parser
import importlib
import os
import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

# Python packages that come in only through optional plugins of our dependencies
# (pydantic's mypy and hypothesis plugins) or through the test environment.
EXCLUDED_MODULES = [
    "mypy", "hypothesis", "pytest", "_pytest", "pytestqt",
    "pydantic.mypy", "ruff", "pip", "setuptools", "pkg_resources", "wheel",
    "PIL", "zxingcpp", "yaml", "tkinter", "_tkinter", "IPython",
    # import-linter's (a test tool's) rich, reachable only through optional imports.
    "rich", "markdown_it", "mdurl", "pygments",
    # openpyxl's optional accelerators and the test tools lxml/jsonschema: the guide reads
    # spreadsheets with openpyxl's own XML code. readline: only interactive consoles use it.
    "numpy", "pandas", "lxml", "defusedxml", "jsonschema", "readline",
    # Qt modules the guide never imports (PySide6 links some of them by default).
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtDBus", "PySide6.QtSql",
    "PySide6.QtTest", "PySide6.QtPrintSupport", "PySide6.QtUiTools", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtHelp", "PySide6.QtDesigner",
    # Standard-library and dependency code the guide never runs, found in the bundle's
    # xref (build/package/pyinstaller/zgc-guide/xref-zgc-guide.html): nothing imports
    # asyncio (hooks collect it); multiprocessing comes only through tqdm's optional lock
    # (it catches the ImportError) and ProcessPoolExecutor (the guide uses threads), and
    # takes xmlrpc and a start-up runtime hook with it; decimal uses the C _decimal, never
    # _pydecimal; smtplib only logging's SMTPHandler; pydantic.v1 only v1-style models.
    "asyncio", "multiprocessing", "xmlrpc", "_pydecimal", "smtplib", "pydantic.v1",
]

# Qt plugin folder -> plugin names to drop (None: the whole folder). Names are without
# the platform's "lib" prefix and suffix, e.g. "qtiff" for libqtiff.so / qtiff.dll.
DROPPED_PLUGINS: dict[str, frozenset[str] | None] = {
    # Framebuffer, VNC and Vulkan-display platforms: not how a desktop or kiosk runs.
    "platforms": frozenset({"qeglfs", "qlinuxfb", "qvnc", "qvkkhrdisplay", "qminimalegl",
                            "qdirect2d"}),
    "egldeviceintegrations": None,
    "generic": None,  # evdev/tuio input, used only by eglfs/linuxfb
    "platformthemes": None,  # GTK/portal themes: the guide has its own font and style sheet
    "platforminputcontexts": frozenset({"qtvirtualkeyboardplugin"}),  # needs QML
    "imageformats": frozenset({"qtiff", "qtga", "qwbmp", "qicns", "qpdf"}),
    "networkinformation": None,
    "tls": None,
    "printsupport": None,
    "sqldrivers": None,
    "qmltooling": None,
    "qmllint": None,
    "designer": None,
    "vectorimageformats": None,
    "wayland-graphics-integration-server": None,  # for compositors, not clients
    # OpenGL/Vulkan buffers on Wayland: the guide's widgets paint into shared memory (raster),
    # so wayland-egl (and libQt6OpenGL, which only it links) is never loaded.
    "wayland-graphics-integration-client": None,
    "wayland-shell-integration": frozenset({"ivi-shell", "fullscreen-shell-v1", "qt-shell",
                                            "wl-shell-plugin"}),  # xdg-shell stays
}

# Linux: libraries every desktop installs, declared as Depends of the .deb instead of
# bundled: libdbus (only libQt6DBus needs it) and libsystemd (libQt6Core's journal
# logging, and libdbus); what they alone pull in (libgcrypt, libgpg-error, liblz4,
# libcap) is pruned with them.
SYSTEM_PROVIDED = frozenset({"libdbus-1.so.3", "libsystemd.so.0"})

# Modules that read a JSON file of their package at import, replaced in the bundle by a
# module holding that JSON as a string: the PYZ archive stores it compressed (pypinyin's
# two dictionaries: 3.3 MB as files, about 0.8 MB in the archive). Only content builds
# (build-db, installing a content pack, importing a programme) import pypinyin, and they
# pay about 10 ms more to inflate it. Module -> (the JSON file as bundled, the module's
# own code over the text ``_JSON``, which must give the same value as the original).
EMBEDDED_JSON: dict[str, tuple[str, str]] = {
    "pypinyin.phrases_dict": ("pypinyin/phrases_dict.json", "phrases_dict = json.loads(_JSON)"),
    "pypinyin.pinyin_dict": ("pypinyin/pinyin_dict.json",
                             "pinyin_dict = {int(k): v for k, v in json.loads(_JSON).items()}"),
}

# Package metadata files the bundle keeps for importlib.metadata (versions, entry points)
# and carries without their body: each package's long description (its README; 144 kB
# for pydantic, 48 kB for the guide's own), which nothing reads.
METADATA_FILES = re.compile(r"[^/]+\.(dist-info/METADATA|egg-info/PKG-INFO)$")

PLUGIN_ROOT = "PySide6/Qt/plugins/"
QT_TRANSLATIONS = "PySide6/Qt/translations/"


def _plugin_name(filename: str) -> str:
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def plugin_kept(dest: str) -> bool:
    """False for a file under Qt's plugins folder that the rules above drop."""
    dest = dest.replace(os.sep, "/")
    if not dest.startswith(PLUGIN_ROOT):
        return True
    folder, _, filename = dest[len(PLUGIN_ROOT):].partition("/")
    if folder not in DROPPED_PLUGINS:
        return True
    dropped = DROPPED_PLUGINS[folder]
    return dropped is not None and _plugin_name(filename) not in dropped


# The one Qt translation the guide loads (guide.ui.i18n.QT_QM_FILES), for Qt's own dialog
# texts in the Chinese interface.
QT_TRANSLATIONS_KEPT = frozenset({"qtbase_zh_CN.qm"})


def data_kept(dest: str) -> bool:
    """False for Qt's own translations but the Chinese one the guide loads, and for type
    stubs (.pyi: for type checkers, never imported)."""
    dest = dest.replace(os.sep, "/")
    if dest.startswith(QT_TRANSLATIONS):
        return dest[len(QT_TRANSLATIONS):] in QT_TRANSLATIONS_KEPT
    return not dest.endswith(".pyi")


Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, typecode)


def trim(entries: Iterable[Entry]) -> list[Entry]:
    """The TOC without dropped plugins and Qt translations (but the one kept)."""
    return [e for e in entries if plugin_kept(e[0]) and data_kept(e[0])]


def without_system_provided(binaries: Iterable[Entry]) -> list[Entry]:
    """The TOC without the libraries in SYSTEM_PROVIDED (Linux: they become Depends)."""
    return [e for e in binaries if os.path.basename(e[0]) not in SYSTEM_PROVIDED]


def direct_needed(path: str) -> list[str]:
    """The sonames ``path`` links against itself (DT_NEEDED, objdump from binutils).

    Not PyInstaller's get_imports, which lists the whole closure as ldd resolves it: that
    would keep what only a SYSTEM_PROVIDED library needs.
    """
    out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=True).stdout
    return re.findall(r"^\s*NEEDED\s+(\S+)$", out, flags=re.MULTILINE)


def _is_root(entry: Entry) -> bool:
    """Files loaded by name rather than as a link-time dependency of another file."""
    dest, _, typecode = entry
    dest = dest.replace(os.sep, "/")
    return (typecode == "EXTENSION" or dest.startswith(PLUGIN_ROOT)
            or os.path.basename(dest).startswith("libpython"))


def prune_orphans(
    binaries: Iterable[Entry], datas: Iterable[Entry], needed: Callable[[str], Iterable[str]]
) -> tuple[list[Entry], list[Entry]]:
    """Drop shared libraries that only dropped plugins needed (Linux only, where it is tested).

    ``needed(path)`` gives the sonames a file links against. Starting from extension
    modules, kept plugins and libpython, every library reachable through those links is
    kept; the rest (GTK and its cairo/pango for the GTK theme, libQt6Network for the
    network plugins, ...) goes, with the symlinks to it (PyInstaller files those under
    binaries or datas). Returns the new (binaries, datas).
    """
    binaries, datas = list(binaries), list(datas)
    by_name: dict[str, list[Entry]] = {}
    for e in binaries:
        if e[2] == "BINARY":
            by_name.setdefault(os.path.basename(e[0]), []).append(e)
    reached: set[str] = set()
    todo = [e for e in binaries if e[2] in ("BINARY", "EXTENSION") and _is_root(e)]
    while todo:
        entry = todo.pop()
        for name in needed(entry[1]):
            base = os.path.basename(name)
            if base not in reached:
                reached.add(base)
                todo.extend(by_name.get(base, []))
    dropped = {e[0].replace(os.sep, "/") for e in binaries
               if e[2] == "BINARY" and not _is_root(e) and os.path.basename(e[0]) not in reached}

    def kept(e: Entry) -> bool:
        if e[2] == "SYMLINK":  # its source is the target, relative to the link's folder
            return _symlink_target(e) not in dropped
        return e[0].replace(os.sep, "/") not in dropped

    return [e for e in binaries if kept(e)], [e for e in datas if kept(e)]


def _symlink_target(entry: Entry) -> str:
    dest, target, _ = entry
    joined = os.path.normpath(os.path.join(os.path.dirname(dest), target))
    return joined.replace(os.sep, "/")


def embedded_module_source(module: str, text: str, code: str) -> str:
    """Source of the stand-in for ``module``: ``text`` (JSON) as a string constant, then ``code``."""
    doc = f"{module} as the frozen guide ships it: its JSON data embedded (packaging/freeze_rules.py)."
    return f'"""{doc}"""\nimport json\n\n_JSON = {text!r}\n{code}\n'


def embed_json(pure: list[Entry], datas: Iterable[Entry], folder: Path) -> tuple[list[str], list[Entry]]:
    """Point the EMBEDDED_JSON modules of ``pure`` (changed in place) at stand-ins written to
    ``folder``; return the names replaced and ``datas`` without their JSON files.

    Each stand-in is checked to give the same value as the original module of the build's
    environment; a module or file that is no longer where the table says stops the build
    (the dependency changed: look again) rather than shipping a broken import.
    """
    datas = list(datas)
    by_dest = {e[0].replace(os.sep, "/"): e for e in datas}
    folder.mkdir(parents=True, exist_ok=True)
    replaced = []
    for i, (name, _source, typecode) in enumerate(pure):
        if name not in EMBEDDED_JSON:
            continue
        dest, code = EMBEDDED_JSON[name]
        if dest not in by_dest:
            raise SystemExit(f"freeze_rules.EMBEDDED_JSON: {dest} is not collected for {name}")
        text = Path(by_dest[dest][1]).read_text(encoding="utf-8")
        stand_in = folder / f"{name}.py"
        stand_in.write_text(embedded_module_source(name, text, code), encoding="utf-8")
        attribute = name.rpartition(".")[2]
        namespace: dict[str, object] = {}
        exec(compile(stand_in.read_text(encoding="utf-8"), str(stand_in), "exec"), namespace)
        if namespace[attribute] != getattr(importlib.import_module(name), attribute):
            raise SystemExit(f"freeze_rules.EMBEDDED_JSON: the stand-in for {name} differs from it")
        pure[i] = (name, str(stand_in), typecode)
        replaced.append(name)
    missing = sorted(set(EMBEDDED_JSON) - set(replaced))
    if missing:
        raise SystemExit(f"freeze_rules.EMBEDDED_JSON: {missing} not in the bundle")
    dropped = {EMBEDDED_JSON[name][0] for name in replaced}
    return replaced, [e for e in datas if e[0].replace(os.sep, "/") not in dropped]


def metadata_headers(text: str) -> str:
    """A METADATA / PKG-INFO file's header fields without the description body after them."""
    head = text.replace("\r\n", "\n").partition("\n\n")[0] + "\n"
    parse = email.parser.Parser().parsestr
    if parse(head).items() != parse(text).items():
        raise SystemExit("freeze_rules.metadata_headers: the headers changed when the body was cut")
    return head


def trim_metadata(datas: Iterable[Entry], folder: Path) -> list[Entry]:
    """``datas`` with each package metadata file replaced by its headers (written to ``folder``)."""
    out = []
    for dest, source, typecode in datas:
        if METADATA_FILES.search(dest.replace(os.sep, "/")):
            trimmed = folder / dest
            trimmed.parent.mkdir(parents=True, exist_ok=True)
            text = Path(source).read_text(encoding="utf-8")
            trimmed.write_text(metadata_headers(text), encoding="utf-8")
            source = str(trimmed)
        out.append((dest, source, typecode))
    return out
