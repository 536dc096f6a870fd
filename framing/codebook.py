"""The coding scheme of CODEBOOK.md as constants: the values every span field may take.

>>> "distancing" in CUE_CLASSES and "MIXED" in SIDES
True
"""

from __future__ import annotations

__all__ = ["CUE_CLASSES", "SIDES", "OUTLET_SIDES", "SPEAKER_TYPES", "QUOTE_TYPES", "HEDGE_SCOPES", "SCHEMES", "check_scheme"]

#: Classes of reporting cues (CODEBOOK.md, "Cue classes").
CUE_CLASSES = (
    "neutral",
    "assertive",
    "distancing",
    "denial",
    "warning",
    "commitment",
    "expressive",
    "admission",
    "sourcing",
)

#: Sides of a speaker (CODEBOOK.md, "Sides and speaker types").
SIDES = ("US", "RU", "UA", "WEST", "OTHER", "MIXED", "UNKNOWN")

#: Sides that per-article feature columns are computed for (ARCHITECTURE.md).
OUTLET_SIDES = ("US", "RU", "UA", "WEST", "OTHER")

#: Speaker types.
SPEAKER_TYPES = ("official", "institution", "media", "expert", "citizen", "anonymous", "other")

#: How the content is reported.
QUOTE_TYPES = ("direct", "indirect", "mixed", "none")

#: Who hedges: the journalist, or the reported speaker.
HEDGE_SCOPES = ("writer", "speaker")

#: Coding schemes the extractor can follow. "codebook" is CODEBOOK.md. "parc" follows
#: the attribution schemes of PARC 3.0 and PolNeAR, for comparing with corpora coded
#: that way: it also codes beliefs, evidence and stated intentions ("believes",
#: "the poll shows", "wants"), writes pronoun speakers as written ("he"), codes the
#: headline, and joins a quotation continued after its cue to that attribution.
SCHEMES = ("codebook", "parc")


def check_scheme(scheme: str) -> str:
    """``scheme`` if it is one of :data:`SCHEMES`, else a ValueError that lists them.

    >>> check_scheme("parc")
    'parc'
    """
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {', '.join(SCHEMES)}, not {scheme!r}")
    return scheme
