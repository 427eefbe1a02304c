"""How two versions of the UNHCR tables differ in the headline total: per year and
component, the figures revised and the years that are new, so that a reader can tell
new data from revision of the past."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from displacement_report.analysis import headline
from displacement_report.data import schemas, unhcr
from displacement_report.data.readers import read_csv_text
from displacement_report.errors import DataFileError

HEADLINE_TABLES = ("population", "unrwa", "idmc")


def check_same_layout(old_dir: Path, new_dir: Path) -> None:
    """Refuse two folders whose headline tables differ in files or columns, naming it."""
    for name in HEADLINE_TABLES:
        filename = schemas.TABLES[name].filename
        old_file, new_file = old_dir / filename, new_dir / filename
        for path in (old_file, new_file):
            if not path.is_file():
                raise DataFileError(f"{path}: file not found; both folders need {filename}")
        old_columns = list(read_csv_text(old_file, ()).head(0).columns)
        new_columns = list(read_csv_text(new_file, ()).head(0).columns)
        if old_columns != new_columns:
            only_old = sorted(set(old_columns) - set(new_columns))
            only_new = sorted(set(new_columns) - set(old_columns))
            raise DataFileError(
                f"{filename} has another layout in the two folders: only in {old_dir}: "
                f"{only_old or 'none'}; only in {new_dir}: {only_new or 'none'}"
                + ("; the same columns in another order" if not only_old and not only_new else "")
            )


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
