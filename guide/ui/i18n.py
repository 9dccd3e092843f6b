"""Interface language: Qt Linguist translations (.qm), switched while the app runs.

Source strings are English; Chinese comes from ``resources/translations``. Switching
installs or removes the translator, then every page re-sets its strings.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from guide import paths

LANGUAGES = ("zh", "en")
QM_FILES = {"zh": "zgc_guide_zh_CN.qm"}


def system_language() -> str:
    """zh when the system locale is Chinese, else en."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class Translations:
    """Holds the translators and installs the one for the current language."""

    # Translators are process-wide in Qt; a guide built after another (tests, a restart
    # inside one process) must not inherit the other's language.
    _installed_anywhere: ClassVar[list[QTranslator]] = []

    def __init__(self) -> None:
        self._translators: dict[str, QTranslator] = {}
        self._installed: QTranslator | None = None

    def _translator(self, lang: str) -> QTranslator | None:
        if lang not in QM_FILES:
            return None
        if lang not in self._translators:
            translator = QTranslator()
            path = paths.resources_dir() / "translations" / QM_FILES[lang]
            if not translator.load(str(path)):
                raise RuntimeError(f"cannot load the {lang} translation {path}")
            self._translators[lang] = translator
        return self._translators[lang]

    def apply(self, lang: str) -> None:
        """Make ``lang`` the interface language (call before pages retranslate)."""
        self.uninstall()
        translator = self._translator(lang)
        if translator is not None:
            QCoreApplication.installTranslator(translator)
            self._installed = translator
            Translations._installed_anywhere.append(translator)

    def uninstall(self) -> None:
        """Remove every translator a guide installed (back to the English source strings)."""
        for translator in Translations._installed_anywhere:
            QCoreApplication.removeTranslator(translator)
        Translations._installed_anywhere.clear()
        self._installed = None
