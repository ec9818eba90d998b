#!/usr/bin/env python3
"""Measure the practice checker alone: one process per run, as the practice screen runs it.

    python3 tests/django/measure_checker.py [RUNS]      (default 20; uses target/django-venv)

Prints the median and slowest wall time of a run of exercise 18 (the REST resource, 10
checks) and exercise 01 (2 checks), and the peak RSS of a checker process.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CHECKER = REPO / "src" / "practice" / "checker"


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    python = subprocess.run([sys.executable, str(HERE / "run.py"), "--ensure-venv"],
                            capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    sys.path.insert(0, str(CHECKER))
    sys.path.insert(0, str(HERE))
    from harness.exercises import job  # the same job the tests send

    env = dict(os.environ, PYTHONPATH=str(CHECKER))
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("01_json_list", "18_rest_resource"):
            exercise = tomllib.loads((REPO / "content" / "exercises" / f"{name}.toml").read_text())
            view = Path(tmp) / f"{name}.py"
            view.write_text(exercise["solution"])
            payload = json.dumps(job(exercise, view))
            times = []
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            for _ in range(runs):
                start = time.perf_counter()
                out = subprocess.run([python, "-m", "status_tutor_checker"], input=payload,
                                     capture_output=True, text=True, cwd=tmp, env=env)
                times.append(time.perf_counter() - start)
                assert out.returncode == 0 and all(c["passed"] for c in json.loads(out.stdout)["checks"])
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / runs
            print(f"{name}: {len(exercise['checks'])} checks, {runs} runs: median "
                  f"{statistics.median(times) * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms, "
                  f"CPU {cpu * 1000:.0f} ms per run")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"peak RSS of a checker process: {peak / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
