"""Joins on ISO3 that say what they dropped instead of losing it silently."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Joined:
    """A left join's result and the left-hand keys the right-hand side lacked."""

    table: pd.DataFrame
    unmatched: tuple[str, ...]

    def describe(self, what: str) -> str:
        if not self.unmatched:
            return f"Every country matched {what}."
        noun = "country" if len(self.unmatched) == 1 else "countries"
        return f"No {what} for {len(self.unmatched)} {noun}: {', '.join(self.unmatched)}."


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
