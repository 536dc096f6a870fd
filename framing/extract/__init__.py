"""Extractors: text in, spans out (attributions; hedges and loaded terms build on the same parts)."""
