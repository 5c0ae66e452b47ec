"""Train and evaluate the activity tagger (extractors/activity_model.py) on the annotated corpus.

The one training command (about a minute on one core):

    python -m vnnews.extractors.training.activities --out extractors/models/activities/ --corpus ../shared/corpus

Cross-validation on train/ (5 folds by article; rules-only, model-only and hybrid):

    python -m vnnews.extractors.training.activities --cv 5 --corpus ../shared/corpus

The gold activities are strings without offsets: each is located in the article's normalized text
(the text vnnews's records refer to) and its words are labelled B-/I-ACT (required) or B-/I-OPT
(optional); strings that cannot be located are counted and left out. Only train/ is used for
training; ``--evaluate dev`` scores a trained model once on another split.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from vnnews.extractors import activity_model as am

SEED = 16
LABEL_SCHEME = "two"  # "two": ACT and OPT; "one": every gold activity is ACT
# chosen by 5-fold CV on train/ (c1 0.05/0.2/0.5 scored within 0.01; 0.5 gives the smallest model)
CRF_PARAMS = {"c1": 0.5, "c2": 0.1, "max_iterations": 150, "feature.possible_transitions": True}


@dataclass
class Article:
    """An annotated article as the pipeline sees it."""

    id: str
    text: str
    words: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    rules: list[tuple[int, int]]  # the cue rules' activities
    gold: list[tuple[str, bool]]  # (text, optional)
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # located gold, no overlaps
    unlocated: list[str] = field(default_factory=list)
    ms: float = 0.0  # pipeline time for this article


# --- data ---------------------------------------------------------------------------------------


def _pattern(gold: str) -> re.Pattern[str] | None:
    """A regex that finds a gold string in normalized text: any whitespace, any quote style, any case."""
    from vnnews.pipeline.normalize import normalize

    g = normalize(gold).strip()
    if not g:
        return None
    parts = []
    for ch in g:
        if ch.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif ch in "“”\"'‘’":
            parts.append("[“”\"'‘’]")
        elif ch in "-–":
            parts.append(r"\s*[-–]\s*")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts), re.I)


def locate(text: str, gold: Sequence[tuple[str, bool]]) -> tuple[list[tuple[int, int, str]], list[str]]:
    """Character spans of the gold activities in text: every occurrence, required items before
    optional ones and longer before shorter where they overlap. Returns (spans, unlocated texts)."""
    found: list[tuple[int, int, str]] = []
    missing = []
    for g, opt in gold:
        rx = _pattern(g)
        hits = list(rx.finditer(text)) if rx else []
        if not hits:
            missing.append(g)
        found.extend((m.start(), m.end(), "OPT" if opt else "ACT") for m in hits)
    found.sort(key=lambda s: (s[2] != "ACT", -(s[1] - s[0]), s[0]))
    kept: list[tuple[int, int, str]] = []
    for s in found:
        if not any(am._overlap(s[:2], k[:2]) for k in kept):
            kept.append(s)
    return sorted(kept), missing


def prepare(corpus: Path, split: str) -> list[Article]:
    """Run the vnnews pipeline over corpus/split/articles.jsonl and pair each article with its gold."""
    from vnnews.extractors.common import sentence_bounds, text_of
    from vnnews.pipeline.api import ArticleInput, Extractor, assemble
    from vnnews.pipeline.nlp import build

    # the rules alone: their items are what the model is compared and merged with
    nlp = build()
    nlp.remove_pipe("vnnews_activities")
    nlp.add_pipe("vnnews_activities", config={"use_model": False})
    ex = Extractor(nlp)
    out = []
    folder = corpus / split
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        item = ArticleInput(
            rec["text"], rec.get("id"), rec.get("title"), rec.get("published"), rec.get("source")
        )
        t0 = time.perf_counter()
        doc = ex._doc(item)
        for _, proc in ex.nlp.pipeline:
            doc = proc(doc)
        record = assemble(doc, item)
        ms = (time.perf_counter() - t0) * 1000
        gold_file = folder / f"{rec['id']}.gold.json"
        gold = json.loads(gold_file.read_text(encoding="utf-8")) if gold_file.exists() else {}
        g = [(a["text"], bool(a.get("optional"))) for a in gold.get("activities", []) if a.get("text")]
        text = text_of(doc)
        art = Article(
            id=rec["id"],
            text=text,
            words=am.words_of(doc),
            sentences=list(sentence_bounds(doc)),
            rules=[(a.start, a.end) for a in record.activities],
            gold=g,
            ms=ms,
        )
        art.spans, art.unlocated = locate(text, g)
        out.append(art)
    return out


def load_split(corpus: Path, split: str, cache: Path | None) -> list[Article]:
    """prepare(), cached in a pickle when cache is given (the pipeline's output, not the model's)."""
    if cache is not None:
        path = cache / f"activities-{split}.pkl"
        if path.exists():
            return [Article(**d) for d in pickle.loads(path.read_bytes())]
    arts = prepare(corpus, split)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps([asdict(a) for a in arts]))  # plain dicts: loadable from any module
    return arts


def bio(art: Article, scheme: str = LABEL_SCHEME) -> list[tuple[list, list[str]]]:
    """(features, BIO labels) of each sentence of an article. A gold span covers the words that
    overlap it (a gold boundary inside an underthesea word takes the whole word)."""
    seqs = []
    for idx, feats in am.featurize(art.text, art.words, art.sentences):
        labels = ["O"] * len(idx)
        for a, b, lab in art.spans:
            inside = [k for k, i in enumerate(idx) if am._overlap(art.words[i], (a, b))]
            for n, k in enumerate(inside):
                labels[k] = ("B-" if n == 0 else "I-") + (lab if scheme == "two" else "ACT")
        seqs.append((feats, labels))
    return seqs


# --- CRF ----------------------------------------------------------------------------------------


def train_crf(
    arts: Iterable[Article], path: Path, params: dict | None = None, scheme: str = LABEL_SCHEME
) -> None:
    """Train the CRF on the articles and write it to path (scheme: "two" labels ACT and OPT, "one"
    labels every gold activity ACT)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for art in arts:
        for feats, labels in bio(art, scheme):
            trainer.append(feats, labels)
    trainer.set_params({**CRF_PARAMS, **(params or {})})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


# --- scoring, as the referee does it ------------------------------------------------------------

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_FOLD_QUOTES = dict.fromkeys(map(ord, "\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019'"), '"')
_FOLD_DASHES = dict.fromkeys(map(ord, "\u2013\u2014\u2012\u2212"), "-")


def _tone_first(s: str) -> str:
    d = unicodedata.normalize("NFD", s)
    base = "".join(c for c in d if c not in _TONES)
    tones = [c for c in d if c in _TONES]
    low = base.lower()
    if len(tones) != 1 or not re.search(r"(oa|oe|uy)$", low) or low.endswith("quy"):
        return s
    return unicodedata.normalize("NFC", base[:-1] + tones[0] + base[-1])


def syllables(text: str) -> list[str]:
    """The folded syllables of a text, as the referee (eval/score.py) counts them."""
    t = unicodedata.normalize("NFC", text).replace("_", " ").translate(_FOLD_DASHES).translate(_FOLD_QUOTES)
    t = re.sub(r"\s+", " ", t.casefold()).strip(' .,;:!?"()[]')
    t = " ".join(_tone_first(s) for s in t.split(" "))
    return [s for s in re.split(r"[\s\-\",.;:!?()\[\]…/]+", t) if s]


def score_counts(gold: Sequence[tuple[str, bool]], system: Sequence[str]) -> tuple[int, int, int]:
    """(tp, fp, fn) of one article's activities: syllable overlap with multiplicity, optional gold
    syllables not counted against the system."""
    req = Counter(x for g, opt in gold if not opt for x in syllables(g))
    opt = Counter(x for g, o in gold if o for x in syllables(g))
    sys_ = Counter(x for s in system for x in syllables(s))
    tp = sum((req & sys_).values())
    rest = sys_ - req
    fp = sum(rest.values()) - sum((rest & opt).values())
    return tp, fp, sum(req.values()) - tp


def prf(counts: Iterable[tuple[int, int, int]]) -> dict[str, float]:
    """Precision, recall and F1 of summed (tp, fp, fn)."""
    tp = fp = fn = 0
    for a, b, c in counts:
        tp, fp, fn = tp + a, fp + b, fn + c
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def _texts(text: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """Texts of spans, the same text once (as the rules write a repeated name once)."""
    seen, out = set(), []
    for a, b, *_ in spans:
        key = " ".join(syllables(text[a:b]))
        if key and key not in seen:
            seen.add(key)
            out.append(text[a:b])
    return out


def systems(art: Article, model_spans: Sequence[tuple[int, int, str]]) -> dict[str, list[str]]:
    """The activity texts of each system compared: rules, model (ACT only / with OPT), hybrid
    (rules + model ACT / + model OPT too, the shipped setting)."""
    act = [s for s in model_spans if s[2] == "ACT"]

    def hybrid(optional: bool) -> list[str]:
        return _texts(
            art.text,
            [(m.start, m.end) for m in am.merge(art.rules, model_spans, art.text, optional=optional)],
        )

    def shipped() -> list[str]:
        # what the pipeline does (extractors/activities.py): the rules alone where they find two
        # items or more, else the rules plus the model's required spans, future and advisory ones out
        if len(art.rules) >= MODEL_BELOW:
            return [art.text[a:b] for a, b in art.rules]
        merged = am.merge(art.rules, model_spans, art.text, optional=False, refine=False)
        rules = set(art.rules)
        return [m.text for m in merged if (m.start, m.end) in rules or m.status not in ("planned", "advised")]

    return {
        "rules": [art.text[a:b] for a, b in art.rules],
        "model": _texts(art.text, act),
        "model+opt": _texts(art.text, model_spans),
        "hybrid": hybrid(False),
        "hybrid+opt": hybrid(True),
        "shipped": shipped(),
    }


MODEL_BELOW = 2  # extractors/activities.py's default model_below


THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7)


def _grid(arts: Sequence[Article], scored: Sequence[list]) -> dict[str, dict]:
    """Scores of every system at every confidence threshold."""
    out: dict[str, dict] = {}
    for th in THRESHOLDS:
        counts: dict[str, list] = {}
        for art, spans in zip(arts, scored, strict=True):
            kept = [(a, b, lab) for a, b, lab, p in spans if p >= th]
            for name, texts in systems(art, kept).items():
                counts.setdefault(name, []).append(score_counts(art.gold, texts))
        for name, c in counts.items():
            if name == "rules" and th:
                continue
            out[name if name == "rules" else f"{name}@{th}"] = prf(c)
    return out


def evaluate(arts: Sequence[Article], tagger: am.ActivityTagger) -> tuple[dict[str, dict], float]:
    """Scores of every system over the articles, and the tagger's ms per article."""
    t0 = time.perf_counter()
    scored = [tagger.scored(a.text, a.words, a.sentences) for a in arts]
    ms = (time.perf_counter() - t0) * 1000 / max(1, len(arts))
    return _grid(arts, scored), ms


def folds(arts: Sequence[Article], k: int) -> list[tuple[list[Article], list[Article]]]:
    """k (train, test) splits by article, shuffled with the fixed seed."""
    order = list(arts)
    random.Random(SEED).shuffle(order)
    return [([a for j, a in enumerate(order) if j % k != i], order[i::k]) for i in range(k)]


def cross_validate(
    arts: Sequence[Article], k: int, work: Path, params: dict | None = None, scheme: str = LABEL_SCHEME
) -> dict:
    """k-fold CV of the CRF: scores of every system summed over the folds' test articles."""
    tests: list[Article] = []
    scored: list[list] = []
    ms = []
    for i, (train, test) in enumerate(folds(arts, k)):
        path = work / f"fold{i}.crfsuite"
        train_crf(train, path, params, scheme)
        tagger = am.ActivityTagger(path)
        t0 = time.perf_counter()
        scored += [tagger.scored(a.text, a.words, a.sentences) for a in test]
        ms.append((time.perf_counter() - t0) * 1000 / len(test))
        tests += test
    return {"scores": _grid(tests, scored), "ms_per_article": round(sum(ms) / len(ms), 2)}


# --- spaCy export (option b) --------------------------------------------------------------------


def to_docbin(arts: Iterable[Article], path: Path) -> None:
    """The articles as a spaCy DocBin, gold spans as doc.ents (words = vnnews's tokens)."""
    from spacy.tokens import DocBin

    from vnnews.pipeline import nlp as nlp_module

    nlp = nlp_module.build(components=())
    db = DocBin()
    for art in arts:
        doc = nlp.make_doc(art.text)
        ents = []
        for a, b, lab in art.spans:
            span = doc.char_span(a, b, label=lab, alignment_mode="expand")
            if span is not None and not any(span.start < e.end and e.start < span.end for e in ents):
                ents.append(span)
        doc.ents = ents
        db.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)


def write_hybrid(arts: Sequence[Article], tagger: am.ActivityTagger, records: Path, out: Path) -> None:
    """Copy `vnnews extract` records with their activities replaced by the hybrid's, for the referee."""
    by_id = {a.id: a for a in arts}
    lines = []
    for line in records.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        art = by_id.get(rec.get("id"))
        if art is not None:
            spans = tagger.tag(art.text, art.words, art.sentences, am.THRESHOLD)
            rec["activities"] = [
                {
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "status": m.status,
                    "label": m.label,
                    "source": m.source,
                }
                for m in am.merge(art.rules, spans, art.text)
            ]
        lines.append(json.dumps(rec, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- command line -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Train (--out), cross-validate (--cv K) or evaluate a trained model (--evaluate SPLIT)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus"), help="holds train/ (and dev/)")
    ap.add_argument("--out", type=Path, help="write the trained model here")
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation on train/")
    ap.add_argument("--evaluate", metavar="SPLIT", help="score the model in --out on another split (dev)")
    ap.add_argument("--cache", type=Path, help="keep the pipeline's output for the corpus here")
    ap.add_argument("--work", type=Path, default=Path("/tmp/vnnews-activities"), help="fold models")
    ap.add_argument("--params", default="{}", help="CRF parameters as JSON, over the defaults")
    ap.add_argument(
        "--spacy-data",
        type=Path,
        help="write DocBins (CV fold 0 train/test, all of train/) for spacy train here",
    )
    ap.add_argument("--records", type=Path, help="with --evaluate: JSONL of `vnnews extract` for that split")
    ap.add_argument("--system-out", type=Path, help="with --records: write them with the hybrid's activities")
    ap.add_argument("--labels", choices=("one", "two"), default=LABEL_SCHEME, help="ACT+OPT or ACT only")
    args = ap.parse_args(argv)
    params = json.loads(args.params)

    train = load_split(args.corpus, "train", args.cache)
    located = sum(len(a.spans) for a in train)
    missing = sum(len(a.unlocated) for a in train)
    print(
        f"train: {len(train)} articles, {sum(len(a.gold) for a in train)} gold activities, "
        f"{located} spans labelled, {missing} gold strings not located",
        file=sys.stderr,
    )
    if args.spacy_data:
        tr, te = folds(train, args.cv or 5)[0]
        to_docbin(tr, args.spacy_data / "fold0-train.spacy")
        to_docbin(te, args.spacy_data / "fold0-test.spacy")
        to_docbin(train, args.spacy_data / "all.spacy")
    if args.cv:
        result = cross_validate(train, args.cv, args.work, params, args.labels)
        result["pipeline_ms_per_article"] = round(sum(a.ms for a in train) / len(train), 1)
        print(json.dumps(result, indent=2))
    if args.out and not args.evaluate:
        path = args.out / am.MODEL_FILE
        train_crf(train, path, params, args.labels)
        print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    if args.evaluate:
        arts = load_split(args.corpus, args.evaluate, args.cache)
        tagger = am.ActivityTagger((args.out or am.MODEL_DIR) / am.MODEL_FILE)
        scores, ms = evaluate(arts, tagger)
        pipe = sum(a.ms for a in arts) / len(arts)
        if args.records and args.system_out:
            write_hybrid(arts, tagger, args.records, args.system_out)
        print(
            json.dumps(
                {
                    "split": args.evaluate,
                    "scores": scores,
                    "ms_per_article": round(ms, 2),
                    "pipeline_ms_per_article": round(pipe, 1),
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
