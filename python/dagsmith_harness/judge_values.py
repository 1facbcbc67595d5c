"""Judge batches of values as MWAA's Airflow does when it imports a DAG file, and print the verdicts as one JSON object.

Usage: python judge_values.py < batch.json

The batch is a JSON object with any of these lists (each verdict list answers its input list, in order):

  "cron":    ["0 3 * * *", ...]
      The DAG that schedules the expression as dagsmith writes it (Airflow 2: `schedule="<cron>"`; Airflow 3:
      `schedule=CronDataIntervalTimetable("<cron>", timezone="UTC")`) is built and `dag.validate()`d, as DagBag does.
      Verdict: null (imports) or "<Exception>: <message>".
  "dates":   [{"date": [y, m, d, H, M, S], "tz": "Europe/Berlin", "every": seconds | null, "cron": "..." | null}, ...]
      `pendulum.datetime(*date, tz=tz)` as the start_date of a DAG with that schedule (none when both are null),
      then `dag.validate()`. Verdict as for cron.
  "params":  [{"schema": {...}, "default": ...}, ...]
      A scheduled DAG (`@daily`) with params={"p": Param(default, **schema)}, then `dag.validate()`: Airflow checks the
      default with jsonschema and its FormatChecker. Verdict as for cron.
  "formats": [{"format": "date", "value": ...}, ...]
      `jsonschema.validate(value, {"format": format}, format_checker=FormatChecker())`, the check Param.resolve
      makes. Verdict: true (conforms), false, or "<Exception>: ..." for an error other than a ValidationError.
  "regex":   [{"pattern": "...", "subjects": ["...", ...]}, ...]
      Verdict: {"error": "<re.error message>"} when `re.compile` refuses the pattern, else {"search": [bool, ...]},
      `re.search(pattern, subject) is not None` for each subject.

Also printed: "airflow_version", "python", "libraries" (the optional jsonschema format libraries importable here).
Runs unchanged on every MWAA Airflow version; needs no database (AIRFLOW_HOME is a fresh temp dir).
"""

from __future__ import annotations

import os
import sys
import tempfile

_HOME = tempfile.mkdtemp(prefix="dagsmith-judge-")
os.environ["AIRFLOW_HOME"] = _HOME
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__CORE__UNIT_TEST_MODE"] = "False"
os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "ERROR")

import datetime  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import warnings  # noqa: E402

_OPTIONAL_LIBRARIES = ["rfc3339_validator", "rfc3986_validator", "rfc3987", "rfc3987_syntax", "fqdn", "idna", "webcolors",
                       "jsonpointer", "uri_template", "isoduration"]


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc)[:300]}"


def main() -> int:
    batch = json.load(sys.stdin)
    sys.stdout.flush()
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # Airflow may log to stdout; keep it for the JSON alone
    warnings.simplefilter("ignore")

    import airflow
    import pendulum
    from jsonschema import FormatChecker, ValidationError, validate

    major = int(airflow.__version__.split(".")[0])
    if major == 2:
        from airflow.models.dag import DAG
        from airflow.models.param import Param
    else:
        from airflow.sdk import DAG, Param
    from airflow.timetables.interval import CronDataIntervalTimetable, DeltaDataIntervalTimetable

    def cron_schedule(expression, tz="UTC"):
        return expression if major == 2 else CronDataIntervalTimetable(expression, timezone=tz)

    def every_schedule(seconds):
        delta = datetime.timedelta(seconds=seconds)
        return delta if major == 2 else DeltaDataIntervalTimetable(delta)

    def dag_verdict(build):
        try:
            dag = build()
            dag.validate()
            return None
        except Exception as exc:  # every failure at import is a verdict
            return _error(exc)

    result = {
        "airflow_version": airflow.__version__,
        "python": "%d.%d.%d" % sys.version_info[:3],
        "libraries": sorted(name for name in _OPTIONAL_LIBRARIES if importlib.util.find_spec(name) is not None),
    }
    if "cron" in batch:
        start = pendulum.datetime(2026, 1, 1, tz="UTC")
        result["cron"] = [
            dag_verdict(lambda e=e: DAG("judge", schedule=cron_schedule(e), start_date=start, catchup=False)) for e in batch["cron"]
        ]
    if "dates" in batch:
        verdicts = []
        for item in batch["dates"]:
            def build(item=item):
                start = pendulum.datetime(*item["date"], tz=item["tz"])
                if item.get("every") is not None:
                    schedule = every_schedule(item["every"])
                elif item.get("cron") is not None:
                    schedule = cron_schedule(item["cron"], item["tz"])
                else:
                    schedule = None
                return DAG("judge", schedule=schedule, start_date=start, catchup=False)
            verdicts.append(dag_verdict(build))
        result["dates"] = verdicts
    if "params" in batch:
        start = pendulum.datetime(2026, 1, 1, tz="UTC")
        result["params"] = [
            dag_verdict(
                lambda item=item: DAG(
                    "judge",
                    schedule="@daily" if major == 2 else cron_schedule("0 0 * * *"),
                    start_date=start,
                    catchup=False,
                    params={"p": Param(item["default"], **item["schema"])},
                )
            )
            for item in batch["params"]
        ]
    if "formats" in batch:
        verdicts = []
        for item in batch["formats"]:
            try:
                validate(item["value"], {"format": item["format"]}, format_checker=FormatChecker())
                verdicts.append(True)
            except ValidationError:
                verdicts.append(False)
            except Exception as exc:
                verdicts.append(_error(exc))
        result["formats"] = verdicts
    if "regex" in batch:
        verdicts = []
        for item in batch["regex"]:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    compiled = re.compile(item["pattern"])
            except re.error as exc:
                verdicts.append({"error": str(exc)})
                continue
            except Exception as exc:  # RecursionError, OverflowError: the pattern is refused all the same
                verdicts.append({"error": _error(exc)})
                continue
            verdicts.append({"search": [compiled.search(s) is not None for s in item["subjects"]]})
        result["regex"] = verdicts

    json.dump(result, out, ensure_ascii=True)
    out.write("\n")
    out.flush()
    return 0


if __name__ == "__main__":
    try:
        code = main()
    finally:
        shutil.rmtree(_HOME, ignore_errors=True)
    sys.exit(code)
