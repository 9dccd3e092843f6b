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
import hashlib
import importlib.metadata
import os
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
INSTALL_DIR = f"opt/{APP}"
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
    "libdbus-1.so.3": "libdbus-1-3", "libz.so.1": "zlib1g", "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1", "libpng16.so.16": "libpng16-16",
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
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

COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: zgc-guide

Files: *
License: MIT

Files: opt/zgc-guide/_internal/PySide6/* opt/zgc-guide/_internal/lib*Qt6* opt/zgc-guide/_internal/shiboken6/*
License: LGPL-3.0-only (Qt for Python, Qt)

Files: opt/zgc-guide/_internal/resources/fonts/*
License: Apache-2.0 (WenQuanYi Micro Hei; see LICENSE-wqy-microhei.txt beside the font)

Files: opt/zgc-guide/_internal/libpython* opt/zgc-guide/_internal/base_library.zip
License: PSF-2.0 (Python)
"""


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
    """Render the app icon (SVG) to zgc-guide.png (256 px), .ico and .icns with Qt."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # image plugins need an application
    folder = work / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "app.svg"))
    if app is None or not renderer.isValid():
        raise SystemExit("resources/icons/app.svg cannot be rendered")
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    for fmt in ("png", "ico", "icns"):
        writer = QImageWriter(str(folder / f"{APP}.{fmt}"), fmt.encode())
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
    return freeze(work, dist, "--content-db", str(content), "--icons", str(icons))


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


def stage_linux_files(bundle: Path, stage: Path) -> None:
    """The files a Linux install adds: the bundle in /opt, launcher, .desktop entry, icons."""
    shutil.copytree(bundle, stage / INSTALL_DIR, symlinks=True)
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    # Relative, so the launcher also works in a throwaway root (dpkg -x, a chroot).
    (bin_dir / APP).symlink_to(Path("..", "..", INSTALL_DIR, APP))
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{APP}.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "icons" / "app.svg", scalable / f"{APP}.svg")
    doc = share / "doc" / APP
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")


def make_deb(bundle: Path, icons: Path | None, dist: Path, *, package_version: str,
             compression: str = "xz") -> Path:
    """Wrap the bundle as ``zgc-guide_VERSION_ARCH.deb`` with dpkg-deb; return its path."""
    started = time.perf_counter()
    arch = deb_architecture()
    depends, recommends = deb_relations(bundle)
    with tempfile.TemporaryDirectory(prefix="zgc-guide-deb-") as tmp:
        stage = Path(tmp) / "stage"
        stage_linux_files(bundle, stage)
        if icons is not None:
            png_dir = stage / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
            png_dir.mkdir(parents=True)
            shutil.copyfile(icons / f"{APP}.png", png_dir / f"{APP}.png")
        installed_kib = (tree_size(stage) + 1023) // 1024
        control = stage / "DEBIAN"
        control.mkdir(mode=0o755)
        summary = importlib.metadata.metadata(APP)["Summary"]
        fields = [
            f"Package: {APP}", f"Version: {package_version}", f"Architecture: {arch}",
            f"Maintainer: {MAINTAINER}", f"Installed-Size: {installed_kib}",
            f"Depends: {', '.join(depends)}",
            *([f"Recommends: {', '.join(recommends)}"] if recommends else []),
            "Section: misc", "Priority: optional",
            f"Description: {summary}",
            " Forums, exhibition areas, announcements, photos and key figures of the",
            " 2023 Zhongguancun Forum, with search in Chinese, pinyin and English and",
            " bookmarks. Bookmarks live in the user's data folder and survive upgrades",
            " and removal of the package.",
        ]
        (control / "control").write_text("\n".join(fields) + "\n", encoding="utf-8")
        for d in [stage, *(p for p in stage.rglob("*") if p.is_dir() and not p.is_symlink())]:
            d.chmod(0o755)
        out = dist / f"{APP}_{package_version}_{arch}.deb"
        subprocess.run(["dpkg-deb", "--root-owner-group", *dpkg_deb_threads(), f"-Z{compression}",
                        "--build", str(stage), str(out)], check=True, capture_output=True)
    log(f"deb {out}: {mb(out.stat().st_size)} ({compression}, {time.perf_counter() - started:.1f} s); "
        f"Depends: {', '.join(depends)}" + (f"; Recommends: {', '.join(recommends)}" if recommends else ""))
    return out


def tarball_name(package_version: str) -> str:
    return f"{APP}-{package_version}-linux-{os.uname().machine}"


def make_tarball(bundle: Path, dist: Path, *, package_version: str) -> Path:
    """``zgc-guide-VERSION-linux-ARCH.tar.gz``: the bundle plus .desktop entry and icon."""
    started = time.perf_counter()
    top = tarball_name(package_version)
    out = dist / f"{top}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=top)
        with tempfile.TemporaryDirectory() as tmp:
            desktop = Path(tmp) / f"{APP}.desktop"
            # Unpacked anywhere: the entry names the program by the path the user puts it at.
            desktop.write_text(DESKTOP_ENTRY, encoding="utf-8")
            tar.add(desktop, arcname=f"{top}/{APP}.desktop")
            tar.add(ROOT / "resources" / "icons" / "app.svg", arcname=f"{top}/{APP}.svg")
    log(f"tar.gz {out}: {mb(out.stat().st_size)} ({time.perf_counter() - started:.1f} s)")
    return out


def extract_deb(deb: Path, root: Path) -> Path:
    """Unpack a .deb into ``root`` (dpkg -x: no scripts, no database); return the launcher."""
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root / "usr" / "bin" / APP


def deb_field(deb: Path, name: str) -> str:
    """One control field of a .deb."""
    return subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True,
                          check=True).stdout.strip()


def check_deb(deb: Path) -> None:
    """Its files are where they belong, and the unpacked launcher passes the self-test."""
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    for required in (f"./{INSTALL_DIR}/{APP}", f"./usr/bin/{APP} -> ../../{INSTALL_DIR}/{APP}",
                     f"./usr/share/applications/{APP}.desktop",
                     f"./usr/share/icons/hicolor/scalable/apps/{APP}.svg",
                     f"./{INSTALL_DIR}/_internal/db/content.db"):
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
        check_installed(top, top / APP, "tar.gz")


# --- macOS and Windows (built by the release workflow; not runnable here) --------------------


def make_dmg(app: Path, dist: Path, *, package_version: str) -> Path:
    """A compressed .dmg holding the .app and a link to /Applications (hdiutil)."""
    out = dist / f"{APP}-{package_version}-macos.dmg"
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(app, Path(tmp) / app.name, symlinks=True)
        (Path(tmp) / "Applications").symlink_to("/Applications")
        subprocess.run(["hdiutil", "create", "-volname", "ZGC Forum Guide", "-srcfolder", tmp, "-ov",
                        "-format", "UDZO", str(out)], check=True)
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
    log(f"installer {out}: {mb(out.stat().st_size)}")
    return out


# --- main ------------------------------------------------------------------------------------


def build_all(dist: Path, work: Path, *, compression: str = "xz") -> list[Path]:
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
                       compression=compression)
        check_deb(deb)
        tarball = make_tarball(bundle, dist, package_version=package_version)
        check_tarball(tarball, package_version)
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
    parser.add_argument("--deb-compression", choices=["xz", "zstd", "gzip"], default="xz",
                        help="xz: smallest download; zstd: fast builds")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # guide.* when run as a script from anywhere
    build_all(args.dist.resolve(), args.work.resolve(), compression=args.deb_compression)
    return 0


if __name__ == "__main__":
    sys.exit(main())
