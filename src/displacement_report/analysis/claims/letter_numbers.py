"""The numbers written in the letter's text, to prove the ledger misses none."""

from __future__ import annotations

import re

NUMBER_IN_TEXT = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?:\s?(?:%|procent|miljoen|miljard|jaar))?")


def numbers_in_letter(text: str) -> list[str]:
    """Numbers written in the letter's body: lines that are only a footnote number or a
    web address are skipped, as are four-digit years."""
    found = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.isdigit() or "http" in stripped:
            continue
        for token in NUMBER_IN_TEXT.findall(line):
            if re.fullmatch(r"(19|20)\d\d", token):
                continue
            found.append(token.strip())
    return found
