"""PERSON and ORGANIZATION mentions on VLSP 2018 dev: rules only, the tagger only, the hybrid, and
underthesea's own `ner`, scored like ../shared/eval/mentions.py, with ms/article, in one run.

    python benchmarks/mentions_vlsp.py [--limit N] [--no-underthesea]

Scoring (the referee's): per article, the multiset of folded mention strings; PERSON = PERSON
spans not nested in another entity, ORGANIZATION = outermost ORGANIZATION spans. vnnews's records
give a person's mentions (`people[].mentions`) and an organization's (`organizations[].mentions`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time

from _shared import SHARED

from vnnews.pipeline.api import ArticleInput, Extractor
from vnnews.pipeline.nlp import COMPONENTS, build

VLSP_DEV = SHARED / "corpus" / "vlsp2018" / "dev.jsonl"


def referee():
    """../shared/eval/mentions.py as a module (its fold and gold_mentions)."""
    spec = importlib.util.spec_from_file_location("mentions_referee", SHARED / "eval" / "mentions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(
    ref, gold: list[dict], system: dict[str, tuple[list[str], list[str]]]
) -> dict[str, tuple[float, float, float]]:
    """(P, R, F1) per type over the articles, multisets of folded strings per article."""
    from collections import Counter

    tally = {"PERSON": [0, 0, 0], "ORGANIZATION": [0, 0, 0]}
    for article in gold:
        g_per, g_org = ref.gold_mentions(article)
        s_per, s_org = system.get(article["id"], ([], []))
        for kind, g, s in (("PERSON", g_per, s_per), ("ORGANIZATION", g_org, s_org)):
            gc, sc = Counter(ref.fold(x) for x in g), Counter(ref.fold(x) for x in s)
            tally[kind][0] += sum((gc & sc).values())
            tally[kind][1] += sum(sc.values())
            tally[kind][2] += sum(gc.values())
    out = {}
    for kind, (hit, sys_n, gold_n) in tally.items():
        p = hit / sys_n if sys_n else 1.0
        r = hit / gold_n if gold_n else 1.0
        out[kind] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def vnnews_mentions(extractor: Extractor, gold: list[dict]) -> tuple[dict, float]:
    """Each article's person and organization mention strings from vnnews's records; seconds."""
    out = {}
    start = time.perf_counter()
    for article in gold:
        title, _, body = article["text"].partition("\n")
        record = extractor.extract_item(ArticleInput(body.strip(), article["id"], title.strip()))
        people = [m.text for p in record.people for m in (p.mentions or [p])]
        orgs = [m.text for o in record.organizations for m in (o.mentions or [o])]
        out[article["id"]] = (people, orgs)
    return out, time.perf_counter() - start


def tagger_mentions(extractor: Extractor, gold: list[dict]) -> tuple[dict, float]:
    """The statistical tagger's PERSON and ORGANIZATION spans alone; seconds (tokenizing included)."""
    out = {}
    tagger = extractor.nlp.get_pipe("vnnews_mentions")
    start = time.perf_counter()
    for article in gold:
        title, _, body = article["text"].partition("\n")
        doc = extractor._doc(ArticleInput(body.strip(), article["id"], title.strip()))
        found = tagger.find(doc)
        text = doc.text
        out[article["id"]] = (
            [text[m.start : m.end] for m in found if m.label == "PERSON"],
            [text[m.start : m.end] for m in found if m.label == "ORGANIZATION"],
        )
    return out, time.perf_counter() - start


def underthesea_mentions(gold: list[dict]) -> tuple[dict, float]:
    """underthesea's `ner` PER and ORG entities, sentence by sentence; seconds."""
    from ner_vs_underthesea import entities
    from underthesea import ner, sent_tokenize

    out = {}
    start = time.perf_counter()
    for article in gold:
        people, orgs = [], []
        for sentence in sent_tokenize(article["text"]):
            for label, text in entities(ner(sentence)):
                (people if label == "PER" else orgs if label == "ORG" else []).append(text)
        out[article["id"]] = (people, orgs)
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles of VLSP dev")
    parser.add_argument("--no-underthesea", action="store_true", help="skip underthesea's ner (slow)")
    args = parser.parse_args()
    if not VLSP_DEV.exists():
        raise SystemExit(f"needs {VLSP_DEV}")
    ref = referee()
    gold = [json.loads(line) for line in VLSP_DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = gold[: args.limit] if args.limit else gold
    hybrid = Extractor(build(COMPONENTS))
    rules = Extractor(build(tuple(c for c in COMPONENTS if c != "vnnews_mentions")))
    rows = [
        ("rules only", *vnnews_mentions(rules, gold)),
        ("tagger only", *tagger_mentions(hybrid, gold)),
        ("hybrid (vnnews)", *vnnews_mentions(hybrid, gold)),
    ]
    if not args.no_underthesea:
        rows.append(("underthesea ner", *underthesea_mentions(gold)))
    print(f"VLSP 2018 dev, {len(gold)} articles: P / R / F1")
    print(f"{'':<18}{'PERSON':>24}{'ORGANIZATION':>24}{'ms/article':>12}")
    for name, system, seconds in rows:
        s = score(ref, gold, system)
        cells = "".join(f"{s[k][0]:>8.3f}{s[k][1]:>7.3f}{s[k][2]:>7.3f} " for k in ("PERSON", "ORGANIZATION"))
        print(f"{name:<18}{cells}{1000 * seconds / len(gold):>11.1f}")


if __name__ == "__main__":
    main()
