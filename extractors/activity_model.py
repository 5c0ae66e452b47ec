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
Attribute = str | bytes  # a CRFsuite attribute: text, or its UTF-8 bytes (what CRFsuite reads)
Attributes = tuple[Attribute, ...]

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


@cache
def _prefixes() -> frozenset[str]:
    """Every leading run of syllables of a cue form ("cuộc", "cuộc vận", "cuộc vận động"): a key
    that is none of them starts no form, so the scan of a sentence stops growing it."""
    return frozenset(
        " ".join(parts[:k])
        for f in _lexicon().forms
        for parts in [f.split(" ")]
        for k in range(1, len(parts) + 1)
    )


def _cue_roles(text: str, words: Words, lo: int, hi: int) -> list[list[str]]:
    """For each word, the cue roles of the forms that start at it (B-) or run over it (I-)."""
    lex = _lexicon()
    prefixes = _prefixes()
    roles: list[list[str]] = [[] for _ in words]
    starts = {a: i for i, (a, _) in enumerate(words)}
    # the syllables of the sentence, each with where it starts and ends
    syl = [(m.start(), m.end(), m.group().lower()) for m in _SYLLABLE.finditer(text, lo, hi)]
    for k, (a, _, first) in enumerate(syl):
        i = starts.get(a)
        if i is None or first not in prefixes:
            continue
        key = ""
        for m in range(k, min(k + lex.longest, len(syl))):
            if m > k and text[syl[m - 1][1] : syl[m][0]] != " ":
                break  # a form runs over single spaces only
            key = syl[m][2] if m == k else key + " " + syl[m][2]
            if key not in prefixes:
                break  # no form starts with these syllables
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
_OFFSETS = (-2, -1, 1, 2)  # the neighbours whose word, shape and cue roles a word sees
_OUTSIDE = {-2: "w-2=<s>", -1: "w-1=<s>", 1: "w1=<e>", 2: "w2=<e>"}  # a neighbour past the sentence
_SEPARATORS = {",": "comma", ";": "semi", ":": "colon"}


class Featurizer:
    """Turns the words of a sentence into CRFsuite attributes (see `sentence`).

    Given `known`, the attributes a trained model has weights for, it leaves out every other one:
    CRFsuite drops an attribute it has no weight for before it scores a word, so the tags and the
    marginals are exactly the same (the kept attributes stay in their order), and fewer strings are
    built and passed. A word's own attributes and the ones it lends each neighbour are then kept
    once per process for each word: most words of an archive are words seen before. `encoded`
    gives each attribute as its UTF-8 bytes, built once, which python-crfsuite passes on as they
    are (a string it encodes anew at every call). Without `known` (training) every attribute is
    built, as `sentence_features` gives them.
    """

    CACHE_MAX = 200_000  # words; emptied when full

    def __init__(self, known: frozenset[str] | None = None, encoded: bool = False) -> None:
        self.known = known
        self.encoded = encoded
        self._encoded: dict[str, bytes] = {}
        self._cache: dict[str, tuple[str, Attributes, tuple[Attributes, ...]]] = {}
        # the word pairs of the known bigram attributes, split at each "|" (a word may hold one):
        # a pair outside this set gives no known bigram, and no string is built for it
        self._bigrams: dict[str, frozenset[tuple[str, str]]] = {}
        for name in ("bi-1=", "bi+1="):
            pairs = set()
            for attr in known or ():
                if attr.startswith(name):
                    pair = attr[len(name) :]
                    pairs.update((pair[:k], pair[k + 1 :]) for k, ch in enumerate(pair) if ch == "|")
            self._bigrams[name] = frozenset(pairs)
        # the attributes a word's place in its sentence gives, known or not
        self._single: dict[str, Attributes] = {}
        self._roles: dict[tuple[str, ...], tuple[Attributes, ...]] = {}
        self._outside = {off: self._keep([a]) for off, a in _OUTSIDE.items()}
        # the last separator before a word, and how many words back it stands (capped at 6)
        self._separation = {
            sep: [self._keep([f"sep={sep}", f"dist={d}"]) for d in range(7)]
            for sep in ("start", "bullet", *_SEPARATORS.values())
        }

    def _keep(self, attributes: Iterable[str]) -> Attributes:
        known = self.known
        kept = attributes if known is None else (a for a in attributes if a in known)
        if not self.encoded:
            return tuple(kept)
        # one bytes object for each attribute, shared by every word that has it ("shape=a", a
        # cluster id): fewer objects to read when python-crfsuite copies them
        encoded = self._encoded
        return tuple(encoded.get(a) or encoded.setdefault(a, a.encode()) for a in kept)

    def _placed(self, attribute: str) -> Attributes:
        """An attribute made from a word's place (separator, distance, flags, cue roles): itself,
        or nothing when the model does not know it."""
        hit = self._single.get(attribute)
        if hit is None:
            hit = self._single[attribute] = self._keep([attribute])
        return hit

    def _lent_roles(self, roles: tuple[str, ...]) -> tuple[Attributes, ...]:
        """The attributes a word's cue roles (B- only) give the word at each offset of _OFFSETS."""
        hit = self._roles.get(roles)
        if hit is None:
            hit = self._roles[roles] = tuple(self._keep(f"{off}:{r}" for r in roles) for off in _OFFSETS)
        return hit

    def _word(self, word: str) -> tuple[str, Attributes, tuple[Attributes, ...]]:
        """A word's lower case, its own attributes, and the attributes it lends to the word at each
        offset of _OFFSETS from it (cached only with `known`: a training run may change the
        neighbours' cluster levels between builds)."""
        hit = self._cache.get(word)
        if hit is None:
            hit = (
                word.lower(),
                self._keep(_word_feats(word)),
                tuple(self._keep(_near_feats(off, word)) for off in _OFFSETS),
            )
            if self.known is not None:
                if len(self._cache) >= self.CACHE_MAX:
                    self._cache.clear()
                self._cache[word] = hit
        return hit

    def sentence(
        self, text: str, words: Words, sent: tuple[int, int], doc_feats: Sequence[str] = ()
    ) -> list[list[Attribute]]:
        """CRF attributes for the words of one sentence (words: their (start, end) in text;
        doc_feats: attributes of the whole article, given to every word)."""
        lo, hi = sent
        toks = [text[a:b] for a, b in words]
        n = len(toks)
        cache = self._cache
        entries = [cache.get(t) or self._word(t) for t in toks]
        low = [e[0] for e in entries]
        roles = _cue_roles(text, words, lo, hi)
        b_roles = [[r for r in rs if r[0] == "B"] if rs else rs for rs in roles]
        # what each word lends its neighbours: its word and shape, and its cue roles
        lent = [
            e[2] if not rs else tuple(a + b for a, b in zip(e[2], self._lent_roles(tuple(rs)), strict=True))
            for e, rs in zip(entries, b_roles, strict=True)
        ]
        # sentence-level modality words, and the running state of the clause before each word
        shared = self._keep(
            ["bias", *doc_feats, *sorted({"smod=" + r[6:] for rs in b_roles for r in rs if r[2:6] == "mod_"})]
        )
        newlines = "\n" in text[lo:hi]
        placed = self._placed
        separation = self._separation
        outside = self._outside
        bi_prev, bi_next = self._bigrams["bi-1="], self._bigrams["bi+1="]
        known, encoded = self.known, self.encoded
        feats: list[list[Attribute]] = []
        in_quote = False
        after_colon = False
        since_sep = 0  # words since the last , ; : or the sentence start
        clause_mod = ""
        last_sep = "start"
        for i in range(n):
            w = toks[i]
            f = [*shared, *entries[i][1]]
            for r in roles[i]:
                f.extend(placed(r))
            f.extend(separation[last_sep][min(since_sep, 6)])
            if i == 0:
                f.extend(placed("first"))
            elif toks[i - 1] in _BULLETS and (i == 1 or "\n" in text[words[i - 2][1] : words[i - 1][0]]):
                f.extend(placed("line_start"))
            if newlines and "\n" in text[words[i - 1][1] if i else lo : words[i][0]]:
                f.extend(placed("after_newline"))
            if in_quote:
                f.extend(placed("in_quote"))
            if after_colon:
                f.extend(placed("after_colon"))
            if clause_mod:
                f.extend(placed("clause_mod=" + clause_mod))
            for k, off in enumerate(_OFFSETS):
                j = i + off
                f.extend(lent[j][k] if 0 <= j < n else outside[off])
            # word pairs: without `known` every one; with it, only a pair the model has a weight for
            if i > 0 and (known is None or (low[i - 1], low[i]) in bi_prev):
                a = f"bi-1={low[i - 1]}|{low[i]}"
                if known is None or a in known:
                    f.extend(self._keep([a]) if encoded else (a,))
            if i + 1 < n and (known is None or (low[i], low[i + 1]) in bi_next):
                a = f"bi+1={low[i]}|{low[i + 1]}"
                if known is None or a in known:
                    f.extend(self._keep([a]) if encoded else (a,))
            # a verb or head at the start of a clause: how list items and prose actions begin
            if b_roles[i] and _CUE_STARTS.intersection(b_roles[i]):
                if since_sep <= 1:
                    f.extend(placed("cue_after_sep"))
                if i > 0 and low[i - 1] in MODALITY:
                    f.extend(placed("cue_after_mod"))
            feats.append(f)
            # update the running state with this word
            if w in _QUOTES or w in ("‘", "’"):
                in_quote = not in_quote if w in ('"', "'") else w in ("“", "‘")
            if w in (",", ";", ":") or w in _BULLETS:
                since_sep = 0
                last_sep = _SEPARATORS.get(w, "bullet")
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


_FULL = Featurizer()


def sentence_features(
    text: str, words: Words, sent: tuple[int, int], doc_feats: Sequence[str] = ()
) -> list[list[str]]:
    """Every CRF attribute of the words of one sentence, as training sees them (words: their
    (start, end) in text; doc_feats: attributes of the whole article, given to every word)."""
    return _FULL.sentence(text, words, sent, doc_feats)


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


# Besides the sentences with a cue verb or head, the tagger also reads those with a word that
# reports an action as done ("đã": the spec's activities told in running prose, "… đã sơ tán 20 hộ
# dân"; about a third of the required gold items of train/ lie in sentences the tagger never read).
# 5-fold CV of the span decision on train/ rises 0.560 -> 0.584 with it, and the dev set's 30
# untuned articles 0.387 -> 0.394; the 21 reports the rules were written on fall 0.733 -> 0.709 (so
# does dev as a whole, 0.650 -> 0.632). An earlier trial, before the ceremony, talk and decoration
# traps, lost on both parts of dev; "vừa", "đang", "tiếp tục", the future and advice words, or every
# sentence did no better on CV (ACTIVITIES_RESULTS.md). It costs about 2-3 points of the pipeline's
# time (benchmarks/components_cost.py): "đã" stands in most sentences of the news.
READ_ALSO: tuple[str, ...] = ("đã",)


@cache
def _cue_re() -> re.Pattern[str]:
    """Any form of the cue lexicon that can open an activity (a verb or a head noun), or a word of
    READ_ALSO."""
    lex = _lexicon()
    forms = [f for f, roles in lex.forms.items() if {"verb", "head"} & set(roles)] + list(READ_ALSO)
    return re.compile(rf"(?<!\w)(?:{lexicon.trie_alternation(forms)})(?!\w)", re.I)


def featurize(
    text: str,
    words: Words,
    sentences: Sequence[tuple[int, int]],
    only_cued: bool = False,
    featurizer: Featurizer = _FULL,
) -> list[tuple[list[int], list]]:
    """(word indices, per-word features) for each sentence of a text; only_cued: only the
    sentences holding a verb or head of the cue lexicon (an activity opens with one) or a word of
    READ_ALSO, the others skipped for speed (the article-level features still come from every sentence); featurizer:
    every attribute (training) or a tagger's (only those its model knows)."""
    out = []
    doc = doc_features(text, sentences)
    cue = _cue_re() if only_cued else None
    for idx in sentences_of(text, words, sentences):
        ws = [words[i] for i in idx]
        if cue is not None and not cue.search(text, ws[0][0], ws[-1][1]):
            continue
        out.append((idx, featurizer.sentence(text, ws, (ws[0][0], ws[-1][1]), doc)))
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
        if tag == "O":  # most words: as the last branch below
            if cur is not None:
                close()
                cur = None
            continue
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
        # the attributes the model has weights for: the featurizer builds no others
        self.features = Featurizer(frozenset(a for a, _ in self.tagger.info().state_features), encoded=True)

    def scored(
        self, text: str, words: Words, sentences: Sequence[tuple[int, int]], only_cued: bool = False
    ) -> list[tuple[int, int, str, float]]:
        """Activity spans with the model's confidence: the mean over their words of the marginal
        probability of not being outside an activity. only_cued: see `featurize`."""
        spans: list[tuple[int, int, str, float]] = []
        for idx, feats in featurize(text, words, sentences, only_cued, self.features):
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
        for idx, feats in featurize(text, words, sentences, only_cued, self.features):
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
_CLAUSE_ENDS = ".;:!?\n"
_CLAUSE_REACH = 200  # characters: a clause is read back this far at most


def _clause_start(text: str, start: int) -> int:
    """Where the clause holding text[start] begins: after the last . ; : ! ? or line break, at most
    200 characters back."""
    lo = max(0, start - _CLAUSE_REACH)
    at = max(text.rfind(ch, lo, start) for ch in _CLAUSE_ENDS)
    return at + 1 if at >= 0 else lo


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
