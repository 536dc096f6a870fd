"""The embedded demo corpus: synthetic articles written for this package, with gold coding.

The demo corpus (``data/demo/`` in the repository, shipped inside the
package) holds 36 invented news articles: three languages, two sides
(fictional Russian-state-style and US-style outlets), six each, about the
same fictional events of March 2026. Statements attributed to real people in
it are invented. See ``data/demo/README.md``.

>>> demo_corpus_path().name
'corpus'
>>> demo_gold_path().name
'gold.jsonl'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["demo_corpus_path", "demo_gold_path", "load_demo"]


def _root() -> Path:
    # A source checkout has data/demo next to the package; an installed wheel
    # carries the same files as the package framing.demo_data.
    checkout = Path(__file__).resolve().parent.parent / "data" / "demo"
    if (checkout / "corpus").is_dir():
        return checkout
    return Path(str(resources.files("framing.demo_data")))


def demo_corpus_path() -> Path:
    """The folder holding the demo corpus files (JSON Lines, a raw text file, an HTML page)."""
    return _root() / "corpus"


def demo_gold_path() -> Path:
    """The demo corpus's gold coding (``gold.jsonl``, in the format of CODEBOOK.md)."""
    return _root() / "gold.jsonl"


def load_demo(**options: Any) -> pd.DataFrame:
    """Read the demo corpus with :func:`framing.read_articles` (options are passed on).

    >>> articles = load_demo()
    >>> articles.groupby(["language", "outlet_country"]).size().tolist()
    [6, 6, 6, 6, 6, 6]
    """
    from framing.corpus import read_articles

    return read_articles(demo_corpus_path(), **options)
