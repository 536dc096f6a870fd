"""Accuracy against gold coding: the codebook's scoring on every gold file of a folder.

Usage::

    python benchmarks/eval_gold.py [GOLD_DIR] [--json results.json]

GOLD_DIR defaults to ../shared/gold (or $FRAMING_SHARED/gold). Prints one
table per gold file and language (attribution P/R/F1, speaker, side, cue
class and quote type accuracy, per-article per-side count MAE and Spearman,
hedge P/R/F1 once hedges exist) and the pooled table of the demo corpus.
Targets (issue 3): attribution F1 >= 0.85 per language, speaker >= 0.85,
side >= 0.90, cue class >= 0.85, count Spearman >= 0.90; on
polnear_dev_en.jsonl F1 >= 0.75 and speaker >= 0.80.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    default = Path(os.environ.get("FRAMING_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "gold"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", nargs="?", default=str(default))
    parser.add_argument("--json", help="also write all tables here")
    args = parser.parse_args(argv)
    import framing as fr
    from framing.evaluate import evaluate_gold

    files = sorted(Path(args.gold_dir).glob("*.jsonl")) + [fr.demo_gold_path()]
    out = {}
    for path in files:
        start = time.perf_counter()
        result = evaluate_gold(path)
        seconds = time.perf_counter() - start
        name = "demo" if path == fr.demo_gold_path() else path.stem
        print(f"== {name} ({seconds:.1f} s)")
        print(result.summary())
        print()
        out[name] = json.loads(result.table.reset_index().to_json(orient="records"))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
