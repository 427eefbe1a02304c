"""Nothing untranslated: every message of the code has its Dutch translation with the
same placeholders, and every English narrative cell its Dutch counterpart."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from displacement_report import i18n, paths
from displacement_report.catalogue import extract_notebook
from displacement_report.report import editions

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
_FIELD = re.compile(r"\{([a-z_0-9]*)[^{}]*\}")


def _messages() -> dict[str, str]:
    """Every message the code and the notebooks pass to gettext: msgid -> where."""
    found: dict[str, str] = {}
    sources = (
        (paths.PROJECT_ROOT / "src", [("**.py", "python")], {}),
        (paths.PROJECT_ROOT / "notebooks", [("**.ipynb", "notebook")], {}),
    )
    for folder, method_map, options in sources:
        for filename, lineno, message, _comments, _context in (
            extract_from_dir(
                str(folder),
                method_map,
                options,
                keywords=KEYWORDS,
                callback=None,
                strip_comment_tags=False,
            )
            if folder.name == "src"
            else _notebook_messages(folder)
        ):
            for text in message if isinstance(message, tuple) else (message,):
                if text:
                    found.setdefault(text, f"{folder.name}/{filename}:{lineno}")
    return found


def _notebook_messages(folder: Path):
    for path in sorted(folder.rglob("*.ipynb")):
        with path.open("rb") as handle:
            for lineno, _func, message, comments in extract_notebook(handle, KEYWORDS, [], {}):
                yield path.name, lineno, message, comments, None


@pytest.fixture(scope="module")
def dutch() -> dict[str, object]:
    with i18n.catalogue_path("nl").open("rb") as handle:
        catalogue = read_po(handle, locale="nl")
    return {m.id: m for m in catalogue if m.id}


def test_every_message_has_a_dutch_translation(dutch):
    # a plural is found under each of its English forms
    forms = {form: entry for key, entry in dutch.items() if isinstance(key, tuple) for form in key}
    missing = []
    for message, where in _messages().items():
        entry = dutch.get(message, forms.get(message))
        strings = entry.string if entry is not None else None
        translated = all(strings) if isinstance(strings, tuple) else bool(strings)
        if entry is None or not translated or entry.fuzzy:
            missing.append(f"{where}: {message!r}")
    assert not missing, f"{len(missing)} messages without a Dutch translation:\n" + "\n".join(
        missing[:40]
    )


def test_translations_keep_the_placeholders(dutch):
    wrong = []
    for msgid, entry in dutch.items():
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        # a plural's singular form may leave out the count ('het focusland')
        allowed = [set(_FIELD.findall(form)) for form in ids]
        for text in strings:
            if text and set(_FIELD.findall(text)) not in allowed:
                wrong.append(f"{ids[0]!r}: {text!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", paths.notebook_files(), ids=lambda p: p.name)
def test_every_narrative_cell_exists_in_both_languages(path):
    cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]
    tagged = [editions.cell_language(c) for c in cells]
    assert None not in tagged, f"{path.name}: a markdown cell without a lang: tag"
    for index, cell in enumerate(cells):
        if tagged[index] != "en":
            continue
        assert index + 1 < len(cells) and tagged[index + 1] == "nl", (
            f"{path.name}: no Dutch cell after {cell.source[:60]!r}"
        )
        english_heading = re.match(r"#+ ", cell.source)
        dutch_heading = re.match(r"#+ ", cells[index + 1].source)
        assert (english_heading and english_heading.group()) == (
            dutch_heading and dutch_heading.group()
        ), f"{path.name}: heading levels differ at {cell.source[:60]!r}"
    assert tagged.count("en") == tagged.count("nl"), path.name
