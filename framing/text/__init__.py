"""Per-language text utilities: matching forms that normalise spelling without touching ``text``."""
