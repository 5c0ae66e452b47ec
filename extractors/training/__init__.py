"""Training and evaluation of vnnews's learned components: the mention tagger (VLSP 2018) and the
activity tagger (the shared train/ articles).

Nothing here runs inside the extraction pipeline: these modules read the shared corpus, align its
gold to vnnews's own tokens and train the models that `extractors.mention_model` and
`extractors.activity_model` load.
"""
