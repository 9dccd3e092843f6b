"""Interface language: Qt Linguist translations (.qm), switched while the app runs.

Source strings are English; Chinese comes from ``resources/translations`` and, for Qt's
own widgets, from the translations PySide6 ships. Switching installs or removes the
translators, then every page re-sets its strings.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from guide import paths

LANGUAGES = ("zh", "en")
QM_FILES = {"zh": "zgc_guide_zh_CN.qm"}
# Qt's own strings (a message box's "Show Details...", a file dialog's buttons), from the
# translations PySide6 ships: without them they stayed English in the Chinese interface.
QT_QM_FILES = {"zh": "qtbase_zh_CN.qm"}

log = logging.getLogger(__name__)


def system_language() -> str:
    """zh when the system locale is Chinese, else en."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def qt_translations_dir() -> Path:
    """Where Qt's own .qm files are (inside PySide6; the frozen bundle keeps the layout)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class Translations:
    """Holds the translators and installs the ones for the current language."""

    # Translators are process-wide in Qt; a guide built after another (tests, a restart
    # inside one process) must not inherit the other's language.
    _installed_anywhere: ClassVar[list[QTranslator]] = []

    def __init__(self) -> None:
        self._translators: dict[str, list[QTranslator]] = {}
        self._installed: list[QTranslator] = []

    def _load(self, lang: str) -> list[QTranslator]:
        """The guide's translator for ``lang`` and Qt's, loaded on first use (none for English)."""
        if lang not in QM_FILES:
            return []
        if lang not in self._translators:
            translator = QTranslator()
            path = paths.resources_dir() / "translations" / QM_FILES[lang]
            if not translator.load(str(path)):
                raise RuntimeError(f"cannot load the {lang} translation {path}")
            loaded = [translator]
            qt = QTranslator()
            qt_path = qt_translations_dir() / QT_QM_FILES[lang]
            if qt.load(str(qt_path)):
                loaded.append(qt)
            else:  # the guide's own strings still show; Qt's few stay English
                log.warning("Qt's %s translation %s was not found", lang, qt_path)
            self._translators[lang] = loaded
        return self._translators[lang]

    def apply(self, lang: str) -> None:
        """Make ``lang`` the interface language (call before pages retranslate)."""
        self.uninstall()
        for translator in self._load(lang):
            QCoreApplication.installTranslator(translator)
            self._installed.append(translator)
            Translations._installed_anywhere.append(translator)

    def uninstall(self) -> None:
        """Remove every translator a guide installed (back to the English source strings)."""
        for translator in Translations._installed_anywhere:
            QCoreApplication.removeTranslator(translator)
        Translations._installed_anywhere.clear()
        self._installed = []
