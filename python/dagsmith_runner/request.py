"""A run request (one JSON line): checked field by field; every problem is reported, none is guessed around.

The shapes are documented in README.md and typed in src/test-runner/protocol.ts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

DEFAULT_LIMITS = {
    "sensorTimeout": 10.0,   # seconds a sensor may wait (its own timeout if shorter)
    "pokeInterval": 1.0,     # seconds between pokes (its own if shorter)
    "pollInterval": 1.0,     # seconds between an operator's status polls (Glue, Athena, Redshift, waiters)
    "taskTimeout": 120.0,    # execution_timeout of every task (its own if shorter)
    "runTimeout": 600.0,     # the whole run; past it the runner reports a timeout and exits
}
_OUTCOME_KEYS = {
    "glueJobs": "job", "lambda": "function", "databrew": "job", "flink": "application", "emrServerless": "application",
    "redshiftData": None, "athena": None, "emrSteps": None,
}
_CLASS_PATH = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")
_REGION = re.compile(r"^[a-z]{2}(-[a-z]+)+-\d$")


@dataclass
class RunRequest:
    id: str
    dag_file: str
    dag_id: str
    logical_date: dt.datetime
    moto: str
    region: str = "us-east-1"
    allowed_classes: list = field(default_factory=list)
    given: dict = field(default_factory=dict)
    outcomes: dict = field(default_factory=dict)
    limits: dict = field(default_factory=lambda: dict(DEFAULT_LIMITS))
    keep_retries: bool = False
    conf: dict | None = None
    # logicalDate was a bare date: the scheduled run that starts on that day (schedule.py)
    date_only: bool = True


def _is_obj(v) -> bool:
    return isinstance(v, dict)


def parse_date(value: str) -> dt.datetime | None:
    """YYYY-MM-DD (UTC midnight) or an ISO 8601 date-time with an offset."""
    if not isinstance(value, str):
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.datetime.fromisoformat(value).replace(tzinfo=dt.timezone.utc)
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo is not None else None
    except ValueError:
        return None


def _check_objects(objects, where: str, problems: list) -> None:
    if not isinstance(objects, list):
        problems.append(f"{where} must be a list of {{bucket, key, body | base64}}")
        return
    for i, o in enumerate(objects):
        if not _is_obj(o) or not isinstance(o.get("bucket"), str) or not isinstance(o.get("key"), str) \
                or not o["bucket"] or not o["key"]:
            problems.append(f"{where}[{i}] needs a non-empty bucket and key")
        elif "body" in o and "base64" in o:
            problems.append(f"{where}[{i}] has both body and base64")
        elif "body" in o and not isinstance(o["body"], str) or "base64" in o and not isinstance(o["base64"], str):
            problems.append(f"{where}[{i}]: body and base64 are strings")


def parse(obj) -> tuple[RunRequest | None, list[str]]:
    problems: list[str] = []
    if not _is_obj(obj):
        return None, ["a request is a JSON object"]
    rid = obj.get("id")
    if not isinstance(rid, str) or not rid:
        problems.append("id: a non-empty string")
    for key in ("dagFile", "dagId", "moto"):
        if not isinstance(obj.get(key), str) or not obj.get(key):
            problems.append(f"{key}: a non-empty string")
    date = parse_date(obj.get("logicalDate"))
    if date is None:
        problems.append("logicalDate: YYYY-MM-DD or an ISO 8601 date-time with an offset")
    region = obj.get("region", "us-east-1")
    if not isinstance(region, str) or not _REGION.match(region):
        problems.append("region: an AWS region name such as us-east-1")
    allowed = obj.get("allowedClasses", [])
    if not isinstance(allowed, list) or not all(isinstance(c, str) and _CLASS_PATH.match(c) for c in allowed):
        problems.append("allowedClasses: a list of dotted class paths (module.Class)")
    given = obj.get("given", {})
    if not _is_obj(given):
        problems.append("given: an object")
        given = {}
    else:
        unknown = set(given) - {"buckets", "s3", "calls"}
        if unknown:
            problems.append(f"given: unknown keys {sorted(unknown)}")
        if not isinstance(given.get("buckets", []), list) or not all(isinstance(b, str) and b for b in given.get("buckets", [])):
            problems.append("given.buckets: a list of bucket names")
        _check_objects(given.get("s3", []), "given.s3", problems)
        calls = given.get("calls", [])
        if not isinstance(calls, list) or not all(
                _is_obj(c) and isinstance(c.get("service"), str) and isinstance(c.get("operation"), str)
                and _is_obj(c.get("args", {})) for c in calls):
            problems.append("given.calls: a list of {service, operation, args}")
    outcomes = obj.get("outcomes", {})
    if not _is_obj(outcomes):
        problems.append("outcomes: an object")
        outcomes = {}
    for key, entries in outcomes.items():
        if key not in _OUTCOME_KEYS:
            problems.append(f"outcomes.{key}: unknown (known: {', '.join(sorted(_OUTCOME_KEYS))})")
            continue
        if not isinstance(entries, list) or not all(_is_obj(e) for e in entries):
            problems.append(f"outcomes.{key}: a list of objects")
            continue
        name_key = _OUTCOME_KEYS[key]
        for i, e in enumerate(entries):
            if name_key and not isinstance(e.get(name_key), str):
                problems.append(f"outcomes.{key}[{i}].{name_key}: a string")
            if "match" in e and not isinstance(e["match"], str):
                problems.append(f"outcomes.{key}[{i}].match: a string")
            if "writes" in e:
                _check_objects(e["writes"], f"outcomes.{key}[{i}].writes", problems)
    limits = dict(DEFAULT_LIMITS)
    given_limits = obj.get("limits", {})
    if not _is_obj(given_limits):
        problems.append("limits: an object")
    else:
        for key, value in given_limits.items():
            if key not in DEFAULT_LIMITS:
                problems.append(f"limits.{key}: unknown (known: {', '.join(DEFAULT_LIMITS)})")
            elif isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 86400:
                problems.append(f"limits.{key}: seconds, more than 0 and at most 86400")
            else:
                limits[key] = float(value)
    retries = obj.get("retries", "none")
    if retries not in ("none", "keep"):
        problems.append('retries: "none" (default) or "keep"')
    conf = obj.get("conf")
    if conf is not None and not _is_obj(conf):
        problems.append("conf: an object (the run's conf, which sets params)")
    if problems:
        return None, problems
    return RunRequest(id=rid, dag_file=obj["dagFile"], dag_id=obj["dagId"], logical_date=date, moto=obj["moto"],
                      region=region, allowed_classes=list(allowed), given=given, outcomes=outcomes, limits=limits,
                      keep_retries=retries == "keep", conf=conf,
                      date_only=bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", obj["logicalDate"]))), []
