"""The report's notion of 'now': the real time, or SOURCE_DATE_EPOCH when set.

SOURCE_DATE_EPOCH is the reproducible-builds convention: with it, two runs of the
same inputs give byte-identical reports, dates included.
"""

from __future__ import annotations

import datetime as dt
import os


def now() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC)
