"""Language resources shipped as data files.

Every word list, pattern and registry the package uses lives here as a
TOML file, reviewed like code. This module only finds and parses them;
each consumer validates the part it uses.

>>> from framing.resources import load_resource
>>> sorted(load_resource("language")["function_words"])
['ar', 'en', 'ru']
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

__all__ = ["load_resource", "resource_names"]


def resource_names() -> list[str]:
    """Names of the TOML resources shipped with the package.

    >>> "boilerplate" in resource_names()
    True
    """
    root = resources.files(__name__)
    return sorted(p.name[: -len(".toml")] for p in root.iterdir() if p.name.endswith(".toml"))


@functools.cache
def load_resource(name: str) -> dict[str, Any]:
    """Parse ``framing/resources/<name>.toml`` (cached; do not mutate the result).

    Raises
    ------
    ValueError
        If there is no resource of that name; the message lists the ones there are.
    """
    path = resources.files(__name__).joinpath(f"{name}.toml")
    if not path.is_file():
        raise ValueError(f"no resource named {name!r}; available: {', '.join(resource_names())}")
    with path.open("rb") as fh:
        return tomllib.load(fh)
