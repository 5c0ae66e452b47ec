"""Word clusters from unlabeled text, for the mention tagger's features: one reproducible command.

    python -m vnnews.extractors.training.clusters --out extractors/data/word_clusters.tsv

Reads unlabeled article text only: the 5,000 baomoi articles of ../shared/corpus/bench/, the texts
of vlsp2018/train.jsonl and of corpus/train/ (never vlsp2018/dev nor corpus/dev/: any bench article
sharing an id or its opening with one of those is left out). Each article is prepared and tokenized
exactly as the pipeline does (normalize, compose, vnnews's tokenizer), so the words are the ones the
CRF sees; sentences of lower-cased words are cached under --work. Then:

1. word2vec (gensim, skip-gram, one worker, fixed seed and a hash of its own: deterministic) over
   the words seen at least --min-count times;
2. k-means (numpy, k-means++ seeding from a fixed seed) of the unit vectors at each granularity of
   --levels, each word getting one cluster id per granularity.

The output is plain data: a `# source:` line, a `# levels:` line, then word<TAB>id<TAB>id...,
most frequent words first, only words found in at least --min-articles articles (vocabulary, not
one article's names), cut to --max-words. Needs the `train` extra (gensim); nothing at run
time imports this module.
"""

from __future__ import annotations

import gzip
import json
import time
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import click
import numpy as np

from vnnews.extractors.text import fix_tone_placement


def _stable_hash(text: str) -> int:
    """gensim's vector-seeding hash, independent of PYTHONHASHSEED."""
    return zlib.crc32(text.encode("utf-8"))


def _raw_articles(corpus: Path) -> Iterator[tuple[str, str, str]]:
    """(source, title, body) of every unlabeled article allowed for clustering, dev sets excluded."""
    dev_ids: set[str] = {p.name.split(".")[0] for p in (corpus / "dev").glob("*.txt")}
    openings: set[str] = set()
    for path in (corpus / "vlsp2018" / "dev.jsonl", corpus / "dev" / "articles.jsonl"):
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    art = json.loads(line)
                    dev_ids.add(str(art.get("id")))
                    openings.add(_opening(art.get("text", "")))
    with gzip.open(corpus / "bench" / "baomoi-5k.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                art = json.loads(line)
                if str(art.get("id")) in dev_ids or _opening(art.get("text", "")) in openings:
                    continue
                yield "bench", art.get("title") or "", art.get("text") or ""
    for line in (corpus / "vlsp2018" / "train.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            title, _, body = json.loads(line)["text"].partition("\n")
            yield "vlsp2018/train", title, body
    for path in sorted((corpus / "train").glob("*.txt")):
        if path.name.split(".")[0] in dev_ids:
            continue
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        yield "train", title, body


def _opening(text: str) -> str:
    """The first 120 letters of a text, spacing folded: finds the same article twice."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text).lower() if ch.isalnum())[:120]


def tokenized_sentences(corpus: Path, cache: Path, force: bool = False) -> list[tuple[int, list[str]]]:
    """(article number, lower-cased vnnews words) of every sentence of the unlabeled articles
    (cached, one sentence a line)."""
    if cache.exists() and not force:
        with gzip.open(cache, "rt", encoding="utf-8") as f:
            rows = (line.rstrip("\n").split("\t") for line in f if line.strip())
            return [(int(row[0]), row[1:]) for row in rows]
    from vnnews.extractors.mention_features import doc_words, token_texts
    from vnnews.pipeline import nlp as nlp_module
    from vnnews.pipeline.normalize import normalize
    from vnnews.pipeline.segment import compose

    nlp = nlp_module.build(())
    out: list[tuple[int, list[str]]] = []
    counts: Counter[str] = Counter()
    t0 = time.perf_counter()
    for number, (source, title, body) in enumerate(_raw_articles(corpus)):
        text, _ = compose(normalize(title.strip()) or None, normalize(body.strip()))
        if not text:
            continue
        counts[source] += 1
        doc = nlp.make_doc(text)
        texts = token_texts(doc)
        for ids in doc_words(doc):
            words = [texts[i].lower() for i in ids]
            if words:
                out.append((number, words))
    click.echo(
        f"tokenized {dict(counts)} articles, {len(out):,} sentences in {time.perf_counter() - t0:.0f} s"
    )
    cache.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(cache, "wt", encoding="utf-8", compresslevel=5) as f:
        for number, words in out:
            f.write(f"{number}\t" + "\t".join(words) + "\n")
    return out


def kmeans(vectors: np.ndarray, k: int, seed: int, iterations: int = 40) -> np.ndarray:
    """Cluster ids of the rows of `vectors` (unit length; cosine k-means), k-means++ seeding."""
    rng = np.random.default_rng(seed)
    n = len(vectors)
    centers = np.empty((k, vectors.shape[1]), dtype=np.float32)
    centers[0] = vectors[rng.integers(n)]
    best = 1.0 - vectors @ centers[0]
    for c in range(1, k):
        weights = np.maximum(best, 0.0) ** 2
        centers[c] = vectors[rng.choice(n, p=weights / weights.sum())]
        best = np.minimum(best, 1.0 - vectors @ centers[c])
    ids = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        new = np.argmax(vectors @ centers.T, axis=1)
        if np.array_equal(new, ids) and _ > 0:
            break
        ids = new
        for c in range(k):
            members = vectors[ids == c]
            if len(members):
                mean = members.sum(axis=0)
                centers[c] = mean / max(np.linalg.norm(mean), 1e-9)
            else:  # an empty cluster takes the point farthest from its center
                far = np.argmin(np.sum(vectors * centers[ids], axis=1))
                centers[c] = vectors[far]
    return ids


def _valid(word: str) -> bool:
    """Whether a word can be a row of a vocabulary file (see extractors/lexicon.py)."""
    return (
        bool(word.strip())
        and word == word.strip()
        and not word.startswith("#")
        and "\t" not in word
        and unicodedata.normalize("NFC", word) == word
        and fix_tone_placement(word) == word
    )


@click.command()
@click.option("--out", type=click.Path(path_type=Path), required=True, help="the TSV to write")
@click.option(
    "--corpus",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    default=Path("../shared/corpus"),
    show_default=True,
)
@click.option("--work", type=click.Path(path_type=Path), default=Path("build/clusters"), show_default=True)
@click.option("--rebuild", is_flag=True, help="re-tokenize the articles even if cached")
@click.option("--levels", default="64,256,1024", show_default=True, help="k-means granularities")
@click.option("--min-count", type=int, default=3, show_default=True, help="occurrences to get a vector")
@click.option(
    "--min-articles",
    type=int,
    default=3,
    show_default=True,
    help="articles a word must occur in to be written (no word of one article's only)",
)
@click.option("--max-words", type=int, default=60_000, show_default=True, help="keep the most frequent")
@click.option("--dim", type=int, default=100, show_default=True)
@click.option("--epochs", type=int, default=10, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
def main(
    out: Path,
    corpus: Path,
    work: Path,
    rebuild: bool,
    levels: str,
    min_count: int,
    min_articles: int,
    max_words: int,
    dim: int,
    epochs: int,
    seed: int,
) -> None:
    """Train word vectors on unlabeled articles, cluster them, write the word-cluster table."""
    from gensim.models import Word2Vec

    ks = [int(x) for x in levels.split(",")]
    numbered = tokenized_sentences(corpus, work / "sentences.tsv.gz", force=rebuild)
    sentences = [words for _, words in numbered]
    tokens = sum(len(s) for s in sentences)
    articles: dict[str, set[int]] = {}
    for number, words in numbered:
        for w in words:
            articles.setdefault(w, set()).add(number)
    t0 = time.perf_counter()
    model = Word2Vec(
        sentences,
        vector_size=dim,
        window=5,
        min_count=min_count,
        sg=1,
        negative=10,
        epochs=epochs,
        workers=1,
        seed=seed,
        hashfxn=_stable_hash,
        sorted_vocab=1,
    )
    click.echo(f"word2vec over {tokens:,} words: {len(model.wv):,} kept, {time.perf_counter() - t0:.0f} s")
    # every word with a vector is clustered; only those of several articles are written
    words = list(model.wv.index_to_key)
    vectors = np.asarray([model.wv[w] for w in words], dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    np.save(work / "vectors.npy", vectors)
    (work / "vectors.words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    columns = []
    for k in ks:
        t0 = time.perf_counter()
        columns.append(kmeans(vectors, k, seed))
        click.echo(f"k-means {k}: {time.perf_counter() - t0:.0f} s")
    written = [i for i, w in enumerate(words) if _valid(w) and len(articles.get(w, ())) >= min_articles]
    written = written[:max_words]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# source: word2vec (skip-gram) vectors of vnnews's lower-cased words over unlabeled Vietnamese"
            " news (5,000 baomoi.com 2017 articles, the VLSP 2018 training texts, corpus/train texts),"
            " k-means clustered; built by `python -m vnnews.extractors.training.clusters`"
            f" (min count {min_count}, dim {dim}, {epochs} epochs, seed {seed}); only words found in at least"
            f" {min_articles} articles are listed. No article text.\n"
        )
        f.write("# purpose: word-cluster features of the mention tagger (extractors/mention_features.py)\n")
        f.write("# levels: " + " ".join(str(k) for k in ks) + "\n")
        f.write("# columns: word (lower case)<TAB>cluster id at each level, most frequent words first\n")
        for i in written:
            f.write(words[i] + "\t" + "\t".join(str(int(c[i])) for c in columns) + "\n")
    click.echo(f"wrote {len(written):,} words to {out} ({out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
