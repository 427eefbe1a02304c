"""The focus countries side by side: burden, income, protracted situations, origins."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from displacement_report.analysis.headline import origins_in_host


def focus_overview(
    hosting: pd.DataFrame,
    idmc: pd.DataFrame,
    protracted: pd.DataFrame,
    population: pd.DataFrame,
    focus: Sequence[str],
    year: int,
    origins_per_host: int = 3,
) -> pd.DataFrame:
    """One row per focus country (in the order given). Countries hosting nobody in
    `year` still get a row, with zeros; IDPs are <NA> where IDMC has no figure for the
    country (missing is not zero)."""
    rows = hosting.set_index("iso3").reindex(list(focus))
    idps = idmc[idmc["year"] == year].groupby("coa_iso")["total"].sum()
    situations = protracted.groupby("coa_iso").agg(
        situations=("refugees", "size"), in_situations=("refugees", "sum")
    )
    table = pd.DataFrame(
        {
            "refugees": rows["refugees"].fillna(0).astype("int64"),
            "unrwa_refugees": rows["unrwa_refugees"].fillna(0).astype("int64"),
            "asylum_seekers": rows["asylum_seekers"].fillna(0).astype("int64"),
            "idps": idps.reindex(list(focus)).astype("Int64"),
            "per_1000_incl_unrwa": rows["refugees_incl_unrwa_per_1000"],
            "income_group": rows["income_group"],
            "is_ldc": rows["is_ldc"].fillna(False).astype(bool),
            "situations": situations["situations"].reindex(list(focus)).fillna(0).astype("int64"),
            "in_situations": situations["in_situations"]
            .reindex(list(focus))
            .fillna(0)
            .astype("int64"),
        }
    )
    # (ISO3, the data's name, people): the code, so a table can name it for its readers
    main_origins = [
        list(
            origins_in_host(population, host, year, origins_per_host)[
                ["iso3", "country", "total"]
            ].itertuples(index=False, name=None)
        )
        for host in focus
    ]
    table["main_origins"] = pd.Series(main_origins, index=table.index, dtype=object)
    return table.rename_axis("iso3")


def main_origin_flows(
    overview: pd.DataFrame, n: int = 2, least: int = 1_000, share: float = 0.1
) -> pd.DataFrame:
    """Each focus country's `n` largest origins from `focus_overview` as rows (host,
    origin, people), for the map of the focus countries; an origin of fewer than
    `least` people, or less than `share` of the host's largest, is left out (an arrow
    across the map for 532 people would mislead)."""
    rows = []
    for host, origins in overview["main_origins"].items():
        largest = max((int(people) for _o, _n, people in origins), default=0)
        rows += [
            (host, origin, int(people))
            for origin, _name, people in list(origins)[:n]
            if people >= least and people >= share * largest
        ]
    return pd.DataFrame(rows, columns=["host", "origin", "people"])
