"""Reading CSV files as their authors wrote them, for every loader in the package."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from displacement_report.errors import DataFileError


def existing_folder(given: Path | str | None, default: Path, what: str, hint: str) -> Path:
    """The folder a user named (resolved against the working directory) or the default;
    refused with `hint` when it is missing or is a file."""
    folder = Path(given).expanduser().resolve() if given else default
    if folder.is_file():
        raise DataFileError(f"{what} {folder} is a file, not a folder. {hint}")
    if not folder.is_dir():
        raise DataFileError(f"{what} not found: {folder}. {hint}")
    return folder


def _separator_problem(path: Path) -> str | None:
    """A header that only splits on ';' or a tab: a spreadsheet export in another locale."""
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        header = handle.readline()
    if "," in header:
        return None
    for separator, name in ((";", "semicolons"), ("\t", "tabs")):
        if separator in header:
            return (
                f"{path}: the columns are separated by {name}, not commas; save the file as "
                "comma-separated CSV (UTF-8)"
            )
    return None


def read_csv_text(path: Path, text_columns: tuple[str, ...]) -> pd.DataFrame:
    """Read a CSV as the source wrote it, turning file-level problems into DataFileError."""
    if path.is_dir():
        raise DataFileError(f"{path}: is a folder, not a CSV file")
    if not path.is_file():
        raise DataFileError(f"{path}: file not found")
    problem = _separator_problem(path)
    if problem:
        raise DataFileError(problem)
    try:
        return pd.read_csv(
            path,
            encoding="utf-8-sig",  # tolerate a byte-order mark from spreadsheet exports
            keep_default_na=False,  # 'NA' is Namibia and a UNHCR category code, not a gap
            na_values=[""],
            dtype=dict.fromkeys(text_columns, str),
        )
    except pd.errors.EmptyDataError:
        raise DataFileError(f"{path}: the file is empty") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"{path}: not UTF-8 text (byte {exc.start}: {exc.object[exc.start : exc.start + 1]!r})"
        ) from None
    except pd.errors.ParserError as exc:
        raise DataFileError(f"{path}: cannot be parsed as CSV: {exc}") from None
