"""Run one DAG with dag.test() against a local moto server and report task states as JSON.

Usage: python run_dag_test.py <dag file> <dag_id> [--logical-date YYYY-MM-DD] [--moto-stubs]

Works on Airflow 3.0.6 and 2.10.3. Each run gets a fresh AIRFLOW_HOME (temp dir) with a
new SQLite metadata DB created from the ORM (no migration replay). The caller points AWS
at moto:
  AWS_ENDPOINT_URL=http://127.0.0.1:<port>   required; must be a loopback address, so a
                                             run can never reach real AWS
  AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY  dummy values (default: "testing")
  AWS_DEFAULT_REGION                         (default: us-east-1)
  AIRFLOW_CONN_AWS_DEFAULT                   optional connection, JSON or URI, may carry
                                             endpoint_url / region_name in its extra
Prints ONE JSON object on stdout; all Airflow and task logs go to stderr.
Exit status: 0 all task instances succeeded, 1 some did not, 2 bad usage/setup or import error.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

_T0 = time.monotonic()
_HOME = tempfile.mkdtemp(prefix="dagsmith-airflow-")
os.environ["AIRFLOW_HOME"] = _HOME
os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"] = f"sqlite:///{os.path.join(_HOME, 'airflow.db')}"
os.environ["AIRFLOW__DATABASE__LOAD_DEFAULT_CONNECTIONS"] = "False"
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__CORE__UNIT_TEST_MODE"] = "False"
os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "INFO")
os.environ.setdefault("AIRFLOW__LOGGING__COLORED_CONSOLE_LOG", "False")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import threading  # noqa: E402
from urllib.parse import urlparse  # noqa: E402

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def fail(message: str) -> int:
    print(f"run_dag_test: {message}", file=sys.stderr)
    return 2


def endpoint_problem() -> str | None:
    endpoint = os.environ.get("AWS_ENDPOINT_URL")
    if not endpoint:
        return "AWS_ENDPOINT_URL is not set; point it at a moto server (http://127.0.0.1:<port>)"
    if urlparse(endpoint).hostname not in LOOPBACK:
        return f"AWS_ENDPOINT_URL={endpoint} is not a loopback address; refusing to run against it"
    return None


def emit(json_out, result) -> None:
    json.dump(result, json_out, indent=2)
    json_out.write("\n")
    json_out.flush()


def iso(value):
    return value.isoformat() if value is not None else None


def start_watchdog(args, json_out):
    """Hard wall-clock limit. Needed because a task that never finishes (e.g. a poll loop
    without a limit) keeps dag.test() running, and on Airflow 3 the process does not
    stop on SIGTERM; the watchdog reports the timeout and exits with os._exit."""

    def expire():
        emit(json_out, {"dag_id": args.dag_id, "ok": False, "error": f"timeout after {args.timeout:g}s"})
        shutil.rmtree(_HOME, ignore_errors=True)
        os._exit(1)

    timer = threading.Timer(args.timeout, expire)
    timer.daemon = True
    timer.start()


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="run_dag_test.py")
    parser.add_argument("dag_file")
    parser.add_argument("dag_id")
    parser.add_argument("--logical-date", help="YYYY-MM-DD (UTC midnight); default: now")
    parser.add_argument("--timeout", type=float, default=600,
                        help="wall-clock limit in seconds for the whole run (default 600)")
    parser.add_argument("--keep-retries", action="store_true",
                        help="keep the tasks' retries (default: retries=0 so a failure fails fast)")
    parser.add_argument("--keep-reschedule", action="store_true",
                        help="keep mode='reschedule' sensors (default on Airflow 3: run them in poke mode)")
    parser.add_argument("--moto-stubs", action="store_true",
                        help="answer AWS calls moto does not implement, whose answers the operators only "
                             "log, with canned values (see MOTO_STUBS)")
    return parser.parse_args(argv)


def adjust_for_test(dag, airflow3: bool, keep_retries: bool, keep_reschedule: bool) -> list[str]:
    """Test-only changes to the loaded DAG (listed in the JSON as "adjustments").

    - retries -> 0: dag.test() honours retry_delay, so a failing task with retries=2 and a
      5-minute delay would hold the run for 10+ minutes.
    - reschedule -> poke (Airflow 3 only): under dag.test() a sensor that reschedules fails
      on its second poke with "TypeError: unsupported operand type(s) for -:
      'datetime.datetime' and 'str'" (apache/airflow#58777).
    """
    notes = []
    for task in dag.tasks:
        if not keep_retries and (getattr(task, "retries", 0) or 0) > 0:
            notes.append(f"{task.task_id}: retries {task.retries} -> 0")
            task.retries = 0
        if airflow3 and not keep_reschedule and getattr(task, "mode", None) == "reschedule":
            notes.append(f"{task.task_id}: mode reschedule -> poke")
            task.mode = "poke"
    return notes


def _crawler_metrics(params):
    names = params.get("CrawlerNameList") or []
    zero = {"TimeLeftSeconds": 0.0, "StillEstimating": False, "LastRuntimeSeconds": 0.0,
            "MedianRuntimeSeconds": 0.0, "TablesCreated": 0, "TablesUpdated": 0, "TablesDeleted": 0}
    return {"CrawlerMetricsList": [{"CrawlerName": n, **zero} for n in names]}


# AWS operations that moto 5.1.10 does not implement (it answers HTTP 500 NotImplementedError) and whose
# results the amazon provider only logs. Each is answered in-process, without a request, with --moto-stubs.
# - GetCrawlerMetrics: GlueCrawlerHook.wait_for_crawler_completion logs the last crawl's metrics.
MOTO_STUBS = {"GetCrawlerMetrics": _crawler_metrics}


def _step_completed(result):
    result["Step"]["Status"]["State"] = "COMPLETED"
    return result


# State changes moto 5.1.10 never makes (and has no state-manager model for), applied to its real answers with
# --moto-stubs: the request still goes to moto, so an unknown cluster or step id still fails.
# - DescribeStep: moto keeps every EMR step RUNNING or PENDING forever; EmrStepSensor would wait to its timeout.
MOTO_STATE_ADVANCES = {"DescribeStep": _step_completed}


def install_moto_stubs(calls: dict) -> list[str]:
    """Wraps botocore's BaseClient._make_api_call (every sync boto3 client; tasks run in this process under
    dag.test()) so the MOTO_STUBS operations never reach moto. `calls` counts the stubbed calls."""
    import botocore.client

    original = botocore.client.BaseClient._make_api_call

    def _make_api_call(self, operation_name, api_params):
        advance = MOTO_STATE_ADVANCES.get(operation_name)
        if advance is not None:
            calls[operation_name] = calls.get(operation_name, 0) + 1
            return advance(original(self, operation_name, api_params))
        stub = MOTO_STUBS.get(operation_name)
        if stub is None:
            return original(self, operation_name, api_params)
        calls[operation_name] = calls.get(operation_name, 0) + 1
        return stub(api_params)

    botocore.client.BaseClient._make_api_call = _make_api_call
    return [f"moto stub: {name} answered in-process with canned values" for name in sorted(MOTO_STUBS)] + [
        f"moto state: {name} answered by moto, then advanced (see MOTO_STATE_ADVANCES)" for name in sorted(MOTO_STATE_ADVANCES)
    ]


def main(argv) -> int:
    args = parse_args(argv)
    dag_file = os.path.abspath(args.dag_file)
    if not os.path.isfile(dag_file):
        return fail(f"{dag_file} is not a file")
    problem = endpoint_problem()
    if problem:
        return fail(problem)
    os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = os.path.dirname(dag_file)

    # stdout is for the JSON result only: Airflow (and dag.test's task log handler)
    # write to stdout, so fd 1 points at stderr while Airflow runs.
    sys.stdout.flush()
    json_out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    start_watchdog(args, json_out)

    import airflow
    import pendulum
    from airflow.models.taskinstance import TaskInstance
    from airflow.utils import db
    from airflow.utils.session import create_session

    timings = {"import": round(time.monotonic() - _T0, 2)}
    t = time.monotonic()
    db.initdb()  # empty SQLite: tables straight from the ORM, then stamped
    timings["db_init"] = round(time.monotonic() - t, 2)

    t = time.monotonic()
    from airflow_compat import load_dagbag, read_return_values, register_assets

    bag = load_dagbag(dag_file)
    timings["parse"] = round(time.monotonic() - t, 2)
    result = {"airflow_version": airflow.__version__, "dag_id": args.dag_id}
    if bag.import_errors or args.dag_id not in bag.dags:
        result["error"] = "import errors" if bag.import_errors else f"DAG {args.dag_id} not found in {dag_file}"
        result["import_errors"] = bag.import_errors
        result["ok"] = False
        emit(json_out, result)
        return 2
    dag = bag.dags[args.dag_id]
    airflow3 = airflow.__version__.startswith("3.")
    adjustments = adjust_for_test(dag, airflow3, args.keep_retries, args.keep_reschedule)
    if airflow3:
        adjustments += register_assets(dag)
    stubbed_calls: dict = {}
    if args.moto_stubs:
        adjustments += install_moto_stubs(stubbed_calls)

    kwargs = {}
    if args.logical_date:
        date = pendulum.parse(args.logical_date, tz="UTC")
        kwargs["logical_date" if airflow3 else "execution_date"] = date

    t = time.monotonic()
    try:
        dag_run = dag.test(**kwargs)
    except Exception as exc:  # dag.test() itself broke (not a task failure)
        import traceback

        traceback.print_exc()
        emit(json_out, {**result, "ok": False, "error": f"dag.test() raised {type(exc).__name__}: {exc}"})
        return 2
    timings["run"] = round(time.monotonic() - t, 2)

    with create_session() as session:
        tis = session.query(TaskInstance).filter(
            TaskInstance.dag_id == dag.dag_id, TaskInstance.run_id == dag_run.run_id
        )
        tasks = {}
        for ti in sorted(tis, key=lambda ti: (ti.task_id, ti.map_index)):
            key = ti.task_id if ti.map_index < 0 else f"{ti.task_id}[{ti.map_index}]"
            tasks[key] = {
                "state": str(ti.state.value if hasattr(ti.state, "value") else ti.state),
                "try_number": ti.try_number,
                "duration": round(ti.duration, 2) if ti.duration is not None else None,
            }
        run_state = str(getattr(dag_run.state, "value", dag_run.state))
        return_values = read_return_values(dag.dag_id, dag_run.run_id, session)

    ok = bool(tasks) and all(v["state"] == "success" for v in tasks.values())
    missing = sorted(set(dag.task_ids) - {k.split("[")[0] for k in tasks})
    result.update({
        "run_id": dag_run.run_id,
        "logical_date": iso(getattr(dag_run, "logical_date", None) or getattr(dag_run, "execution_date", None)),
        "dag_run_state": run_state,
        "ok": ok and not missing,
        "tasks": tasks,
        "tasks_without_instance": missing,
        "return_values": return_values,
        "adjustments": adjustments,
        "stubbed_calls": stubbed_calls,
        "seconds": timings,
    })
    emit(json_out, result)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    try:
        code = main(sys.argv[1:])
    finally:
        shutil.rmtree(_HOME, ignore_errors=True)
    sys.exit(code)
