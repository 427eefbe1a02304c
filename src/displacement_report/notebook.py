"""What every report notebook does first, in one call: validate its parameters,
apply the chart style and give access to the data with its source lines."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from displacement_report import paths
from displacement_report.analysis.claims import ClaimInputs
from displacement_report.data import claims as claims_data
from displacement_report.data import documents, unhcr, worldbank
from displacement_report.data.iati import IatiTables, read_iati
from displacement_report.present import sources, style
from displacement_report.settings import ReportSettings, validate_parameters


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
    def country_names(self) -> dict[str, str]:
        return unhcr.country_names(self.settings.data_dir)

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
        )

    @cached_property
    def unhcr_version(self) -> str:
        return unhcr.dataset_version(self.settings.data_dir)

    @cached_property
    def unhcr_source(self) -> str:
        return sources.unhcr(self.unhcr_version)

    @cached_property
    def both_sources(self) -> str:
        """Source line for figures that combine UNHCR and World Bank data."""
        return sources.unhcr_and_worldbank(self.unhcr_version)


def start(figures_dir: str = "", **params: Any) -> tuple[ReportSettings, ReportData, Path]:
    """Validate the notebook's parameters, set the chart style, and return the settings,
    the data and the folder charts are saved to."""
    settings = validate_parameters(params)
    style.apply()
    return settings, ReportData(settings), paths.figures_dir(figures_dir)
