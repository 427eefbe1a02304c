"""Joins on ISO3 that say what they dropped instead of losing it silently."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from displacement_report.i18n import _, ngettext


@dataclass(frozen=True)
class Joined:
    """A left join's result and the left-hand keys the right-hand side lacked."""

    table: pd.DataFrame
    unmatched: tuple[str, ...]

    def describe(self, what: str) -> str:
        """One sentence on the join; `what` is what was joined ('population', marked for
        translation where the join is made)."""
        what = _(what)
        if not self.unmatched:
            return _("Every country matched {what}.").format(what=what)
        return ngettext(
            "No {what} for {n} country: {countries}.",
            "No {what} for {n} countries: {countries}.",
            len(self.unmatched),
        ).format(what=what, n=len(self.unmatched), countries=", ".join(self.unmatched))


def left_join_reporting(
    left: pd.DataFrame, right: pd.DataFrame, on: str = "iso3", label: str = "country"
) -> Joined:
    """Left join on `on`; rows of `left` with no partner keep NaN and are listed by
    their `label` (falling back to the key)."""
    merged = left.merge(right, on=on, how="left", indicator=True)
    lost = merged[merged["_merge"] == "left_only"]
    names = lost[label] if label in lost else lost[on]
    unmatched = tuple(sorted(f"{n} ({k})" for n, k in zip(names, lost[on], strict=True)))
    return Joined(merged.drop(columns="_merge"), unmatched)
