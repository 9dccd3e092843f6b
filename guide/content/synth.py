"""A synthetic but valid content pack of any size, for scale tests and benchmarks.

Text is drawn from the vocabulary of the real forum page (Chinese) and its English
summaries, so tokenisers, pinyin and layout see realistic input. Output is JSON
(same structure as the TOML pack files) because it parses an order of magnitude
faster at 100,000 items.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

ZH_WORDS = ["科技成果转化", "技术合同", "成交额", "全面进展", "中关村", "国际技术交易会", "开幕式", "全球技术交易", "生态伙伴", "大会", "绿色金融", "可持续", "金融中心", "双碳战略", "平行论坛", "知识产权", "保护", "创新", "元宇宙", "产业", "专利池", "高校", "技术转移", "发展", "协同创新", "平台", "千校万企", "软件园", "科技服务", "新范式", "人工智能", "量子信息", "高端制造", "集成电路", "集成光路", "示范园", "芯片设计", "产学研", "深度融合", "试点", "改革", "赋权", "评价", "职务科技成果", "管理", "科研人员", "股权激励", "获得感", "积极性", "技术交易所", "知识产权运营", "气候友好银行", "倡议", "绿色信贷", "绿色债券", "绿色支行", "碳减排", "支持工具", "示范区", "自贸试验区", "营商环境", "一站式", "服务平台", "领军企业", "朋友圈", "产业集聚区", "数字经济", "高精尖", "经济结构", "首都", "北京", "上海", "深圳", "陕西", "四川", "浙江", "朝阳区", "通州区", "密云区", "机器人", "虚拟驾驶", "观众", "互动", "展区", "科博会", "黑科技"]
EN_WORDS = ["technology", "transfer", "contract", "value", "progress", "Zhongguancun", "international", "exchange", "opening", "ceremony", "global", "partners", "conference", "green", "finance", "sustainable", "centre", "carbon", "strategy", "parallel", "forum", "intellectual", "property", "protection", "innovation", "metaverse", "industry", "patent", "pool", "university", "collaboration", "platform", "software", "park", "science", "service", "paradigm", "artificial", "intelligence", "quantum", "information", "advanced", "manufacturing", "integrated", "circuit", "photonics", "chip", "design", "pilot", "reform", "evaluation", "researchers", "incentive", "bank", "bond", "loan", "pilot", "zone", "Beijing"]
SURNAMES = "张王李赵周许姜朱冯兰邓刘陈杨黄吴孙马胡郭林何高罗郑梁谢宋唐韩曹许邓萧冯曾程蔡彭潘袁"
GIVEN = "伟云帆心超爱娜清西安少静前文丽洋淑华明军红杰涛斌磊强平刚桂英建国志勇"
ROLES = ("指导", "主办", "承办", "协办", "具体承办")
FORUM_KINDS = ("opening", "parallel_forum", "conference", "sub_forum")
START = dt.date(2023, 5, 25)

SHARES = {"organization": 8, "person": 12, "announcement": 15, "forum": 35, "area": 2,
          "photo": 15, "figure": 13}


def _split(total: int) -> dict[str, int]:
    weights = sum(SHARES.values())
    counts = {k: max(1, total * w // weights) for k, w in SHARES.items()}
    counts["forum"] += total - sum(counts.values())
    return counts


class _Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def zh(self, lo: int, hi: int) -> str:
        return "".join(self.rng.choice(ZH_WORDS) for _ in range(self.rng.randint(lo, hi)))

    def en(self, lo: int, hi: int) -> str:
        words = [self.rng.choice(EN_WORDS) for _ in range(self.rng.randint(lo, hi))]
        return " ".join(words).capitalize()

    def paragraphs(self, n: int) -> list[str]:
        return [self.zh(8, 20) + "。" for _ in range(n)]

    def pick(self, ids: list[str]) -> str:
        return self.rng.choice(ids)


def synthetic_items(total: int, seed: int = 2023) -> dict[str, list[dict[str, Any]]]:
    """``total`` valid items across all kinds, as pack-file dicts, deterministic per seed."""
    w = _Writer(seed)
    n = _split(total)
    ids = {k: [f"{k[:3]}-{i}" for i in range(c)] for k, c in n.items()}
    items: dict[str, list[dict[str, Any]]] = {}
    items["organization"] = [
        {"id": i, "name": w.zh(2, 4) + "有限公司", "name_en": w.en(2, 4) + " Co., Ltd."}
        for i in ids["organization"]
    ]
    items["person"] = [
        {"id": i, "name": w.rng.choice(SURNAMES) + "".join(w.rng.sample(GIVEN, 2)),
         "name_en": w.en(2, 2), "title": w.zh(1, 3) + "总经理",
         "organization": w.pick(ids["organization"])}
        for i in ids["person"]
    ]
    items["announcement"] = [
        {"id": i, "kind": w.rng.choice(("article", "brief")), "headline": w.zh(3, 6),
         "title_en": w.en(4, 8), "summary_en": w.en(10, 20), "byline": "本报记者 张伟",
         "reporter": w.pick(ids["person"]),
         "date": (START + dt.timedelta(days=w.rng.randint(0, 6))).isoformat(),
         "paragraphs": w.paragraphs(w.rng.randint(2, 5)),
         "mentions": [{"kind": "person", "id": w.pick(ids["person"])}]}
        for i in ids["announcement"]
    ]
    items["forum"] = [
        {"id": i, "title": "2023中关村论坛" + w.zh(2, 4) + "论坛", "title_en": w.en(3, 7) + " Forum",
         "kind": w.rng.choice(FORUM_KINDS),
         "date": (START + dt.timedelta(days=w.rng.randint(0, 6))).isoformat(),
         **({"start_time": f"{w.rng.randint(8, 17):02d}:{w.rng.choice((0, 30)):02d}"}
            if w.rng.random() < 0.6 else {}),
         "summary": w.zh(4, 10) + "。", "summary_en": w.en(10, 20),
         "organisers": [{"org": w.pick(ids["organization"]), "role": w.rng.choice(ROLES)}
                        for _ in range(w.rng.randint(1, 3))],
         "speakers": [{"person": w.pick(ids["person"]), "said": [w.zh(6, 12) + "。"]}],
         "text": w.paragraphs(w.rng.randint(1, 3)), "source": w.pick(ids["announcement"])}
        for i in ids["forum"]
    ]
    items["area"] = [
        {"id": i, "title": w.zh(1, 2) + "展区", "title_en": w.en(2, 3) + " Area", "kind": "area",
         "summary": w.zh(4, 8) + "。", "summary_en": w.en(8, 15)}
        for i in ids["area"]
    ]
    items["photo"] = [
        {"id": i, "caption": w.zh(2, 5) + "。", "caption_en": w.en(4, 9) + ".",
         "credit_role": "本报记者", "photographer": w.pick(ids["person"]),
         "area": w.pick(ids["area"])}
        for i in ids["photo"]
    ]
    items["figure"] = [
        {"id": i, "label": w.zh(2, 4), "label_en": w.en(3, 6),
         "value": round(w.rng.uniform(1, 1000), 2), "unit": w.rng.choice(("万项", "亿元", "%", "家")),
         "unit_en": "units", "year": w.rng.choice((2018, 2021, 2022, 2023)),
         "quote": w.zh(4, 8), "source": {"kind": "announcement", "id": w.pick(ids["announcement"])}}
        for i in ids["figure"]
    ]
    return items


def write_synthetic_pack(out: Path, total: int, seed: int = 2023) -> dict[str, int]:
    """Write a pack of ``total`` items into folder ``out``; return counts per kind."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "pack.toml").write_text(
        '[pack]\nid = "synthetic"\nversion = 1\ntitle = "合成测试内容"\n'
        'title_en = "Synthetic test content"\nsource = "guide synth"\n', encoding="utf-8")
    items = synthetic_items(total, seed)
    for kind, rows in items.items():
        (out / f"{kind}.json").write_text(json.dumps({kind: rows}, ensure_ascii=False),
                                          encoding="utf-8")
    return {k: len(v) for k, v in items.items()}


def synthetic_programme(sessions: int, rooms: int = 300, days: int = 4,
                        seed: int = 2025) -> dict[str, list[dict[str, Any]]]:
    """An imported-style programme: ``sessions`` sessions with absolute times in ``rooms``
    rooms over ``days`` days, the second day the busiest (40%), each room's day running
    from 08:00 back to back (sometimes overlapping) and past midnight."""
    w = _Writer(seed)
    tz = dt.timezone(dt.timedelta(hours=1))
    room_items = [{"id": f"room-{r}", "title": f"Room {r + 1}", "title_en": f"Room {r + 1}"}
                  for r in range(rooms)]
    colours = ("#d12f2f", "#1f6fd1", "#2c9a4a", "#8a3fd1", "#d18a1f", "#1fa3a3")
    tracks = [{"id": f"track-{t}", "title": w.en(1, 2), "title_en": "", "color": c}
              for t, c in enumerate(colours)]
    for t in tracks:
        t["title_en"] = t["title"]
    shares = [0.2, 0.4, 0.25, 0.15][:days] if days <= 4 else [1 / days] * days
    counts = [int(sessions * s / sum(shares)) for s in shares]
    counts[1 if days > 1 else 0] += sessions - sum(counts)
    forums: list[dict[str, Any]] = []
    for d, count in enumerate(counts):
        day = dt.date(2025, 12, 27) + dt.timedelta(days=d)
        for r in range(rooms):
            clock = dt.datetime.combine(day, dt.time(8), tzinfo=tz)
            for _ in range(count // rooms + (1 if r < count % rooms else 0)):
                length = dt.timedelta(minutes=w.rng.choice((15, 20, 30, 30, 45, 60)))
                n = len(forums)
                forums.append({
                    "id": f"session-{n}", "kind": "session", "title": w.en(3, 9),
                    "title_en": "", "date": day.isoformat(), "start": clock.isoformat(),
                    "end": (clock + length).isoformat(), "room": f"room-{r}",
                    "track": w.rng.choice(tracks)["id"], "guid": f"synthetic-{n}"})
                forums[-1]["title_en"] = forums[-1]["title"]
                # Mostly a break before the next; now and then an overlap (shown side by side).
                gap = w.rng.choice((0, 5, 10, 15)) if w.rng.random() > 0.03 else -10
                clock += length + dt.timedelta(minutes=gap)
    return {"room": room_items, "track": tracks, "forum": forums}


def write_synthetic_programme(out: Path, sessions: int, **options: Any) -> int:
    """Write :func:`synthetic_programme` as a pack folder at ``out``; return the session count."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "pack.toml").write_text(
        '[pack]\nid = "synthetic-programme"\nversion = 1\ntitle = "Synthetic programme"\n'
        'title_en = "Synthetic programme"\nsource = "guide synth"\ntimezone = "Etc/GMT-1"\n'
        'languages = ["en"]\n', encoding="utf-8")
    items = synthetic_programme(sessions, **options)
    (out / "programme.json").write_text(json.dumps(items), encoding="utf-8")
    return len(items["forum"])
