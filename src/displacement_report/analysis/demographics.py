"""Children and women among the displaced, from the demographics table.

UNHCR's demographics table covers only its latest year; for any other report year
the functions here return None and the notebook says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

CHILD_BANDS = ("0_4", "5_11", "12_17")
ADULT_BANDS = ("18_59", "60")
#: Population types counted as forcibly displaced in the demographics table. Its IDPs
#: are UNHCR's (the people it counts as internally displaced), not IDMC's, which the
#: report uses everywhere else: IDMC gives no ages.
DISPLACED_TYPES = ("REF", "ASY", "OIP", "IDP")
INTERNALLY_DISPLACED = "IDP"


@dataclass(frozen=True)
class AgeSexProfile:
    year: int
    share_children: float  # percent of people whose age is known
    share_female: float  # percent of people whose sex is known
    people_with_age: int
    people_total: int
    #: Of `people_total`, the internally displaced as UNHCR counts them (not IDMC).
    internally_displaced: int = 0

    @property
    def coverage(self) -> float:
        """Percent of the people in the table whose age band is known."""
        return 100 * self.people_with_age / self.people_total if self.people_total else 0.0


def covered_years(demographics: pd.DataFrame) -> list[int]:
    return sorted(int(y) for y in demographics["year"].dropna().unique())


def age_sex_profile(
    demographics: pd.DataFrame, year: int, pop_types=DISPLACED_TYPES
) -> AgeSexProfile | None:
    rows = demographics[(demographics["year"] == year) & demographics["pop_type"].isin(pop_types)]
    if rows.empty:
        return None
    band = lambda bands: [f"{sex}_{b}" for sex in ("f", "m") for b in bands]  # noqa: E731
    children = rows[band(CHILD_BANDS)].fillna(0).sum().sum()
    with_age = children + rows[band(ADULT_BANDS)].fillna(0).sum().sum()
    female = rows["f_total"].fillna(0).sum()
    with_sex = female + rows["m_total"].fillna(0).sum()
    return AgeSexProfile(
        year=year,
        share_children=float(100 * children / with_age) if with_age else float("nan"),
        share_female=float(100 * female / with_sex) if with_sex else float("nan"),
        people_with_age=int(with_age),
        people_total=int(rows["total"].fillna(0).sum()),
        internally_displaced=int(
            rows.loc[rows["pop_type"] == INTERNALLY_DISPLACED, "total"].fillna(0).sum()
        ),
    )


#: Population types of the people a country hosts from abroad (refugees, asylum-seekers,
#: other people in need of international protection).
HOSTED_TYPES = ("REF", "ASY", "OIP")
#: Fewer people than this whose age and sex are known make no pyramid: percentages of a
#: handful of people say nothing about a population (the profile says so instead).
PYRAMID_MIN_PEOPLE = 100
#: The age bands of the table, youngest first, as readers name them.
AGE_BANDS = {"0_4": "0–4", "5_11": "5–11", "12_17": "12–17", "18_59": "18–59", "60": "60+"}


@dataclass(frozen=True)
class Pyramid:
    """People by age band and sex in one host country (bands youngest first, columns
    'female' and 'male'), and how many of the people in the table that is."""

    host: str
    year: int
    people: pd.DataFrame
    people_total: int  # everyone of these types in the table, age and sex known or not

    @property
    def people_with_age_and_sex(self) -> int:
        return int(self.people.to_numpy().sum())

    @property
    def coverage(self) -> float:
        """Percent of the people in the table whose age band and sex are known."""
        return 100 * self.people_with_age_and_sex / self.people_total if self.people_total else 0.0

    @property
    def too_few(self) -> bool:
        """Too few people with known age and sex for percentages to mean anything."""
        return self.people_with_age_and_sex < PYRAMID_MIN_PEOPLE

    def shares(self) -> pd.DataFrame:
        """Each band and sex in percent of the people whose age and sex are known."""
        return 100 * self.people / self.people_with_age_and_sex


def age_sex_pyramid(
    demographics: pd.DataFrame, host: str, year: int, pop_types=HOSTED_TYPES
) -> Pyramid | None:
    """The age and sex of the people `host` hosts in `year`; None where the table has no
    row for it, or no one in it whose age band is known (never an empty pyramid)."""
    rows = demographics[
        (demographics["year"] == year)
        & (demographics["coa_iso"] == host)
        & demographics["pop_type"].isin(pop_types)
    ]
    people = pd.DataFrame(
        {
            sex: [int(rows[f"{prefix}_{band}"].fillna(0).sum()) for band in AGE_BANDS]
            for sex, prefix in (("female", "f"), ("male", "m"))
        },
        index=pd.Index(list(AGE_BANDS.values()), name="age"),
    )
    if rows.empty or not people.to_numpy().sum():
        return None
    return Pyramid(host, year, people, int(rows["total"].fillna(0).sum()))
