"""The baseline for size and start-time ratios: a bare PySide6 window, frozen like the guide.

``--quit-after SECONDS`` quits the event loop that long after it starts, exactly as
``guide --quit-after`` does, so both are timed from launch to exit the same way.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def main() -> int:
    """Show a window with a label; quit after ``--quit-after`` seconds if given."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("hello"))
    window.resize(1280, 800)
    window.show()
    if "--quit-after" in sys.argv:
        seconds = float(sys.argv[sys.argv.index("--quit-after") + 1])
        QTimer.singleShot(int(seconds * 1000), app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
