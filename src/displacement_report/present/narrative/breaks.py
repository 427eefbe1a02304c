"""The note under an exhibit whose series rise by more than 40% in one year, or fall
to less than 1/1.4 of the year before (`analysis.breaks`): each break with its two
values and years, the reason where a source states one, and otherwise that the data
show the change without a stated reason. A reader who sees such a jump without a word
stops trusting the rest."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from displacement_report.analysis.breaks import THRESHOLD, Break
from displacement_report.i18n import N_, _, in_sentence, ngettext
from displacement_report.present.format import (
    count,
    label_in_sentence,
    one_decimal,
    percent,
    spoken_list,
    year_list,
)

#: Whose data show a change without giving a reason, by the source of the exhibit's
#: series; "unhcr_with_partners" names only the partners whose series changed
#: (`PARTNER_SERIES`): Sudan's note named UNRWA, which has no figure there.
WHOSE_DATA = {
    "unhcr": N_("UNHCR's data"),
    "unhcr_with_unrwa": N_("UNHCR's data (with UNRWA's figures as UNHCR publishes them)"),
    "unhcr_with_idmc": N_("UNHCR's data (with IDMC's figures as UNHCR publishes them)"),
    "unhcr_with_partners": N_(
        "UNHCR's data (with UNRWA's and IDMC's figures as UNHCR publishes them)"
    ),
}
#: The series UNHCR publishes from a partner's figures, by column.
PARTNER_SERIES = {"unrwa_refugees": "unrwa", "idps": "idmc"}


def _whose_data(source: str, unexplained: Sequence[Break]) -> str:
    if source != "unhcr_with_partners":
        return WHOSE_DATA[source]
    partners = {PARTNER_SERIES.get(b.series[-1]) for b in unexplained} - {None}
    if partners == {"unrwa", "idmc"}:
        return WHOSE_DATA["unhcr_with_partners"]
    return WHOSE_DATA[f"unhcr_with_{partners.pop()}" if partners else "unhcr"]


def _runs(found: Sequence[Break]) -> list[list[Break]]:
    """The breaks in runs: one series' breaks in years that follow each other are one
    run ('63,881 (2022) to 232,244 (2023) to 638,948 (2024)'), in the order found."""
    runs: list[list[Break]] = []
    for one in found:
        last = runs[-1][-1] if runs else None
        if last is not None and last.series == one.series and last.year == one.before_year:
            runs[-1].append(one)
        else:
            runs.append([one])
    return runs


def _item(run: Sequence[Break], label: str, value: Callable[[float], str]) -> str:
    """'Asylum-seekers in Egypt: 63,881 (2022) to 232,244 (2023) to 638,948 (2024)'."""
    points = [(run[0].before, run[0].before_year)] + [(b.after, b.year) for b in run]
    moves = _("{value} ({year})").format(value=value(points[0][0]), year=points[0][1])
    for amount, year in points[1:]:
        moves = _("{earlier} to {later}").format(
            earlier=moves, later=_("{value} ({year})").format(value=value(amount), year=year)
        )
    return _("{series}: {moves}").format(series=label, moves=moves)


def breaks_note(
    found: Sequence[Break],
    label: Callable[[Break], str],
    since: int,
    earlier: int = 0,
    value: Callable[[float], str] = count,
    source: str = "unhcr",
    reasons: Mapping[tuple[tuple[str, ...], int], str] | None = None,
    smallest: float = 0.0,
) -> str:
    """The note under an exhibit: its breaks from `since` on (`found`), each named by
    `label` and written with `value`; a break whose (series, year) has a reason in
    `reasons` (a source's words, in the edition's language) gives it, the others are
    said to be shown without a stated reason by `source` (a key of `WHOSE_DATA`);
    `earlier`: how many breaks the exhibit shows before `since`; `smallest`: the size
    under which a move was not looked at (`analysis.breaks.find_breaks`). '' without any."""
    if not found and not earlier:
        return ""
    reasons = reasons or {}
    explained = [b for b in found if (b.series, b.year) in reasons]
    unexplained = [b for b in found if (b.series, b.year) not in reasons]
    parts = []
    if found:
        items = [
            " ".join(
                [
                    _item(run, label(run[0]), value),
                    *(
                        _("({reason})").format(reason=reasons[(b.series, b.year)])
                        for b in run
                        if b in explained
                    ),
                ]
            )
            for run in _runs(found)
        ]
        # 'more than 40%' would be wrong for a fall: 1.4 times as large is a fall of 28.6%
        parts.append(
            _(
                "Large changes in one year (one year's figure more than {times} times the "
                "other's) from {since} on: {items}."
            ).format(times=_times(), since=since, items="; ".join(items))
        )
        if unexplained:
            parts.append(_unstated(unexplained, explained, label, source))
    if smallest:
        parts.append(
            _("Groups of fewer than {smallest} people in both years are not listed.").format(
                smallest=count(smallest)
            )
        )
    if earlier:
        parts.append(
            ngettext(
                "Before {since} the exhibit shows {n} more change of this size.",
                "Before {since} the exhibit shows {n} more changes of this size.",
                earlier,
            ).format(since=since, n=earlier)
        )
    return "*" + " ".join(parts) + "*"


def _unstated(
    unexplained: Sequence[Break],
    explained: Sequence[Break],
    label: Callable[[Break], str],
    source: str,
) -> str:
    """Whose data show the changes without a reason; after changes given their reason,
    the others are named, by their years where those tell them apart ('the change of
    2024'), else by their series: 'the other change' left the reader to find which."""
    whose = _(_whose_data(source, unexplained))
    one = len(unexplained) == 1  # Dutch counts one and many as English does
    if not explained:
        return (
            _("{whose} show this change without a stated reason.")
            if one
            else _("{whose} show these changes without a stated reason.")
        ).format(whose=whose)
    years = sorted({b.year for b in unexplained})
    if not set(years) & {b.year for b in explained}:
        return (
            _("{whose} show the change of {years} without a stated reason.")
            if one
            else _("{whose} show the changes of {years} without a stated reason.")
        ).format(whose=whose, years=year_list(years))
    series = list(dict.fromkeys(label_in_sentence(label(run[0])) for run in _runs(unexplained)))
    return (
        _("{whose} show the change in {series} without a stated reason.")
        if one
        else _("{whose} show the changes in {series} without a stated reason.")
    ).format(whose=whose, series=spoken_list(series))


def moves_text(
    found: Sequence[Break], label: Callable[[Break], str], value: Callable[[float], str] = count
) -> str:
    """'Nepal: 400,000 (2005) to 3,400,000 (2006) to 800,000 (2007); Thailand: ...': each
    series' moves, a series' moves in years that follow each other as one run."""
    return "; ".join(_item(run, label(run[0]), value) for run in _runs(found))


def _times() -> str:
    """1 + THRESHOLD as the edition writes it ('1.4', '1,4')."""
    return one_decimal(1 + THRESHOLD)


def panel_labels(names: Mapping[str, str], columns: Mapping[str, str]) -> Callable[[Break], str]:
    """How a break of a chart of small multiples is named: 'Palestine refugees under
    UNRWA's mandate in Lebanon' (the column's label as marked, then the panel's name)."""

    def label(found: Break) -> str:
        panel, column = found.series
        return _("{series} in {panel}").format(
            panel=in_sentence(names.get(panel, panel)), series=_(columns[column])
        )

    return label


def column_labels(columns: Mapping[str, str]) -> Callable[[Break], str]:
    """How a break of a chart of one panel is named: its column's label as marked."""
    return lambda found: _(columns[found.series[-1]])


def whole_percent(value: float) -> str:
    """A rate in a note as the chart's reader reads it: '76%'."""
    return percent(value, 0)
