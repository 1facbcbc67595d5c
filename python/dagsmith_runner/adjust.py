"""Test-only changes to a loaded DAG, each listed in the result's `adjustments`.

- Sensors wait seconds, not hours: `timeout` and `poke_interval` are capped by the request's limits, exponential
  backoff is off, and they run in poke mode, not deferred: dag.test() runs a trigger inline without the deferral's
  timeout (a deferred sensor whose key never comes would wait forever), and on Airflow 3 a rescheduling sensor
  fails under dag.test() on its second poke (apache/airflow#58777).
- Operators poll every `pollInterval` seconds at most (Glue, Athena, Redshift Data, EMR, waiters and triggers):
  moto and the declared outcomes answer at once, and a 30 s poll would be most of a run.
- Every task's `execution_timeout` is capped by `taskTimeout`.
- Retries: by default none (dag.test() waits out `retry_delay` between tries); with retries "keep", the retries
  stay and the delay between them is at most `pollInterval` seconds, the delay a retry policy's rule gives too (the
  task gets its own copy of the policy, which default_args share between tasks).
"""

from __future__ import annotations

import copy
import datetime as dt

POLL_ATTRS = ("poll_interval", "job_poll_interval", "sleep_time", "waiter_delay", "check_interval",
              "waiter_check_interval_seconds")


def _seconds(value):
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _like(original, seconds: float):
    """`seconds` in the type of `original` (timedelta, int or float)."""
    if isinstance(original, dt.timedelta):
        return dt.timedelta(seconds=seconds)
    if isinstance(original, int):
        return max(1, int(round(seconds)))
    return float(seconds)


def is_sensor(task) -> bool:
    return hasattr(task, "poke") and hasattr(task, "mode") and hasattr(task, "poke_interval")


def adjust(dag, limits: dict, keep_retries: bool) -> list[dict]:
    notes: list[dict] = []

    def note(task, setting, before, after, why):
        notes.append({"taskId": task.task_id, "setting": setting, "from": _show(before), "to": _show(after), "why": why})

    def cap(task, attr, limit, why):
        value = getattr(task, attr, None)
        secs = _seconds(value)
        if secs is not None and secs > limit:
            new = _like(value, limit)
            setattr(task, attr, new)
            note(task, attr, value, new, why)

    for task in dag.tasks:
        if is_sensor(task):
            if getattr(task, "deferrable", False):
                task.deferrable = False
                note(task, "deferrable", True, False, "dag.test() runs a deferred sensor's trigger without its timeout")
            if getattr(task, "mode", "poke") != "poke":
                note(task, "mode", task.mode, "poke", "the sensor waits in its task (dag.test())")
                task.mode = "poke"
            cap(task, "timeout", limits["sensorTimeout"], "test limit: a sensor waits seconds")
            cap(task, "poke_interval", limits["pokeInterval"], "test limit")
            if getattr(task, "exponential_backoff", False):
                task.exponential_backoff = False
                note(task, "exponential_backoff", True, False, "test limit")
        else:
            for attr in POLL_ATTRS:
                if hasattr(task, attr):
                    cap(task, attr, limits["pollInterval"], "test limit: AWS answers at once here")
        timeout = getattr(task, "execution_timeout", None)
        if timeout is None or timeout.total_seconds() > limits["taskTimeout"]:
            new = dt.timedelta(seconds=limits["taskTimeout"])
            task.execution_timeout = new
            note(task, "execution_timeout", timeout, new, "test limit")
        retries = getattr(task, "retries", 0) or 0
        if not keep_retries and retries > 0:
            task.retries = 0
            note(task, "retries", retries, 0, "dag.test() waits out retry_delay between tries")
        elif keep_retries and retries > 0:
            cap(task, "retry_delay", limits["pollInterval"], "test limit: retries stay, the wait between them is short")
            if getattr(task, "retry_exponential_backoff", False):
                task.retry_exponential_backoff = False
                note(task, "retry_exponential_backoff", True, False, "test limit")
            _cap_retry_policy(task, limits["pollInterval"], note)
    return notes


def _cap_retry_policy(task, limit, note):
    """The retry delays of an ExceptionRetryPolicy's rules (Airflow 3.3), at most `limit` seconds."""
    policy = getattr(task, "retry_policy", None)
    rules = getattr(policy, "rules", None)
    if not rules or not any((_seconds(getattr(r, "retry_delay", None)) or 0) > limit for r in rules):
        return
    policy = copy.deepcopy(policy)
    for i, rule in enumerate(policy.rules):
        secs = _seconds(rule.retry_delay)
        if secs is not None and secs > limit:
            new = dt.timedelta(seconds=limit)
            note(task, f"retry_policy.rules[{i}].retry_delay", rule.retry_delay, new,
                 "test limit: retries stay, the wait between them is short")
            rule.retry_delay = new
    task.retry_policy = policy


def _show(value):
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return value
