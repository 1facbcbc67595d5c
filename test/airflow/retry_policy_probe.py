"""Probe for test/airflow/retry-policy.test.ts, run with one MWAA-pinned Airflow's Python.

stdin: {"exceptions": {name: {"module", "parents"}}, "dag_file": path or null, "cases": [[task_id, exception name,
ctor kwargs]]}. stdout: JSON with what this Airflow has (the retry-policy module, BaseOperator's retry_policy
parameter), each allow-listed class as imported (found, an exception, its allow-listed superclasses, whether Airflow
bypasses policies for it), and, for a DAG file, each case's decision by the loaded task's own policy.
"""

import importlib
import importlib.util
import inspect
import json
import sys
import warnings


def main():
    req = json.load(sys.stdin)
    # Airflow logs (structlog) to stdout; the JSON answer is the only thing written there.
    stdout, sys.stdout = sys.stdout, sys.stderr
    out = {"has_module": True, "operator_param": False, "classes": {}, "decisions": []}
    try:
        importlib.import_module("airflow.sdk.definitions.retry_policy")
    except ImportError:
        out["has_module"] = False
    try:
        from airflow.sdk import BaseOperator
    except ImportError:
        from airflow.models import BaseOperator
    out["operator_param"] = "retry_policy" in inspect.signature(BaseOperator.__init__).parameters

    classes = {}
    for name, info in req["exceptions"].items():
        try:
            classes[name] = getattr(importlib.import_module(info["module"]), name)
        except (ImportError, AttributeError) as exc:
            out["classes"][name] = {"found": False, "error": str(exc)}
    bypassed = ()
    if out["has_module"]:
        from airflow.sdk.exceptions import AirflowFailException, AirflowSensorTimeout
        bypassed = (AirflowFailException, AirflowSensorTimeout)
    for name, cls in classes.items():
        out["classes"][name] = {
            "found": True,
            "path": f"{cls.__module__}.{cls.__qualname__}",
            "exception": isinstance(cls, type) and issubclass(cls, BaseException),
            "parents": sorted(n for n, other in classes.items() if other is not cls and issubclass(cls, other)),
            "bypassed": bool(bypassed) and issubclass(cls, bypassed),
        }

    if req.get("dag_file"):
        # Imported as Airflow's DAG processor imports it: the module's `dag` is the DAG.
        spec = importlib.util.spec_from_file_location("dagsmith_retry_policy_dag", req["dag_file"])
        module = importlib.util.module_from_spec(spec)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            spec.loader.exec_module(module)
        out["warnings"] = [str(w.message) for w in caught if w.filename == req["dag_file"]]
        dag = module.dag
        for task_id, exc_name, kwargs in req["cases"]:
            exc = classes[exc_name](**kwargs)
            policy = dag.get_task(task_id).retry_policy
            d = policy.evaluate(exception=exc, try_number=1, max_tries=4)
            out["decisions"].append({
                "task": task_id, "exception": exc_name, "action": d.action.value,
                "retry_delay": None if d.retry_delay is None else d.retry_delay.total_seconds(), "reason": d.reason,
            })
    stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
