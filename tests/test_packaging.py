"""Packaging recipes that cannot run here (Windows, macOS, the release workflow) and the freeze rules.

The workflow and the Inno Setup script are checked for structure and for agreeing with
packaging/build.py (names, paths, commands); the real builds run in the release workflow.
"""

from __future__ import annotations

import configparser
import importlib.util
import inspect
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"


def load(name: str) -> ModuleType:
    """A module from packaging/ (not a package: `packaging` is a PyPI name)."""
    spec = importlib.util.spec_from_file_location(f"zgc_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


rules = load("freeze_rules")
build = load("build")


# --- freeze rules ---------------------------------------------------------------------------


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/platforms/qwindows.dll",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib", "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/imageformats/qjpeg.dll",
    "PySide6/Qt/plugins/imageformats/libqwebp.dylib", "PySide6/Qt/plugins/imageformats/libqgif.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll",  # a folder the rules do not know: kept
    "PySide6/Qt/lib/libQt6Widgets.so.6", "resources/fonts/wqy-microhei.rcc",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",  # Qt's dialog texts in the Chinese interface
])
def test_needed_plugins_and_files_are_kept(dest: str) -> None:
    assert rules.plugin_kept(dest) and rules.data_kept(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6/Qt/plugins/imageformats/qpdf.dll", "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so",
    "PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
    "PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/translations/qt_zh_CN.qm",
    "PySide6/Qt/translations/qtbase_zh_TW.qm",
])
def test_unused_plugins_and_qt_translations_are_dropped(dest: str) -> None:
    assert not (rules.plugin_kept(dest) and rules.data_kept(dest))


def test_pruning_keeps_what_kept_files_link_and_drops_the_rest() -> None:
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/src/libxcb-cursor.so.0", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),  # only the dropped GTK theme linked it
        ("PySide6/Qt/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
    ]
    datas = [("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
             ("resources/styles/theme.qss", "/src/theme.qss", "DATA")]
    links = {"/src/QtGui.abi3.so": ["libQt6Gui.so.6", "libc.so.6"],
             "/src/libQt6Gui.so.6": ["libQt6Core.so.6", "libGL.so.1"],
             "/src/libqxcb.so": ["libxcb-cursor.so.0", "libQt6Gui.so.6"]}
    kept_binaries, kept_datas = rules.prune_orphans(binaries, datas, lambda p: links.get(p, []))
    assert [b[0] for b in kept_binaries] == [
        "PySide6/QtGui.abi3.so", "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so", "libxcb-cursor.so.0"]
    assert kept_datas == datas


def pypinyin_entries() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """pypinyin's modules and data files as PyInstaller's analysis lists them."""
    folder = Path(importlib.util.find_spec("pypinyin").origin).parent  # type: ignore[arg-type,union-attr]
    pure = [(f"pypinyin.{n}" if n != "__init__" else "pypinyin", str(folder / f"{n}.py"), "PYMODULE")
            for n in ("__init__", "constants", "phrases_dict", "pinyin_dict")]
    datas = [(f"pypinyin/{n}", str(folder / n), "DATA") for n in ("phrases_dict.json", "pinyin_dict.json",
                                                                   "py.typed")]
    return pure, datas


def test_pypinyin_dictionaries_ship_inside_their_modules_with_the_same_content(tmp_path: Path) -> None:
    import pypinyin.phrases_dict
    import pypinyin.pinyin_dict

    pure, datas = pypinyin_entries()
    replaced, kept = rules.embed_json(pure, datas, tmp_path)
    assert sorted(replaced) == ["pypinyin.phrases_dict", "pypinyin.pinyin_dict"]
    assert [d[0] for d in kept] == ["pypinyin/py.typed"]  # the JSON files are not bundled
    sources = dict((name, source) for name, source, _ in pure)
    assert sources["pypinyin.constants"].endswith("constants.py")  # the rest untouched
    for name, original in (("phrases_dict", pypinyin.phrases_dict.phrases_dict),
                           ("pinyin_dict", pypinyin.pinyin_dict.pinyin_dict)):
        stand_in = Path(sources[f"pypinyin.{name}"])
        assert stand_in.parent == tmp_path
        spec = importlib.util.spec_from_file_location(f"stand_in_{name}", stand_in)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert getattr(module, name) == original and len(original) > 10_000


def test_a_dictionary_no_longer_where_the_rules_expect_stops_the_build(tmp_path: Path) -> None:
    pure, datas = pypinyin_entries()
    with pytest.raises(SystemExit, match=r"phrases_dict\.json is not collected"):
        rules.embed_json(pure, [d for d in datas if "phrases" not in d[0]], tmp_path)
    with pytest.raises(SystemExit, match=r"pinyin_dict.*not in the bundle"):
        rules.embed_json([p for p in pure if p[0] != "pypinyin.pinyin_dict"], datas, tmp_path)


def test_package_metadata_keeps_its_fields_without_the_description(tmp_path: Path) -> None:
    import importlib.metadata

    installed = importlib.metadata.distribution("pydantic")
    text = installed.read_text("METADATA")
    assert text is not None
    source = tmp_path / "METADATA"
    source.write_text(text, encoding="utf-8")
    licence = ("pydantic.dist-info/licenses/LICENSE", str(source), "DATA")
    entries = rules.trim_metadata([("pydantic.dist-info/METADATA", str(source), "DATA"), licence],
                                  tmp_path / "out")
    assert entries[1] == licence
    trimmed = Path(entries[0][1])
    assert trimmed == tmp_path / "out" / "pydantic.dist-info" / "METADATA"
    assert trimmed.stat().st_size < len(text.encode()) / 10  # pydantic's README and changelog go
    bundled = importlib.metadata.PathDistribution(trimmed.parent)
    assert bundled.version == installed.version and bundled.requires == installed.requires
    assert bundled.metadata["Summary"] == installed.metadata["Summary"]


# --- Linux package parts --------------------------------------------------------------------


def test_desktop_entry_launches_the_installed_command() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read_string(build.DESKTOP_ENTRY)
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == build.APP and section["Icon"] == build.APP
    assert section["Name[zh_CN]"] == "中关村论坛指南"
    assert section["Terminal"] == "false"
    assert section["Categories"].endswith(";") and section["Keywords"].endswith(";")


def test_known_libraries_map_to_the_packages_that_ship_them() -> None:
    """Check the soname table against this machine's dpkg database, where the library is installed."""
    import subprocess

    # Where the loader finds each library here (ldconfig's cache), then one dpkg -S for all
    # those paths, in both spellings of a merged /usr (dpkg knows the one its package used).
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths = set()
    for soname, where in re.findall(r"^\s*(\S+) \(.*?\) => (\S+)$", cache, flags=re.MULTILINE):
        if soname in build.SONAME_PACKAGES:
            real = where.removeprefix("/usr")
            paths.update({real, "/usr" + real})
    found = subprocess.run(["dpkg", "-S", *sorted(paths)], capture_output=True, text=True).stdout
    owners: dict[str, set[str]] = {}
    for line in found.splitlines():
        packages, _, path = line.partition(": ")
        for package in packages.split(", "):
            owners.setdefault(Path(path).name, set()).add(package.split(":")[0])
    checked = [soname for soname in build.SONAME_PACKAGES if soname in owners]
    for soname in checked:  # the rest are not installed here (e.g. libxcb-icccm4)
        assert build.SONAME_PACKAGES[soname] in owners[soname], f"{soname} comes from {owners[soname]}"
    assert len(checked) >= 20  # most of the table is verified on this machine


# --- Windows: Inno Setup --------------------------------------------------------------------


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in (PACKAGING / "windows" / "zgc-guide.iss").read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if re.fullmatch(r"\[\w+\]", stripped):
            current = stripped[1:-1]
            sections[current] = []
        elif stripped and not stripped.startswith(";"):
            sections.setdefault(current, []).append(stripped)
    return sections


def test_the_installer_build_finds_the_file_the_inno_script_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ISCC (Windows only) is played by a stand-in that writes what the .iss names."""
    setup = dict(line.split("=", 1) for line in iss_sections()["Setup"] if "=" in line)
    defines: dict[str, str] = {}

    def iscc(args: list[str], check: bool) -> None:
        defines.update(a[2:].split("=", 1) for a in args if a.startswith("/D"))
        name = setup["OutputBaseFilename"].replace("{#AppVersion}", defines["AppVersion"]) + ".exe"
        (Path(defines["OutputDir"]) / name).write_bytes(b"MZ")

    monkeypatch.setattr(build, "find_iscc", lambda: "ISCC.exe")
    monkeypatch.setattr(build.subprocess, "run", iscc)
    out = build.make_windows_installer(tmp_path / "bundle", tmp_path / "icons", tmp_path,
                                       package_version="1.2.3")
    assert out == tmp_path / "zgc-guide-1.2.3-windows-setup.exe" and out.read_bytes() == b"MZ"
    assert defines["SourceDir"] == str(tmp_path / "bundle")


def test_inno_setup_script_is_per_machine_with_start_menu_entry_and_uninstaller() -> None:
    s = iss_sections()
    setup = dict(line.split("=", 1) for line in s["Setup"] if "=" in line and not line.startswith("#"))
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["DefaultDirName"].startswith("{autopf}\\")
    assert setup["AppId"].startswith("{{")  # a fixed GUID: upgrades find the old install
    assert setup["UninstallDisplayIcon"] == "{app}\\{#AppExe}"
    assert setup["OutputBaseFilename"] == "zgc-guide-{#AppVersion}-windows-setup"
    assert any(line.startswith('Name: "{autoprograms}\\{#AppName}"; Filename: "{app}\\{#AppExe}"')
               for line in s["Icons"])
    assert any('Source: "{#SourceDir}\\*"' in line and "recursesubdirs" in line for line in s["Files"])
    assert any('Name: "{app}\\_internal"' in line for line in s["InstallDelete"])


def test_inno_setup_uninstall_keeps_user_data_unless_asked() -> None:
    code = "\n".join(iss_sections()["Code"])
    assert "usPostUninstall" in code
    assert "{localappdata}\\zgc-guide" in code  # platformdirs' user data folder on Windows
    assert "not UninstallSilent()" in code and "MB_DEFBUTTON2" in code  # default answer: keep
    delete = code.index("DelTree")
    assert code.rindex("IDYES", 0, delete) > code.rindex("MsgBox", 0, delete)


def test_uninstaller_offers_to_delete_the_configured_kiosk_accounts_data() -> None:
    """The kiosk account is not the one uninstalling: the setup script records it and the
    uninstaller finds that account's %LOCALAPPDATA% from its SID."""
    code = "\n".join(iss_sections()["Code"])
    script = (PACKAGING / "kiosk" / "install-windows-kiosk.ps1").read_text(encoding="utf-8")
    assert "KioskKey = 'SOFTWARE\\zgc-guide'" in code
    assert 'Set-ItemProperty -Path "HKLM:\\SOFTWARE\\zgc-guide" -Name "KioskUserSid" -Value $sid' in script
    assert 'Set-ItemProperty -Path "HKLM:\\SOFTWARE\\zgc-guide" -Name "KioskUser" -Value $User' in script
    assert "RegQueryStringValue(HKLM, KioskKey, 'KioskUserSid', Sid)" in code
    assert "ProfileList + Sid, 'ProfileImagePath'" in code and "\\AppData\\Local\\zgc-guide" in code
    assert "OfferToDelete(KioskDir," in code and "RegDeleteKeyIncludingSubkeys(HKLM, KioskKey)" in code


def test_windows_kiosk_scripts_are_installed_and_run_the_installed_programs() -> None:
    s = iss_sections()
    for name in ("install-windows-kiosk.ps1", "run-kiosk.ps1", "README.md"):
        assert f'Source: "..\\kiosk\\{name}"; DestDir: "{{app}}\\kiosk"; Flags: ignoreversion' in s["Files"]
        assert (PACKAGING / "kiosk" / name).is_file()
    installed_default = '(Join-Path (Split-Path $PSScriptRoot -Parent) "zgc-guide.exe")'  # {app}\{#AppExe}
    for name in ("install-windows-kiosk.ps1", "run-kiosk.ps1"):
        text = (PACKAGING / "kiosk" / name).read_text(encoding="utf-8")
        assert f"[string]$Guide = {installed_default}" in text
        assert "C:\\Program Files\\zgc-guide" not in text  # the old, wrong install folder
    script = (PACKAGING / "kiosk" / "install-windows-kiosk.ps1").read_text(encoding="utf-8")
    # Staff commands run on the console twin (the windowed .exe has no console).
    assert '$StaffCli = Join-Path (Split-Path $Guide -Parent) "zgc-guide-cli.exe"' in script
    assert script.count('`"$StaffCli`" kiosk set-pin') == 2 and '`"$Guide`" kiosk set-pin' not in script


def test_macos_bundle_ships_the_launch_agent_files_it_names() -> None:
    import plistlib

    with (PACKAGING / "kiosk" / "org.zgc-guide.kiosk.plist").open("rb") as f:
        plist = plistlib.load(f)
    app = Path("/Applications") / f"{build.APP}.app"
    runner = app / "Contents" / "Resources" / "kiosk" / "run-kiosk.sh"
    assert plist["ProgramArguments"] == ["/bin/sh", str(runner)]
    assert plist["EnvironmentVariables"]["GUIDE"] == str(build.executable(app))
    spec = (PACKAGING / "zgc-guide.spec").read_text(encoding="utf-8")
    # PyInstaller puts a .app's data files in Contents/Resources (as it does db/, see bundled_db).
    assert '(str(ROOT / "packaging" / "kiosk" / name), "kiosk")' in spec
    assert '"run-kiosk.sh", "org.zgc-guide.kiosk.plist", "README.md"' in spec
    assert '"LSMinimumSystemVersion": "13.0"' in spec


def test_windows_exe_names_agree() -> None:
    text = (PACKAGING / "windows" / "zgc-guide.iss").read_text(encoding="utf-8")
    assert '#define AppExe "zgc-guide.exe"' in text
    spec = (PACKAGING / "zgc-guide.spec").read_text(encoding="utf-8")
    assert 'name=f"{NAME}-cli", console=True' in spec  # the console twin the workflow runs


# --- the release workflow -------------------------------------------------------------------


def workflow() -> dict[Any, Any]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps_for(os_name: str) -> list[dict[str, Any]]:
    """The package job's steps that run on a runner whose runner.os is ``os_name``."""
    chosen = []
    for step in workflow()["jobs"]["package"]["steps"]:
        condition = step.get("if", "")
        if not condition:
            chosen.append(step)
            continue
        m = re.fullmatch(r"runner\.os (==|!=) '(Linux|Windows|macOS)'", condition)
        assert m, f"unexpected condition {condition!r}"
        if (m.group(1) == "==") == (m.group(2) == os_name):
            chosen.append(step)
    return chosen


def test_workflow_triggers_and_matrix() -> None:
    data = workflow()
    triggers: dict[str, Any] = data[True] if True in data else data["on"]  # YAML 1.1: bare `on` is true
    assert triggers["push"]["tags"] == ["v*"] and "workflow_dispatch" in triggers
    job = data["jobs"]["package"]
    oses = job["strategy"]["matrix"]["os"]
    assert {o.split("-")[0] for o in oses} == {"ubuntu", "windows", "macos"}
    assert job["runs-on"] == "${{ matrix.os }}"
    assert job["strategy"]["fail-fast"] is False


@pytest.mark.parametrize("os_name", ["Linux", "Windows", "macOS"])
def test_each_runner_builds_with_the_packaging_commands_and_self_tests(os_name: str) -> None:
    steps = steps_for(os_name)
    uses = [s.get("uses", "") for s in steps]
    assert uses[0].startswith("actions/checkout@")
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    runs = [s["run"] for s in steps if "run" in s]
    build_cmd = "make package" if os_name != "Windows" else "packaging/build.py"
    build_index = next(i for i, r in enumerate(runs) if build_cmd in r)
    self_tests = [i for i, r in enumerate(runs) if "--self-test" in r]
    assert self_tests and min(self_tests) > build_index  # the installed app, after building
    artifact = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    pattern = {"Linux": "dist/*.deb", "Windows": "dist/*-setup.exe", "macOS": "dist/*.dmg"}[os_name]
    assert pattern in artifact["with"]["path"].split()


def test_windows_self_test_runs_the_installed_console_twin() -> None:
    runs = " ".join(s["run"] for s in steps_for("Windows") if "run" in s)
    assert "/VERYSILENT" in runs
    assert r"$env:ProgramFiles\ZGC Forum Guide\zgc-guide-cli.exe" in runs  # DefaultDirName in the .iss
    assert "#define AppName \"ZGC Forum Guide\"" in (PACKAGING / "windows" / "zgc-guide.iss").read_text(
        encoding="utf-8")


def test_macos_self_test_runs_the_app_from_the_dmg_of_its_architecture() -> None:
    runs = " ".join(s["run"] for s in steps_for("macOS") if "run" in s)
    assert "hdiutil attach dist/zgc-guide-*-macos-$(uname -m).dmg" in runs
    assert build.dmg_name("1.2.3", "arm64") == "zgc-guide-1.2.3-macos-arm64.dmg"
    assert "/Applications/zgc-guide.app/Contents/MacOS/zgc-guide --self-test" in runs
    assert "spctl --assess" in runs  # what Gatekeeper says
    oses = workflow()["jobs"]["package"]["strategy"]["matrix"]["os"]
    assert {"macos-13", "macos-14"} <= set(oses)  # x86_64 and arm64 runners


@pytest.mark.parametrize(("os_name", "secrets"), [
    ("macOS", ["MACOS_CERTIFICATE", "MACOS_SIGN_IDENTITY", "NOTARY_KEY"]),
    ("Windows", ["WINDOWS_CERTIFICATE", "WINDOWS_CERTIFICATE_PASSWORD"]),
])
def test_signing_runs_with_the_secrets_and_warns_without_them(os_name: str, secrets: list[str]) -> None:
    (step,) = [s for s in steps_for(os_name) if "Signing" in s.get("name", "")]
    for secret in secrets:
        assert step["env"][secret] == f"${{{{ secrets.{secret} }}}}"
    assert "::warning::" in step["run"] and "NOT be signed" in step["run"]
    names = [s.get("name", "") for s in steps_for(os_name)]
    assert names.index(step["name"]) < next(i for i, n in enumerate(names) if n.startswith("Build"))
    # build.py signs when the step exported the variables, and warns when it did not.
    source = inspect.getsource(build.sign_app if os_name == "macOS" else build.sign_windows)
    assert "warn(" in source and "NOT signed" in source


def test_linux_self_test_runs_the_apt_installed_guide() -> None:
    runs = " ".join(s["run"] for s in steps_for("Linux") if "run" in s)
    assert "apt-get install -y ./dist/zgc-guide_*.deb" in runs
    assert "QT_QPA_PLATFORM=offscreen zgc-guide --self-test" in runs


def test_release_job_publishes_only_for_tags() -> None:
    job = workflow()["jobs"]["release"]
    assert job["needs"] == "package"
    assert job["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert job["permissions"] == {"contents": "write"}
    assert workflow()["permissions"] == {"contents": "read"}
