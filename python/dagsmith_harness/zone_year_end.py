"""Print, as one JSON object, the UTC offset (seconds) on 9999-12-31 of every time zone zoneinfo knows whose offset is
negative there: a start_date late on that day in such a zone is past datetime.max in UTC, and pendulum raises
OverflowError when the DAG file is imported. src/base/python-zones.generated.ts holds the table;
test/base/python-dates.test.ts checks it against this script's output in every Airflow virtualenv.

Usage: python zone_year_end.py
"""

import datetime
import json
import zoneinfo

out = {}
for name in sorted(zoneinfo.available_timezones()):
    tz = zoneinfo.ZoneInfo(name)
    first = datetime.datetime(9999, 12, 31, 0, 0, 0, tzinfo=tz).utcoffset()
    last = datetime.datetime(9999, 12, 31, 23, 59, 59, tzinfo=tz).utcoffset()
    # The last day of year 9999 follows each zone's final rule: no transition falls on it.
    assert first == last, name
    seconds = int(first.total_seconds())
    if seconds < 0:
        out[name] = seconds
print(json.dumps(out, sort_keys=True))
