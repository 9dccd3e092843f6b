"""The real packaging build, run once for this module (~2 min): bundle, .deb and .tar.xz.

packaging/build.py runs as `make package` does (from the checkout, content database and
icons built from scratch, lintian on the .deb), with `--deb-compression gzip --fast` so
compression takes seconds instead of minutes; the package's files are the same. The
installed app is then run the way a user or IT staff would: unpacked with dpkg -x,
installed and upgraded with dpkg into a throwaway root, and from the tarball; the shipped
desktop entry, AppStream metainfo and kiosk unit are checked by their own validators.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_packaging import build

APP = build.APP
VERSION = build.version()


@dataclass(frozen=True)
class Built:
    output: str
    bundle: Path
    deb: Path
    tarball: Path
    icons: Path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    work = tmp_path_factory.mktemp("package")
    dist = work / "dist"
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist), "--work",
         str(work / "work"), "--deb-compression", "gzip", "--fast"],
        capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    arch = build.deb_architecture()
    return Built(result.stdout, dist / APP, dist / f"{APP}_{VERSION}_{arch}.deb",
                 dist / f"{build.tarball_name(VERSION)}.tar.xz", work / "work" / "icons")


def app_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DISPLAY", "WAYLAND_DISPLAY")}
    return {**env, "QT_QPA_PLATFORM": "offscreen", **extra}


def run(program: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(program), *args], capture_output=True, text=True, timeout=120,
                          env=app_env(**env))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_build_checked_every_package_it_made(built: Built) -> None:
    for what in ("bundle", "deb (dpkg -x)", "tar.xz"):
        assert f"  {what}: self-test ok in " in built.output
    assert built.deb.is_file() and built.tarball.is_file()
    assert "  lintian: 0 errors, 0 warnings after overrides" in built.output


def test_deb_control_fields(built: Built) -> None:
    fields = dict(line.split(": ", 1) for line in subprocess.run(
        ["dpkg-deb", "--field", str(built.deb)], capture_output=True, text=True, check=True
    ).stdout.splitlines() if ": " in line and not line.startswith(" "))
    assert fields["Package"] == APP and fields["Version"] == VERSION
    assert fields["Architecture"] == build.deb_architecture()
    depends = fields["Depends"].split(", ")
    # PyInstaller never copies libEGL/libGL; zoneinfo reads the system's Asia/Shanghai.
    assert {"libegl1", "libgl1", "libxcb1", "tzdata", "fontconfig-config"} <= set(depends)
    # Taken from the system instead of bundled (freeze_rules.SYSTEM_PROVIDED).
    assert "libdbus-1-3" in depends
    assert depends[0].startswith("libc6 (>= 2.")
    assert "libwayland-client0" in fields["Recommends"]  # only Wayland sessions load those plugins
    installed = int(fields["Installed-Size"]) * 1024
    assert 0.95 < installed / build.tree_size(built.bundle) < 1.05


def test_deb_layout_and_bundle_contents(built: Built, tmp_path: Path) -> None:
    listing = subprocess.run(["dpkg-deb", "--contents", str(built.deb)], capture_output=True, text=True,
                             check=True).stdout.splitlines()
    names = [line.split()[5] for line in listing]
    assert all(line.split()[1] == "root/root" for line in listing)
    top = {n.split("/")[1] for n in names if n.count("/") > 1} | {
        "/".join(n.split("/")[1:3]) for n in names if n.startswith("./usr/") and n.count("/") > 2}
    assert top == {"usr", "usr/bin", "usr/lib", "usr/share"}  # nothing in /opt to own or leave
    assert f"./usr/bin/{APP}" in names and f"./usr/share/applications/{APP}.desktop" in names

    root = tmp_path / "root"
    build.extract_deb(built.deb, root)
    assert os.readlink(root / "usr" / "bin" / APP) == f"../lib/{APP}/{APP}"
    desktop = root / "usr" / "share" / "applications" / f"{APP}.desktop"
    assert desktop.read_text(encoding="utf-8") == build.DESKTOP_ENTRY
    internal = root / build.INSTALL_DIR / "_internal"
    files = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    for needed in ("db/content.db", "db/pack/pack.toml", "THIRD-PARTY-NOTICES.txt", "third-party.json",
                   "resources/fonts/wqy-microhei.rcc",
                   "resources/styles/theme.qss", "resources/icons/app.svg",
                   "resources/translations/zgc_guide_zh_CN.qm", "PySide6/Qt/translations/qtbase_zh_CN.qm",
                   "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                   "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
                   "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so"):
        assert needed in files, needed
    # The About dialog reads the version from the package metadata the spec copies in.
    assert any(f.startswith("zgc_guide") and f.endswith(("-info/METADATA", "-info/PKG-INFO")) for f in files)
    unwanted = [f for f in files if (f.startswith("PySide6/Qt/translations/")
                                     and f != "PySide6/Qt/translations/qtbase_zh_CN.qm")
                or f.startswith(("mypy", "hypothesis", "pytest",
                                 "PySide6/Qt/plugins/platformthemes/", "PySide6/QtNetwork"))
                or "libQt6Network" in f or "libgtk" in f or f.endswith(".pyi")
                or (f.startswith("pypinyin/") and f.endswith(".json"))  # inside the PYZ archive
                or f.startswith(("libdbus", "libsystemd", "libgcrypt", "liblz4", "libcap"))]
    assert unwanted == []
    dangling = [p for p in (root / build.INSTALL_DIR).rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []
    # UTF-8 mode is an interpreter option stored in the executable (Chinese output on Windows).
    options = subprocess.run([sys.executable, "-m", "PyInstaller.utils.cliutils.archive_viewer", "-l",
                              str(root / build.INSTALL_DIR / APP)],
                             capture_output=True, text=True, check=True)
    assert "\n X utf8\n" in options.stdout


def set_writable(root: Path, writable: bool) -> None:
    for p in [root, *root.rglob("*")]:
        if not p.is_symlink():
            p.chmod(p.stat().st_mode | 0o200 if writable else p.stat().st_mode & ~0o222)


def test_installed_deb_self_test_offscreen_read_only_as_another_user(built: Built) -> None:
    """As installed: a read-only tree, run by a user who owns nothing in it (when we are root)."""
    with tempfile.TemporaryDirectory(prefix="zgc-guide-ro-") as tmp:  # not pytest's 0700 folder
        base = Path(tmp)
        base.chmod(0o755)
        root, data = base / "root", base / "data"
        launcher = build.extract_deb(built.deb, root)
        data.mkdir()
        db = root / build.INSTALL_DIR / "_internal" / "db" / "content.db"
        before = digest(db)
        set_writable(root, False)
        command = [str(launcher), "--self-test"]
        if os.geteuid() == 0:  # root ignores file modes: run as nobody instead
            os.chown(data, 65534, 65534)
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=120,
                                    env=app_env(ZGC_GUIDE_DATA=str(data), HOME=str(data)))
        finally:
            set_writable(root, True)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("self-test ok in ") and "(140 items, bundled)" in result.stdout
        assert digest(db) == before
        assert sorted(p.name for p in db.parent.iterdir()) == ["content.db", "pack"]  # no journal left


def test_tarball_self_test_offscreen(built: Built, tmp_path: Path) -> None:
    with tarfile.open(built.tarball) as tar:
        tar.extractall(tmp_path, filter="tar")
    top = tmp_path / build.tarball_name(VERSION)
    assert (top / f"{APP}.desktop").is_file() and (top / f"{APP}.svg").is_file()
    result = run(top / APP, "--self-test", ZGC_GUIDE_DATA=str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr


def test_frozen_staff_commands_need_the_build_time_packages(built: Built, tmp_path: Path) -> None:
    """build-db (pydantic, pypinyin), bookmark export (icalendar, zoneinfo) work frozen too."""
    root = tmp_path / "root"
    launcher = build.extract_deb(built.deb, root)
    data = str(tmp_path / "data")
    out = tmp_path / "rebuilt.db"
    pack = root / build.INSTALL_DIR / "_internal" / "db" / "pack"
    result = run(launcher, "build-db", "--content", str(pack), "--out", str(out), ZGC_GUIDE_DATA=data)
    assert result.returncode == 0, result.stderr
    assert run(launcher, "search", "lvse", "--content-db", str(out), ZGC_GUIDE_DATA=data).stdout.strip()
    # The frozen pypinyin (its dictionaries embedded in the archive) reads every name as the
    # checkout's did when it built the bundled database: the same index, row for row.
    assert search_index(out) == search_index(pack.parent / "content.db")
    added = run(launcher, "bookmarks", "add", "forum", "green-finance-forum", ZGC_GUIDE_DATA=data)
    assert added.returncode == 0, added.stderr
    result = run(launcher, "bookmarks", "export", "--format", "ics", "--out", "-", ZGC_GUIDE_DATA=data)
    assert result.returncode == 0, result.stderr
    assert "BEGIN:VCALENDAR" in result.stdout and "TZID:Asia/Shanghai" in result.stdout


def search_index(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the search tables (the FTS5 indexes' own tables included)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                             "name LIKE 'search%' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
        return {t: conn.execute(f"SELECT * FROM '{t}' ORDER BY 1").fetchall() for t in tables}


def test_frozen_pack_commands_make_sign_verify_and_apply_a_pack(built: Built, tmp_path: Path) -> None:
    """Signatures (PyNaCl over libsodium, through cffi's backend) work in the frozen app."""
    program, data = built.bundle / APP, str(tmp_path / "data")
    pack = tmp_path / "pack"
    shutil.copytree(ROOT / "db" / "pack", pack)
    toml = pack / "pack.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace("version = 1", "version = 2", 1), encoding="utf-8")
    file, key = tmp_path / "next.guidepack", tmp_path / "staff"
    for args in (["pack", "keygen", "--out", str(key)], ["pack", "build", str(pack), "--out", str(file)],
                 ["pack", "sign", str(file), "--key", f"{key}.key"],
                 ["pack", "verify", str(file), "--trusted", f"{key}.pub"],
                 ["update", "apply", "--file", str(file), "--trusted", f"{key}.pub"]):
        result = run(program, *args, ZGC_GUIDE_DATA=data)
        assert result.returncode == 0, f"{args}: {result.stderr}"
    assert "version 2 signed by ed25519:" in result.stdout
    status = json.loads(run(program, "check", "--json", ZGC_GUIDE_DATA=data).stdout)
    assert status["pack_version"] == 2 and status["path"].startswith(data)


def test_stale_bundled_database_is_rebuilt_in_the_user_folder_never_in_the_bundle(
        built: Built, tmp_path: Path) -> None:
    root = tmp_path / "root"
    launcher = build.extract_deb(built.deb, root)
    internal = root / build.INSTALL_DIR / "_internal"
    with (internal / "db" / "pack" / "pack.toml").open("a", encoding="utf-8") as f:
        f.write("\n# edited after packaging\n")
    before = digest(internal / "db" / "content.db")
    data = tmp_path / "data"
    result = run(launcher, "check", "--json", ZGC_GUIDE_DATA=str(data))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["path"] == str(data / "content" / "content.db")
    assert digest(internal / "db" / "content.db") == before
    result = run(launcher, "--self-test", ZGC_GUIDE_DATA=str(data))
    assert result.returncode == 1
    assert "does not match the bundled pack" in result.stderr


# --- installing with dpkg into a throwaway root ----------------------------------------------


def dpkg(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """dpkg acting on ``root`` with its own database (no dependency checks: nothing else is there)."""
    admin = root / "var" / "lib" / "dpkg"
    if not admin.is_dir():
        for sub in ("info", "updates"):
            (admin / sub).mkdir(parents=True)
        (admin / "status").touch()
        (admin / "available").touch()
    prefix: list[str] = []
    if os.geteuid() != 0:  # a CI runner's user: dpkg wants root to chown files
        fakeroot = shutil.which("fakeroot")
        assert fakeroot, "install fakeroot to run the dpkg tests as a normal user"
        prefix = [fakeroot]
    result = subprocess.run([*prefix, "dpkg", f"--root={root}", "--log=/dev/null", "--force-depends",
                             "--force-not-root", *args], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def older_build(built: Built, tmp_path: Path) -> Path:
    """The same app as version 0.0.1, with a file the new version no longer has."""
    old = tmp_path / "old-bundle" / APP
    shutil.copytree(built.bundle, old, symlinks=True)
    (old / "_internal" / "only-in-0.0.1.txt").write_text("old\n", encoding="utf-8")
    (tmp_path / "old-dist").mkdir()
    return build.make_deb(old, built.icons, tmp_path / "old-dist", package_version="0.0.1",
                          compression="gzip", level=1)


def installed_version(root: Path) -> str:
    return subprocess.run(["dpkg-query", f"--admindir={root}/var/lib/dpkg", "-W", "-f=${Version}", APP],
                          capture_output=True, text=True).stdout


def test_upgrade_keeps_bookmarks_and_removal_keeps_user_data(built: Built, tmp_path: Path) -> None:
    root, home = tmp_path / "root", tmp_path / "home"
    home.mkdir()
    launcher = root / "usr" / "bin" / APP
    # The real per-user folder (platformdirs under $HOME), not the test override.
    user_env = {"HOME": str(home), "ZGC_GUIDE_DATA": "", "XDG_DATA_HOME": str(home / ".local" / "share")}
    user_db = home / ".local" / "share" / APP / "user.db"

    dpkg(root, "-i", str(older_build(built, tmp_path)))
    assert installed_version(root) == "0.0.1"
    added = run(launcher, "bookmarks", "add", "forum", "green-finance-forum", **user_env)
    assert added.returncode == 0, added.stderr
    assert user_db.is_file()

    dpkg(root, "-i", str(built.deb))  # install the new version over the old one
    assert installed_version(root) == VERSION
    assert not (root / build.INSTALL_DIR / "_internal" / "only-in-0.0.1.txt").exists()
    listed = run(launcher, "bookmarks", "list", **user_env)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("forum\tgreen-finance-forum\t")
    assert run(launcher, "--self-test", **user_env).returncode == 0

    dpkg(root, "-r", APP)
    # Nothing left but dpkg's own database: no /opt, no empty folders of ours.
    assert [p.name for p in root.iterdir()] == ["var"] and not launcher.exists()
    with sqlite3.connect(f"{user_db.as_uri()}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT kind, item_id FROM bookmark").fetchall() == [
            ("forum", "green-finance-forum")]


# --- what a distribution, a software centre and IT check ---------------------------------------


@pytest.fixture(scope="module")
def unpacked(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb unpacked once (dpkg -x) for the checks below, which only read it."""
    root = tmp_path_factory.mktemp("unpacked")
    build.extract_deb(built.deb, root)
    return root


def test_desktop_entry_and_appstream_metainfo_pass_their_validators(unpacked: Path) -> None:
    desktop = unpacked / "usr" / "share" / "applications" / f"{APP}.desktop"
    done = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout
    metainfo = unpacked / "usr" / "share" / "metainfo" / f"{build.METAINFO_ID}.metainfo.xml"
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)],
                          capture_output=True, text=True)
    # Not a single error, warning or info (the summary would count them after a colon).
    assert done.returncode == 0 and done.stdout.strip().endswith("Validation was successful."), done.stdout
    text = metainfo.read_text(encoding="utf-8")
    assert f"<launchable type=\"desktop-id\">{APP}.desktop</launchable>" in text
    assert f'<release version="{VERSION}"' in text
    for name, _ in build.SCREENSHOTS:  # each screenshot it advertises is one the repository has
        assert (ROOT / "docs" / "screenshots" / name).is_file()


def test_icons_at_every_size_the_icon_theme_and_appstream_ask_for(unpacked: Path) -> None:
    from PySide6.QtGui import QImage

    hicolor = unpacked / "usr" / "share" / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / f"{APP}.svg").is_file()
    for size in (48, 128, 256):
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / f"{APP}.png"))
        assert (image.width(), image.height()) == (size, size)


def test_libraries_are_not_executable_and_carry_no_build_machine_runpath(unpacked: Path) -> None:
    install = unpacked / build.INSTALL_DIR
    executable_libraries = [p.name for p in install.rglob("*.so*")
                            if p.is_file() and not p.is_symlink() and p.stat().st_mode & 0o111]
    assert executable_libraries == []
    assert (install / APP).stat().st_mode & 0o755 == 0o755
    runpaths = []
    for path in build.elf_files(install):
        dynamic = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
        runpaths += [f"{path.name}: {m}" for m in re.findall(r"R(?:UN)?PATH\s+(\S+)", dynamic)
                     if any(not entry.startswith("$ORIGIN") for entry in m.split(":"))]
    assert runpaths == []


def test_copyright_file_names_every_bundled_file_with_its_licence(unpacked: Path) -> None:
    """Machine-readable debian/copyright: each bundled file matches a paragraph more specific
    than `Files: *`, and the big components carry their real licences."""
    text = (unpacked / "usr" / "share" / "doc" / APP / "copyright").read_text(encoding="utf-8")
    paragraphs = [dict(re.findall(r"^(\w[\w-]*): ?(.*)$", p, flags=re.MULTILINE)) for p in text.split("\n\n")]
    assert paragraphs[0]["Format"] == "https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    files = [(p["Files"].split(), p["License"]) for p in paragraphs if "Files" in p and p["Files"] != "*"]
    licence_of: dict[str, str] = {}
    for globs, licence in files:
        for pattern in globs:
            licence_of[pattern] = licence
    internal = unpacked / build.INSTALL_DIR / "_internal"
    unmatched = []
    for p in internal.rglob("*"):
        if p.is_dir():
            continue
        installed = p.relative_to(unpacked).as_posix()
        if not any(fnmatch.fnmatchcase(installed, pattern) for pattern in licence_of):
            unmatched.append(p.relative_to(internal).as_posix())
    # Only the guide's own files (content, its resources, the lists) fall under `Files: *` (MIT).
    components = json.loads((internal / "third-party.json").read_text(encoding="utf-8"))
    (own,) = [c["files"] for c in components if c["name"] == APP]
    assert "db/content.db" in unmatched
    assert set(unmatched) <= {*own, "third-party.json", "THIRD-PARTY-NOTICES.txt"}
    by_name = {p.get("Comment", "").split(" ")[0]: p.get("License", "") for p in paragraphs}
    assert by_name["Qt"] == "LGPL-3.0" and by_name["ICU"] == "Unicode-DFS-2016"
    assert by_name["OpenSSL"] == "Apache-2.0" and by_name["PyNaCl"] == "Apache-2.0 and ISC"
    assert by_name["PySide6_Essentials"].startswith("LGPL-3.0")
    assert by_name["WenQuanYi"].startswith("Apache-2.0")
    standalone = {p["License"].split()[0] for p in paragraphs if "License" in p and "Files" not in p}
    used = {word.strip("()") for _, licence in files for word in licence.split()
            if word.strip("()") not in ("and", "or", "with")}
    assert used <= standalone | {"GCC-exception-3.1", "Font-exception-2.0", "Bootloader-exception",
                                 "PCRE2-exception"}


def test_notices_list_what_the_bundle_holds(unpacked: Path) -> None:
    internal = unpacked / build.INSTALL_DIR / "_internal"
    notices = (internal / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    components = json.loads((internal / "third-party.json").read_text(encoding="utf-8"))
    names = {c["name"] for c in components}
    assert {"Qt", "ICU", "Python", "PySide6_Essentials", "PyNaCl", "pypinyin", "pydantic",
            "OpenSSL", "WenQuanYi Micro Hei", "PyInstaller bootloader"} <= names
    for c in components:
        assert f"- {c['name']}" in notices and c["licence"] in notices
    # Generated from the bundle: a library taken from the system is not claimed.
    assert "D-Bus" not in names and "libsystemd" not in names and "cryptography" not in names
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices  # Qt's LGPL-3.0 text itself


def test_lintian_overrides_each_say_why() -> None:
    lines = (ROOT / "packaging" / "linux" / "lintian-overrides").read_text(encoding="utf-8").splitlines()
    overrides = [i for i, line in enumerate(lines) if line.startswith(f"{APP}: ")]
    assert overrides
    for i in overrides:
        above = lines[i - 1] if i else ""
        # directly under its reason, or under another override that shares it
        assert above.startswith("# ") or above.startswith(f"{APP}: "), lines[i]


def as_installed(unpacked: Path, script: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` (sh) where /usr is this machine's /usr with the unpacked package laid over
    it (overlayfs in a private mount namespace): the system as it is once the .deb is installed,
    without installing it. Root uses its own namespace; a user maps itself to root in one."""
    unshare = ["unshare", "--mount"]
    if os.geteuid() != 0:
        unshare[1:1] = ["--user", "--map-root-user"]
    mount = f"mount -t overlay overlay -o lowerdir={unpacked / 'usr'}:/usr /usr"
    return subprocess.run([*unshare, "sh", "-ec", f"{mount}\n{script}"], capture_output=True, text=True,
                          timeout=120, env=app_env(**env))


def test_shipped_kiosk_unit_verifies_and_its_command_runs(unpacked: Path, tmp_path: Path) -> None:
    """The unit as installed, unmodified: systemd-analyze verify finds its program, man page and
    documentation where the package puts them, and its command passes the self-test."""
    unit = f"/{build.KIOSK_UNIT}"
    text = (unpacked / build.KIOSK_UNIT).read_text(encoding="utf-8")
    assert text == (ROOT / "packaging" / "kiosk" / "zgc-guide-kiosk.service").read_text(encoding="utf-8")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    done = as_installed(unpacked, f"systemd-analyze verify --user {unit}", XDG_RUNTIME_DIR=str(runtime))
    # verify only warns about unknown values or a missing program: any output is a failure.
    assert done.returncode == 0 and not done.stderr.strip() and not done.stdout.strip(), done.stderr
    (readme,) = re.findall(r"^Documentation=.*file://(\S+)", text, flags=re.MULTILINE)
    assert build.in_root(unpacked, readme).is_file()
    (command,) = re.findall(r"^ExecStart=(.+)$", text, flags=re.MULTILINE)
    assert command == f"/usr/bin/{APP} --kiosk"
    result = as_installed(unpacked, f"exec {command} --self-test", ZGC_GUIDE_DATA=str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("self-test ok in ")


def test_kiosk_unit_that_names_a_missing_program_fails_verification(unpacked: Path, tmp_path: Path) -> None:
    """The check above can fail: the old unit's /usr/bin/guide is not in the package."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    wrong = tmp_path / "zgc-guide-kiosk.service"
    wrong.write_text((unpacked / build.KIOSK_UNIT).read_text(encoding="utf-8").replace(
        f"/usr/bin/{APP} ", "/usr/bin/guide "), encoding="utf-8")
    done = as_installed(unpacked, f"systemd-analyze verify --user {wrong}", XDG_RUNTIME_DIR=str(runtime))
    assert "/usr/bin/guide" in done.stderr
