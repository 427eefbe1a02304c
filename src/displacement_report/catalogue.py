"""Babel's view of the project's messages: an extractor for the notebooks' code cells,
so a string a notebook passes to `_()` lands in the same catalogue as the package's.

Markdown cells are not messages: each exists once per language (`lang:` tags)."""

from __future__ import annotations

import io
import json
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any, cast

from babel.messages.extract import extract_python


def extract_notebook(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: dict[str, Any],
) -> Iterator[tuple[int, str, Any, Any]]:
    """Messages of a notebook's code cells; line numbers count from the notebook's
    first code line, cell after cell."""
    notebook = json.load(fileobj)
    offset = 0
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", []))
        code = io.BytesIO(source.encode("utf-8"))
        for lineno, funcname, message, comments in extract_python(
            code, keywords, comment_tags, cast(Any, options)
        ):
            yield lineno + offset, str(funcname), message, comments
        offset += source.count("\n") + 1
