"""``main()`` of the desktop app: build the QApplication, open the databases, inject them."""

from __future__ import annotations

import argparse
import sys


def run_app(args: argparse.Namespace) -> int:
    """Start the guide window with the databases and options from ``args``."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    from guide.content.locate import ensure_content_db
    from guide.content.queries import content_info, open_content_db

    app = QApplication(sys.argv[:1])
    content = open_content_db(ensure_content_db(args.content_db))
    window = QMainWindow()
    window.setWindowTitle(content_info(content).title)
    window.resize(1280, 800)
    window.show()
    return app.exec()


def main() -> int:
    """Console entry point; the CLI decides whether to launch the window."""
    from guide.cli import main as cli_main

    return cli_main()
