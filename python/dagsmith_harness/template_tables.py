"""Print, as one JSON object, what Airflow's templates may name on this Airflow: the template context's keys, the
`macros.*` names, the Jinja filters, tests and globals of a DAG's template environment, and for the operator classes
given their template_fields and the constructor arguments those are filled from.

Usage: python template_tables.py '["airflow.providers.amazon.aws.operators.glue.GlueJobOperator", ...]'
src/base/airflow-templates.generated.ts holds this for every MWAA Airflow version (scripts/gen-airflow-templates.ts
writes it; test/base/airflow-templates.test.ts checks it against this script in each virtualenv).
"""

import ast
import importlib
import inspect
import json
import textwrap
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


def operator_class(dotted):
    module, _, name = dotted.rpartition(".")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def template_fields(dotted):
    cls = operator_class(dotted)
    return None if cls is None else sorted(cls.template_fields)


def templated_args(dotted):
    """The constructor arguments whose values Airflow renders: those stored (in some __init__ of the class or its
    bases, read with ast) in an attribute that template_fields names, e.g. StepFunctionStartExecutionOperator's
    state_machine_input, kept as self.input."""
    cls = operator_class(dotted)
    if cls is None:
        return None
    fields = set(cls.template_fields)
    args = set()
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(init)))
        except (OSError, TypeError, SyntaxError):
            continue
        func = tree.body[0]
        params = {a.arg for a in func.args.args + func.args.kwonlyargs}
        args.update(params & fields)
        for node in ast.walk(func):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                    and target.attr in fields
                    and node.value is not None
                ):
                    args.update(n.id for n in ast.walk(node.value) if isinstance(n, ast.Name) and n.id in params)
    return sorted(args)


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
            "templated_args": {c: templated_args(c) for c in json.loads(sys.argv[1])},
        }
    )
)
