"""The constructor parameters of every operator AWS's MWAA Serverless validator schema allows, as the
mwaa-serverless venv has them (Airflow 3.0.6, apache-airflow-providers-amazon 9.30.0: what the service runs).

Usage: python serverless_operators.py <validator_schema.yaml>

Prints one JSON object:
    {"airflow": "3.0.6", "amazon": "9.30.0", "base": ["<name>", ...],
     "operators": {"<dotted path>": {"params": ["<name>", ...]} | {"error": "<exception>"}}}

`base` are the keyword arguments BaseOperator takes (every task: retries, retry_delay, execution_timeout, ...);
`params` those the class's __init__ chain adds below BaseOperator, sorted; *args/**kwargs are left out.
An operator that does not import is recorded with its exception. No DAG is loaded: this imports the classes only.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import sys
import tempfile
import warnings

os.environ.setdefault("AIRFLOW_HOME", tempfile.mkdtemp(prefix="dagsmith-airflow-"))
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"

import yamale  # noqa: E402


def init_params(cls) -> list[str]:
    names: set[str] = set()
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        try:
            params = inspect.signature(init).parameters.values()
        except (TypeError, ValueError):
            continue
        for p in params:
            if p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                names.add(p.name)
        if klass.__name__ == "BaseOperator" and klass.__module__.startswith("airflow"):
            break
    return sorted(names)


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    schema = yamale.make_schema(argv[1])
    operators = list(schema.includes["task"]._schema["operator"].enums)
    sys.stdout.flush()
    json_out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    warnings.simplefilter("ignore")
    import airflow
    from importlib import metadata

    from airflow.sdk import BaseOperator

    base = init_params(BaseOperator)
    out = {}
    for path in sorted(set(operators)):
        module, _, name = path.rpartition(".")
        try:
            cls = getattr(importlib.import_module(module), name)
            out[path] = {"params": [p for p in init_params(cls) if p not in base]}
        except Exception as exc:  # an allowlisted path that does not import in this provider version
            out[path] = {"error": f"{type(exc).__name__}: {exc}"}
    result = {
        "airflow": airflow.__version__,
        "amazon": metadata.version("apache-airflow-providers-amazon"),
        "base": base,
        "operators": out,
    }
    json.dump(result, json_out, indent=1, sort_keys=True)
    json_out.write("\n")
    json_out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
