"""Reproducible report on forced displacement and Dutch reception-in-the-region spending."""

import sys
from importlib.metadata import PackageNotFoundError, version

# rfc3987-syntax builds some forty Lark grammars when imported (about a second of the
# start of every process that opens a notebook: a command, a kernel exporting, a test
# worker) so that jsonschema can check the 'iri' string format, which the notebook
# schema nbformat validates against never uses: jsonschema skips that check when the
# module cannot be imported, so a process using this package does without it.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

try:
    __version__ = version("displacement-report")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"
