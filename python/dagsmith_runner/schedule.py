"""The run a test asks for is the scheduled run of that date, with the data interval the scheduler would give it.

dag.test() makes a manual run: its data interval is the one that *ends* at the logical date (for a daily DAG,
yesterday), so `data_interval_start` and `data_interval_end` would render a day off from the scheduled run the test
is about. For DAGs with a data-interval timetable (what dagsmith writes for a schedule on every target), the runner
finds the scheduled run that starts on the requested date (in the DAG's time zone; the first schedule point of
that day, e.g. 03:00 for "0 3 * * *") and makes dag.test() use its logical date and data interval. A date on which
no scheduled run starts (a Tuesday for a weekly Monday schedule) is refused, naming the runs before and after it.
DAGs without a schedule keep dag.test()'s manual run (data interval = the logical date).
"""

from __future__ import annotations

import contextlib
import datetime as dt


def _interval_timetable(timetable) -> bool:
    try:
        from airflow.timetables.interval import _DataIntervalTimetable
    except ImportError:
        return False
    return isinstance(timetable, _DataIntervalTimetable)


def search_start(dag, requested: dt.datetime, date_only: bool):
    """(the DAG's time zone, the instant to search the first run from): the start of the requested day there, or the
    requested instant itself."""
    import pendulum

    tz = getattr(dag, "timezone", None) or pendulum.UTC
    if date_only:
        day = requested.date()
        return tz, pendulum.datetime(day.year, day.month, day.day, tz=tz)
    return tz, pendulum.instance(requested)


def scheduled_run(dag, requested: dt.datetime, date_only: bool):
    """(logical date, data interval or None, problem or None) of the scheduled run the request names."""
    import pendulum
    from airflow.timetables.base import TimeRestriction

    timetable = dag.timetable
    if not _interval_timetable(timetable):
        return pendulum.instance(requested), None, None
    tz, earliest = search_start(dag, requested, date_only)
    info = timetable.next_dagrun_info(last_automated_data_interval=None,
                                      restriction=TimeRestriction(earliest=earliest, latest=None, catchup=True))
    if info is None:
        return None, None, f"the schedule of {dag.dag_id} has no run at or after {earliest.isoformat()}"
    start = info.data_interval.start
    if date_only and pendulum.instance(start).in_timezone(tz).date() != requested.date():
        return None, None, (f"no scheduled run of {dag.dag_id} starts on {requested.date().isoformat()} "
                            f"(time zone {getattr(tz, 'name', tz)}); the next one starts {start.isoformat()}")
    if not date_only and start != earliest:
        return None, None, (f"{requested.isoformat()} is not a schedule point of {dag.dag_id}; the next run starts "
                            f"{start.isoformat()}")
    return info.logical_date, info.data_interval, None


@contextlib.contextmanager
def manual_interval(dag, logical_date, interval):
    """While dag.test() runs, the DAG's timetable gives a manual run at `logical_date` the scheduled `interval`."""
    if interval is None:
        yield
        return
    cls = type(dag.timetable)
    original = cls.__dict__.get("infer_manual_data_interval")
    inherited = cls.infer_manual_data_interval

    def infer_manual_data_interval(self, *args, **kwargs):
        run_after = kwargs.get("run_after", args[0] if args else None)
        if run_after == logical_date:
            return interval
        return inherited(self, *args, **kwargs)

    cls.infer_manual_data_interval = infer_manual_data_interval
    try:
        yield
    finally:
        if original is None:
            del cls.infer_manual_data_interval
        else:
            cls.infer_manual_data_interval = original


def pendulum_utc(year: int, month: int, day: int):
    import pendulum

    return pendulum.datetime(year, month, day, tz="UTC")
