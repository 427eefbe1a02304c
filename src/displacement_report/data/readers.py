"""Reading CSV files as their authors wrote them, for every loader in the package."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from displacement_report.errors import DataFileError


def read_csv_text(path: Path, text_columns: tuple[str, ...]) -> pd.DataFrame:
    """Read a CSV as the source wrote it, turning file-level problems into DataFileError."""
    if not path.is_file():
        raise DataFileError(f"{path}: file not found")
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
