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
