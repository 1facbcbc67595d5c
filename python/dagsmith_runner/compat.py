"""What differs between the Airflow versions dagsmith targets (2.10.3, 2.11.2, 3.0.6, 3.3.1), in one place.

Shared with python/dagsmith_harness/ (the project's own test scripts import it from here).
"""

from __future__ import annotations

import inspect
import json


def airflow_version() -> str:
    import airflow

    return airflow.__version__


def is_airflow3() -> bool:
    return airflow_version().startswith("3.")


def provider_version() -> str | None:
    try:
        from airflow.providers.amazon import __version__

        return __version__
    except ImportError:
        return None


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


def dag_test_kwargs(logical_date) -> dict:
    """dag.test()'s date argument: execution_date on Airflow 2, logical_date on 3."""
    return {"logical_date" if is_airflow3() else "execution_date": logical_date}


def run_task_module_globals(dag) -> dict:
    """The globals of the module whose `_run_task` dag.test() calls for each task (airflow.models.dag on 2,
    airflow.sdk.definitions.dag on 3); the runner wraps that function to know which task is running.
    (On Airflow 2, DAG.test is wrapped by @provide_session: its globals are those of airflow.utils.session.)"""
    return inspect.unwrap(type(dag).test).__globals__


def task_run_error(returned):
    """The exception of a task that failed, from what `_run_task` returned (Airflow 3: a TaskRunResult with
    `error`; Airflow 2 raises instead and returns None)."""
    return getattr(returned, "error", None)


def resume_in_failure(ti, exc: BaseException, session=None) -> None:
    """What Airflow's triggerer does when a deferred task's trigger raises (Trigger.submit_failure): the task resumes
    in `__fail__`, so it fails on the worker the normal way (TaskDeferralError, failure callbacks, retries).
    dag.test() runs triggers inline and has no such path: on Airflow 2 the error leaves the task DEFERRED and
    dag.test() runs it again from the start, for ever; on 3 it is marked failed without its callbacks."""
    import traceback

    ti.next_method = "__fail__"
    ti.next_kwargs = {
        "error": f"Trigger failure: {type(exc).__name__}: {exc}",
        "traceback": traceback.format_exception(type(exc), exc, exc.__traceback__),
    }
    if is_airflow3():
        from airflow.utils.session import create_session
        from airflow.utils.state import TaskInstanceState

        # As dag.test() does after a trigger completes: SCHEDULED, and its next run resumes the task.
        with create_session() as new_session:
            ti.state = TaskInstanceState.SCHEDULED
            new_session.add(ti)
    else:
        # _run_raw_task reads the task instance from the DB again (refresh_from_db): store what it resumes with.
        session.merge(ti)
        session.commit()


def register_assets(dag) -> list[str]:
    """Airflow 3.0 (and Airflow 2, register_datasets): write the DAG and its assets to the metadata DB the way the DAG processor does
    (DAG.bulk_write_to_db, which also activates the assets). dag.test() skips this, so on 3.0.6 every task
    with an outlet or inlet fails with AirflowInactiveAssetInInletOrOutletException (apache/airflow#51644)."""
    # From 3.1 on, dag.test() syncs the DAG folder to the DB itself (sync_bag_to_db), assets included.
    if not any(getattr(t, "outlets", None) or getattr(t, "inlets", None) for t in dag.tasks):
        return []
    if not is_airflow3():
        return register_datasets(dag)
    if not airflow_version().startswith("3.0."):
        return []
    from airflow.dag_processing.bundles.manager import DagBundlesManager
    from airflow.models.dag import DAG as SchedulerDAG
    from airflow.serialization.serialized_objects import SerializedDAG
    from airflow.utils.session import create_session

    DagBundlesManager().sync_bundles_to_db()
    scheduler_dag = SerializedDAG.deserialize_dag(SerializedDAG.serialize_dag(dag))  # as dag.test() does
    with create_session() as session:
        SchedulerDAG.bulk_write_to_db("dags-folder", None, [scheduler_dag], session=session)
    return ["DAG and its assets written to the metadata DB first, as the DAG processor does (apache/airflow#51644)"]


def drop_deadlines(dag) -> list[dict]:
    """Airflow 3.1+: a DAG's deadline alerts are left out of a test run. The scheduler evaluates deadlines (dag.test()
    runs no scheduler loop, so none could fire), and 3.3.1's dag.test() fails a run with a deadline at the moment it
    succeeds: DagRun.update_state looks each alert up by the id the DAG processor stores (DeadlineAlertModel.get_by_id),
    and a dag.test() DAG holds the serialized alert instead ("'dict' object has no attribute 'hex'")."""
    alerts = getattr(dag, "deadline", None)
    if not alerts:
        return []
    dag.deadline = None
    return [{"setting": "deadline", "from": f"{len(alerts)} deadline alert(s)", "to": None,
             "why": "deadline alerts are evaluated by the scheduler, not by dag.test(), which fails a run that has them "
                    "when it succeeds (Airflow 3.3.1)"}]


def register_datasets(dag) -> list[str]:
    """Airflow 2: write the DAG and its datasets and dataset aliases to the metadata DB as the DAG processor does
    (DAG.bulk_write_to_db). dag.test() does not, and a task's outlet events need the rows: an event of a dataset
    without its DatasetModel is dropped ("DatasetModel ... not found"), and one recorded through an alias without its
    DatasetAliasModel fails the task ("Can't flush None value found in collection DatasetModel.aliases")."""
    from airflow.models.dag import DAG
    from airflow.utils.session import create_session

    with create_session() as session:
        DAG.bulk_write_to_db([dag], session=session)
    return ["DAG and its datasets written to the metadata DB first, as the DAG processor does (dag.test() does not)"]


def read_return_values(dag_id: str, run_id: str, session) -> dict:
    """Each task's XCom return value (what the operator's execute() returned), JSON-safe.
    The ORM rows hold the value already decoded (Airflow 2 decodes on load; Airflow 3 stores the Execution API's
    JSON, which SQLAlchemy decodes), so `.value` is read as is: deserialize_value() would decode a JSON string twice."""
    if is_airflow3():
        from airflow.models.xcom import XComModel as XCom
    else:
        from airflow.models.xcom import XCom

    # Up to 3.0 get_many() runs the query in the session it is given; from 3.1 on it returns the SELECT to run.
    if "session" in inspect.signature(XCom.get_many).parameters:
        rows = XCom.get_many(run_id=run_id, key="return_value", dag_ids=dag_id, session=session)
    else:
        rows = session.scalars(XCom.get_many(run_id=run_id, key="return_value", dag_ids=dag_id)).all()
    values = {}
    for row in rows:
        key = row.task_id if row.map_index < 0 else f"{row.task_id}[{row.map_index}]"
        values[key] = json.loads(json.dumps(row.value, default=str))
    return values


def read_asset_events(dag_id: str, run_id: str, session) -> list:
    """The asset events the run's tasks recorded (DatasetEvent on Airflow 2, AssetEvent on 3), in order: the task,
    the asset's URI, the aliases it was recorded through (an alias-resolved event) and its extra."""
    if is_airflow3():
        from airflow.models.asset import AssetEvent as Event
    else:
        from airflow.models.dataset import DatasetEvent as Event

    rows = (session.query(Event).filter(Event.source_dag_id == dag_id, Event.source_run_id == run_id)
            .order_by(Event.id).all())
    # partitionKey: Airflow 3.2+ (the key of a partitioned run's event); absent before.
    return [{"taskId": row.source_task_id, "uri": row.uri, "aliases": sorted(a.name for a in row.source_aliases),
             "extra": json.loads(json.dumps(row.extra or {}, default=str)),
             **({"partitionKey": row.partition_key} if hasattr(row, "partition_key") else {})} for row in rows]


def read_rendered_fields(dag_id: str, run_id: str, session) -> dict:
    """Each task's rendered template fields as Airflow stored them (the RenderedTaskInstanceFields table; the
    runner raises [core] max_templated_field_length so they are not cut)."""
    from airflow.models.renderedtifields import RenderedTaskInstanceFields as RTIF

    out = {}
    rows = session.query(RTIF).filter(RTIF.dag_id == dag_id, RTIF.run_id == run_id).all()
    for row in rows:
        key = row.task_id if row.map_index < 0 else f"{row.task_id}[{row.map_index}]"
        out[key] = json.loads(json.dumps(row.rendered_fields or {}, default=str))
    return out


def empty_operator_classes() -> list:
    """Airflow's no-op operator (EmptyOperator) under every import path this version has."""
    out = []
    for module in ("airflow.providers.standard.operators.empty", "airflow.operators.empty"):
        try:
            mod = __import__(module, fromlist=["EmptyOperator"])
            cls = getattr(mod, "EmptyOperator", None)
            if cls is not None and cls not in out:
                out.append(cls)
        except ImportError:
            pass
    return out


def set_dags_folder(path: str) -> None:
    """Airflow reads [core] dags_folder into settings.DAGS_FOLDER once, at import; Airflow 3's dag.test() parses
    the bundle at settings.DAGS_FOLDER again, so each run points it at that run's own folder."""
    import os

    from airflow import settings

    os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = path
    settings.DAGS_FOLDER = path


def tables_with_rows() -> set:
    """The tables that hold rows right after `initdb()` (schema version, log templates, the default pool): the
    rows dag.test() expects; `reset_metadata_db` keeps them."""
    from sqlalchemy import func, select

    from airflow.models.base import Base
    from airflow.utils.session import create_session

    with create_session() as session:
        return {t.name for t in Base.metadata.sorted_tables
                if session.execute(select(func.count()).select_from(t)).scalar()} | {"alembic_version"}


def reset_metadata_db(keep: set) -> int:
    """Deletes every row of every Airflow table but those of `keep` (tables_with_rows() at start): the next run
    starts from the state a fresh `initdb()` leaves. Returns the number of tables emptied."""
    from airflow import settings
    from airflow.models.base import Base
    from airflow.utils.session import create_session

    settings.Session.remove()  # a session left in a failed transaction by the previous run is dropped
    n = 0
    with create_session() as session:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name in keep:
                continue
            session.execute(table.delete())
            n += 1
    settings.Session.remove()
    return n


def reuse_execution_api() -> bool:
    """Airflow 3's dag.test() builds a new in-process Execution API (a FastAPI app on its own event-loop thread) for
    every task it runs, and again for a deferred task's resumption: about a second each on 3.0. The runner keeps
    one per process (the API is stateless between requests; each run's DAG is set on it by `_api_client`, as before).
    Returns whether the hook was installed."""
    if not is_airflow3():
        return False
    try:
        import airflow.sdk.execution_time.supervisor as supervisor
    except ImportError:
        return False
    if getattr(supervisor, "_dagsmith_reused_api", False):
        return True
    make = supervisor.in_process_api_server
    cache = []

    def in_process_api_server():
        if not cache:
            cache.append(make())
        return cache[0]

    supervisor.in_process_api_server = in_process_api_server
    supervisor._dagsmith_reused_api = True
    # Built now, while the runner starts, rather than in the first task of the first run (8 s on 3.3 on 2 cores).
    api = in_process_api_server()
    _ = api.app, api.transport
    return True
