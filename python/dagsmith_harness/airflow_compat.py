"""What differs between the Airflow versions the harness runs on (2.10.3, 2.11.2, 3.0.6, 3.3.1)."""
import inspect


def load_dagbag(folder):
    """A DagBag over `folder` (a folder or one .py file), without Airflow's example DAGs.

    Airflow 3.1+ moved DagBag to airflow.dag_processing.dagbag (the old path still works there, with a
    DeprecatedImportWarning) and 3.3 dropped its include_examples argument (examples then follow
    [core] load_examples, which the harness sets to False).
    """
    try:
        from airflow.dag_processing.dagbag import DagBag
    except ImportError:
        from airflow.models.dagbag import DagBag
    kwargs = {"include_examples": False} if "include_examples" in inspect.signature(DagBag.__init__).parameters else {}
    return DagBag(dag_folder=folder, **kwargs)


def template_env():
    """The Jinja environment Airflow renders a DAG's templates with (SandboxedEnvironment, StrictUndefined, jinja2.ext.do).

    Airflow 3 moved DAG to the Task SDK (airflow.sdk); airflow.models.dag.DAG is Airflow 2's.
    """
    try:
        from airflow.sdk import DAG
    except ImportError:
        from airflow.models.dag import DAG
    return DAG(dag_id="dagsmith_template_env", schedule=None).get_template_env()
