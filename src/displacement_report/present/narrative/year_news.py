"""The year's news in sentences, as Global Trends leads with it: the change on the year
before, the group that moved most, the refugees who went home, one person in N.
Chapter 1 and the 'At a glance' page both open with them.

Each figure goes through `mark(text, value, reference)`, which the caller chooses: as
it is (`plain`) in a chapter, a span carrying the value and its exhibit on the summary
page."""

from __future__ import annotations

from collections.abc import Callable

from displacement_report.analysis.year_news import Returns, YearChange
from displacement_report.i18n import _
from displacement_report.present.format import count, millions, percent

#: (formatted figure, its value, '@fig:name' of the exhibit it comes from) -> markup
Mark = Callable[[str, float, str], str]


def plain(text: str, _value: float, _reference: str = "") -> str:
    return text


def see(reference: str) -> str:
    """' (@fig:name)', which the report turns into a link 'Figure 1.1'; '' without one."""
    return f" ({reference})" if reference else ""


def year_change_sentence(change: YearChange, reference: str = "", mark: Mark = plain) -> str:
    """'In 2025 the number of forcibly displaced people fell for the first time since
    2016: from 124.7 million at the end of 2024 to 119.3 million, 5.4 million (4.3%)
    fewer.' The trend it turns or continues is read from the data."""
    fields = {
        "year": change.year,
        "previous_year": change.year - 1,
        "now": mark(millions(change.total), change.total, reference),
        "before": mark(millions(change.previous), change.previous, reference),
        "change": millions(abs(change.change)),
        "percent": percent(abs(change.change_pct), 1),
        "since": change.last_alike,
        "first": change.first_year,
        "n": change.run,
        "see": see(reference),
    }
    if change.direction == 0:
        return _(
            "In {year} the number of forcibly displaced people was the same as a year "
            "earlier: {now}{see}."
        ).format(**fields)
    rose = change.direction > 0
    if change.run > 1:
        text = (
            _(
                "In {year} the number of forcibly displaced people rose again, {n} years in a "
                "row: from {before} at the end of {previous_year} to {now}, {change} "
                "({percent}) more{see}."
            )
            if rose
            else _(
                "In {year} the number of forcibly displaced people fell again, {n} years in a "
                "row: from {before} at the end of {previous_year} to {now}, {change} "
                "({percent}) fewer{see}."
            )
        )
    elif change.last_alike is not None:
        text = (
            _(
                "In {year} the number of forcibly displaced people rose for the first time "
                "since {since}: from {before} at the end of {previous_year} to {now}, {change} "
                "({percent}) more{see}."
            )
            if rose
            else _(
                "In {year} the number of forcibly displaced people fell for the first time "
                "since {since}: from {before} at the end of {previous_year} to {now}, {change} "
                "({percent}) fewer{see}."
            )
        )
    else:
        text = (
            _(
                "In {year} the number of forcibly displaced people rose for the first time in "
                "the series, which starts in {first}: from {before} at the end of "
                "{previous_year} to {now}, {change} ({percent}) more{see}."
            )
            if rose
            else _(
                "In {year} the number of forcibly displaced people fell for the first time in "
                "the series, which starts in {first}: from {before} at the end of "
                "{previous_year} to {now}, {change} ({percent}) fewer{see}."
            )
        )
    return text.format(**fields)


def largest_part_sentence(change: YearChange, group: str) -> str:
    """'The largest change was among people displaced inside their own country: 4.9
    million fewer.' (`group`: the part's name as it reads in a sentence)."""
    fields = {"group": group, "change": millions(abs(change.largest_part_change))}
    if change.largest_part_change > 0:
        return _("The largest change was among {group}: {change} more.").format(**fields)
    if change.largest_part_change < 0:
        return _("The largest change was among {group}: {change} fewer.").format(**fields)
    return ""


def _returns(value: float) -> str:
    """Returns in millions with two decimals ('4.36 million'), as Global Trends writes
    them; fewer than a million as a count."""
    return millions(value, 2)


def returns_sentence(returns: Returns, reference: str = "", mark: Mark = plain) -> str:
    """'In 2025, 4.36 million refugees returned home, against 1.62 million in 2024: the
    most since 1972.'"""
    fields = {
        "returned": mark(_returns(returns.returned), returns.returned, reference),
        "year": returns.year,
        "previous_year": returns.year - 1,
        "previous": (
            mark(_returns(returns.previous), returns.previous, reference)
            if returns.previous is not None
            else ""
        ),
        "since": returns.most_since,
        "first": returns.first_year,
        "see": see(reference),
    }
    if returns.previous is None:
        return _("In {year}, {returned} refugees returned home{see}.").format(**fields)
    if returns.most_since is not None:
        return _(
            "In {year}, {returned} refugees returned home, against {previous} in "
            "{previous_year}: the most since {since}{see}."
        ).format(**fields)
    if returns.on_record:
        return _(
            "In {year}, {returned} refugees returned home, against {previous} in "
            "{previous_year}: the most in UNHCR's solutions table, which starts in {first}{see}."
        ).format(**fields)
    return _(
        "In {year}, {returned} refugees returned home, against {previous} in {previous_year}{see}."
    ).format(**fields)


def baseline_sentence(
    change_pct: float, before: float, baseline: int, reference: str = "", mark: Mark = plain
) -> str:
    """'Compared with the end of 2019 (78.4 million), the total rose by 52%.'"""
    if change_pct != change_pct:  # NaN: nobody in the baseline year
        return ""
    fields = {
        "baseline": baseline,
        "before": mark(millions(before), before, reference),
        "change": mark(
            percent(abs(change_pct), 0 if abs(change_pct) >= 10 else 1), change_pct, reference
        ),
        "see": see(reference),
    }
    if change_pct > 0:
        text = _("Compared with the end of {baseline} ({before}), the total rose by {change}{see}.")
    elif change_pct < 0:
        text = _("Compared with the end of {baseline} ({before}), the total fell by {change}{see}.")
    else:
        text = _("The total was the same as at the end of {baseline} ({before}){see}.")
    return text.format(**fields)


def one_in_sentence(n: int) -> str:
    """'Worldwide, 1 in 69 people was forcibly displaced.'"""
    return _("Worldwide, 1 in {n} people was forcibly displaced.").format(n=count(n))


def one_in_phrase(n: int) -> str:
    """'1 in 67 people', as Global Trends writes the share of the world's population."""
    return _("1 in {n} people").format(n=count(n))
