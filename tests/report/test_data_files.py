"""Every data file of a build as a reader reuses it: columns named for what they hold in
the edition's language, values rounded as printed, no '.0' on whole numbers, a missing
figure an empty cell, stable ASCII names the same in both language folders, and each
page linking the files of its own folder.

Read from the shared builds `default_report` and `profiles` (tests/conftest.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from displacement_report.report import editions
from tests.conftest import PROFILED, csv_table

pytestmark = pytest.mark.notebook

LANGUAGES = ("en", "nl")
#: Column names that say nothing to a reader: the chart's own, and their Dutch.
UNNAMED = {"series", "x", "value", "panel", "reeks", "waarde", "paneel"}
#: The general words a chart's data gets where the chart declares nothing.
UNDECLARED = {"category", "part of the chart", "categorie", "deel van de grafiek"}
#: An exhibit's identifier: lowercase ASCII words (a country's ISO3 code in capitals).
STABLE_NAME = re.compile(r"[a-z0-9]+(?:_(?:[a-z0-9]+|[A-Z]{3}))*")
#: The most decimals any number of the report prints (rates per 1,000 to two).
MOST_DECIMALS = 2
DECIMAL = re.compile(r"-?\d+\.(\d+)")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


#: St Kitts and Nevis: a host UNHCR records almost nobody in, whose factsheet is one
#: page of sentences without exhibits (analysis/key_figures.almost_nobody).
SENTENCES_ONLY = "KNA"
#: The profiles with charts and tables.
WITH_EXHIBITS = tuple(code for code in PROFILED if code != SENTENCES_ONLY)


def _folders(default_report, profiles) -> Iterator[tuple[Path, str]]:
    """(run or profile folder, language) of every edition with exhibits of the two
    shared builds."""
    for language in LANGUAGES:
        yield default_report.run_dir, language
        for code in WITH_EXHIBITS:
            yield profiles.folder(code), language


def test_a_factsheet_of_sentences_has_no_data_files_and_links_none(profiles):
    folder = profiles.folder(SENTENCES_ONLY)
    for language in LANGUAGES:
        assert _data_files(folder, language) == []
        page = (folder / editions.report_html(language)).read_text(encoding="utf-8")
        assert BeautifulSoup(page, "html.parser").select("a.data-link") == []


def _data_files(folder: Path, language: str) -> list[Path]:
    """The data files of the exhibits of one edition (each has its description)."""
    figures = folder / language / "figures"
    return sorted(p for p in figures.glob("*.csv") if p.with_suffix(".json").is_file())


def test_no_data_file_has_unnamed_columns_or_unrounded_values(default_report, profiles):
    problems = []
    for folder, language in _folders(default_report, profiles):
        files = _data_files(folder, language)
        assert files, (folder, language)
        for path in files:
            data = pd.read_csv(path, dtype=str, keep_default_na=False)
            where = f"{path.parent.parent.name}/{path.name}"
            columns = {str(c).strip().lower() for c in data.columns}
            if columns & (UNNAMED | UNDECLARED):
                problems.append(f"{where}: columns {list(data.columns)}")
            for column in data.columns:
                cells = [c for c in data[column] if c != ""]
                problems += [f"{where}: '{column}' {p}" for p in _cell_problems(cells)]
    assert not problems, "\n".join(problems)


def _cell_problems(cells: list[str]) -> list[str]:
    """What is wrong with the non-empty cells of one column."""
    if any(c.lower() in {"nan", "none", "<na>", "null"} for c in cells):
        return ["writes out a missing value"]
    if not all(NUMBER.fullmatch(c) for c in cells):
        return []  # words (a qualified figure, an amount as printed): text
    numbers = [m for c in cells if (m := DECIMAL.fullmatch(c))]
    if any(len(m.group(1)) > MOST_DECIMALS for m in numbers):
        return ["has more decimals than printed"]
    if numbers and len(numbers) == len(cells) and all(set(m.group(1)) == {"0"} for m in numbers):
        return ["writes whole numbers with '.0'"]
    return []


def test_a_chart_s_description_names_its_columns_by_role(default_report):
    folder = default_report.run_dir
    for language, names in (
        ("en", ["year", "group", "people"]),
        ("nl", ["jaar", "groep", "personen"]),
    ):
        record = json.loads(
            (folder / language / "figures" / "forcibly_displaced_by_group.json").read_text("utf-8")
        )
        assert record["columns"] == dict(zip(["x", "series", "value"], names, strict=True))
        data = pd.read_csv(folder / language / "figures" / record["data_file"])
        assert data.columns.tolist() == names


def test_data_file_names_are_stable_ascii_and_the_same_in_both_languages(default_report, profiles):
    by_folder: dict[Path, dict[str, set[str]]] = {}
    for folder, language in _folders(default_report, profiles):
        stems = {p.stem for p in _data_files(folder, language)}
        bad = [s for s in stems if not STABLE_NAME.fullmatch(s)]
        assert not bad, (folder, language, bad)
        by_folder.setdefault(folder, {})[language] = stems
    for folder, names in by_folder.items():
        assert names["en"] == names["nl"], (folder, names["en"] ^ names["nl"])
    chapters = by_folder[default_report.run_dir]["en"]
    assert {"forcibly_displaced_by_group", "focus_totals", "cost_per_result"} <= chapters
    for code in WITH_EXHIBITS:
        # each named with the country's code (the Palestinian territories decide no claim)
        for exhibit in ("by_group", "asylum") if code != "PSE" else ("by_group",):
            assert f"profile_{code}_{exhibit}" in by_folder[profiles.folder(code)]["en"]


def test_each_page_links_the_data_files_of_its_own_language_folder(default_report, profiles):
    for folder, language in _folders(default_report, profiles):
        page = (folder / editions.report_html(language)).read_text(encoding="utf-8")
        links = [str(a["href"]) for a in BeautifulSoup(page, "html.parser").select("a.data-link")]
        assert links, (folder, language)
        for href in links:
            assert href.startswith(f"{language}/figures/"), (folder, language, href)
            assert (folder / href).is_file(), (folder, href)


def test_jordan_s_internally_displaced_are_empty_not_zero(default_report, real_dir):
    """IDMC has no figure for Jordan in any year: the focus chapter's data files leave
    its IDP cells empty, in both languages."""
    idmc = csv_table(real_dir, "idmc")
    assert not (idmc["coa_iso"] == "JOR").any()  # the known case still holds
    for language, jordan, idps, people in (
        ("en", "Jordan", "Internally displaced people (IDMC)", "people"),
        ("nl", "Jordanië", "Binnenlands ontheemden (IDMC)", "personen"),
    ):
        figures = default_report.run_dir / language / "figures"
        over_time = pd.read_csv(figures / "focus_countries_over_time.csv", dtype=str)
        panel, group = over_time.columns[0], over_time.columns[2]
        rows = over_time[(over_time[panel] == jordan) & (over_time[group] == idps)]
        assert len(rows) and rows[people].isna().all(), rows
        totals = pd.read_csv(figures / "focus_totals.csv", dtype=str)
        column = next(c for c in totals.columns if "IDMC" in c)
        assert totals.loc[totals["ISO3"] == "JOR", column].isna().all()
