"""Packaging: the two Quick-start commands, CI, environment.yml in step with pyproject.toml."""

from __future__ import annotations

import re
import tomllib

import yaml

import framing
from framing.resources import load_resource, resource_names


def _quick_start_commands(repo) -> list[str]:
    text = (repo / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1]
    block = re.search(r"```[a-z]*\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_readme_starts_with_exactly_two_commands(repo):
    text = (repo / "README.md").read_text(encoding="utf-8")
    assert text.index("## Quick start") < text.index("```")
    setup, tests = _quick_start_commands(repo)
    assert "pip install torch==2.13.0" in setup and "framing demo" in setup
    assert "pip install torch==2.13.0" in tests and tests.rstrip().endswith("pytest")
    assert setup.index("torch==2.13.0") < setup.index("pip install -e")


def test_ci_runs_the_readme_test_command(repo):
    script = (repo / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in script and "lines[1]" in script


def _requirement_name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ]", requirement, maxsplit=1)[0].lower()


def test_environment_yml_matches_pyproject(repo):
    project = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    environment = yaml.safe_load((repo / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in environment["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    listed = {_requirement_name(d): d.replace(" ", "") for d in conda + pip if not d.startswith("-e")}
    for requirement in project["dependencies"]:
        name = _requirement_name(requirement)
        assert name in listed, f"{name} is in pyproject.toml but not in environment.yml"
        assert listed[name] == requirement.replace(" ", ""), f"{requirement} vs {listed[name]}"
    assert "python=3.11" in conda and "-e ." in pip
    assert "torch" not in listed, "torch is left to bertopic so the CPU build installed first is kept"


def test_public_api_is_small_and_versioned():
    assert framing.__version__ and framing.__version__ != "0+unknown"
    for name in ("read_articles", "write_articles", "LoadReport", "demo_corpus_path", "outlets_table"):
        assert name in framing.__all__ and hasattr(framing, name)


def test_every_resource_file_parses():
    assert {"boilerplate", "language", "outlets"} <= set(resource_names())
    for name in resource_names():
        assert load_resource(name)


def test_every_subpackage_is_packaged(repo):
    packages = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    found = {".".join(p.relative_to(repo).parent.parts) for p in (repo / "framing").rglob("__init__.py")}
    assert found <= set(packages), f"add to [tool.setuptools] packages: {sorted(found - set(packages))}"
