"""One run: check the DAG, seed moto, run dag.test() with the calls recorded, collect what happened."""

from __future__ import annotations

import contextlib
import copy
import os
import re
import shutil
import time

from . import adjust, checks, compat, environment, netguard, partitions, schedule
from .outcomes import Outcomes
from .world import SetupError, World, s3_diff

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
MESSAGE_LIMIT = 8000
TIMEOUT_ERRORS = ("AirflowSensorTimeout", "AirflowTaskTimeout")


def _message(exc) -> dict:
    text = _ANSI.sub("", str(exc))
    if len(text) > MESSAGE_LIMIT:
        text = text[:MESSAGE_LIMIT] + f"... ({len(text) - MESSAGE_LIMIT} more characters)"
    return {"type": type(exc).__name__, "message": text}


class RunState:
    """What the wrappers record while dag.test() runs (the process runs one at a time)."""

    def __init__(self, recorder) -> None:
        self.recorder = recorder
        self.t0 = time.monotonic()
        self.attempts: dict = {}   # (task key, try) -> {"error": ..., "started": s, "ended": s}
        self.callbacks: list = []
        self.adjustments: list = []   # made while the run goes (a trigger that raised)

    def elapsed(self) -> float:
        return round(time.monotonic() - self.t0, 3)


CURRENT: RunState | None = None
_WRAPPED = set()


def _task_key(ti) -> str:
    m = getattr(ti, "map_index", -1)
    return ti.task_id if m is None or m < 0 else f"{ti.task_id}[{m}]"


# The exception of the trigger dag.test() ran inline last, when it raised (dag.test() runs one task at a time).
_TRIGGER_FAILURES: list = []


def install_task_scope(dag) -> None:
    """Wraps the `_run_task` dag.test() calls per task (once per module) to set the recorder's scope to the task
    and keep its exception: Airflow 2 raises it out of `_run_task`, Airflow 3 returns it in the TaskRunResult.
    Also wraps `_run_inline_trigger`: a trigger that raises makes the task resume in failure, as the triggerer
    would (compat.resume_in_failure), instead of looping (Airflow 2) or failing without callbacks (Airflow 3)."""
    module = compat.run_task_module_globals(dag)
    if id(module) in _WRAPPED:
        return
    original = module["_run_task"]
    original_trigger = module["_run_inline_trigger"]

    def _run_inline_trigger(*args, **kwargs):
        try:
            return original_trigger(*args, **kwargs)
        except Exception as exc:
            _TRIGGER_FAILURES.append(exc)
            raise

    def _run_task(*args, **kwargs):
        run = CURRENT
        ti = kwargs.get("ti") or (args[0] if args else None)
        if run is None or ti is None:
            return original(*args, **kwargs)
        key, try_number = _task_key(ti), getattr(ti, "try_number", None)
        attempt = run.attempts.setdefault((key, try_number), {"started": run.elapsed()})
        run.recorder.scope = {"task": key, "try": try_number, "phase": "task"}
        try:
            resumed = False
            while True:
                _TRIGGER_FAILURES.clear()
                try:
                    returned = original(*args, **kwargs)
                except BaseException:
                    if not _TRIGGER_FAILURES or resumed:
                        raise
                    returned = None
                if not _TRIGGER_FAILURES or resumed:
                    break
                # Once: the resumed task fails in `__fail__` without running its trigger again.
                resumed = True
                compat.resume_in_failure(ti, _TRIGGER_FAILURES[0], kwargs.get("session"))
                run.adjustments.append({"taskId": key, "setting": "trigger", "from": "raised", "to": "__fail__",
                                        "why": "a trigger that raises fails its task, as Airflow's triggerer does"})
        except BaseException as exc:
            attempt["error"] = _message(exc)
            raise
        finally:
            run.recorder.scope = {}
            attempt["ended"] = run.elapsed()
        err = compat.task_run_error(returned)
        if err is not None:
            attempt["error"] = _message(err)
        return returned

    module["_run_task"] = _run_task
    module["_run_inline_trigger"] = _run_inline_trigger
    _WRAPPED.add(id(module))


def _wrap_callback(cb, scope: str, kind: str, task_id: str | None):
    def fire(context):
        run = CURRENT
        # A notifier shared through default_args renders its templates into itself; a copy per call keeps the
        # next task's alert from showing this one's (on MWAA every task runs in a fresh process).
        target = copy.deepcopy(cb) if hasattr(cb, "template_fields") else cb
        fired = {"scope": scope, "kind": kind, "taskId": task_id, "callback": checks.class_path(type(target))}
        exc = (context or {}).get("exception") if hasattr(context, "get") else None
        if exc is not None:
            fired["exception"] = _message(exc)
        previous = run.recorder.scope if run else {}
        if run:
            fired["at"] = run.elapsed()
            run.recorder.scope = {**previous, "task": task_id or previous.get("task"), "phase": kind}
        try:
            return target(context)
        except Exception as err:
            fired["error"] = _message(err)
            raise
        finally:
            for name in getattr(target, "template_fields", ()):
                value = getattr(target, name, None)
                if isinstance(value, (str, int, float, bool, list, dict)) or value is None:
                    fired.setdefault("rendered", {})[name] = value
            if run:
                run.recorder.scope = previous
                run.callbacks.append(fired)

    fire.__qualname__ = getattr(cb, "__qualname__", type(cb).__qualname__)
    return fire


def install_callbacks(dag) -> None:
    """Every failure and retry callback of the DAG and its tasks is recorded when it fires."""
    for task in dag.tasks:
        for attr, kind in (("on_failure_callback", "on_failure"), ("on_retry_callback", "on_retry")):
            cbs = checks.callbacks_of(task, attr)
            if cbs:
                setattr(task, attr, [_wrap_callback(cb, "task", kind, task.task_id) for cb in cbs])
    for attr, kind in (("on_failure_callback", "on_failure"), ("on_success_callback", "on_success")):
        cbs = checks.callbacks_of(dag, attr)
        if cbs:
            setattr(dag, attr, [_wrap_callback(cb, "dag", kind, None) for cb in cbs])


def _attribute_s3(changes: list, calls: list, uses: list) -> None:
    """Which task (and call or declared outcome) last wrote or deleted each changed object."""
    writer: dict = {}
    for call in calls:
        if call.get("service") != "s3" or call.get("status", 500) >= 300:
            continue
        op, args = call.get("operation"), call.get("args", {})
        by = {"task": call.get("task"), "operation": op, "call": call["seq"]}
        if op in ("PutObject", "CompleteMultipartUpload", "DeleteObject"):
            writer[(args.get("Bucket"), args.get("Key"))] = by
        elif op == "CopyObject":
            source = str(args.get("CopySource", "")).split("?", 1)[0].lstrip("/")
            writer[(args.get("Bucket"), args.get("Key"))] = {**by, "source": f"s3://{source}"}
        elif op == "DeleteObjects":
            for obj in (args.get("Delete") or {}).get("Objects", []):
                writer[(args.get("Bucket"), obj.get("Key"))] = by
    for use in uses:
        for obj in use.get("wrote", []):
            writer[(obj["bucket"], obj["key"])] = {"task": use.get("task"), "outcome": f"{use['kind']} {use['resource']}",
                                                  "call": use.get("call")}
    for change in changes:
        by = writer.get((change.get("bucket"), change.get("key")))
        if by:
            change["by"] = by


class Runner:
    """Runs requests one after the other in this process."""

    def __init__(self, home: str, recorder, proxy) -> None:
        self.home = home
        self.recorder = recorder
        self.proxy = proxy
        self.runs = 0
        self.initial_tables = compat.tables_with_rows()

    def run(self, req) -> dict:
        global CURRENT
        t_start = time.monotonic()
        seconds: dict = {}
        result = {"type": "result", "id": req.id, "airflowVersion": compat.airflow_version(),
                  "providerVersion": compat.provider_version(), "dagId": req.dag_id}

        def refused(problems):
            return {**result, "status": "refused", "refusals": problems, "seconds": {"total": _since(t_start)}}

        problem = environment.endpoint_problem(req.moto)
        if problem:
            return refused([checks.refusal("DS702", problem)])
        if environment.credentials_problem(os.environ):
            return refused([checks.refusal("DS703", environment.credentials_problem(os.environ))])
        try:
            with open(req.dag_file, encoding="utf-8") as f:
                source = f.read()
        except (OSError, UnicodeDecodeError) as exc:
            return {**result, "status": "bad-request", "problems": [f"dagFile: cannot read it ({exc})"]}
        problems = checks.check_imports(source, req.dag_file, req.allowed_classes) + checks.check_shape(source, req.dag_file)
        if problems:
            return refused(problems)

        # The run's own DAG folder (Airflow 3's dag.test() parses the whole folder again).
        self.runs += 1
        folder = os.path.join(self.home, "dags", f"run-{self.runs}")
        os.makedirs(folder)
        dag_path = os.path.join(folder, os.path.basename(req.dag_file))
        with open(dag_path, "w", encoding="utf-8") as f:
            f.write(source)
        try:
            return self._run_loaded(req, result, dag_path, folder, seconds, t_start, refused)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _run_loaded(self, req, result, dag_path, folder, seconds, t_start, refused) -> dict:
        global CURRENT
        t = time.monotonic()
        if self.runs > 1:
            compat.reset_metadata_db(self.initial_tables)
        seconds["dbReset"] = _since(t)
        compat.set_dags_folder(folder)
        environment.point_at(os.environ, self.proxy.endpoint, req.region)

        t = time.monotonic()
        bag = compat.load_dagbag(dag_path)
        seconds["parse"] = _since(t)
        if bag.import_errors:
            errors = {os.path.basename(k): _ANSI.sub("", v)[-MESSAGE_LIMIT:] for k, v in bag.import_errors.items()}
            return {**result, "status": "import-error", "importErrors": errors, "seconds": {**seconds, "total": _since(t_start)}}
        if req.dag_id not in bag.dags:
            return {**result, "status": "refused", "refusals": [checks.refusal(
                "DS707", f"the DAG file defines no DAG '{req.dag_id}' (it defines: {', '.join(sorted(bag.dags)) or 'none'})")],
                "seconds": {**seconds, "total": _since(t_start)}}
        dag = bag.dags[req.dag_id]
        allowed = checks.import_classes(req.allowed_classes)
        problems = checks.check_dag(dag, allowed, compat.empty_operator_classes())
        if problems:
            return refused(problems)
        partition = None
        if partitions.is_cron_partitioned(dag):
            logical_date, key, partition_date, problem = partitions.scheduled_partition(dag, req.logical_date, req.date_only)
            interval, partition = None, (key, partition_date)
        else:
            logical_date, interval, problem = schedule.scheduled_run(dag, req.logical_date, req.date_only)
        if problem:
            return refused([checks.refusal("DS710", problem)])

        t = time.monotonic()
        world = World(req.moto, req.region)
        try:
            world.reset()
            given_counts = world.apply(req.given)
            world.ensure_lambda_functions([e.get("function") for e in req.outcomes.get("lambda", [])])
            # A declared outcome that writes to a bucket says the bucket exists (it is not created by the run).
            for entries in req.outcomes.values():
                for entry in entries:
                    for obj in entry.get("writes", []):
                        world.create_bucket(obj["bucket"])
        except SetupError as exc:
            return {**result, "status": "setup-error", "problems": [str(exc)], "seconds": {**seconds, "total": _since(t_start)}}
        except Exception as exc:  # moto down or unreachable
            return {**result, "status": "setup-error", "problems": [f"cannot set up moto at {req.moto}: {exc}"],
                    "seconds": {**seconds, "total": _since(t_start)}}
        before, _ = world.s3_state()
        seconds["seed"] = _since(t)

        notes = adjust.adjust(dag, req.limits, req.keep_retries)
        notes += [{"setting": "assets", "why": n} for n in compat.register_assets(dag)]
        notes += compat.drop_deadlines(dag)
        if partition is not None:
            notes.append(partitions.adjustment(partition[0]))
        install_task_scope(dag)
        install_callbacks(dag)
        outcomes = Outcomes(req.outcomes, world.put_objects)
        run = RunState(self.recorder)
        netguard.take_blocked()
        self.recorder.begin(req.moto, outcomes)
        CURRENT = run
        t = time.monotonic()
        crashed = None
        dag_run = None
        try:
            kwargs = compat.dag_test_kwargs(logical_date)
            if req.conf is not None:
                kwargs["run_conf"] = req.conf
            given = partitions.give_partition(*partition) if partition is not None else contextlib.nullcontext()
            with schedule.manual_interval(dag, logical_date, interval), given:
                dag_run = dag.test(**kwargs)
        except Exception as exc:  # dag.test() itself broke (not a task failure)
            import traceback

            traceback.print_exc()
            crashed = _message(exc)
            from airflow import settings

            settings.Session.remove()
        finally:
            CURRENT = None
            calls = self.recorder.end()
        seconds["run"] = _since(t)

        t = time.monotonic()
        out = {**result, "status": "crashed" if crashed else "ran", "adjustments": notes + run.adjustments,
               "given": given_counts, "calls": calls, "outcomes": outcomes.uses, "callbacks": run.callbacks,
               "blockedNetwork": netguard.take_blocked()}
        if crashed:
            out["crash"] = crashed
        if dag_run is not None:
            out.update(self._collect(dag, dag_run, run))
        after, cut = world.s3_state()
        changes = s3_diff(before, after)
        _attribute_s3(changes, calls, outcomes.uses)
        for change in changes:
            if change["change"] in ("created", "modified"):
                text = world.small_body(change["bucket"], change["key"], change["size"])
                if text is not None:
                    change["text"] = text
        out["s3"] = {"changes": changes, "objectsAfter": [
            {"bucket": b, "key": k, "size": s} for (b, k), (_, s) in sorted(after.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))
            if k is not None], "truncated": cut}
        seconds["collect"] = _since(t)
        out["seconds"] = {**seconds, "total": _since(t_start)}
        return out

    def warm_up(self) -> dict:
        """Runs a one-task DAG (EmptyOperator, no AWS) through dag.test(): the first task a process runs pays for
        what Airflow builds on first use (on 3.x the Execution API's task routes: 5-15 s on two cores), which then
        lands here, while the caller does other work, instead of in its first test."""
        t0 = time.monotonic()
        self.runs += 1
        folder = os.path.join(self.home, "dags", f"run-{self.runs}")
        os.makedirs(folder)
        path = os.path.join(folder, "dagsmith_warm_up.py")
        module = "airflow.providers.standard.operators.empty" if compat.is_airflow3() else "airflow.operators.empty"
        dag_import = "from airflow.sdk import DAG" if compat.is_airflow3() else "from airflow import DAG"
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"import pendulum\n{dag_import}\nfrom {module} import EmptyOperator\n"
                    "with DAG(dag_id='dagsmith_warm_up', schedule=None, start_date=pendulum.datetime(2026, 1, 1, tz='UTC')) as dag:\n"
                    "    EmptyOperator(task_id='warm_up')\n")
        try:
            if self.runs > 1:
                compat.reset_metadata_db(self.initial_tables)
            compat.set_dags_folder(folder)
            dag = compat.load_dagbag(path).dags["dagsmith_warm_up"]
            dag_run = dag.test(**compat.dag_test_kwargs(schedule.pendulum_utc(2026, 1, 1)))
            state = str(getattr(dag_run.state, "value", dag_run.state))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return {"dagRunState": state, "seconds": _since(t0)}

    def _collect(self, dag, dag_run, run: RunState) -> dict:
        from airflow.models.taskinstance import TaskInstance
        from airflow.utils.session import create_session

        with create_session() as session:
            tis = session.query(TaskInstance).filter(
                TaskInstance.dag_id == dag.dag_id, TaskInstance.run_id == dag_run.run_id).all()
            rendered = compat.read_rendered_fields(dag.dag_id, dag_run.run_id, session)
            returned = compat.read_return_values(dag.dag_id, dag_run.run_id, session)
            asset_events = compat.read_asset_events(dag.dag_id, dag_run.run_id, session)
            run_state = str(getattr(dag_run.state, "value", dag_run.state))
            logical = getattr(dag_run, "logical_date", None) or getattr(dag_run, "execution_date", None)
            interval = (getattr(dag_run, "data_interval_start", None), getattr(dag_run, "data_interval_end", None))
            tasks = []
            for ti in tis:
                key = _task_key(ti)
                task = dag.task_dict.get(ti.task_id)
                attempts = sorted(((k[1], v) for k, v in run.attempts.items() if k[0] == key),
                                  key=lambda a: (a[0] is None, a[0] or 0))
                entry = {
                    "taskId": key,
                    "operator": checks.class_path(checks.operator_class(task)) if task is not None else None,
                    "state": str(getattr(ti.state, "value", ti.state)) if ti.state is not None else "none",
                    "tryNumber": ti.try_number,
                    "startedAt": ti.start_date.isoformat() if ti.start_date else None,
                    "duration": _duration(ti, attempts),
                    "rendered": rendered.get(key, {}),
                    "attempts": [{"try": n, **{k: v for k, v in a.items() if k != "try"}} for n, a in attempts],
                }
                if key in returned:
                    entry["returnValue"] = returned[key]
                errors = [a["error"] for _, a in attempts if a.get("error")]
                if errors:
                    entry["error"] = errors[-1]
                    entry["timedOut"] = errors[-1]["type"] in TIMEOUT_ERRORS
                tasks.append(entry)
        # Airflow 3.0 gives a failure callback no `exception` in its context: the task's own error is what it was for.
        errors = {e["taskId"]: e["error"] for e in tasks if e.get("error")}
        for fired in run.callbacks:
            if fired["scope"] == "task" and "exception" not in fired and fired.get("taskId") in errors:
                fired["exception"] = errors[fired["taskId"]]
        order = {t: i for i, t in enumerate(dag.task_ids)}
        tasks.sort(key=lambda e: (e["startedAt"] is None, e["startedAt"] or "", order.get(e["taskId"].split("[")[0], 0)))
        return {
            "runId": dag_run.run_id,
            "logicalDate": logical.isoformat() if logical else None,
            "dataInterval": {"start": interval[0].isoformat() if interval[0] else None,
                             "end": interval[1].isoformat() if interval[1] else None},
            "dagRunState": run_state,
            "tasks": tasks,
            "tasksWithoutInstance": sorted(set(dag.task_ids) - {e["taskId"].split("[")[0] for e in tasks}),
            "assetEvents": asset_events,
        }


def _duration(ti, attempts) -> float | None:
    """The task's run time: Airflow's own, else end - start (Airflow 2's dag.test() leaves `duration` unset), else
    the time the runner saw it run."""
    if ti.duration is not None:
        return round(ti.duration, 3)
    if ti.start_date and ti.end_date:
        return round((ti.end_date - ti.start_date).total_seconds(), 3)
    spans = [a["ended"] - a["started"] for _, a in attempts if "ended" in a and "started" in a]
    return round(sum(spans), 3) if spans else None


def _since(t: float) -> float:
    return round(time.monotonic() - t, 3)
