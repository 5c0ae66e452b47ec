"""The mention tagger's own copy of the rule lexicons it reads as features: one command.

    python -m vnnews.extractors.training.gazetteer --out extractors/data/mention_gazetteer.tsv

The tagger's lexicon features (a word opens or continues a surname, title, honorific, body's head,
province, country, level word, ...) come from `extractors/data/mention_gazetteer.tsv`, not from the
rule lexicons themselves: those grow with every rule, and a trained model's features must not move
under it. This command copies the rule lexicons named in `mention_features._LEXICONS` into that
file, lower-cased and sorted (deterministic). Run it only when the tagger should see the lexicons as
they are now, then retrain the tagger (`training.mentions`): a model is only valid with the
gazetteer it was trained with.
"""

from __future__ import annotations

from pathlib import Path

import click

from vnnews.extractors.mention_features import gazetteer_rows_from_lexicons

HEADER = (
    "# source: vnnews's own lexicons in extractors/data/ (surnames, middle names, titles, honorifics,"
    " bodies' heads, provinces, countries, level words, words before no person), lower-cased:"
    " the mention tagger's lexicon features, frozen with the model trained on them"
    " (python -m vnnews.extractors.training.gazetteer).\n"
    "# columns: lexicon<TAB>phrase\n"
)


def write(out: Path) -> int:
    """Write the gazetteer file from the rule lexicons; the number of rows."""
    rows = gazetteer_rows_from_lexicons()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for kind, phrase in rows:
            f.write(f"{kind}\t{phrase}\n")
    return len(rows)


@click.command()
@click.option("--out", type=click.Path(path_type=Path), required=True, help="the TSV to write")
def main(out: Path) -> None:
    """Copy the rule lexicons the mention tagger reads into its gazetteer file."""
    click.echo(f"{write(out)} phrases -> {out}")


if __name__ == "__main__":
    main()
