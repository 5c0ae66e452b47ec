"""Activities: the models, programs, campaigns, movements, funds and plans a report lists."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from vnnews.extractors import activity_model, activity_rerank, lexicon
from vnnews.extractors.common import (
    LOWER,
    UPPER,
    Intervals,
    SpanComponent,
    around,
    sections,
    sentence_bounds,
    text_of,
)
from vnnews.schemas import Activity

LABEL = "ACTIVITY"
SPANS_KEY = "activities"
_OPEN, _CLOSE = "“\"'‘", "”\"'’"
_QUOTED = r"(?:“[^”\n]{2,200}”|\"[^\"\n]{2,200}\"|‘[^’\n]{2,200}’|'[^'\n]{2,200}')"
# a quoted name, its quotes of any style and even mixed (“Tự soi tự sửa")
_OWNER_BEFORE_ROUND = re.compile(
    rf"\s+(?:trong|của)\s+[{UPPER}][\w&.-]*(?:\s+[\w&.-]+){{0,4}}?(?=\s+(?:lần thứ|đợt|năm)\s+[\dIVXLC]+(?!\w))"
)
# what a cue may name before its colon ("gồm các nội dung chính:")
_LISTED = (
    "các|những|nội dung|hoạt động|hạng mục|phần việc|việc|nhiệm vụ|mô hình|chương trình|sau|chính|cụ thể"
)
# inside a name closed by its year only verbs and clause words stop it
_QUOTED_RE = re.compile(r"[“\"][^“”\"\n]{2,200}[”\"]|(?<!\w)'[^'\n]{2,200}'(?!\w)|‘[^’\n]{2,200}’")
_MAX_ITEM = 400  # characters: a list item longer than this is prose, not an activity


@dataclass(frozen=True)
class Cues:
    """The activity vocabulary from data/activity_cues.tsv, compiled."""

    list_re: re.Pattern[str]
    named_re: re.Pattern[str]
    heads: dict[str, str]
    relations: tuple[tuple[re.Pattern[str], str], ...]
    verb_re: re.Pattern[str]
    advice_re: re.Pattern[str]
    context_re: re.Pattern[str]
    not_start_re: re.Pattern[str]
    not_relation_re: re.Pattern[str]
    quoted_only_re: re.Pattern[str]
    head_kinds: tuple[tuple[re.Pattern[str], str], ...]  # each head as a word, longest first
    verb_inside_re: re.Pattern[str]  # an activity verb anywhere, in lowercase: "Sơn" is a place, "sơn" a verb


@cache
def cues() -> Cues:
    """Load and compile the cue vocabulary."""
    groups: dict[str, dict[str, str]] = {}
    for row in lexicon.rows("activity_cues.tsv", (2, 3)):
        groups.setdefault(row[0], {})[row[1]] = row[2] if len(row) > 2 else ""
    heads = groups["head"]
    quoted_heads = groups["quoted_head"]
    # words that end a name; a name closed by its year may run over "về", "và", "của", "cho"
    name_stop = lexicon.alternation(groups["name_stop"])
    year_name_stop = lexicon.alternation(
        w for w in groups["name_stop"] if w not in {"về", "và", "của", "cho"}
    )
    # "trao đổi" opens with the form of "trao" (to award) but is a talk
    not_verb = rf"(?!(?i:{lexicon.alternation(groups['not_verb'])})(?!\w))"
    all_heads = {**quoted_heads, **heads}
    # a cue, maybe with the name of what it lists ("gồm các nội dung:", "như sau:"), then a colon
    list_re = re.compile(
        rf"(?<!\w)(?:{lexicon.alternation(groups['list_cue'])})(?:\s+(?:{_LISTED}))*\s*:\s*|(?<!\w)(?:như|gồm|bao gồm)\s+(?=\S)",
        re.I,
    )
    # a head word (any case), then a quoted name or a name that starts with a capital and runs on
    # until a word that opens the rest of the clause; after a capitalized head ("Chương trình phối
    # hợp hoạt động năm 2025") the name may start in lowercase
    capitalized = "|".join(
        re.escape(h[:1].upper() + h[1:]).replace(r"\ ", r"\s+") for h in sorted(heads, key=len, reverse=True)
    )
    named_re = re.compile(
        rf"(?<!\w)(?:(?P<head>(?i:{lexicon.alternation(heads)}))\s*(?P<name>{_QUOTED}|(?:[{UPPER}][^\s,.;:()]*)"
        rf"(?:[ ]+(?!(?i:{name_stop})(?!\w))[^\s,.;:()“”\"]+){{0,14}})"
        rf"|(?P<qhead>(?i:{lexicon.alternation(all_heads)}))(?P<qmid>(?:[ ]+(?!(?:{name_stop}|là)(?!\w))[{LOWER}]+){{0,4}})[ ]*(?P<qname>{_QUOTED})"
        # "chiến dịch thanh niên tình nguyện hè năm 2017", "Cuộc thi viết về công tác Đoàn và phong
        # trào thiếu nhi năm 2025": a head made specific by its year; the year closes the name, so it
        # may run over "về", "và", "của"
        rf"|(?P<yhead>(?i:{lexicon.alternation(heads)}))(?P<yname>(?:[ ]+(?!(?i:{year_name_stop}|năm|giai)(?!\w))"
        rf"[^\s,.;:()“”\"0-9]+){{0,14}}"
        r"[ ]+(?:năm|giai đoạn)[ ]+\d{4}(?:[ ]?[–-][ ]?\d{4})?)"
        rf"|(?P<chead>{capitalized})(?P<cname>(?:[ ]+(?!(?i:{name_stop})(?!\w))(?:phòng, chống|[^\s,.;:()“”\"]+)){{2,12}}))"
    )
    # "lễ “Giao nhận ...”", "với chủ đề “...”": the quoted name alone is the activity, not the event
    quoted_only_re = re.compile(
        rf"(?<!\w)(?i:{lexicon.alternation(groups['quoted_only'])})(?:[ ]+[^\s,.;:()“”\"]+){{0,4}}?[ ]*(?P<q>{_QUOTED})"
    )
    relations = tuple(
        (re.compile(rf"(?<!\w){re.escape(f)}(?!\w)", re.I), r)
        for f, r in sorted(groups["relation"].items(), key=lambda x: len(x[0]), reverse=True)
    )
    return Cues(
        list_re=list_re,
        named_re=named_re,
        heads={k.lower(): v for k, v in all_heads.items()},
        quoted_only_re=quoted_only_re,
        head_kinds=tuple(
            (re.compile(rf"(?<!\w){re.escape(h.lower())}(?!\w)"), k)
            for h, k in sorted(all_heads.items(), key=lambda x: len(x[0]), reverse=True)
        ),
        verb_inside_re=re.compile(rf"(?<!\w){not_verb}(?:{lexicon.alternation(groups['verb'])})(?!\w)"),
        relations=relations,
        verb_re=re.compile(rf"{not_verb}(?:{lexicon.alternation(groups['verb'])})(?!\w)", re.I),
        advice_re=re.compile(rf"(?<!\w)(?:{lexicon.alternation(groups['advice'])})(?!\w)", re.I),
        context_re=re.compile(rf"(?<!\w)(?:{lexicon.alternation(groups['context'])})(?!\w)", re.I),
        not_start_re=re.compile(rf"(?:{lexicon.alternation(groups['not_start'])})(?!\w)", re.I),
        not_relation_re=re.compile(rf"(?<!\w)(?:{lexicon.alternation(groups['not_relation'])})(?!\w)", re.I),
    )


def cut_at_colon(text: str, item: Item) -> Item:
    """A tagger's span that runs over a colon into what follows ("lễ Khai ấn năm 2017: Kiệu đã được
    ...") ends before the colon: a colon opens a new statement or list, never the rest of a name."""
    if item.source != "model":
        return item
    colon = text.find(":", item.start, item.end)
    if colon < 0 or len(text[item.start : colon].split()) < 2:
        return item
    item.end = item.start + len(text[item.start : colon].rstrip())
    return item


@dataclass
class Item:
    """An activity found in the text."""

    start: int
    end: int
    kind: str = "other"
    relation: str = "reported"
    named: bool = False  # its kind comes from its own head word
    status: str = "carried_out"  # carried_out, signed, launched, planned or advised (its own clause)
    source: str = "rules"  # "rules", or "model": added by the learned tagger


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " ,;:–-…\n":
        a += 1
    while b > a and text[b - 1] in " ,;:.–-…\n":
        b -= 1
    return a, b


def _split_commas(text: str, a: int, b: int, c: Cues) -> list[tuple[int, int]]:
    """Split a list element at the commas that separate whole activities (outside quotes).

    Linear in b - a: the words since the last cut are counted as the scan goes and the next item is
    matched in place, so a list of 20,000 short items costs no more than one long sentence."""
    out = []
    start = a
    depth = 0
    straight = False  # inside a quoted name
    words = 0  # whitespace-separated words in text[start:i]
    for i in range(a, b):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch in '“”"':
            # any double quote flips the state: the press often opens with “ and closes with "
            straight = not straight
        elif ch == "," and not depth and not straight:
            nxt = i + 1
            while nxt < b and text[nxt].isspace():
                nxt += 1
            last = i - 1
            while last >= start and text[last].isspace():
                last -= 1
            # "tuyên truyền, vận động người dân ...": two verbs sharing one object are one activity
            pair = words <= 2
            # "“A”, “B”": quoted names listed one after another (an empty side counts as quoted, as
            # the empty string is "in" any string)
            quoted = (nxt >= b or text[nxt] in _OPEN) and (last < start or text[last] in _CLOSE)
            if quoted or (not pair and (c.verb_re.match(text, nxt, b) or c.named_re.match(text, nxt, b))):
                out.append((start, i))
                start = i + 1
                words = 0
                continue
        if not ch.isspace() and (i == start or text[i - 1].isspace()):
            words += 1
    out.append((start, b))
    return out


def _enumerations(
    text: str, sentences: list[tuple[int, int]], c: Cues, declined: list[tuple[int, int]] | None = None
) -> list[Item]:
    """Items of the lists a report makes of its activities: after a list cue ("như:", "gồm"), after a
    colon with ;-separated parts, or ;-separated parts that each start with an activity verb.
    declined, when given, receives the sentences whose colon list was read and found to list no
    activities (guests, topics or titles): the learned tagger adds nothing there either."""
    items: list[Item] = []
    declined = [] if declined is None else declined
    for s, e in sentences:
        m = c.list_re.search(text, s, e)
        if m and c.advice_re.search(text, s, m.start()):
            continue  # "một số ý kiến đóng góp như: cần bổ sung ...": suggestions, not activities
        start = m.end() if m else None
        bare_colon = False
        if start is None:
            colon = text.find(":", s, e)
            if colon >= 0 and text.count(";", colon, e) >= 1:
                if c.advice_re.search(text, s, colon):
                    continue  # "Cử tri kiến nghị: A; B": requests, not activities
                start = colon + 1
                bare_colon = True
        elif not text[m.start() : m.end()].strip().endswith(":") and not c.context_re.search(
            text, max(s, m.start() - 80), m.start()
        ):
            continue  # "phức tạp như những năm trước": a comparison, unless activities are the topic
        if start is not None and _ATTENDANCE.search(text, s, start):
            declined.append((s, e))
            continue  # "Tham dự có: A; B": a list of guests, not of activities
        parts = _parts(text, start if start is not None else s, e)
        if start is None:
            # no cue: a list only if each of its ;-separated parts opens with an activity verb
            if len(parts) < 3 or not all(c.verb_re.match(text, _strip(text, x, y)[0]) for x, y in parts[1:]):
                continue
            # "Năm nay Chương trình ... để đảm bảo việc nắm bắt thông tin; ...": the sentence's opening
            # before the purpose word is not part of the first activity
            x, y = parts[0]
            purpose = [p for p in _PURPOSE.finditer(text, x, y) if c.verb_re.match(text, p.end())]
            if purpose:
                parts[0] = (purpose[-1].end(), y)
        elif m and len(parts) < 2 and text[m.start() : m.end()].strip()[-1:] != ":":
            continue  # "như" without a colon or a list of ; is too often a comparison
        elif bare_colon and not c.context_re.search(text, s, start):
            # "3.000 đầu sách với các chuyên đề: A; B; C": a colon list of topics or titles, unless
            # most of its parts are actions
            led = sum(1 for x, y in parts if c.verb_re.match(text, _strip(text, x, y)[0]))
            if 2 * led < len(parts):
                declined.append((s, e))
                continue
        for a, b in parts:
            # "đẩy mạnh phong trào thi đua, nhằm tạo sức lan tỏa ...": the purpose is not the activity
            purpose = text.find(" nhằm ", a, b)
            if purpose > a:
                b = purpose
            for x, y in _split_commas(text, a, b, c):
                x, y = _strip(text, x, y)
                if (
                    y - x < 4
                    or y - x > _MAX_ITEM
                    or c.advice_re.match(text, x)
                    or c.not_start_re.match(text, x)
                    or _COUNT_ONLY.fullmatch(text, x, y)
                ):
                    continue
                if _QUESTION.search(text, x, y):
                    continue  # "tuổi trẻ cần gì ở lãnh đạo?": a question, not an activity
                items.append(Item(x, y))
    return items


_PURPOSE = re.compile(r"(?<!\w)(?:để|nhằm|là)\s+(?:(?:đảm bảo|bảo đảm|tiếp tục)\s+)?(?:việc\s+)?", re.I)
# an item that is only a count ("cấp huyện: 640 cuộc") is a figure, not an activity
_COUNT_ONLY = re.compile(r"[\d.,]+(?:\s+\S+)?")
_QUESTION = re.compile(r"\?|(?<!\w)(?:gì|thế nào|ra sao|bao nhiêu|tại sao|vì sao)(?!\w)", re.I)
_ATTENDANCE = re.compile(r"(?<!\w)(?:tham dự|dự lễ|dự hội nghị|có mặt|đến dự|cùng dự|dự buổi)(?!\w)", re.I)


_ELLIPSIS = re.compile(r"…|\.\.\.|(?<!\w)v\.v\.?")


def _ellipsis_lists(text: str, sentences: list[tuple[int, int]], c: Cues) -> list[Item]:
    """Comma lists of actions closed by an ellipsis ("cùng bà con phát quang bụi rậm, làm đường giao
    thông, sửa nhà…"): at least three parts that open with an activity verb."""
    items: list[Item] = []
    for s, e in sentences:
        for m in _ELLIPSIS.finditer(text, s, e):
            # the clause that ends at the ellipsis
            opening = max(s, *(text.rfind(ch, s, m.start()) + 1 for ch in ':;“"('))
            parts = _split_at_commas(text, opening, m.start())
            run: list[tuple[int, int]] = []
            for a, b in reversed(parts):
                a, b = _strip(text, a, b)
                if b - a < 2:
                    break
                if c.verb_re.match(text, a):
                    run.append((a, b))
                    continue
                if not run and len(text[a:b].split()) <= 3:
                    run.append((a, b))  # "..., vườn mẫu…": the last item's second object
                    continue
                # the list's first part: its words from the last activity verb in it
                verbs = [
                    v for v in c.verb_re.finditer(text, a, b) if v.start() == a or text[v.start() - 1] == " "
                ]
                if verbs:
                    # from the start of the last verb chain ("hướng dẫn làm đồ chơi")
                    k = len(verbs) - 1
                    while k and verbs[k - 1].end() + 1 == verbs[k].start():
                        k -= 1
                    run.append((verbs[k].start(), b))
                break
            led = [x for x in run if c.verb_re.match(text, x[0])]
            if len(led) < 3:
                continue
            # a trailing part without a verb belongs to the item before it
            if not c.verb_re.match(text, run[0][0]):
                tail = run.pop(0)
                run[0] = (run[0][0], tail[1])
            items.extend(Item(a, b) for a, b in reversed(run) if b - a <= _MAX_ITEM)
    return items


def _split_at_commas(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """text[a:b] cut at its commas outside brackets."""
    out, start, depth = [], a, 0
    for i in range(a, b):
        ch = text[i]
        depth += (ch == "(") - (ch == ")" and depth > 0)
        if ch == "," and not depth:
            out.append((start, i))
            start = i + 1
    out.append((start, b))
    return out


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The ;-separated parts of text[start:end]."""
    parts = []
    pos = start
    cut = text.find(";", start, end)
    while cut >= 0:
        parts.append((pos, cut))
        pos = cut + 1
        cut = text.find(";", pos, end)
    parts.append((pos, end))
    return parts


def _named(text: str, c: Cues) -> list[Item]:
    items = []
    for m in c.named_re.finditer(text):
        head_text = m.group("head") or m.group("qhead") or m.group("chead") or m.group("yhead")
        head = re.sub(r"\s+", " ", head_text.lower())
        name = m.group("name") or m.group("qname") or m.group("cname") or m.group("yname")
        quoted = name[:1] in _OPEN
        if not quoted and len(name.split()) < 2 and not head_text[:1].isupper():
            continue  # "chương trình Đoàn": too short to be a program's name
        a, b = _strip(text, m.start(), m.end())
        # "Giải thưởng Hồ Chí Minh lần này", "Chương trình năm nay": the words that point at this
        # year's or this round's edition are not part of the name
        deictic = re.search(r"\s+(?:lần|năm|đợt|kỳ)(\s+(?:này|nay))?$", text[a:b])
        if deictic and (deictic.group(1) or re.match(r"\s+(?:này|nay)(?!\w)", text[b:])):
            b = a + deictic.start()
            if len(text[a:b].split()) <= len(head.split()) + (0 if quoted else 1):
                continue
        # "Giải thưởng Tuổi trẻ sáng tạo trong Quân đội lần thứ XVII": the field or owner before a round
        # or year belongs to the name
        owner = _OWNER_BEFORE_ROUND.match(text, b)
        if owner:
            b = owner.end()
        # a program's year or round belongs to its name ("Chương trình phối hợp hoạt động năm 2021",
        # "Giải thưởng ... lần thứ XVII", "đợt 5")
        year = re.match(
            r"\s+(?:năm\s+)?\d{4}(?![\w/])|\s+(?:lần thứ|đợt|lần|khóa)\s+[\dIVXLC]+(?!\w)", text[b:]
        )
        if year:
            b += year.end()
        items.append(Item(a, b, kind=c.heads.get(head, "other"), named=True))
    for m in c.quoted_only_re.finditer(text):
        if m.group("q")[1:2].isupper():  # a name, not scare quotes ("thế trận lòng dân")
            items.append(Item(m.start("q"), m.end("q"), named=True))
    return items


def _quote_is_name(quote: str) -> bool:
    """Whether a quote ("“Tiếng kẻng an ninh”") can name a model or movement: it opens with a
    capital or a figure (lower case is scare quotes: “sốt ruột”, as for a quoted name after `lễ`,
    `chủ đề`), and holds no sentence end (a quoted statement: “Tiến độ không bị ảnh hưởng. ...”)."""
    inner = quote[1:-1].strip()
    if not inner or inner[:1].islower():
        return False
    return not re.search(r"[.!?…](?:\s|$)", inner)


def _quoted_lists(text: str, sentences: list[tuple[int, int]], c: Cues) -> list[Item]:
    """Quoted names in a sentence about models or movements ("các mô hình “A”, “B”"): the word
    that says so stands outside the quotes (a quoted sentence that mentions a program is speech)."""
    items = []
    previous = False
    for s, e in sentences:
        quotes = list(_QUOTED_RE.finditer(text, s, e))
        outside = text[s:e]
        for m in quotes:  # blank the quotes, keeping the offsets
            outside = outside[: m.start() - s] + " " * (m.end() - m.start()) + outside[m.end() - s :]
        # a sentence that opens with a quoted name goes on with the previous sentence's list
        about = c.context_re.search(outside) or (previous and text[s : s + 1] in "“\"'‘")
        previous = bool(about)
        if not about:
            continue
        for m in quotes:
            if _quote_is_name(m.group()):
                items.append(Item(m.start(), m.end()))
    return items


def find(
    text: str,
    sentences: list[tuple[int, int]],
    skip: list[tuple[int, int]] = (),
    names: list[tuple[int, int, str]] = (),
    c: Cues | None = None,
    declined: list[tuple[int, int]] | None = None,
) -> list[Item]:
    """Activities in text: enumeration items, named programs, funds and campaigns, and quoted models,
    without overlaps. skip: ranges to ignore (byline); names: (start, end, "person", "body" or
    "title"): a list item that is a body's name, or holds a person's, is not an activity, and
    neither is a program named inside a person's title. c: the compiled cues (default: cues()).
    declined, when given, receives the sentences whose colon list the rules read and declined."""
    c = c or cues()
    # an enumeration item that is only the name of a body or a person is not an activity
    bodies = Intervals((a, b) for a, b, k in names if k != "title")
    titles = Intervals((a, b) for a, b, k in names if k == "title")
    people = Intervals((a, b) for a, b, k in names if k == "person")
    starts = {a: b for a, b, k in names if k != "person"}
    listed = _enumerations(text, sentences, c, declined) + _ellipsis_lists(text, sentences, c)
    # "6 đơn vị tham gia gồm: Thư viện A; Nhà xuất bản B; Trung tâm C ...": a list whose items mostly
    # open with the name of a body is a list of bodies, not of activities
    sentence_starts = [a for a, _ in sentences]
    by_sentence: dict[int, list[Item]] = {}
    for i in listed:
        by_sentence.setdefault(bisect.bisect_right(sentence_starts, i.start), []).append(i)
    verb_inside = c.verb_inside_re

    def body_only(i: Item) -> bool:
        """An item that opens with a body and then names no action ("Trung tâm A và Thư viện B")."""
        return i.start in starts and not verb_inside.search(text, starts[i.start], i.end)

    of_bodies = {
        id(i)
        for group in by_sentence.values()
        if 2 * sum(body_only(i) for i in group) > len(group)
        for i in group
        if not verb_inside.search(text, i.start, i.end)
    }
    found = [
        i
        for i in listed
        if not bodies.contains(i.start, i.end)
        and not people.overlaps(i.start, i.end)
        and id(i) not in of_bodies
        # "Trung tâm Lưu trữ và Thư viện ...": mostly the name of a body
        and not (i.start in starts and starts[i.start] - i.start >= 0.5 * (i.end - i.start))
    ]
    out = list(found)
    taken = Intervals((x.start, x.end) for x in out)
    for n in _named(text, c) + _quoted_lists(text, sentences, c):
        if not taken.overlaps(n.start, n.end) and not titles.overlaps(n.start, n.start + 1):
            out.append(n)
            taken.add(n.start, n.end)
    skipped = Intervals(skip)
    out = [i for i in out if not skipped.overlaps(i.start, i.start + 1)]
    for i in out:  # an item never runs into the byline
        i.end = min([i.end, *(a for a, _ in skip if i.start < a < i.end)])
        i.start, i.end = _strip(text, i.start, i.end)
    # quotes of any style, or none, write the same name
    keys = {id(i): re.sub(r"[“”\"'‘’]", "", re.sub(r"\s+", " ", text[i.start : i.end]).lower()) for i in out}
    # a shorter writing of a program named in full elsewhere is the same activity
    ordered = sorted(set(keys.values()))
    out = [i for i in out if not _prefix_of_another(keys[id(i)], ordered)]
    # the same named program written twice (in any quotes) is one activity
    seen: set[str] = set()
    unique = []
    for i in sorted(out, key=lambda i: i.start):
        key = keys[id(i)]
        if key in seen:
            continue
        seen.add(key)
        unique.append(i)
    for i in unique:
        _classify(text, i, sentences, c)
    return unique


def kept_named(text: str, item: Item) -> bool:
    """Whether a rule item names a campaign, program, fund, model or theme (a head with its quoted
    or capitalized name, a quoted name): the hybrid keeps these wherever they stand."""
    return item.named or text[item.start : item.start + 1] in _OPEN


def _prefix_of_another(key: str, ordered: list[str]) -> bool:
    """Whether a longer key starts with key and a space (ordered: all keys, sorted)."""
    i = bisect.bisect_left(ordered, key + " ")
    return i < len(ordered) and ordered[i].startswith(key + " ")


_EVENT_RELATIONS = frozenset({"signed", "launched", "reviewed", "awarded"})


def _classify(text: str, item: Item, sentences: list[tuple[int, int]], c: Cues) -> None:
    low = text[item.start : item.end].lower()
    if item.kind == "other" and not item.named:
        for head_re, kind in c.head_kinds:
            if head_re.search(low):
                item.kind = kind
                break
        else:
            item.kind = "model"
    sent = around(sentences, item.start, item.end, len(text))
    # the item's own clause: a relation word of another list item ("...; trao 50 suất quà; tổ
    # chức tập huấn") is not this item's relation
    clause_start = max(text.rfind(";", sent[0], item.start), text.rfind(":", sent[0], item.start)) + 1
    context = text[max(sent[0], clause_start) : item.start]
    masked = Intervals((m.start(), m.end()) for m in c.not_relation_re.finditer(context))
    found = [
        (m.end(), relation)
        for rx, relation in c.relations
        for m in rx.finditer(context)
        if not masked.overlaps(m.start(), m.end())
    ]
    # what the event did to it (signed, launched, reviewed, awarded), the nearest first; else whether
    # it is planned ("sẽ triển khai") or carried out
    for group in (_EVENT_RELATIONS, {"planned"}, {"implemented"}):
        hits = [f for f in found if f[1] in group]
        if hits:
            item.relation = max(hits)[1]
            return


# --- spaCy component ---------------------------------------------------------------------------


@Language.factory(
    "vnnews_activities",
    requires=["doc.spans"],
    assigns=["doc.spans", "span._.activity"],
    default_config={
        "spans_key": SPANS_KEY,
        "people_key": "people",
        "organizations_key": "organizations",
        "use_model": True,
        "model_below": 2,
        "model_optional": False,
        # the learned span decision (extractors/activity_rerank.py): opt-in, see ACTIVITIES_RESULTS.md
        "rerank": True,
    },
)
class ActivityTagger(SpanComponent):
    """Activities, programs, funds and campaigns: doc.spans[spans_key], each span's `_.activity` an
    Item. Reads the people and organizations the earlier components found (by their spans keys)."""

    label = LABEL
    extension = "activity"

    def __init__(
        self,
        nlp: Language,
        name: str,
        spans_key: str,
        people_key: str,
        organizations_key: str,
        use_model: bool,
        model_below: int,
        model_optional: bool,
        rerank: bool,
    ) -> None:
        super().__init__(spans_key)
        self.people_key = people_key
        self.organizations_key = organizations_key
        self.cues = cues()  # compiled once, when the pipeline is built
        self.model = activity_model.load() if use_model else None
        self.model_below = model_below
        # the tagger's OPT spans too: more recall on news of every topic (train/ cross-validation F1
        # 0.420 against 0.362), less precision on reports (dev 0.634 against 0.682)
        self.model_optional = model_optional
        # the learned span decision over rule items and tagger spans (replaces model_below)
        self.reranker = activity_rerank.load() if use_model and rerank else None

    def find(self, doc: Doc) -> list[Item]:
        """Activities of the Doc, its byline, bodies, people and their titles left out."""
        secs = sections(doc)
        skip = [secs["byline"]] if "byline" in secs else []
        names = [
            (s.start_char, s.end_char, "person" if key == self.people_key else "body")
            for key in (self.organizations_key, self.people_key)
            for s in doc.spans.get(key, [])
        ]
        # a program named inside a person's title ("Phó Trưởng Ban Chỉ đạo các chương trình MTQG") is
        # part of the title, not an activity the article reports
        names += [
            (a, b, "title")
            for s in doc.spans.get(self.people_key, [])
            if s._.person is not None
            for a, b in s._.person.titles
        ]
        text, sentences = text_of(doc), sentence_bounds(doc)
        declined: list[tuple[int, int]] = []
        items = find(text, sentences, skip, names, self.cues, declined)
        for item in items:
            item.status = activity_model.status(text, item.start, item.end)
        if self.model is not None and self.reranker is not None:
            found = self._reranked(doc, text, sentences, items, skip, names, secs.get("title"), declined)
        elif self.model is None or len(items) >= self.model_below:
            # a report that lists its activities: the cue rules are precise there, the model is not
            return items
        else:
            found = self._with_model(doc, text, sentences, items, skip, names, declined)
        return [cut_at_colon(text, item) for item in found]

    def _with_model(
        self,
        doc: Doc,
        text: str,
        sentences: list[tuple[int, int]],
        items: list[Item],
        skip: list[tuple[int, int]],
        names: list[tuple[int, int, str]],
        declined: list[tuple[int, int]],
    ) -> list[Item]:
        """The rules' items plus the actions the learned tagger finds in running prose: spans it
        tags as required activities that overlap no rule item, no byline, no body or person, no
        title and no sentence whose colon list the rules declined, and that are not a future or advisory clause
        (those are optional in the spec)."""
        words = activity_model.words_of(doc)
        spans = self.model.tag(text, words, sentences, activity_model.THRESHOLD, only_cued=True)
        spans = activity_rerank.outside(spans, declined)
        blocked = Intervals([*skip, *((a, b) for a, b, kind in names if kind == "title")])
        # the rules' boundaries stand (quotes, years and list cues close their names precisely)
        merged = activity_model.merge(
            [(i.start, i.end) for i in items], spans, text, optional=False, refine=False
        )
        by_span = {(i.start, i.end): i for i in items}
        out = []
        for m in merged:
            if (m.start, m.end) in by_span:
                out.append(by_span[(m.start, m.end)])
                continue
            if m.status in ("planned", "advised") or blocked.overlaps(m.start, m.end):
                continue
            item = Item(m.start, m.end, status=m.status, source="model")
            _classify(text, item, sentences, self.cues)
            out.append(item)
        return out

    def _reranked(
        self,
        doc: Doc,
        text: str,
        sentences: list[tuple[int, int]],
        items: list[Item],
        skip: list[tuple[int, int]],
        names: list[tuple[int, int, str]],
        title: tuple[int, int] | None,
        declined: list[tuple[int, int]],
    ) -> list[Item]:
        """The rules' items and the tagger's spans, each kept or dropped by the learned span decision
        (extractors/activity_rerank.py); of overlapping candidates the higher-scored one stays. No
        tagger span is taken from a sentence whose colon list the rules declined (guests, topics)."""
        words = activity_model.words_of(doc)
        spans = self.model.scored_full(text, words, sentences, only_cued=True, low=self.reranker.low)
        spans = activity_rerank.outside(spans, declined)
        ctx = activity_rerank.Context(
            text,
            sentences,
            title,
            [*skip, *((a, b) for a, b, kind in names if kind == "title")],
            len(items),
            activity_model.doc_features(text, sentences) == ["doc=event"],
        )
        cands = activity_rerank.candidates(
            text, [(i.start, i.end, i.kind, i.relation, kept_named(text, i)) for i in items], spans, ctx
        )
        by_span = {(i.start, i.end): i for i in items}
        out = []
        for c in self.reranker.select(cands):
            if c.source == "rules":
                out.append(by_span[(c.start, c.end)])
                continue
            item = Item(c.start, c.end, status=c.status, source="model")
            _classify(text, item, sentences, self.cues)
            out.append(item)
        return out


def to_records(doc: Doc, spans_key: str = SPANS_KEY) -> list[Activity]:
    """Activity records of a processed Doc."""
    out = []
    for span in doc.spans.get(spans_key, []):
        item: Item = span._.activity
        out.append(
            Activity(
                start=item.start,
                end=item.end,
                text=text_of(doc)[item.start : item.end],
                kind=item.kind,  # type: ignore[arg-type]
                relation=item.relation,  # type: ignore[arg-type]
                status=item.status,  # type: ignore[arg-type]
                source=item.source,  # type: ignore[arg-type]
            )
        )
    return out
