"""How two versions of the UNHCR tables differ in the headline total: per year and
component, the figures revised and the years that are new, so that a reader can tell
new data from revision of the past."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from displacement_report.analysis import headline
from displacement_report.data import unhcr
from displacement_report.data.revisions import check_same_layout


def headline_by_year(data_dir: Path) -> pd.DataFrame:
    return headline.displacement_by_year(
        unhcr.load_population(data_dir), unhcr.load_unrwa(data_dir), unhcr.load_idmc(data_dir)
    )


@dataclass(frozen=True)
class Revisions:
    revised: pd.DataFrame  # year, component, old, new, change: years in both folders
    new_years: list[int]
    dropped_years: list[int]

    @property
    def empty(self) -> bool:
        return self.revised.empty and not self.new_years and not self.dropped_years


def compare_folders(old_dir: Path, new_dir: Path) -> Revisions:
    """The headline figures of `new_dir` against `old_dir`, per year and component."""
    old_dir, new_dir = unhcr.resolve_dir(old_dir), unhcr.resolve_dir(new_dir)
    check_same_layout(old_dir, new_dir)
    old, new = headline_by_year(old_dir), headline_by_year(new_dir)
    both = old.index.intersection(new.index)
    long_old = old.loc[both].rename_axis("year").reset_index().melt("year", var_name="component")
    long_new = new.loc[both].rename_axis("year").reset_index().melt("year", var_name="component")
    merged = long_old.merge(long_new, on=["year", "component"], suffixes=("_old", "_new"))
    merged = merged.rename(columns={"value_old": "old", "value_new": "new"})
    merged["change"] = merged["new"] - merged["old"]
    revised = merged[merged["change"] != 0].sort_values(["year", "component"])
    return Revisions(
        revised.reset_index(drop=True),
        sorted(int(y) for y in new.index.difference(old.index)),
        sorted(int(y) for y in old.index.difference(new.index)),
    )
