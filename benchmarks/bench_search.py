"""Benchmark the search index: build time and size, and as-you-type query latency.

Generates a synthetic corpus of SearchDocs from a vocabulary of real Chinese words
and phrases (from the forum's own reporting) and English words, builds the index
into a temporary database file, then times at least 200 as-you-type prefixes
(Chinese 1-6 characters, full pinyin, initials, English) with ``limit=50``.

    .venv/bin/python benchmarks/bench_search.py [--sizes 10000,100000,300000] [--items N] [--keep PATH]

Every size is built and timed in turn, then a scaling table is printed; the JSON last
line holds the figures at 100,000 items (and every size under ``sizes``).
Goals (issue 17): at 100,000 items build <= 20 s, index <= 200 MB, search p95 <= 3 ms,
count_by_kind p95 <= 5 ms.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import percentile, print_figures

from guide.content.build import prepare_new_file, release_free_pages
from guide.content.database import tune_for_search
from guide.search import SearchDoc, count_by_kind, create_index, index_documents, search


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())

ZH_WORDS = _split("""
科技 创新 成果 转化 技术 交易 合同 成交额 增长 全面 进展 部门 党中央 国务院 决策 部署 多措并举 推动
开幕式 全球 生态 伙伴 大会 区域 司长 数据 显示 全国 企业 主体 地位 突出 贡献 输出 吸纳 体制 机制
改革 政策 法规 体系 完善 关键 环节 重点 问题 中央 要求 组织 实施 试点 显著 成效 发展 教育部 印发
科研人员 职务 所有权 长期 使用权 方案 探索 形成 典型 赋权 模式 统计 单位 许可 咨询 服务 总额 高校
院所 现金 股权 激励 获得感 积极性 财政部 评价 简化 实用 制度 规范 流程 质量 绩效 核心 导向 落实
中关村 先行先试 任务 工业和信息化部 中科院 管理 抓紧 陕西 四川 浙江 地方 省属 人才 职称 评定 项目
经费 出资 公司 办公厅 高标准 市场 行动 支持 中国 上海 深圳 证券 交易所 机构 国家 知识产权 范围 运营
加快 推进 布局 示范区 转移 中心 载体 要素 活力 提升 统一 互联互通 网络 专业化 首批 良好 近期 启动
创业 平台 规模化 系列化 未来 产业 科技园 政府 领军 学科 强化 主导 产学研 融合 初步 金融 支持力度
引导 基金 省市 设立 拓展 信贷 融资 渠道 工商银行 中国银行 合作 工具 开发银行 专项债 重大 产业化
效果 中小企业 数量 高新技术 研发 投入 强度 生力军 蓬勃 活力 持续 北京 建设 绿色 可持续 金融中心
平行论坛 双碳 战略 论坛 秘书长 信贷规模 债券 发行量 前列 举措 气候 友好 银行 倡议 首次 主导 变化
国际性 时期 金融业 规划 两区 改革开放 低碳 示范 首都 框架 指导性 意见 生态环境部 投融资 名单 密云区
通州区 获批 商务区 支行 认证 审查 网点 揭牌 亮相 中资银行 领导小组 碳达峰 碳中和 农商银行 碳减排
扩大开放 综合 自贸试验区 优势 供给 保险 城市 参与 打造 千校万企 协同创新 软件园 促进会 升级 世界
知名 举办 科学技术 信息化 评估 科委 管委会 委员会 主办 协办 总经理 校企 尝试 首发 管家式 科创 标准
培养 校园 走向 京彩大创 大学生 大赛 孵化 对接 帷幕 计划 高质量 需求 联合 攻关 精准 申报 资源 出题
答题 深度 联合体 发展集团 产品 行业 主题 难点 痛点 有效 元宇宙 专利池 保护 有限公司 百度 牵头 发起
入池 专利 率先 落地 开放 创始成员 智慧 信息技术 智控 依托 智能传感器 高价值 培育 专项 聚焦 领域 资源
整合 纽带 交叉 优惠 互补 赋能 集群 引领力 经济 优先 影响力 龙头企业 前沿 生态系统 集聚 条款 费用
运作 合力 商业 回报 会员 收益 国有 牵引 优质 通行 规则 吸纳 自主可控 国家知识产权局 世界知识产权组织
办事处 法国 日本 专家学者 企业家 嘉宾 现场 范式 形势 服务业 探寻 优化 方法 高精尖 结构 保障 万亿级
组成部分 促进 发掘 巡视员 对标 最高标准 水平 对照 定位 品牌化 数字化 融合化 能级 空间 价值链 高端
环境 竞争 禀赋 制造业 特色 鲜明 集聚区 数字产业化 产业数字化 工程 引进 破解 支撑 电子信息 软件信息
数字经济 朝阳区 营商环境 科技园区 朝阳园 副主任 局长 一站式 助力 电子城 高科 旗帜 产业园 总部 园区
西门子 链条 周期 控股 责任 芯屏 资本 能力 眼光 视野 方向 上下游 朋友圈 效能 紧密 高效 共赢 客户
广度 集成电路 集成光路 双集成 示范园 芯片设计 基础设施 共性技术 人才培育 维度 协会 商会 展区 人头攒动
观众 机器人 互动 体验 虚拟 驾驶 展览 科博会 人工智能 量子信息 高端制造 黑科技 扎堆 近距离 魅力
""")

ZH_PHRASES = _split("""
科技成果转化 绿色金融 双碳战略与绿色金融论坛 北京建设全球绿色可持续金融中心 首个元宇宙产业专利池启动
中关村软件园 千校万企协同创新平台发布 中关村探索科技创新服务新范式 全国技术合同成交额4年增长170%
中关村国际技术交易会 全球技术交易生态伙伴大会 全球知识产权保护与创新论坛 科技服务创新发展论坛
世界知名高校技术转移发展大会 国家科技成果转化引导基金 气候友好银行北京倡议 电子城IC/PIC创新中心
""")

SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹单曾解"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚云帆心清西安少前文淑华爱"

EN_WORDS = _split("""
science technology innovation forum green finance carbon strategy dual patent pool metaverse industry
launch first global sustainable center beijing zhongguancun software park university enterprise
transfer transaction contract market platform service exhibition robot artificial intelligence quantum
information manufacturing digital economy chip design integrated circuit ecosystem partner conference
opening ceremony parallel sub talent capital investment bank bond credit climate policy reform pilot
national international cooperation collaboration development research achievement commercialization
intellectual property protection organization alliance release report visitors experience virtual
driving booth area hall keynote speech panel session award startup incubator fund venture summit
""")

KINDS = ("announcement",) * 8 + ("photo",) * 6 + ("person",) * 2 + (
    "forum", "area", "organization", "figure",
)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))


def _chinese(rng: random.Random, low: int, high: int, punctuate: bool) -> str:
    target = rng.randint(low, high)
    parts: list[str] = []
    size = 0
    while size < target:
        # Whole headlines recur, but not in every tenth text: 2% of the picks.
        word = rng.choice(ZH_PHRASES) if rng.random() < 0.02 else rng.choice(ZH_WORDS)
        if punctuate and parts and rng.random() < 0.15:
            word = rng.choice("，。；、") + word
        parts.append(word)
        size += len(word)
    return "".join(parts)[:high]


def _english(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choices(EN_WORDS, k=rng.randint(low, high))).capitalize()


def corpus(items: int, seed: int = 2023) -> Iterator[SearchDoc]:
    """Yield ``items`` synthetic documents, deterministic for a given seed."""
    rng = random.Random(seed)
    for i in range(items):
        kind = rng.choice(KINDS)
        date = f"2023-05-{rng.randint(25, 31):02d}"
        if kind == "person":
            yield SearchDoc(kind, f"p{i}", _name(rng), _english(rng, 2, 3),
                            names=(_chinese(rng, 4, 12, False),),
                            body=_chinese(rng, 40, 120, True), date=date)  # fmt: skip
            continue
        names = tuple(_name(rng) for _ in range(rng.randint(0, 3)))
        if rng.random() < 0.3:
            names += (_chinese(rng, 6, 14, False),)
        yield SearchDoc(
            kind, f"d{i}", _chinese(rng, 8, 20, False), _english(rng, 3, 9), names=names,
            body=_chinese(rng, 100, 300, True), body_en=_english(rng, 0, 30), date=date,
        )  # fmt: skip


def by_kind(docs: Iterator[SearchDoc]) -> list[SearchDoc]:
    """The documents one kind after another (kinds in order of first sight, items in their
    order), as the content builder gives them (content/search_docs.py): each kind is then
    one run of rowids, as in the guide's own index."""
    order: dict[str, int] = {}
    listed = list(docs)
    for doc in listed:
        order.setdefault(doc.kind, len(order))
    return sorted(listed, key=lambda doc: order[doc.kind])


def queries() -> list[str]:
    """As-you-type prefixes: every prefix of some Chinese, pinyin, initials, English words."""
    chinese = ["科技成果转化", "绿色金融论坛", "北京建设全球", "中关村软件园", "元宇宙产业", "周云帆",
               "知识产权", "人工智能", "碳达峰", "协同创新", "集成电路", "单田芳", "许心超", "张伟"]
    pinyin = ["lvsejinrong", "zhongguancun", "kejichengguo", "zhouyunfan", "yuanyuzhou", "zhishichanquan",
              "rengongzhineng", "xietongchuangxin", "zhangwei", "shuangtan"]
    initials = ["lsjr", "zgc", "kjcgzh", "zyf", "yyz", "zscq", "rgzn", "xtcx", "zw"]
    english = ["patent", "green finance", "metaverse", "zhongguancun", "intelligence", "forum 2023",
               "technology transfer", "quantum", "robot"]
    typed: list[str] = []
    for word in chinese + pinyin + initials + english:
        typed += [word[:n] for n in range(1, len(word) + 1) if not word[:n].endswith(" ")]
    return typed


def indexed_bytes(docs: list[SearchDoc]) -> int:
    """UTF-8 bytes of the text the index covers (titles, names, bodies, both languages)."""
    return sum(len("".join((d.title, d.title_en, *d.names, d.body, d.body_en)).encode()) for d in docs)


def table_sizes(path: Path) -> dict[str, float]:
    """MB per part of the file: the FTS5 indexes and the document table (text kept for
    snippets plus the ranking and marking keys)."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    except sqlite3.OperationalError:  # SQLite built without dbstat
        return {}
    finally:
        conn.close()
    parts = {"fts_mb": 0.0, "doc_mb": 0.0}
    for name, size in rows:
        doc = name.startswith(("search_doc", "sqlite_autoindex_search_doc"))
        parts["doc_mb" if doc else "fts_mb"] += size / 1e6
    return parts


def build_and_time(items: int, path: Path, repeats: int) -> dict[str, float | int]:
    """Build the index of ``items`` synthetic documents at ``path``, then time the queries."""
    path.unlink(missing_ok=True)
    docs = by_kind(corpus(items))
    text_bytes = indexed_bytes(docs)
    conn = sqlite3.connect(path)
    prepare_new_file(conn)  # as the content builder does for its throw-away temp file
    load = os.getloadavg()[0]
    started, cpu_started = time.perf_counter(), time.process_time()
    create_index(conn)
    with conn:
        count = index_documents(conn, docs)
    release_free_pages(conn)
    del docs  # as in the app: no corpus on the heap for the collector to walk
    build, build_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    conn.close()
    size = path.stat().st_size / 1e6
    print(f"items: {count:,} (load average before the build: {load:.2f} on {os.cpu_count()} CPUs)")
    print(
        f"build: {build:.1f} s wall, {build_cpu:.1f} s CPU over both threads"
        f" ({count / build:,.0f} items/s, pinyin included)"
    )
    parts = table_sizes(path)
    print(f"index size: {size:.1f} MB = {size * 1e6 / text_bytes:.2f} bytes per byte of indexed text"
          f" ({text_bytes / 1e6:.1f} MB UTF-8)"
          + (f"; FTS5 tables {parts['fts_mb']:.1f} MB, documents (text for snippets, rank keys)"
             f" {parts['doc_mb']:.1f} MB" if parts else ""))
    figures = _time_queries(path, repeats)
    return {"items": count, "build_s": build, "build_cpu_s": build_cpu, "build_load": load,
            "index_mb": size, "text_mb": text_bytes / 1e6, "bytes_per_text_byte": size * 1e6 / text_bytes,
            **parts, **figures}


def main() -> None:
    """Build the index at each size, time the queries and print the figures and the scaling table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,300000",
                        help="comma-separated item counts (default: %(default)s)")
    parser.add_argument("--items", type=int, help="one size only (same as --sizes N)")
    parser.add_argument("--repeats", type=int, default=3,
                        help="passes over the queries; each query's median pass counts (default 3)")
    parser.add_argument("--keep", type=Path, help="write the database here and keep it (one size)")
    parser.add_argument("--reuse", type=Path, help="time the queries on a database kept before")
    args = parser.parse_args()
    sizes = [args.items] if args.items else [int(n) for n in args.sizes.split(",")]
    if args.keep and len(sizes) > 1:
        parser.error("--keep takes one size (--items N)")

    if args.reuse:
        print_figures({"benchmark": "search", **_time_queries(args.reuse, args.repeats)})
        return
    results: dict[int, dict[str, float | int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for items in sizes:
            path = args.keep or Path(tmp) / f"bench-{items}.db"
            results[items] = build_and_time(items, path, args.repeats)
            if not args.keep:
                path.unlink()
            print()
    print("| items | build s (CPU s) | index MB | bytes/text byte | search p50 / p95 ms (CPU p95)"
          " | counts p50 / p95 ms (CPU p95) | load |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for items, r in results.items():
        print(f"| {items:,} | {r['build_s']:.1f} ({r['build_cpu_s']:.1f}) | {r['index_mb']:.0f} |"
              f" {r['bytes_per_text_byte']:.2f} |"
              f" {r['p50_ms']:.2f} / {r['p95_ms']:.2f} ({r['cpu_p95_ms']:.2f}) |"
              f" {r['count_p50_ms']:.2f} / {r['count_p95_ms']:.2f} ({r['count_cpu_p95_ms']:.2f}) |"
              f" {r['build_load']:.1f} |")
    # The headline figures are those at 100,000 items (the table), else the largest size.
    head = results.get(100_000) or results[max(results)]
    print_figures({"benchmark": "search", **head, "sizes": {str(n): r for n, r in results.items()}})


def _time_queries(path: Path, repeats: int = 3) -> dict[str, float | int]:
    """Time search() and count_by_kind() for every as-you-type prefix and print the figures.

    Every query runs ``repeats`` times (in passes over the whole list, so a burst of load
    from elsewhere hits one pass); a query's time is its median pass.
    """
    gc.collect()
    conn = sqlite3.connect(path)
    tune_for_search(conn)  # the page cache the guide searches its content with
    typed = queries()
    for text in typed[:20]:  # warm the page cache like a running app would be
        search(conn, text)
    runs: list[list[tuple[float, float, float, int]]] = [[] for _ in typed]
    load = os.getloadavg()[0]
    for _ in range(max(1, repeats)):
        for i, text in enumerate(typed):
            t0, c0 = time.perf_counter(), time.process_time()
            hits = search(conn, text, limit=50)
            t1, c1 = time.perf_counter(), time.process_time()
            count_by_kind(conn, text)
            t2, c2 = time.perf_counter(), time.process_time()
            runs[i].append(((t1 - t0) * 1000, (c1 - c0) * 1000, (t2 - t1) * 1000, len(hits),
                            (c2 - c1) * 1000))
    timings = [statistics.median(r[0] for r in per) for per in runs]
    cpu = [statistics.median(r[1] for r in per) for per in runs]
    counts = [statistics.median(r[2] for r in per) for per in runs]
    counts_cpu = [statistics.median(r[4] for r in per) for per in runs]
    slowest = [(ms, text, per[0][3]) for ms, text, per in zip(timings, typed, runs, strict=True)]
    conn.close()

    print(f"queries: {len(typed)} as-you-type prefixes, limit=50, snippets and marks included,"
          f" median of {max(1, repeats)} passes each")
    print(f"(load average before the queries: {load:.2f})")
    print(
        f"search: p50 {statistics.median(timings):.2f} ms, p95 {percentile(timings, 0.95):.2f} ms,"
        f" max {max(timings):.2f} ms"
        f" (CPU time: p50 {statistics.median(cpu):.2f} ms, p95 {percentile(cpu, 0.95):.2f} ms)"
    )
    print(
        f"count_by_kind: p50 {statistics.median(counts):.2f} ms,"
        f" p95 {percentile(counts, 0.95):.2f} ms, max {max(counts):.2f} ms"
        f" (CPU time: p50 {statistics.median(counts_cpu):.2f} ms, p95 {percentile(counts_cpu, 0.95):.2f} ms)"
    )
    print("slowest:", ", ".join(f"{q!r} {ms:.1f} ms/{n}" for ms, q, n in sorted(slowest)[-5:]))
    by_cpu = sorted(zip(cpu, typed, strict=True))[-5:]
    print("most CPU:", ", ".join(f"{q!r} {ms:.1f} ms" for ms, q in by_cpu))
    return {"queries": len(typed), "p50_ms": statistics.median(timings), "p95_ms": percentile(timings, 0.95),
            "max_ms": max(timings), "count_p50_ms": statistics.median(counts),
            "count_p95_ms": percentile(counts, 0.95), "count_max_ms": max(counts),
            "cpu_p50_ms": statistics.median(cpu), "cpu_p95_ms": percentile(cpu, 0.95),
            "count_cpu_p95_ms": percentile(counts_cpu, 0.95), "query_load": load}


if __name__ == "__main__":
    main()
