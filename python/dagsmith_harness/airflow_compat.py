"""What differs between the Airflow versions the harness runs on (2.10.3, 2.11.2, 3.0.6, 3.3.1).

The one copy lives in the product's runner (python/dagsmith_runner/compat.py); the harness scripts import it from
there, so the project's tests and `dagsmith test` meet Airflow's version differences in one place.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from dagsmith_runner.compat import load_dagbag, read_return_values, register_assets  # noqa: E402,F401


def template_env():
    """The Jinja environment Airflow renders a DAG's templates with (SandboxedEnvironment, StrictUndefined, jinja2.ext.do).

    Airflow 3 moved DAG to the Task SDK (airflow.sdk); airflow.models.dag.DAG is Airflow 2's.
    """
    try:
        from airflow.sdk import DAG
    except ImportError:
        from airflow.models.dag import DAG
    return DAG(dag_id="dagsmith_template_env", schedule=None).get_template_env()
