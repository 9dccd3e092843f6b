"""Message boxes whose buttons speak the UI's language (Qt's own translations are not
shipped, so its standard buttons said Yes, No and OK in the Chinese interface)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMessageBox, QWidget

from guide.ui import text as tx

_NAMES = {
    QMessageBox.StandardButton.Yes: QT_TRANSLATE_NOOP("tx", "Yes"),
    QMessageBox.StandardButton.No: QT_TRANSLATE_NOOP("tx", "No"),
    QMessageBox.StandardButton.Ok: QT_TRANSLATE_NOOP("tx", "OK"),
    QMessageBox.StandardButton.Cancel: QT_TRANSLATE_NOOP("tx", "Cancel"),
}


def message_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok, *,
                name: str = "") -> QMessageBox:
    """A box over ``parent`` (not shown yet: ``open()`` it), its buttons named in the UI's
    language; again with :func:`name_buttons` after a language change."""
    box = QMessageBox(icon, title, text, buttons, parent)
    if name:
        box.setObjectName(name)
    name_buttons(box)
    return box


def name_buttons(box: QMessageBox) -> None:
    """Name ``box``'s standard buttons in the UI's language."""
    for standard, label in _NAMES.items():
        button = box.button(standard)
        if button is not None:
            button.setText(tx.tr(str(label)))


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A Yes/No question to staff, answered before this returns (Yes is the default, as in
    Qt's own question box). Not for questions to kiosk visitors: a visit's reset can close
    an opened box, not one a caller is waiting on."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.exec()
    clicked = box.clickedButton()
    yes = clicked is not None and box.standardButton(clicked) == QMessageBox.StandardButton.Yes
    box.deleteLater()
    return yes
