"""Training the statistical mention tagger (PERSON / ORGANIZATION / LOCATION) on VLSP 2018 data.

Nothing here runs inside the extraction pipeline: these modules read the shared corpus, align its
gold mentions to vnnews's own tokens and train a model that `extractors.mention_model` loads.
"""
