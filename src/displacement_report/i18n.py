"""The report's languages: which one is active, its messages and its country names.

Text in the code is written in English and passed through `_()` (or `ngettext`);
Babel extracts it into `locale/messages.pot`, translators fill
`locale/<language>/LC_MESSAGES/messages.po`, and the install compiles each catalogue
to `messages.mo` (compiled again on first use if the `.po` is newer, so an edited
translation is never silently ignored). Constants defined at import time are marked
with `N_()` and translated where they are shown.

Country names and number formats come from CLDR through Babel, never typed by hand.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gettext
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from babel import Locale

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
#: The language the code's messages are written in.
SOURCE_LANGUAGE: Language = "en"
#: CLDR locale of each language: numbers, dates and country names.
LOCALES: dict[str, str] = {"nl": "nl_NL", "en": "en_GB"}
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"

_active: ContextVar[str] = ContextVar("report_language", default=SOURCE_LANGUAGE)


def check_language(language: str) -> Language:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; the report is written in: nl, en")
    return language  # narrowed to Language by the test above


def set_language(language: str) -> None:
    """Make `language` the language of every message and number from now on."""
    _active.set(check_language(language))


def language() -> str:
    return _active.get()


@contextlib.contextmanager
def using(language: str) -> Iterator[None]:
    """Messages and numbers in `language` inside the block."""
    token = _active.set(check_language(language))
    try:
        yield
    finally:
        _active.reset(token)


def locale_code() -> str:
    """The active language's CLDR locale, as Babel's formatting functions take it."""
    return LOCALES[language()]


def catalogue_path(language: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def compile_catalogue(language: str) -> Path:
    """Compile the `.po` of `language` to its `.mo` (atomically) and return the path."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po_path, mo_path = catalogue_path(language), catalogue_path(language, ".mo")
    with po_path.open("rb") as po_file:
        catalogue = read_po(po_file, locale=language)
    handle, temporary = tempfile.mkstemp(dir=mo_path.parent, suffix=".mo.part")
    try:
        with os.fdopen(handle, "wb") as mo_file:
            write_mo(mo_file, catalogue)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a catalogue is for everyone
        os.replace(temporary, mo_path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return mo_path


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """The messages of `language`; the source language needs none."""
    if check_language(language) == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    po_path, mo_path = catalogue_path(language), catalogue_path(language, ".mo")
    if not po_path.is_file():
        raise FileNotFoundError(f"no message catalogue for {language!r}: {po_path} is missing")
    if not mo_path.is_file() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
        log.info("compiling the %s message catalogue (missing or older than its .po)", language)
        compile_catalogue(language)
    with mo_path.open("rb") as mo_file:
        return gettext.GNUTranslations(mo_file)


def _(message: str) -> str:
    """`message` in the active language."""
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message that goes with the number `n`, in the active language."""
    return translations(language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the active language, where the same English word needs context."""
    return translations(language()).pgettext(context, message)


def column_name(column: str) -> str:
    """The data column with `column`'s text in the active language: 'description_nl'
    in the Dutch edition, 'description' in the source language."""
    return column if language() == SOURCE_LANGUAGE else f"{column}_{language()}"


def localized(rows: pd.DataFrame, column: str) -> pd.Series:
    """A text column in the active language where the frame has one (text we wrote
    ourselves carries a Dutch column), else the column as written."""
    translated = column_name(column)
    return rows[translated] if translated in rows.columns else rows[column]


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet (constants)."""
    return message


@functools.cache
def _territories(locale: str) -> dict[str, str]:
    return dict(Locale.parse(locale).territories)


@functools.cache
def _alpha2(iso3: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    if country is not None:
        return str(country.alpha_2)
    return {"XKX": "XK", "UVK": "XK"}.get(iso3)  # Kosovo: user-assigned code, CLDR has it


def country_name(iso3: str, fallback: str) -> str:
    """The country's name as readers of the active language know it (CLDR, through
    Babel): 'Syria', 'Syrië'; UNHCR's name where CLDR's reads oddly in a report
    ('DR Congo', not 'Congo - Kinshasa'; locale/country_names.csv); `fallback` (the
    data's own name) where CLDR has none."""
    chosen = _chosen_names(language()).get(iso3)
    if chosen:
        return chosen
    alpha2 = None if iso3 in _DATA_NAME_KEPT else _alpha2(iso3)
    if alpha2 is None:
        return _(fallback) if fallback in _PLACES_WITHOUT_CODE else fallback
    return _territories(locale_code()).get(alpha2, fallback)


COUNTRY_NAMES_FILE = LOCALE_DIR / "country_names.csv"


def country_code(name: str) -> str | None:
    """The ISO3 code of a country named as the active language's report writes it now
    ('DR Congo') or as CLDR writes it ('Congo - Kinshasa'): both name one country, so a
    name that changed between two runs is not a change in the data."""
    return _codes_by_name(language()).get(name)


@functools.cache
def _codes_by_name(language: str) -> dict[str, str]:
    import pycountry

    territories = _territories(LOCALES[language])
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        cldr = territories.get(country.alpha_2)
        if cldr:
            codes[cldr] = country.alpha_3
    codes.update({name: iso3 for iso3, name in _chosen_names(language).items()})
    return codes


@functools.cache
def _chosen_names(language: str) -> dict[str, str]:
    """Names chosen over CLDR's, by ISO3 code, in `language` (empty: CLDR's stands)."""
    with COUNTRY_NAMES_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["iso3"]: row[language] for row in csv.DictReader(handle) if row[language]}


COUNTRY_ARTICLES_FILE = LOCALE_DIR / "country_articles.csv"


def in_sentence(name: str) -> str:
    """A country's name as it stands in a sentence of the active language: with its
    article where it takes one ('the United States', 'de Verenigde Staten', 'het Verenigd
    Koninkrijk', 'the Palestinian territories'; locale/country_articles.csv). `name` is
    the name as a title or table cell writes it (`country_name`); a name the report does
    not know is returned as it is. At the start of a sentence, `sentence_starts` gives
    the article its capital."""
    article, _plural = _article_of(name)
    return f"{article} {name}" if article else name


def takes_plural(name: str) -> bool:
    """Whether the verb after `name` is plural in the active language ('de Palestijnse
    gebieden kenden', 'de Verenigde Staten hebben'); `ngettext(..., plural_count(name))`
    picks the verb."""
    return _article_of(name)[1]


def _article_of(name: str) -> tuple[str, bool]:
    """`name`'s article in the active language ('' for none) and whether its verb is
    plural."""
    return _articles(language()).get(country_code(name) or "", ("", False))


def plural_count(name: str) -> int:
    """The number `ngettext` takes to pick the verb that goes with `name`: 2 for a name
    that takes a plural verb, 1 otherwise."""
    return 2 if takes_plural(name) else 1


_ARTICLE_AT_START = re.compile(r"(^|[.!?]\s+|\n)(the|de|het) ", flags=re.MULTILINE)


def sentence_starts(text: str) -> str:
    """`text` with an article that opens a sentence capitalised ('The United States
    hosted ...'): a name put into a sentence by `in_sentence` brings its article in
    lower case, and the sentence of a translation may start with it where the English
    does not."""
    return _ARTICLE_AT_START.sub(lambda m: m[1] + m[2].capitalize() + " ", text)


@functools.cache
def _articles(language: str) -> dict[str, tuple[str, bool]]:
    """The article and whether the verb is plural, by ISO3 code, in `language`."""
    with COUNTRY_ARTICLES_FILE.open(encoding="utf-8", newline="") as handle:
        return {
            row["iso3"]: (row[language], row[f"plural_{language}"] == "yes")
            for row in csv.DictReader(handle)
        }


#: UNHCR's entry covers more than CLDR's territory of that code ('Serbia and Kosovo:
#: S/RES/1244 (1999)'): its own name says what the figures include.
_DATA_NAME_KEPT = frozenset({"SRB"})

#: Entries of UNHCR's country list that are not countries (translated as messages).
_PLACES_WITHOUT_CODE = frozenset({N_("Stateless"), N_("Unknown"), N_("Various"), N_("Tibetan")})


def compile_all() -> None:
    """Compile every translated language's catalogue (`make env` runs this). Babel's own
    `pybabel compile` is not used: it reads '5% holds' as a %-format placeholder; the
    report's messages use named {fields}, which tests/test_translations.py checks."""
    for language in LANGUAGES:
        if language != SOURCE_LANGUAGE:
            compile_catalogue(language)


if __name__ == "__main__":
    compile_all()
