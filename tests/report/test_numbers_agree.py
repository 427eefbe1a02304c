"""Numbers that agree with each other, read from one build (issue 24 §4 and §5), for the
default parameters and for 2001 with focus countries Afghanistan, Pakistan and Iran, both
editions:

- a number a chapter's sentence states beside a reference to an exhibit (`@tab:`,
  `@fig:`) is found in that exhibit: in its data file (CSV beside the chart), in the
  table as printed, as a sum per year of a chart's series, as a count of its rows, or
  as 'N times' the ratio of two of its numbers;
- an exhibit's total (a row or column named 'total', a series 'total') equals the sum
  of its parts within the rounding of the figures shown;
- a figure is never said to be (not) public where the report only did not find it;
- every series an exhibit of country series shows that moves by more than 40% in one
  year is named in the note under it.

General rules, not today's cases: each found a disagreement a reader had found."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup, Tag

from displacement_report import paths
from displacement_report.analysis import breaks
from displacement_report.report import build
from tests.conftest import SET_2001

pytestmark = pytest.mark.notebook

SETS = {
    "default_report": {"report_year": 2025, "baseline_year": 2019},
    "report_2001": {key: SET_2001[key] for key in ("report_year", "baseline_year")},
}
LANGUAGES = ("en", "nl")
SEPARATORS = {"en": (",", "."), "nl": (".", ",")}


@pytest.fixture(scope="module", params=list(SETS))
def report(request) -> tuple[dict, build.RunResult]:
    return SETS[request.param], request.getfixturevalue(request.param)


def _soup(result: build.RunResult, language: str) -> BeautifulSoup:
    html, _pdf = result.edition(language)
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


# --- numbers as printed ---------------------------------------------------------------------


def _pattern(language: str) -> re.Pattern[str]:
    group, decimal = (re.escape(s) for s in SEPARATORS[language])
    grouped = rf"\d{{1,3}}(?:{group}\d{{3}})+(?:{decimal}\d+)?"
    plain = rf"\d+(?:{decimal}\d+)?"
    return re.compile(rf"(?<![\w.,])[-−+]?(?:{grouped}|{plain})(?!\d)")


def numbers(text: str, language: str) -> list[tuple[float, float, str]]:
    """Each number of `text` with the rounding its decimals allow and the words after
    it ('EUR 135.5 million' -> (135.5e6, 0.05e6, 'million ...'))."""
    group, decimal = SEPARATORS[language]
    found = []
    for match in _pattern(language).finditer(text):
        raw = match.group(0)
        digits = len(raw.split(decimal)[1]) if decimal in raw else 0
        value = float(raw.replace("−", "-").replace(group, "").replace(decimal, "."))
        after = text[match.end() : match.end() + 20].strip().lower()
        scale = 1e6 if after.startswith(("million", "miljoen")) else 1.0
        scale = 1e9 if after.startswith(("billion", "miljard")) else scale
        found.append((value * scale, 0.5 * 10**-digits * scale, after))
    return found


def _is_year(value: float, tolerance: float) -> bool:
    return tolerance == 0.5 and 1900 <= value <= 2100 and value.is_integer()


def _exhibit(soup: BeautifulSoup, anchor: str) -> Tag:
    exhibit = soup.find(id=anchor)
    assert isinstance(exhibit, Tag), f"a reference to {anchor}, which the report lacks"
    return exhibit


def _data(exhibit: Tag, run_dir: Path) -> pd.DataFrame:
    link = exhibit.select_one("a.data-link")
    assert link is not None, f"{exhibit['id']} has no data file beside it"
    path = run_dir / str(link["href"])
    assert path.suffix == ".csv" and path.with_suffix(".json").is_file(), path
    return _read(path)


def _read(path: Path) -> pd.DataFrame:
    """A data file, a chart's columns under their roles (panel, series, x, value) as
    its description names them, whatever the edition calls them."""
    described = path.with_suffix(".json")
    record = json.loads(described.read_text(encoding="utf-8")) if described.is_file() else {}
    roles = {name: role for role, name in record.get("columns", {}).items()}
    return pd.read_csv(path, dtype=str, keep_default_na=False).rename(columns=roles)


def _values(exhibit: Tag, run_dir: Path, language: str) -> list[float]:
    """Every number an exhibit holds, in its data file or as printed, in the units its
    headers name (a column 'EUR million' also as euros), its chart's sums per year and
    its counts of rows."""
    data = _data(exhibit, run_dir)
    values: list[float] = []
    for cell in [*data.columns, *data.to_numpy().ravel()]:
        try:
            values.append(float(cell))
        except ValueError:
            values += [v for v, _tol, _after in numbers(str(cell), "en")]
    values += [v for v, _tol, _after in numbers(exhibit.get_text(" "), language)]
    if {"series", "x", "value"} <= set(data.columns):
        plotted = data[data["value"] != ""].assign(value=lambda f: f["value"].astype(float))
        values += list(plotted.groupby("x")["value"].sum())
    values += [float(len(data))]
    for column in data.columns:
        values += [float(n) for n in data[column].value_counts()]
    scaled = [v * scale for v in values for scale in (1e6, 1e9)]
    return values + scaled


def _sentences(paragraph: Tag) -> list[tuple[str, list[str]]]:
    """The sentences of a paragraph that cite an exhibit, each without the reference's
    own words ('Table 7.12'), with the exhibits it cites."""
    copy = BeautifulSoup(str(paragraph), "html.parser")
    for link in copy.select("a.xref"):
        link.replace_with(f" §{str(link['href']).removeprefix('#')}§ ")
    text = re.sub(r"\s+", " ", copy.get_text(" "))
    cited = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z*§])", text):
        anchors = [a for a in re.findall(r"§([^§]+)§", sentence) if a.startswith(("tab-", "fig-"))]
        if anchors:
            cited.append((re.sub(r"§[^§]+§", " ", sentence), anchors))
    return cited


def _found(value: float, tolerance: float, after: str, pool: list[float]) -> bool:
    close = tolerance + 1e-9 * max(1.0, abs(value))
    if any(abs(abs(value) - abs(v)) <= close for v in pool):
        return True
    if after.startswith(("times", "keer")):  # 'N times': a ratio of two of its numbers
        positive = sorted({v for v in pool if v > 0})
        return any(abs(a / b - value) <= close for a, b in itertools.permutations(positive, 2))
    return False


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_number_stated_beside_a_reference_is_in_the_exhibit_it_cites(report, language):
    _settings, result = report
    soup = _soup(result, language)
    checked, missing = 0, []
    for paragraph in soup.select("p, li"):
        if paragraph.find_parent(class_="at-a-glance") or paragraph.select_one("p, li"):
            continue  # the summary page has its own test; a list item's paragraph is read
        for sentence, anchors in _sentences(paragraph):
            pool = [
                v for a in anchors for v in _values(_exhibit(soup, a), result.run_dir, language)
            ]
            for value, tolerance, after in numbers(sentence, language):
                if _is_year(value, tolerance):
                    continue
                checked += 1
                if not _found(value, tolerance, after, pool):
                    missing.append((anchors, value, sentence[:200]))
    assert checked >= 10
    assert not missing, missing


# --- totals -----------------------------------------------------------------------------------

TOTAL = re.compile(r"(^|, )(total|totaal)$", re.IGNORECASE)
#: Columns that are not counts or amounts: they do not add up.
NOT_ADDITIVE = re.compile(r"%|rate|percent|share|aandeel|per |ratio|year|jaar|iso3", re.I)


def _numeric(column: pd.Series) -> pd.Series | None:
    converted = pd.to_numeric(column.replace("", "0"), errors="coerce")
    return None if converted.isna().any() else converted.astype(float)


def _unit(values: pd.Series) -> float:
    """The rounding of a column's figures: the largest power of ten all are multiples of
    (a change of 8,100,000 written from rounded millions: 100,000), at least 1."""
    unit = 1.0
    while unit < 1e9 and all(float(v) % (unit * 10) == 0 for v in values if v):
        unit *= 10
    return unit


def _is_total(text: object) -> bool:
    return bool(TOTAL.search(str(text)))


def _row_totals(data: pd.DataFrame) -> list[str]:
    """A row named 'total': each additive column's other rows add up to it."""
    label = next((c for c in data.columns if data[c].map(_is_total).any()), None)
    if label is None or "series" in data:
        return []
    is_total = data[label].map(_is_total)
    wrong = []
    for column in data.columns:
        values = None if NOT_ADDITIVE.search(column) else _numeric(data[column])
        if values is None or column == label:
            continue
        parts, total = values[~is_total], float(values[is_total].iloc[0])
        # each part may be a difference of two rounded figures: a unit each
        if abs(parts.sum() - total) > (len(parts) + 1) * _unit(values):
            wrong.append(f"{column}: rows add up to {parts.sum()}, total {total}")
    return wrong


def _column_totals(data: pd.DataFrame) -> list[str]:
    """A column named 'total': the other additive columns add up to it in each row."""
    wrong = []
    for total_column in [c for c in data.columns if _is_total(c) and not NOT_ADDITIVE.search(c)]:
        shown = _numeric(data[total_column])
        numeric = {
            c: _numeric(data[c])
            for c in data.columns
            if c != total_column and not NOT_ADDITIVE.search(c)
        }
        parts = {c: v for c, v in numeric.items() if v is not None}
        if not parts or shown is None:
            continue
        summed = sum(parts.values(), pd.Series(0.0, index=data.index))
        unit = max(_unit(v) for v in [*parts.values(), shown])
        if ((summed - shown).abs() > (len(parts) + 1) * unit / 2).any():
            wrong.append(f"{total_column} is not the sum of {list(parts)}")
    return wrong


def _series_totals(data: pd.DataFrame) -> list[str]:
    """A chart's series named 'total': the other series add up to it at each x."""
    if not {"series", "x", "value"} <= set(data.columns):
        return []
    plotted = data[data["value"] != ""].assign(value=lambda f: f["value"].astype(float))
    is_total = plotted["series"].map(_is_total)
    if not is_total.any():
        return []
    parts = plotted[~is_total].groupby("x")["value"].sum()
    totals = plotted[is_total].set_index("x")["value"]
    if ((parts.reindex(totals.index) - totals).abs() > 1).any():
        return ["a total series is not the sum of the others"]
    return []


def _totals_disagreeing(data: pd.DataFrame) -> list[str]:
    return _row_totals(data) + _column_totals(data) + _series_totals(data)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_exhibit_s_totals_equal_the_sum_of_its_rows(report, language):
    _settings, result = report
    folder = result.run_dir / language / "figures"
    files = sorted(folder.glob("*.csv"))
    assert files
    with_totals, wrong = 0, {}
    for path in files:
        data = _read(path)
        if any(TOTAL.search(str(c)) for c in [*data.columns, *data.to_numpy().ravel()]):
            with_totals += 1
        problems = _totals_disagreeing(data)
        if problems:
            wrong[path.name] = problems
    assert with_totals >= 2  # Table 1.1 and the focus countries' totals at least
    assert not wrong, wrong


def test_the_totals_check_catches_a_total_that_does_not_add_up():
    """The rule itself, on hand-made tables: rows to a total row within the rounding of
    the figures shown, parts to a total column."""
    rounded = pd.DataFrame(
        {
            "Group": ["A", "B", "Forcibly displaced, total"],
            "Change": ["8100000", "400000", "8400000"],
        }
    )
    assert _totals_disagreeing(rounded) == []  # 8.5 against 8.4 million: within rounding
    off = rounded.assign(Change=["8100000", "400000", "9400000"])
    assert _totals_disagreeing(off) == ["Change: rows add up to 8500000.0, total 9400000.0"]
    columns = pd.DataFrame({"A": ["1", "2"], "B": ["3", "4"], "Totaal": ["4", "9"]})
    assert _totals_disagreeing(columns) == ["Totaal is not the sum of ['A', 'B']"]


# --- 'not found' unless shown not to exist ----------------------------------------------------

#: Ways of saying a figure is (not) public; the report says it was (not) found instead,
#: unless a source shows the figure does not exist.
SAID_PUBLIC = {
    "en": re.compile(r"\b(is|are) public\b|\bnot public\b|\bno public (figure|amount)\b", re.I),
    "nl": re.compile(r"\b(is|zijn) openbaar\b|\bniet openbaar\b|\bgeen openbaar cijfer\b", re.I),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_figure_not_found_is_said_not_found_never_not_public(report, language):
    _settings, result = report
    soup = _soup(result, language)
    for node in soup.select("section.colophon, nav"):
        node.decompose()
    text = re.sub(r"\s+", " ", soup.get_text(" "))
    said = [
        text[max(0, m.start() - 80) : m.end() + 40] for m in SAID_PUBLIC[language].finditer(text)
    ]
    assert not said, said


# --- breaks, explained under the exhibit ----------------------------------------------------

#: Exhibits of country series over the years and the note's breaks since the baseline.
SERIES_EXHIBITS = ("fig-focus_countries_over_time", "fig-asylum_rates_netherlands")


def _expected_breaks(data: pd.DataFrame, baseline: int) -> list[tuple[float, int, float, int]]:
    """The breaks from `baseline` on of a chart's data file, worked out here from the
    rule (`breaks.is_break`), groups under `breaks.SMALLEST_GROUP` left out in a chart
    of country panels: (before, its year, after, its year)."""
    data = data.assign(
        panel=data.get("panel", ""),
        series=data.get("series", ""),
        value=pd.to_numeric(data["value"], errors="coerce"),
        x=data["x"].astype(int),
    )
    smallest = breaks.SMALLEST_GROUP if data["panel"].astype(bool).any() else 0
    expected = []
    for _key, rows in data.groupby(["panel", "series"], sort=False):
        values = rows.set_index("x")["value"].sort_index()
        for year in values.index:
            if year - 1 < baseline or year - 1 not in values.index:
                continue
            before, after = values.loc[year - 1], values.loc[year]
            if max(before, after) >= smallest and breaks.is_break(before, after):
                expected.append((before, year - 1, after, year))
    return expected


def _named(words: str, value: float, year: int, language: str) -> bool:
    """The note writes the value as the edition does: a count grouped, a rate whole."""
    group = SEPARATORS[language][0]
    # the data file holds a rate to a tenth: 41.5 may have been 41.46 ('41%')
    near = (value - 0.05, value, value + 0.05)
    return any(
        f"{shown} ({year})" in words
        for shown in (f"{value:,.0f}".replace(",", group), *(f"{v:.0f}%" for v in near))
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_break_an_exhibit_shows_is_named_under_it(report, language):
    settings, result = report
    soup = _soup(result, language)
    named = 0
    for anchor in SERIES_EXHIBITS:
        exhibit = soup.find(id=anchor)
        if exhibit is None:
            continue  # no decisions in the year: the chapter says so instead
        expected = _expected_breaks(_data(exhibit, result.run_dir), settings["baseline_year"])
        note = exhibit.find_next("p")  # the first paragraph after the chart
        words = re.sub(r"\s+", " ", note.get_text(" ")) if note else ""
        for before, before_year, after, year in expected:
            assert _named(words, before, before_year, language), (anchor, before, words)
            assert _named(words, after, year, language), (anchor, after, words)
            named += 1
    if settings["baseline_year"] == 2019:
        # Lebanon's UNRWA refugees 2024-25 and the Dutch rates 2024-25 among them
        assert named >= 4


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_stateless_chart_names_every_break_it_shows_and_says_no_reason_is_stated(
    report, language
):
    """Its moves of 2005-2010 are early, before any baseline: all are named, with the
    standard words (UNHCR's README states no reason for them)."""
    settings, result = report
    exhibit = _soup(result, language).find(id="fig-stateless_by_year")
    if settings["report_year"] < _first_stateless_year():
        assert exhibit is None  # no chart of nobody recorded (the text says so)
        return
    assert exhibit is not None
    data = _data(exhibit, result.run_dir)
    expected = _expected_breaks(data, int(data["x"].astype(int).min()))
    assert expected, "the stateless total of the real data moves by more than 40% in 2006"
    note = exhibit.find_next("p")
    words = re.sub(r"\s+", " ", note.get_text(" ")) if note else ""
    for before, before_year, after, year in expected:
        assert _named(words, before, before_year, language), (before, words)
        assert _named(words, after, year, language), (after, words)
    stated = {"en": "without a stated reason", "nl": "zonder opgegeven reden"}[language]
    assert stated in words


def _first_stateless_year() -> int:
    population = pd.read_csv(
        paths.SHARED_DATA_DIR / "unhcr" / "population.csv", usecols=["year", "stateless"]
    )
    return int(population.loc[population["stateless"] > 0, "year"].min())


# --- the same quantity printed twice ----------------------------------------------------------


def test_the_countries_without_an_income_group_are_counted_alike_in_chapter_2_and_the_notes(
    report,
):
    """Chapter 2's line under the income shares and the technical notes count the same
    countries (issue 24: '6 countries are left out' against 2 without an income group)."""
    _settings, result = report
    text = re.sub(r"\s+", " ", _soup(result, "en").get_text(" "))
    under = re.search(r"(\d+) countr(?:y has|ies have) no World Bank income group", text)
    notes = re.search(r"No income group for (\d+) countr", text)
    assert (under is None) == (notes is None), (under, notes)
    if under and notes:
        assert under.group(1) == notes.group(1)
