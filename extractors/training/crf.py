"""Option (b): a linear-chain CRF (CRFsuite, L-BFGS with L1 + L2) over vnnews tokens, BIO labels."""

from __future__ import annotations

import time
from pathlib import Path

from spacy.tokens import Doc

from vnnews.extractors.mention_features import (
    DEFAULT_CONFIG,
    FeatureConfig,
    doc_context,
    doc_words,
    sentence_features,
)

SENTENCES_KEY = "vnnews.train_sentences"  # a Doc's user_data: train on these sentences only


def bio_labels(doc: Doc) -> list[str]:
    """B-/I-/O label of every token from doc.ents."""
    labels = ["O"] * len(doc)
    for ent in doc.ents:
        labels[ent.start] = "B-" + ent.label_
        for i in range(ent.start + 1, ent.end):
            labels[i] = "I-" + ent.label_
    return labels


def train(
    docs: list[Doc],
    out: Path,
    c1: float = 0.05,
    c2: float = 0.01,
    iterations: int = 200,
    config: FeatureConfig = DEFAULT_CONFIG,
) -> dict[str, float]:
    """Train on Docs whose doc.ents are the gold mentions; write the model to `out`."""
    import pycrfsuite

    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc in docs:
        labels = bio_labels(doc)
        ctx = doc_context(doc)
        keep = doc.user_data.get(SENTENCES_KEY)  # only these sentences (corpus/train's gold)
        for k, ids in enumerate(doc_words(doc)):
            if keep is not None and k not in keep:
                continue
            trainer.append(
                sentence_features([doc[i].text for i in ids], ctx, config), [labels[i] for i in ids]
            )
    features_s = time.perf_counter() - t0
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return {"features_s": features_s, "train_s": time.perf_counter() - t0 - features_s}
