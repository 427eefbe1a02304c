"""Export one edition in a process of its own: `python -m
displacement_report.report.export_worker JOB`, where JOB is a pickle of the arguments of
`build.export` written by the build for this run. A separate interpreter, not a
multiprocessing child: it works the same under any caller (a script without a
`__main__` guard, a thread of a batch), and stops with its parent's run."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path


def main(job_file: str) -> None:
    # as in the command line (cli.py): no rfc3987-syntax grammars for an unused check
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    from displacement_report.report.build import export

    with Path(job_file).open("rb") as handle:
        arguments = pickle.load(handle)  # written by this run's own build, not user input
    export(*arguments)


if __name__ == "__main__":
    main(sys.argv[1])
