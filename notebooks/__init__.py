"""The analysis notebooks, shipped as package data so that `framing report` works from a wheel."""
