"""`python -m status_tutor_checker`: a job (JSON) on stdin, one report (JSON) on stdout.

Exit 0 whenever a report was written; 3 with `django-missing: ...` on stderr when Django
cannot be imported or is older than 5.2; 2 for a job that cannot be read. `--batch` reads
a JSON list of jobs and writes a list of reports (tests/django runs every exercise in one
process with it).
"""

from __future__ import annotations

import json
import os
import sys


def main(argv: list[str]) -> int:
    # The report owns the real stdout; anything else written to fd 1 (a learner's
    # os.write, a C extension) goes to stderr instead of corrupting the JSON.
    real_stdout = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        import django
    except ImportError as exc:
        sys.stderr.write(f"django-missing: {sys.executable} cannot import Django ({exc}); "
                         "run `status-tutor practice setup`\n")
        return 3
    if django.VERSION[:2] < (5, 2):
        # the exercises use 5.2 features (redirect's preserve_request); setup installs it
        sys.stderr.write(f"django-missing: Django 5.2 is needed, {sys.executable} has "
                         f"{django.get_version()}; run `status-tutor practice setup`\n")
        return 3
    try:
        job = json.load(sys.stdin)
    except (ValueError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"bad-job: the job on stdin is not JSON: {exc}\n")
        return 2
    from .run import BadJob, run

    try:
        if argv == ["--batch"]:
            if not isinstance(job, list):
                raise BadJob("--batch expects a JSON list of jobs")
            result = [run(one) for one in job]
        else:
            result = run(job)
    except BadJob as exc:
        sys.stderr.write(f"bad-job: {exc}\n")
        return 2
    json.dump(result, real_stdout)
    real_stdout.write("\n")
    real_stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
