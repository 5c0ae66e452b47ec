"""Train and measure the mention tagger: one command per engine.

    python -m vnnews.extractors.training.mentions --engine crf   --out extractors/models/mentions/
    python -m vnnews.extractors.training.mentions --engine spacy --out build/mentions/spacy-model/

Both read ../shared/corpus/vlsp2018/{train,dev}.jsonl (--corpus to change), cache the tokenized,
aligned articles under --work (build/mentions/), train on train and report the referee's P/R/F1
(eval/mentions.py convention) and ms/article on dev. Nothing reads the shared dev/ scoring set.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import click

from vnnews.extractors.mention_features import CLUSTER_CONTEXT, DEFAULT_CONFIG, FeatureConfig
from vnnews.extractors.training import corpus as corpus_mod
from vnnews.extractors.training.data import LABELS, MISC
from vnnews.extractors.training.evaluate import Score, score, token_to_chars


def _report(name: str, result: Score) -> None:
    click.echo(f"== {name}")
    click.echo(result.table())


@click.command()
@click.option("--engine", type=click.Choice(["crf", "spacy"]), required=True)
@click.option("--out", type=click.Path(path_type=Path), required=True, help="model folder to write")
@click.option(
    "--corpus",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    default=Path("../shared/corpus"),
    show_default=True,
    help="the shared corpus folder (holding vlsp2018/)",
)
@click.option("--work", type=click.Path(path_type=Path), default=Path("build/mentions"), show_default=True)
@click.option("--rebuild", is_flag=True, help="re-tokenize the articles even if cached")
@click.option("--c1", type=float, default=0.05, show_default=True, help="CRF: L1 penalty")
@click.option("--c2", type=float, default=0.01, show_default=True, help="CRF: L2 penalty")
@click.option("--iterations", type=int, default=200, show_default=True, help="CRF: L-BFGS iterations")
@click.option(
    "--config",
    type=click.Path(path_type=Path, exists=True),
    default=Path("extractors/models/mentions.cfg"),
    show_default=True,
    help="spaCy: the training config",
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--misc",
    is_flag=True,
    help="also learn VLSP's MISCELLANEOUS mentions (never output); cached under work/misc",
)
@click.option(
    "--corpus-train",
    is_flag=True,
    help="CRF: also train on the sentences of corpus/train/ whose PERSON / ORGANIZATION gold can be located",
)
@click.option(
    "--context-clusters",
    default=" ".join(str(k) for k in CLUSTER_CONTEXT),
    show_default=True,
    help="CRF: the cluster levels a word lends its neighbours (space-separated; empty for none)",
)
@click.option(
    "--far",
    type=click.Choice(["all", "word"]),
    default=DEFAULT_CONFIG.far,
    show_default=True,
    help="CRF: what the neighbours at ±2 lend: every context attribute, or their word only",
)
@click.option(
    "--word-bigrams/--no-word-bigrams", default=DEFAULT_CONFIG.word_bigrams, show_default=True, help="CRF"
)
@click.option("--evaluate-only", is_flag=True, help="measure the model already in --out, do not train")
def main(
    engine: str,
    out: Path,
    corpus: Path,
    work: Path,
    rebuild: bool,
    c1: float,
    c2: float,
    iterations: int,
    config: Path,
    seed: int,
    evaluate_only: bool,
    misc: bool,
    corpus_train: bool,
    context_clusters: str,
    far: str,
    word_bigrams: bool,
) -> None:
    """Train a PERSON / ORGANIZATION / LOCATION tagger on VLSP 2018 train, measure it on dev."""
    random.seed(seed)
    labels = (*LABELS, MISC) if misc else LABELS
    work = work / "misc" if misc else work
    stats = corpus_mod.build_docbins(corpus, work, force=rebuild, labels=labels)
    for split, st in stats.items():
        click.echo(f"alignment of {split}:\n{st.summary()}")
    dev_docs = corpus_mod.load_docs(work, "dev")
    dev_articles = corpus_mod.articles_for(corpus, "dev", dev_docs)
    t0 = time.perf_counter()
    if engine == "crf":
        from vnnews.extractors import mention_model
        from vnnews.extractors.training import crf

        model = out / mention_model.MODEL_FILE
        if not evaluate_only:
            docs = corpus_mod.load_docs(work, "train")
            if corpus_train:
                from vnnews.extractors.training import guidelines_gold
                from vnnews.pipeline import nlp as nlp_module

                gold_stats = guidelines_gold.GoldStats()
                docs += guidelines_gold.examples(nlp_module.build(()), corpus / "train", gold_stats)
                click.echo(gold_stats.summary())
            config = FeatureConfig(tuple(int(k) for k in context_clusters.split()), far, word_bigrams)
            click.echo(f"features: {config}")
            times = crf.train(docs, model, c1=c1, c2=c2, iterations=iterations, config=config)
            mention_model.write_inputs(out)
            click.echo(f"features {times['features_s']:.0f} s, training {times['train_s']:.0f} s")
        tagger = mention_model.CRFMentionTagger(model)
        size = model.stat().st_size

        def token_level(doc):
            return token_to_chars(doc, tagger.predict(doc))

        def trimmed(doc):
            return [
                (*cut, label)
                for s, e, label in tagger.predict(doc)
                if (cut := mention_model.trim(doc, s, e, label))
            ]
    else:
        from vnnews.extractors.training import spacy_ner

        if not evaluate_only:
            spacy_ner.train(config, work, out, seed=seed)
        tagger = spacy_ner.SpacyMentionTagger(out)
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())

        def token_level(doc):
            return token_to_chars(doc, tagger.predict(doc))

        def trimmed(doc):
            from vnnews.extractors.mention_model import trim

            return [(*cut, label) for s, e, label in tagger.predict(doc) if (cut := trim(doc, s, e, label))]

    train_s = time.perf_counter() - t0
    token_level(dev_docs[0])  # warm up: load lexicons and caches before timing
    results = {"token spans": score(dev_articles, dev_docs, token_level)}
    results["trimmed"] = score(dev_articles, dev_docs, trimmed)
    summary: dict[str, object] = {"engine": engine, "train_s": round(train_s, 1), "model_bytes": size}
    for name, result in results.items():
        _report(f"{engine}, {name}", result)
        summary[name] = {
            **{label: [round(x, 4) for x in result.prf(label)] for label in result.gold},
            "ms_per_article": round(result.ms_per_article, 2),
        }
    click.echo(f"training {train_s:.0f} s, model {size / 1e6:.2f} MB")
    (work / f"result-{engine}{'-eval' if evaluate_only else ''}.json").write_text(
        json.dumps(summary, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
