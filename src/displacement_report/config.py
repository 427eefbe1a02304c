"""Named parameter sets: YAML files in `config/`, overridable from the command line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from displacement_report import paths
from displacement_report.errors import ParameterError


def available() -> list[str]:
    return sorted(p.stem for p in paths.CONFIG_DIR.glob("*.yml"))


def load(name_or_path: str) -> tuple[str, dict[str, Any]]:
    """Read a parameter set by name (`config/<name>.yml`) or path; return (name, values)."""
    candidate = Path(name_or_path)
    path = (
        candidate
        if candidate.suffix in {".yml", ".yaml"}
        else paths.CONFIG_DIR / f"{name_or_path}.yml"
    )
    if not path.is_file():
        raise ParameterError(
            f"parameter set {name_or_path!r} not found (looked for {path}); "
            f"available: {', '.join(available()) or 'none'}"
        )
    try:
        values = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ParameterError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(values, dict):
        raise ParameterError(f"{path}: expected a mapping of parameter names to values")
    return path.stem, values


def parse_overrides(pairs: Iterable[str]) -> dict[str, Any]:
    """`key=value` strings from the command line; values read as YAML literals, so
    `report_year=2019` is a number and `focus_countries=[JOR, LBN]` a list."""
    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"--set expects key=value, got {pair!r}")
        try:
            values[key.strip()] = yaml.safe_load(raw)
        except yaml.YAMLError:
            raise ParameterError(f"--set {pair!r}: value is not a literal") from None
    return values
