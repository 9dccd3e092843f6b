"""Imported sessions' types (free text in the organiser's system) named in the UI's language.

frab, pretalx and the c3voc tools let each conference name its own types, often with a stage
or a length in them: 39C3 has "Live-Podcast Bühne (45 Minuten)" and "Workshop Bühne (45
Minuten)", rC3 "Talk 30 min + 10min Q&A" and "LightningTalk 15min 10min Q&A", frab's defaults
are "lecture", "podium", "lightning_talk", "djset". Only whole names used to be translated,
so the Chinese UI showed 演讲 beside "Workshop Bühne (45 Minuten)". A type is now named by
the first kind below whose word it contains (a lightning talk before a talk); the detail
page gives the organiser's words beside the name when they say more than it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# (words that name the kind, English, Chinese), most specific first: "Lightning talk" is a
# talk too, "Workshop Bühne" is on a stage but is a workshop. Words are matched whole
# (case, "-", "_" and "/" aside); a Chinese word anywhere in the type.
KINDS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("lightning talk", "lightning talks", "lightningtalk", "lightning", "blitzvortrag",
      "blitztalk", "闪电演讲"), "Lightning talk", "闪电演讲"),
    (("keynote", "keynote speech", "主旨演讲", "主题演讲", "主旨报告", "主题报告"), "Keynote", "主旨演讲"),
    (("address", "opening address", "welcome address", "remarks", "opening remarks",
      "welcome remarks", "closing remarks", "致辞", "讲话", "欢迎辞", "欢迎词"), "Address", "致辞"),
    (("game show", "gameshow", "spielshow", "游戏节目"), "Game show", "游戏节目"),
    (("quiz", "pub quiz", "知识竞赛"), "Quiz", "知识竞赛"),
    (("workshop", "workshops", "hands on", "工作坊"), "Workshop", "工作坊"),
    (("tutorial", "教程"), "Tutorial", "教程"),
    (("training", "bootcamp", "培训", "训练营"), "Training", "培训"),
    (("panel", "panel discussion", "podium", "podiumsdiskussion", "podiumsgespräch",
      "roundtable", "round table", "圆桌"), "Panel", "圆桌讨论"),
    (("interview", "fireside chat", "访谈", "专访", "炉边谈话"), "Interview", "访谈"),
    (("podcast", "播客"), "Podcast", "播客"),
    # Before "ceremony" and "launch": 签约仪式 is a signing, 颁奖典礼 an award ceremony.
    (("signing", "signing ceremony", "签约", "签署"), "Signing", "签约"),
    (("award", "awards", "award ceremony", "awards ceremony", "prize giving", "颁奖"),
     "Awards", "颁奖"),
    (("press conference", "news conference", "press briefing", "新闻发布会", "记者会",
      "媒体见面会"), "Press conference", "新闻发布会"),
    (("party", "派对"), "Party", "派对"),
    (("launch", "product launch", "release", "kick off", "kickoff", "发布会", "发布", "启动"),
     "Launch", "发布会"),
    (("opening", "opening ceremony", "开幕式", "开幕"), "Opening", "开幕式"),
    (("closing", "closing ceremony", "闭幕式", "闭幕"), "Closing", "闭幕式"),
    (("ceremony", "zeremonie", "仪式", "典礼"), "Ceremony", "仪式"),
    (("concert", "konzert", "live music", "音乐会"), "Concert", "音乐会"),
    (("dj", "djset", "dj set", "djane"), "DJ set", "DJ 表演"),
    (("film", "films", "movie", "screening", "filmvorführung", "kino", "cinema", "电影"),
     "Film", "电影"),
    # Before the meals and breaks: a "Lunch talk" is a talk; a "Break-out session" no break.
    (("talk", "talks", "vortrag", "vorträge", "presentation", "präsentation", "演讲", "报告",
      "分享"), "Talk", "演讲"),
    (("dinner", "banquet", "gala dinner", "晚宴", "晚餐", "宴会"), "Dinner", "晚宴"),
    (("lunch", "luncheon", "lunch break", "午餐", "午宴", "工作餐"), "Lunch", "午餐"),
    (("breakfast", "早餐"), "Breakfast", "早餐"),
    (("reception", "cocktail", "cocktails", "招待会", "酒会"), "Reception", "招待会"),
    (("breakout", "break out", "breakout session", "break out session", "分组讨论", "分组会议"),
     "Breakout session", "分组会议"),
    (("break", "coffee break", "tea break", "pause", "kaffeepause", "茶歇", "休息", "午休"),
     "Break", "茶歇"),
    (("performance", "表演", "演出"), "Performance", "表演"),
    (("theater", "theatre", "戏剧"), "Theatre", "戏剧"),
    (("reading", "lesung", "朗读"), "Reading", "朗读会"),
    # Before "meeting" and "conference": 全体会议 and 全体大会 are a plenary.
    (("plenary", "plenary session", "全体会议", "全体大会"), "Plenary", "全体大会"),
    (("summit", "峰会"), "Summit", "峰会"),
    (("seminar", "研讨会", "研讨"), "Seminar", "研讨会"),
    (("symposium", "座谈会", "座谈"), "Symposium", "座谈会"),
    (("meeting", "meetup", "meet up", "treffen", "bof", "birds of a feather", "会议", "见面会"),
     "Meeting", "会议"),
    (("salon", "沙龙"), "Salon", "沙龙"),
    (("discussion", "diskussion", "debate", "讨论", "对话", "对谈"), "Discussion", "讨论"),
    (("lecture", "vorlesung", "讲座"), "Lecture", "讲座"),
    # After "talk": "Talk 30 min + 10min Q&A" is a talk.
    (("q a", "qa", "ama", "ask me anything", "问答", "答疑"), "Q&A", "问答"),
    (("pitch", "pitches", "pitching", "roadshow", "road show", "demo day", "路演"), "Pitch", "路演"),
    (("competition", "contest", "challenge", "hackathon", "比赛", "大赛", "竞赛", "挑战赛",
      "黑客松"), "Competition", "比赛"),
    (("exhibition", "ausstellung", "installation", "expo", "showcase", "展览", "展会", "博览会",
      "展示"), "Exhibition", "展览"),
    (("tour", "führung", "visit", "site visit", "field trip", "参观", "参访", "考察", "观摩"),
     "Tour", "参观"),
    # Before networking: 国际交流论坛 is a forum (交流 is in its name), 交流会 a networking.
    (("sub forum", "subforum", "分论坛"), "Sub-forum", "分论坛"),
    (("parallel forum", "平行论坛"), "Parallel forum", "平行论坛"),
    (("forum", "论坛"), "Forum", "论坛"),
    (("matchmaking", "business matchmaking", "b2b", "对接会", "对接", "洽谈会", "洽谈"),
     "Matchmaking", "对接会"),
    (("networking", "mixer", "交流会", "交流"), "Networking", "交流"),
    (("registration", "check in", "签到", "报到", "注册"), "Registration", "签到"),
    (("self organized session", "self organised session", "selbstorganisierte session"),
     "Self-organised session", "自组织活动"),
    # The widest words last: 大会报告 is a talk, 路演活动 a pitch. A Chinese sheet's commonest
    # types (论坛, 大会, 活动) had stayed Chinese in the English UI.
    (("conference", "congress", "大会"), "Conference", "大会"),
    (("event", "events", "activity", "activities", "活动"), "Event", "活动"),
    (("other", "others", "sonstiges", "andere", "其他"), "Other", "其他"),
)
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])")  # LightningTalk -> Lightning Talk


@lru_cache(maxsize=1)
def _not_word() -> re.Pattern[str]:
    # Compiled on first use, not at import: text.py (on the start path) imports this module,
    # and re builds the map of a class spanning the CJK block in Python, 38 M instructions
    # (3% of the start) for a pattern only an imported programme's pages use.
    return re.compile(r"[^\w\u3400-\u9fff]+|_")


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def _words(text: str) -> str:
    """``text`` as lower-case words between single spaces, with a space at each end."""
    text = _CAMEL.sub(" ", unicodedata.normalize("NFKC", text))
    return f" {' '.join(_not_word().sub(' ', text.casefold()).split())} "


@lru_cache(maxsize=256)
def match(kind: str) -> tuple[str, str, bool] | None:
    """(English, Chinese, whole) for a session type the guide can name, or None; ``whole`` is
    True when the type is that name and nothing more ("Talk", "lightning_talk")."""
    words = _words(kind)
    for names, english, chinese in KINDS:
        for name in names:
            # A Chinese word has no spaces around it: "圆桌对话" is a panel.
            if (name in words) if _has_cjk(name) else (f" {name} " in words):
                return english, chinese, words.strip() in names
    return None


def session_type(kind: str, lang: str) -> str:
    """An imported session's type in ``lang``, as short as a badge wants: "Talk" / "演讲",
    "Workshop Bühne (45 Minuten)" -> "Workshop" / "工作坊"; a type the guide cannot name
    ("Kidspace") as the programme gives it."""
    found = match(kind)
    if found is None:
        return kind
    return found[0] if lang == "en" else found[1]


def session_type_full(kind: str, lang: str) -> str:
    """The type for a session's page: its name in ``lang``, with the organiser's words beside
    it when they say more and are in another script ("播客（Live-Podcast Bühne (45 Minuten)）");
    in their own script they are shown as they are (an English reader reads "Theater /
    Performance" as well as "Performance")."""
    found = match(kind)
    if found is None:
        return kind
    name = found[0] if lang == "en" else found[1]
    if found[2]:
        return name
    if _has_cjk(kind) == (lang != "en"):
        return " ".join(kind.split())
    return f"{name} ({kind})" if lang == "en" else f"{name}（{kind}）"
