"""Functions that recompute a claim's quantity for any year from the data.

`CHECKS` maps the check named in the ledger to a `Check`: a function(inputs, year)
and the sources it reads. A year the data cannot answer (before the first year of a
source, twenty years back before 1990, 'since 2015' for a year before 2016) raises
`NoFigureForYear` with the reason, which the assessment shows as 'no figure for <year>'.
Reasons and details are for readers: written in the active language when raised.
Nothing here reads files: the caller loads the frames into `ClaimInputs`.
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from babel.lists import format_list
from babel.numbers import format_decimal

from displacement_report import letter
from displacement_report.analysis import exchange, headline, hosting, neighbours, solutions
from displacement_report.i18n import _, country_name, locale_code

#: Members of IGAD, the Horn of Africa's regional organisation.
HORN_OF_AFRICA = ("DJI", "ERI", "ETH", "KEN", "SOM", "SSD", "SDN", "UGA")
#: The year the letter compares with ('in vergelijking tot 2015', 'sinds 2015').
SINCE = 2015
#: 'De afgelopen decennia': the share of the world's population is compared over 20 years.
DECADES = 20


class NoFigureForYear(LookupError):
    """The data hold no figure for this claim in the year asked; the message says why."""


@dataclass(frozen=True)
class ClaimInputs:
    """The frames the data checks read (loaded by the caller)."""

    population: pd.DataFrame
    unrwa: pd.DataFrame
    idmc: pd.DataFrame
    world_population: pd.Series
    wb_population: pd.DataFrame
    gdp: pd.DataFrame
    income_groups: pd.DataFrame
    ldcs: pd.DataFrame
    regions: pd.Series  # ISO3 -> UNHCR region
    solutions: pd.DataFrame | None = None
    amounts: pd.DataFrame | None = None  # figures read in documents (data/spending)


@dataclass(frozen=True)
class Measure:
    """A recomputed value with a detail the reader needs ('fell in 2016 and 2025') and,
    for a trend, each year's change `(year, change)`."""

    value: float
    detail: str = ""
    changes: tuple[tuple[str, float], ...] = ()
    ids: tuple[str, ...] = ()  # figures read in documents that the value rests on


@dataclass(frozen=True)
class Check:
    """How one claim's quantity is recomputed, which databases that reads, and which
    published figures report the same measure: `published_as` matches the description
    of such a figure in the reference files ('' where nothing published measures it).
    A claim's published figure must match it, or the columns would mix two measures."""

    compute: Callable[[ClaimInputs, int], float | Measure]
    worldbank: bool = False
    published_as: str = ""
    ecb: bool = False
    geonames: bool = False
    unhcr: bool = True
    #: For a change over a span: the year a value for `year` starts from.
    since: Callable[[int], int] | None = None

    def period(self, year: int) -> str:
        """The period a value for `year` covers: '2015 to 2019' for a change."""
        return f"{self.since(year)} to {year}" if self.since else str(year)

    def __call__(self, inputs: ClaimInputs, year: int) -> float | Measure:
        return self.compute(inputs, year)

    def reports(self, description: str) -> bool:
        """Whether a published figure so described is this check's measure."""
        return bool(self.published_as) and re.search(self.published_as, description) is not None


#: The headline table per population frame: recomputing it for every claim and year
#: would dominate the assessment (the frames are never changed in place).
_BY_YEAR: dict[tuple[int, int, int], tuple[weakref.ref, pd.DataFrame]] = {}


def _by_year(inputs: ClaimInputs) -> pd.DataFrame:
    key = (id(inputs.population), id(inputs.unrwa), id(inputs.idmc))
    cached = _BY_YEAR.get(key)
    if cached and cached[0]() is inputs.population:
        return cached[1]
    table = headline.displacement_by_year(inputs.population, inputs.unrwa, inputs.idmc)
    if len(_BY_YEAR) > 8:  # frames of earlier runs or tests
        _BY_YEAR.clear()
    _BY_YEAR[key] = (weakref.ref(inputs.population), table)
    return table


def covered_years(inputs: ClaimInputs) -> range:
    """The years every source of the headline total covers (IDMC starts in 1990)."""
    common = set(_by_year(inputs).index.astype(int))
    if not common:
        return range(0)
    return range(min(common), max(common) + 1)


def _need_total(inputs: ClaimInputs, year: int) -> None:
    span = covered_years(inputs)
    if year not in span:
        raise NoFigureForYear(
            _("the UNHCR, UNRWA and IDMC figures together cover {first}-{last}").format(
                first=span.start, last=span.stop - 1
            )
            if len(span)
            else _("the UNHCR, UNRWA and IDMC figures share no year")
        )


def _parts(inputs: ClaimInputs, year: int) -> pd.Series:
    """The headline total and its five parts at the end of `year`."""
    _need_total(inputs, year)
    row = _by_year(inputs).loc[year]
    assert isinstance(row, pd.Series)  # one row per year
    return row


def _total(inputs: ClaimInputs, year: int) -> float:
    return float(_parts(inputs, year)[headline.TOTAL])


def _share_of_world(inputs: ClaimInputs, year: int) -> float:
    if year not in inputs.world_population.index or pd.isna(inputs.world_population.get(year)):
        raise NoFigureForYear(_("no World Bank world population for {year}").format(year=year))
    return 100 * _total(inputs, year) / float(inputs.world_population.loc[year])


def _share_change_over_decades(inputs: ClaimInputs, year: int) -> float:
    return _share_of_world(inputs, year) - _share_of_world(inputs, year - DECADES)


def _change_since(inputs: ClaimInputs, year: int) -> float:
    if year <= SINCE:
        raise NoFigureForYear(
            _("the claim compares with {since}; {year} is not after it").format(
                since=SINCE, year=year
            )
        )
    return _total(inputs, year) - _total(inputs, SINCE)


def _smallest_yearly_change(inputs: ClaimInputs, year: int) -> Measure:
    if year <= SINCE:
        raise NoFigureForYear(
            _("the claim runs from {since}; {year} is not after it").format(since=SINCE, year=year)
        )
    totals = {y: _total(inputs, y) for y in range(SINCE, year + 1)}
    changes = {b: totals[b] - totals[a] for a, b in itertools.pairwise(totals)}
    falls = [str(y) for y, change in changes.items() if change < 0]
    detail = (
        _("fell in {years}").format(years=format_list(falls, locale=locale_code()))
        if falls
        else _("rose every year")
    )
    steps = tuple((str(y), float(c)) for y, c in changes.items())
    return Measure(float(min(changes.values())), detail, steps)


def hosting_table_for(inputs: ClaimInputs, year: int) -> pd.DataFrame:
    """The hosting table of `year` (burden, income group, LDC) from the claim inputs."""
    if year not in set(inputs.population["year"].astype(int)):
        raise NoFigureForYear(_("no UNHCR population figures for {year}").format(year=year))
    table, _joins, _origins = hosting.hosting_table(
        inputs.population,
        inputs.unrwa,
        inputs.wb_population,
        inputs.gdp,
        inputs.income_groups,
        inputs.ldcs,
        year,
    )
    return table


def _lmic_share(inputs: ClaimInputs, year: int) -> float:
    table = hosting_table_for(inputs, year)
    if table["is_low_or_middle"].isna().all():
        raise NoFigureForYear(_("no World Bank income groups for {year}").format(year=year))
    return float(hosting.share_hosted(table, table["is_low_or_middle"]))


def _refugees_in_region(inputs: ClaimInputs, year: int) -> tuple[float, float]:
    """(refugees and others in need of protection in their UNHCR region of origin, all of
    them with a known region of origin and of asylum), end of `year`."""
    rows = inputs.population[inputs.population["year"] == year]
    if rows.empty:
        raise NoFigureForYear(_("no UNHCR population figures for {year}").format(year=year))
    origin = rows["coo_iso"].map(inputs.regions)
    host = rows["coa_iso"].map(inputs.regions)
    people = rows["refugees"].astype(float) + rows["oip"].fillna(0).astype(float)
    known = origin.notna() & host.notna()
    return float(people[known & (origin == host)].sum()), float(people[known].sum())


def _refugees_in_region_share(inputs: ClaimInputs, year: int) -> float:
    inside, known = _refugees_in_region(inputs, year)
    return 100 * inside / known


def _refugees_in_neighbouring_share(inputs: ClaimInputs, year: int) -> float:
    """Global Trends' measure: refugees and OIP in a country bordering their own."""
    share = neighbours.neighbouring_share(inputs.population, year)
    if pd.isna(share):
        raise NoFigureForYear(_("no UNHCR population figures for {year}").format(year=year))
    return float(share)


#: The reception-in-the-region line of the development budget, and the stage the
#: letter could know (the draft budget, ontwerpbegroting).
OIR_LINE, LETTER_STAGE = "nl_oir_line", "budget_draft"


def _draft_line(inputs: ClaimInputs, year: int) -> tuple[float, str]:
    """The line's draft budget for `year` in EUR, the stage the letter could know, and
    the id of the document figure it is."""
    amounts = inputs.amounts
    if amounts is not None and len(amounts):
        line = amounts[
            (amounts["topic"] == OIR_LINE)
            & (amounts["amount_kind"] == LETTER_STAGE)
            & (amounts["unit"] == "EUR")
            & (amounts["period_start"] == year)
            & (amounts["period_end"] == year)
        ]
        if len(line):
            largest = line.sort_values("amount").iloc[-1]
            return float(largest["amount"]), str(largest["amount_id"])
    raise NoFigureForYear(
        _("no draft budget of the reception-in-the-region line was found for {year}").format(
            year=year
        )
    )


def _economies(inputs: ClaimInputs, year: int) -> pd.Series:
    """GDP in current US dollars (GDP per head times population, World Bank) of the
    letter's eight countries in `year`, where both are known."""
    gdp = inputs.gdp[(inputs.gdp["year"] == year) & inputs.gdp["iso3"].isin(letter.FOCUS_COUNTRIES)]
    people = inputs.wb_population[inputs.wb_population["year"] == year].set_index("iso3")
    per_head = gdp.set_index("iso3")["gdp_pc_current_usd"].astype(float)
    economies = (per_head * people["population"].reindex(per_head.index).astype(float)).dropna()
    if economies.empty:
        raise NoFigureForYear(_("no World Bank GDP figures for {year}").format(year=year))
    return economies


def _line_share_of_smallest_host_economy(inputs: ClaimInputs, year: int) -> Measure:
    """The whole reception-in-the-region line of `year` (draft budget) in US dollars at
    the ECB's annual average rate, as a percentage of the GDP of the smallest economy
    among the letter's eight countries: an upper bound of the line's weight in any one
    host's economy, since it is spread over all eight."""
    euros, amount_id = _draft_line(inputs, year)
    try:
        rate = exchange.annual_average("USD", year)
    except exchange.NoRate:
        raise NoFigureForYear(
            _("no ECB annual average rate for {year}").format(year=year)
        ) from None
    economies = _economies(inputs, year)
    smallest = str(economies.idxmin())
    names = inputs.gdp.loc[inputs.gdp["iso3"] == smallest, "country_name"]
    detail = _("smallest of the eight economies: {country}, USD {gdp} billion; {rate}").format(
        country=country_name(smallest, str(names.iloc[0]) if len(names) else smallest),
        gdp=format_decimal(economies[smallest] / 1e9, format="#,##0.0", locale=locale_code()),
        rate=rate.describe(),
    )
    missing = [country_name(iso3, iso3) for iso3 in letter.FOCUS_COUNTRIES if iso3 not in economies]
    if missing:
        detail += "; " + _("no GDP figure for {countries}").format(
            countries=format_list(missing, locale=locale_code())
        )
    return Measure(100 * euros * rate.rate / float(economies[smallest]), detail, ids=(amount_id,))


def _displaced_in_region_share(inputs: ClaimInputs, year: int) -> float:
    """The letter's ontheemden: refugees (UNHCR and UNRWA) and IDPs. IDPs and Palestine
    refugees under UNRWA's mandate (all in the Middle East) stay in their region."""
    inside, known = _refugees_in_region(inputs, year)
    parts = _parts(inputs, year)
    staying = float(parts["idps"]) + float(parts["unrwa_refugees"])
    return 100 * (inside + staying) / (known + staying)


def _displaced_in(inputs: ClaimInputs, year: int, hosts: tuple[str, ...]) -> float:
    _need_total(inputs, year)
    table = headline.totals_for_hosts(inputs.population, inputs.unrwa, inputs.idmc, year, hosts)
    return float(table[headline.TOTAL].loc["Total"])


def _focus_share(inputs: ClaimInputs, year: int) -> float:
    share = headline.refugee_share_hosted_by(
        inputs.population, inputs.unrwa, year, letter.FOCUS_COUNTRIES
    )
    if share is None:
        raise NoFigureForYear(_("no refugees recorded for {year}").format(year=year))
    return share


def _turkey_rank(inputs: ClaimInputs, year: int) -> float:
    ranked = headline.top_hosts(inputs.population, year, n=500, columns=("refugees",))
    position = ranked.index[ranked["iso3"] == "TUR"]
    if not len(position):
        raise NoFigureForYear(_("no refugees recorded in Türkiye for {year}").format(year=year))
    return float(position[0] + 1)


def _solutions_rate(inputs: ClaimInputs, year: int) -> float:
    if inputs.solutions is None:
        raise NoFigureForYear(_("UNHCR's solutions table was not loaded"))
    covered = set(inputs.solutions["year"].astype(int))
    stock_years = set(inputs.population["year"].astype(int))
    if year not in covered or year - 1 not in stock_years:
        raise NoFigureForYear(
            _("UNHCR's solutions table covers {first}-{last}").format(
                first=min(covered), last=max(covered)
            )
            if covered
            else _("UNHCR's solutions table is empty")
        )
    table = solutions.solutions_by_year(inputs.solutions, inputs.population, year, year)
    return float(table["all_solutions_pct"].loc[year])


def _refugees_incl_unrwa(inputs: ClaimInputs, year: int) -> float:
    parts = _parts(inputs, year)
    return float(parts["refugees"]) + float(parts["unrwa_refugees"])


def _idps(inputs: ClaimInputs, year: int) -> float:
    return float(_parts(inputs, year)["idps"])


#: Check name in the ledger -> how the claim's quantity is recomputed for a year.
#: What published_headlines.csv calls the headline total ("..., end-2019"), and what
#: UNHCR's mid-year figure is called in the claims check's own documented figures.
_TOTAL = r"^Forcibly displaced worldwide"

CHECKS: dict[str, Check] = {
    "forcibly_displaced_total": Check(_total, published_as=_TOTAL),
    "refugees_incl_unrwa": Check(
        _refugees_incl_unrwa, published_as=r"^Refugees total \(UNHCR mandate \+ UNRWA\)"
    ),
    "idps_idmc": Check(_idps, published_as=r"^Internally displaced (people|persons)"),
    "displaced_share_of_world": Check(
        _share_of_world,
        worldbank=True,
        published_as=r"^1 in N people in the world forcibly displaced",
    ),
    "displaced_share_change_20_years": Check(
        _share_change_over_decades, worldbank=True, since=lambda year: year - DECADES
    ),
    "displaced_change_since_2015": Check(
        _change_since, published_as=_TOTAL, since=lambda _year: SINCE
    ),
    "displaced_in_region_of_origin": Check(_displaced_in_region_share),
    "refugees_in_region_of_origin": Check(_refugees_in_region_share),
    "refugees_in_neighbouring_countries": Check(
        _refugees_in_neighbouring_share,
        published_as=r"in neighbouring countries",
        geonames=True,
    ),
    "lmic_share": Check(
        _lmic_share, worldbank=True, published_as=r"in low- and middle-income countries"
    ),
    "displaced_in_horn_of_africa": Check(lambda i, y: _displaced_in(i, y, HORN_OF_AFRICA)),
    "focus_share_of_refugees": Check(_focus_share),
    "turkey_rank_as_host": Check(
        _turkey_rank, published_as=r"^Rank of Türkiye among refugee-hosting countries"
    ),
    "solutions_rate": Check(_solutions_rate),
    "smallest_yearly_change_since_2015": Check(
        _smallest_yearly_change, published_as=_TOTAL, since=lambda _year: SINCE
    ),
    "oir_line_share_of_smallest_host_economy": Check(
        _line_share_of_smallest_host_economy, worldbank=True, ecb=True, unhcr=False
    ),
}
