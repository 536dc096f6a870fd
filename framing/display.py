"""Read an article with its spans highlighted: from a number back to the words behind it.

:func:`show` renders one article as HTML: every attribution cue coloured
by its speaker's side, the speaker underlined in the same colour, hedges
on amber with a dotted underline, loaded terms outlined in the colour of
their vocabulary. Hovering over a highlight shows what was coded (cue
class, speaker, actor, side, speaker type, quote type, hedge scope, term
concept). Arabic articles are laid out right to left.

The HTML uses inline styles only (no scripts, no style sheet), so it reads
the same in JupyterLab, in a notebook exported to HTML and in a saved
page. Every piece of article text is escaped: markup in an article shows
as text.

>>> import framing as fr
>>> view = show(fr.load_demo(), "demo-en-ru-01")
>>> view.article_id, 'dir="ltr"' in view.html
('demo-en-ru-01', True)
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from framing.plots import SIDE_COLORS
from framing.schema import require_columns

__all__ = ["KIND_STYLES", "VOCABULARY_COLORS", "ArticleView", "show"]

#: Outline colours of loaded terms, by vocabulary.
VOCABULARY_COLORS = {"RU": SIDE_COLORS["RU"], "US/WEST": SIDE_COLORS["US"], "SCARE": "#8e44ad", "NEUTRAL": "#7f8c8d"}

#: How each kind of span looks (``{color}`` is the side's or vocabulary's colour, ``{tint}`` a pale version of it).
KIND_STYLES = {
    "term": "outline: 1px solid {color}; border-radius: 3px;",
    "speaker": "border-bottom: 2px solid {color}; background-color: {tint};",
    "hedge": "background-color: #fde68a; border-bottom: 2px dotted #b45309;",
    "cue": "background-color: {tint}; border-radius: 3px; box-shadow: inset 0 -2px 0 {color};",
}
# No span changes the font (weight, size, family): Arabic letters stay joined across span boundaries.
# Nesting order, outermost first: a cue inside a speaker span inside a term stays visible.
_LAYERS = ("term", "speaker", "hedge", "cue")
_ARABIC_FONTS = "'Noto Naskh Arabic', 'Amiri', 'Scheherazade New', 'Arial', sans-serif"
_FONTS = "-apple-system, 'Segoe UI', 'DejaVu Sans', 'Noto Sans', 'Arial', sans-serif"


@dataclass(frozen=True)
class ArticleView:
    """An article rendered as HTML; Jupyter displays it, :meth:`save` writes it as a page."""

    article_id: str
    title: str
    language: str
    html: str = field(repr=False)

    def _repr_html_(self) -> str:
        return self.html

    def save(self, path: str | Path) -> Path:
        """Write a standalone HTML page (UTF-8) and return its path."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        page = (
            f'<!DOCTYPE html>\n<html lang="{_escape(self.language)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{_escape(self.title or self.article_id)}</title>\n</head>\n<body>\n{self.html}\n</body>\n</html>\n"
        )
        target.write_text(page, encoding="utf-8")
        return target


@dataclass
class _Mark:
    start: int
    end: int
    layer: str
    color: str
    lines: list[str]


def _escape(value: object) -> str:
    return html.escape(str(value) if _given(value) else "", quote=True)


def _given(value: object) -> bool:
    return value is not None and not pd.isna(value) and str(value) != ""


def _tint(color: str, alpha: float) -> str:
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha})"


def _side_color(side: object) -> str:
    return SIDE_COLORS.get(str(side), SIDE_COLORS["UNKNOWN"])


def _field(label: str, value: object) -> str | None:
    return f"{label}: {value}" if _given(value) else None


def _marks(spans: pd.DataFrame, text: str, article_id: str) -> list[_Mark]:
    marks: dict[tuple[int, int, str], _Mark] = {}

    def add(start: object, end: object, layer: str, color: str, lines: Iterable[str | None], cue: object = None) -> None:
        if not (_given(start) and _given(end)):
            return
        start, end = int(start), int(end)
        if layer == "speaker" and (start < 0 or end <= start):
            return  # the extractor writes -1 when the speaker has no span in the text
        if not 0 <= start < end <= len(text) or (cue is not None and _given(cue) and text[start:end] != str(cue)):
            raise ValueError(
                f"a {layer} span ({start}-{end}{', ' + repr(cue) if _given(cue) else ''}) does not fit the text of article {article_id!r} "
                f"({len(text)} characters); pass the spans computed on this text (framing.annotate on the same articles)"
            )
        kept = [line for line in lines if line]
        key = (start, end, layer)
        if key in marks:
            marks[key].lines.extend(line for line in kept if line not in marks[key].lines)
        else:
            marks[key] = _Mark(start, end, layer, color, kept)

    for row in spans.to_dict("records"):
        kind = row.get("kind")
        if kind == "attribution":
            color = _side_color(row.get("side"))
            speaker = _field("speaker", row.get("speaker"))
            actor = _field("actor", row.get("actor"))
            who = " · ".join(str(v) for v in (row.get("side"), row.get("speaker_type")) if _given(v))
            content = str(row["content"]) if _given(row.get("content")) else ""
            add(row["cue_start"], row["cue_end"], "cue", color, [
                f"attribution: “{row['cue']}” · {row.get('cue_class')}",
                speaker, actor, _field("side", who),
                _field("quote", row.get("quote_type")),
                _field("content", content[:240] + ("…" if len(content) > 240 else "")),
            ], cue=row["cue"])
            add(row.get("speaker_start"), row.get("speaker_end"), "speaker", color, [
                f"speaker of “{row['cue']}” ({row.get('cue_class')})", actor, _field("side", who),
            ])
        elif kind == "hedge":
            add(row["cue_start"], row["cue_end"], "hedge", "#b45309", [
                f"hedge: “{row['cue']}”" + (f" · {row['category']}" if _given(row.get("category")) else ""),
                _field("scope", row.get("scope")),
            ], cue=row["cue"])
        elif kind == "term":
            vocabulary = row.get("vocabulary")
            add(row["cue_start"], row["cue_end"], "term", VOCABULARY_COLORS.get(str(vocabulary), "#7f8c8d"), [
                f"loaded term: “{row['cue']}”", _field("concept", row.get("concept")), _field("vocabulary", vocabulary),
            ], cue=row["cue"])
    return list(marks.values())


def _render(text: str, marks: list[_Mark]) -> str:
    """The text with marks as nested spans: cut at every mark boundary, each piece wrapped in the marks that cover it."""
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    order = {layer: n for n, layer in enumerate(_LAYERS)}
    out = []
    for start, end in itertools.pairwise(bounds):
        piece = _escape(text[start:end])
        covering = sorted((m for m in marks if m.start <= start and m.end >= end), key=lambda m: (order[m.layer], m.start))
        if not covering:
            out.append(piece)
            continue
        title = _escape("\n".join(line for m in reversed(covering) for line in m.lines)).replace("\n", "&#10;")  # a line break in any reader
        for depth, mark in enumerate(reversed(covering)):
            style = KIND_STYLES[mark.layer].format(color=mark.color, tint=_tint(mark.color, 0.3 if mark.layer == "cue" else 0.12))
            hover = f' title="{title}"' if depth == 0 else ""
            piece = f'<span class="framing-{mark.layer}" style="{style}"{hover}>{piece}</span>'
        out.append(piece)
    return "".join(out)


def _legend(marks: list[_Mark]) -> str:
    chips = []
    sides = [side for side, color in SIDE_COLORS.items() if any(m.layer == "cue" and m.color == color for m in marks)]
    for side in sides:
        color = SIDE_COLORS[side]
        style = KIND_STYLES["cue"].format(color=color, tint=_tint(color, 0.3))
        chips.append(f'<span style="{style} padding: 0 4px;">{_escape(side)}</span>')
    if any(m.layer == "speaker" for m in marks):
        chips.append(f'<span style="{KIND_STYLES["speaker"].format(color="#555555", tint=_tint("#555555", 0.12))}">speaker</span>')
    if any(m.layer == "hedge" for m in marks):
        chips.append(f'<span style="{KIND_STYLES["hedge"]}">hedge</span>')
    for vocabulary, color in VOCABULARY_COLORS.items():
        if any(m.layer == "term" and m.color == color for m in marks):
            chips.append(f'<span style="{KIND_STYLES["term"].format(color=color)} padding: 0 3px;">term: {_escape(vocabulary)}</span>')
    if not chips:
        return ""
    return '<div style="font-size: 0.8em; color: #444444; margin: 4px 0 8px 0;">attributions by speaker side: ' + " ".join(chips) + "</div>"


def show(articles: pd.DataFrame, article_id: object, spans: pd.DataFrame | None = None, *, kinds: Iterable[str] = ("attribution", "hedge", "term")) -> ArticleView:
    """An article as HTML with every span highlighted, for Jupyter or a web page.

    Parameters
    ----------
    articles : pandas.DataFrame
        At least ``article_id``, ``language`` and ``text``; ``title``,
        ``outlet``, ``outlet_country`` and ``published`` are shown when present.
    article_id : str
        The article to show.
    spans : pandas.DataFrame, optional
        Rows of :func:`framing.annotate` (those of other articles are ignored);
        computed for this article when not given.
    kinds : iterable of str
        Kinds of spans to highlight.

    Returns
    -------
    ArticleView
        Displayed by Jupyter as HTML; ``.html`` holds the markup and
        ``.save(path)`` writes a standalone page.

    Raises
    ------
    ValueError
        If there is no article with that id, or if a span's offsets do not fit its text.

    Examples
    --------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"article_id": ["x"], "language": ["en"],
    ...                          "text": ["Moscow claimed <script>alert(1)</script> it was likely."]})
    >>> view = show(articles, "x")
    >>> "<script>" in view.html, "&lt;script&gt;" in view.html
    (False, True)
    """
    require_columns(articles)
    wanted = str(article_id)
    rows = articles[articles["article_id"].astype(str) == wanted]
    if rows.empty:
        ids = articles["article_id"].astype(str)
        raise ValueError(f"no article with article_id {wanted!r} among {len(ids)} articles (e.g. {', '.join(ids.head(3))}); pass one of their ids")
    article = rows.iloc[0]
    text = article["text"] if isinstance(article["text"], str) else ""
    language = str(article["language"])
    if spans is None:
        from framing.annotate import annotate

        spans = annotate(rows.head(1))
    else:
        spans = spans[spans["article_id"].astype(str) == wanted]
    spans = spans[spans["kind"].isin(list(kinds))]
    marks = _marks(spans, text, wanted)

    title = str(article["title"]) if "title" in rows.columns and _given(article["title"]) else ""
    details = [wanted]
    if "outlet" in rows.columns and _given(article["outlet"]):
        country = f" ({article['outlet_country']})" if "outlet_country" in rows.columns and _given(article["outlet_country"]) else ""
        details.append(f"{article['outlet']}{country}")
    if "published" in rows.columns and _given(article["published"]):
        details.append(str(pd.Timestamp(article["published"]).date()))
    details.append(language)
    counts = spans["kind"].value_counts()
    details.append(", ".join(f"{int(counts.get(kind, 0))} {kind}{'s' if counts.get(kind, 0) != 1 else ''}" for kind in ("attribution", "hedge", "term") if kind in set(kinds)))

    rtl = language == "ar"
    fonts = _ARABIC_FONTS if rtl else _FONTS
    direction = "rtl" if rtl else "ltr"
    parts = [f'<div class="framing-article" style="font-family: {_FONTS}; max-width: 52em; color: #1a1a1a;">']
    if title:
        parts.append(f'<div dir="auto" style="font-family: {fonts}; font-size: 1.2em; font-weight: bold; margin-bottom: 2px;">{_escape(title)}</div>')
    parts.append(f'<div style="font-size: 0.8em; color: #555555;">{_escape(" · ".join(details))}</div>')
    parts.append(_legend(marks))
    parts.append(
        f'<div dir="{direction}" lang="{_escape(language)}" style="font-family: {fonts}; white-space: pre-wrap; line-height: 1.9; '
        f'text-align: start; font-size: {"1.15em" if rtl else "1em"};">{_render(text, marks)}</div>'
    )
    parts.append("</div>")
    return ArticleView(article_id=wanted, title=title, language=language, html="".join(parts))
