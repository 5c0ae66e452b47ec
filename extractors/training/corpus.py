"""The VLSP 2018 train/dev articles as tokenized, aligned Docs, cached as spaCy DocBin files.

Tokenizing the 1,041 articles with vnnews's tokenizer takes about a minute; the DocBins under the
work folder (doc.ents = the aligned outermost PERSON / ORGANIZATION / LOCATION mentions,
user_data["id"] = the article id) let both engines and `spacy train` reuse them.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, DocBin, Span

from vnnews.extractors.training.data import LABELS, AlignStats, examples, read_jsonl
from vnnews.pipeline import nlp as nlp_module

SPLITS = ("train", "dev")


def vlsp_path(corpus: Path, split: str) -> Path:
    """The VLSP JSON Lines file of a split under the shared corpus folder."""
    return corpus / "vlsp2018" / f"{split}.jsonl"


def build_docbins(
    corpus: Path, work: Path, force: bool = False, labels: tuple[str, ...] = LABELS
) -> dict[str, AlignStats]:
    """Write work/<split>.spacy for each split (unless present); the alignment counts of those written."""
    work.mkdir(parents=True, exist_ok=True)
    nlp = nlp_module.build(())
    stats: dict[str, AlignStats] = {}
    for split in SPLITS:
        out = work / f"{split}.spacy"
        if out.exists() and not force:
            continue
        st = AlignStats()
        db = DocBin(store_user_data=True)
        for ex in examples(nlp, read_jsonl(vlsp_path(corpus, split)), st, labels):
            doc = ex.doc
            doc.ents = [Span(doc, s, e, label=label) for s, e, label in ex.spans]
            doc.user_data = {"id": ex.id}
            db.add(doc)
        db.to_disk(out)
        (work / f"{split}.alignment.txt").write_text(st.summary() + "\n", encoding="utf-8")
        stats[split] = st
    return stats


def load_docs(work: Path, split: str) -> list[Doc]:
    """The cached Docs of a split, in file order."""
    nlp = nlp_module.build(())
    return list(DocBin().from_disk(work / f"{split}.spacy").get_docs(nlp.vocab))


def articles_for(corpus: Path, split: str, docs: list[Doc]) -> list[dict]:
    """The VLSP articles matching cached Docs (by id)."""
    by_id = {a["id"]: a for a in read_jsonl(vlsp_path(corpus, split))}
    return [by_id[d.user_data["id"]] for d in docs]
