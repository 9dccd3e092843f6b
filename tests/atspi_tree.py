"""Print a running guide's accessibility tree as a screen reader gets it (AT-SPI), as JSON.

Run by the system's python3 (Debian's python3-pyatspi), not the project's venv, inside the
D-Bus session the guide runs in: ``tests/test_atspi.py`` starts both. It waits until the
guide's window shows a list with rows, then prints one object per node.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]


def nodes(root):  # type: ignore[no-untyped-def]
    out, stack = [], [(root, "")]
    while stack and len(out) < 5000:
        node, path = stack.pop()
        if node is None:
            continue
        try:
            role, name, description = node.getRoleName(), node.name or "", node.description or ""
            showing = pyatspi.STATE_SHOWING in node.getState().getStates()
            actions = []
            try:
                action = node.queryAction()
                actions = [action.getName(i) for i in range(action.nActions)]
            except NotImplementedError:
                pass
            text = ""
            with contextlib.suppress(NotImplementedError):  # any text a reader can read
                t = node.queryText()
                text = t.getText(0, t.characterCount)
            links = 0
            with contextlib.suppress(NotImplementedError):
                links = node.queryHypertext().getNLinks()
            labelled_by = [r.getTarget(i).name for r in node.getRelationSet()
                           if r.getRelationType() == pyatspi.RELATION_LABELLED_BY
                           for i in range(r.getNTargets())]
            here = f"{path}/{role}:{name}"
            out.append({"role": role, "name": name, "description": description,
                        "showing": showing, "actions": actions, "text": text, "links": links,
                        "labelled_by": labelled_by, "path": here})
            kids = [node.getChildAtIndex(i) for i in range(min(node.childCount, 300))]
        except Exception:  # a node that went away while we walked
            continue
        stack.extend((k, here) for k in reversed(kids))
    return out


def act(app, row_name: str) -> None:  # type: ignore[no-untyped-def]
    """Do the first (default) action of a row or link, found by its accessible name."""
    stack = [app]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if node.getRoleName() in ("list item", "link") and node.name == row_name:
            node.queryAction().doAction(0)
            return
        stack.extend(node.getChildAtIndex(i) for i in range(min(node.childCount, 300)))
    raise SystemExit(f"no row named {row_name!r}")


def main() -> int:
    deadline = time.monotonic() + float(sys.argv[1] if len(sys.argv) > 1 else 30)
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
        app = next((a for a in apps if a is not None and a.name == "zgc-guide"), None)
        if app is not None:
            found = nodes(app)
            if any(n["role"] == "list item" and n["showing"] for n in found):
                time.sleep(1.0)  # let the page finish (lazy rows, retranslation)
                if len(sys.argv) > 2:  # the row to act on, as a screen reader user would
                    act(app, sys.argv[2])
                    time.sleep(1.5)
                print(json.dumps(nodes(app), ensure_ascii=False))
                return 0
        time.sleep(0.3)
    print("the guide did not appear on the accessibility bus", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
