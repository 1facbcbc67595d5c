"""Print, as one JSON list, the time zone names this Python's zoneinfo knows (what Airflow and pendulum look up).

Usage: python timezones.py
src/base/timezones.generated.ts holds the names every MWAA Airflow virtualenv knows; test/base/timezones.test.ts
checks it against this script's output in each of them.
"""

import json
import zoneinfo

print(json.dumps(sorted(zoneinfo.available_timezones())))
