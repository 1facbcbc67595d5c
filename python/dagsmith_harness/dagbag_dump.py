"""Load a DAG folder with Airflow's DagBag and print one JSON description of it.

Usage: python dagbag_dump.py <dag folder or .py file> [<dag folder or .py file> ...]

Runs unchanged on Airflow 2.10.3, 2.11.2, 3.0.6 and 3.3.1 (the MWAA versions dagsmith targets).
Needs no Airflow database: AIRFLOW_HOME is a fresh temp dir and nothing is written
to it except Airflow's log folder. Only the JSON goes to stdout; Airflow's own
logging (which Airflow 2 sends to stdout) and anything the DAG files print go to
stderr. See README.md for the JSON shape.
"""

from __future__ import annotations

import os
import sys
import tempfile

# Airflow reads its configuration on import, so set it up first.
_HOME = tempfile.mkdtemp(prefix="dagsmith-airflow-")
os.environ["AIRFLOW_HOME"] = _HOME
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__CORE__UNIT_TEST_MODE"] = "False"
os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "WARNING")
os.environ.setdefault("AIRFLOW__LOGGING__COLORED_CONSOLE_LOG", "False")
os.environ.setdefault("AIRFLOW__CORE__DAGBAG_IMPORT_ERROR_TRACEBACK_DEPTH", "4")

import datetime as _dt  # noqa: E402
import enum  # noqa: E402
import inspect  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import warnings  # noqa: E402

from airflow_compat import load_dagbag  # noqa: E402  (imports Airflow only when called)

_BASE_CLASSES = {"BaseOperator", "BaseSensorOperator"}
_ADDR = re.compile(r" at 0x[0-9a-fA-F]+")
# DagBag imports each file under a mangled module name; strip it so reprs are stable.
_MANGLED = re.compile(r"unusual_prefix_[0-9a-f]+_")


def stable_repr(value) -> str:
    try:
        text = repr(value)
    except Exception as exc:  # an odd __repr__ must not crash the dump
        text = f"<unrepresentable {type(value).__name__}: {exc}>"
    return _MANGLED.sub("", _ADDR.sub("", text))


def seconds(value):
    if value is None:
        return None
    if isinstance(value, _dt.timedelta):
        secs = value.total_seconds()
        return int(secs) if secs == int(secs) else secs
    return to_json(value)


def to_json(value, depth: int = 0):
    """Best-effort conversion to JSON; anything else becomes a stable repr()."""
    try:
        if value is None or isinstance(value, (bool, int, str)):
            return value
        if isinstance(value, float):
            return value if value == value and value not in (float("inf"), float("-inf")) else repr(value)
        if depth > 100:  # deeper than any value dagsmith accepts (64 levels in a document)
            return stable_repr(value)
        if isinstance(value, enum.Enum):
            return to_json(value.value, depth + 1)
        if isinstance(value, _dt.timedelta):
            return seconds(value)
        if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
            return value.isoformat()
        if isinstance(value, dict):
            return {str(k): to_json(v, depth + 1) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [to_json(v, depth + 1) for v in value]
        if isinstance(value, (set, frozenset)):
            items = [to_json(v, depth + 1) for v in value]
            return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
        if type(value).__name__ == "ArgNotSet":
            return None
    except Exception:
        pass
    return stable_repr(value)


def callback_name(cb):
    """Name of a callback (function or callable object); lists give a comma-joined string."""
    if cb is None:
        return None
    if isinstance(cb, (list, tuple)):
        names = [callback_name(c) for c in cb]
        return ",".join(n for n in names if n) or None
    if inspect.isfunction(cb) or inspect.ismethod(cb):
        return cb.__qualname__
    return type(cb).__name__


def alert_targets(cb):
    """The SNS topics a callback (or list of callbacks) publishes to: each notifier's target_arn."""
    if cb is None:
        return []
    cbs = cb if isinstance(cb, (list, tuple)) else [cb]
    return [str(attr(c, "target_arn")) for c in cbs if attr(c, "target_arn") is not None]


def alerts_of(obj):
    """Callback kind -> the SNS topics it publishes to, for a DAG or a task (kinds without one left out: Airflow 3
    keeps an empty list where Airflow 2 keeps None)."""
    out = {}
    for kind in ("failure", "success", "retry"):
        targets = alert_targets(attr(obj, f"on_{kind}_callback"))
        if targets:
            out[kind] = targets
    return out


def weight_rule_name(rule):
    """A task's weight rule by name: Airflow 2 keeps the strategy object, Airflow 3 the name (or a str enum)."""
    if rule is None:
        return None
    if isinstance(rule, str):
        return str(getattr(rule, "value", rule))
    try:
        from airflow.task.priority_strategy import airflow_priority_weight_strategies

        for name, cls in airflow_priority_weight_strategies.items():
            if type(rule) is cls:
                return name
    except ImportError:
        pass
    return type(rule).__name__


def schedule_of(dag):
    """Stable schedule: the string the DAG was given (cron or preset like "@daily",
    "@once", "@continuous"), a timedelta as seconds, null for no schedule; any other
    timetable (assets, custom) as "<TimetableClass>: <summary>"."""
    if hasattr(dag, "schedule_interval"):  # Airflow 2
        raw = dag.schedule_interval
    else:  # Airflow 3
        raw = getattr(dag, "schedule", None)
    if raw is None:
        return None
    if isinstance(raw, str):
        return raw
    if isinstance(raw, _dt.timedelta):
        return seconds(raw)
    timetable = getattr(dag, "timetable", None)
    summary = getattr(timetable, "summary", None)
    return f"{type(timetable).__name__}: {summary}" if timetable is not None else stable_repr(raw)


def timetable_args(timetable):
    """The timetable's own serialized arguments (`Timetable.serialize()`, the form Airflow stores), e.g.
    {"expression": "0 3 * * *", "timezone": "Europe/Berlin"} for a cron timetable, {"delta": 3600.0} for a
    delta timetable, {} for NullTimetable/OnceTimetable. Same method on Airflow 2.10.3 and 3.0.6."""
    try:
        if not hasattr(timetable, "serialize"):
            # Airflow 3.2+ SDK timetables (CronPartitionTimetable, PartitionedAssetTimetable on 3.3.1) have no
            # serialize(): their arguments are what the DAG serializer stores for them.
            from airflow.serialization.encoders import encode_timetable

            return to_json(json.loads(json.dumps(encode_timetable(timetable)["__var"], default=str)))
        return to_json(timetable.serialize())
    except Exception as exc:
        return f"<serialize failed: {type(exc).__name__}: {exc}>"


def asset_condition(timetable):
    """The asset (dataset) condition a timetable waits for, as a tree: a URI string, or {"all": [...]} /
    {"any": [...]} (DatasetAll/DatasetAny on Airflow 2, AssetAll/AssetAny on Airflow 3); None for a time schedule.
    A list schedule is Airflow's own DatasetAll/AssetAll of its items."""
    cond = getattr(timetable, "asset_condition", None) or getattr(timetable, "dataset_condition", None)
    if cond is None or type(cond).__name__.startswith("_Null"):  # Airflow 2 gives every timetable a _NullDataset
        return None

    def tree(c):
        name = type(c).__name__
        if name in ("DatasetAll", "AssetAll", "SerializedAssetAll"):
            return {"all": [tree(x) for x in c.objects]}
        if name in ("DatasetAny", "AssetAny", "SerializedAssetAny"):
            return {"any": [tree(x) for x in c.objects]}
        if name in ("AssetAlias", "SerializedAssetAlias"):
            return {"alias": c.name}
        return getattr(c, "uri", None) or f"<{name}>"

    return tree(cond)


def inner_timetable(timetable):
    """The time part of DatasetOrTimeSchedule / AssetOrTimeSchedule: class name and serialized arguments."""
    inner = getattr(timetable, "timetable", None)
    if inner is None:
        return None
    return {"class": type(inner).__name__, "args": timetable_args(inner)}


def init_param_names(cls) -> list[str]:
    """__init__ parameter names of cls and its bases, up to (not including) BaseOperator."""
    names: list[str] = []
    for klass in cls.__mro__:
        if klass.__name__ in _BASE_CLASSES and klass.__module__.startswith("airflow"):
            break
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        try:
            params = inspect.signature(init).parameters.values()
        except (TypeError, ValueError):
            continue
        for p in params:
            if p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and p.name not in names:
                names.append(p.name)
    return names


_MISSING = object()


def read_attr(op, name):
    """An operator attribute without running cached_property/hook code."""
    if name in getattr(op, "__dict__", {}):
        return op.__dict__[name]
    descriptor = inspect.getattr_static(type(op), name, _MISSING)
    if descriptor is _MISSING or not isinstance(descriptor, property):
        return _MISSING
    try:
        return getattr(op, name)
    except Exception:
        return _MISSING


def task_fields(op, op_class):
    names = list(getattr(op, "template_fields", ()) or ())
    names += [n for n in init_param_names(op_class) if n not in names]
    fields = {}
    if hasattr(op, "partial_kwargs"):  # mapped task: .partial(...).expand(...)
        for name in sorted(names):
            if name in op.partial_kwargs:
                fields[name] = to_json(op.partial_kwargs[name])
        expand = {}
        for attr_name in ("expand_input", "op_kwargs_expand_input"):  # the latter: mapped @task
            value = getattr(getattr(op, attr_name, None), "value", None) or {}
            if isinstance(value, dict):
                expand.update(value)
            else:  # expand_kwargs(<XComArg>): the list of argument mappings as a whole
                fields["__expand_kwargs__"] = xcom_arg_of(value)
        fields["__expand__"] = {k: xcom_arg_of(v) for k, v in expand.items()}
        return fields
    for name in sorted(names):
        value = read_attr(op, name)
        if value is not _MISSING:
            fields[name] = to_json(value)
    return fields


def xcom_arg_of(value):
    """An expand argument: a task's output as {"xcom": task id, "key": ..., "map": [function names]}, else its JSON."""
    names = []
    # MapXComArg: the callables applied to the items of the XComArg it wraps.
    while type(value).__name__ == "MapXComArg":
        names = [getattr(c, "__name__", str(c)) for c in value.callables] + names
        value = value.arg
    operator = getattr(value, "operator", None)
    if type(value).__name__ == "PlainXComArg" and operator is not None:
        out = {"xcom": operator.task_id, "key": value.key}
        return {**out, "map": names} if names else out
    return to_json(value)


def outlet_uri(outlet):
    """An outlet's URI (Dataset on Airflow 2, Asset on 3), {"alias": name} for an alias (DatasetAlias on Airflow 2,
    AssetAlias on 3), else its stable repr."""
    if type(outlet).__name__ in ("DatasetAlias", "AssetAlias"):
        return {"alias": outlet.name}
    uri = attr(outlet, "uri")
    return uri if isinstance(uri, str) else stable_repr(outlet)


def deadlines_of(dag):
    """A DAG's deadline alerts (Airflow 3.1+, `DAG.deadline`, a list), each as reference class, interval in seconds,
    callback path and its kwargs; [] where the DAG has none or the Airflow version has no deadlines."""
    alerts = attr(dag, "deadline") or []
    if not isinstance(alerts, (list, tuple)):
        alerts = [alerts]
    out = []
    for a in alerts:
        cb = attr(a, "callback")
        out.append(
            {
                "reference": type(attr(a, "reference")).__name__,
                "interval": seconds(attr(a, "interval")),
                "callback_class": type(cb).__name__,
                "callback_path": to_json(attr(cb, "path")),
                "callback_kwargs": to_json(attr(cb, "kwargs")),
            }
        )
    return out


def init_kwarg_names(op):
    """Names of the keyword arguments the operator was constructed with: those written in the DAG file plus the
    default_args entries its signature takes (BaseOperator records them for serialization), sorted; null for a
    mapped task."""
    kwargs = attr(op, "_BaseOperator__init_kwargs")
    return sorted(kwargs) if isinstance(kwargs, dict) else None


def attr(obj, name, default=None):
    try:
        return getattr(obj, name, default)
    except Exception:
        return default


SAMPLE_ITEM = "<item>"


def sample_item_args(op):
    """The arguments one item gives a mapped task, for a sample item (a string): expand's names get the item;
    expand_kwargs' mapping function(s) are called on it, so the generated function runs here."""
    value = getattr(getattr(op, "expand_input", None), "value", None)
    if isinstance(value, dict):
        return {k: SAMPLE_ITEM for k in value}
    callables = []
    while type(value).__name__ == "MapXComArg":
        callables = list(value.callables) + callables
        value = value.arg
    item = SAMPLE_ITEM
    for fn in callables:
        item = fn(item)
    return item


def describe_task(op):
    """A task; a mapped task (.partial().expand()) as Airflow unmaps it for one sample item, with what it expands."""
    # Only a classic operator's .partial().expand() (what dagsmith writes); a mapped @task (DecoratedMappedOperator,
    # in dag-factory's examples) is described as before: unmap() builds its op_kwargs from the expansion at run time.
    if type(op).__name__ == "MappedOperator" and hasattr(op, "partial_kwargs") and hasattr(op, "expand_input"):
        item_args = sample_item_args(op)
        out = describe_one(op.unmap(item_args))
        expand_fields = task_fields(op, attr(op, "operator_class"))
        group = attr(op, "task_group")
        return {
            **out,
            "mapped": True,
            "task_group": None if group is None or attr(group, "is_root", True) else attr(group, "group_id"),
            "upstream": sorted(op.upstream_task_ids),
            "downstream": sorted(op.downstream_task_ids),
            "item_args": to_json(item_args),
            "expand": {k: v for k, v in expand_fields.items() if k in ("__expand__", "__expand_kwargs__")},
            "max_active_tis_per_dagrun": to_json(attr(op, "max_active_tis_per_dagrun")),
            # The unmapped operator is built from every partial argument Airflow keeps (defaults included).
            "init_kwargs": None,
        }
    return describe_one(op)


def describe_one(op):
    # A task of one of dagsmith's checked operator subclasses is described as a task of the provider class it extends.
    from checked_subclasses import CHECKED_SUBCLASSES

    op_class = attr(op, "operator_class") if hasattr(op, "partial_kwargs") else type(op)
    if not isinstance(op_class, type):
        op_class = type(op)
    checked = None
    if op_class.__name__ in CHECKED_SUBCLASSES and len(op_class.__bases__) == 1:
        checked, op_class = op_class.__name__, op_class.__bases__[0]
    group = attr(op, "task_group")
    group_id = None
    if group is not None and not attr(group, "is_root", True):
        group_id = attr(group, "group_id")
    is_sensor = any(k.__name__ == "BaseSensorOperator" for k in op_class.__mro__)
    return {
        "task_id": op.task_id,
        "operator_module": op_class.__module__,
        "operator_class": op_class.__name__,
        "checked_subclass": checked,
        "mapped": hasattr(op, "partial_kwargs"),
        "upstream": sorted(op.upstream_task_ids),
        "downstream": sorted(op.downstream_task_ids),
        "task_group": group_id,
        "retries": to_json(attr(op, "retries")),
        "retry_delay": seconds(attr(op, "retry_delay")),
        "retry_exponential_backoff": to_json(attr(op, "retry_exponential_backoff")),
        "execution_timeout": seconds(attr(op, "execution_timeout")),
        "trigger_rule": to_json(attr(op, "trigger_rule")),
        "is_setup": bool(attr(op, "is_setup", False)),
        "is_teardown": bool(attr(op, "is_teardown", False)),
        "deferrable": to_json(attr(op, "deferrable")),
        "mode": to_json(attr(op, "mode")) if is_sensor else None,
        "pool": to_json(attr(op, "pool")),
        "aws_conn_id": to_json(attr(op, "aws_conn_id")),
        "region_name": to_json(attr(op, "region_name")),
        "owner": to_json(attr(op, "owner")),
        "on_failure_callback": callback_name(attr(op, "on_failure_callback")),
        "on_success_callback": callback_name(attr(op, "on_success_callback")),
        "on_retry_callback": callback_name(attr(op, "on_retry_callback")),
        "alerts": alerts_of(op),
        "pool_slots": to_json(attr(op, "pool_slots")),
        "priority_weight": to_json(attr(op, "priority_weight")),
        "weight_rule": weight_rule_name(attr(op, "weight_rule")),
        "queue": to_json(attr(op, "queue")),
        "outlets": [outlet_uri(o) for o in (attr(op, "outlets") or [])],
        "post_execute_hook": callback_name(attr(op, "_post_execute_hook")),
        "poke_interval": seconds(attr(op, "poke_interval")) if is_sensor else None,
        "timeout": seconds(attr(op, "timeout")) if is_sensor else None,
        "fields": task_fields(op, op_class),
        "init_kwargs": init_kwarg_names(op),
        "max_active_tis_per_dagrun": to_json(attr(op, "max_active_tis_per_dagrun")),
        "retry_policy": retry_policy_of(op),
    }


def retry_policy_of(op):
    """A task's retry policy (Airflow 3.3+) as Airflow serializes it: exception paths, actions, delays, reasons."""
    policy = attr(op, "retry_policy")
    return None if policy is None else policy.serialize()


def describe_params(dag):
    out = {}
    params = dag.params
    for name in sorted(params.keys()):
        p = params.get_param(name) if hasattr(params, "get_param") else params[name]
        value = attr(p, "value", p)
        out[name] = {
            "default": to_json(value),
            "has_default": type(value).__name__ != "ArgNotSet",
            "schema": to_json(attr(p, "schema", {})),
            "description": to_json(attr(p, "description")),
        }
    return out


def describe_dag(dag):
    start = dag.start_date
    tz = attr(dag, "timezone")
    return {
        "dag_id": dag.dag_id,
        "fileloc": os.path.basename(dag.fileloc or ""),
        "schedule": schedule_of(dag),
        "timetable": type(dag.timetable).__name__,
        "timetable_args": timetable_args(dag.timetable),
        "asset_condition": asset_condition(dag.timetable),
        "or_timetable": inner_timetable(dag.timetable),
        "catchup": dag.catchup,
        "start_date": start.isoformat() if start else None,
        "timezone": attr(tz, "name", None) or (str(tz) if tz else None),
        "tags": sorted(dag.tags or []),
        "owner": to_json(attr(dag, "owner")),
        "description": dag.description,
        "params": describe_params(dag),
        "max_active_runs": dag.max_active_runs,
        "max_active_tasks": attr(dag, "max_active_tasks"),
        "dagrun_timeout": seconds(dag.dagrun_timeout),
        "on_failure_callback": callback_name(attr(dag, "on_failure_callback")),
        "on_success_callback": callback_name(attr(dag, "on_success_callback")),
        "alerts": alerts_of(dag),
        "deadlines": deadlines_of(dag),
        "default_args": sorted((dag.default_args or {}).keys()),
        "tasks": [describe_task(t) for t in sorted(dag.tasks, key=lambda t: t.task_id)],
    }


def dump_bag(folder):
    """import_errors, warnings and dags of one DagBag over `folder` (a folder or one .py file)."""
    bag = load_dagbag(folder)
    base = folder if os.path.isdir(folder) else os.path.dirname(folder)

    def rel(path):
        return os.path.relpath(path, base)

    def strip_base(text):  # DAG-folder paths in messages made relative, for stable output
        return str(text).replace(base + os.sep, "")

    dags = {}
    for dag_id in sorted(bag.dags):
        try:
            dags[dag_id] = describe_dag(bag.dags[dag_id])
        except Exception as exc:  # never crash the whole dump for one odd DAG
            dags[dag_id] = {"dag_id": dag_id, "dump_error": f"{type(exc).__name__}: {exc}"}
    return {
        "import_errors": {rel(f): strip_base(msg) for f, msg in sorted(bag.import_errors.items())},
        "warnings": {rel(f): [strip_base(w) for w in ws] for f, ws in sorted(getattr(bag, "captured_warnings", {}).items())},
        "dags": dags,
    }


def main(argv):
    if len(argv) < 2:
        print("usage: python dagbag_dump.py <dag folder or file> [<dag folder or file> ...]", file=sys.stderr)
        return 2
    folders = [os.path.abspath(a) for a in argv[1:]]
    for folder in folders:
        if not os.path.exists(folder):
            print(f"dagbag_dump: {folder} does not exist", file=sys.stderr)
            return 2
    dirs = [f if os.path.isdir(f) else os.path.dirname(f) for f in folders]
    os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = os.path.commonpath(dirs)

    # Keep stdout for the JSON alone: point fd 1 at stderr while Airflow runs.
    sys.stdout.flush()
    json_out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)

    import airflow

    # Show DeprecationWarnings raised while a DAG file is imported (Python hides them by
    # default); DagBag records them per file, so deprecated imports in generated code show up.
    warnings.simplefilter("default", DeprecationWarning)
    if len(folders) == 1:
        result = {"airflow_version": airflow.__version__, **dump_bag(folders[0])}
    else:
        # Several folders: one DagBag each (so equal dag_ids in different folders do not clash),
        # in this one process, which pays for importing Airflow once.
        result = {
            "airflow_version": airflow.__version__,
            "bags": [{"folder": folder, **dump_bag(folder)} for folder in folders],
        }
    json.dump(result, json_out, indent=2, sort_keys=False)
    json_out.write("\n")
    json_out.flush()
    return 0


if __name__ == "__main__":
    try:
        code = main(sys.argv)
    finally:
        shutil.rmtree(_HOME, ignore_errors=True)
    sys.exit(code)
