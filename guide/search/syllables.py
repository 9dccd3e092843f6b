"""Whole pinyin syllables, for telling a query that ends on a syllable from one still being typed.

``zhang`` is a whole syllable (张) that nothing longer starts with, so a title whose spelling
holds it only across a syllable boundary (发展改革 fa'zhan'gai'ge, "zhan" then the start of
"gai") should not rank as if it said 张. ``zhongg`` ends inside a syllable and ``jia`` may be
the start of jiao (教育部): every match of those may be what is being typed, none is held back.

The syllables are the readings pypinyin gives (folded as the index folds them: ü -> u),
without the interjections m, n, ng, hm and hng, whose single letters would make almost any
query look finished ("zhongn" = zhong + n). ``tests/test_search_syllables.py`` holds this table
to pypinyin's data; it is written out so that a search never imports pypinyin.
"""

from __future__ import annotations

from functools import lru_cache

SYLLABLES = frozenset("""
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca
    cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua
    chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den
    deng di dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang
    fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang
    gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji
    jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng
    kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian
    liang liao lie lin ling liu lo long lou lu luan lue lun luo ma mai man mang mao me mei men meng
    mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nia nian niang
    niao nie nin ning niu nong nou nu nuan nue nun nuo o ou pa pai pan pang pao pei pen peng pi pian
    piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran
    rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha
    shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si
    song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu
    tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie xin xing
    xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan
    zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua
    zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
""".split())  # noqa: SIM905 (a table to read, not a list to edit)
LONGEST = max(map(len, SYLLABLES))
INTERJECTIONS = frozenset(("m", "n", "ng", "hm", "hng"))
# Syllables that are the start of a longer one (jia: jian, jiang, jiao): a query ending on one
# may still be being typed.
_OPEN = frozenset(s for s in SYLLABLES if any(t != s and t.startswith(s) for t in SYLLABLES))


@lru_cache(maxsize=4096)
def ends_on_syllable(letters: str) -> bool:
    """Whether ``letters`` (folded pinyin) read as whole syllables from start to end, the last
    of which no longer syllable starts with: ``zhang`` and ``jiao`` are finished, ``jia``
    (jiao?) and ``zhongg`` may still be being typed."""
    return _last_syllables(letters, open_too=False)


@lru_cache(maxsize=4096)
def is_syllables(letters: str) -> bool:
    """Whether ``letters`` (folded pinyin) read as whole syllables, the last one possibly the
    start of a longer one: ``lu`` (绿, or the start of lun), ``jia``, ``zhang``; not ``zhongg``."""
    return _last_syllables(letters, open_too=True)


def _last_syllables(letters: str, *, open_too: bool) -> bool:
    if not letters:
        return False
    can_end = [True] + [False] * len(letters)  # can_end[i]: letters[:i] is whole syllables
    for end in range(1, len(letters)):
        can_end[end] = any(can_end[start] and letters[start:end] in SYLLABLES
                           for start in range(max(0, end - LONGEST), end))
    return any(can_end[start] and letters[start:] in SYLLABLES
               and (open_too or letters[start:] not in _OPEN)
               for start in range(max(0, len(letters) - LONGEST), len(letters)))
