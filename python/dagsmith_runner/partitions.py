"""Partitioned runs (CronPartitionTimetable, Airflow 3.2+; 3.3.1 among the MWAA targets) under dag.test().

dag.test() makes a manual run without a partition key (airflow/models/dagrun.py `get_or_create_dagrun` takes none and
`DAG.test` passes none), so `{{ partition_key }}` would render "None" and the run's asset events would carry no key.
The scheduler gives a CronPartitionTimetable run the key of its partition date. For such a DAG the runner finds the
scheduled run on the requested date as the scheduler computes it (the timetable's own `next_dagrun_info_v2`), runs
dag.test() at that run's logical date, and gives the run its partition key and date (an adjustment it reports).

A PartitionedAssetTimetable consumer's run gets its key from the producer's events, mapped by the scheduler
(airflow/assets/manager.py); dag.test() runs no scheduler loop, so a consumer's test run has no key.
"""

from __future__ import annotations

import contextlib

from .schedule import search_start


def is_cron_partitioned(dag) -> bool:
    return type(getattr(dag, "timetable", None)).__name__ == "CronPartitionTimetable"


def scheduled_partition(dag, requested, date_only: bool):
    """(logical date, partition key, partition date, problem) of the scheduled run on the requested date."""
    import pendulum
    from airflow.serialization.encoders import coerce_to_core_timetable
    from airflow.timetables.base import TimeRestriction

    timetable = coerce_to_core_timetable(dag.timetable)
    tz, earliest = search_start(dag, requested, date_only)
    info = timetable.next_dagrun_info_v2(last_dagrun_info=None,
                                         restriction=TimeRestriction(earliest=earliest, latest=None, catchup=True))
    if info is None:
        return None, None, None, f"the schedule of {dag.dag_id} has no run at or after {earliest.isoformat()}"
    at = info.logical_date or info.run_after
    if date_only and pendulum.instance(at).in_timezone(tz).date() != requested.date():
        return None, None, None, (f"no scheduled run of {dag.dag_id} is on {requested.date().isoformat()} "
                                  f"(time zone {getattr(tz, 'name', tz)}); the next one is {at.isoformat()}")
    if not date_only and at != earliest:
        return None, None, None, (f"{requested.isoformat()} is not a schedule point of {dag.dag_id}; the next run is "
                                  f"{at.isoformat()}")
    return at, info.partition_key, info.partition_date, None


@contextlib.contextmanager
def give_partition(key, partition_date):
    """While dag.test() runs, the run it creates gets the partition key and date the scheduler would give it."""
    import airflow.models.dagrun as dagrun_module

    original = dagrun_module.get_or_create_dagrun

    def get_or_create_dagrun(*args, **kwargs):
        run = original(*args, **kwargs)
        run.partition_key = key
        run.partition_date = partition_date
        kwargs["session"].flush()
        return run

    dagrun_module.get_or_create_dagrun = get_or_create_dagrun
    try:
        yield
    finally:
        dagrun_module.get_or_create_dagrun = original


def adjustment(key) -> dict:
    return {"setting": "partition", "from": None, "to": key,
            "why": "dag.test() makes a run without a partition key; the runner gives the run the key the scheduler "
                   "gives the scheduled run of that date (CronPartitionTimetable)"}
