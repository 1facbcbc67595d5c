"""Airflow parse cost of DAG folders, measured in one warm Python process (the scheduler's DAG processor is one).

Usage: python parse_bench.py --reps R NAME=FOLDER [NAME=FOLDER ...]

Each repetition loads every folder once with a fresh DagBag (which imports every DAG file again, under a new
module name), in a rotating order so no form always goes first. Before timing, each folder is loaded once untimed
so that Airflow, the provider modules and (for dag-factory) its library are already imported, as they are in a
long-running DAG processor. Prints one JSON object: per form the median and min wall time of one DagBag load in
ms, the DAGs and tasks it held and its import errors (a form with import errors is not a valid comparison).
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

_HOME = tempfile.mkdtemp(prefix="dagsmith-parse-bench-")
os.environ["AIRFLOW_HOME"] = _HOME
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__CORE__UNIT_TEST_MODE"] = "False"
os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "ERROR")
# dag-factory sends usage telemetry over HTTP unless told not to; nothing may leave this machine.
os.environ["DO_NOT_TRACK"] = "1"
os.environ["AIRFLOW__DAG_FACTORY__ENABLE_TELEMETRY"] = "False"

from airflow_compat import load_dagbag  # noqa: E402  (imports Airflow only when called)


def main(argv) -> int:
    if len(argv) < 4 or argv[1] != "--reps":
        print(__doc__, file=sys.stderr)
        return 2
    reps = int(argv[2])
    forms = []
    for arg in argv[3:]:
        name, _, folder = arg.partition("=")
        if not folder or not os.path.isdir(folder):
            print(f"parse_bench: {arg!r} is not NAME=FOLDER", file=sys.stderr)
            return 2
        forms.append((name, os.path.abspath(folder)))
    os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = os.path.commonpath([f for _, f in forms])

    sys.stdout.flush()
    json_out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)

    import airflow

    result = {"airflow_version": airflow.__version__, "reps": reps, "forms": {}}
    times = {name: [] for name, _ in forms}
    for name, folder in forms:  # warm-up, untimed
        bag = load_dagbag(folder)
        result["forms"][name] = {
            "dags": len(bag.dags),
            "tasks": sum(len(d.tasks) for d in bag.dags.values()),
            "import_errors": {os.path.relpath(k, folder): str(v)[-500:] for k, v in bag.import_errors.items()},
        }
    for r in range(reps):
        for k in range(len(forms)):
            name, folder = forms[(r + k) % len(forms)]
            # Each load starts from a collected heap: otherwise a full collection of the garbage earlier loads left
            # lands on whichever form runs when it falls due, and with three forms rotating it can fall on the same
            # form again and again.
            gc.collect()
            t0 = time.perf_counter()
            load_dagbag(folder)
            times[name].append((time.perf_counter() - t0) * 1000)
    for name, ts in times.items():
        result["forms"][name].update(median_ms=statistics.median(ts), min_ms=min(ts))
    json.dump(result, json_out, indent=2)
    json_out.write("\n")
    json_out.flush()
    return 0


if __name__ == "__main__":
    try:
        code = main(sys.argv)
    finally:
        shutil.rmtree(_HOME, ignore_errors=True)
    sys.exit(code)
