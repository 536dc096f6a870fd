"""Scoring extracted spans against gold coding, as CODEBOOK.md prescribes.

- An extracted attribution matches a gold one when their cue spans overlap
  (one-to-one, greedy by overlap). Precision, recall and F1 count matches.
- On matched pairs: the speaker is correct when the token-overlap F1 of the
  two speaker strings is at least 0.5 or the actors are equal and non-empty;
  side, cue class and quote type must be equal.
- End-to-end side F1 counts a match only when the side is also correct.
- Per article and side, the numbers of attributions (and of those by
  officials or institutions) are compared: mean absolute error and Spearman
  correlation across articles.
- Hedges: precision, recall and F1 by overlapping cue spans.

Fields a gold source lists as ``unlabelled`` are not scored for it.

>>> import framing as fr
>>> result = evaluate_gold(fr.demo_gold_path())
>>> sorted(result.table.index)
['ar', 'en', 'ru']
>>> bool(0.0 <= result.table.loc["en", "attribution_f1"] <= 1.0)
True
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from framing.codebook import OUTLET_SIDES, SCHEMES
from framing.gold import Gold, read_gold
from framing.text.segment import tokenize

__all__ = ["Evaluation", "evaluate_gold", "gold_scheme", "match_spans", "speaker_f1"]


def speaker_f1(a: str, b: str, language: str) -> float:
    """Token-overlap F1 of two speaker strings (words in matching form, as bags).

    >>> speaker_f1("Kremlin spokesman Dmitry Peskov", "Peskov", "en")
    0.4
    >>> speaker_f1("نائب وزير الخارجية الروسي سيرجي ريابكوف", "وزير الخارجية الروسي", "ar")
    0.6666666666666666
    """
    ta = [t.norm for t in tokenize(a or "", language) if t.is_word]
    tb = [t.norm for t in tokenize(b or "", language) if t.is_word]
    if not ta or not tb:
        return 0.0
    counts: dict[str, int] = defaultdict(int)
    for t in ta:
        counts[t] += 1
    common = 0
    for t in tb:
        if counts[t] > 0:
            common += 1
            counts[t] -= 1
    if common == 0:
        return 0.0
    precision, recall = common / len(ta), common / len(tb)
    return 2 * precision * recall / (precision + recall)


def match_spans(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted row position, gold row position) of overlapping cue spans, greedy by overlap."""
    candidates = []
    for p, (ps, pe) in enumerate(zip(predicted["cue_start"], predicted["cue_end"], strict=True)):
        for g, (gs, ge) in enumerate(zip(gold["cue_start"], gold["cue_end"], strict=True)):
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0:
                candidates.append((-overlap, abs(ps - gs), p, g))
    candidates.sort()
    used_p, used_g, pairs = set(), set(), []
    for _, _, p, g in candidates:
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return sorted(pairs)


def _prf(matches: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = matches / predicted if predicted else float("nan") if gold == 0 else 0.0
    recall = matches / gold if gold else float("nan")
    if not precision or not recall or np.isnan(precision) or np.isnan(recall):
        f1 = 0.0 if (predicted or gold) else float("nan")
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return precision, recall, f1


@dataclass
class Evaluation:
    """Scores per language (``table``), the matched pairs, and the errors for inspection.

    ``hedges`` lists every gold and predicted hedge with ``error`` matched, missed or spurious.
    """

    table: pd.DataFrame
    pairs: pd.DataFrame = field(repr=False)
    missed: pd.DataFrame = field(repr=False)
    spurious: pd.DataFrame = field(repr=False)
    counts: pd.DataFrame = field(repr=False)
    hedges: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)

    def summary(self) -> str:
        shown = [c for c in ("articles", "gold", "predicted", "attribution_p", "attribution_r", "attribution_f1", "speaker_acc", "side_acc", "cue_class_acc", "quote_type_acc", "side_f1", "count_mae", "count_spearman", "official_count_spearman", "hedge_p", "hedge_r", "hedge_f1", "pronouns") if c in self.table.columns]
        return self.table[shown].round(3).to_string()


def _count_table(pred: pd.DataFrame, gold: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per article and side: gold and predicted numbers of attributions and of official/institution ones."""
    rows = []
    for article_id, language in zip(articles["article_id"], articles["language"], strict=True):
        g = gold[gold["article_id"] == article_id]
        p = pred[pred["article_id"] == article_id]
        for side in OUTLET_SIDES:
            gs, ps = g[g["side"] == side], p[p["side"] == side]
            official = ("official", "institution")
            rows.append(
                {
                    "article_id": article_id,
                    "language": language,
                    "side": side,
                    "gold": len(gs),
                    "predicted": len(ps),
                    "gold_officials": int(gs["speaker_type"].isin(official).sum()) if "speaker_type" in gs else 0,
                    "predicted_officials": int(ps["speaker_type"].isin(official).sum()),
                }
            )
    return pd.DataFrame(rows)


def _spearman(a: Iterable[float], b: Iterable[float]) -> float:
    a, b = np.asarray(list(a), dtype=float), np.asarray(list(b), dtype=float)
    if len(a) < 3 or a.std() == 0 or b.std() == 0:
        return float("nan")
    return float(spearmanr(a, b).statistic)


def _hedge_counts(find_hedges, gold: Gold, name: str = "") -> tuple[int, int, int, list[dict]]:
    """(matches, predicted, gold, rows) for the hedges of the articles of ``gold`` whose hedges are coded.

    ``rows`` lists every matched, missed and spurious hedge with its context, for inspection.
    """
    labelled = gold.articles[~gold.articles["unlabelled"].map(lambda u: "hedges" in u)]
    if labelled.empty:
        return 0, 0, 0, []
    predicted = find_hedges(labelled)
    gold_hedges = gold.hedges[gold.hedges["article_id"].isin(labelled["article_id"])] if len(gold.hedges) else pd.DataFrame(columns=["article_id", "cue", "cue_start", "cue_end", "scope"])
    texts = dict(zip(labelled["article_id"], labelled["text"], strict=True))
    matches, rows = 0, []

    def row(article_id: str, span: pd.Series, error: str, **extra: object) -> dict:
        text = texts[article_id]
        context = text[max(0, int(span["cue_start"]) - 80) : int(span["cue_end"]) + 80]
        return {"file": name, "article_id": article_id, "cue": span["cue"], "cue_start": int(span["cue_start"]), "scope": span.get("scope", ""), "error": error, "context": context, **extra}

    for article_id in labelled["article_id"]:
        p = predicted[predicted["article_id"] == article_id].reset_index(drop=True)
        g = gold_hedges[gold_hedges["article_id"] == article_id].reset_index(drop=True)
        pairs = match_spans(p, g) if len(p) and len(g) else []
        matches += len(pairs)
        rows += [row(article_id, g.iloc[gi], "matched", predicted_cue=p.iloc[pi]["cue"], predicted_scope=p.iloc[pi]["scope"]) for pi, gi in pairs]
        rows += [row(article_id, g.iloc[gi], "missed") for gi in sorted(set(range(len(g))) - {gi for _, gi in pairs})]
        rows += [row(article_id, p.iloc[pi], "spurious") for pi in sorted(set(range(len(p))) - {pi for pi, _ in pairs})]
    return matches, len(predicted), len(gold_hedges), rows


def evaluate_gold(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    extract: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
    find_hedges: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
    scheme: str = "auto",
) -> Evaluation:
    """Run the extractor on gold files and score it per language.

    Parameters
    ----------
    paths : path or paths
        Gold files in the codebook's format.
    extract : callable, optional
        ``articles -> attribution rows``; defaults to
        :func:`framing.extract.attributions.extract_attributions`.
    find_hedges : callable, optional
        ``articles -> hedge rows``; by default the package's hedge finder.
    scheme : {"auto", "codebook", "parc"}
        The coding scheme the default extractor follows
        (:data:`framing.codebook.SCHEMES`): "codebook" for gold coded by
        CODEBOOK.md, "parc" for gold from PARC-style corpora such as PolNeAR
        (beliefs and evidence coded, "he" kept as the speaker, a continued
        quotation part of its attribution). "auto" (default) decides per gold
        file with :func:`gold_scheme`. The choice is in the table's ``scheme``
        column.
    """
    if scheme not in ("auto", *SCHEMES):
        raise ValueError(f"scheme must be 'auto' or one of {', '.join(SCHEMES)}, not {scheme!r}")
    extractors: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = {}
    if extract is None:
        from functools import partial

        from framing.extract.attributions import extract_attributions

        extractors = {name: partial(extract_attributions, scheme=name) for name in SCHEMES}
    if find_hedges is None:
        try:
            from framing.extract.hedges import (
                find_hedges,  # available once hedges exist
            )
        except ImportError:
            find_hedges = None
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    results = []
    all_pairs, all_missed, all_spurious, all_counts = [], [], [], []
    all_hedges: list[dict] = []
    by_language: dict[str, list[tuple[Gold, str]]] = defaultdict(list)
    for path in paths:
        gold = read_gold(path)
        if gold.problems:
            raise ValueError(f"{path}: {len(gold.problems)} problem(s) in the gold file, e.g. {gold.problems[0]}")
        for language in sorted(gold.articles["language"].unique()):
            by_language[language].append((gold, Path(path).name))
    for language, golds in sorted(by_language.items()):
        stats = defaultdict(float)
        matched_rows, missed_rows, spurious_rows, count_rows = [], [], [], []
        hedge_totals = defaultdict(float)
        modes = set()
        for gold, name in golds:
            articles = gold.articles[gold.articles["language"] == language].copy()
            articles["published"] = pd.NaT
            mode = (gold_scheme(gold) if scheme == "auto" else scheme) if extractors else "custom"
            modes.add(mode)
            predicted = extractors[mode](articles) if extractors else extract(articles)
            gold_spans = gold.attributions[gold.attributions["article_id"].isin(articles["article_id"])] if len(gold.attributions) else pd.DataFrame(columns=["article_id", "cue_start", "cue_end", "side", "speaker_type"])
            unlabelled_by_article = dict(zip(articles["article_id"], articles["unlabelled"], strict=True))
            for article_id, text in zip(articles["article_id"], articles["text"], strict=True):
                p = predicted[predicted["article_id"] == article_id].reset_index(drop=True)
                g = gold_spans[gold_spans["article_id"] == article_id].reset_index(drop=True)
                unlabelled = set(unlabelled_by_article[article_id])
                pairs = match_spans(p, g) if len(p) and len(g) else []
                stats["predicted"] += len(p)
                stats["gold"] += len(g)
                stats["matches"] += len(pairs)
                for pi, gi in pairs:
                    pr, gr = p.iloc[pi], g.iloc[gi]
                    row = {"file": name, "article_id": article_id, "cue": gr["cue"], "predicted_cue": pr["cue"], "cue_start": gr["cue_start"]}
                    ok_speaker = speaker_f1(pr["speaker"], gr["speaker"], language) >= 0.5 or (bool(pr["actor"]) and pr["actor"] == gr.get("actor", ""))
                    stats["speaker_ok"] += ok_speaker
                    row.update(speaker=gr["speaker"], predicted_speaker=pr["speaker"], speaker_ok=ok_speaker)
                    for name_ in ("side", "cue_class", "quote_type"):
                        if name_ in unlabelled or name_ not in gr:
                            continue
                        ok = pr[name_] == gr[name_]
                        stats[f"{name_}_n"] += 1
                        stats[f"{name_}_ok"] += ok
                        row.update({name_: gr[name_], f"predicted_{name_}": pr[name_], f"{name_}_ok": ok})
                    if "side" not in unlabelled:
                        stats["side_e2e"] += pr["side"] == gr["side"]
                    matched_rows.append(row)
                matched_p = {pi for pi, _ in pairs}
                matched_g = {gi for _, gi in pairs}
                for gi in range(len(g)):
                    if gi not in matched_g:
                        gr = g.iloc[gi]
                        missed_rows.append({"file": name, "article_id": article_id, "cue": gr["cue"], "cue_start": gr["cue_start"], "speaker": gr["speaker"], "context": text[max(0, gr["cue_start"] - 80) : gr["cue_end"] + 80]})
                for pi in range(len(p)):
                    if pi not in matched_p:
                        pr = p.iloc[pi]
                        spurious_rows.append({"file": name, "article_id": article_id, "cue": pr["cue"], "cue_start": pr["cue_start"], "speaker": pr["speaker"], "context": text[max(0, pr["cue_start"] - 80) : pr["cue_end"] + 80]})
            side_labelled = articles[~articles["unlabelled"].map(lambda u: "side" in u)]
            if len(side_labelled):
                count_rows.append(_count_table(predicted, gold_spans, side_labelled))
            if find_hedges is not None:
                matched, n_predicted, n_gold, rows = _hedge_counts(find_hedges, gold_subset(gold, articles), name)
                all_hedges.extend({"language": language, **r} for r in rows)
                hedge_totals["matches"] += matched
                hedge_totals["hedge_predicted"] += n_predicted
                hedge_totals["hedge_gold"] += n_gold
        precision, recall, f1 = _prf(stats["matches"], stats["predicted"], stats["gold"])
        row = {
            "language": language,
            "articles": int(sum(len(g.articles[g.articles["language"] == language]) for g, _ in golds)),
            "gold": int(stats["gold"]),
            "predicted": int(stats["predicted"]),
            "matched": int(stats["matches"]),
            "attribution_p": precision,
            "attribution_r": recall,
            "attribution_f1": f1,
            "speaker_acc": stats["speaker_ok"] / stats["matches"] if stats["matches"] else float("nan"),
            "scheme": "+".join(sorted(modes)),
        }
        for name_ in ("side", "cue_class", "quote_type"):
            row[f"{name_}_acc"] = stats[f"{name_}_ok"] / stats[f"{name_}_n"] if stats[f"{name_}_n"] else float("nan")
        if stats["side_n"]:
            row["side_f1"] = _prf(stats["side_e2e"], stats["predicted"], stats["gold"])[2]
        counts = pd.concat(count_rows, ignore_index=True) if count_rows else pd.DataFrame()
        if len(counts):
            row["count_mae"] = float((counts["gold"] - counts["predicted"]).abs().mean())
            row["count_spearman"] = _spearman(counts["gold"], counts["predicted"])
            row["official_count_mae"] = float((counts["gold_officials"] - counts["predicted_officials"]).abs().mean())
            row["official_count_spearman"] = _spearman(counts["gold_officials"], counts["predicted_officials"])
            all_counts.append(counts)
        if hedge_totals.get("hedge_gold"):
            hp, hr, hf = _prf(hedge_totals["matches"], hedge_totals["hedge_predicted"], hedge_totals["hedge_gold"])
            row.update(hedge_gold=int(hedge_totals["hedge_gold"]), hedge_predicted=int(hedge_totals["hedge_predicted"]), hedge_p=hp, hedge_r=hr, hedge_f1=hf)
        results.append(row)
        all_pairs.append(pd.DataFrame(matched_rows))
        all_missed.append(pd.DataFrame(missed_rows))
        all_spurious.append(pd.DataFrame(spurious_rows))
    table = pd.DataFrame(results).set_index("language")
    concat = lambda frames: pd.concat([f for f in frames if len(f)], ignore_index=True) if any(len(f) for f in frames) else pd.DataFrame()  # noqa: E731
    return Evaluation(table, concat(all_pairs), concat(all_missed), concat(all_spurious), concat(all_counts), pd.DataFrame(all_hedges))


def gold_scheme(gold: Gold, threshold: float = 0.05) -> str:
    """The coding scheme of a gold source: "parc" or "codebook".

    CODEBOOK.md resolves "he said" to the person meant, so codebook gold has
    no bare personal pronoun as a speaker; PARC-style corpora (PolNeAR) keep
    "he". A source where at least ``threshold`` of the speakers are bare
    pronouns is taken as "parc".

    >>> from framing.gold import read_gold
    >>> import framing as fr
    >>> gold_scheme(read_gold(fr.demo_gold_path()))
    'codebook'
    """
    from framing.extract.lexicon import LANGUAGES_WITH_LEXICONS, load_lexicon

    if not len(gold.attributions):
        return "codebook"
    language = dict(zip(gold.articles["article_id"], gold.articles["language"], strict=True))
    pronoun = [
        speaker.strip().casefold() in load_lexicon(language[article_id]).grammar.pronouns if language.get(article_id) in LANGUAGES_WITH_LEXICONS() else False
        for article_id, speaker in zip(gold.attributions["article_id"], gold.attributions["speaker"], strict=True)
    ]
    return "parc" if sum(pronoun) >= threshold * len(pronoun) else "codebook"


def gold_subset(gold: Gold, articles: pd.DataFrame) -> Gold:
    """The part of a gold file for some of its articles."""
    ids = set(articles["article_id"])
    hedges = gold.hedges[gold.hedges["article_id"].isin(ids)] if len(gold.hedges) else gold.hedges
    attributions = gold.attributions[gold.attributions["article_id"].isin(ids)] if len(gold.attributions) else gold.attributions
    return Gold(gold.articles[gold.articles["article_id"].isin(ids)], attributions, hedges, [])
