"""Dutch national asylum figures (IND, CBS, Eurostat) as published, for comparison with
UNHCR's table: `data/asylum/nl_asylum_figures.csv`, one row per figure.

Each row is copied from a row of the shared reference file
`sourced_figures_costs.csv` (topic `NL_asylum_numbers`), named in `reference_id`, with
its source title and URL; `measure` says what was counted and `counted_by` who counted
it. The national series count differently from UNHCR's (family reunification, moment of
counting), so they are shown beside UNHCR's figures, never mixed into them.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from displacement_report import paths
from displacement_report.data.readers import read_csv_text
from displacement_report.data.validation import check_columns, validate
from displacement_report.i18n import N_

NL_ASYLUM_FILE = Path("asylum") / "nl_asylum_figures.csv"
#: What each measure counts, as a table names it (messages: translate where shown).
MEASURES = {
    "first_applications": N_("First asylum applications"),
    "repeat_applications": N_("Repeat applications"),
    "family_reunification_applications": N_("Family reunification, applications"),
    "family_reunification_arrivals": N_("Family reunification, arrivals"),
    "total": N_("Total: first + repeat + family reunification"),
}
COUNTED_BY = ("IND", "CBS", "Eurostat")
QUALIFIERS = ("exact", "about", "more_than")
COLUMNS = (
    "figure_id",
    "reference_id",
    "year",
    "measure",
    "counted_by",
    "value",
    "unit",
    "qualifier",
    "description",
    "source_title",
    "source_url",
    "quality",
    "note",
)
_TEXT = pa.Check.str_length(min_value=1)
SCHEMA = pa.DataFrameSchema(
    {
        "figure_id": pa.Column(str, pa.Check.str_matches(r"^N\d{3}$"), unique=True),
        "reference_id": pa.Column(str, pa.Check.str_matches(r"^F\d{3}$"), unique=True),
        "year": pa.Column("Int64", pa.Check.in_range(1990, 2100)),
        "measure": pa.Column(str, pa.Check.isin(list(MEASURES))),
        "counted_by": pa.Column(str, pa.Check.isin(list(COUNTED_BY))),
        "value": pa.Column("Int64", pa.Check.ge(0)),
        "unit": pa.Column(str, pa.Check.isin(["applications", "persons"])),
        "qualifier": pa.Column(str, pa.Check.isin(list(QUALIFIERS))),
        "description": pa.Column(str, _TEXT),
        "source_title": pa.Column(str, _TEXT),
        "source_url": pa.Column(str, pa.Check.str_matches(r"^https?://\S+$")),
        "quality": pa.Column(str, pa.Check.isin(["primary", "secondary"])),
        "note": pa.Column(str, nullable=True),
    },
    unique=["year", "measure", "counted_by"],
    strict=True,
    coerce=True,
    name="nl_asylum_figures",
)


def load_nl_asylum_figures(path: Path | str | None = None) -> pd.DataFrame:
    """The Dutch national asylum figures, validated (one row per figure)."""
    source = Path(path) if path else paths.PROJECT_DATA_DIR / NL_ASYLUM_FILE
    texts = tuple(c for c in COLUMNS if c not in ("year", "value"))
    raw = read_csv_text(source, texts)
    check_columns(raw, COLUMNS, source)
    return validate(raw, SCHEMA, source)
