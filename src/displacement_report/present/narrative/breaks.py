"""The note under an exhibit whose series rise by more than 40% in one year, or fall
to less than 1/1.4 of the year before (`analysis.breaks`): each break with its two
values and years, the reason where a source states one, and otherwise that the data
show the change without a stated reason. A reader who sees such a jump without a word
stops trusting the rest."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from displacement_report.analysis.breaks import THRESHOLD, Break
from displacement_report.i18n import N_, _, in_sentence, ngettext
from displacement_report.present.format import count, one_decimal, percent

#: Who shows a change without giving a reason, by the source of the exhibit's series:
#: (one change, several), then the same where the note gave other changes their reason.
UNSTATED = {
    "unhcr": (
        N_("UNHCR's data show this change without a stated reason."),
        N_("UNHCR's data show these changes without a stated reason."),
        N_("UNHCR's data show the other change without a stated reason."),
        N_("UNHCR's data show the other changes without a stated reason."),
    ),
    "unhcr_with_partners": (
        N_(
            "UNHCR's data (with UNRWA's and IDMC's figures as UNHCR publishes them) show this "
            "change without a stated reason."
        ),
        N_(
            "UNHCR's data (with UNRWA's and IDMC's figures as UNHCR publishes them) show "
            "these changes without a stated reason."
        ),
        N_(
            "UNHCR's data (with UNRWA's and IDMC's figures as UNHCR publishes them) show the "
            "other change without a stated reason."
        ),
        N_(
            "UNHCR's data (with UNRWA's and IDMC's figures as UNHCR publishes them) show the "
            "other changes without a stated reason."
        ),
    ),
}


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
    said to be shown without a stated reason by `source` (a key of `UNSTATED`);
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
            # Dutch counts one and many as English does
            one, many, other, others = UNSTATED[source]
            if explained:  # 'this change' after the reasons given would doubt them too
                one, many = other, others
            parts.append(_(one if len(unexplained) == 1 else many))
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
