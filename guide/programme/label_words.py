"""What stands before a Chinese role label in a 嘉宾 Speakers cell (开幕致辞：, 张三主持：): words of the
label, or a person's name typed straight before it. Guessing a name there invented people called
开幕, 主题 and 上午, so a word is a name only when it looks like one."""

from __future__ import annotations

import re

# The common surnames (about four in five Chinese people have one of them); a word before a label
# that starts with none of them is not taken for a name. 华, 金, 高 … start label words too
# (华为代表, 金融专场, 高端对话): the words below say those are labels.
_SURNAMES = frozenset("""王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许
    韩 冯 邓 曹 彭 曾 肖 萧 田 董 潘 袁 蔡 蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆
    汪 范 廖 石 贾 韦 邹 熊 孟 秦 邱 江 尹 薛 闫 阎 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严
    覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹
    申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴 霍 涂 成 苗 谷 盛
    曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 穆 农 卓 古 吉 缪
    简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 佟 臧 闵 苟 邬 卞 姬 仇
    栾 隋 刁 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 佘 池 麻 苑 迟 邝 谈 匡 鞠 荆 冀 郁 胥 储 栗 燕 楚 鄢
    谌 奚 粟 冼 蔺 楼 闻 厉 仝 郜 阚 帅 屠 朴 廉 禹 祖 漆 卿 狄 晋 芮 扈 晁 阙 浦 伏 邸 雍 辜 裘 亓
    邰 赫 杭 逯 茹 慕 嵇 戎 茅 尉 昝 檀""".split())  # noqa: SIM905
_DOUBLE_SURNAMES = ("欧阳", "上官", "司马", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
                    "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "西门", "南宫", "独孤", "万俟")

# Words of a label, never of a person (开幕致辞, 主题演讲, 上午主持, 企业代表, 颁奖嘉宾 …): a word
# before a role label holding one of them is the label's. Two characters or more, since a
# one-character word (主, 分) may be part of a name.
LABEL_WORDS = frozenset("""开幕 闭幕 开场 开篇 欢迎 致辞 致谢 答谢 主题 主旨 专题 总结 发言 演讲 主持
    嘉宾 代表 领导 专家 学者 上午 下午 中午 晚上 晚间 全天 首日 次日 当天 学术 企业 行业 产业 青年
    学生 政府 媒体 颁奖 获奖 揭牌 签约 发布 启动 分享 交流 对话 圆桌 高端 高层 高级 高峰 巅峰
    特邀 特约 特别 重要 主要 现场 线上 线下 远程 联合 共同 主办 承办 协办 支持 合作 指导 主办方
    承办方 协办方 支持方 合作方 中方 外方 双方 各方 国际 海外 国内 中外 外籍 外宾 常务 执行 董事
    金融 文化 科技 创新 投资 院士 会长 评审 评委 点评 评议 讲座 报告 论坛 会议 大会 峰会 年会
    仪式 典礼 环节 专场 单元 板块 议程 活动 沙龙 本场 全场 本次 会场 分会 平行 第一 第二 第三
    第四 第五 首位 其他 其它 全体 部分 优秀 来宾 贵宾 宾客 外宾 特邀""".split())  # noqa: SIM905
# Where a label word names an organisation or a place: 华为公司代表, 北京市领导, 清华大学代表.
_PLACE_ENDING = re.compile(r"(?:省|市|区|县|局|厅|委|司|部|校|团|队|组委会|公司|大学|学院|研究院|"
                           r"研究所|科学院|实验室|集团|中心|医院|银行|协会|学会|委员会|基金会)$")
# A post or title at the end: 校长致辞：, 市长致辞：, 主席致辞： are said by whoever follows the colon.
_POST_ENDING = re.compile(r"(?:长|主席|书记|主任|委员|教授|院士|博士|老师|先生|女士|理事|总裁|总监|"
                          r"经理|创始人|合伙人|科学家|工程师|研究员)$")
_CJK_NAME = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,4}|[\u3400-\u9fff]+·[\u3400-\u9fff·]+")


def is_label_word(word: str) -> bool:
    """Whether ``word``, typed straight before a Chinese role word (开幕 of 开幕致辞：, 企业 of
    企业代表：), belongs to the label: one character, a common label word in it, or the name of an
    organisation or place (清华大学代表：, 北京市领导：)."""
    return (len(word) == 1 or any(w in word for w in LABEL_WORDS)
            or _PLACE_ENDING.search(word) is not None)


def looks_like_name(word: str) -> bool:
    """Whether ``word`` is plausibly a Chinese person's name: two to four Chinese characters after
    one of the common surnames (张三, 欧阳明远), or a name with a middle dot (买买提·艾力)."""
    if not _CJK_NAME.fullmatch(word) or is_label_word(word):
        return False
    if "·" in word:
        return True
    if word[:2] in _DOUBLE_SURNAMES:
        return len(word) >= 3
    return word[0] in _SURNAMES and len(word) <= 3


def is_post(word: str) -> bool:
    """Whether ``word`` ends in a post or title (校长, 副市长, 董事长, 教授): before a role label
    that is not plausibly a name (see looks_like_name), it says who speaks, not their name."""
    return _POST_ENDING.search(word) is not None
