"""The claims ledger: every quantitative statement of the January 2021 letter, one row
each, with how it can be checked (`data/claims/ledger.csv`), and the numbers of the
letter that are not claims, with the reason (`data/claims/excluded_numbers.csv`).

Each claim carries the letter's own words (`letter_quote`: the shortest complete
sentence or clause holding the figure, verbatim, footnote numbers included as printed
and listed in `quote_footnotes`), and every text this report wrote for readers in
English and Dutch (`section`/`section_nl`, `measure`/`measure_nl`, `reason`/`reason_nl`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from displacement_report import letter, paths
from displacement_report.data.cache import load_small
from displacement_report.data.readers import read_csv_text
from displacement_report.data.validation import check_columns, validate
from displacement_report.errors import DataFileError

CLAIMS_DIR = paths.PROJECT_DATA_DIR / "claims"
REFERENCE_FIGURES_FILE = "sourced_figures.csv"
PUBLISHED_HEADLINES_FILE = "published_headlines.csv"

WORDINGS = (
    "exact",
    "about",
    "almost",
    "more_than",
    "majority",
    "majority_by_far",
    "range",
    "top",
    "increase",
    "decrease",
    "only_increase",
    "significant_share",
    "limited",
)
KINDS = ("count", "share", "change", "range", "money")
#: How a claim is checked: recomputed from the data, against a figure read in a public
#: document, against an IATI activity file (when one is given), or not at all.
METHODS = ("data", "reference", "iati", "not_checkable")
#: 'current' claims describe the state of affairs when the letter was written (checked
#: again for the report year); 'historical' claims are about a named year or period.
TIMINGS = ("current", "historical")
LEDGER_COLUMNS = (
    "claim_id",
    "section",
    "section_nl",
    "paraphrase",
    "letter_text",
    "letter_quote",
    "quote_footnotes",
    "stated_value",
    "stated_high",
    "unit",
    "period",
    "year_then",
    "wording",
    "kind",
    "timing",
    "method",
    "check",
    "published_then",
    "revised_then",
    "reference_now",
    "measure",
    "measure_nl",
    "reason",
    "reason_nl",
    "second_reading",
    "second_label",
    "second_label_nl",
    "later_decisions",
)
#: Columns of text this report wrote for readers, each with its Dutch column.
TRANSLATED_COLUMNS = ("section", "measure", "reason", "second_label")
#: A figure id of the reference files (F: sourced figures, G and P: Global Trends as
#: published, from any page and from UNHCR's own; A: the project's amounts; D: figures
#: the claims check read in documents itself), alone or in one of the forms
#: `analysis.claims.references` evaluates; `;` separates one figure per year.
_ID = r"[FGPAD]\d{3}"
_ONE = (
    rf"({_ID}|ratio:{_ID}(\+{_ID})*/{_ID}|inverse:{_ID}|change:{_ID}>{_ID}"
    rf"|smallest_change:{_ID}(>{_ID})+|eur_in_usd_share:{_ID}/{_ID}|usd_in_eur:{_ID})"
)
_REFERENCE = rf"^{_ONE}(;{_ONE})*$"
#: A second reading of a claim: another recomputation (`check:<name>`) or a published
#: figure of another measure, shown as such beside the claim's own measure.
_SECOND = rf"^(check:[a-z0-9_]+|{_ONE})$"

LEDGER_SCHEMA = pa.DataFrameSchema(
    {
        "claim_id": pa.Column(str, pa.Check.str_matches(r"^C\d{2}$"), unique=True),
        "section": pa.Column(str),
        "section_nl": pa.Column(str, pa.Check.str_length(min_value=2)),
        "paraphrase": pa.Column(str, pa.Check.str_length(min_value=10)),
        "letter_text": pa.Column(str, nullable=True),
        "letter_quote": pa.Column(str, pa.Check.str_length(min_value=10)),
        "quote_footnotes": pa.Column(str, pa.Check.str_matches(r"^\d+(;\d+)*$"), nullable=True),
        "stated_value": pa.Column(float),
        "stated_high": pa.Column(float, nullable=True),
        "unit": pa.Column(str),
        "period": pa.Column(str),
        "year_then": pa.Column("Int64", pa.Check.in_range(1990, 2021), nullable=True),
        "wording": pa.Column(str, pa.Check.isin(WORDINGS)),
        "kind": pa.Column(str, pa.Check.isin(KINDS)),
        "timing": pa.Column(str, pa.Check.isin(TIMINGS)),
        "method": pa.Column(str, pa.Check.isin(METHODS)),
        "check": pa.Column(str, nullable=True),
        "published_then": pa.Column(str, pa.Check.str_matches(_REFERENCE), nullable=True),
        "revised_then": pa.Column(str, pa.Check.str_matches(_REFERENCE), nullable=True),
        "reference_now": pa.Column(str, pa.Check.str_matches(_REFERENCE), nullable=True),
        "measure": pa.Column(str, nullable=True),
        "measure_nl": pa.Column(str, nullable=True),
        "reason": pa.Column(str, nullable=True),
        "reason_nl": pa.Column(str, nullable=True),
        "second_reading": pa.Column(str, pa.Check.str_matches(_SECOND), nullable=True),
        "second_label": pa.Column(str, nullable=True),
        "second_label_nl": pa.Column(str, nullable=True),
        "later_decisions": pa.Column(str, pa.Check.str_matches(_REFERENCE), nullable=True),
    },
    checks=[
        pa.Check(
            lambda f: (f["method"] != "data") | (f["check"].notna() & f["year_then"].notna()),
            error="a data claim names its check function and the letter's year",
        ),
        pa.Check(
            lambda f: ~f["method"].isin(["not_checkable", "iati"]) | f["reason"].notna(),
            error="a claim that cannot be checked says why",
        ),
        pa.Check(
            lambda f: (
                (f["method"] != "reference")
                | f["published_then"].notna()
                | f["revised_then"].notna()
                | f["reference_now"].notna()
            ),
            error="a reference claim names a reference figure",
        ),
        pa.Check(
            lambda f: ~f["method"].isin(["data", "reference"]) | f["measure"].notna(),
            error="a checked claim says how it is measured",
        ),
        *(
            pa.Check(
                lambda f, c=column: f[c].isna() == f[f"{c}_nl"].isna(),
                error=f"'{column}' and '{column}_nl' are filled in the same rows",
            )
            for column in ("measure", "reason", "second_label")
        ),
        pa.Check(
            lambda f: f["second_reading"].isna() == f["second_label"].isna(),
            error="a second reading says what it measures and why it differs (second_label)",
        ),
        pa.Check(
            lambda f: pd.Series(
                [
                    not isinstance(figure, str)
                    or not isinstance(quote, str)
                    or figure.lower() in without_footnotes(quote, notes).lower()
                    for figure, quote, notes in zip(
                        f["letter_text"], f["letter_quote"], f["quote_footnotes"], strict=True
                    )
                ],
                index=f.index,
            ),
            error="the letter's quote holds the figure as the letter writes it (letter_text)",
        ),
        pa.Check(
            lambda f: pd.Series(
                [
                    not isinstance(quote, str)
                    or all(footnote_mark(quote, n) for n in footnote_numbers(notes))
                    for quote, notes in zip(f["letter_quote"], f["quote_footnotes"], strict=True)
                ],
                index=f.index,
            ),
            error="every footnote number in quote_footnotes is printed in the quote after a word",
        ),
    ],
    strict=True,
    coerce=True,
    name="claims ledger",
)


def footnote_numbers(notes: object) -> list[str]:
    """'11;12' -> ['11', '12']; nothing for an empty cell."""
    return str(notes).split(";") if isinstance(notes, str) and notes else []


def footnote_mark(quote: str, number: str) -> re.Match[str] | None:
    """Where footnote `number` is printed in `quote`: glued to the end of a word ('Plan9',
    'jaar12', '(MHPSS21)'), else to the end of a figure ('1011': 10, footnote 11), as
    the letter's text has it."""
    after_word = re.search(rf"(?<=[^\s\d(]){number}(?![\d\w])", quote)
    return after_word or re.search(rf"(?<=\d){number}(?=\s)", quote)


def without_footnotes(quote: str, notes: object) -> str:
    """The quote as one reads it, without its footnote numbers ('tussen 10 en 26 jaar')."""
    for number in footnote_numbers(notes):
        mark = footnote_mark(quote, number)
        if mark is not None:
            quote = quote[: mark.start()] + quote[mark.end() :]
    return quote


def load_ledger(path: Path | str | None = None) -> pd.DataFrame:
    """The ledger, with what each verdict rests on where the ledger's columns do not say
    it plainly enough (`basis`, `basis_nl`: `verdict_basis.csv` beside it)."""
    source = Path(path) if path else CLAIMS_DIR / "ledger.csv"

    def build() -> pd.DataFrame:
        texts = tuple(
            c for c in LEDGER_COLUMNS if c not in ("stated_value", "stated_high", "year_then")
        )
        raw = read_csv_text(source, texts)
        check_columns(raw, LEDGER_COLUMNS, source)
        return validate(raw, LEDGER_SCHEMA, source)

    # validated once per process while the file is unchanged: its checks read every
    # quote again (a tenth of a second), and the claims chapter and its checks ask often
    ledger = load_small(source, "claims-ledger", build)
    basis = load_verdict_basis(source.parent / VERDICT_BASIS_FILE)
    unknown = sorted(set(basis.index) - set(ledger["claim_id"]))
    if unknown:
        raise DataFileError(f"{VERDICT_BASIS_FILE}: no claim {unknown[0]} in {source}")
    return ledger.join(basis, on="claim_id")


#: Per claim whose verdict rests on thin or borrowed evidence (a figure of another year,
#: one secondary source, part of what the letter says): what it rests on, both languages.
VERDICT_BASIS_FILE = "verdict_basis.csv"
VERDICT_BASIS_COLUMNS = ("claim_id", "basis", "basis_nl")


def load_verdict_basis(path: Path | str) -> pd.DataFrame:
    """`verdict_basis.csv` by claim id (empty where there is no such file)."""
    source = Path(path)
    if not source.is_file():
        return pd.DataFrame(columns=["basis", "basis_nl"], index=pd.Index([], name="claim_id"))
    raw = read_csv_text(source, VERDICT_BASIS_COLUMNS)
    check_columns(raw, VERDICT_BASIS_COLUMNS, source)
    empty = raw[raw[list(VERDICT_BASIS_COLUMNS)].isna().any(axis=1)]
    if len(empty):
        raise DataFileError(f"{source}: {empty['claim_id'].iloc[0]} lacks a text in a language")
    return raw.set_index("claim_id")


def stated(ledger: pd.DataFrame, claim_id: str) -> pd.Series:
    """One claim's row of the ledger: the figure as the letter states it, its wording."""
    if claim_id not in set(ledger["claim_id"]):
        raise KeyError(f"claim {claim_id} is not in the ledger")
    row = ledger.set_index("claim_id").loc[claim_id]
    assert isinstance(row, pd.Series)  # claim ids are unique (LEDGER_SCHEMA)
    return row


def load_excluded_numbers(path: Path | str | None = None) -> pd.DataFrame:
    source = Path(path) if path else CLAIMS_DIR / "excluded_numbers.csv"
    raw = read_csv_text(source, ("token", "reason"))
    check_columns(raw, ("token", "reason"), source)
    return raw


_FIGURE_TEXTS = ("figure_id", "unit", "period", "source_title", "source_url")
PUBLISHED_COLUMNS = (
    "figure_id",
    "topic",
    "description",
    "value",
    "unit",
    "period",
    "geography",
    "source_title",
    "source_url",
    "quote",
    "quality",
)


def load_reference_figures(path: Path | str | None = None) -> pd.DataFrame:
    """The shared file of figures read on public pages (figure_id, value, unit, ...)."""
    source = Path(path) if path else paths.reference_dir() / REFERENCE_FIGURES_FILE
    raw = read_csv_text(source, _FIGURE_TEXTS)
    return raw.set_index("figure_id")


def load_published_headlines(path: Path | str | None = None) -> pd.DataFrame:
    """UNHCR's Global Trends headline figures as published at the time (G001-...), each
    with its citation and quality (primary or secondary)."""
    source = Path(path) if path else paths.reference_dir() / PUBLISHED_HEADLINES_FILE
    raw = read_csv_text(source, (*_FIGURE_TEXTS, "quality"))
    check_columns(raw, PUBLISHED_COLUMNS, source)
    return raw.set_index("figure_id")


def load_reference_quality(path: Path | str | None = None) -> pd.DataFrame:
    """Whether each sourced figure the ledger cites comes from a primary source (the
    issuing organisation's own page) or a secondary one (news, reposts), with why:
    `sourced_figures.csv` does not say, `published_headlines.csv` and the amounts do."""
    source = Path(path) if path else paths.PROJECT_DATA_DIR / "claims" / "reference_quality.csv"
    raw = read_csv_text(source, ("figure_id", "quality", "why"))
    check_columns(raw, ("figure_id", "quality", "why"), source)
    bad = raw[~raw["quality"].isin(["primary", "secondary"])]
    if len(bad):
        raise DataFileError(
            f"{source}: quality must be primary or secondary, not {bad['quality'].iloc[0]!r}"
        )
    return raw.set_index("figure_id")


def letter_text(path: Path | str | None = None) -> str:
    return Path(path or letter.TEXT_PATH).read_text(encoding="utf-8")


DOCUMENTED_FILE = "documented_figures.csv"
DOCUMENTED_COLUMNS = (
    "figure_id",
    "description",
    "value",
    "unit",
    "period",
    "first_year",
    "last_year",
    "publication",
    "publication_nl",
    "source_title",
    "source_url",
    "quality",
    "quote",
)

DOCUMENTED_SCHEMA = pa.DataFrameSchema(
    {
        "figure_id": pa.Column(str, pa.Check.str_matches(r"^D\d{3}$"), unique=True),
        "description": pa.Column(str, pa.Check.str_length(min_value=10)),
        "value": pa.Column(float),
        "unit": pa.Column(str),
        "period": pa.Column(str),
        "first_year": pa.Column(int, pa.Check.in_range(1990, 2100)),
        "last_year": pa.Column(int, pa.Check.in_range(1990, 2100)),
        "publication": pa.Column(str, pa.Check.str_length(min_value=5)),
        "publication_nl": pa.Column(str, pa.Check.str_length(min_value=5)),
        "source_title": pa.Column(str, pa.Check.str_length(min_value=5)),
        "source_url": pa.Column(str, pa.Check.str_startswith("http")),
        "quality": pa.Column(str, pa.Check.isin(["primary", "secondary"])),
        "quote": pa.Column(str, pa.Check.str_length(min_value=10)),
    },
    checks=[
        pa.Check(
            lambda f: f["first_year"] <= f["last_year"],
            error="a figure's first year is not after its last",
        )
    ],
    strict=True,
    coerce=True,
    name="documented figures",
)


def load_documented_figures(path: Path | str | None = None) -> pd.DataFrame:
    """Figures the claims check read in public documents itself (D001-...), where the
    shared reference data hold none: each with its publication (named in English and
    Dutch), source, quality and the page's own words (`quote`). `first_year`-`last_year`
    are the years the figure describes, each of them (the partners of a programme
    phase), not a total over them."""
    source = Path(path) if path else CLAIMS_DIR / DOCUMENTED_FILE
    raw = read_csv_text(
        source,
        tuple(c for c in DOCUMENTED_COLUMNS if c not in ("value", "first_year", "last_year")),
    )
    check_columns(raw, DOCUMENTED_COLUMNS, source)
    return validate(raw, DOCUMENTED_SCHEMA, source).set_index("figure_id")
