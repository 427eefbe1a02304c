"""Two versions of the UNHCR tables side by side: the headline tables must have the same
files and columns in both folders before their figures are compared
(`analysis.revisions.compare_folders`)."""

from __future__ import annotations

from pathlib import Path

from displacement_report.data import schemas
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
