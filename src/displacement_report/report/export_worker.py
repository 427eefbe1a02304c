"""Export one edition on a warm kernel: the build runs `main(JOB)` there, where JOB is
a pickle of the arguments of `export.export` written by the build for this run. Also
`python -m displacement_report.report.export_worker JOB`, to export an edition of a
kept run folder by hand."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path


def main(job_file: str) -> None:
    from displacement_report.report.export import export

    with Path(job_file).open("rb") as handle:
        arguments = pickle.load(handle)  # written by this run's own build, not user input
    export(*arguments)


if __name__ == "__main__":
    main(sys.argv[1])
