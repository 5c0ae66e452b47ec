"""Training and evaluation of vnnews's learned components (not loaded by the pipeline)."""
