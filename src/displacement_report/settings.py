"""Report parameters as one typed, frozen, validated object.

Two layers of checks: the model itself rejects wrong types, unknown keys and
combinations that can never be right (a baseline after the report year); then
`check_against` rejects values the data cannot answer (a year outside the data,
a country code UNHCR does not know), naming the value and what is allowed.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from displacement_report import letter
from displacement_report.errors import ParameterError
from displacement_report.i18n import LANGUAGES, N_, Language

ISO3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$", strict=True)]

DEFAULT_TITLE = N_("Forced displacement and Dutch reception in the region")
#: A country profile's title; the country is named in each edition's language.
PROFILE_TITLE = N_("Country profile: {country}")


class ReportSettings(BaseModel):
    """Parameters of one report run. Frozen: a run cannot change them half-way.

    The one list of report parameters: each notebook's parameters cell and its
    `notebook.start(...)` call are written from these fields (`report/parameters.py`,
    `make parameters`), each line's comment from the field's description."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    report_year: StrictInt = Field(description="year of the end-year statistics reported on")
    baseline_year: StrictInt = Field(
        default=letter.DATA_YEAR,
        description="year to compare with; 2019 gives the figures the January 2021 letter cites",
    )
    focus_countries: tuple[ISO3, ...] = Field(
        default=letter.FOCUS_COUNTRIES,
        min_length=1,
        description="ISO3 host codes; the letter's eight",
    )
    trend_start_year: StrictInt = Field(
        default=2000, description="first year of the long-run charts"
    )
    protracted_threshold: StrictInt = Field(
        default=25_000,
        ge=1,
        description="refugees of one nationality in one host country (UNHCR rule: 25,000)",
    )
    protracted_years: StrictInt = Field(
        default=5,
        ge=1,
        le=50,
        description="consecutive years at or above the threshold (UNHCR rule: 5)",
    )
    data_dir: Path | None = Field(
        default=None,
        description="folder with the UNHCR CSV tables; empty means ../shared/data/unhcr or "
        "$DISPLACEMENT_REPORT_UNHCR_DIR",
    )
    worldbank_dir: Path | None = Field(
        default=None,
        description="folder with the World Bank CSV tables; empty means "
        "../shared/data/worldbank or $DISPLACEMENT_REPORT_WORLDBANK_DIR",
    )
    iati_file: Path | None = Field(
        default=None,
        description="an IATI activity file to show beside the document figures; empty means none",
    )
    output_dir: Path | None = Field(
        default=None, description="folder for run folders and the published report"
    )
    title: str = Field(default=DEFAULT_TITLE, min_length=1, max_length=200)
    language: tuple[Language, ...] = Field(
        default=LANGUAGES,
        min_length=1,
        description="edition(s) to publish: 'nl', 'en' or both; the first is the main one",
        # a notebook renders one of them
        json_schema_extra={"notebook": 'edition to render: "nl" (Dutch) or "en" (English)'},
    )

    @field_validator("language", mode="before")
    @classmethod
    def _one_or_more(cls, value: Any) -> Any:
        # 'nl' and ['nl'] mean the same: one edition
        return (value,) if isinstance(value, str) else value

    @field_validator("data_dir", "worldbank_dir", "iati_file", "output_dir")
    @classmethod
    def _absolute(cls, value: Path | None) -> Path | None:
        # A relative path means relative to where the command was started, resolved now:
        # kernels run in notebooks/ and would read it against that folder.
        if value is None:
            return None
        try:
            return value.expanduser().resolve()
        except RuntimeError:  # '~someone' with no such user
            raise ValueError(f"cannot expand the home folder in {str(value)!r}") from None

    @model_validator(mode="after")
    def _years_in_order(self) -> ReportSettings:
        if self.baseline_year > self.report_year:
            raise ValueError(
                f"baseline_year {self.baseline_year} is after report_year {self.report_year}; "
                "the baseline must be the same year or earlier"
            )
        if self.trend_start_year > self.baseline_year:
            raise ValueError(
                f"trend_start_year {self.trend_start_year} is after baseline_year "
                f"{self.baseline_year}; the trend must include the baseline"
            )
        for name in ("focus_countries", "language"):
            listed = getattr(self, name)
            duplicated = sorted({c for c in listed if listed.count(c) > 1})
            if duplicated:
                raise ValueError(f"{name} lists {duplicated} more than once")
        return self

    def check_against(self, coverage: DataCoverage) -> ReportSettings:
        """Reject values the data cannot answer; return self so calls can chain."""
        problems = []
        for name in ("report_year", "baseline_year", "trend_start_year"):
            year = getattr(self, name)
            if year not in coverage.years:
                problems.append(
                    f"{name}={year} is outside the data: allowed "
                    f"{coverage.years.start}-{coverage.years.stop - 1}" + coverage.limited_by(year)
                )
        for code in self.focus_countries:
            if code not in coverage.countries:
                close = difflib.get_close_matches(code, sorted(coverage.countries), n=5, cutoff=0.6)
                hint = f"close matches: {', '.join(close)}" if close else "no close match"
                problems.append(
                    f"focus_countries: unknown country code {code!r} ({hint}); codes are the "
                    "ISO3 codes of countries.csv in the UNHCR data folder"
                )
        if problems:
            raise ParameterError("invalid report parameters:\n  " + "\n  ".join(problems))
        return self


@dataclass(frozen=True)
class DataCoverage:
    """What the data can answer: the years every headline source covers, known codes."""

    years: range
    countries: frozenset[str]
    #: first and last year of each table of the headline total, by file name
    table_years: Mapping[str, tuple[int, int]] = dataclasses.field(default_factory=dict)

    def limited_by(self, year: int) -> str:
        """' (idmc.csv ends in 2025)': the tables that do not reach `year`."""
        short = [
            f"{name} starts in {first}" if year < first else f"{name} ends in {last}"
            for name, (first, last) in self.table_years.items()
            if not first <= year <= last
        ]
        return f" ({'; '.join(short)}; the headline total needs all three)" if short else ""


def _describe(error: ValidationError, allowed: list[str]) -> str:
    lines = []
    items = error.errors()
    bad_items = {item["loc"][0] for item in items if len(item["loc"]) > 1}
    for item in items:
        if item["type"] == "too_short" and item["loc"][:1] and item["loc"][0] in bad_items:
            continue  # an invalid item also leaves the list short; say it once

        where = ".".join(str(p) for p in item["loc"]) or "parameters"
        if item["type"] == "extra_forbidden":
            lines.append(f"unknown parameter {where!r}; allowed: {', '.join(allowed)}")
        elif item["loc"]:
            lines.append(f"{where}: {item['msg']} (got {item['input']!r})")
        else:
            lines.append(item["msg"].removeprefix("Value error, "))
    return "invalid report parameters:\n  " + "\n  ".join(lines)


def parse_settings(params: Mapping[str, Any]) -> ReportSettings:
    """Build settings from plain values (a notebook's parameters, a YAML file, the CLI)."""
    values = {
        k: v for k, v in params.items() if not (k.endswith(("_dir", "_file")) and v in ("", None))
    }
    if isinstance(values.get("focus_countries"), str):
        raise ParameterError(
            "focus_countries must be a list of ISO3 codes, e.g. ['JOR', 'LBN'], "
            f"not the string {values['focus_countries']!r}"
        )
    try:
        return ReportSettings.model_validate(values)
    except ValidationError as exc:
        raise ParameterError(_describe(exc, list(ReportSettings.model_fields))) from None


def data_coverage(data_dir: Path | None = None) -> DataCoverage:
    """Years covered by every source of the headline total, and the known ISO3 codes."""
    from displacement_report.data import unhcr  # settings sit above the data layer

    tables = {
        "population.csv": unhcr.load_population(data_dir),
        "unrwa.csv": unhcr.load_unrwa(data_dir),
        "idmc.csv": unhcr.load_idmc(data_dir),
    }
    years = [set(t["year"].dropna().astype(int).unique().tolist()) for t in tables.values()]
    common = set.intersection(*years)
    if not common:
        raise ParameterError(f"the tables in {unhcr.resolve_dir(data_dir)} share no year")
    countries = unhcr.load_countries(data_dir)
    # 'Stateless' (XXA) and 'Unknown' (XXX) have codes but no region: not places.
    codes = countries.loc[countries["unhcr_region"].notna(), "iso_code"].dropna()
    table_years = {
        name: (min(found), max(found)) for name, found in zip(tables, years, strict=True) if found
    }
    return DataCoverage(range(min(common), max(common) + 1), frozenset(codes), table_years)


def validate_parameters(
    params: Mapping[str, Any], coverage: DataCoverage | None = None
) -> ReportSettings:
    """Parse `params` and check them against the data they point at: the one call a
    notebook or the command line makes before any work. `coverage` saves reading the
    data again when several parameter sets are checked against the same folder."""
    from displacement_report.data import worldbank

    settings = parse_settings(params)
    worldbank.resolve_dir(settings.worldbank_dir)  # present before any work starts
    if settings.iati_file is not None:
        _check_iati_file(settings.iati_file)  # a broken file is reported now, not mid-report
    return settings.check_against(coverage or data_coverage(settings.data_dir))


def _check_iati_file(path: Path) -> None:
    """Read the IATI file once per version of it: every chapter checks its parameters."""
    if not path.is_file():
        from displacement_report.data.iati import read_iati

        read_iati(path)  # raises its own 'file not found'
    stat = path.stat()
    _read_iati_once(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _read_iati_once(path: Path, _mtime_ns: int, _size: int) -> None:
    from displacement_report.data.iati import read_iati

    read_iati(path)


#: Parameters a notebook may declare that are not report settings, and what they mean.
NOT_SETTINGS = {
    "figures_dir": "folder for saved charts; empty means figures/ or "
    "$DISPLACEMENT_REPORT_FIGURES_DIR",
}
#: A country profile's one country: its only focus country.
COUNTRY = "country"


def settings_for(params: Mapping[str, Any], coverage: DataCoverage | None = None) -> ReportSettings:
    """The settings a notebook makes of its parameters. The build calls this for every
    notebook before the first kernel starts, so what it accepts every notebook accepts;
    it lives here, not in `notebook`, so that the build need not import the notebooks'
    charting stack to check parameters (a rerun that finds its report does no more).

    A profile's `country` is its one focus country; a notebook's `language` is the
    one edition it renders."""
    values = {k: v for k, v in params.items() if k not in NOT_SETTINGS}
    if COUNTRY in values:
        values["focus_countries"] = [values.pop(COUNTRY)]
    return validate_parameters(values, coverage)
