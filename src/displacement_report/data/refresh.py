"""Download the UNHCR tables from UNHCR's public Population Statistics API.

Writes the same CSV layout as the offline mirror, so the loaders cannot tell the
difference. Everything is downloaded and validated first; only then are the files
renamed into place, so a failed refresh leaves the previous data as it was.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from displacement_report.data import schemas
from displacement_report.data.unhcr import COUNTRIES_FILE
from displacement_report.data.validation import validate
from displacement_report.errors import DataFileError, DownloadError

log = logging.getLogger(__name__)

API_BASE = "https://api.unhcr.org/population/v1/"
#: Table name -> API endpoint. flows.csv has no endpoint and is left as it is.
ENDPOINTS: dict[str, str] = {
    "population": "population/",
    "idmc": "idmc/",
    "unrwa": "unrwa/",
    "solutions": "solutions/",
    "demographics": "demographics/",
    "asylum_applications": "asylum-applications/",
    "asylum_decisions": "asylum-decisions/",
}
PAGE_SIZE = 10_000
RETRY_STATUSES = (429, 500, 502, 503, 504)
NOT_APPLICABLE = "-"


def make_session(retries: int = 5, backoff: float = 1.0) -> requests.Session:
    """A session that retries 429 and 5xx answers with exponential backoff,
    honouring the server's Retry-After header."""
    retry = Retry(
        total=retries,
        backoff_factor=backoff,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET"}),
        respect_retry_after_header=True,
    )
    session = requests.Session()
    session.mount("http://", HTTPAdapter(max_retries=retry))
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.headers["User-Agent"] = "displacement-report (UNHCR data refresh)"
    return session


def fetch_pages(
    session: requests.Session, url: str, params: dict[str, Any], timeout: float = 60
) -> Iterator[list[dict[str, Any]]]:
    """Yield the `items` of each page until `page == maxPages`."""
    page = 1
    while True:
        try:
            response = session.get(url, params={**params, "page": page}, timeout=timeout)
            response.raise_for_status()
            body = response.json()
        except requests.exceptions.JSONDecodeError:
            raise DownloadError(
                f"{url} page {page}: the answer is not complete JSON "
                f"({len(response.content)} bytes received)"
            ) from None
        except requests.exceptions.RetryError as exc:
            raise DownloadError(f"{url} page {page}: server kept refusing: {exc}") from None
        except requests.RequestException as exc:
            raise DownloadError(f"{url} page {page}: {type(exc).__name__}: {exc}") from None
        if not isinstance(body, dict) or not isinstance(body.get("items"), list):
            raise DownloadError(f"{url} page {page}: the answer has no 'items' list")
        yield body["items"]
        max_pages = int(body.get("maxPages") or 1)
        log.info("%s: page %d of %d", url, page, max_pages)
        if page >= max_pages:
            return
        page += 1


def clean_value(value: Any) -> Any:
    """'-' means 'not applicable': a gap. Numbers may come as strings."""
    if value is None or value == NOT_APPLICABLE:
        return None
    if isinstance(value, str):
        stripped = value.strip().replace(",", "")
        if stripped.lstrip("-").isdigit():
            return int(stripped)
    return value


def items_to_frame(items: list[dict[str, Any]], spec: schemas.TableSpec, url: str) -> pd.DataFrame:
    """API items -> a validated frame in the CSV mirror's column layout."""
    if not items:
        raise DownloadError(f"{url}: no rows for the requested years")
    missing = [c for c in spec.columns if c not in items[0]]
    if missing:
        raise DownloadError(f"{url}: the answer lacks column(s) {missing}")
    rows = [{c: clean_value(item.get(c)) for c in spec.columns} for item in items]
    frame = pd.DataFrame(rows, columns=list(spec.columns))
    try:
        return validate(frame, schemas.pandera_schema(spec), url, rows_are_lines=False)
    except DataFileError as exc:
        raise DownloadError(f"the API's data failed validation: {exc}") from None


def download_table(
    session: requests.Session, base_url: str, table: str, year_from: int, year_to: int
) -> pd.DataFrame:
    url = base_url.rstrip("/") + "/" + ENDPOINTS[table]
    params = {
        "yearFrom": year_from,
        "yearTo": year_to,
        "coo_all": "true",
        "coa_all": "true",
        "limit": PAGE_SIZE,
    }
    items = [item for page in fetch_pages(session, url, params) for item in page]
    return items_to_frame(items, schemas.TABLES[table], url)


def countries_from(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """A countries table from the codes and names the downloaded tables use (regions
    unknown), for a destination that has no countries.csv yet."""
    pairs = [
        frame[[f"{side}_iso", side, f"{side}_name"]].set_axis(
            ["iso_code", "unhcr_code", "name"], axis=1
        )
        for frame in frames.values()
        for side in ("coo", "coa")
    ]
    table = pd.concat(pairs).dropna(subset=["unhcr_code"]).drop_duplicates("unhcr_code")
    table = table.drop_duplicates("iso_code").sort_values("unhcr_code")
    for column in schemas.COUNTRY_COLUMNS[3:]:
        table[column] = pd.NA
    # Settings offer only codes with a region as focus countries; these are real hosts.
    table["unhcr_region"] = "unknown (derived from API data)"
    return table[list(schemas.COUNTRY_COLUMNS)]


def _stage_csv(frame: pd.DataFrame, dest: Path, name: str) -> Path:
    fd, tmp = tempfile.mkstemp(dir=dest, prefix=f".{name}.", suffix=".part")
    os.close(fd)
    frame.to_csv(tmp, index=False)
    return Path(tmp)


def refresh_tables(
    dest: Path,
    year_from: int,
    year_to: int,
    *,
    base_url: str = API_BASE,
    tables: tuple[str, ...] = tuple(ENDPOINTS),
    session: requests.Session | None = None,
) -> list[Path]:
    """Download `tables` for the year range into `dest`; all or nothing."""
    if year_from > year_to:
        raise DownloadError(f"year range {year_from}-{year_to} is empty")
    unknown = [t for t in tables if t not in ENDPOINTS]
    if unknown:
        raise DownloadError(f"no API endpoint for {unknown}; known: {list(ENDPOINTS)}")
    session = session or make_session()
    frames = {t: download_table(session, base_url, t, year_from, year_to) for t in tables}
    if not (dest / COUNTRIES_FILE).exists():
        frames["countries"] = countries_from(frames)
    dest.mkdir(parents=True, exist_ok=True)
    staged: dict[Path, Path] = {}
    try:
        for name, frame in frames.items():
            staged[dest / f"{name}.csv"] = _stage_csv(frame, dest, name)
        for target, tmp in staged.items():
            os.replace(tmp, target)
    finally:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)
    return list(staged)
