"""People and organizations: vnnews against underthesea's `ner` (PER and ORG entities) on the dev set.

Prints the referee's people, titles, rank and organizations scores for both side by side, and the
time per article of each. underthesea's NER gives names only: no rank, no titles, no expansion.

    python benchmarks/ner_vs_underthesea.py
"""

from __future__ import annotations

import time

from _shared import dev_articles, require_shared, score, vnnews_records

FIELDS = ["people", "titles", "rank", "organizations"]


def entities(tagged: list[tuple]) -> list[tuple[str, str]]:
    """(label, text) entities from underthesea's BIO-tagged tokens."""
    out: list[tuple[str, list[str]]] = []
    for token in tagged:
        word, tag = token[0], token[-1]
        if tag.startswith("B-"):
            out.append((tag[2:], [word]))
        elif tag.startswith("I-") and out and out[-1][0] == tag[2:]:
            out[-1][1].append(word)
    return [(label, " ".join(words)) for label, words in out]


def underthesea_records(articles: list[dict]) -> tuple[dict[str, dict], float]:
    """People and organizations from underthesea's NER, as records, and the seconds taken."""
    from underthesea import ner, sent_tokenize

    records = {}
    start = time.perf_counter()
    for a in articles:
        people, orgs = [], []
        for sentence in sent_tokenize(f"{a['title']}\n{a['text']}"):
            for label, text in entities(ner(sentence)):
                if label == "PER":
                    people.append({"name": text, "rank": None, "titles": []})
                elif label == "ORG":
                    orgs.append({"name": text, "aliases": []})
        records[a["id"]] = {"id": a["id"], "people": people, "organizations": orgs}
    return records, time.perf_counter() - start


def main() -> None:
    """Run both and print the comparison table."""
    require_shared()
    articles = dev_articles()
    n = len(articles)
    ours, t_ours, _, _ = vnnews_records(articles)
    theirs, t_theirs = underthesea_records(articles)
    print(f"{n} dev articles; referee F1 (P/R)")
    print(f"{'':<18}" + "".join(f"{f:>20}" for f in FIELDS) + f"{'ms/article':>12}")
    for name, records, t in (("vnnews", ours, t_ours), ("underthesea ner", theirs, t_theirs)):
        s = score(records, FIELDS)
        cells = "".join(f"{s[f]['f1']:>8.3f} ({s[f]['p']:.2f}/{s[f]['r']:.2f})" for f in FIELDS)
        print(f"{name:<18}{cells}{1000 * t / n:>12.1f}")
    print(f"underthesea time / vnnews time: {t_theirs / t_ours:.1f}x")


if __name__ == "__main__":
    main()
