"""Print, as one JSON object, what Airflow's templates may name on this Airflow: the template context's keys, the
`macros.*` names, the Jinja filters, tests and globals of a DAG's template environment, and the template_fields of
the operator classes given.

Usage: python template_tables.py '["airflow.providers.amazon.aws.operators.glue.GlueJobOperator", ...]'
src/base/airflow-templates.generated.ts holds this for every MWAA Airflow version (scripts/gen-airflow-templates.ts
writes it; test/base/airflow-templates.test.ts checks it against this script in each virtualenv).
"""

import importlib
import json
import os
import sys
import tempfile

os.environ["AIRFLOW_HOME"] = tempfile.mkdtemp(prefix="dagsmith-templates-")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"

import warnings  # noqa: E402

warnings.simplefilter("ignore")

import airflow  # noqa: E402
import jinja2  # noqa: E402
from airflow_compat import template_env  # noqa: E402


def context_keys():
    # Airflow 3: the Task SDK's Context TypedDict; Airflow 2: the list the Context class warns against.
    try:
        from airflow.sdk.definitions.context import Context

        return sorted(Context.__annotations__)
    except ImportError:
        from airflow.utils.context import KNOWN_CONTEXT_KEYS

        return sorted(KNOWN_CONTEXT_KEYS)


def macros_module():
    # What `macros` is in a task's context: MacrosAccessor over airflow.sdk.execution_time.macros on Airflow 3.
    try:
        return importlib.import_module("airflow.sdk.execution_time.macros")
    except ImportError:
        return importlib.import_module("airflow.macros")


def template_fields(dotted):
    module, _, name = dotted.rpartition(".")
    try:
        cls = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None
    return sorted(cls.template_fields)


env = template_env()
print(
    json.dumps(
        {
            "airflow": airflow.__version__,
            "jinja2": jinja2.__version__,
            "context": context_keys(),
            "macros": sorted(n for n in dir(macros_module()) if not n.startswith("_")),
            "filters": sorted(env.filters),
            "tests": sorted(env.tests),
            "globals": sorted(env.globals),
            "template_fields": {c: template_fields(c) for c in json.loads(sys.argv[1])},
        }
    )
)
