"""`python -m guide.cli` and `python -m guide` run the `guide` command as the installed entry point
does, with one copy of guide/cli.py: it had run twice under `-m guide.cli` (as __main__, then as
the guide.cli its commands import), 2.5 ms more on every start and two copies of its state."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Imported at start-up by every Python of the test's PYTHONPATH: counts the times a file named
# guide/cli.py is run (the "exec" audit event of an import and of runpy alike).
COUNTER = """
import atexit, sys
runs = []
def hook(event, args):
    if event == "exec" and getattr(args[0], "co_filename", "").replace("\\\\", "/").endswith("guide/cli.py"):
        runs.append(args[0].co_filename)
sys.addaudithook(hook)
atexit.register(lambda: sys.stderr.write(f"guide/cli.py ran {len(runs)} time(s)\\n"))
"""


@pytest.mark.parametrize("command", [
    [sys.executable, "-m", "guide.cli"],
    [sys.executable, "-m", "guide"],
    [str(Path(sys.executable).with_name("guide"))],  # the installed entry point, as before
])
def test_python_m_runs_the_guide_command_with_one_copy_of_the_cli(
        command: list[str], tmp_path: Path, _user_data: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(COUNTER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path / "site"), str(ROOT)])}
    # `update status` reaches guide.cli from its own module (guide.commands.updates).
    r = subprocess.run([*command, "update", "status", "--json"], capture_output=True, text=True,
                       timeout=120, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    said = json.loads(r.stdout)
    assert said["slot"] == str(_user_data / "content" / "installed")
    assert said["config"].startswith(str(_user_data / "updates.toml"))
    assert r.stderr.endswith("guide/cli.py ran 1 time(s)\n"), r.stderr
