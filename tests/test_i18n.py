"""The report's languages: the active language, its catalogue, CLDR names and number
formats, the `language` parameter, language-tagged cells and message extraction."""

from __future__ import annotations

import io
import json
import re
import shutil

import nbformat
import pytest

from displacement_report import i18n, letter
from displacement_report.catalogue import extract_notebook
from displacement_report.errors import ParameterError
from displacement_report.present import format as fmt
from displacement_report.report import editions
from displacement_report.settings import parse_settings


def test_numbers_dates_and_names_follow_the_edition_language():
    with i18n.using("nl"):
        assert fmt.count(20_414_669) == "20.414.669"
        assert fmt.percent(12.345) == "12,3%"
        assert fmt.millions(26_012_345) == "26,0 miljoen"
        assert letter.citation() == "Kamerstuk 35 570 XVII, nr. 52 (25 januari 2021)"
        assert i18n.country_name("SYR", "Syrian Arab Rep.") == "Syrië"
        assert i18n.country_name("NLD", "Netherlands (Kingdom of the)") == "Nederland"
        assert i18n.country_name("XXA", "Stateless") == "Staatloos"
    assert fmt.count(20_414_669) == "20,414,669"
    assert fmt.millions(26_012_345) == "26.0 million"
    assert letter.citation() == "Kamerstuk 35 570 XVII, nr. 52 (25 January 2021)"
    assert i18n.country_name("IRN", "Iran (Islamic Rep. of)") == "Iran"
    assert i18n.country_name("COD", "Dem. Rep. of the Congo") == "DR Congo"


def test_a_name_covering_more_than_the_cldr_territory_stays_the_datas():
    unhcr_name = "Serbia and Kosovo: S/RES/1244 (1999)"
    assert i18n.country_name("SRB", unhcr_name) == unhcr_name
    with i18n.using("nl"):
        assert i18n.country_name("SRB", unhcr_name) == unhcr_name


def test_using_restores_the_language_and_refuses_an_unknown_one():
    with i18n.using("nl"):
        assert i18n.language() == "nl" and i18n._("Contents") == "Inhoud"
    assert i18n.language() == "en" and i18n._("Contents") == "Contents"
    with pytest.raises(ValueError, match="unknown language 'de'"), i18n.using("de"):
        pass


def test_plural_forms_come_from_the_catalogue():
    with i18n.using("nl"):
        # a message without a translation falls back to the English forms
        assert i18n.ngettext("{n} thing", "{n} things", 2) == "{n} things"


def test_a_stale_compiled_catalogue_is_compiled_again(tmp_path, monkeypatch):
    locale_dir = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, locale_dir, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale_dir)
    i18n.translations.cache_clear()
    try:
        with i18n.using("nl"):
            assert i18n._("Contents") == "Inhoud"  # .mo missing: compiled on first use
        mo = i18n.catalogue_path("nl", ".mo")
        assert mo.is_file()
        po = i18n.catalogue_path("nl")
        po.write_text(
            po.read_text(encoding="utf-8").replace('msgstr "Inhoud"', 'msgstr "Inhoudsopgave"'),
            encoding="utf-8",
        )
        i18n.translations.cache_clear()
        with i18n.using("nl"):
            assert i18n._("Contents") == "Inhoudsopgave"  # the edited .po wins
    finally:
        i18n.translations.cache_clear()


@pytest.mark.parametrize(
    ("given", "expected"),
    [("nl", ("nl",)), (["en"], ("en",)), (["nl", "en"], ("nl", "en")), (None, ("nl", "en"))],
)
def test_the_language_parameter_takes_one_edition_or_several(given, expected):
    values = {"report_year": 2020} | ({} if given is None else {"language": given})
    assert parse_settings(values).language == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("de", "language.0: Input should be 'nl' or 'en' (got 'de')"),
        (["nl", "nl"], "language lists ['nl'] more than once"),
        ([], "language: Tuple should have at least 1 item"),
    ],
)
def test_a_wrong_language_parameter_is_refused_by_name(given, message):
    with pytest.raises(ParameterError) as refused:
        parse_settings({"report_year": 2020, "language": given})
    assert message in str(refused.value)


def _notebook(*cells: nbformat.NotebookNode) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = list(cells)
    return notebook


def _markdown(text: str, language: str | None) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(text)
    if language:
        cell.metadata["tags"] = [f"lang:{language}"]
    return cell


def test_an_edition_keeps_its_own_and_the_untagged_cells():
    notebook = _notebook(
        _markdown("# Title", "en"),
        _markdown("# Titel", "nl"),
        nbformat.v4.new_code_cell("x = 1"),
        _markdown("Shared", None),
    )
    kept = editions.keep_language(notebook, "nl")
    assert [c.source for c in kept.cells] == ["# Titel", "x = 1", "Shared"]


def test_messages_are_extracted_from_notebook_code_cells_with_their_lines():
    notebook = _notebook(
        _markdown("# Not a message", "en"),
        nbformat.v4.new_code_cell("a = 1\nb = _('First message')"),
        nbformat.v4.new_code_cell("print(_('Second {n}').format(n=2))"),
    )
    raw = io.BytesIO(json.dumps(notebook).encode())
    found = list(extract_notebook(raw, {"_": None}, [], {}))
    assert [(line, message) for line, _, message, _ in found] == [
        (2, "First message"),
        (3, "Second {n}"),
    ]


def _assigns_underscore(tree) -> bool:
    import ast

    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        elif isinstance(node, ast.For | ast.comprehension):
            targets = [node.target]
        for target in targets:
            for name in ast.walk(target):
                if (
                    isinstance(name, ast.Name)
                    and name.id == "_"
                    and isinstance(name.ctx, ast.Store)
                ):
                    return True
    return False


def _imports_gettext(tree) -> bool:
    import ast

    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "displacement_report.i18n"
        and any(alias.name == "_" and alias.asname is None for alias in node.names)
        for node in ast.walk(tree)
    )


def test_no_code_that_translates_with_underscore_also_throws_values_into_it():
    """`x, _ = f()` after `from displacement_report.i18n import _` replaces the
    translation function: every later message would raise or stay English."""
    import ast

    from displacement_report import paths

    offenders = []
    for path in sorted((paths.PROJECT_ROOT / "src").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if _imports_gettext(tree) and _assigns_underscore(tree):
            offenders.append(str(path))
    for path in paths.notebook_files():
        cells = nbformat.read(path, as_version=4).cells
        code = "\n".join(c.source for c in cells if c.cell_type == "code")
        tree = ast.parse("\n".join(line for line in code.splitlines() if not line.startswith("%")))
        if _imports_gettext(tree) and _assigns_underscore(tree):
            offenders.append(path.name)
    assert not offenders


_LITERAL_IN_FSTRING = re.compile(r"\{\s*(?:_|ngettext|pgettext)\(\s*['\"]")


def test_no_message_is_written_inside_an_f_string():
    """Babel cannot see `_("...")` inside an f-string's braces (the whole f-string is one
    token), so such a message never reaches the catalogue and stays English."""
    import tokenize

    from displacement_report import paths

    hidden = []
    for path in sorted((paths.PROJECT_ROOT / "src").rglob("*.py")):
        with path.open("rb") as handle:
            for token in tokenize.tokenize(handle.readline):
                is_fstring = token.type == tokenize.STRING and token.string[:2].lower() in (
                    'f"',
                    "f'",
                )
                if is_fstring and _LITERAL_IN_FSTRING.search(token.string):
                    hidden.append(f"{path.name}:{token.start[0]}")
    assert not hidden


@pytest.mark.parametrize(
    ("iso3", "data_name", "english", "dutch"),
    [
        ("COD", "Dem. Rep. of the Congo", "DR Congo", "DR Congo"),
        ("MMR", "Myanmar", "Myanmar", "Myanmar"),
        ("PSE", "State of Palestine", "Palestinian territories", "Palestijnse gebieden"),
        ("BIH", "Bosnia and Herzegovina", "Bosnia and Herzegovina", "Bosnië en Herzegovina"),
        ("COG", "Congo", "Congo", "Congo-Brazzaville"),
    ],
)
def test_unhcrs_name_where_cldrs_reads_oddly(iso3, data_name, english, dutch):
    """CLDR's 'Congo - Kinshasa', 'Myanmar (Burma)', 'Palestinian Territories' and the
    '&' of British English are not how a report writes these countries."""
    with i18n.using("en"):
        assert i18n.country_name(iso3, data_name) == english
    with i18n.using("nl"):
        assert i18n.country_name(iso3, data_name) == dutch


def test_every_chosen_country_name_has_a_reason_and_a_known_code():
    import csv

    with i18n.COUNTRY_NAMES_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(row["why"] and len(row["iso3"]) == 3 for row in rows)
    codes = [row["iso3"] for row in rows]
    assert len(codes) == len(set(codes))
