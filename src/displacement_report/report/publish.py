"""Run folders and atomic publishing, so readers never see a half-written report."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path

from displacement_report.errors import OutputError

LATEST = "latest"
RUNS = "runs"
#: The folder of the published country profiles: <output>/profiles/<ISO3>, index.html.
PROFILES = "profiles"
#: Written last into a run folder: the inputs it was made from, and the mark of a
#: complete run (a folder without it is never reused, compared or kept as complete).
INPUTS_FILE = "inputs.json"


def ensure_writable(folder: Path) -> Path:
    """Create `folder` if needed and prove a file can be written there, before any work."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise OutputError(
            f"output folder {folder} is not writable: {exc.strerror or exc}"
        ) from None
    return folder


def new_run_dir(output_dir: Path, config_name: str, now: dt.datetime | None = None) -> Path:
    """`runs/<parameter set>-<UTC time>-<pid>`: unique even for runs started together."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    safe_name = re.sub(r"[^A-Za-z0-9_.-]+", "-", config_name).strip("-") or "report"
    base = output_dir / RUNS / f"{safe_name}-{stamp}-{os.getpid()}"
    base.parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(1, 1000):
        run_dir = base if attempt == 1 else base.with_name(f"{base.name}-{attempt}")
        try:
            run_dir.mkdir()  # atomic: two runs can never share a folder
            return run_dir
        except FileExistsError:
            continue
    raise OutputError(f"cannot create a new run folder next to {base}")


def _default_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_bytes_atomically(target: Path, data: bytes) -> None:
    """Write to a hidden temporary file beside `target`, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        os.fchmod(fd, _default_file_mode())  # mkstemp's 0600 would hide the report from readers
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def publish(output_dir: Path, run_dir: Path, link_name: str = LATEST) -> Path:
    """Point `<output>/<link_name>` at `run_dir` in one rename; the old target stays intact.

    `link_name` may have a folder part (`profiles/JOR`); links are relative, so the
    output folder can be moved or served as it is.
    """
    link = output_dir / link_name
    link.parent.mkdir(parents=True, exist_ok=True)
    tmp_link = link.parent / f".{link.name}.{os.getpid()}.tmp"
    tmp_link.unlink(missing_ok=True)
    tmp_link.symlink_to(os.path.relpath(run_dir, link.parent), target_is_directory=True)
    os.replace(tmp_link, link)
    return link
