"""Print, as one JSON list, the first data interval Airflow's own timetables give each schedule.

Usage: python first_intervals.py '<json>'   where <json> is a list of
    {"cron": "30 4 * * *" | "every_seconds": 5400, "start": "2026-02-01T00:00:00", "timezone": "America/New_York"}
Each answer is [start, end], wall-clock times in the schedule's timezone as "YYYY-MM-DD HH:MM" (":SS" when not zero):
CronDataIntervalTimetable / DeltaDataIntervalTimetable.next_dagrun_info with no previous run and catchup on, which is
what dagsmith compiles a cron string or `{ every }` to. test/base/schedule-summary.test.ts holds
src/base/schedule-summary.ts to it on every Airflow target.
"""

import datetime
import json
import os
import sys
import tempfile

os.environ["AIRFLOW_HOME"] = tempfile.mkdtemp(prefix="dagsmith-intervals-")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"

import pendulum  # noqa: E402
from airflow.timetables.base import TimeRestriction  # noqa: E402
from airflow.timetables.interval import CronDataIntervalTimetable, DeltaDataIntervalTimetable  # noqa: E402


def wall(dt, tz):
    local = dt.in_timezone(tz)
    text = local.strftime("%Y-%m-%d %H:%M")
    return text + (local.strftime(":%S") if local.second else "")


def first_interval(case):
    tz = case["timezone"]
    start = pendulum.instance(datetime.datetime.fromisoformat(case["start"]), tz=tz)
    if "cron" in case:
        timetable = CronDataIntervalTimetable(case["cron"], tz)
    else:
        timetable = DeltaDataIntervalTimetable(datetime.timedelta(seconds=case["every_seconds"]))
    info = timetable.next_dagrun_info(
        last_automated_data_interval=None, restriction=TimeRestriction(earliest=start, latest=None, catchup=True)
    )
    return [wall(info.data_interval.start, tz), wall(info.data_interval.end, tz)]


print(json.dumps([first_interval(c) for c in json.loads(sys.argv[1])]))
