"""What every report notebook does first, in one call: validate its parameters,
apply the chart style and give access to the data with its source lines."""

from __future__ import annotations

import os
import sys
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from displacement_report import i18n, paths
from displacement_report.analysis import hosting, protracted, source_years
from displacement_report.analysis.claims import ClaimInputs
from displacement_report.analysis.joins import Joined
from displacement_report.data import cache, documents, national_asylum, neighbours, unhcr, worldbank
from displacement_report.data import claims as claims_data
from displacement_report.data import costs as cost_data
from displacement_report.data.iati import IatiTables, read_iati
from displacement_report.present import exhibits, sources, style
from displacement_report.settings import NOT_SETTINGS as NOT_SETTINGS  # known here too
from displacement_report.settings import ReportSettings, settings_for

#: Environment variable naming a file that records every file a notebook opens.
READ_LOG_ENV = "DISPLACEMENT_REPORT_READ_LOG"


class ReportData:
    """The tables a notebook may need, loaded on first use (cached tables load fast)."""

    def __init__(self, settings: ReportSettings):
        self.settings = settings

    @cached_property
    def population(self) -> pd.DataFrame:
        return unhcr.load_population(self.settings.data_dir)

    @cached_property
    def unrwa(self) -> pd.DataFrame:
        return unhcr.load_unrwa(self.settings.data_dir)

    @cached_property
    def idmc(self) -> pd.DataFrame:
        return unhcr.load_idmc(self.settings.data_dir)

    @cached_property
    def solutions(self) -> pd.DataFrame:
        return unhcr.load_solutions(self.settings.data_dir)

    @cached_property
    def demographics(self) -> pd.DataFrame:
        return unhcr.load_demographics(self.settings.data_dir)

    @cached_property
    def asylum_applications(self) -> pd.DataFrame:
        return unhcr.load_asylum_applications(self.settings.data_dir)

    @cached_property
    def asylum_decisions(self) -> pd.DataFrame:
        return unhcr.load_asylum_decisions(self.settings.data_dir)

    @cached_property
    def flows(self) -> pd.DataFrame:
        return unhcr.load_flows(self.settings.data_dir)

    @cached_property
    def regions(self) -> pd.Series:
        """ISO3 -> UNHCR region."""
        countries = unhcr.load_countries(self.settings.data_dir).dropna(subset=["iso_code"])
        return countries.set_index("iso_code")["unhcr_region"]

    @cached_property
    def published_headlines(self) -> pd.DataFrame:
        """UNHCR Global Trends figures as published (shared reference folder)."""
        return neighbours.load_published_headlines()

    @cached_property
    def nl_asylum_figures(self) -> pd.DataFrame:
        return national_asylum.load_nl_asylum_figures()

    @cached_property
    def country_names(self) -> dict[str, str]:
        """ISO3 -> the name readers of the edition's language know (CLDR)."""
        return {
            code: i18n.country_name(code, name)
            for code, name in unhcr.country_names(self.settings.data_dir).items()
        }

    @cached_property
    def wb_population(self) -> pd.DataFrame:
        return worldbank.load_population(self.settings.worldbank_dir)

    @cached_property
    def world_population(self) -> pd.Series:
        return worldbank.load_world_population(self.settings.worldbank_dir)

    @cached_property
    def gdp(self) -> pd.DataFrame:
        return worldbank.load_gdp_per_capita(self.settings.worldbank_dir)

    @cached_property
    def income_groups(self) -> pd.DataFrame:
        return worldbank.load_income_groups(self.settings.worldbank_dir)

    @cached_property
    def ldcs(self) -> pd.DataFrame:
        return worldbank.load_ldcs(self.settings.worldbank_dir)

    @cached_property
    def amounts(self) -> pd.DataFrame:
        return documents.load_amounts()

    @cached_property
    def results(self) -> pd.DataFrame:
        return documents.load_results()

    @cached_property
    def cost_figures(self) -> pd.DataFrame:
        """What reception costs, here and in the region (data/costs/figures.csv)."""
        return cost_data.load_costs()

    @cached_property
    def iati(self) -> IatiTables | None:
        return read_iati(self.settings.iati_file) if self.settings.iati_file else None

    @cached_property
    def reference_figures(self) -> pd.DataFrame:
        return claims_data.load_reference_figures()

    @cached_property
    def claim_inputs(self) -> ClaimInputs:
        countries = unhcr.load_countries(self.settings.data_dir).dropna(subset=["iso_code"])
        return ClaimInputs(
            population=self.population,
            unrwa=self.unrwa,
            idmc=self.idmc,
            world_population=self.world_population,
            wb_population=self.wb_population,
            gdp=self.gdp,
            income_groups=self.income_groups,
            ldcs=self.ldcs,
            regions=countries.set_index("iso_code")["unhcr_region"],
            solutions=self.solutions,
            amounts=self.amounts,
        )

    def hosting_table(self, year: int) -> tuple[pd.DataFrame, dict[str, Joined], int]:
        """`hosting.hosting_table` of every host in `year`, computed from the data files
        as read (never from this notebook's tables, which it may have changed), once per
        process for as long as the files are the same: a copy each time."""
        data_dir, worldbank_dir = self.settings.data_dir, self.settings.worldbank_dir

        def compute() -> tuple[pd.DataFrame, dict[str, Joined], int]:
            return hosting.hosting_table(
                unhcr.load_population(data_dir),
                unhcr.load_unrwa(data_dir),
                worldbank.load_population(worldbank_dir),
                worldbank.load_gdp_per_capita(worldbank_dir),
                worldbank.load_income_groups(worldbank_dir),
                worldbank.load_ldcs(worldbank_dir),
                year,
            )

        files = self._data_files(
            ("population.csv", "unrwa.csv"),
            ("population.csv", "gdp_per_capita.csv", "income_group_history.csv", "ldc_list.csv"),
        )
        return cache.remembered_result(f"hosting_table-{year}", files, compute)

    def protracted_situations(self, year: int, threshold: int, min_years: int) -> pd.DataFrame:
        """`protracted.situations` in `year` of the population table as read, kept like
        `hosting_table`."""
        data_dir = self.settings.data_dir

        def compute() -> pd.DataFrame:
            return protracted.situations(
                unhcr.load_population(data_dir), year, threshold, min_years
            )

        name = f"protracted_situations-{year}-{threshold}-{min_years}"
        return cache.remembered_result(name, self._data_files(("population.csv",), ()), compute)

    def _data_files(
        self, unhcr_tables: tuple[str, ...], worldbank_tables: tuple[str, ...]
    ) -> list[Path]:
        """The UNHCR and World Bank tables a result is computed from: kept under their
        checksums, it is computed again when any of them changes. Only these are read
        (a notebook opens no file outside the registered inputs)."""
        unhcr_dir = unhcr.resolve_dir(self.settings.data_dir)
        worldbank_dir = worldbank.resolve_dir(self.settings.worldbank_dir)
        return [unhcr_dir / name for name in unhcr_tables] + [
            worldbank_dir / name for name in worldbank_tables
        ]

    def last_year(self, source: str) -> int | None:
        """The latest year `source` (one of SOURCES_BY_YEAR) has a figure for."""
        table = getattr(self, source)
        years = table.dropna().index if isinstance(table, pd.Series) else table["year"].dropna()
        return int(years.max()) if len(years) else None

    def year_of(self, source: str) -> int:
        """The year of `source` the report year uses: the report year, or the source's
        latest year when it does not reach the report year yet."""
        last = self.last_year(source)
        year = self.settings.report_year
        return year if last is None else min(year, last)

    def behind(self, *sources: str) -> dict[str, int | None]:
        """Those of `sources` that end before the report year, with their last year."""
        return source_years.behind(
            {source: self.last_year(source) for source in sources}, self.settings.report_year
        )

    @cached_property
    def unhcr_version(self) -> str:
        return unhcr.dataset_version(self.settings.data_dir)

    @cached_property
    def unhcr_source(self) -> str:
        return sources.unhcr(self.unhcr_version)

    @cached_property
    def neighbours_source(self) -> str:
        """Source line for figures that combine UNHCR data with GeoNames' borders."""
        return sources.unhcr_and_geonames(self.unhcr_version)

    @cached_property
    def both_sources(self) -> str:
        """Source line for figures that combine UNHCR and World Bank data."""
        return sources.unhcr_and_worldbank(self.unhcr_version)


def start(**params: Any) -> tuple[ReportSettings, ReportData, Path]:
    """Validate the notebook's parameters, set the chart style, and return the settings,
    the data and the folder charts are saved to. Pass every parameter of the notebook's
    parameters cell by name (a convention test checks it)."""
    _record_reads_if_asked()
    settings = settings_for(params)
    i18n.set_language(settings.language[0])
    style.apply()
    figures = paths.figures_dir(params.get("figures_dir") or "")
    exhibits.configure(
        figures, settings.model_dump(mode="json"), unhcr.dataset_version(settings.data_dir)
    )
    return settings, ReportData(settings), figures


def _record_reads_if_asked() -> None:
    """With $DISPLACEMENT_REPORT_READ_LOG set, append the path of every file this
    process opens to that file: how the tests prove a notebook reads only registered
    inputs."""
    log_path = os.environ.get(READ_LOG_ENV, "")
    if not log_path:
        return
    log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - open for the process's life

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event == "open" and isinstance(args[0], str | Path):
            log.write(f"{args[0]}\n")
            log.flush()

    sys.addaudithook(hook)
