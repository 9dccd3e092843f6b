"""The baseline for size and start-time ratios: a bare PySide6 window, frozen like the guide.

``--quit-after SECONDS`` quits the event loop that long after it starts, and
``--quit-after-first-frame`` once the window has painted, exactly as the guide's options
of the same names do, so both are timed from launch to exit the same way.
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class QuitAfterPaint(QObject):
    """Quits the application on the event loop's next turn after the window's first paint."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    """Show a window with a label; quit after ``--quit-after`` seconds or the first frame if asked."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("hello"))
    window.resize(1280, 800)
    hook = QuitAfterPaint()
    if "--quit-after-first-frame" in sys.argv:
        window.installEventFilter(hook)
    window.show()
    if "--quit-after" in sys.argv:
        seconds = float(sys.argv[sys.argv.index("--quit-after") + 1])
        QTimer.singleShot(int(seconds * 1000), app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
