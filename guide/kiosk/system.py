"""What the kiosk asks of the operating system: keep the screen on, respect reduced
motion, log to a rotating file. Everything here fails soft: a kiosk that cannot
inhibit the screen saver still runs (and says so in its log).

Screen blanking, per OS:

- Linux: the freedesktop ``org.freedesktop.ScreenSaver.Inhibit`` D-Bus call (GNOME, KDE,
  most desktops; released when the process exits), else ``xset s off -dpms`` on X11.
  Under a bare compositor such as ``cage`` there is no screen saver to inhibit; turn
  DPMS off in the compositor or kernel (``consoleblank=0``), see packaging/kiosk/README.md.
- Windows: ``SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED)``.
- macOS: ``caffeinate -d -i -w PID`` (ends by itself when the kiosk process does).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

LOG_NAME = "kiosk.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 5
logger = logging.getLogger("guide.kiosk")


def log_path() -> Path:
    """The kiosk's log file in the user data folder (``logs/kiosk.log``)."""
    from guide import paths

    folder = paths.user_data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / LOG_NAME


def setup_logging(path: Path | None = None) -> logging.Handler:
    """Send the ``guide.kiosk`` logger to a rotating file (1 MB x 5); returns the handler."""
    handler = logging.handlers.RotatingFileHandler(
        path or log_path(), maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def release_free_memory() -> bool:
    """Give the heap pages freed so far back to the operating system; False where it cannot.

    glibc keeps freed memory of every thread's arena resident for reuse. A kiosk frees a
    visitor's pages at each idle reset, between allocations on the poll and deadline
    threads, so over a week its resident size would only grow. ``malloc_trim(0)`` hands the
    free pages back (a few milliseconds); elsewhere (macOS, Windows, musl) this does nothing.
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library this process already uses
    except (OSError, AttributeError):
        return False
    trim(0)
    return True


def _run(cmd: list[str], timeout: float = 3.0) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None


def prefers_reduced_motion(platform: str = sys.platform) -> bool:
    """True when the system asks for less animation, as far as it can be told."""
    if os.environ.get("ZGC_GUIDE_REDUCED_MOTION"):
        return os.environ["ZGC_GUIDE_REDUCED_MOTION"] not in ("0", "false", "no")
    if platform == "win32":
        try:
            import ctypes

            enabled = ctypes.c_bool(True)
            spi_getclientareaanimation = 0x1042
            ctypes.windll.user32.SystemParametersInfoW(  # type: ignore[attr-defined]
                spi_getclientareaanimation, 0, ctypes.byref(enabled), 0)
            return not enabled.value
        except (AttributeError, OSError):
            return False
    if platform == "darwin":
        done = _run(["defaults", "read", "com.apple.universalaccess", "reduceMotion"])
        return bool(done and done.stdout.strip() == "1")
    if shutil.which("gsettings"):
        done = _run(["gsettings", "get", "org.gnome.desktop.interface", "enable-animations"])
        return bool(done and done.returncode == 0 and done.stdout.strip() == "false")
    return False


class ScreenKeeper:
    """Keeps the display from blanking while the kiosk runs; :meth:`release` undoes it."""

    def __init__(self) -> None:
        self.method = "none"
        self._undo: Callable[[], None] | None = None

    def hold(self, platform: str = sys.platform) -> str:
        """Inhibit blanking the best way the platform allows; returns how (for the log)."""
        try:
            if platform == "win32":
                self._hold_windows()
            elif platform == "darwin":
                self._hold_macos()
            else:
                self._hold_linux()
        except Exception as exc:  # never let this stop the kiosk
            logger.warning("could not keep the screen on: %s", exc)
            self.method = "none"
        return self.method

    def _hold_windows(self) -> None:
        import ctypes

        es_continuous, es_system, es_display = 0x80000000, 0x00000001, 0x00000002
        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        if kernel.SetThreadExecutionState(es_continuous | es_system | es_display):
            self.method = "SetThreadExecutionState"
            self._undo = lambda: kernel.SetThreadExecutionState(es_continuous)

    def _hold_macos(self) -> None:
        if shutil.which("caffeinate"):
            proc = subprocess.Popen(["caffeinate", "-d", "-i", "-w", str(os.getpid())])
            self.method = "caffeinate"
            self._undo = proc.terminate

    def _hold_linux(self) -> None:
        if self._dbus_inhibit():
            return
        if os.environ.get("DISPLAY") and shutil.which("xset"):
            done = _run(["xset", "s", "off", "-dpms"])
            if done and done.returncode == 0:
                self.method = "xset"
                self._undo = lambda: (_run(["xset", "s", "on", "+dpms"]), None)[1]

    def _dbus_inhibit(self) -> bool:
        if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
            return False
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
        except ImportError:
            return False
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        iface = QDBusInterface("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                               "org.freedesktop.ScreenSaver", bus)
        if not iface.isValid():
            return False
        reply = iface.call("Inhibit", "zgc-guide", "kiosk mode")
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return False
        cookie = reply.arguments()[0]
        self.method = "org.freedesktop.ScreenSaver"
        self._undo = lambda: (iface.call("UnInhibit", cookie), None)[1]
        return True

    def release(self) -> None:
        """Let the screen blank again."""
        undo, self._undo = self._undo, None
        if undo is not None:
            try:
                undo()
            except Exception as exc:
                logger.warning("could not release the screen: %s", exc)
