"""Names in a programme sheet's 嘉宾 Speakers and 主办 Host cells, as typed by hand."""

from __future__ import annotations

import re
from typing import Any

from guide.programme.cells import cell_text
from guide.programme.label_words import is_label_word, is_post, looks_like_name

# Separators an organiser types between names: 、，,;； a slash, a line break.
_SEPARATOR = re.compile(r"\s*[、，,;；/／\n]\s*")
# A space between two Chinese names ("张三 李四"); never inside a Latin name ("Zhang Wei").
_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u9fff\uf900-\ufaff])")


# With a semicolon in the cell, commas are inside names ("Wang, Wei; Li Na": surname first,
# as English lists write it; "Tsinghua University, Beijing; Peking University").
_STRONG_SEPARATOR = re.compile(r"\s*[、;；/／\n]\s*")


def host_names(value: Any) -> list[str]:
    """The hosts in a 主办 Host cell: organisations' names, which may have spaces in them."""
    text = cell_text(value)
    separator = _STRONG_SEPARATOR if ";" in text or "；" in text else _SEPARATOR
    return [n for n in separator.split(text) if n]


# Words a programme writes after a name, not names: "张三 教授" is one speaker.
_TITLES = frozenset("""教授 副教授 博士 院士 先生 女士 老师 讲师 研究员 主任 院长 校长 所长 局长 司长
    部长 处长 理事长 会长 秘书长 董事长 总经理 经理 总裁 总监 首席科学家 工程师 高级工程师
    总工程师 书记 主席 委员 创始人 合伙人""".split())  # noqa: SIM905
_TITLE_AT_END = re.compile("(?:" + "|".join(sorted(_TITLES, key=len, reverse=True)) + ")$")
# Words of an institution's name: "清华大学教授" says where the speaker is from.
_INSTITUTIONS = ("大学", "学院", "研究院", "研究所", "科学院", "中科院", "工程院", "实验室", "公司",
                 "集团", "中心", "医院", "银行", "协会", "学会", "委员会", "基金会", "政府")
_CJK_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
LONGEST_NAME = 4  # a Chinese name: two to four characters (欧阳 + a two-character given name)


def _describes(word: str) -> bool:
    """Whether ``word``, after a speaker's name, says who they are (a title, a post, where
    they are from: 教授, 副校长, 中国科学院院士, 清华大学教授) rather than naming another speaker."""
    if word in _TITLES or word.removeprefix("副") in _TITLES:
        return True
    if not _CJK_WORD.fullmatch(word):
        return False  # a Latin name, or one written with a dot (买买提·艾力)
    # Not after a one-character surname: 王教授 is a person, and so is 李学会.
    title = _TITLE_AT_END.search(word)
    return (len(word) > LONGEST_NAME or (title is not None and title.start() >= 2)
            or any(at == 0 or at >= 2 for at in (word.find(w) for w in _INSTITUTIONS)))


# A label before names in a 嘉宾 Speakers cell says their part, not who they are: 主持：张三；
# 嘉宾：李四、王五, 对话嘉宾：钱七, Moderator: Zhang Wei. Kept in the name, it made the moderator
# another person than the same 张三 on a row without it. Only a label followed by a colon (names
# have no colons), at the start of the cell or after a separator (see _LABEL).
_ROLE_WORDS = ("嘉宾|主持人?|主讲人?|主席|讲者|演讲人?|发言人?|报告人|致辞人?|点评人?|评议人?|对话人?"
               "|与谈人|领导|代表|专家")
_ENGLISH_ROLES = (r"(?:(?:invited|guest|keynote|special|featured)\s+)?(?:co-?)?(?:moderator|host"
                  r"|chair(?:person|man|woman)?|speaker|panell?ist|guest|presenter|facilitator"
                  r"|discussant|keynote|mc|emcee|introduction|opening\s+remarks)s?")
# What may stand before a Chinese role word in a label (特邀嘉宾, 对话嘉宾, 会议主持, 分论坛主持人,
# 中关村论坛主持, 开幕致辞, 企业代表): a qualifier, an event or part of one, or a word of labels.
_QUALIFIERS = "特邀|特约|受邀|拟邀|对话|演讲|主旨|发言|点评|圆桌|重要|主要|现场|线上|远程|联合|共同"
_EVENTS = ("会议|论坛|大会|峰会|年会|研讨会|座谈会|发布会|开幕式|闭幕式|仪式|典礼|环节|专场|单元|板块"
           "|议程|活动|沙龙|本场|全场|本次|会场|分会")
_LABEL_WORDS = re.compile(rf"(?:{_QUALIFIERS}|{_EVENTS}|{_ROLE_WORDS})+|.*(?:{_EVENTS})")
# Roles a person does (张三主持：李四 - 张三 hosts, 李四 speaks); before the others (嘉宾, 代表,
# 领导, 主持人 …) stands who they are (颁奖嘉宾, 华为代表, 市领导), never a name.
_DONE_ROLES = re.compile("主持|主讲|致辞|演讲|发言|报告|点评|评议|对话")
# A Chinese label starts a cell or follows a separator or a space (主持：张三 嘉宾：李四), what is
# before its role word included; an English one starts the cell or follows a separator, with up
# to three words before its role ("Session host: Wang Wei", "Panel moderator:"), all of it the
# label: a name typed straight before an English label is not what organisers write.
_LABEL = re.compile(rf"(?:(?<![^\s、，,;；/／])(?P<before>[^\s、，,;；/／:：]*?)(?:{_ROLE_WORDS})"
                    rf"|(?:^|(?<=[、，,;；/／\n]))[^\S\n]*(?:[A-Za-z][\w'’&.-]*[^\S\n]+){{0,3}}?"
                    rf"(?i:{_ENGLISH_ROLES}))\s*[:：]\s*")


def _name_before(label: re.Match[str]) -> str | None:
    """The name typed straight before a Chinese label (张三 of 张三主持：), "" when there is none
    (主持：, 开幕致辞：, 企业代表：), or None when the words before it are neither a label's nor
    plausibly a name: then the text is no label and stays as typed, since taking the words for a
    person invented speakers called 开幕 or 主题."""
    before = label["before"] or ""
    if not before or _LABEL_WORDS.fullmatch(before) or is_label_word(before):
        return ""
    role = label[0][len(before):].rstrip(":： \t\n")
    if not _DONE_ROLES.fullmatch(role):
        # 市领导：, 来宾嘉宾：: who the speakers after the colon are. A name there (王五代表：李四,
        # 李四领导：王五) may be the speaker or whom the speaker stands for: not guessed, and
        # never dropped, so the cell stays as typed.
        return None if looks_like_name(before) else ""
    if looks_like_name(before):
        return before  # 张三主持：, 王教授主持：
    return "" if is_post(before) else None  # 校长致辞：


def _unlabel(label: re.Match[str]) -> str:
    """A label's replacement in a cell: the name typed before it, if any, then a break."""
    name = _name_before(label)
    return label[0] if name is None else name + "\n"


# The same part after a name: 张三（主持）, Zhang Wei (moderator).
_LABEL_AFTER = re.compile(r"\s*[（(]\s*(?:主持人?|(?i:(?:co-?)?(?:moderator|host|chair)))\s*[）)]"
                          r"(?=\s*(?:$|[、，,;；/／\n]))")


def role_labels(value: Any) -> list[str]:
    """The role labels in a 嘉宾 Speakers cell (主持, 嘉宾, Moderator …), each once, as typed."""
    text = cell_text(value)
    found = [m[0].strip().rstrip(":：").strip().removeprefix(name)
             for m in _LABEL.finditer(text) if (name := _name_before(m)) is not None]
    found += [m[0].strip().strip("（()）").strip() for m in _LABEL_AFTER.finditer(text)]
    return list(dict.fromkeys(found))


def speaker_names(value: Any) -> list[str]:
    """The speakers in a 嘉宾 Speakers cell ("张三、李四", "张三 李四", "张三/李四", "Zhang Wei; Li Si");
    a title or affiliation after a name stays with it ("张三 教授", "李强 中国科学院院士"), a name
    padded with a space is one ("王 伟"); a role label is no part of a name ("主持：张三", "张三（主持）",
    "Session host: 张三", "开幕致辞：张三", "企业代表：张三": 张三; "张三主持：李四": 张三 and 李四,
    as a word before a label is a name only when it looks like one; the guide has no roles for a
    session's speakers, so a moderator is one of them)."""
    names: list[str] = []
    raw = cell_text(value)
    text = _LABEL.sub(_unlabel, _LABEL_AFTER.sub("", raw))
    # Labels part the groups ("Moderator: Zhang Wei; Speakers: Li Si, Wang Wu"): then a comma
    # parts names, where beside a semicolon alone it is inside one ("Wang, Wei; Li Na").
    labelled = text != raw
    for part in ([n for n in _SEPARATOR.split(text) if n] if labelled else host_names(text)):
        words = [w for w in _CJK_SPACE.split(part) if w]
        at_start = len(names)
        for word in words:
            if len(names) > at_start and _describes(word):
                names[-1] += f" {word}"
            elif len(names) > at_start and (len(word) == 1 or len(names[-1]) == 1):
                names[-1] += word  # "王 伟": a two-character name padded to line up with longer ones
            else:
                names.append(word)
    return names
