"""The About dialog (staff menu): program version, content pack and its signer, licences.

The licences are the bundle's ``THIRD-PARTY-NOTICES.txt``, which packaging/notices.py
generates from what the installer actually holds; a development checkout has none and
says so.
"""

from __future__ import annotations

import importlib.metadata
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from guide import paths
from guide.content.database import content_info
from guide.ui import text as tx

NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"


def app_version() -> str:
    """The guide's version from its package metadata (bundled with the frozen app too)."""
    try:
        return importlib.metadata.version("zgc-guide")
    except importlib.metadata.PackageNotFoundError:
        return "?"


def notices_path() -> Path:
    """Where an installed guide keeps its third-party notices (beside db/ and resources/)."""
    return paths.app_root() / NOTICES_NAME


class AboutDialog(QDialog):
    """Version, content and licences; read-only, closed with Close or Escape."""

    def __init__(self, content: sqlite3.Connection, lang: str, parent: QWidget | None = None,
                 notices: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About ZGC Forum Guide"))
        info = content_info(content)
        layout = QVBoxLayout(self)
        title = QLabel(tx.pick("中关村论坛指南", "ZGC Forum Guide", lang))
        title.setObjectName("aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        form = QFormLayout()
        self.version_label = QLabel(app_version())
        self.version_label.setObjectName("aboutVersion")
        form.addRow(self.tr("Version"), self.version_label)
        pack_title = tx.pick(info.title, info.title_en, lang)
        self.content_label = QLabel(f"{pack_title} ({info.pack_id} v{info.pack_version})")
        self.content_label.setObjectName("aboutContent")
        self.content_label.setWordWrap(True)
        form.addRow(self.tr("Content pack"), self.content_label)
        from guide.updates.programme import STAFF_SIGNER

        # A programme opened from a file is signed by no one: "staff import" had read as
        # a signature, and in English in the Chinese dialog.
        if info.signer == STAFF_SIGNER:
            signer = self.tr("none: a programme staff opened from a file")
        else:
            signer = info.signer or self.tr("none: the content shipped with the program")
        self.signer_label = QLabel(signer)
        self.signer_label.setObjectName("aboutSigner")
        self.signer_label.setWordWrap(True)
        form.addRow(self.tr("Signed by"), self.signer_label)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Licences of the software in this program:")))
        self.licences = QPlainTextEdit()
        self.licences.setObjectName("aboutLicences")
        self.licences.setReadOnly(True)
        self.licences.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        path = notices if notices is not None else notices_path()
        try:
            self.licences.setPlainText(path.read_text(encoding="utf-8"))
        except OSError:
            self.licences.setPlainText(self.tr(
                "This copy was not installed from a package, so it has no list of bundled software. "
                "Installers include THIRD-PARTY-NOTICES.txt."))
            self.licences.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.licences.setAccessibleName(self.tr("Licences"))
        layout.addWidget(self.licences, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # Named by the guide's translation, as boxes.name_buttons does.
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(720, 560)
