"""Look of the guide: bundled CJK font, colours, type scale, style sheet and icons.

Colours live in :class:`Palette` so the high-contrast theme is a second palette,
not a second style sheet. Font sizes derive from one base size times the user's
text scale, so Ctrl+/Ctrl- and the kiosk's larger type are a single number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QResource, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QLabel, QStyleOptionViewItem, QWidget

from guide import paths

FONT_FILE = "wqy-microhei.rcc"  # one face of upstream's TTC, in a Qt resource: packaging/derive_font.py
FONT_RESOURCE = ":/zgc-guide/fonts/wqy-microhei.ttf"


@dataclass(frozen=True)
class Palette:
    """A theme's colours by role (a docstring also spares dataclass an inspect.signature)."""

    name: str
    window: str
    surface: str
    text: str
    muted: str
    primary: str
    on_primary: str
    accent: str
    border: str
    selection: str
    focus: str
    warning: str
    icon: str  # line icons on the window and on surfaces (3:1 at least on both)
    star: str  # the outline of a bookmark star not yet set
    bar_icon: str  # icons on the toolbar's light buttons
    bar_icon_disabled: str  # ... when the button cannot act: on the toolbar colour itself
    placeholder: str  # hint text in empty fields (4.5:1 on the surface)
    viewer_icon: str = "#ffffff"  # the photo viewer's arrows, on its dark backdrop
    viewer_backdrop: str = "#10131a"  # around the photo
    viewer_border: str = "#5a6478"  # the outline of the viewer's buttons (3:1 on high contrast)
    disabled: str = "#5f6b80"  # labels of controls that cannot act (4.5:1 on the window)
    # A checked Bookmark button: amber, like a filled star (the focus ring must stand 3:1 on it).
    bookmarked: str = "#fff4d6"
    on_bookmarked: str = "#7a4d00"
    bookmarked_border: str = "#e8a10a"
    # Links in text are bold in the primary colour; where headings share that colour and
    # weight (high contrast: yellow), they are underlined too, or they read as headings.
    underline_links: bool = False


STANDARD = Palette(
    name="standard", window="#f3f6fa", surface="#ffffff", text="#16203a", muted="#4f5b73",
    primary="#0a4ea2", on_primary="#ffffff", accent="#006f67", border="#d5dde8",
    # focus: 3.3:1 or more on the page, cards, the selection and amber (#e8710a was 2.5-3.1)
    selection="#dce9fb", focus="#cc5f00",
    warning="#b3261e", icon="#0a4ea2", star="#5b6478",
    bar_icon="#0a4ea2", bar_icon_disabled="#c9d6ea", placeholder="#5f6b80",
)
HIGH_CONTRAST = Palette(
    name="high-contrast", window="#000000", surface="#000000", text="#ffffff", muted="#f0f0f0",
    primary="#ffd400", on_primary="#000000", accent="#7fffd4", border="#ffffff",
    selection="#1f3a93", focus="#00ffff", warning="#ff8a80", icon="#ffd400", star="#ffffff",
    bar_icon="#000000", bar_icon_disabled="#4d4000", placeholder="#d0d0d0", disabled="#a8a8a8",
    viewer_icon="#ffd400", viewer_backdrop="#000000", viewer_border="#ffd400", underline_links=True,
    bookmarked="#000000", on_bookmarked="#ffd400", bookmarked_border="#ffd400",
)
PALETTES = {p.name: p for p in (STANDARD, HIGH_CONTRAST)}


@dataclass(frozen=True)
class TypeScale:
    """Point sizes of the text roles, already multiplied by the user's text scale."""

    body: float
    small: float
    title: float
    heading: float
    display: float
    page: float  # page and detail titles: clearly above every section heading

    @classmethod
    def for_scale(cls, scale: float, base: float = 11.0) -> TypeScale:
        """The sizes at text scale ``scale``: made once per scale, as every font asks (a frozen
        dataclass's instance costs 17 k instructions; the first frame asked 166 times)."""
        found = _SCALES.get((scale, base))
        if found is None:
            b = base * scale
            found = _SCALES[scale, base] = cls(body=b, small=b * 0.86, title=b * 1.25, heading=b * 1.6,
                                               display=b * 2.3, page=b * 1.9)
        return found


_SCALES: dict[tuple[float, float], TypeScale] = {}


def font_data() -> QByteArray:
    """The bundled face's bytes, as a view of the mapped resource file (never a copy).

    Qt maps a registered resource file (reading it only where the system cannot map), and
    ``uncompressedData`` of an uncompressed entry wraps the map without copying it. So the
    4 MB face is read only where text is drawn from, and every face FreeType opens shares
    that one map. The file is never unregistered: the font database draws from it for the
    life of the process. It is mapped read-only like the Qt libraries installed beside it.
    """
    resource = QResource(FONT_RESOURCE)
    if not resource.isValid():
        font_path = paths.resources_dir() / "fonts" / FONT_FILE
        if not QResource.registerResource(str(font_path)):
            raise RuntimeError(f"cannot load the bundled font {font_path}")
        resource = QResource(FONT_RESOURCE)
    data = resource.uncompressedData()
    if data.isEmpty():
        raise RuntimeError(f"the bundled font {FONT_RESOURCE} is missing or empty")
    return data


def load_bundled_font(app: QApplication) -> str:
    """Register the bundled WenQuanYi Micro Hei and make it the app font; return its family.

    CI and fresh kiosks have no CJK font; without this Chinese renders as boxes.
    """
    font_id = QFontDatabase.addApplicationFontFromData(font_data())
    if font_id < 0:
        raise RuntimeError(f"cannot load the bundled font {FONT_RESOURCE}")
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPointSizeF(TypeScale.for_scale(1.0).body)
    app.setFont(font)
    return family


# Latin faces tried for English, in order (Windows, macOS, Linux), then the system's UI font.
_LATIN_FACES = ("Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans", "Liberation Sans",
                "Noto Sans")


def _latin_family(cjk: str) -> str | None:
    available = set(QFontDatabase.families())
    system = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    for family in (*_LATIN_FACES, system):  # "Sans Serif" may alias the CJK face: last
        if family in available and family != cjk:
            return family
    return None


# The faces content text (rows, cards, detail pages) is set in, for the UI language, and
# per language of the text (an English title under a Chinese one reads in the Latin face).
_content_families: list[str] = []
_families: dict[str, list[str]] = {}
_ui_lang = ["zh"]  # the UI's language, as set_language_font last heard it


def set_language_font(app: QApplication, lang: str) -> None:
    """English content reads in a Latin face (the bundled CJK face as fallback), Chinese in
    the CJK face.

    The CJK face draws “ ” and ’ full width, which leaves wide gaps in English
    sentences. Only content text changes face: the window's own labels and buttons keep
    the app font, so no minimum width grows with the (wider) Latin face.
    """
    _content_families[:] = _language_families(app)["en" if lang == "en" else "zh"]
    _ui_lang[0] = "en" if lang == "en" else "zh"


def _language_families(app: QApplication) -> dict[str, list[str]]:
    """The faces for text in each language: the CJK face for Chinese, the Latin one first
    for English (found once)."""
    cjk = str(app.property("zgc_cjk_family") or app.font().family())
    app.setProperty("zgc_cjk_family", cjk)
    if not _families or _families["zh"] != [cjk]:
        latin = _latin_family(cjk)
        _families.update(zh=[cjk], en=[latin, cjk] if latin else [cjk])
    return _families


def content_families(lang: str | None = None) -> list[str]:
    """The content faces in order, for text in ``lang`` (by default the UI's language);
    empty before :func:`set_language_font`."""
    return list(_families.get(lang, ()) if lang else _content_families)


def set_text_language(widget: QLabel, lang: str) -> None:
    """Set ``widget``'s text in the faces for text in ``lang`` (``zh``, ``en``).

    Through the style sheet (its ``textLang`` rules), not ``setFont``: the guide sets the
    style sheet again at every theme or text size change, and that drops a family set on
    a widget the style sheet gives a size.
    """
    set_style_state(widget, "textLang", lang)


def set_style_state(widget: QWidget, name: str, value: object) -> None:
    """Set the property ``name`` that style-sheet rules select on, and restyle ``widget``.

    Qt matches a property selector only when a widget is polished, and some widgets keep
    the size they measured until told the style changed (a combo box kept its touch height
    in a compact header), so both happen here.
    """
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        QApplication.sendEvent(widget, QEvent(QEvent.Type.StyleChange))


# On the focused widget while its focus ring is hidden: it took the focus by a tap on the
# kiosk, and no key has been pressed since (focus_rings.py; the style sheet's rules match it).
POINTER_FOCUS = "pointerFocus"


def ring_hidden(widget: QObject | None) -> bool:
    """Whether ``widget`` must draw no focus ring even while it has the focus: the last input
    was a tap, not a key (the kiosk's "focus-visible")."""
    return widget is not None and bool(widget.property(POINTER_FOCUS))


# On a text box with the focus while it is typed into by taps (the kiosk's on-screen keys,
# which have no Enter), not by a keyboard's keys (focus_rings.py). The box keeps its ring.
TAPPED_TYPING = "tappedTyping"


def typed_by_taps(box: QObject | None) -> bool:
    """Whether the text box ``box`` is typed into by taps on the kiosk's on-screen keyboard,
    which has no Enter: nothing may promise what Enter would do."""
    return box is not None and bool(box.property(TAPPED_TYPING))


def focus_shown(option: QStyleOptionViewItem) -> bool:
    """Whether a delegate paints the focus ring on the row or card of ``option``."""
    from PySide6.QtWidgets import QStyle  # not at import: its enum classes cost the start 48 M

    return bool(option.state & QStyle.StateFlag.State_HasFocus) and not ring_hidden(option.widget)


# From this size up, Chinese text asked to be bold is set at DemiBold, which the bundled
# face (it has no bold) draws regular: Qt's synthetic bold thickens every stroke by a share
# of the size and closed the gaps of dense characters (量 of 数量 a solid block in a title).
# Drawn at 16 to 28 px, the lower half of 量 is a block from 20 px up and nearly so from 16:
# from 20 pt, a kiosk's titles (18.6 pt at its text size of 1.35) were blocks. Not lower:
# the desktop's numbers at 100% (17.6 pt) would mix weights, 41.20万项 regular and 87.6% bold.
BOLD_CJK_LIMIT_PT = 18.0


def bold_weight(point_size: float, lang: str | None = None) -> QFont.Weight:
    """The weight of bold text at ``point_size`` in ``lang`` (by default the UI's language):
    Bold, or DemiBold for Chinese from :data:`BOLD_CJK_LIMIT_PT` up (drawn regular, size sets
    it apart). A Latin face with a bold of its own matches DemiBold with its Bold."""
    if (lang or _ui_lang[0]) == "zh" and point_size >= BOLD_CJK_LIMIT_PT:
        return QFont.Weight.DemiBold
    return QFont.Weight.Bold


def bold_as_drawn(font: QFont, text: str) -> QFont:
    """``font`` for drawing ``text`` when the font was made without knowing it (the kiosk's
    lettering, in pixels): a Bold from :data:`BOLD_CJK_LIMIT_PT` up at DemiBold, drawn
    regular, where ``text`` has Chinese. Any other weight is left as it was chosen (one
    weight for texts side by side: :func:`guide.kiosk.widgets.attract.value_font`)."""
    if font.weight() != QFont.Weight.Bold or not has_chinese(text):
        return font
    size = font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 72 / 96
    if size < BOLD_CJK_LIMIT_PT:
        return font
    drawn = QFont(font)
    drawn.setWeight(QFont.Weight.DemiBold)
    return drawn


def has_chinese(text: str) -> bool:
    """Whether ``text`` has a Chinese character (or full-width punctuation) in it."""
    # Compares, not a regex: re builds a class spanning the CJK block in Python (about 30 M
    # instructions), which at import was 2.7% of the start to the first paint.
    return not text.isascii() and any(
        "\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\uff00" <= c <= "\uffef"
        for c in text)


def bold_for(font: QFont, text: str) -> QFont:
    """``font`` for ``text``: a Chinese DemiBold (see :func:`bold_weight`) back to Bold when
    the text has no Chinese in it, as an imported programme's Latin titles in the Chinese UI
    (their glyphs stay open under synthetic bold)."""
    if font.weight() != QFont.Weight.DemiBold or has_chinese(text):
        return font
    bold = QFont(font)
    bold.setWeight(QFont.Weight.Bold)
    return bold


def font(role: str, scale: float = 1.0, *, bold: bool = False, lang: str | None = None) -> QFont:
    """A content font for a text role (body, small, title, heading, display), for text in
    ``lang`` (by default the UI's language); bold as :func:`bold_weight` allows."""
    f = QApplication.font()  # a copy of the app's font already (Qt returns it by value)
    families = content_families(lang)
    if families:
        f.setFamilies(families)
    size = getattr(TypeScale.for_scale(scale), role)
    f.setPointSizeF(size)
    f.setWeight(bold_weight(size, lang) if bold else QFont.Weight.Normal)
    return f


# The ink the icon files are drawn in, replaced by the current theme's colour for the role.
ICON_INKS = {"#0a4ea2": "icon", "#5b6478": "star", "#ffffff": "on_primary"}
_INK = re.compile("|".join(ICON_INKS), re.IGNORECASE)
_current = STANDARD
_applied_scale = 1.0
_applied_lang = "zh"


class ThemedIconEngine(QIconEngine):
    """Draws an icon file in the current theme's colours, so switching theme recolours every
    icon already set on a widget (blue on black would fail contrast in high contrast).
    ``own_colours`` draws the file as it is (the app's own icon)."""

    def __init__(self, name: str, role: str | None = None, disabled_role: str | None = None,
                 *, own_colours: bool = False) -> None:
        super().__init__()
        self.name, self.role, self.disabled_role = name, role, disabled_role
        self.own_colours = own_colours

    def clone(self) -> QIconEngine:
        return ThemedIconEngine(self.name, self.role, self.disabled_role, own_colours=self.own_colours)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        disabled = mode == QIcon.Mode.Disabled
        return _render(self.name, self.role, self.disabled_role if disabled else None,
                       None if self.own_colours else _current.name, size.width(), size.height(),
                       disabled)


@lru_cache(maxsize=512)
def _render(name: str, role: str | None, disabled_role: str | None, palette: str | None, width: int,
            height: int, disabled: bool) -> QPixmap:
    """``name`` drawn at the size, in the current palette's inks (none: the file's own)."""
    svg = (paths.resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")
    if palette is not None:
        # One pass: a colour put in must not be taken for another ink (white stars in high contrast).
        svg = _INK.sub(lambda m: getattr(_current, disabled_role or role or ICON_INKS[m[0].lower()]), svg)
    pixmap = QPixmap(max(1, width), max(1, height))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter)
    if disabled and disabled_role is None:  # no colour of its own: fade, as Qt would
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
        painter.fillRect(pixmap.rect(), QColor(0, 0, 0, 110))
    painter.end()
    return pixmap


def icon(name: str, role: str | None = None, disabled_role: str | None = None) -> QIcon:
    """An SVG icon from resources/icons in the current theme's colours (sharp at any size).

    ``role`` names the palette colour for its lines (default: the file's own role);
    ``disabled_role`` the colour when its control is disabled.
    """
    return QIcon(ThemedIconEngine(name, role, disabled_role))


def style_sheet(palette: Palette, scale: float = 1.0, lang: str | None = None) -> str:
    """The application style sheet for ``palette`` with sizes for ``scale``, its bold as
    :func:`bold_weight` allows for text in ``lang`` (by default the UI's language)."""
    template = (paths.resources_dir() / "styles" / "theme.qss").read_text(encoding="utf-8")
    sizes = TypeScale.for_scale(scale)
    values = {f"c_{k}": v for k, v in vars(palette).items()}
    values.update({f"pt_{k}": f"{v:.1f}pt" for k, v in vars(sizes).items()})
    values.update({f"w_{k}": str(bold_weight(v, lang).value) for k, v in vars(sizes).items()})
    values["touch"] = f"{int(44 * scale)}px"
    for name, px in (("day_pad_x", 16), ("compact_pad_x", 12)):
        values[name] = f"{int(px * scale)}px"  # a button's room beside its text, as the text grows
    # A drop-down's arrow, in the palette's text colour (a style sheet that styles the
    # drop-down must name its arrow, or none is drawn and a chooser reads as a label).
    arrow = paths.resources_dir() / "icons" / f"combo-arrow-{palette.name}.svg"
    values["combo_arrow"] = arrow.as_posix()
    values["combo_arrow_size"] = f"{int(14 * scale)}px"
    values["combo_drop"] = f"{int(26 * scale)}px"
    app = QApplication.instance()
    families = _language_families(app) if isinstance(app, QApplication) else {}
    for lang in ("zh", "en"):
        values[f"faces_{lang}"] = ", ".join(f'"{f}"' for f in families.get(lang, ["Sans Serif"]))
    return template.format(**values)


def apply(app: QApplication, palette: Palette = STANDARD, scale: float = 1.0) -> None:
    """Apply colours and sizes (and the bold the UI's language reads) to the whole application."""
    global _current, _applied_scale, _applied_lang
    _current, _applied_scale, _applied_lang = palette, scale, _ui_lang[0]
    qt_palette = app.palette()
    qt_palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(palette.placeholder))
    for role in (QPalette.ColorRole.Link, QPalette.ColorRole.LinkVisited):  # links in labels
        qt_palette.setColor(role, QColor(palette.primary))
    app.setPalette(qt_palette)
    f = QFont(app.font())
    f.setPointSizeF(TypeScale.for_scale(scale).body)
    app.setFont(f)
    app.setStyleSheet(style_sheet(palette, scale))


def luminance(rgb: int) -> float:
    """WCAG relative luminance of a 0xRRGGBB colour."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel((rgb >> 16) & 255) + 0.7152 * channel((rgb >> 8) & 255)
            + 0.0722 * channel(rgb & 255))


def contrast_ratio(a: int, b: int) -> float:
    """WCAG contrast ratio of two 0xRRGGBB colours."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def applied() -> tuple[str, float, str]:
    """The palette's name, the text scale and the language (zh, en: its bold) last applied
    to the application."""
    return _current.name, _applied_scale, _applied_lang


def app_icon() -> QIcon:
    """The window icon, in its own colours in every theme.

    Drawn by the guide's icon engine like every other icon: ``QIcon("app.svg")`` would load
    Qt's SVG icon plugin for this one icon (0.9 MB at the first frame).
    """
    return QIcon(ThemedIconEngine("app", own_colours=True))
