"""The title's lines: broken between words only, and balanced (GB/T 9704-2012 7.3.3: 回行时，要做到词意完整，
排列对称，长短适宜).

A small segmenter made for these titles rather than a general one (jieba's dictionary is 20 MB and a second
to load): the words titles are made of ("关于", "2024年度", "法治政府", "建设", "情况", "报告"…), and place
names kept whole: characters no word covers are a name, and a name takes the suffixes that end it ("区",
"街道", "镇"…), so "黔江区城西街道" or "鲤城区" never break. "的" stays with the word before it, "关于" and an
opening bracket with the word after it, closing punctuation with the word before it. Staff choose a break
themselves by typing a space there (the space is not printed).

The lines are laid out here, not left to the renderer: the fewest lines that hold the words, then the
split whose lines are the most even, so no line holds a single character. The template prints each line
with a break after it and each word unbreakable (``white-space: nowrap``), so a renderer whose font is a
little wider than reckoned here still breaks only between words.
"""

import re
from functools import cache
from itertools import pairwise

# Words of these titles, longest first where one starts another.
WORDS = """
关于 有关 年度 法治 法治政府 政府 建设 情况 报告 工作 工作报告 总结 汇报 要点 实施 推进
全面 依法 依法治区 依法治市 依法治县 依法治镇 依法行政 治理 人民政府 人民 政府 街道 办事处 委员会 工作委员会 党工委
党委 中共 领导 小组 领导小组 办公室 司法局 司法所 局 管理局 监督 管理 市场 市场监督管理局 市场监管局 卫生 健康 卫生健康局
生态 环境 生态环境局 公安局 教育局 财政局 民政局 审计局 统计局 税务局 交通 运输 交通运输局 自然资源 规划 自然资源和规划局
住房 城乡 建设局 住房和城乡建设局 人力资源 社会保障 人力资源和社会保障局 农业 农村 农业农村局 水利局 应急管理局 文化 旅游
文化和旅游局 行政 执法 综合 改革 深化 加强 落实 主要 负责人 履行 第一责任人 职责 我局 本局
""".split()
# Ends of a place or unit name: kept with the name before them.
SUFFIXES = "区 县 市 省 州 盟 旗 镇 乡 村 街 街道 社区 年 年度 月 日".split()
# Kept with the word before them: particles and closing punctuation.
CLOSING = set("的）》」』〉】、，。；：！？”’)]")
OPENING = set("（《「『〈【“‘([")
ASCII = re.compile(r"[0-9A-Za-z]")

LINE_EMS = 20  # 156 mm of line at 22 pt: 20.1 characters
ASCII_EMS = 0.65  # a digit of the 小标宋 stand-in is 0.59 em, a capital up to 0.75


@cache
def _lexicon() -> tuple[dict[str, str], int]:
    kinds = {word: "word" for word in WORDS} | {suffix: "suffix" for suffix in SUFFIXES}
    return kinds, max(map(len, kinds))


def segment(text: str) -> list[str]:
    """``text`` cut into the pieces a line may break between."""
    kinds, longest = _lexicon()
    tokens: list[list[str]] = []  # [text, kind]: kind "word", "name" or "open"
    position = 0
    while position < len(text):
        piece = next(
            (
                text[position : position + size]
                for size in range(min(longest, len(text) - position), 0, -1)
                if text[position : position + size] in kinds
            ),
            text[position],
        )
        position += len(piece)
        kind = kinds.get(piece, "open" if piece in OPENING else "name")
        if piece == "关于":
            kind = "open"  # a line may end before "关于", not after it
        last = tokens[-1] if tokens else None
        if last is None:
            tokens.append([piece, "word" if kind == "suffix" else kind])
        elif last[1] == "open" or piece in CLOSING:
            last[0] += piece  # "（" with the word after it; "的", "）" with the word before
            if last[1] == "open":
                last[1] = "word" if kind == "suffix" else kind
        elif kind in ("suffix", "name") and last[1] == "name":
            last[0] += piece  # a name goes on, or ends: 黔江 + 区, 城西 + 街道, 2024 + 年度
        elif kind == "name" and _joins_digits(last[0], piece):
            last[0] += piece
        else:
            tokens.append([piece, "word" if kind == "suffix" else kind])
    return [token for token, _ in tokens]


def _joins_digits(before: str, char: str) -> bool:
    """ "2021—2025" and "A1" stay whole."""
    return bool(ASCII.match(before[-1])) and (bool(ASCII.match(char)) or char in "—-–.")


def width(text: str) -> float:
    """``text``'s width in ems at the title's size."""
    return sum(ASCII_EMS if ASCII.match(char) or char == " " else 1.0 for char in text)


def title_lines(text: str, line_ems: float = LINE_EMS) -> list[list[str]]:
    """``text`` as lines of words: a line break wherever staff typed a space, and each part as few lines as
    hold it, broken between words, the lines as even as the words allow."""
    return [line for part in text.split() for line in _balanced_lines(part, line_ems)]


def _balanced_lines(text: str, line_ems: float) -> list[list[str]]:
    """A word longer than a line is cut: nothing else could print it."""
    words = []
    for word in segment(text):
        while width(word) > line_ems:
            cut = 1
            while width(word[: cut + 1]) <= line_ems:
                cut += 1
            words.append(word[:cut])
            word = word[cut:]
        if word:
            words.append(word)
    if not words:
        return []
    widths = [width(word) for word in words]
    count = len(words)

    def span(start: int, end: int) -> float:
        return sum(widths[start:end])

    # best[lines][end]: the least sum of squared line widths for words[:end] in ``lines`` lines, the most
    # even split of a fixed total; a tie goes to the longer first lines (the later split point).
    for lines in range(1, count + 1):
        best: dict[tuple[int, int], tuple[float, list[int]]] = {(0, 0): (0.0, [])}
        for used in range(1, lines + 1):
            for end in range(1, count + 1):
                options = [
                    (cost + span(start, end) ** 2, [*breaks, end])
                    for start in range(end)
                    if (used - 1, start) in best and span(start, end) <= line_ems
                    for cost, breaks in [best[(used - 1, start)]]
                ]
                if options:
                    best[(used, end)] = min(options, key=lambda option: (option[0], [-b for b in option[1]]))
        if (lines, count) in best:
            breaks = [0, *best[(lines, count)][1]]
            return [words[start:end] for start, end in pairwise(breaks)]
    raise AssertionError("a line holds at least one word")  # every word fits a line once cut
