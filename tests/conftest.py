"""Shared fixtures.

Tests that need the real corpora and gold files of ``../shared`` (next to the
repository, or where ``FRAMING_SHARED`` points) are marked ``shared`` and skip
cleanly when it is absent, as it is on a user's machine.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _shared_dir() -> Path | None:
    candidates = [os.environ.get("FRAMING_SHARED"), REPO.parent / "shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "corpora").is_dir():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder with real corpora and gold; skips the test when absent."""
    found = _shared_dir()
    if found is None:
        pytest.skip("../shared (real corpora and gold) is not available; set FRAMING_SHARED to run this test")
    return found


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


def _attribution_at(text: str, language: str, cue: str, *, year: int | None = None, occurrence: int = 0):
    """The attribution the extractor finds at the ``occurrence``-th ``cue`` of ``text`` (its cue span overlaps)."""
    from framing.extract.attributions import extract_from_text
    from framing.gold import cue_span

    start, end = cue_span(text, cue, occurrence)
    return next(a for a in extract_from_text(text, language, year=year) if a.cue_start < end and a.cue_end > start)


@pytest.fixture
def attribution_at():
    """``attribution_at(text, language, cue, year=None, occurrence=0)``: the attribution found at a cue."""
    return _attribution_at
