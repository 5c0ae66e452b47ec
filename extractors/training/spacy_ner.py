"""Option (a): spaCy's `ner` on a small CNN tok2vec, trained with `spacy train` over vnnews tokens."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from spacy.tokens import Doc

from vnnews.extractors.mention_model import LABELS, propagate

CODE = Path(__file__).with_name("spacy_code.py")


def train(config: Path, work: Path, out: Path, seed: int = 0) -> None:
    """Run `spacy train` on work/{train,dev}.spacy; copy the best pipeline (tok2vec + ner) to `out`."""
    run = work / "spacy-run"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(config),
        "--output",
        str(run),
        "--code",
        str(CODE),
        "--paths.train",
        str(work / "train.spacy"),
        "--paths.dev",
        str(work / "dev.spacy"),
        "--system.seed",
        str(seed),
    ]
    subprocess.run(cmd, check=True, env=env)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(run / "model-best", out)


class SpacyMentionTagger:
    """A trained tok2vec + ner pipeline applied to a copy of a vnnews Doc's tokens."""

    def __init__(self, path: Path) -> None:
        import spacy

        from vnnews.extractors.training import spacy_code  # noqa: F401  (the tokenizer in the saved config)

        self.nlp = spacy.load(path)

    def predict(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(token start, token end, label) of the entities the model finds in the Doc's tokens."""
        copy = Doc(self.nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        for _, proc in self.nlp.pipeline:
            copy = proc(copy)
        return propagate(doc, [(e.start, e.end, e.label_) for e in copy.ents if e.label_ in LABELS])
