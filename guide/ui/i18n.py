"""Interface language: Qt Linguist translations (.qm), switched while the app runs.

Source strings are English; Chinese comes from ``resources/translations``. Switching
installs or removes the translator, then every page re-sets its strings.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from guide import paths

LANGUAGES = ("zh", "en")
QM_FILES = {"zh": "zgc_guide_zh_CN.qm"}


def system_language() -> str:
    """zh when the system locale is Chinese, else en."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class Translations:
    """Holds the translators and installs the one for the current language."""

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
        if self._installed is not None:
            QCoreApplication.removeTranslator(self._installed)
            self._installed = None
        translator = self._translator(lang)
        if translator is not None:
            QCoreApplication.installTranslator(translator)
            self._installed = translator
