"""Run the analysis notebooks with papermill and link their outputs in one report.

The notebooks in ``notebooks/`` (shipped in the package as
``framing.notebook_files``) each take the same parameters (corpus, languages,
date window, the side column and its two groups, seed, sample size) in a
cell tagged ``parameters``. :func:`run_report` executes every one of them on
a corpus and writes, into the output folder::

    index.html                      links everything, with the headline summary
    01_corpus/01_corpus.ipynb       the executed notebook
    01_corpus/01_corpus.html        the same as a page
    01_corpus/figures/*.png         its figures
    01_corpus/tables/*.csv          its tables
    01_corpus/results.json          its numbers
    ...

A notebook that fails does not stop the others; its error is shown in
``index.html`` and returned, and ``framing report`` then exits with status 1.

>>> [path.name for path in notebook_paths()][:2]
['01_corpus.ipynb', '02_attribution.ipynb']
"""

from __future__ import annotations

import glob
import html
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["NotebookRun", "Report", "notebook_paths", "notebook_parameters", "parse_value", "run_report"]


def _notebook_dir() -> Path:
    # A source checkout has notebooks/ next to the package; a wheel carries them as framing.notebook_files.
    checkout = Path(__file__).resolve().parent.parent / "notebooks"
    if checkout.is_dir() and any(checkout.glob("[0-9][0-9]_*.ipynb")):
        return checkout
    return Path(str(resources.files("framing.notebook_files")))


def notebook_paths() -> list[Path]:
    """The analysis notebooks, in the order they run."""
    return sorted(_notebook_dir().glob("[0-9][0-9]_*.ipynb"))


def notebook_parameters(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The parameters a notebook declares in its ``parameters`` cell, with their defaults.

    >>> parameters = notebook_parameters(notebook_paths()[0])
    >>> parameters["corpus"], parameters["side_column"]
    ('demo', 'outlet_country')
    """
    import papermill

    declared = papermill.inspect_notebook(str(path))
    return {name: _default(info["default"]) for name, info in declared.items()}


def _default(text: str) -> Any:
    import ast

    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def parse_value(text: str) -> Any:
    """A parameter value from the command line: ``None``, a number, or text (``none`` is text: a label).

    >>> parse_value("None"), parse_value("2000"), parse_value("0.5"), parse_value("RT*"), parse_value("none")
    (None, 2000, 0.5, 'RT*', 'none')
    """
    if text in ("None", "null"):
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


@dataclass
class NotebookRun:
    """One executed notebook: where its outputs are, how long it took, and its error if it failed."""

    name: str
    folder: Path
    seconds: float
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def results(self) -> dict[str, Any]:
        """The notebook's ``results.json`` (empty if it failed before writing it)."""
        path = self.folder / "results.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@dataclass
class Report:
    """What :func:`run_report` did."""

    folder: Path
    runs: list[NotebookRun] = field(default_factory=list)
    parameters: dict[str, Any] = field(default_factory=dict)

    @property
    def index(self) -> Path:
        return self.folder / "index.html"

    @property
    def failed(self) -> list[NotebookRun]:
        return [run for run in self.runs if not run.ok]

    def summary(self) -> str:
        lines = [f"report in {self.folder}: {len(self.runs) - len(self.failed)} of {len(self.runs)} notebooks ran"]
        for run in self.runs:
            lines.append(f"  {run.name}: {'ok' if run.ok else 'FAILED'} in {run.seconds:.1f} s" + ("" if run.ok else f" ({run.error.splitlines()[0]})"))
        return "\n".join(lines)


def run_report(
    corpus: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    parameters: Mapping[str, Any] | None = None,
    *,
    notebooks: Sequence[str] | None = None,
    kernel_name: str | None = None,
    log=None,
) -> Report:
    """Run the analysis notebooks on a corpus and write the report to ``out_dir``.

    Parameters
    ----------
    corpus : path or "demo"
        Anything :func:`framing.read_articles` reads; ``"demo"``: the demo corpus.
    out_dir : path
        The report folder (created; existing files of the same names are replaced).
    parameters : mapping, optional
        Values for the notebooks' parameters (``languages``, ``start``, ``end``,
        ``side_column``, ``group_a``, ``group_b``, ``label_a``, ``label_b``,
        ``seed``, ``sample_size``, ``n_boot``, ``min_topic_size``); each
        notebook gets those it declares.
    notebooks : sequence of str, optional
        Run only these notebooks, by name or number prefix (``"05"``).
    kernel_name : str, optional
        A Jupyter kernel to run the notebooks in; by default they run in this
        Python interpreter (the one that has framing).
    log : callable, optional
        Called with a line of progress text per notebook.

    Returns
    -------
    Report

    Raises
    ------
    FileNotFoundError
        If ``corpus`` names nothing that exists.
    ValueError
        For a parameter no notebook declares, ``corpus`` or ``out_dir``
        among the parameters, or an unknown notebook name.
    """
    import papermill

    say = log or (lambda line: None)
    out = Path(out_dir).resolve()
    chosen = _choose(notebook_paths(), notebooks)
    given = dict(parameters or {})
    for reserved in ("corpus", "out_dir"):
        if reserved in given:
            raise ValueError(f"{reserved!r} is set by run_report itself; pass it as the {'first argument' if reserved == 'corpus' else 'out_dir argument'}")
    declared = {path.stem: notebook_parameters(path) for path in notebook_paths()}
    known = set().union(*declared.values())
    unknown = sorted(set(given) - known)
    if unknown:
        raise ValueError(f"unknown parameter(s) {', '.join(unknown)}; the notebooks take: {', '.join(sorted(known - {'corpus', 'out_dir'}))}")
    if str(corpus) == "demo":
        source = "demo"
    elif Path(corpus).exists():
        source = str(Path(corpus).resolve())
    elif glob.glob(str(corpus)):
        source = str(corpus) if Path(str(corpus)).is_absolute() else str(Path.cwd() / str(corpus))
    else:
        raise FileNotFoundError(f"no such file or folder, and no file matches: {corpus}")
    report = Report(out, parameters={"corpus": str(corpus), **given})
    out.mkdir(parents=True, exist_ok=True)
    for path in chosen:
        folder = out / path.stem
        folder.mkdir(parents=True, exist_ok=True)
        values = {name: value for name, value in given.items() if name in declared[path.stem]}
        values.update(corpus=source, out_dir=str(folder))
        executed = folder / path.name
        say(f"running {path.stem}")
        started = time.perf_counter()
        error = None
        sockets = Path(tempfile.mkdtemp(prefix="framing-kernel-"))
        try:
            papermill.execute_notebook(
                str(path), str(executed), parameters=values, kernel_name=kernel_name, progress_bar=False, cwd=str(folder),
                log_output=False, kernel_manager_class=_local_kernel_manager(sockets, this_python=kernel_name is None),
            )
        except papermill.PapermillExecutionError as exc:
            error = f"{exc.ename}: {exc.evalue}"
        finally:
            shutil.rmtree(sockets, ignore_errors=True)
        run = NotebookRun(path.stem, folder, time.perf_counter() - started, error)
        if executed.exists():
            _to_html(executed, folder / f"{path.stem}.html")
        report.runs.append(run)
        say(f"  {'done' if run.ok else 'FAILED: ' + run.error.splitlines()[0]} in {run.seconds:.1f} s")
    _write_index(report)
    return report


def _local_kernel_manager(folder: Path, *, this_python: bool) -> type:
    """A kernel manager that talks to the kernel over IPC sockets in ``folder`` (private to this user), not over TCP.

    With ``this_python``, the kernel runs in this interpreter, whatever
    ``python3`` kernel another environment registered for the user (which
    might not have framing installed).
    """
    from jupyter_client import AsyncKernelManager

    class LocalKernelManager(AsyncKernelManager):
        def __init__(self, **options: Any) -> None:
            super().__init__(**options)
            self.transport = "ipc"
            self.ip = str(folder / "kernel")

        @property
        def kernel_spec(self):
            spec = super().kernel_spec
            if this_python and spec is not None and spec.language == "python":
                spec.argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
            return spec

    return LocalKernelManager


def _choose(paths: list[Path], names: Sequence[str] | None) -> list[Path]:
    if not names:
        return paths
    chosen = []
    for name in names:
        matches = [p for p in paths if p.stem == name or p.stem.startswith(f"{name}_") or p.name == name]
        if not matches:
            raise ValueError(f"no notebook {name!r}; there are: {', '.join(p.stem for p in paths)}")
        chosen += [m for m in matches if m not in chosen]
    return sorted(chosen)


def _to_html(notebook: Path, target: Path) -> None:
    """The executed notebook as a standalone page (nbconvert's lab template)."""
    import nbformat
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(nbformat.read(notebook, as_version=4))
    target.write_text(body, encoding="utf-8")


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }}
h1 {{ font-size: 1.5em; }} h2 {{ font-size: 1.2em; border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 2em; }}
.failed {{ color: #b00020; }} .ok {{ color: #2e7d32; }}
.figures img {{ max-width: 320px; max-height: 240px; margin: .3em; border: 1px solid #eee; }}
code, pre {{ background: #f6f6f6; padding: .1em .3em; }}
table.parameters td {{ padding: .1em .8em .1em 0; }}
</style>
</head>
<body>
{body}
</body>
</html>
"""


def _write_index(report: Report) -> None:
    esc = html.escape
    parts = ["<h1>Framing report</h1>"]
    rows = "".join(f"<tr><td><code>{esc(str(k))}</code></td><td>{esc(str(v))}</td></tr>" for k, v in report.parameters.items())
    parts.append(f'<table class="parameters">{rows}</table>')
    ran = {run.name: run for run in report.runs}
    found = [(p.stem, NotebookRun(p.stem, report.folder / p.stem, 0.0).results().get("summary")) for p in notebook_paths()]
    source, headline = next(((name, lines) for name, lines in found if lines), (None, None))
    if headline:
        stale = "" if source in ran and ran[source].ok else f" <em>From an earlier run of {esc(source)}, possibly with other parameters.</em>"
        parts.append(f"<h2>Summary</h2><p>Generated from the numbers of the notebooks; nothing in it is written by hand.{stale}</p><ul>")
        parts += [f'<li dir="auto">{esc(line)}</li>' for line in headline]
        parts.append("</ul>")
    earlier = [NotebookRun(p.stem, report.folder / p.stem, float("nan")) for p in notebook_paths() if p.stem not in ran and (report.folder / p.stem / p.name).exists()]
    for run in sorted([*report.runs, *earlier], key=lambda r: r.name):
        rel = run.folder.name
        if run.name not in ran:
            status = "from an earlier run"
        else:
            status = ('<span class="ok">ran</span>' if run.ok else f'<span class="failed">failed: {esc(run.error or "")}</span>') + f" in {run.seconds:.1f} s"
        parts.append(f"<h2>{esc(run.name)}</h2><p>{status} · "
                     f'<a href="{rel}/{rel}.html">page</a> · <a href="{rel}/{rel}.ipynb">notebook</a>'
                     + (f' · <a href="{rel}/results.json">results.json</a>' if (run.folder / "results.json").exists() else "") + "</p>")
        figures = sorted((run.folder / "figures").glob("*.png"))
        if figures:
            parts.append('<div class="figures">' + "".join(f'<a href="{rel}/figures/{f.name}"><img src="{rel}/figures/{f.name}" alt="{esc(f.stem)}"></a>' for f in figures) + "</div>")
        tables = sorted((run.folder / "tables").glob("*.csv"))
        if tables:
            parts.append("<p>Tables: " + ", ".join(f'<a href="{rel}/tables/{t.name}">{esc(t.stem)}</a>' for t in tables) + "</p>")
        pages = sorted((run.folder / "articles").glob("*.html"))
        if pages:
            parts.append("<p>Articles with their spans: " + ", ".join(f'<a href="{rel}/articles/{p.name}">{esc(p.stem)}</a>' for p in pages) + "</p>")
    report.index.write_text(_PAGE.format(title="Framing report", body="\n".join(parts)), encoding="utf-8")
