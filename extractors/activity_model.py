"""A learned activity tagger: a linear-chain CRF over vnnews's words, beside the cue rules.

The model tags each word of a sentence with BIO labels: ``ACT`` for an activity the guidelines
require, ``OPT`` for one they accept as optional (suggestions, results, work areas in general
terms). ``predict(doc)`` returns character spans; ``merge(rule_items, model_spans, text)`` joins
them with the rules' activities and gives each item a status from its own clause.

The model (``models/activities/activities.crfsuite``) is trained by
``python -m vnnews.extractors.training.activities`` and loaded once per process; nothing is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from vnnews.extractors import lexicon, mention_features
from vnnews.extractors.common import sentence_bounds, span_group, text_of

MODEL_DIR = Path(__file__).resolve().parent / "models" / "activities"
MODEL_FILE = "activities.crfsuite"
SPANS_KEY = "activity_candidates"
LABELS = ("ACT", "OPT")
THRESHOLD = 0.5  # least confidence (mean marginal of not-O over a span's words) of a predicted span

Span3 = tuple[int, int, str]  # (start char, end char, label)
Words = Sequence[tuple[int, int]]

# --- vocabulary ---------------------------------------------------------------------------------

# words of a sentence that say when or whether its action happens
MODALITY = {
    "đã": "past",
    "vừa": "past",
    "đã và đang": "past",
    "đang": "ongoing",
    "sẽ": "future",
    "dự kiến": "future",
    "phấn đấu": "future",
    "sắp": "future",
    "tiếp tục": "continue",
    "cần": "advice",
    "đề nghị": "advice",
    "kiến nghị": "advice",
    "yêu cầu": "advice",
    "đề xuất": "advice",
    "mong muốn": "advice",
    "phải": "advice",
    "nên": "advice",
    "chỉ đạo": "advice",
}
_PUNCT = set(".,;:!?…()[]“”\"'‘’–-•+*/")
_BULLETS = {"-", "–", "+", "•", "*"}
_QUOTES = set('“”"')


@dataclass(frozen=True)
class Lexicon:
    """The cue vocabulary: lowercase forms (syllables joined by one space) -> their roles."""

    forms: dict[str, tuple[str, ...]]
    longest: int  # syllables of the longest form


@cache
def _lexicon() -> Lexicon:
    roles: dict[str, set[str]] = {}
    for row in lexicon.rows("activity_cues.tsv", (2, 3)):
        form = " ".join(row[1].lower().split())
        roles.setdefault(form, set()).add("head" if row[0] == "quoted_head" else row[0])
        if row[0] == "relation":
            roles[form].add("rel_" + row[2])
    for form, kind in MODALITY.items():
        roles.setdefault(form, set()).add("mod_" + kind)
    return Lexicon({f: tuple(sorted(r)) for f, r in roles.items()}, max(len(f.split()) for f in roles))


# --- features -----------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if any(ch.isdigit() for ch in word):
        return "dx"
    if all(ch in _PUNCT for ch in word):
        return "p"
    if word.isupper() and len(word) > 1:
        return "AA"
    if word[:1].isupper():
        return "Aa" if all(s[:1].isupper() for s in word.split()) else "Ax"
    return "a"


_SYLLABLE = re.compile(r"[^\W_]+", re.UNICODE)


def _cue_roles(text: str, words: Words, lo: int, hi: int) -> list[list[str]]:
    """For each word, the cue roles of the forms that start at it (B-) or run over it (I-)."""
    lex = _lexicon()
    roles: list[list[str]] = [[] for _ in words]
    starts = {a: i for i, (a, _) in enumerate(words)}
    # the syllables of the sentence, each with where it starts and ends
    syl = [(m.start(), m.end(), m.group().lower()) for m in _SYLLABLE.finditer(text, lo, hi)]
    for k, (a, _, _) in enumerate(syl):
        i = starts.get(a)
        if i is None:
            continue
        key = ""
        for m in range(k, min(k + lex.longest, len(syl))):
            if m > k and text[syl[m - 1][1] : syl[m][0]] != " ":
                break  # a form runs over single spaces only
            key = syl[m][2] if m == k else key + " " + syl[m][2]
            found = lex.forms.get(key)
            if found is None:
                continue
            end = syl[m][1]
            roles[i].extend("B-" + r for r in found)
            j = i + 1
            while j < len(words) and words[j][0] < end:
                roles[j].extend("I-" + r for r in found)
                j += 1
    return roles


# Word clusters learned on unlabeled news (data/word_clusters.tsv, the mention tagger's): words the
# 240 training articles never show an activity with still share a cluster with those they do. The
# levels (of the file's 64 / 256 / 1024) of a word's own cluster, and (offset, level) of its
# neighbours' clusters, that are features. Chosen by 5-fold CV of the span decision on train/
# (ACTIVITIES_RESULTS.md): the word's own three levels 0.553 (none 0.527); adding its neighbours'
# did not help (±1 at 256: 0.551, ±1 at 64: 0.543, ±1 at every level and ±2 at 256: 0.531) and costs
# tagging time.
CLUSTER_OWN: tuple[int, ...] = (64, 256, 1024)
CLUSTER_NEAR: tuple[tuple[int, int], ...] = ()


@cache
def _cluster_ids() -> dict[str, dict[int, int]]:
    """Lower-cased word -> its cluster id at each level of the cluster file."""
    levels, table = mention_features.word_clusters()
    return {w: dict(zip(levels, ids, strict=True)) for w, ids in table.items()}


def cluster_feats(word: str, levels: Iterable[int], prefix: str = "c") -> tuple[str, ...]:
    """'<prefix><level>=<id>' for each level of a word's cluster (none for a word the file lacks:
    rare words, names, figures keep their word and shape features)."""
    ids = _cluster_ids().get(word.lower())
    if ids is None:
        return ()
    return tuple(f"{prefix}{k}={ids[k]}" for k in levels)


@lru_cache(maxsize=1 << 16)
def _word_feats(word: str) -> tuple[str, ...]:
    """The features a word gives by itself."""
    lw = word.lower()
    syl = lw.split() or [""]
    return (
        "w=" + lw,
        "shape=" + _shape(word),
        f"nsyl={min(len(syl), 4)}",
        "s0=" + syl[0],
        "sL=" + syl[-1],
        *cluster_feats(lw, CLUSTER_OWN),
    )


@lru_cache(maxsize=1 << 17)
def _near_feats(off: int, word: str) -> tuple[str, ...]:
    """The features a word gives to the word off places away."""
    levels = [k for o, k in CLUSTER_NEAR if o == off]
    return (f"w{off}={word.lower()}", f"sh{off}={_shape(word)}", *cluster_feats(word, levels, f"c{off}:"))


_CUE_STARTS = frozenset({"B-verb", "B-head"})


def sentence_features(
    text: str, words: Words, sent: tuple[int, int], doc_feats: Sequence[str] = ()
) -> list[list[str]]:
    """CRF features for the words of one sentence (words: their (start, end) in text; doc_feats:
    features of the whole article, given to every word)."""
    lo, hi = sent
    toks = [text[a:b] for a, b in words]
    low = [t.lower() for t in toks]
    n = len(toks)
    roles = _cue_roles(text, words, lo, hi)
    b_roles = [[r for r in rs if r[0] == "B"] for rs in roles]
    # sentence-level modality words, and the running state of the clause before each word
    shared = [
        "bias",
        *doc_feats,
        *sorted({"smod=" + r[6:] for rs in b_roles for r in rs if r[2:6] == "mod_"}),
    ]
    feats: list[list[str]] = []
    in_quote = False
    after_colon = False
    since_sep = 0  # words since the last , ; : or the sentence start
    clause_mod = ""
    last_sep = "start"
    for i in range(n):
        w = toks[i]
        f = [*shared, *_word_feats(w), *roles[i], "sep=" + last_sep, f"dist={min(since_sep, 6)}"]
        if i == 0:
            f.append("first")
        elif toks[i - 1] in _BULLETS and (i == 1 or "\n" in text[words[i - 2][1] : words[i - 1][0]]):
            f.append("line_start")
        if "\n" in text[words[i - 1][1] if i else lo : words[i][0]]:
            f.append("after_newline")
        if in_quote:
            f.append("in_quote")
        if after_colon:
            f.append("after_colon")
        if clause_mod:
            f.append("clause_mod=" + clause_mod)
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.extend(_near_feats(off, toks[j]))
                f.extend(f"{off}:{r}" for r in b_roles[j])
            else:
                f.append(f"w{off}=<{'s' if j < 0 else 'e'}>")
        if i > 0:
            f.append(f"bi-1={low[i - 1]}|{low[i]}")
        if i + 1 < n:
            f.append(f"bi+1={low[i]}|{low[i + 1]}")
        # a verb or head at the start of a clause: how list items and prose actions begin
        if _CUE_STARTS.intersection(b_roles[i]):
            if since_sep <= 1:
                f.append("cue_after_sep")
            if i > 0 and low[i - 1] in MODALITY:
                f.append("cue_after_mod")
        feats.append(f)
        # update the running state with this word
        if w in _QUOTES or w in ("‘", "’"):
            in_quote = not in_quote if w in ('"', "'") else w in ("“", "‘")
        if w in (",", ";", ":") or w in _BULLETS:
            since_sep = 0
            last_sep = {",": "comma", ";": "semi", ":": "colon"}.get(w, "bullet")
            if w == ":":
                after_colon = True
            if w in (";", ":"):
                clause_mod = ""
        else:
            since_sep += 1
        for r in b_roles[i]:
            if r[2:6] == "mod_":
                clause_mod = r[6:]
    return feats


_EVENT_RE: re.Pattern[str] | None = None


def doc_features(text: str, sentences: Sequence[tuple[int, int]]) -> list[str]:
    """Features of the whole article: whether its first sentence (the title) names an event
    (a meeting, ceremony or campaign report lists activities; other news mostly does not)."""
    global _EVENT_RE
    if _EVENT_RE is None:
        forms = sorted(lexicon.table("event_types.tsv"), key=len, reverse=True)
        _EVENT_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)", re.I)
    if not sentences:
        return []
    s, e = sentences[0]
    return ["doc=event"] if _EVENT_RE.search(text, s, e) else ["doc=other"]


def sentences_of(text: str, words: Words, sentences: Sequence[tuple[int, int]]) -> list[list[int]]:
    """The indices of the words of each sentence (sentences without words are left out)."""
    out: list[list[int]] = []
    k = 0
    for s, e in sentences:
        idx = []
        while k < len(words) and words[k][0] < e:
            if words[k][0] >= s and text[words[k][0] : words[k][1]].strip():
                idx.append(k)
            k += 1
        if idx:
            out.append(idx)
    return out


@cache
def _cue_re() -> re.Pattern[str]:
    """Any form of the cue lexicon that can open an activity (a verb or a head noun)."""
    lex = _lexicon()
    forms = [f for f, roles in lex.forms.items() if {"verb", "head"} & set(roles)]
    return re.compile(rf"(?<!\w)(?:{lexicon.alternation(forms)})(?!\w)", re.I)


def featurize(
    text: str, words: Words, sentences: Sequence[tuple[int, int]], only_cued: bool = False
) -> list[tuple[list[int], list]]:
    """(word indices, per-word features) for each sentence of a text; only_cued: only the
    sentences holding a verb or head of the cue lexicon (an activity opens with one), the others
    skipped for speed (the article-level features still come from every sentence)."""
    out = []
    doc = doc_features(text, sentences)
    cue = _cue_re() if only_cued else None
    for idx in sentences_of(text, words, sentences):
        ws = [words[i] for i in idx]
        if cue is not None and not cue.search(text, ws[0][0], ws[-1][1]):
            continue
        out.append((idx, sentence_features(text, ws, (ws[0][0], ws[-1][1]), doc)))
    return out


# --- decoding -----------------------------------------------------------------------------------

_EDGE = " ,;:.–-…\n"


def decode(text: str, words: Words, tags: Sequence[str]) -> list[tuple[int, int, str, int, int]]:
    """BIO tags of words -> (start char, end char, label, first word, last word), without edge
    punctuation."""
    spans: list[tuple[int, int, str, int, int]] = []
    cur: list[int] | None = None  # [start word, end word, label]
    label = ""

    def close() -> None:
        if cur is not None:
            a, b = words[cur[0]][0], words[cur[1]][1]
            while a < b and text[a] in _EDGE:
                a += 1
            while b > a and text[b - 1] in _EDGE:
                b -= 1
            if b - a >= 3:
                spans.append((a, b, label, cur[0], cur[1]))

    for i, tag in enumerate(tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or tag[2:] != label)):
            close()
            cur, label = [i, i], tag[2:]
        elif tag.startswith("I-") and cur is not None:
            cur[1] = i
        else:
            close()
            cur = None
    close()
    return spans


# --- the model ----------------------------------------------------------------------------------


class ActivityTagger:
    """A trained CRF over vnnews words; tag(text, words, sentences) -> spans."""

    def __init__(self, path: Path | str) -> None:
        import pycrfsuite

        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))

    def scored(
        self, text: str, words: Words, sentences: Sequence[tuple[int, int]], only_cued: bool = False
    ) -> list[tuple[int, int, str, float]]:
        """Activity spans with the model's confidence: the mean over their words of the marginal
        probability of not being outside an activity. only_cued: see `featurize`."""
        spans: list[tuple[int, int, str, float]] = []
        for idx, feats in featurize(text, words, sentences, only_cued):
            tags = self.tagger.tag(feats)
            ws = [words[i] for i in idx]
            for a, b, label, first, last in decode(text, ws, tags):
                probs = [1.0 - self.tagger.marginal("O", k) for k in range(first, last + 1)]
                spans.append((a, b, label, sum(probs) / len(probs)))
        return spans

    def scored_full(
        self,
        text: str,
        words: Words,
        sentences: Sequence[tuple[int, int]],
        only_cued: bool = False,
        low: float | None = None,
    ) -> list[tuple[int, int, str, float, float]]:
        """Like `scored`, each span also with the mean marginal of ACT (B- or I-) over its words.
        low: also the runs of words whose marginal of not-O reaches low that the best path leaves
        out or cuts otherwise (label "LOW"): candidates of a lower confidence."""
        spans: list[tuple[int, int, str, float, float]] = []
        m = self.tagger.marginal
        for idx, feats in featurize(text, words, sentences, only_cued):
            tags = self.tagger.tag(feats)
            ws = [words[i] for i in idx]
            found = decode(text, ws, tags)
            for a, b, label, first, last in found:
                ks = range(first, last + 1)
                p = sum(1.0 - m("O", k) for k in ks) / len(ks)
                p_act = sum(m("B-ACT", k) + m("I-ACT", k) for k in ks) / len(ks)
                spans.append((a, b, label, round(p, 4), round(p_act, 4)))
            if low is None:
                continue
            p_in = [1.0 - m("O", k) for k in range(len(ws))]
            runs = ["I-LOW" if p >= low else "O" for p in p_in]
            have = {(f, g) for _, _, _, f, g in found}
            for a, b, _, first, last in decode(text, ws, runs):
                if (first, last) in have:
                    continue
                ks = range(first, last + 1)
                p_act = sum(m("B-ACT", k) + m("I-ACT", k) for k in ks) / len(ks)
                spans.append((a, b, "LOW", round(sum(p_in[k] for k in ks) / len(ks), 4), round(p_act, 4)))
        return spans

    def tag(
        self,
        text: str,
        words: Words,
        sentences: Sequence[tuple[int, int]],
        threshold: float = 0.0,
        only_cued: bool = False,
    ) -> list[Span3]:
        """Activity spans of a text whose confidence reaches threshold."""
        scored = self.scored(text, words, sentences, only_cued)
        return [(a, b, lab) for a, b, lab, p in scored if p >= threshold]


@cache
def load(path: str | None = None) -> ActivityTagger:
    """The tagger, loaded once per process (default: the committed model)."""
    return ActivityTagger(path or MODEL_DIR / MODEL_FILE)


def words_of(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of the Doc's words, without whitespace tokens."""
    cached = doc.user_data.get("vnnews.words")
    if cached is not None:
        return list(cached)
    return [(t.idx, t.idx + len(t.text)) for t in doc if t.text.strip()]


def predict(doc: Doc, *, optional: bool = True, threshold: float = THRESHOLD) -> list[Span3]:
    """Activity spans of a Doc as (start char, end char, label), label "ACT" or "OPT";
    optional=False drops the spans tagged OPT; threshold: the least confidence kept."""
    spans = load().tag(text_of(doc), words_of(doc), sentence_bounds(doc), threshold)
    return [s for s in spans if optional or s[2] == "ACT"]


@Language.factory("vnnews_activity_model")
def make_activity_model(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Tag activity candidates; write doc.spans['activity_candidates'] (labels ACT, OPT)."""
    load()

    def component(doc: Doc) -> Doc:
        spans = []
        for a, b, label in predict(doc):
            span = doc.char_span(a, b, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        span_group(doc, SPANS_KEY, spans)
        return doc

    return component


# --- status and the hybrid merge ----------------------------------------------------------------

_STATUS_WORDS = (
    ("signed", r"ký kết|ký|thông qua|phê duyệt|ban hành"),
    ("launched", r"phát động|ra quân|khởi động|khai trương|khởi công|ra mắt|công bố"),
    ("advised", r"cần|đề nghị|kiến nghị|yêu cầu|đề xuất|mong muốn|phải|nên|chỉ đạo|đề ra"),
    ("planned", r"sẽ|dự kiến|phấn đấu|sắp|kế hoạch|định hướng|mục tiêu"),
)
_STATUS_RES = tuple(
    (status, re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)) for status, words in _STATUS_WORDS
)
_NOT_SIGNING = re.compile(r"(?<!\w)(?:đăng ký|ký túc|ký ức|ký giả|thư ký|ký sự|ký hiệu)(?!\w)", re.I)
_CLAUSE_END = re.compile(r"[.;:!?\n]")


def _clause_start(text: str, start: int) -> int:
    """Where the clause holding text[start] begins: after the last . ; : ! ? or line break."""
    a = start
    while a > 0 and not _CLAUSE_END.match(text, a - 1) and start - a < 200:
        a -= 1
    return a


_BULLET_LINE = re.compile(r"[ \t]*(?:[-–+•*]|\d{1,2}[.)]|[a-zđ][.)])\s", re.I)


def list_intro(text: str, start: int) -> tuple[int, int] | None:
    """The clause that opens the colon list text[start] is an item of ("đề nghị các xã: A; B; C", a
    colon then bulleted lines): (its start, the colon), or None when text[start] is in no such list.
    Only ; and bulleted line breaks may stand between the colon and the item."""
    a = _clause_start(text, start)
    for _ in range(60):  # list items
        if a == 0:
            return None
        ch = text[a - 1]
        if ch == ":":
            return _clause_start(text, a - 1), a - 1
        if ch == ";" or (ch == "\n" and _BULLET_LINE.match(text, a)):
            a = _clause_start(text, a - 1)
            continue
        return None
    return None


def status(text: str, start: int, end: int) -> str:
    """carried_out, signed, launched, planned or advised, from the item's own clause: the words
    before it back to the last . ; : or line break, and its own first words ("ký Quy chế ..."). An
    item of a colon list is also governed by the clause that opens the list ("đề nghị các xã: A; B",
    "phấn đấu: A; B"): its advice or plan word holds for every item, its signing or launching word
    where the item's own clause has none."""
    a = _clause_start(text, start)
    before = _NOT_SIGNING.sub(" ", text[a:start])
    own = _NOT_SIGNING.sub(" ", text[start : min(end, start + 12)])
    found: list[tuple[int, str]] = []
    for name, rx in _STATUS_RES:
        for m in rx.finditer(before):
            found.append((m.end(), name))
        m = rx.match(own)
        if m and name in ("signed", "launched"):
            found.append((len(before) + 1, name))
    intro = list_intro(text, start)
    if intro is not None:
        words = _NOT_SIGNING.sub(" ", text[intro[0] : intro[1]])
        for name, rx in _STATUS_RES:
            if name in ("advised", "planned") or not found:
                found.extend((-1, name) for _ in rx.finditer(words))
    if not found:
        return "carried_out"
    # a future or advisory word anywhere in the clause makes it planned or advised; else the
    # nearest signing or launching word decides
    kinds = {k for _, k in found}
    for k in ("advised", "planned"):
        if k in kinds:
            return k
    return max(found)[1]


@dataclass
class MergedItem:
    """An activity of the hybrid: where it is, where it came from, and its status."""

    start: int
    end: int
    text: str
    source: str  # "rules", "model" or "rules+model" (the model set its boundaries)
    label: str  # "ACT" or "OPT" (the rules' items are ACT unless the model says otherwise)
    status: str


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


_LONG_ITEM = 12  # words: a rule item longer than this is a cut the model may narrow


def merge(
    rule_items: Iterable[tuple[int, int]],
    model_spans: Iterable[Span3],
    text: str,
    *,
    optional: bool = True,
    refine: bool = True,
) -> list[MergedItem]:
    """The hybrid: the rule items, plus the model's spans that overlap none of them.

    rule_items: (start, end) of the rules' activities (e.g. ``(a.start, a.end)`` of a record's
    activities); model_spans: ``predict(doc)``. A rule item keeps the rules' boundaries (they come
    from list cues and quotes), except that with refine=True a long rule item (more than 12 words)
    that holds model spans is replaced by them: the model cuts prose better than "up to the next
    ;". A model span that overlaps no rule item is added when its label is ACT, and also when it is
    OPT with optional=True (the default: optional items cost nothing when they are optional, and the
    model often tags required items OPT; the item keeps the label so a caller can mark or drop it).
    Items come out in text order, each with its status from its own clause."""
    rules = sorted({(a, b) for a, b in rule_items})
    model = sorted({s for s in model_spans if optional or s[2] == "ACT"})
    out: list[MergedItem] = []
    for a, b in rules:
        inner = [s for s in model if a <= s[0] and s[1] <= b and s[1] - s[0] < b - a]
        if refine and inner and len(text[a:b].split()) > _LONG_ITEM:
            out.extend(MergedItem(x, y, text[x:y], "rules+model", lab, "") for x, y, lab in inner)
        else:
            out.append(MergedItem(a, b, text[a:b], "rules", "ACT", ""))
    for a, b, label in model:
        if any(_overlap((a, b), r) for r in rules):
            continue
        if any(_overlap((a, b), (m.start, m.end)) for m in out):
            continue
        out.append(MergedItem(a, b, text[a:b], "model", label, ""))
    out.sort(key=lambda m: (m.start, m.end))
    for m in out:
        m.status = status(text, m.start, m.end)
    return out
